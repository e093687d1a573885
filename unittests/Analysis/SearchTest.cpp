//===- SearchTest.cpp - The mapping searches against exhaustive enumeration ===//
//
// On layers small enough to enumerate, the pruned search finds the optimum
// that evaluating every mapping of the space finds; the bounds the pruning
// relies on hold on every mapping; results do not depend on the order the
// tasks run in; budgets are respected.
//
//===----------------------------------------------------------------------===//

#include "accel/Analysis/Search/DataflowSearch.h"
#include "accel/Analysis/Search/MaeriScheduleSearch.h"
#include "accel/Simulator/MaeriSimulator.h"

#include "CostModelTestSupport.h"

#include "gtest/gtest.h"

#include <limits>
#include <thread>
#include <vector>

using namespace mlir::accel;
using mlir::accel::testing::expectRankingFiguresOf;
using mlir::accel::testing::expectSameReport;

namespace {

auto c = SizeExpr::constant;
auto sz = SizeExpr::sizeOfDim;
Directive whole(Dim d) { return Directive::temporalMap(sz(d), sz(d), d); }

/// Two library-like seeds: NLR (C over the PEs) and a KC-P weight
/// stationary with clusters of 4.
std::vector<NamedDataflow> seeds() {
  return {
      {"nlr",
       {Directive::temporalMap(c(1), c(1), Dim::K),
        Directive::temporalMap(c(1), c(1), Dim::OY),
        Directive::temporalMap(c(1), c(1), Dim::OX), whole(Dim::R),
        whole(Dim::S), Directive::spatialMap(c(1), c(1), Dim::C)}},
      {"kcp",
       {Directive::spatialMap(c(1), c(1), Dim::C),
        Directive::temporalMap(c(4), c(4), Dim::K), whole(Dim::R),
        whole(Dim::S), Directive::temporalMap(c(1), c(1), Dim::OY),
        Directive::temporalMap(c(1), c(1), Dim::OX), Directive::cluster(c(4)),
        Directive::spatialMap(c(1), c(1), Dim::K), whole(Dim::R),
        whole(Dim::S)}},
  };
}

struct Layer {
  const char *name;
  CostLayerKind kind;
  LayerShape shape;
};

std::vector<Layer> smallLayers() {
  std::vector<Layer> layers;
  auto conv = [](int64_t k, int64_t c, int64_t r, int64_t y, int64_t stride,
                 int64_t pad) {
    LayerShape s;
    s.sizes = {1, 1, k, c, r, r, y, y};
    s.stride = {stride, stride};
    s.padding = {pad, pad, pad, pad};
    return s;
  };
  layers.push_back({"conv 8x6 3x3 on 7x7", CostLayerKind::Conv,
                    conv(8, 6, 3, 7, 1, 0)});
  layers.push_back({"conv 5x16 3x3 on 9x9, stride 2, padding 1",
                    CostLayerKind::Conv, conv(5, 16, 3, 9, 2, 1)});
  layers.push_back({"conv 4x3 7x7 on 12x12, stride 2, padding 3",
                    CostLayerKind::Conv, conv(4, 3, 7, 12, 2, 3)});
  layers.push_back({"pointwise 16x8 on 6x6", CostLayerKind::Conv,
                    conv(16, 8, 1, 6, 1, 0)});
  LayerShape dw = conv(1, 1, 3, 8, 1, 1);
  dw.setSize(Dim::G, 12);
  layers.push_back({"depthwise 12 3x3 on 8x8", CostLayerKind::Depthwise, dw});
  LayerShape gemm;
  gemm.sizes = {1, 1, 24, 20, 1, 1, 10, 1};
  layers.push_back({"gemm 10x20x24", CostLayerKind::Gemm, gemm});
  return layers;
}

HardwareConfig smallMachine() {
  HardwareConfig hw;
  hw.numPEs = 16;
  hw.l1Size = 64; // tight enough that some mappings do not fit
  hw.l2Size = 2000;
  hw.nocBandwidth = 8;
  hw.offchipBandwidth = 16;
  return hw;
}

/// The optimum by evaluating every seed and every mapping of the space,
/// with no pruning: (fits, objective), fitting mappings first.
std::pair<bool, double> exhaustiveOptimum(const Layer &layer,
                                          const HardwareConfig &hw,
                                          SearchObjective objective,
                                          unsigned levels) {
  std::pair<bool, double> best{false,
                               std::numeric_limits<double>::infinity()};
  auto consider = [&](llvm::ArrayRef<Directive> directives) {
    llvm::Expected<CostReport> r =
        evaluateCost(layer.kind, layer.shape, directives, hw);
    if (!r) {
      llvm::consumeError(r.takeError());
      return;
    }
    if (r->numMACs < layer.shape.numMACs())
      return;
    bool fits = r->l1SizeReq <= hw.l1Size && r->l2SizeReq <= hw.l2Size;
    double runtime = static_cast<double>(r->runtime);
    double value = objective == SearchObjective::Runtime  ? runtime
                   : objective == SearchObjective::Energy ? r->energy
                                                          : runtime * r->energy;
    if ((fits && !best.first) || (fits == best.first && value < best.second))
      best = {fits, value};
  };
  for (const NamedDataflow &seed : seeds())
    consider(seed.directives);
  forEachDataflowCandidate(layer.kind, layer.shape, hw, levels, consider);
  return best;
}

TEST(DataflowSearch, FindsTheExhaustiveOptimum) {
  HardwareConfig hw = smallMachine();
  for (const Layer &layer : smallLayers())
    for (unsigned levels : {1u, 2u})
      for (SearchObjective objective :
           {SearchObjective::Runtime, SearchObjective::Energy,
            SearchObjective::EnergyDelay}) {
        SCOPED_TRACE(std::string(layer.name) + ", " +
                     stringifySearchObjective(objective).str() + ", levels " +
                     std::to_string(levels));
        DataflowSearchOptions options;
        options.objective = objective;
        options.levels = levels;
        DataflowSearchResult result =
            searchDataflow(layer.kind, layer.shape, hw, seeds(), options);
        std::pair<bool, double> optimum =
            exhaustiveOptimum(layer, hw, objective, levels);
        ASSERT_TRUE(result.found());
        EXPECT_EQ(result.score.fits, optimum.first);
        EXPECT_EQ(result.score.primary, optimum.second);
        EXPECT_EQ(result.stats.boundViolations, 0);
        // Every mapping of the space was evaluated or pruned.
        EXPECT_EQ(result.stats.evaluated - 2 + result.stats.pruned,
                  result.stats.spaceSize);
        // The result is what the cost model says of the mapping returned:
        // every figure, although the search ranked on a ranking
        // evaluation's.
        llvm::Expected<CostReport> check =
            evaluateCost(layer.kind, layer.shape, result.directives, hw);
        ASSERT_TRUE(static_cast<bool>(check));
        expectSameReport(*check, result.report);
      }
}

TEST(DataflowSearch, PruningSkipsWork) {
  // The bound is worth having: on the runtime objective it rules out part of
  // the space of a layer with more PEs than some structures can use.
  Layer layer = smallLayers()[0];
  DataflowSearchOptions options;
  DataflowSearchResult result = searchDataflow(
      layer.kind, layer.shape, smallMachine(), seeds(), options);
  EXPECT_GT(result.stats.pruned, 0);
  options.prune = false;
  DataflowSearchResult unpruned = searchDataflow(
      layer.kind, layer.shape, smallMachine(), seeds(), options);
  EXPECT_EQ(unpruned.stats.pruned, 0);
  EXPECT_EQ(unpruned.score.primary, result.score.primary);
  EXPECT_EQ(unpruned.score.position, result.score.position);
}

TEST(DataflowSearch, SpaceSizeCountsEveryCandidate) {
  // The search counts a task's plans in closed form and lists them only
  // when it visits them: the count must be the enumeration's, pruned tasks
  // and budgets included.
  std::vector<Layer> layers = smallLayers();
  LayerShape conv11;
  conv11.sizes = {1, 1, 512, 512, 3, 3, 14, 14};
  layers.push_back({"VGG16 CONV11", CostLayerKind::Conv, conv11});
  LayerShape gemm;
  gemm.sizes = {1, 1, 1000, 2048, 1, 1, 49, 1};
  layers.push_back({"GEMM 49x2048x1000", CostLayerKind::Gemm, gemm});
  HardwareConfig hw;
  for (const Layer &layer : layers)
    for (unsigned levels : {1u, 2u})
      for (int64_t budget : {int64_t(0), int64_t(40)}) {
        SCOPED_TRACE(std::string(layer.name) + ", levels " +
                     std::to_string(levels) + ", budget " +
                     std::to_string(budget));
        int64_t candidates = 0;
        forEachDataflowCandidate(layer.kind, layer.shape, hw, levels,
                                 [&](llvm::ArrayRef<Directive>) {
                                   ++candidates;
                                 });
        DataflowSearchOptions options;
        options.levels = levels;
        options.maxEvaluations = budget;
        DataflowSearchResult result =
            searchDataflow(layer.kind, layer.shape, hw, seeds(), options);
        EXPECT_EQ(result.stats.spaceSize, candidates);
        EXPECT_EQ(result.stats.evaluated - static_cast<int64_t>(seeds().size()) +
                      result.stats.pruned + result.stats.unvisited,
                  candidates);
      }
}

TEST(DataflowSearch, BoundsHoldOnEveryMapping) {
  std::vector<std::pair<Layer, HardwareConfig>> cases;
  for (const Layer &layer : smallLayers())
    cases.push_back({layer, smallMachine()});
  // ResNet-18's first layer (CIFAR input) on 256 PEs: strided windows make
  // more spatial chunks in the analysis than in output coordinates.
  LayerShape strided;
  strided.sizes = {1, 1, 64, 3, 7, 7, 32, 32};
  strided.stride = {2, 2};
  strided.padding = {3, 3, 3, 3};
  cases.push_back({{"conv 64x3 7x7 on 32x32, stride 2, padding 3",
                    CostLayerKind::Conv, strided},
                   HardwareConfig()});
  for (const auto &[layer, hw] : cases) {
    SCOPED_TRACE(layer.name);
    int64_t checked = 0;
    forEachDataflowCandidate(
        layer.kind, layer.shape, hw, 2, [&](llvm::ArrayRef<Directive> d) {
          llvm::Expected<CostReport> r =
              evaluateCost(layer.kind, layer.shape, d, hw);
          if (!r) {
            llvm::consumeError(r.takeError());
            return;
          }
          if (r->numMACs < layer.shape.numMACs())
            return;
          CostLowerBound bound = lowerBoundOf(layer.kind, layer.shape, hw, d);
          EXPECT_LE(bound.runtime, static_cast<double>(r->runtime));
          EXPECT_LE(bound.energy, r->energy * (1 + 1e-12));
          ++checked;
        });
    EXPECT_GT(checked, 100);
  }
}

/// The search evaluates its candidates bound by itself, not by
/// bindDataflow: for every candidate of every layer, on one and two levels,
/// the two bound forms agree field by field, and the search's passes
/// verifyBoundDataflow.
TEST(DataflowSearch, BoundCandidatesAreWhatBindingGives) {
  HardwareConfig hw = smallMachine();
  for (const Layer &layer : smallLayers()) {
    SCOPED_TRACE(layer.name);
    int64_t compared = 0;
    forEachBoundDataflowCandidate(
        layer.kind, layer.shape, hw, 2,
        [&](llvm::ArrayRef<Directive> directives, const BoundDataflow &made) {
          llvm::Expected<BoundDataflow> bound =
              bindDataflow(directives, layer.shape, hw.numPEs);
          ASSERT_TRUE(static_cast<bool>(bound))
              << llvm::toString(bound.takeError());
          EXPECT_FALSE(llvm::errorToBool(
              verifyBoundDataflow(made, layer.shape, hw.numPEs)));
          ASSERT_EQ(made.levels.size(), bound->levels.size());
          for (auto [a, b] : llvm::zip_equal(made.levels, bound->levels)) {
            EXPECT_EQ(a.subUnitPEs, b.subUnitPEs);
            EXPECT_EQ(a.numSubUnits, b.numSubUnits);
            ASSERT_EQ(a.maps.size(), b.maps.size());
            for (auto [m, n] : llvm::zip_equal(a.maps, b.maps)) {
              EXPECT_EQ(m.kind, n.kind);
              EXPECT_EQ(m.dim, n.dim);
              EXPECT_EQ(m.size, n.size);
              EXPECT_EQ(m.offset, n.offset);
              EXPECT_EQ(m.requestedSize, n.requestedSize);
              EXPECT_EQ(m.directiveIndex, n.directiveIndex);
            }
          }
          ++compared;
        });
    EXPECT_GT(compared, 100);
  }
}

/// The search's evaluations share a scratch (innermost levels analyzed
/// once) and rank (CostDetail::Ranking) candidates it binds itself: every
/// candidate of every layer, one scratch for all, gets the figures a fresh
/// evaluation gives, ranked and in full.
TEST(DataflowSearch, ScratchGivesTheFiguresOfAFreshEvaluation) {
  CostEvaluator::Scratch scratch;
  HardwareConfig hw = smallMachine();
  for (const Layer &layer : smallLayers()) {
    SCOPED_TRACE(layer.name);
    llvm::Expected<CostEvaluator> evaluator =
        CostEvaluator::create(layer.kind, layer.shape, hw);
    ASSERT_TRUE(static_cast<bool>(evaluator));
    int64_t compared = 0;
    forEachBoundDataflowCandidate(
        layer.kind, layer.shape, hw, 2,
        [&](llvm::ArrayRef<Directive> d, const BoundDataflow &bound) {
          llvm::Expected<CostReport> fresh =
              evaluateCost(layer.kind, layer.shape, d, hw);
          // Ranked first, as the search does, then in full.
          llvm::Expected<CostReport> ranking =
              evaluator->evaluate(bound, &scratch, CostDetail::Ranking);
          llvm::Expected<CostReport> reused = evaluator->evaluate(d, &scratch);
          ASSERT_EQ(static_cast<bool>(fresh), static_cast<bool>(ranking));
          ASSERT_EQ(static_cast<bool>(fresh), static_cast<bool>(reused));
          if (!fresh) {
            std::string error = llvm::toString(fresh.takeError());
            EXPECT_EQ(error, llvm::toString(ranking.takeError()));
            EXPECT_EQ(error, llvm::toString(reused.takeError()));
            return;
          }
          expectRankingFiguresOf(*ranking, *fresh);
          expectSameReport(*fresh, *reused);
          ++compared;
        });
    EXPECT_GT(compared, 100);
  }
}

TEST(DataflowSearch, SameResultWhateverTheTaskOrder) {
  Layer layer = smallLayers()[1];
  HardwareConfig hw = smallMachine();
  DataflowSearchOptions options;
  options.objective = SearchObjective::EnergyDelay;
  options.maxEvaluations = 500; // a budget, so that the seed matters too
  options.seed = 7;
  DataflowSearchResult inOrder =
      searchDataflow(layer.kind, layer.shape, hw, seeds(), options);

  // Reversed, on two threads taking every other task.
  DataflowSearch search(layer.kind, layer.shape, hw, seeds(), options);
  auto worker = [&](size_t parity) {
    for (size_t i = search.numTasks(); i-- > 0;)
      if (i % 2 == parity)
        search.runTask(i);
  };
  std::thread a(worker, 0), b(worker, 1);
  a.join();
  b.join();
  DataflowSearchResult shuffled = search.result();
  EXPECT_EQ(shuffled.score.position, inOrder.score.position);
  EXPECT_EQ(shuffled.report.runtime, inOrder.report.runtime);
  EXPECT_EQ(shuffled.stats.evaluated, inOrder.stats.evaluated);
  EXPECT_EQ(shuffled.stats.pruned, inOrder.stats.pruned);
  EXPECT_LE(inOrder.stats.evaluated, 500);
  EXPECT_GT(inOrder.stats.unvisited, 0);

  // Another seed visits another part of the space.
  options.seed = 8;
  DataflowSearchResult other =
      searchDataflow(layer.kind, layer.shape, hw, seeds(), options);
  EXPECT_LE(other.stats.evaluated, 500);
}

TEST(DataflowSearch, NeverWorseThanItsSeeds) {
  HardwareConfig hw = smallMachine();
  for (const Layer &layer : smallLayers()) {
    DataflowSearchOptions options;
    options.maxEvaluations = 50; // even with almost no budget
    DataflowSearchResult r =
        searchDataflow(layer.kind, layer.shape, hw, seeds(), options);
    if (r.bestSeedScore.isValid()) {
      EXPECT_FALSE(r.bestSeedScore.betterThan(r.score));
    }
  }
}

TEST(MaeriScheduleSearch, NeverSlowerThanTheDefaultAndBoundsHold) {
  llvm::Expected<MaeriTargetModel> target =
      MaeriTargetModel::get(MaeriConfig{16, 4, 4});
  ASSERT_TRUE(static_cast<bool>(target));
  for (const Layer &layer : smallLayers()) {
    SCOPED_TRACE(layer.name);
    MaeriSchedule seed = defaultSchedule(layer.shape, *target);
    llvm::Expected<int64_t> seedCycles =
        estimateMaeriCycles(layer.shape, seed, *target);
    ASSERT_TRUE(static_cast<bool>(seedCycles));
    MaeriScheduleSearchOptions options;
    MaeriScheduleSearchResult r = searchMaeriSchedule(
        layer.shape, *target, {{"default", seed}}, options);
    ASSERT_TRUE(r.found());
    EXPECT_LE(r.cycles, *seedCycles);
    EXPECT_EQ(r.stats.boundViolations, 0);
    EXPECT_FALSE(static_cast<bool>(
        verifySchedule(r.schedule, layer.shape, *target)));
    llvm::Expected<int64_t> check =
        estimateMaeriCycles(layer.shape, r.schedule, *target);
    ASSERT_TRUE(static_cast<bool>(check));
    EXPECT_EQ(*check, r.cycles);

    // Pruning does not change the optimum.
    options.prune = false;
    MaeriScheduleSearchResult unpruned = searchMaeriSchedule(
        layer.shape, *target, {{"default", seed}}, options);
    EXPECT_EQ(unpruned.cycles, r.cycles);
    EXPECT_EQ(unpruned.score.position, r.score.position);
  }
}

} // namespace
