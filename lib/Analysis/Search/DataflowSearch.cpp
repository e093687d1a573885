//===- DataflowSearch.cpp - The best dataflow for one layer ---------------===//
//
// The space (docs/Mapper.md): one or two cluster levels. The top level has
// one spatial map on a dimension D1 with chunks of s1 and temporal maps on
// the other dimensions, each with a tile t < its size ("tiled", at most
// three of them, in any order, the spatial map anywhere among them) or
// whole (after them). A second level is a cluster of c PEs taking c
// elements of a dimension D2 != D1 (its top-level tile is c), one per PE:
// the shape of NVDLA, TPU and YX-P. R and S are mapped whole at every
// level, as MAESTRO requires of temporal maps on them; output rows and
// columns are mapped as OY/OX so one mapping fits every filter and stride.
//
// A spatial structure (D1, s1, and c, D2 for two levels) is one task. Its
// runtime is at least the layer's MACs over the PEs the structure can keep
// busy: a task whose bound cannot beat the best seed is pruned whole.
//
//===----------------------------------------------------------------------===//

#include "accel/Analysis/Search/DataflowSearch.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/MathExtras.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <functional>
#include <optional>

using namespace mlir::accel;

namespace {

/// At most this many temporal maps with a tile smaller than their
/// dimension per mapping: their orders grow as (n + 1)!.
constexpr unsigned kMaxTiledDims = 3;

bool isWindowedKind(CostLayerKind kind) { return kind != CostLayerKind::Gemm; }

/// The dimensions a mapping places: those of the layer's tensors with more
/// than one element, output rows and columns as OY/OX for convolutions.
llvm::SmallVector<Dim, 6> searchedDims(CostLayerKind kind,
                                       const LayerShape &shape) {
  llvm::SmallVector<Dim, 6> candidates;
  switch (kind) {
  case CostLayerKind::Conv:
    candidates = {Dim::N, Dim::K, Dim::C, Dim::OY, Dim::OX};
    break;
  case CostLayerKind::Depthwise:
    candidates = {Dim::N, Dim::G, Dim::OY, Dim::OX};
    break;
  case CostLayerKind::Grouped:
    candidates = {Dim::N, Dim::G, Dim::K, Dim::C, Dim::OY, Dim::OX};
    break;
  case CostLayerKind::Gemm:
    candidates = {Dim::K, Dim::C, Dim::Y};
    break;
  }
  llvm::SmallVector<Dim, 6> dims;
  for (Dim d : candidates)
    if (shape.size(d) > 1)
      dims.push_back(d);
  if (dims.empty())
    dims.push_back(kind == CostLayerKind::Depthwise ? Dim::G : Dim::K);
  return dims;
}

/// Tiles smaller than a dimension of `size`: 1 and the powers of 4 below it.
llvm::SmallVector<int64_t, 8> partialTiles(int64_t size) {
  llvm::SmallVector<int64_t, 8> tiles;
  for (int64_t t = 1; t < size; t *= 4)
    tiles.push_back(t);
  return tiles;
}

/// The spatial part of a mapping: one task of the search.
struct Structure {
  Dim outerDim;
  int64_t outerChunk;
  /// 0 for one level.
  int64_t clusterSize = 0;
  Dim innerDim = Dim::N;
};

/// The temporal part: tiled maps outermost first, the spatial map at
/// `spatialPosition` among them.
struct TemporalPlan {
  llvm::SmallVector<std::pair<Dim, int64_t>, kMaxTiledDims> tiled;
  unsigned spatialPosition = 0;
};

class Space {
public:
  Space(CostLayerKind kind, const LayerShape &shape,
        const HardwareConfig &hardware, unsigned levels)
      : kind(kind), shape(shape), extents(shape.extents()),
        dims(searchedDims(kind, shape)) {
    for (Dim outer : dims) {
      for (int64_t chunk : partialTiles(shape.size(outer)))
        structures.push_back({outer, chunk});
      if (shape.size(outer) == 1) // a layer with nothing to spread
        structures.push_back({outer, 1});
    }
    if (levels < 2)
      return;
    for (Dim outer : dims)
      for (int64_t chunk : partialTiles(shape.size(outer)))
        for (Dim inner : dims) {
          if (inner == outer)
            continue;
          for (int64_t c = 2; c <= hardware.numPEs / 2 && c <= shape.size(inner);
               c *= 2)
            structures.push_back({outer, chunk, c, inner});
        }
  }

