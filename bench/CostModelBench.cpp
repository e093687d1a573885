//===- CostModelBench.cpp - One cost-model evaluation per library dataflow ===//
//
// VGG16 CONV11 (K 512, C 512, 3x3, 14x14) on MAESTRO's accelerator_1.m with
// each dataflow of dataflows/ (LibraryDataflows.h). MAESTRO -O3 takes about
// 0.7 ms per layer.
//
//===----------------------------------------------------------------------===//

#include "accel/Analysis/CostModel/CostModel.h"

#include "CaseStudy.h"
#include "LibraryDataflows.h"

#include "benchmark/benchmark.h"

#include <optional>
#include <vector>

using namespace mlir::accel;
using namespace accel_bench;

namespace {

/// Times `evaluate()` (an llvm::Expected<CostReport>) on library dataflow
/// state.range(0), stopping at the first error.
template <typename Evaluate>
void timeEvaluations(benchmark::State &state, Evaluate evaluate) {
  state.SetLabel(kNames[state.range(0)]);
  for (auto _ : state) {
    llvm::Expected<CostReport> report = evaluate();
    if (!report) {
      state.SkipWithError(llvm::toString(report.takeError()).c_str());
      break;
    }
    benchmark::DoNotOptimize(report->runtime);
  }
}

/// A CostEvaluator for CONV11 on accelerator_1, or none after skipping the
/// benchmark with the reason.
std::optional<CostEvaluator> conv11Evaluator(benchmark::State &state) {
  llvm::Expected<CostEvaluator> evaluator =
      CostEvaluator::create(CostLayerKind::Conv, conv11(), accelerator1());
  if (!evaluator) {
    state.SkipWithError(llvm::toString(evaluator.takeError()).c_str());
    return std::nullopt;
  }
  return std::move(*evaluator);
}

/// evaluateCost: checks the layer and hardware, then evaluates.
void BM_CostConv11(benchmark::State &state) {
  std::vector<Directive> directives = dataflow(state.range(0));
  LayerShape shape = conv11();
  HardwareConfig hw = accelerator1();
  timeEvaluations(state, [&] {
    return evaluateCost(CostLayerKind::Conv, shape, directives, hw);
  });
}
BENCHMARK(BM_CostConv11)->DenseRange(0, 6)->Unit(benchmark::kMicrosecond);

/// The core evaluation a mapper repeats: a CostEvaluator prepared once for
/// the layer and hardware, no scratch (every evaluation analyzes every
/// level).
void BM_CostConv11Prepared(benchmark::State &state) {
  std::vector<Directive> directives = dataflow(state.range(0));
  std::optional<CostEvaluator> evaluator = conv11Evaluator(state);
  if (!evaluator)
    return;
  timeEvaluations(state, [&] { return evaluator->evaluate(directives); });
}
BENCHMARK(BM_CostConv11Prepared)
    ->DenseRange(0, 6)
    ->Unit(benchmark::kMicrosecond);

/// Times the evaluation of library dataflow state.range(0), bound to CONV11
/// (DataflowSearch binds its own candidates; the evaluator checks the bound
/// form instead of binding), by a prepared CostEvaluator in `detail`,
/// without a scratch.
void timeBoundEvaluations(benchmark::State &state, CostDetail detail) {
  std::optional<CostEvaluator> evaluator = conv11Evaluator(state);
  if (!evaluator)
    return;
  llvm::Expected<BoundDataflow> bound =
      bindDataflow(dataflow(state.range(0)), conv11(), accelerator1().numPEs);
  if (!bound) {
    state.SkipWithError(llvm::toString(bound.takeError()).c_str());
    return;
  }
  timeEvaluations(state, [&] {
    return evaluator->evaluate(*bound, /*scratch=*/nullptr, detail);
  });
}

/// The core evaluation as a mapper makes it, in full detail: what the
/// mapping a search keeps, and every report, costs.
void BM_CostConv11Bound(benchmark::State &state) {
  timeBoundEvaluations(state, CostDetail::Full);
}
BENCHMARK(BM_CostConv11Bound)->DenseRange(0, 6)->Unit(benchmark::kMicrosecond);

/// The evaluation a mapper repeats for each candidate, in ranking detail
/// (CostDetail::Ranking: every figure a mapper ranks and filters by, without
/// the top level's step statistics and area/power).
void BM_CostConv11Ranking(benchmark::State &state) {
  timeBoundEvaluations(state, CostDetail::Ranking);
}
BENCHMARK(BM_CostConv11Ranking)
    ->DenseRange(0, 6)
    ->Unit(benchmark::kMicrosecond);

} // namespace
