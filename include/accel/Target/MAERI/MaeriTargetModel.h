//===- MaeriTargetModel.h - The MAERI accelerator as a target ---*- C++ -*-===//
//
// The hardware a MAERI schedule targets (Kwon et al., ASPLOS 2018), in the
// style of mlir-aie's AIETargetModel: an abstract target model with one
// subclass per machine. MLIR-free.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_TARGET_MAERI_MAERITARGETMODEL_H
#define ACCEL_TARGET_MAERI_MAERITARGETMODEL_H

#include "accel/Model/Hardware.h"

#include "llvm/Support/Error.h"

#include <cstdint>
#include <memory>

namespace mlir::accel {

/// What a schedule needs to know about a spatial machine.
class AcceleratorTargetModel {
public:
  virtual ~AcceleratorTargetModel();
  /// Multipliers that work in parallel.
  virtual int64_t numMultipliers() const = 0;
  /// Elements the distribution network delivers per cycle.
  virtual int64_t distributionBandwidth() const = 0;
  /// Results the reduction network collects per cycle.
  virtual int64_t reductionBandwidth() const = 0;
  /// Whether one delivered element can reach several multipliers at once.
  virtual bool hasMulticast() const = 0;
  /// Whether neighbouring multipliers can pass inputs to each other.
  virtual bool hasForwardingLinks() const = 0;
};

/// MAERI: N multiplier switches (a power of two) under a binary
/// distribution tree delivering `dn_bw` elements per cycle (multicast), an
/// augmented reduction tree whose root collects `rn_bw` results per cycle,
/// and forwarding links between neighbouring multiplier switches.
class MaeriTargetModel final : public AcceleratorTargetModel {
public:
  /// The model of `config`'s MAERI parameters; without them, a MAERI with
  /// one multiplier switch per PE (rounded down to a power of two) and
  /// bandwidths of min(num_pes, NoC bandwidth), as powers of two.
  static llvm::Expected<MaeriTargetModel> get(const HardwareConfig &config);

  int64_t numMultipliers() const override { return ms; }
  int64_t distributionBandwidth() const override { return dnBw; }
  int64_t reductionBandwidth() const override { return rnBw; }
  bool hasMulticast() const override { return true; }
  bool hasForwardingLinks() const override { return true; }
  /// Levels of the distribution and reduction trees: log2(ms).
  int64_t treeDepth() const;

private:
  MaeriTargetModel(int64_t ms, int64_t dnBw, int64_t rnBw)
      : ms(ms), dnBw(dnBw), rnBw(rnBw) {}
  int64_t ms, dnBw, rnBw;
};

} // namespace mlir::accel

#endif // ACCEL_TARGET_MAERI_MAERITARGETMODEL_H
