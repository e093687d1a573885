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

#include <vector>

using namespace mlir::accel;
using namespace accel_bench;

namespace {

/// evaluateCost: checks the layer and hardware, then evaluates.
void BM_CostConv11(benchmark::State &state) {
  std::vector<Directive> directives = dataflow(state.range(0));
  LayerShape shape = conv11();
  HardwareConfig hw = accelerator1();
  state.SetLabel(kNames[state.range(0)]);
  for (auto _ : state) {
    llvm::Expected<CostReport> report =
        evaluateCost(CostLayerKind::Conv, shape, directives, hw);
    if (!report) {
      state.SkipWithError(llvm::toString(report.takeError()).c_str());
      break;
    }
    benchmark::DoNotOptimize(report->runtime);
  }
}
BENCHMARK(BM_CostConv11)->DenseRange(0, 6)->Unit(benchmark::kMicrosecond);

/// The core evaluation a mapper repeats: a CostEvaluator prepared once for
/// the layer and hardware, no scratch (every evaluation analyzes every
/// level).
void BM_CostConv11Prepared(benchmark::State &state) {
  std::vector<Directive> directives = dataflow(state.range(0));
  llvm::Expected<CostEvaluator> evaluator =
      CostEvaluator::create(CostLayerKind::Conv, conv11(), accelerator1());
  if (!evaluator) {
    state.SkipWithError(llvm::toString(evaluator.takeError()).c_str());
    return;
  }
  state.SetLabel(kNames[state.range(0)]);
  for (auto _ : state) {
    llvm::Expected<CostReport> report = evaluator->evaluate(directives);
    if (!report) {
      state.SkipWithError(llvm::toString(report.takeError()).c_str());
      break;
    }
    benchmark::DoNotOptimize(report->runtime);
  }
}
BENCHMARK(BM_CostConv11Prepared)
    ->DenseRange(0, 6)
    ->Unit(benchmark::kMicrosecond);

/// The core evaluation as a mapper makes it: a prepared CostEvaluator and a
/// dataflow already bound to the layer (DataflowSearch binds its own
/// candidates; the evaluator checks the bound form instead of binding),
/// full detail, no scratch.
void BM_CostConv11Bound(benchmark::State &state) {
  std::vector<Directive> directives = dataflow(state.range(0));
  llvm::Expected<CostEvaluator> evaluator =
      CostEvaluator::create(CostLayerKind::Conv, conv11(), accelerator1());
  if (!evaluator) {
    state.SkipWithError(llvm::toString(evaluator.takeError()).c_str());
    return;
  }
  llvm::Expected<BoundDataflow> bound =
      bindDataflow(directives, conv11(), accelerator1().numPEs);
  if (!bound) {
    state.SkipWithError(llvm::toString(bound.takeError()).c_str());
    return;
  }
  state.SetLabel(kNames[state.range(0)]);
  for (auto _ : state) {
    llvm::Expected<CostReport> report = evaluator->evaluate(*bound);
    if (!report) {
      state.SkipWithError(llvm::toString(report.takeError()).c_str());
      break;
    }
    benchmark::DoNotOptimize(report->runtime);
  }
}
BENCHMARK(BM_CostConv11Bound)->DenseRange(0, 6)->Unit(benchmark::kMicrosecond);

} // namespace
