//===- DataflowTest.cpp - Directive structure and binding -----------------===//

#include "accel/Model/Dataflow.h"

#include "gtest/gtest.h"

using namespace mlir::accel;

namespace {

Directive spatial(int64_t size, int64_t offset, Dim dim) {
  return Directive::spatialMap(SizeExpr::constant(size),
                               SizeExpr::constant(offset), dim);
}
Directive temporal(int64_t size, int64_t offset, Dim dim) {
  return Directive::temporalMap(SizeExpr::constant(size),
                                SizeExpr::constant(offset), dim);
}
Directive temporalWhole(Dim dim) {
  return Directive::temporalMap(SizeExpr::sizeOfDim(dim),
                                SizeExpr::sizeOfDim(dim), dim);
}
Directive cluster(int64_t size) {
  return Directive::cluster(SizeExpr::constant(size));
}

/// MAESTRO's KC-P weight-stationary mapping (NVDLA-like).
std::vector<Directive> nvdla() {
  return {
      spatial(1, 1, Dim::C), temporal(64, 64, Dim::K), temporalWhole(Dim::R),
      temporalWhole(Dim::S), temporal(1, 1, Dim::OY),  temporal(1, 1, Dim::OX),
      cluster(64),           spatial(1, 1, Dim::K),    temporalWhole(Dim::R),
      temporalWhole(Dim::S)};
}

LayerShape conv11() {
  LayerShape shape;
  shape.setSize(Dim::K, 512);
  shape.setSize(Dim::C, 512);
  shape.setSize(Dim::R, 3);
  shape.setSize(Dim::S, 3);
  shape.setSize(Dim::Y, 14);
  shape.setSize(Dim::X, 14);
  return shape;
}

std::string structureError(const std::vector<Directive> &directives) {
  return llvm::toString(verifyDataflowStructure(directives));
}

TEST(Dataflow, BindsNvdlaToConv11) {
  llvm::Expected<BoundDataflow> bound = bindDataflow(nvdla(), conv11(), 256);
  ASSERT_TRUE(static_cast<bool>(bound)) << llvm::toString(bound.takeError());
  ASSERT_EQ(bound->levels.size(), 2u);
  // 256 PEs in clusters of 64: 4 clusters, each of 64 PEs.
  EXPECT_EQ(bound->levels[0].numSubUnits, 4);
  EXPECT_EQ(bound->levels[0].subUnitPEs, 64);
  EXPECT_EQ(bound->levels[1].numSubUnits, 64);
  EXPECT_EQ(bound->levels[1].subUnitPEs, 1);
  const BoundMap *r = bound->levels[1].find(Dim::R);
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->size, 3); // sz(R) resolved
  EXPECT_EQ(r->offset, 3);
  EXPECT_EQ(r->directiveIndex, 8u);
  EXPECT_EQ(bound->levels[0].find(Dim::Y), nullptr); // maps OY, not Y
  EXPECT_NE(bound->levels[0].find(Dim::OY), nullptr);
}

TEST(Dataflow, ClampsMapsLargerThanTheDimension) {
  LayerShape shape = conv11();
  shape.setSize(Dim::K, 3);
  llvm::Expected<BoundDataflow> bound = bindDataflow(nvdla(), shape, 256);
  ASSERT_TRUE(static_cast<bool>(bound)) << llvm::toString(bound.takeError());
  EXPECT_EQ(bound->levels[0].find(Dim::K)->size, 3);
  EXPECT_EQ(bound->levels[0].find(Dim::K)->offset, 64);
}

TEST(Dataflow, StructureErrors) {
  EXPECT_NE(structureError({}).find("at least one directive"),
            std::string::npos);
  EXPECT_NE(structureError({cluster(4), spatial(1, 1, Dim::K)})
                .find("level 0 is empty"),
            std::string::npos);
  EXPECT_NE(structureError({spatial(1, 1, Dim::K), cluster(4)})
                .find("level 1 is empty"),
            std::string::npos);
  EXPECT_NE(structureError({spatial(1, 1, Dim::K), temporal(2, 2, Dim::K)})
                .find("maps K again at level 0"),
            std::string::npos);
  EXPECT_NE(structureError({spatial(1, 1, Dim::K), temporal(3, 1, Dim::Y),
                            temporal(1, 1, Dim::OY)})
                .find("in input or in output coordinates"),
            std::string::npos);
  EXPECT_NE(structureError({temporal(1, 1, Dim::K)}).find("no spatial_map"),
            std::string::npos);
  EXPECT_NE(
      structureError({spatial(2, 3, Dim::K)}).find("offset 3 exceeds size 2"),
      std::string::npos);
  EXPECT_NE(
      structureError({spatial(0, 1, Dim::K)}).find("size must be positive"),
      std::string::npos);
  // The same dimension may be mapped again at another level.
  EXPECT_EQ(structureError(
                {spatial(8, 8, Dim::K), cluster(8), spatial(1, 1, Dim::K)}),
            "");
}