  /// The dimensions a plan of `s` may tile, with their tile choices, and
  /// the one it must (D2 of a two-level structure: the cluster size).
  struct PlanChoices {
    llvm::SmallVector<std::pair<Dim, llvm::SmallVector<int64_t, 8>>, 6> free;
    llvm::SmallVector<std::pair<Dim, int64_t>, 1> forced;
  };
  PlanChoices choicesOf(const Structure &s) const {
    PlanChoices choices;
    for (Dim d : dims) {
      if (d == s.outerDim)
        continue;
      if (s.clusterSize && d == s.innerDim) {
        if (s.clusterSize < shape.size(d))
          choices.forced.push_back({d, s.clusterSize});
        continue;
      }
      choices.free.push_back({d, partialTiles(shape.size(d))});
    }
    return choices;
  }

  /// Calls `visit` on every temporal plan of `s`, in the search's order:
  /// for each subset of the free dimensions with tiles (in order, "whole"
  /// first), each order of the chosen maps and the spatial map.
  template <typename Visit>
  void forEachPlan(const Structure &s, Visit &&visit) const {
    PlanChoices choices = choicesOf(s);
    TemporalPlan plan;
    choosePlans(choices, 0, plan, visit);
  }

  /// How many plans forEachPlan visits, without visiting them: over the
  /// subsets of free dimensions with at most kMaxTiledDims tiled maps in
  /// all, the product of their tile choices times the orders of the chosen
  /// maps and the spatial map.
  uint64_t countPlans(const Structure &s) const {
    PlanChoices choices = choicesOf(s);
    uint64_t count = 0;
    std::function<void(unsigned, unsigned, uint64_t)> subsets =
        [&](unsigned next, unsigned tiled, uint64_t product) {
          if (next == choices.free.size()) {
            uint64_t orders = 1;
            for (unsigned k = 2; k <= tiled + 1; ++k)
              orders *= k;
            count += product * orders;
            return;
          }
          subsets(next + 1, tiled, product);
          if (tiled < kMaxTiledDims)
            subsets(next + 1, tiled + 1,
                    product * choices.free[next].second.size());
        };
    subsets(0, choices.forced.size(), 1);
    return count;
  }

  /// The first plan forEachPlan visits: no free dimension tiled, the
  /// spatial map outermost.
  TemporalPlan firstPlan(const Structure &s) const {
    TemporalPlan plan;
    for (const auto &forced : choicesOf(s).forced)
      plan.tiled.push_back(forced);
    return plan;
  }

  /// The directives of structure `s` with temporal plan `plan`.
  void build(const Structure &s, const TemporalPlan &plan,
             llvm::SmallVectorImpl<Directive> &out) const {
    out.clear();
    emit(s, plan,
         [&](DirectiveKind mapKind, Dim d, int64_t size) {
           // Maps of size 0 hold the whole dimension: sz(d), as written.
           SizeExpr expr =
               size ? SizeExpr::constant(size) : SizeExpr::sizeOfDim(d);
           out.push_back(mapKind == DirectiveKind::SpatialMap
                             ? Directive::spatialMap(expr, expr, d)
                             : Directive::temporalMap(expr, expr, d));
         },
         [&](int64_t clusterSize) {
           out.push_back(Directive::cluster(SizeExpr::constant(clusterSize)));
         });
  }

  /// What bindDataflow gives for build(s, plan) on this layer and `numPEs`
  /// PEs, made directly: a task makes one per plan, and its maps are valid
  /// by construction (the search's test compares the two).
  void bind(const Structure &s, const TemporalPlan &plan, int64_t numPEs,
            BoundDataflow &out) const {
    out.levels.resize(1);
    out.levels.front().maps.clear();
    unsigned index = 0;
    emit(s, plan,
         [&](DirectiveKind mapKind, Dim d, int64_t size) {
           int64_t extent = extents[static_cast<unsigned>(d)];
           int64_t requested = size ? size : extent;
           out.levels.back().maps.push_back(
               BoundMap{mapKind, d, std::min(requested, extent), requested,
                        requested, index++});
         },
         [&](int64_t) {
           ++index;
           out.levels.emplace_back();
         });
    BoundLevel &top = out.levels.front();
    top.subUnitPEs = s.clusterSize ? s.clusterSize : 1;
    top.numSubUnits = numPEs / top.subUnitPEs;
    if (s.clusterSize) {
      BoundLevel &inner = out.levels.back();
      inner.subUnitPEs = 1;
      inner.numSubUnits = s.clusterSize;
    }
  }

