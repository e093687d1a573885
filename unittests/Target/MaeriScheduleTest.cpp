//===- MaeriScheduleTest.cpp - MAERI target model and schedules -----------===//

#include "accel/Target/MAERI/MaeriSchedule.h"

#include "gtest/gtest.h"

using namespace mlir::accel;

namespace {

LayerShape conv(int64_t k, int64_t c, int64_t r, int64_t y) {
  LayerShape s;
  s.sizes = {1, 1, k, c, r, r, y, y};
  return s;
}

MaeriTargetModel maeri(int64_t ms, int64_t dn, int64_t rn) {
  return llvm::cantFail(MaeriTargetModel::get(MaeriConfig{ms, dn, rn}));
}

TEST(MaeriTargetModel, FromHardware) {
  MaeriTargetModel m = maeri(64, 8, 4);
  EXPECT_EQ(m.numMultipliers(), 64);
  EXPECT_EQ(m.distributionBandwidth(), 8);
  EXPECT_EQ(m.reductionBandwidth(), 4);
  EXPECT_EQ(m.treeDepth(), 6);
  // Without MAERI parameters: a switch per PE, rounded down to a power of
  // two, bandwidths min(switches, NoC bandwidth).
  HardwareConfig hw;
  hw.numPEs = 100;
  hw.nocBandwidth = 20;
  MaeriTargetModel d = llvm::cantFail(MaeriTargetModel::derive(hw));
  EXPECT_EQ(d.numMultipliers(), 64);
  EXPECT_EQ(d.distributionBandwidth(), 16);
}

TEST(MaeriTargetModel, Validation) {
  auto message = [](MaeriConfig config) {
    return llvm::toString(MaeriTargetModel::get(config).takeError());
  };
  EXPECT_EQ(message({64, 8, 8}), "");
  EXPECT_NE(message({48, 8, 8}).find("ms must be a positive power of two"),
            std::string::npos);
  EXPECT_NE(message({64, 128, 8}).find("cannot exceed"), std::string::npos);
  // Without a PE array of its own, one PE per multiplier switch.
  MaeriTargetModel m = maeri(32, 4, 4);
  EXPECT_EQ(m.getHardware().numPEs, 32);
  EXPECT_TRUE(llvm::isa<MaeriTargetModel>(
      static_cast<const AcceleratorTargetModel &>(m)));
}

// K over 8 sub-units, C over 2 inside: VNs of T_C = 2 switches, T_K = 8 VNs.
TEST(MaeriSchedule, DerivedFromADataflow) {
  LayerShape shape = conv(8, 4, 3, 6);
  std::vector<Directive> df = {
      Directive::spatialMap(SizeExpr::constant(1), SizeExpr::constant(1),
                            Dim::K),
      Directive::cluster(SizeExpr::constant(2)),
      Directive::spatialMap(SizeExpr::constant(1), SizeExpr::constant(1),
                            Dim::C)};
  BoundDataflow bound = llvm::cantFail(bindDataflow(df, shape, 16));
  MaeriSchedule s =
      llvm::cantFail(deriveSchedule(bound, shape, maeri(16, 4, 4)));
  EXPECT_EQ(s[TileDim::K], 8);
  EXPECT_EQ(s[TileDim::C], 2);
  EXPECT_EQ(s.vnSize(), 2);
  EXPECT_EQ(s.numVNs(), 8);
  EXPECT_EQ(s.folds(shape), 3 * 3 * 2);
  // 8 / 8 K tiles x 4 / 2 C tiles x 3 x 3 window taps x 4 x 4 outputs.
  EXPECT_EQ(s.numTiles(shape), 1 * 2 * 9 * 16);
  EXPECT_EQ(s.inputMulticast(), 8);
}

TEST(MaeriSchedule, VerifierCatchesOverflowAndBadOrders) {
  LayerShape shape = conv(8, 4, 3, 6);
  MaeriSchedule s;
  s.tile[static_cast<unsigned>(TileDim::K)] = 8;
  s.tile[static_cast<unsigned>(TileDim::C)] = 4;
  s.order = {Dim::N, Dim::G, Dim::K, Dim::C, Dim::R, Dim::S, Dim::OY, Dim::OX};
  EXPECT_FALSE(static_cast<bool>(verifySchedule(s, shape, maeri(32, 4, 4))));
  EXPECT_NE(llvm::toString(verifySchedule(s, shape, maeri(16, 4, 4)))
                .find("need 32, the array has 16"),
            std::string::npos);
  s.order.pop_back();
  EXPECT_NE(llvm::toString(verifySchedule(s, shape, maeri(32, 4, 4)))
                .find("must name all"),
            std::string::npos);
}

TEST(MaeriSchedule, DefaultIsWeightStationary) {
  LayerShape shape = conv(512, 512, 3, 14);
  std::string why;
  MaeriSchedule s = defaultSchedule(shape, maeri(256, 32, 32), &why);
  EXPECT_EQ(s.vnSize(), 9);
  EXPECT_EQ(s.numVNs(), 28);
  EXPECT_FALSE(static_cast<bool>(verifySchedule(s, shape, maeri(256, 32, 32))));
  EXPECT_NE(why.find("weight stationary"), std::string::npos);
}

} // namespace
