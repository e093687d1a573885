//===- MaeriTargetModel.h - The MAERI accelerator as a target ---*- C++ -*-===//
//
// The hardware a MAERI schedule targets (Kwon et al., ASPLOS 2018): the MAERI
// subclass of the target model (accel/Model/TargetModel.h), as mlir-aie has
// one AIETargetModel subclass per device. MLIR-free.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_TARGET_MAERI_MAERITARGETMODEL_H
#define ACCEL_TARGET_MAERI_MAERITARGETMODEL_H

#include "accel/Model/Hardware.h"
#include "accel/Model/TargetModel.h"

#include "llvm/Support/Error.h"

#include <cstdint>
#include <optional>

namespace mlir::accel {

/// MAERI's reconfigurable-interconnect parameters (`#accel.maeri`'s `ms`,
/// `dn_bw`, `rn_bw`).
struct MaeriConfig {
  int64_t multiplierSwitches = 64;
  int64_t distributionBandwidth = 8;
  int64_t reductionBandwidth = 8;

  /// Checks that all three are powers of two and that neither bandwidth
  /// exceeds the multiplier switches.
  llvm::Error validate() const;
};

/// MAERI: N multiplier switches (a power of two) under a binary
/// distribution tree delivering `dn_bw` elements per cycle (multicast), an
/// augmented reduction tree whose root collects `rn_bw` results per cycle,
/// and forwarding links between neighbouring multiplier switches.
class MaeriTargetModel final
    : public llvm::RTTIExtends<MaeriTargetModel, AcceleratorTargetModel> {
public:
  static char ID;

  /// The MAERI of `config` in front of `hardware`'s PE array (by default one
  /// PE per multiplier switch).
  static llvm::Expected<MaeriTargetModel>
  get(const MaeriConfig &config, std::optional<HardwareConfig> hardware = {});
  /// The MAERI a plain PE array stands for: one multiplier switch per PE
  /// (rounded down to a power of two) and bandwidths of min(switches, NoC
  /// bandwidth), as powers of two.
  static llvm::Expected<MaeriTargetModel> derive(const HardwareConfig &hardware);

  llvm::StringRef getName() const override { return "MAERI"; }
  int64_t getPeakMACsPerCycle() const override { return ms; }

  /// Multipliers that work in parallel.
  int64_t numMultipliers() const { return ms; }
  /// Elements the distribution network delivers per cycle.
  int64_t distributionBandwidth() const { return dnBw; }
  /// Results the reduction network collects per cycle.
  int64_t reductionBandwidth() const { return rnBw; }
  /// Levels of the distribution and reduction trees: log2(ms).
  int64_t treeDepth() const;
  MaeriConfig getConfig() const { return {ms, dnBw, rnBw}; }

private:
  MaeriTargetModel(const HardwareConfig &hardware, const MaeriConfig &config)
      : RTTIExtends(hardware), ms(config.multiplierSwitches),
        dnBw(config.distributionBandwidth), rnBw(config.reductionBandwidth) {}
  int64_t ms, dnBw, rnBw;
};

} // namespace mlir::accel

#endif // ACCEL_TARGET_MAERI_MAERITARGETMODEL_H