  CostLayerKind kind;
  LayerShape shape;
  /// shape.extents(): bind asks for OY and OX once per plan.
  std::array<int64_t, kNumDims> extents;
  llvm::SmallVector<Dim, 6> dims;
  std::vector<Structure> structures;

private:
  /// The directives of structure `s` with temporal plan `plan`, outermost
  /// first: `map(kind, dimension, size)` for each map (its offset is its
  /// size; size 0: the whole dimension, written sz()), `cluster(size)` for
  /// the cluster.
  template <typename MapFn, typename ClusterFn>
  void emit(const Structure &s, const TemporalPlan &plan, MapFn map,
            ClusterFn cluster) const {
    constexpr int64_t kWhole = 0;
    for (auto [pos, tiled] : llvm::enumerate(plan.tiled)) {
      if (pos == plan.spatialPosition)
        map(DirectiveKind::SpatialMap, s.outerDim, s.outerChunk);
      map(DirectiveKind::TemporalMap, tiled.first, tiled.second);
    }
    if (plan.spatialPosition == plan.tiled.size())
      map(DirectiveKind::SpatialMap, s.outerDim, s.outerChunk);
    for (Dim d : dims)
      if (d != s.outerDim &&
          llvm::none_of(plan.tiled, [&](auto &t) { return t.first == d; }))
        map(DirectiveKind::TemporalMap, d, kWhole);
    if (isWindowedKind(kind)) {
      map(DirectiveKind::TemporalMap, Dim::R, kWhole);
      map(DirectiveKind::TemporalMap, Dim::S, kWhole);
    }
    if (!s.clusterSize)
      return;
    cluster(s.clusterSize);
    map(DirectiveKind::SpatialMap, s.innerDim, 1);
    if (isWindowedKind(kind)) {
      map(DirectiveKind::TemporalMap, Dim::R, kWhole);
      map(DirectiveKind::TemporalMap, Dim::S, kWhole);
    }
  }

  template <typename Visit>
  void choosePlans(const PlanChoices &choices, unsigned next,
                   TemporalPlan &plan, Visit &visit) const {
    if (next == choices.free.size()) {
      llvm::SmallVector<std::pair<Dim, int64_t>, kMaxTiledDims + 1> chosen(
          plan.tiled.begin(), plan.tiled.end());
      chosen.append(choices.forced.begin(), choices.forced.end());
      // Slot value -1 is the spatial map; permutations in lexicographic
      // order of slot indices.
      llvm::SmallVector<int, kMaxTiledDims + 2> slots;
      for (int i = -1; i < static_cast<int>(chosen.size()); ++i)
        slots.push_back(i);
      TemporalPlan ordered;
      do {
        ordered.tiled.clear();
        for (auto [pos, slot] : llvm::enumerate(slots)) {
          if (slot < 0)
            ordered.spatialPosition = pos;
          else
            ordered.tiled.push_back(chosen[slot]);
        }
        visit(ordered);
      } while (std::next_permutation(slots.begin(), slots.end()));
      return;
    }
    choosePlans(choices, next + 1, plan, visit); // whole
    if (plan.tiled.size() + choices.forced.size() >= kMaxTiledDims)
      return;
    for (int64_t tile : choices.free[next].second) {
      plan.tiled.push_back({choices.free[next].first, tile});
      choosePlans(choices, next + 1, plan, visit);
      plan.tiled.pop_back();
    }
  }
};

/// The figures a mapping reached; kept per task.
struct Best {
  MappingScore score;
  llvm::SmallVector<Directive, 16> directives;
  CostReport report;
  std::string seedName;
};

} // namespace

MappingScore mlir::accel::scoreMapping(const CostReport &report,
                                       const HardwareConfig &hw,
                                       SearchObjective objective,
                                       uint64_t position) {
  MappingScore score;
  score.fits = report.l1SizeReq <= hw.l1Size && report.l2SizeReq <= hw.l2Size;
  double runtime = static_cast<double>(report.runtime);
  switch (objective) {
  case SearchObjective::Runtime:
    score.primary = runtime;
    score.secondary = report.energy;
    break;
  case SearchObjective::Energy:
    score.primary = report.energy;
    score.secondary = runtime;
    break;
  case SearchObjective::EnergyDelay:
    score.primary = runtime * report.energy;
    score.secondary = runtime;
    break;
  }
  score.position = position;
  return score;
}

