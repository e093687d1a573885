//===- CostModelTestSupport.h - Shorthands of the cost-model tests -*- C++ -*-===//
//
// What the cost-model regression tests share: tensor indices, a PE array
// whose NoC and off-chip links never limit, and an evaluation that reports
// an error as a test failure.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_UNITTESTS_ANALYSIS_COSTMODELTESTSUPPORT_H
#define ACCEL_UNITTESTS_ANALYSIS_COSTMODELTESTSUPPORT_H

#include "accel/Analysis/CostModel/CostModel.h"

#include "gtest/gtest.h"

#include <vector>

namespace mlir::accel::testing {

constexpr unsigned kIn = static_cast<unsigned>(TensorClass::Input);
constexpr unsigned kFilter = static_cast<unsigned>(TensorClass::Filter);
constexpr unsigned kOut = static_cast<unsigned>(TensorClass::Output);

/// `n` PEs with links wide enough that only the mapping decides.
inline HardwareConfig pes(int64_t n) {
  HardwareConfig hw;
  hw.numPEs = n;
  hw.nocBandwidth = 1000;
  hw.offchipBandwidth = int64_t(1) << 30;
  return hw;
}

/// The cost model's report; an error fails the test (and gives zeros).
inline CostReport cost(CostLayerKind kind, const LayerShape &shape,
                       const std::vector<Directive> &dataflow,
                       const HardwareConfig &hw) {
  llvm::Expected<CostReport> r = evaluateCost(kind, shape, dataflow, hw);
  if (!r) {
    ADD_FAILURE() << llvm::toString(r.takeError());
    return {};
  }
  return *r;
}

} // namespace mlir::accel::testing

#endif // ACCEL_UNITTESTS_ANALYSIS_COSTMODELTESTSUPPORT_H
