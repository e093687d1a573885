//===- SearchBench.cpp - The mapper's search loop and a whole network -----===//
//
// BM_SearchConv11: the dataflow search on VGG16 CONV11 (accelerator_1.m's
// machine) on one core, per objective; counters give the cost-model
// evaluations per second and the mappings per second the loop disposes of
// (evaluated, or ruled out by a lower bound before any evaluation).
// BM_SearchResNet50/threads: every layer of ResNet-50 (the shapes of
// ../shared/maestro/mapping/Resnet50_kcp_ws.m, read in place) searched on
// 1 and 2 threads, wall time. Layers of one shape are searched once, as the
// pass does.
// BM_CoreEvaluationOfCandidates/levels: one full evaluation, without a
// scratch, of every candidate of the CONV11 search space with that many
// cluster levels (the cost model's core evaluation over the mappings a
// mapper meets, rather than over the seven library dataflows);
// BM_RankingEvaluationOfCandidates/levels the same in ranking detail, as
// the search evaluates them.
//
//===----------------------------------------------------------------------===//

#include "accel/Analysis/Search/DataflowSearch.h"

#include "CaseStudy.h"
#include "LibraryDataflows.h"

#include "benchmark/benchmark.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"

#include <map>
#include <vector>

using namespace mlir::accel;
using namespace accel_bench;

