//===- TargetModel.h - What the analyses know of a machine ------*- C++ -*-===//
//
// The C++ model of an accelerator target, in the style of mlir-aie's
// AIETargetModel: an abstract class with one subclass per target, reached
// from the IR through `getTargetModel(Operation *)` (AccelOps.h). The
// hierarchy is open (LLVM's ExtensibleRTTI), so a target's own passes can
// `dyn_cast` to their model without the core listing the targets. MLIR-free.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_MODEL_TARGETMODEL_H
#define ACCEL_MODEL_TARGETMODEL_H

#include "accel/Model/Hardware.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Casting.h"
#include "llvm/Support/ExtensibleRTTI.h"

#include <cstdint>

namespace mlir::accel {

/// What every analysis may ask of a target machine.
class AcceleratorTargetModel
    : public llvm::RTTIExtends<AcceleratorTargetModel, llvm::RTTIRoot> {
public:
  static char ID;

  explicit AcceleratorTargetModel(const HardwareConfig &hardware)
      : hardware(hardware) {}

  /// The target's name in diagnostics and reports ("MAERI").
  virtual llvm::StringRef getName() const = 0;
  /// MACs the machine completes per cycle at best.
  virtual int64_t getPeakMACsPerCycle() const = 0;
  /// MAESTRO's abstract view of the machine (PEs, buffers, NoC): what
  /// dataflows are bound to and the dataflow-level cost model evaluates.
  const HardwareConfig &getHardware() const { return hardware; }

private:
  HardwareConfig hardware;
};

/// MAESTRO's abstract PE array, `#accel.pe_array`: nothing beyond it.
class PEArrayTargetModel final
    : public llvm::RTTIExtends<PEArrayTargetModel, AcceleratorTargetModel> {
public:
  static char ID;

  using RTTIExtends::RTTIExtends;

  llvm::StringRef getName() const override { return "PE array"; }
  int64_t getPeakMACsPerCycle() const override {
    return getHardware().numPEs * getHardware().simdLanes;
  }
};

} // namespace mlir::accel

#endif // ACCEL_MODEL_TARGETMODEL_H
