//===- Hardware.h - Parameters of a spatial accelerator ---------*- C++ -*-===//

#ifndef ACCEL_MODEL_HARDWARE_H
#define ACCEL_MODEL_HARDWARE_H

#include "llvm/Support/Error.h"

#include <cstdint>

namespace mlir::accel {

/// MAESTRO's abstract hardware: the PE array a dataflow runs on. Defaults are
/// documented in docs/Dialect.md and match `#accel.pe_array` parameter
/// defaults. What a target has beyond it lives in its own model
/// (TargetModel.h).
struct HardwareConfig {
  int64_t numPEs = 256;
  int64_t simdLanes = 1;
  int64_t l1Size = 512;      // bytes per PE
  int64_t l2Size = 108000;   // bytes, shared
  int64_t nocBandwidth = 64; // elements per cycle
  int64_t nocHops = 1;       // average hops of a NoC transfer
  int64_t hopLatency = 1;    // cycles per hop
  bool multicast = true;
  int64_t offchipBandwidth = 16; // elements per cycle
  int64_t elementSize = 1;       // bytes

  /// Checks ranges (positive counts and sizes, non-negative latencies).
  llvm::Error validate() const;
};

} // namespace mlir::accel

#endif // ACCEL_MODEL_HARDWARE_H
