//===- CostModelDifferentialTest.cpp - Fast path against the case walk ----===//
//
// Random (layer, dataflow, hardware) triples, generated as the cost-model
// fuzzer does (odd sizes, maps beyond their dimension, sz(), one or two
// cluster levels, strides, every layer kind, hostile hardware), through the
// library's evaluateCost and the test-only case-walking oracle
// (ReferenceCostModel.cpp, the model before the fast path). Every figure
// must be identical, doubles bit for bit but the averages over iteration
// cases (summed in another order), and errors must agree.
//
//===----------------------------------------------------------------------===//

#include "CostModelTestSupport.h"
#include "ReferenceCostModel.h"

#include "gtest/gtest.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <random>
#include <string>
#include <vector>

using namespace mlir::accel;
using mlir::accel::testing::expectRankingFiguresOf;
using mlir::accel::testing::expectSameReport;

namespace {

class Generator {
public:
  explicit Generator(uint64_t seed) : rng(seed) {}

  int64_t range(int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(rng);
  }
  /// Mostly small sizes, where the edge cases live; now and then a large
  /// one.
  int64_t size(int64_t smallMax) {
    return range(0, 31) == 0 ? range(1, 1 << 20) : range(1, smallMax);
  }

  CostLayerKind kind;
  LayerShape shape;
  HardwareConfig hw;
  std::vector<Directive> directives;

