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

} // namespace
