//===- CostModelTestSupport.h - Shorthands of the cost-model tests -*- C++ -*-===//
//
// What the cost-model regression tests share: tensor indices, a PE array
// whose NoC and off-chip links never limit, an evaluation that reports an
// error as a test failure, and the comparison of two reports.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_UNITTESTS_ANALYSIS_COSTMODELTESTSUPPORT_H
#define ACCEL_UNITTESTS_ANALYSIS_COSTMODELTESTSUPPORT_H

#include "accel/Analysis/CostModel/CostModel.h"

#include "gtest/gtest.h"

#include <algorithm>
#include <cmath>
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

/// Averages over the iteration cases: the model sums a class of cases in
/// one product, a case walk one case at a time, so past 2^53 the two round
/// differently in the last bits.
inline void expectSameAverage(double a, double b, const char *what) {
  EXPECT_NEAR(a, b, 1e-12 * std::max(std::abs(a), std::abs(b))) << what;
}

inline void expectSameDelays(const DelayStats &a, const DelayStats &b,
                             const char *what) {
  EXPECT_EQ(a.min, b.min) << what;
  EXPECT_EQ(a.max, b.max) << what;
  expectSameAverage(a.avg, b.avg, what);
}

/// The figures a ranking evaluation has (CostDetail::Ranking), exactly.
inline void expectSameRankingFigures(const CostReport &a,
                                     const CostReport &b) {
  EXPECT_EQ(a.runtime, b.runtime);
  EXPECT_EQ(a.numMACs, b.numMACs);
  EXPECT_EQ(a.throughput, b.throughput);
  EXPECT_EQ(a.l1.reads, b.l1.reads);
  EXPECT_EQ(a.l1.writes, b.l1.writes);
  EXPECT_EQ(a.l2.reads, b.l2.reads);
  EXPECT_EQ(a.l2.writes, b.l2.writes);
  EXPECT_EQ(a.l1SizeReq, b.l1SizeReq);
  EXPECT_EQ(a.l2SizeReq, b.l2SizeReq);
  EXPECT_EQ(a.l1SizeReqOf, b.l1SizeReqOf);
  EXPECT_EQ(a.l2SizeReqOf, b.l2SizeReqOf);
  EXPECT_EQ(a.reuse, b.reuse);
  EXPECT_EQ(a.multicastInput, b.multicastInput);
  EXPECT_EQ(a.multicastFilter, b.multicastFilter);
  EXPECT_EQ(a.inputSize, b.inputSize);
  EXPECT_EQ(a.filterSize, b.filterSize);
  EXPECT_EQ(a.energy, b.energy);
}

/// Every figure of two reports: integers and most doubles exactly, the
/// averages over cases as expectSameAverage.
inline void expectSameReport(const CostReport &a, const CostReport &b) {
  expectSameRankingFigures(a, b);
  EXPECT_EQ(a.peakNocBw, b.peakNocBw);
  expectSameAverage(a.avgNocBw, b.avgNocBw, "average NoC bandwidth");
  EXPECT_EQ(a.offchipBw, b.offchipBw);
  expectSameDelays(a.ingress, b.ingress, "ingress");
  expectSameDelays(a.egress, b.egress, "egress");
  expectSameDelays(a.compute, b.compute, "compute");
  expectSameAverage(a.avgUtilizedPEs, b.avgUtilizedPEs, "utilized PEs");
  EXPECT_EQ(a.arithmeticIntensity, b.arithmeticIntensity);
}

/// A ranking evaluation (CostDetail::Ranking) against a full one of the
/// same dataflow: the figures it has are the full one's, the statistics it
/// leaves out are zero.
inline void expectRankingFiguresOf(const CostReport &ranking,
                                   const CostReport &full) {
  expectSameRankingFigures(ranking, full);
  // Left out: the step statistics and the area/power estimate.
  CostReport none;
  EXPECT_EQ(ranking.peakNocBw, none.peakNocBw);
  EXPECT_EQ(ranking.avgNocBw, none.avgNocBw);
  EXPECT_EQ(ranking.offchipBw, none.offchipBw);
  for (const DelayStats *delays :
       {&ranking.ingress, &ranking.egress, &ranking.compute}) {
    EXPECT_EQ(delays->min, 0);
    EXPECT_EQ(delays->max, 0);
    EXPECT_EQ(delays->avg, 0);
  }
  EXPECT_EQ(ranking.avgUtilizedPEs, none.avgUtilizedPEs);
  EXPECT_EQ(ranking.arithmeticIntensity, none.arithmeticIntensity);
  EXPECT_EQ(ranking.areaPower.area, none.areaPower.area);
  EXPECT_EQ(ranking.areaPower.power, none.areaPower.power);
}

} // namespace mlir::accel::testing

#endif // ACCEL_UNITTESTS_ANALYSIS_COSTMODELTESTSUPPORT_H