  /// A new triple; false when the generator made an invalid one.
  bool next() {
    kind = static_cast<CostLayerKind>(range(0, 3));
    shape = LayerShape();
    for (Dim dim : kSizedDims)
      shape.setSize(dim, size(dim == Dim::R || dim == Dim::S ? 7 : 64));
    switch (kind) {
    case CostLayerKind::Conv:
      shape.setSize(Dim::G, 1);
      break;
    case CostLayerKind::Depthwise:
      shape.setSize(Dim::C, 1);
      break;
    case CostLayerKind::Grouped:
      break;
    case CostLayerKind::Gemm:
      shape.setSize(Dim::R, 1);
      shape.setSize(Dim::S, 1);
      break;
    }
    if (kind != CostLayerKind::Gemm) {
      shape.stride = {range(1, 4), range(1, 4)};
      if (range(0, 3) == 0)
        shape.padding = {range(0, 2), range(0, 2), range(0, 2), range(0, 2)};
    }
    if (llvm::Error err = shape.validate()) {
      llvm::consumeError(std::move(err));
      return false;
    }
    hw = HardwareConfig();
    hw.numPEs = size(512);
    hw.simdLanes = range(1, 8);
    hw.l1Size = size(4096);
    hw.l2Size = size(1 << 20);
    hw.nocBandwidth = size(256);
    hw.nocHops = range(1, 4);
    hw.hopLatency = range(0, 4);
    hw.multicast = range(0, 3) != 0;
    hw.offchipBandwidth = size(256);
    if (llvm::Error err = hw.validate()) {
      llvm::consumeError(std::move(err));
      return false;
    }
    directives.clear();
    int levels = static_cast<int>(range(1, 3));
    for (int level = 0; level < levels; ++level) {
      if (level > 0)
        directives.push_back(
            Directive::cluster(SizeExpr::constant(range(1, 64))));
      std::vector<Dim> dims = {Dim::N, Dim::G, Dim::K, Dim::C, Dim::R,
                               Dim::S, Dim::Y, Dim::X, Dim::OY, Dim::OX};
      int64_t numMaps = range(1, 7);
      int64_t spatial = range(0, numMaps - 1);
      // Now and then a second spatial map (row stationary has two per
      // level): which of a tensor's spatial maps decides a step's partial
      // sub-cluster is a figure's business.
      int64_t secondSpatial = range(0, 3) == 0 ? range(0, numMaps - 1) : -1;
      for (int64_t m = 0; m < numMaps && !dims.empty(); ++m) {
        Dim dim = dims[range(0, static_cast<int64_t>(dims.size()) - 1)];
        llvm::erase_if(dims, [&](Dim d) {
          return inputViewOf(d) == inputViewOf(dim);
        });
        int64_t extent = shape.size(dim);
        // A temporal map on a filter dimension holds the whole filter
        // (MAESTRO's rule, which the model enforces and the reference
        // predates): the model refuses any other, so generate none.
        bool isSpatial = m == spatial || m == secondSpatial;
        if (kind != CostLayerKind::Gemm && !isSpatial &&
            (dim == Dim::R || dim == Dim::S)) {
          SizeExpr whole = range(0, 1) == 0 ? SizeExpr::sizeOfDim(dim)
                                            : SizeExpr::constant(extent);
          directives.push_back(Directive::temporalMap(whole, whole, dim));
          continue;
        }
        SizeExpr sizeExpr =
            range(0, 7) == 0
                ? SizeExpr::sizeOfDim(inputViewOf(dim))
                : SizeExpr::constant(range(1, std::min<int64_t>(extent, 64) + 2));
        int64_t mapSize = std::max<int64_t>(sizeExpr.resolve(shape), 1);
        SizeExpr offset = SizeExpr::constant(range(1, mapSize));
        directives.push_back(isSpatial
                                 ? Directive::spatialMap(sizeExpr, offset, dim)
                                 : Directive::temporalMap(sizeExpr, offset, dim));
      }
    }
    return true;
  }

private:
  std::mt19937_64 rng;
};

std::string describeCase(const Generator &g) {
  std::string text;
  llvm::raw_string_ostream os(text);
  os << "kind " << static_cast<int>(g.kind) << " sizes";
  for (Dim dim : kSizedDims)
    os << " " << stringifyDim(dim) << "=" << g.shape.size(dim);
  os << " stride " << g.shape.stride[0] << "x" << g.shape.stride[1]
     << " padding " << g.shape.padding[0] << " " << g.shape.padding[1] << " "
     << g.shape.padding[2] << " " << g.shape.padding[3] << " pes "
     << g.hw.numPEs << " simd " << g.hw.simdLanes << " noc "
     << g.hw.nocBandwidth << " offchip " << g.hw.offchipBandwidth
     << " multicast " << g.hw.multicast << "\n";
  for (const Directive &d : g.directives)
    os << "  " << describe(d) << "\n";
  return text;
}

/// Whether a dataflow maps OY or OX: on a GEMM the reference widens such a
/// map by the level's R (S) map, or by R (S) minus 1 = -1 at an inner level,
/// where its table has no R (S).
bool mapsOutputCoordinates(llvm::ArrayRef<Directive> directives) {
  return llvm::any_of(directives, [](const Directive &d) {
    return d.isMap() && isOutputDim(d.dim);
  });
}

/// Whether a map on R or S (of a layer with windows) is larger than the
/// filter chunk its level works in, at the top level or at a level an
/// inner one inherits it from: the model narrows the top level's output
/// chunk by the filter rows such a map holds and inherits it as that
/// chunk, where the reference narrows by the map's size and copies it
/// (CostModelDegenerateTest.cpp, TopLevelWindowMapWiderThanFilter...).
bool widerThanFilterChunk(CostLayerKind kind, const LayerShape &shape,
                          llvm::ArrayRef<Directive> directives) {
  if (kind == CostLayerKind::Gemm)
    return false;
  int64_t extent[2] = {shape.size(Dim::R), shape.size(Dim::S)};
  unsigned level = 0;
  int64_t numLevels = 1 + llvm::count_if(directives, [](const Directive &d) {
                        return d.kind == DirectiveKind::Cluster;
                      });
  int64_t next[2] = {extent[0], extent[1]};
  for (const Directive &d : directives) {
    if (d.kind == DirectiveKind::Cluster) {
      ++level;
      extent[0] = next[0];
      extent[1] = next[1];
      continue;
    }
    if (d.dim != Dim::R && d.dim != Dim::S)
      continue;
    unsigned f = d.dim == Dim::R ? 0 : 1;
    int64_t size = d.size.resolve(shape);
    if (size > extent[f] && (level == 0 || level + 1 < numLevels))
      return true;
    next[f] = std::min(size, extent[f]);
  }
  return false;
}

TEST(CostModelDifferential, FastPathMatchesCaseWalk) {
  // ACCEL_DIFFERENTIAL_TRIPLES and ACCEL_DIFFERENTIAL_SEED widen a run by
  // hand (docs/CostModel.md, "Speed"); the suite runs the default.
  auto fromEnv = [](const char *name, uint64_t fallback) -> uint64_t {
    const char *value = std::getenv(name);
    return value ? std::strtoull(value, nullptr, 10) : fallback;
  };
  const int kTriples =
      static_cast<int>(fromEnv("ACCEL_DIFFERENTIAL_TRIPLES", 6000));
  Generator g(fromEnv("ACCEL_DIFFERENTIAL_SEED", 20240611));
  int compared = 0, evaluated = 0, degenerate = 0, gemmWindows = 0,
      widerWindows = 0;
  for (int i = 0; i < kTriples; ++i) {
    if (!g.next())
      continue;
    llvm::Expected<CostReport> fast =
        evaluateCost(g.kind, g.shape, g.directives, g.hw);
    llvm::Expected<CostReport> reference =
        accel_test::referenceEvaluateCost(g.kind, g.shape, g.directives, g.hw);
    ++compared;
    SCOPED_TRACE(describeCase(g));
    // The one intended difference (docs/CostModel.md, deviations): where
    // MAESTRO's chunk rule, which the reference follows, leaves the layer
    // with 0 MACs or 0 cycles, the model re-evaluates with chunks that hold
    // their dimension, and gives work done or an error saying why: that
    // nothing is computed even so, or that those chunks take figures past
    // 64 bits (seed 121: a grouped layer near the size limit).
    if (reference && (reference->numMACs == 0 || reference->runtime == 0)) {
      ++degenerate;
      if (fast) {
        EXPECT_GT(fast->numMACs, 0);
        EXPECT_GT(fast->runtime, 0);
      } else {
        std::string error = llvm::toString(fast.takeError());
        EXPECT_TRUE(error.find("computes nothing") != std::string::npos ||
                    error.find("exceeds 64-bit counts") != std::string::npos)
            << error;
      }
      continue;
    }
    // The second: a GEMM has no window, so an OY (OX) map is its Y (X) map
    // (CostModelDegenerateTest.cpp, GemmOutputMapIgnoresFilterMaps);
    // MAESTRO's GEMM has no output coordinates, so no reference moves.
    if (g.kind == CostLayerKind::Gemm && mapsOutputCoordinates(g.directives)) {
      ++gemmWindows;
      continue;
    }
    // The third: a map on R or S larger than the filter chunk of its level:
    // at the top level it narrows the output chunk by the filter rows it
    // holds, not by its size; an inner level inherits it as that chunk.
    if (widerThanFilterChunk(g.kind, g.shape, g.directives)) {
      ++widerWindows;
      continue;
    }
    if (!fast || !reference) {
      std::string fastError = fast ? "" : llvm::toString(fast.takeError());
      std::string referenceError =
          reference ? "" : llvm::toString(reference.takeError());
      EXPECT_EQ(fastError, referenceError);
      continue;
    }
    ++evaluated;
    expectSameReport(*fast, *reference);
    if (::testing::Test::HasFailure())
      break; // one case is enough to debug
  }
  // The generator must mostly make valid triples the model evaluates.
  EXPECT_GT(compared, kTriples / 2);
  EXPECT_GT(evaluated, compared / 4);
  RecordProperty("compared", compared);
  RecordProperty("evaluated", evaluated);
  RecordProperty("degenerate", degenerate);
  RecordProperty("gemmWindows", gemmWindows);
  RecordProperty("widerWindows", widerWindows);
}

/// An evaluation's error message, or empty for figures.
std::string errorOf(llvm::Expected<CostReport> &r) {
  return r ? std::string() : llvm::toString(r.takeError());
}

/// The evaluator of the generated layer and hardware, or none where they
/// are invalid (PreparedEvaluatorMatchesEvaluateCost checks that error).
std::optional<CostEvaluator> evaluatorOf(const Generator &g) {
  llvm::Expected<CostEvaluator> evaluator =
      CostEvaluator::create(g.kind, g.shape, g.hw);
  if (!evaluator) {
    llvm::consumeError(evaluator.takeError());
    return std::nullopt;
  }
  return std::move(*evaluator);
}

/// `dataflow` evaluated on `evaluator` through `scratch` gives what a fresh
/// evaluation of the generated layer gives: every figure, or the error. A
/// ranking evaluation (CostDetail::Ranking) goes first through the same
/// scratch, as a mapper's do: it must give the fresh figures it has, fail
/// exactly where the fresh one fails, and leave the scratch as a full one
/// would.
void expectScratchMatchesFresh(const Generator &g,
                               const CostEvaluator &evaluator,
                               CostEvaluator::Scratch &scratch,
                               const std::vector<Directive> &dataflow) {
  llvm::Expected<CostReport> ranking =
      evaluator.evaluate(dataflow, &scratch, CostDetail::Ranking);
  llvm::Expected<CostReport> reused = evaluator.evaluate(dataflow, &scratch);
  llvm::Expected<CostReport> fresh =
      evaluateCost(g.kind, g.shape, dataflow, g.hw);
  if (fresh) {
    if (ranking)
      expectRankingFiguresOf(*ranking, *fresh);
    if (reused)
      expectSameReport(*reused, *fresh);
  }
  std::string error = errorOf(fresh);
  EXPECT_EQ(errorOf(ranking), error);
  EXPECT_EQ(errorOf(reused), error);
}

/// The prepared evaluator a mapper uses gives what evaluateCost gives: the
/// same report or the same error, also for dataflows evaluated after
/// others on the same evaluator (it keeps nothing between evaluations),
/// and from the dataflow bound.
TEST(CostModelDifferential, PreparedEvaluatorMatchesEvaluateCost) {
  Generator g(7);
  std::vector<Directive> previous;
  int compared = 0;
  for (int i = 0; i < 2000; ++i) {
    if (!g.next())
      continue;
    SCOPED_TRACE(describeCase(g));
    llvm::Expected<CostEvaluator> evaluator =
        CostEvaluator::create(g.kind, g.shape, g.hw);
    if (!evaluator) {
      std::string error = llvm::toString(evaluator.takeError());
      llvm::Expected<CostReport> direct =
          evaluateCost(g.kind, g.shape, g.directives, g.hw);
      ASSERT_FALSE(direct) << error;
      EXPECT_EQ(llvm::toString(direct.takeError()), error);
      continue;
    }
    for (const std::vector<Directive> *dataflow : {&g.directives, &previous}) {
      if (dataflow->empty())
        continue;
      llvm::Expected<CostReport> prepared = evaluator->evaluate(*dataflow);
      llvm::Expected<CostReport> direct =
          evaluateCost(g.kind, g.shape, *dataflow, g.hw);
      ++compared;
      // Bound first (as a mapper that binds its candidates itself), the
      // same figures, or an error where the directives give one (its
      // message names the map by its bound size).
      llvm::Expected<BoundDataflow> bound =
          bindDataflow(*dataflow, g.shape, g.hw.numPEs);
      if (bound) {
        llvm::Expected<CostReport> fromBound = evaluator->evaluate(*bound);
        EXPECT_EQ(static_cast<bool>(fromBound), static_cast<bool>(direct));
        if (fromBound && direct)
          expectSameReport(*fromBound, *direct);
        if (!fromBound)
          llvm::consumeError(fromBound.takeError());
      } else {
        llvm::consumeError(bound.takeError());
      }
      if (prepared && direct) {
        expectSameReport(*prepared, *direct);
        continue;
      }
      EXPECT_EQ(errorOf(prepared), errorOf(direct));
    }
    previous = g.directives;
    if (::testing::Test::HasFailure())
      break;
  }
  EXPECT_GT(compared, 2000);
}

/// A scratch keeps the figures of the top level's steps for the orders of
/// one set of top-level maps (TopLevelKey in CostModel.cpp), and one
/// analysis of an innermost level for the orders of its maps that cannot
/// change it (LevelKey): evaluate several orders of each random dataflow's
/// top level, of its innermost level and of both through one scratch, each
/// against a fresh evaluation, so that what is found in the scratch is
/// checked on arbitrary dataflows, not only the search's.
TEST(CostModelDifferential, ScratchMatchesFreshOverLevelOrders) {
  Generator g(11);
  std::mt19937_64 shuffler(5);
  CostEvaluator::Scratch scratch;
  int compared = 0;
  for (int i = 0; i < 1500; ++i) {
    if (!g.next())
      continue;
    SCOPED_TRACE(describeCase(g));
    std::optional<CostEvaluator> evaluator = evaluatorOf(g);
    if (!evaluator)
      continue;
    std::vector<Directive> dataflow = g.directives;
    auto isCluster = [](const Directive &d) {
      return d.kind == DirectiveKind::Cluster;
    };
    auto topEnd = llvm::find_if(dataflow, isCluster);
    auto innermostBegin =
        llvm::find_if(llvm::reverse(dataflow), isCluster).base();
    for (int order = 0; order < 8; ++order) {
      // Orders 1-2 shuffle the top level, 3-4 the innermost, 5-7 both.
      if (order == 1 || order == 2 || order >= 5)
        std::shuffle(dataflow.begin(), topEnd, shuffler);
      if (order >= 3)
        std::shuffle(innermostBegin, dataflow.end(), shuffler);
      expectScratchMatchesFresh(g, *evaluator, scratch, dataflow);
      ++compared;
    }
    if (::testing::Test::HasFailure())
      break;
  }
  EXPECT_GT(compared, 8000);
}

/// The dataflows one step away from `directives`: each map's size or
/// offset moved by one, each map spatial or temporal the other way, each
/// cluster one larger or smaller (where the result still passes the
/// directive checks; the model may refuse it as a whole).
std::vector<std::vector<Directive>>
neighboursOf(const std::vector<Directive> &directives) {
  std::vector<std::vector<Directive>> neighbours;
  auto add = [&](size_t i, Directive changed) {
    if (llvm::errorToBool(verifyDirective(changed)))
      return;
    neighbours.push_back(directives);
    neighbours.back()[i] = changed;
  };
  for (auto [i, d] : llvm::enumerate(directives)) {
    for (SizeExpr Directive::*field : {&Directive::size, &Directive::offset}) {
      // A cluster has a size only.
      if ((d.*field).isSymbolic() || (field == &Directive::offset && !d.isMap()))
        continue;
      for (int64_t delta : {-1, 1}) {
        Directive changed = d;
        (changed.*field).value += delta;
        add(i, changed);
      }
    }
    if (d.isMap()) {
      Directive changed = d;
      changed.kind = d.kind == DirectiveKind::SpatialMap
                         ? DirectiveKind::TemporalMap
                         : DirectiveKind::SpatialMap;
      add(i, changed);
    }
  }
  return neighbours;
}

/// What a scratch keeps is found by keys (LevelKey, TopLevelKey in
/// CostModel.cpp): evaluate each random dataflow and then its neighbours,
/// each differing from the one before in one map or cluster, through one
/// scratch on one evaluator, each against a fresh evaluation, so that a
/// key missing a field the figures depend on shows.
TEST(CostModelDifferential, ScratchMatchesFreshOverNeighbouringDataflows) {
  Generator g(13);
  CostEvaluator::Scratch scratch;
  int compared = 0;
  for (int i = 0; i < 600; ++i) {
    if (!g.next())
      continue;
    SCOPED_TRACE(describeCase(g));
    std::optional<CostEvaluator> evaluator = evaluatorOf(g);
    if (!evaluator)
      continue;
    std::vector<std::vector<Directive>> dataflows = neighboursOf(g.directives);
    dataflows.insert(dataflows.begin(), g.directives);
    for (const std::vector<Directive> &dataflow : dataflows) {
      expectScratchMatchesFresh(g, *evaluator, scratch, dataflow);
      ++compared;
    }
    if (::testing::Test::HasFailure())
      break;
  }
  EXPECT_GT(compared, 5000);
}

} // namespace
