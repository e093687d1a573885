//===- MaeriTargetModel.cpp - The MAERI accelerator as a target -----------===//

#include "accel/Target/MAERI/MaeriTargetModel.h"

#include "llvm/Support/MathExtras.h"

using namespace mlir::accel;

AcceleratorTargetModel::~AcceleratorTargetModel() = default;

llvm::Expected<MaeriTargetModel>
MaeriTargetModel::get(const HardwareConfig &config) {
  if (llvm::Error err = config.validate())
    return std::move(err);
  if (config.maeri)
    return MaeriTargetModel(config.maeri->multiplierSwitches,
                            config.maeri->distributionBandwidth,
                            config.maeri->reductionBandwidth);
  auto floorPow2 = [](int64_t v) {
    return static_cast<int64_t>(llvm::bit_floor(static_cast<uint64_t>(v)));
  };
  int64_t ms = floorPow2(config.numPEs);
  int64_t bw = floorPow2(std::min(ms, config.nocBandwidth));
  return MaeriTargetModel(ms, bw, bw);
}

int64_t MaeriTargetModel::treeDepth() const {
  return llvm::Log2_64(static_cast<uint64_t>(ms));
}