CostLowerBound mlir::accel::lowerBoundOf(CostLayerKind kind,
                                         const LayerShape &shape,
                                         const HardwareConfig &hw,
                                         llvm::ArrayRef<Directive> directives) {
  CostLowerBound bound;
  llvm::Expected<BoundDataflow> bound_ =
      bindDataflow(directives, shape, hw.numPEs);
  if (!bound_) {
    llvm::consumeError(bound_.takeError());
    return bound;
  }
  // The sub-units of a level that can hold work: at most its number of
  // distinct chunks of its spatial dimensions, within the level's extents
  // (a chunk of the level above).
  std::array<int64_t, kNumDims> extent;
  for (unsigned d = 0; d < kNumDims; ++d)
    extent[d] = shape.size(static_cast<Dim>(d));
  double busyUnits = 1;
  for (const BoundLevel &level : bound_->levels) {
    double chunks = 1;
    std::array<int64_t, kNumDims> next = extent;
    for (const BoundMap &m : level.maps) {
      unsigned v = static_cast<unsigned>(m.dim);
      int64_t e = extent[v];
      next[v] = std::min(m.size, e);
      // The analysis moves strided windows over input rows and columns in
      // its own way (docs/CostModel.md), which can make more chunks than
      // the output coordinates have: no limit but the sub-units there.
      bool strided = (inputViewOf(m.dim) == Dim::Y && shape.stride[0] > 1) ||
                     (inputViewOf(m.dim) == Dim::X && shape.stride[1] > 1);
      if (m.kind == DirectiveKind::SpatialMap)
        chunks *= strided ? static_cast<double>(level.numSubUnits)
                  : e <= m.size
                      ? 1
                      : llvm::divideCeilSigned(e - m.size, m.offset) + 1;
    }
    busyUnits *= std::min<double>(static_cast<double>(level.numSubUnits),
                                  chunks);
    extent = next;
  }
  // Mappings whose analysis counts fewer MACs than the layer are rejected
  // (DataflowSearch), so the layer's MACs are a floor for the model's.
  double macs = static_cast<double>(shape.numMACs());
  bound.runtime = std::ceil(macs / (busyUnits * hw.simdLanes));
  // Every MAC reads its input, filter and partial sum from L1.
  bound.energy = 3 * macs * EnergyTable::kL1Access *
                 EnergyTable::kMacNanojoules;
  (void)kind;
  return bound;
}

struct DataflowSearch::Impl {
  CostLayerKind kind;
  LayerShape shape;
  HardwareConfig hw;
  DataflowSearchOptions options;
  Space space;
  Best bestSeed;
  int64_t seedEvaluations = 0, seedInvalid = 0, seedIncomplete = 0;
  struct TaskResult {
    Best best;
    DataflowSearchStats stats;
  };
  std::vector<TaskResult> tasks;
  std::atomic<int64_t> evaluated{0};
  int64_t layerMACs;
  /// Empty when the layer or the hardware is invalid: every mapping is.
  std::optional<CostEvaluator> costs;

  Impl(CostLayerKind kind, const LayerShape &shape, const HardwareConfig &hw,
       const DataflowSearchOptions &options)
      : kind(kind), shape(shape), hw(hw), options(options),
        space(kind, shape, hw, options.levels), layerMACs(shape.numMACs()) {
    tasks.resize(space.structures.size());
    llvm::Expected<CostEvaluator> evaluator =
        CostEvaluator::create(kind, shape, hw);
    if (evaluator)
      costs.emplace(std::move(*evaluator));
    else
      llvm::consumeError(evaluator.takeError());
  }

  double primaryBound(const CostLowerBound &b) const {
    switch (options.objective) {
    case SearchObjective::Runtime:
      return b.runtime;
    case SearchObjective::Energy:
      return b.energy;
    case SearchObjective::EnergyDelay:
      return b.runtime * b.energy;
    }
    return 0;
  }