TEST(Dataflow, BindingErrors) {
  auto bindError = [](const std::vector<Directive> &directives,
                      std::optional<int64_t> pes) {
    llvm::Expected<BoundDataflow> bound =
        bindDataflow(directives, conv11(), pes);
    return bound ? std::string() : llvm::toString(bound.takeError());
  };
  EXPECT_NE(bindError(nvdla(), 32)
                .find("a cluster of 64 PEs does not fit "
                      "the array of 32 PEs"),
            std::string::npos);
  EXPECT_NE(
      bindError({spatial(1, 1, Dim::K), cluster(16), spatial(1, 1, Dim::C),
                 cluster(16), spatial(1, 1, Dim::R)},
                128)
          .find("need 256 PEs but the array has 128"),
      std::string::npos);
  // sz(R) = 3 as size with a constant offset of 4 skips a row.
  Directive skipping = Directive::spatialMap(SizeExpr::sizeOfDim(Dim::R),
                                             SizeExpr::constant(4), Dim::Y);
  EXPECT_NE(bindError({skipping}, 256).find("offset 4 exceeds size 3"),
            std::string::npos);
  // Without a PE count, clusters are not checked against an array.
  EXPECT_EQ(bindError(nvdla(), std::nullopt), "");
}

/// What bindDataflow gives passes verifyBoundDataflow; each rule it
/// checks, broken on its own, fails with a message naming the level.
TEST(Dataflow, VerifiesBoundDataflows) {
  llvm::Expected<BoundDataflow> nvdlaBound =
      bindDataflow(nvdla(), conv11(), 256);
  ASSERT_TRUE(static_cast<bool>(nvdlaBound));
  EXPECT_FALSE(llvm::errorToBool(
      verifyBoundDataflow(*nvdlaBound, conv11(), 256)));
  // A map clamped to its dimension (size 20 of 14 requested) is as bound.
  llvm::Expected<BoundDataflow> clamped =
      bindDataflow({spatial(20, 20, Dim::Y)}, conv11(), 256);
  ASSERT_TRUE(static_cast<bool>(clamped));
  EXPECT_FALSE(
      llvm::errorToBool(verifyBoundDataflow(*clamped, conv11(), 256)));

  auto verifyError = [](const BoundDataflow &bound, int64_t pes = 256) {
    return llvm::toString(verifyBoundDataflow(bound, conv11(), pes));
  };
  auto broken = [&](auto change) {
    BoundDataflow bound = *nvdlaBound;
    change(bound);
    return verifyError(bound);
  };
  BoundMap &innerK = nvdlaBound->levels[1].maps[0];
  ASSERT_EQ(innerK.dim, Dim::K);
  EXPECT_NE(broken([](BoundDataflow &b) { b.levels[1].maps[0].size = 0; })
                .find("level 1 of the bound dataflow has a map of K"),
            std::string::npos);
  EXPECT_NE(broken([](BoundDataflow &b) { b.levels[1].maps[0].offset = 0; })
                .find("that binding cannot give"),
            std::string::npos);
  // Larger than the extent, or than the size as written.
  EXPECT_NE(broken([](BoundDataflow &b) { b.levels[1].maps[0].size = 513; })
                .find("map of K"),
            std::string::npos);
  EXPECT_NE(
      broken([](BoundDataflow &b) { b.levels[1].maps[0].requestedSize = 0; })
          .find("map of K"),
      std::string::npos);
  // An offset past the size skips elements unless the map is whole.
  EXPECT_NE(broken([](BoundDataflow &b) { b.levels[1].maps[0].offset = 2; })
                .find("map of K"),
            std::string::npos);
  // One map per dimension and level: OY after Y counts as Y again.
  EXPECT_NE(broken([](BoundDataflow &b) {
              b.levels[0].maps.push_back(b.levels[0].maps[4]);
            }).find("level 0 of the bound dataflow has a map of OY"),
            std::string::npos);
  EXPECT_NE(broken([](BoundDataflow &b) {
              BoundMap y = b.levels[0].maps[4];
              y.dim = Dim::Y;
              b.levels[0].maps.push_back(y);
            }).find("map of Y"),
            std::string::npos);
  EXPECT_NE(broken([](BoundDataflow &b) { b.levels[1].maps.clear(); })
                .find("level 1 of the bound dataflow is empty"),
            std::string::npos);
  // Sub-unit counts that binding to 256 PEs cannot give.
  EXPECT_NE(broken([](BoundDataflow &b) { b.levels[1].numSubUnits = 512; })
                .find("level 1 of the bound dataflow has 512 sub-units"),
            std::string::npos);
  EXPECT_NE(broken([](BoundDataflow &b) { b.levels[0].numSubUnits = 8; })
                .find("the top level of the bound dataflow has 8 sub-units"),
            std::string::npos);
  EXPECT_NE(verifyError(*nvdlaBound, 32).find("which binding to 32 PEs"),
            std::string::npos);
  EXPECT_NE(verifyError(BoundDataflow()).find("at least one level"),
            std::string::npos);
}

TEST(Dataflow, Describe) {
  EXPECT_EQ(describe(nvdla()[2]), "temporal_map<sz(R), sz(R), R>");
  EXPECT_EQ(describe(cluster(64)), "cluster<64>");
  EXPECT_EQ(describe(spatial(1, 1, Dim::OX)), "spatial_map<1, 1, OX>");
}

} // namespace