namespace {

std::vector<NamedDataflow> librarySeeds() {
  std::vector<NamedDataflow> seeds;
  for (int i = 0; i < kNumLibraryDataflows; ++i) {
    std::vector<Directive> d = dataflow(i);
    seeds.push_back({kNames[i], {d.begin(), d.end()}});
  }
  return seeds;
}

void BM_SearchConv11(benchmark::State &state) {
  LayerShape shape = conv11();
  HardwareConfig hw = accelerator1();
  DataflowSearchOptions options;
  options.objective = static_cast<SearchObjective>(state.range(0));
  state.SetLabel(stringifySearchObjective(options.objective).str());
  std::vector<NamedDataflow> seeds = librarySeeds();
  int64_t evaluated = 0, disposed = 0;
  for (auto _ : state) {
    DataflowSearchResult r =
        searchDataflow(CostLayerKind::Conv, shape, hw, seeds, options);
    evaluated += r.stats.evaluated;
    disposed += r.stats.evaluated + r.stats.pruned;
    benchmark::DoNotOptimize(r.report.runtime);
  }
  state.counters["evals/s"] =
      benchmark::Counter(evaluated, benchmark::Counter::kIsRate);
  state.counters["mappings/s"] =
      benchmark::Counter(disposed, benchmark::Counter::kIsRate);
  state.counters["s/eval"] = benchmark::Counter(
      evaluated, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
// Searched repeatedly until the run is long enough: the first search of a
// process is slower (cold caches, an empty scratch) and a single one gave
// each repetition that start.
BENCHMARK(BM_SearchConv11)->DenseRange(0, 2)->Unit(benchmark::kMillisecond);

/// The cost model's core evaluation over the mappings a mapper evaluates:
/// every candidate of the CONV11 search space with `levels` cluster levels
/// (no pruning), bound as the search binds them, each evaluated once per
/// iteration without a scratch (so no evaluation reuses another's analyses,
/// as none of a search's first does), in `detail`.
void timeCandidates(benchmark::State &state, unsigned levels,
                    CostDetail detail) {
  LayerShape shape = conv11();
  HardwareConfig hw = accelerator1();
  std::vector<BoundDataflow> candidates;
  forEachBoundDataflowCandidate(
      CostLayerKind::Conv, shape, hw, levels,
      [&](llvm::ArrayRef<Directive>, const BoundDataflow &bound) {
        candidates.push_back(bound);
      });
  llvm::Expected<CostEvaluator> evaluator =
      CostEvaluator::create(CostLayerKind::Conv, shape, hw);
  if (!evaluator) {
    state.SkipWithError(llvm::toString(evaluator.takeError()).c_str());
    return;
  }
  int64_t evaluated = 0;
  for (auto _ : state) {
    for (const BoundDataflow &bound : candidates) {
      llvm::Expected<CostReport> report =
          evaluator->evaluate(bound, /*scratch=*/nullptr, detail);
      if (report)
        benchmark::DoNotOptimize(report->runtime);
      else
        llvm::consumeError(report.takeError());
    }
    evaluated += static_cast<int64_t>(candidates.size());
  }
  state.SetLabel(std::to_string(candidates.size()) + " candidates");
  state.counters["evals/s"] =
      benchmark::Counter(evaluated, benchmark::Counter::kIsRate);
  state.counters["s/eval"] = benchmark::Counter(
      evaluated, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}

/// In full detail, every figure of the report.
void BM_CoreEvaluationOfCandidates(benchmark::State &state) {
  timeCandidates(state, static_cast<unsigned>(state.range(0)),
                 CostDetail::Full);
}
BENCHMARK(BM_CoreEvaluationOfCandidates)
    ->DenseRange(1, 2)
    ->Unit(benchmark::kMillisecond);

/// In ranking detail, as the search evaluates a candidate (it evaluates in
/// full only the mapping it keeps).
void BM_RankingEvaluationOfCandidates(benchmark::State &state) {
  timeCandidates(state, static_cast<unsigned>(state.range(0)),
                 CostDetail::Ranking);
}
BENCHMARK(BM_RankingEvaluationOfCandidates)
    ->DenseRange(1, 2)
    ->Unit(benchmark::kMillisecond);

struct NetworkLayer {
  CostLayerKind kind;
  LayerShape shape;
};

/// The layers of a MAESTRO network file: Type, Stride and Dimensions.
std::vector<NetworkLayer> readMaestroShapes(llvm::StringRef path) {
  std::vector<NetworkLayer> layers;
  auto buffer = llvm::MemoryBuffer::getFile(path);
  if (!buffer)
    return layers;
  llvm::StringRef text = (*buffer)->getBuffer();
  llvm::Regex type("Type: *([A-Z]+)"), stride("Stride *\\{ *X: *([0-9]+), *Y: *([0-9]+)"),
      dim("([KCRSYXNG]): *([0-9]+)");
  while (true) {
    size_t at = text.find("Layer ");
    if (at == llvm::StringRef::npos)
      break;
    text = text.drop_front(at + 6);
    llvm::SmallVector<llvm::StringRef, 3> m;
    NetworkLayer layer{CostLayerKind::Conv, {}};
    bool depthwise = type.match(text, &m) && m[1] == "DSCONV";
    if (stride.match(text, &m)) {
      layer.shape.stride = {std::stoll(m[2].str()), std::stoll(m[1].str())};
    }
    size_t dims = text.find("Dimensions");
    llvm::StringRef dimText =
        text.drop_front(dims).take_until([](char c) { return c == '}'; });
    while (dim.match(dimText, &m)) {
      int64_t v = std::stoll(m[2].str());
      layer.shape.setSize(*symbolizeDim(m[1]), v);
      dimText = dimText.drop_front(dimText.find(m[0]) + m[0].size());
    }
    if (depthwise) {
      layer.kind = CostLayerKind::Depthwise;
      layer.shape.setSize(Dim::G, layer.shape.size(Dim::C));
      layer.shape.setSize(Dim::C, 1);
      layer.shape.setSize(Dim::K, 1);
    }
    layers.push_back(layer);
  }
  return layers;
}

void BM_SearchResNet50(benchmark::State &state) {
  std::vector<NetworkLayer> layers = readMaestroShapes(
      ACCEL_SHARED_DIR "/maestro/mapping/Resnet50_kcp_ws.m");
  if (layers.empty()) {
    state.SkipWithError("cannot read Resnet50_kcp_ws.m");
    return;
  }
  // One search per distinct shape, as the pass does.
  std::map<std::vector<int64_t>, NetworkLayer> distinct;
  for (const NetworkLayer &l : layers) {
    std::vector<int64_t> key(l.shape.sizes.begin(), l.shape.sizes.end());
    key.push_back(l.shape.stride[0]);
    key.push_back(static_cast<int64_t>(l.kind));
    distinct.emplace(key, l);
  }
  std::vector<NamedDataflow> seeds = librarySeeds();
  HardwareConfig hw;
  DataflowSearchOptions options;
  unsigned threads = state.range(0);
  int64_t evaluated = 0;
  for (auto _ : state) {
    std::vector<DataflowSearch> searches;
    std::vector<std::pair<size_t, size_t>> tasks;
    for (auto &[key, l] : distinct) {
      searches.emplace_back(l.kind, l.shape, hw, seeds, options);
      for (size_t t = 0; t < searches.back().numTasks(); ++t)
        tasks.push_back({searches.size() - 1, t});
    }
    llvm::DefaultThreadPool pool(llvm::hardware_concurrency(threads));
    for (auto [s, t] : tasks)
      pool.async([&searches, s = s, t = t] { searches[s].runTask(t); });
    pool.wait();
    for (const DataflowSearch &search : searches)
      evaluated += search.result().stats.evaluated;
  }
  state.SetLabel(std::to_string(layers.size()) + " layers, " +
                 std::to_string(distinct.size()) + " distinct");
  state.counters["evals/s"] =
      benchmark::Counter(evaluated, benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SearchResNet50)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->UseRealTime();

} // namespace