  /// Evaluates one mapping, `dataflow` (its directives, or bound), and
  /// updates `best` and the counts; `directivesOf(out)` gives its
  /// directives when it is the best so far.
  template <typename Dataflow, typename DirectivesOf>
  void evaluate(const Dataflow &dataflow, DirectivesOf directivesOf,
                uint64_t position, Best &best, DataflowSearchStats &stats,
                const CostLowerBound *bound,
                CostEvaluator::Scratch *scratch = nullptr,
                CostDetail detail = CostDetail::Full) {
    ++stats.evaluated;
    evaluated.fetch_add(1, std::memory_order_relaxed);
    if (!costs) {
      ++stats.invalid;
      return;
    }
    llvm::Expected<CostReport> report =
        costs->evaluate(dataflow, scratch, detail);
    if (!report) {
      llvm::consumeError(report.takeError());
      ++stats.invalid;
      return;
    }
    // Where the analysis counts fewer MACs than the layer has (MAESTRO's
    // edge chunks can lose some), its figures are for less work than the
    // layer's: not a mapping of the layer the model can be trusted on.
    if (report->numMACs < layerMACs) {
      ++stats.incomplete;
      return;
    }
    if (bound && (static_cast<double>(report->runtime) < bound->runtime ||
                  report->energy < bound->energy * (1 - 1e-12)))
      ++stats.boundViolations;
    MappingScore score =
        scoreMapping(*report, hw, options.objective, position);
    if (!score.betterThan(best.score))
      return;
    best.score = score;
    directivesOf(best.directives);
    best.report = *report;
    best.seedName.clear();
  }

  void runTask(size_t index) {
    const Structure &s = space.structures[index];
    TaskResult &task = tasks[index];
    Best &best = task.best;
    best = bestSeed;
    // Plans are counted, not listed, until the task is known to be
    // searched: most tasks are pruned whole.
    uint64_t numPlans = space.countPlans(s);
    task.stats.spaceSize = numPlans;
    if (numPlans == 0)
      return;

    llvm::SmallVector<Directive, 16> directives;
    space.build(s, space.firstPlan(s), directives);
    CostLowerBound bound = lowerBoundOf(kind, shape, hw, directives);
    if (options.prune &&
        best.score.beatsEveryMappingAbove(primaryBound(bound))) {
      task.stats.pruned = numPlans;
      return;
    }
    // The budget, split evenly over the tasks; an over-budget task visits
    // its plans in an order spread by the seed.
    uint64_t budget = numPlans;
    if (options.maxEvaluations > 0)
      budget = std::min(budget, taskBudget(options.maxEvaluations -
                                               seedEvaluations,
                                           index, tasks.size()));
    task.stats.unvisited = numPlans - budget;
    uint64_t base = static_cast<uint64_t>(index + 1) << 32;
    // Plans share inner levels (a structure's, with the same tiles): keep
    // their analyses per thread, across tasks and searches (a scratch
    // tells evaluators apart, and only speeds evaluations up). Plans are
    // made bound (their directives only for a new best) and ranked on what
    // a ranking evaluation gives; result() evaluates the one kept in full.
    static thread_local CostEvaluator::Scratch scratch;
    BoundDataflow candidate;
    auto evaluatePlan = [&](const TemporalPlan &plan, uint64_t position) {
      space.bind(s, plan, hw.numPEs, candidate);
      evaluate(
          candidate,
          [&](llvm::SmallVectorImpl<Directive> &out) {
            space.build(s, plan, out);
          },
          position, best, task.stats, &bound, &scratch, CostDetail::Ranking);
    };
    if (budget == numPlans) {
      // Every plan, in order, as they are made.
      uint64_t p = 0;
      space.forEachPlan(
          s, [&](const TemporalPlan &plan) { evaluatePlan(plan, base + p++); });
      return;
    }
    llvm::SmallVector<TemporalPlan, 0> plans;
    plans.reserve(numPlans);
    space.forEachPlan(s, [&](const TemporalPlan &p) { plans.push_back(p); });
    assert(plans.size() == numPlans && "countPlans disagrees with the plans");
    SpreadOrder order(plans.size(), mixSeed(options.seed ^ mixSeed(index)));
    for (uint64_t i = 0; i < budget; ++i) {
      uint64_t p = order[i];
      evaluatePlan(plans[p], base + p);
    }
  }
};

