//===- Hardware.h - Parameters of a spatial accelerator ---------*- C++ -*-===//

#ifndef ACCEL_MODEL_HARDWARE_H
#define ACCEL_MODEL_HARDWARE_H

#include "llvm/Support/Error.h"

#include <cstdint>
#include <optional>

namespace mlir::accel {

/// MAERI's reconfigurable-interconnect parameters (ASPLOS 2018).
struct MaeriConfig {
  int64_t multiplierSwitches = 64;
  int64_t distributionBandwidth = 8;
  int64_t reductionBandwidth = 8;
};

/// The hardware a dataflow runs on. Defaults are documented in
/// docs/Dialect.md and match `#accel.pe_array` parameter defaults.
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
  std::optional<MaeriConfig> maeri;

  /// Checks ranges (positive counts and sizes, non-negative latencies) and
  /// that MAERI parameters are powers of two with bandwidths no larger than
  /// the number of multiplier switches.
  llvm::Error validate() const;
};

} // namespace mlir::accel

#endif // ACCEL_MODEL_HARDWARE_H
