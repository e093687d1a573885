//===- HardwareTest.cpp - Hardware parameter validation -------------------===//

#include "accel/Model/Hardware.h"

#include "gtest/gtest.h"

using namespace mlir::accel;

namespace {

std::string message(const HardwareConfig &config) {
  return llvm::toString(config.validate());
}

TEST(Hardware, DefaultsAreValid) {
  EXPECT_EQ(message(HardwareConfig()), "");
  HardwareConfig maeri;
  maeri.maeri = MaeriConfig{64, 8, 8};
  EXPECT_EQ(message(maeri), "");
}

TEST(Hardware, RejectsOutOfRange) {
  HardwareConfig config;
  config.numPEs = 0;
  EXPECT_NE(message(config).find("num_pes"), std::string::npos);
  config = HardwareConfig();
  config.hopLatency = -1;
  EXPECT_NE(message(config).find("hop_latency"), std::string::npos);
  config = HardwareConfig();
  config.l2Size = int64_t(1) << 50;
  EXPECT_NE(message(config).find("l2_size"), std::string::npos);
}

TEST(Hardware, MaeriNeedsPowersOfTwo) {
  HardwareConfig config;
  config.maeri = MaeriConfig{48, 8, 8};
  EXPECT_NE(message(config).find("maeri_ms must be a positive power of two"),
            std::string::npos);
  config.maeri = MaeriConfig{64, 128, 8};
  EXPECT_NE(message(config).find("cannot exceed"), std::string::npos);
}

} // namespace
