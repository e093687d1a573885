//===- MaeriTargetModel.cpp - The MAERI accelerator as a target -----------===//

#include "accel/Target/MAERI/MaeriTargetModel.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir::accel;

char MaeriTargetModel::ID = 0;

llvm::Error MaeriConfig::validate() const {
  auto fail = [](const llvm::Twine &msg) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), msg);
  };
  // The same bound as HardwareConfig's: products of two stay in 64 bits.
  constexpr int64_t kMax = int64_t(1) << 40;
  struct Param {
    const char *name;
    int64_t value;
  };
  for (const Param &p : {Param{"ms", multiplierSwitches},
                         Param{"dn_bw", distributionBandwidth},
                         Param{"rn_bw", reductionBandwidth}}) {
    if (p.value < 1 || p.value > kMax ||
        !llvm::isPowerOf2_64(static_cast<uint64_t>(p.value)))
      return fail(llvm::formatv(
          "MAERI {0} must be a positive power of two, got {1}", p.name,
          p.value));
  }
  if (distributionBandwidth > multiplierSwitches ||
      reductionBandwidth > multiplierSwitches)
    return fail(llvm::formatv(
        "MAERI bandwidths (dn_bw {0}, rn_bw {1}) cannot exceed the {2} "
        "multiplier switches they connect to",
        distributionBandwidth, reductionBandwidth, multiplierSwitches));
  return llvm::Error::success();
}

llvm::Expected<MaeriTargetModel>
MaeriTargetModel::get(const MaeriConfig &config,
                      std::optional<HardwareConfig> hardware) {
  if (!hardware) {
    hardware.emplace();
    hardware->numPEs = config.multiplierSwitches;
  }
  if (llvm::Error err = hardware->validate())
    return std::move(err);
  if (llvm::Error err = config.validate())
    return std::move(err);
  return MaeriTargetModel(*hardware, config);
}

llvm::Expected<MaeriTargetModel>
MaeriTargetModel::derive(const HardwareConfig &hardware) {
  if (llvm::Error err = hardware.validate())
    return std::move(err);
  auto floorPow2 = [](int64_t v) {
    return static_cast<int64_t>(llvm::bit_floor(static_cast<uint64_t>(v)));
  };
  int64_t ms = floorPow2(hardware.numPEs);
  int64_t bw = floorPow2(std::min(ms, hardware.nocBandwidth));
  return MaeriTargetModel(hardware, MaeriConfig{ms, bw, bw});
}

int64_t MaeriTargetModel::treeDepth() const {
  return llvm::Log2_64(static_cast<uint64_t>(ms));
}