DataflowSearch::DataflowSearch(CostLayerKind kind, const LayerShape &shape,
                               const HardwareConfig &hardware,
                               llvm::ArrayRef<NamedDataflow> seeds,
                               const DataflowSearchOptions &options)
    : impl(std::make_unique<Impl>(kind, shape, hardware, options)) {
  DataflowSearchStats stats;
  for (auto [i, seed] : llvm::enumerate(seeds)) {
    MappingScore before = impl->bestSeed.score;
    llvm::ArrayRef<Directive> directives = seed.directives;
    impl->evaluate(
        directives,
        [&](llvm::SmallVectorImpl<Directive> &out) {
          out.assign(directives.begin(), directives.end());
        },
        i, impl->bestSeed, stats, nullptr);
    if (impl->bestSeed.score.position != before.position)
      impl->bestSeed.seedName = seed.name;
  }
  impl->seedEvaluations = stats.evaluated;
  impl->seedInvalid = stats.invalid;
  impl->seedIncomplete = stats.incomplete;
}

DataflowSearch::~DataflowSearch() = default;
DataflowSearch::DataflowSearch(DataflowSearch &&) = default;

size_t DataflowSearch::numTasks() const { return impl->tasks.size(); }

void DataflowSearch::runTask(size_t index) { impl->runTask(index); }

int64_t DataflowSearch::evaluatedSoFar() const {
  return impl->evaluated.load(std::memory_order_relaxed);
}

DataflowSearchResult DataflowSearch::result() const {
  DataflowSearchResult result;
  const Best *best = &impl->bestSeed;
  DataflowSearchStats &stats = result.stats;
  stats.evaluated = impl->seedEvaluations;
  stats.invalid = impl->seedInvalid;
  stats.incomplete = impl->seedIncomplete;
  for (const Impl::TaskResult &task : impl->tasks) {
    if (task.best.score.betterThan(best->score))
      best = &task.best;
    stats.spaceSize += task.stats.spaceSize;
    stats.evaluated += task.stats.evaluated;
    stats.pruned += task.stats.pruned;
    stats.unvisited += task.stats.unvisited;
    stats.invalid += task.stats.invalid;
    stats.incomplete += task.stats.incomplete;
    stats.boundViolations += task.stats.boundViolations;
  }
  result.directives = best->directives;
  result.report = best->report;
  // A task's mappings were ranked on a ranking evaluation's figures: the
  // one kept gets every figure (the same where both have them).
  if (best != &impl->bestSeed && impl->costs) {
    llvm::Expected<CostReport> full = impl->costs->evaluate(best->directives);
    assert(full && "a ranking evaluation fails exactly where a full one does");
    if (full)
      result.report = *full;
    else
      llvm::consumeError(full.takeError());
  }
  result.score = best->score;
  result.seedName = best->seedName;
  result.bestSeedName = impl->bestSeed.seedName;
  result.bestSeedReport = impl->bestSeed.report;
  result.bestSeedScore = impl->bestSeed.score;
  return result;
}

DataflowSearchResult mlir::accel::searchDataflow(
    CostLayerKind kind, const LayerShape &shape, const HardwareConfig &hardware,
    llvm::ArrayRef<NamedDataflow> seeds, const DataflowSearchOptions &options) {
  DataflowSearch search(kind, shape, hardware, seeds, options);
  for (size_t i = 0; i < search.numTasks(); ++i)
    search.runTask(i);
  return search.result();
}

void mlir::accel::forEachDataflowCandidate(
    CostLayerKind kind, const LayerShape &shape, const HardwareConfig &hardware,
    unsigned levels,
    llvm::function_ref<void(llvm::ArrayRef<Directive>)> visit) {
  forEachBoundDataflowCandidate(
      kind, shape, hardware, levels,
      [&](llvm::ArrayRef<Directive> directives, const BoundDataflow &) {
        visit(directives);
      });
}

void mlir::accel::forEachBoundDataflowCandidate(
    CostLayerKind kind, const LayerShape &shape, const HardwareConfig &hardware,
    unsigned levels,
    llvm::function_ref<void(llvm::ArrayRef<Directive>, const BoundDataflow &)>
        visit) {
  Space space(kind, shape, hardware, levels);
  llvm::SmallVector<Directive, 16> directives;
  BoundDataflow bound;
  for (const Structure &s : space.structures)
    space.forEachPlan(s, [&](const TemporalPlan &plan) {
      space.build(s, plan, directives);
      space.bind(s, plan, hardware.numPEs, bound);
      visit(directives, bound);
    });
}
