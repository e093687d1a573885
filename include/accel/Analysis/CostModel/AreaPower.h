//===- AreaPower.h - MAESTRO's area and power estimate ----------*- C++ -*-===//
//
// The area and power of an accelerator as MAESTRO estimates them
// (maestro-project/maestro at 4eb08d1, cost-model/include/
// design-space-exploration/: DSE_hardware_modules.hpp's Accelerator,
// DSE_cost-database.hpp's unit costs, DSE_scaling-coefficients.hpp's fits,
// from a 28 nm synthesis). docs/DSE.md gives the formulas.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_ANALYSIS_COSTMODEL_AREAPOWER_H
#define ACCEL_ANALYSIS_COSTMODEL_AREAPOWER_H

#include <cstdint>

namespace mlir::accel {

/// Area in um^2, power in mW (MAESTRO's units), with the power per part.
struct AreaPowerReport {
  double area = 0;
  double power = 0;
  double pePower = 0;  // the MACs of all PEs
  double l1Power = 0;  // the L1 buffers of all PEs
  double l2Power = 0;  // the shared buffer
  double nocPower = 0; // one bus and its arbiter across the PEs
};

/// MAESTRO's estimate for `numPEs` PEs of `simdLanes` MACs, each with
/// `l1Bytes` of L1, `l2Bytes` of shared L2 and a NoC of `nocBandwidth`
/// elements per cycle. MAESTRO's per-layer CSV passes the layer's buffer
/// requirements as the sizes; its design-space exploration the swept ones.
AreaPowerReport estimateAreaPower(int64_t numPEs, int64_t simdLanes,
                                  int64_t nocBandwidth, int64_t l1Bytes,
                                  int64_t l2Bytes);

} // namespace mlir::accel

#endif // ACCEL_ANALYSIS_COSTMODEL_AREAPOWER_H
