//===- MaeriScheduleSearch.cpp - The best MAERI tiling of a layer ---------===//
//
// The space (docs/Mapper.md): a virtual neuron of T_R x T_S x T_C switches
// (T_R in {1, R}, T_S in {1, S}, T_C a power of two below C or C), one task
// each; T_N x T_G x T_K x T_Y' x T_X' VNs within the remaining switches
// (each tile a power of two below its dimension or the dimension); the
// dimensions that take more than one tile in every order, after those that
// do not. Every tile visits at least one cycle, so a schedule takes at
// least as many cycles as it has tiles: that bounds a schedule before the
// cycle model runs, and a task (folds x the fewest VN tiles) before any.
//
//===----------------------------------------------------------------------===//

#include "accel/Analysis/Search/MaeriScheduleSearch.h"
#include "accel/Simulator/MaeriSimulator.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/MathExtras.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>
#include <vector>

using namespace mlir::accel;

namespace {

/// Powers of two below `size`, then `size`.
llvm::SmallVector<int64_t, 16> tileChoices(int64_t size, int64_t limit) {
  llvm::SmallVector<int64_t, 16> tiles;
  for (int64_t t = 1; t < size && t <= limit; t *= 2)
    tiles.push_back(t);
  if (size <= limit)
    tiles.push_back(size);
  return tiles;
}

constexpr Dim kOrderDims[] = {Dim::N, Dim::G, Dim::K, Dim::C,
                              Dim::R, Dim::S, Dim::OY, Dim::OX};
constexpr Dim kVnCountDims[] = {Dim::N, Dim::G, Dim::K, Dim::OY, Dim::OX};

/// One VN tiling of a task: the tiles, and the dimensions it iterates.
struct Tiling {
  MaeriSchedule schedule; // tiles set; order holds the dims not iterated
  llvm::SmallVector<Dim, 8> iterated;
  uint64_t numOrders;
  uint64_t firstPlan;
};

uint64_t factorial(size_t n) {
  uint64_t f = 1;
  for (size_t i = 2; i <= n; ++i)
    f *= i;
  return f;
}

/// The `index`-th permutation of `dims` in lexicographic order of their
/// positions (factorial number system).
void nthPermutation(llvm::SmallVector<Dim, 8> dims, uint64_t index,
                    llvm::SmallVectorImpl<Dim> &out) {
  while (!dims.empty()) {
    uint64_t f = factorial(dims.size() - 1);
    size_t pick = index / f;
    index %= f;
    out.push_back(dims[pick]);
    dims.erase(dims.begin() + pick);
  }
}

} // namespace

struct MaeriScheduleSearch::Impl {
  LayerShape shape;
  MaeriTargetModel target;
  MaeriScheduleSearchOptions options;
  /// VN shapes (T_R, T_S, T_C): one task each.
  std::vector<std::array<int64_t, 3>> vnShapes;
  struct Best {
    MappingScore score;
    MaeriSchedule schedule;
    std::string seedName;
  };
  Best bestSeed;
  int64_t seedEvaluations = 0, seedInvalid = 0;
  struct TaskResult {
    Best best;
    MaeriScheduleSearchStats stats;
  };
  std::vector<TaskResult> tasks;
  std::atomic<int64_t> evaluated{0};

  Impl(const LayerShape &shape, const MaeriTargetModel &target,
       const MaeriScheduleSearchOptions &options)
      : shape(shape), target(target), options(options) {
    int64_t ms = target.numMultipliers();
    for (int64_t r : {int64_t(1), shape.size(Dim::R)})
      for (int64_t s : {int64_t(1), shape.size(Dim::S)})
        for (int64_t c : tileChoices(shape.size(Dim::C), ms)) {
          if (r * s * c > ms)
            continue;
          std::array<int64_t, 3> vn = {r, s, c};
          if (!llvm::is_contained(vnShapes, vn))
            vnShapes.push_back(vn);
        }
    tasks.resize(vnShapes.size());
  }

  void evaluate(const MaeriSchedule &schedule, uint64_t position, Best &best,
                MaeriScheduleSearchStats &stats, bool checkBound) {
    ++stats.evaluated;
    evaluated.fetch_add(1, std::memory_order_relaxed);
    if (llvm::Error err = verifySchedule(schedule, shape, target)) {
      llvm::consumeError(std::move(err));
      ++stats.invalid;
      return;
    }
    llvm::Expected<int64_t> cycles =
        estimateMaeriCycles(shape, schedule, target);
    if (!cycles) {
      llvm::consumeError(cycles.takeError());
      ++stats.invalid;
      return;
    }
    if (checkBound && *cycles < schedule.numTiles(shape))
      ++stats.boundViolations;
    MappingScore score;
    score.fits = true;
    score.primary = static_cast<double>(*cycles);
    // Fewer switches for the same cycles leaves the rest idle: prefer it.
    score.secondary = static_cast<double>(schedule.multipliersUsed());
    score.position = position;
    if (!score.betterThan(best.score))
      return;
    best.score = score;
    best.schedule = schedule;
    best.seedName.clear();
  }

  std::vector<Tiling> tilingsOf(const std::array<int64_t, 3> &vn) const {
    int64_t budget = target.numMultipliers() / (vn[0] * vn[1] * vn[2]);
    MaeriSchedule base;
    base.tile[static_cast<unsigned>(TileDim::R)] = vn[0];
    base.tile[static_cast<unsigned>(TileDim::S)] = vn[1];
    base.tile[static_cast<unsigned>(TileDim::C)] = vn[2];
    std::vector<Tiling> tilings;
    uint64_t plans = 0;
    std::function<void(unsigned, int64_t, MaeriSchedule &)> choose =
        [&](unsigned next, int64_t left, MaeriSchedule &s) {
          if (next == std::size(kVnCountDims)) {
            Tiling t;
            t.schedule = s;
            for (Dim d : kOrderDims) {
              if (llvm::divideCeilSigned(shape.size(d), s.tileOf(d)) > 1)
                t.iterated.push_back(d);
              else
                t.schedule.order.push_back(d);
            }
            t.numOrders = factorial(t.iterated.size());
            t.firstPlan = plans;
            plans += t.numOrders;
            tilings.push_back(std::move(t));
            return;
          }
          Dim d = kVnCountDims[next];
          for (int64_t tile : tileChoices(shape.size(d), left)) {
            s.tile[static_cast<unsigned>(tileDimOf(d))] = tile;
            choose(next + 1, left / tile, s);
          }
          s.tile[static_cast<unsigned>(tileDimOf(d))] = 1;
        };
    choose(0, budget, base);
    return tilings;
  }

  void runTask(size_t index) {
    const std::array<int64_t, 3> &vn = vnShapes[index];
    TaskResult &task = tasks[index];
    Best &best = task.best;
    best = bestSeed;
    std::vector<Tiling> tilings = tilingsOf(vn);
    if (tilings.empty())
      return;
    uint64_t numPlans = tilings.back().firstPlan + tilings.back().numOrders;
    task.stats.spaceSize = numPlans;

    // Folds x the fewest tiles the VNs can cover the outputs in.
    int64_t vnSize = vn[0] * vn[1] * vn[2];
    int64_t folds = llvm::divideCeilSigned(shape.size(Dim::R), vn[0]) *
                    llvm::divideCeilSigned(shape.size(Dim::S), vn[1]) *
                    llvm::divideCeilSigned(shape.size(Dim::C), vn[2]);
    double outputs = 1;
    for (Dim d : kVnCountDims)
      outputs *= static_cast<double>(shape.size(d));
    double taskBound =
        folds * std::ceil(outputs / (target.numMultipliers() / vnSize));
    if (options.prune && best.score.beatsEveryMappingAbove(taskBound)) {
      task.stats.pruned = numPlans;
      return;
    }

    uint64_t budget = numPlans;
    if (options.maxEvaluations > 0)
      budget = std::min(budget, taskBudget(options.maxEvaluations -
                                               seedEvaluations,
                                           index, tasks.size()));
    bool spread = budget < numPlans;
    SpreadOrder order(numPlans, mixSeed(options.seed ^ mixSeed(index)));
    uint64_t base = static_cast<uint64_t>(index + 1) << 40;
    MaeriSchedule schedule;
    for (uint64_t i = 0; i < budget; ++i) {
      uint64_t p = spread ? order[i] : i;
      // The tiling holding plan p: the last whose first plan is <= p.
      auto it = std::upper_bound(
          tilings.begin(), tilings.end(), p,
          [](uint64_t v, const Tiling &t) { return v < t.firstPlan; });
      const Tiling &tiling = *std::prev(it);
      schedule = tiling.schedule;
      if (options.prune &&
          best.score.beatsEveryMappingAbove(
              static_cast<double>(schedule.numTiles(shape)))) {
        ++task.stats.pruned;
        continue;
      }
      nthPermutation(tiling.iterated, p - tiling.firstPlan, schedule.order);
      evaluate(schedule, base + p, best, task.stats, /*checkBound=*/true);
    }
    task.stats.unvisited = numPlans - budget;
  }
};

MaeriScheduleSearch::MaeriScheduleSearch(
    const LayerShape &shape, const MaeriTargetModel &target,
    llvm::ArrayRef<NamedSchedule> seeds,
    const MaeriScheduleSearchOptions &options)
    : impl(std::make_unique<Impl>(shape, target, options)) {
  MaeriScheduleSearchStats stats;
  for (auto [i, seed] : llvm::enumerate(seeds)) {
    uint64_t before = impl->bestSeed.score.position;
    impl->evaluate(seed.schedule, i, impl->bestSeed, stats,
                   /*checkBound=*/true);
    if (impl->bestSeed.score.position != before)
      impl->bestSeed.seedName = seed.name;
  }
  impl->seedEvaluations = stats.evaluated;
  impl->seedInvalid = stats.invalid;
}

MaeriScheduleSearch::~MaeriScheduleSearch() = default;
MaeriScheduleSearch::MaeriScheduleSearch(MaeriScheduleSearch &&) = default;

size_t MaeriScheduleSearch::numTasks() const { return impl->tasks.size(); }
void MaeriScheduleSearch::runTask(size_t index) { impl->runTask(index); }
int64_t MaeriScheduleSearch::evaluatedSoFar() const {
  return impl->evaluated.load(std::memory_order_relaxed);
}

MaeriScheduleSearchResult MaeriScheduleSearch::result() const {
  MaeriScheduleSearchResult result;
  const Impl::Best *best = &impl->bestSeed;
  MaeriScheduleSearchStats &stats = result.stats;
  stats.evaluated = impl->seedEvaluations;
  stats.invalid = impl->seedInvalid;
  for (const Impl::TaskResult &task : impl->tasks) {
    if (task.best.score.betterThan(best->score))
      best = &task.best;
    stats.spaceSize += task.stats.spaceSize;
    stats.evaluated += task.stats.evaluated;
    stats.pruned += task.stats.pruned;
    stats.unvisited += task.stats.unvisited;
    stats.invalid += task.stats.invalid;
    stats.boundViolations += task.stats.boundViolations;
  }
  result.schedule = best->schedule;
  result.score = best->score;
  result.cycles = static_cast<int64_t>(best->score.primary);
  result.seedName = best->seedName;
  result.bestSeedName = impl->bestSeed.seedName;
  result.bestSeedCycles = static_cast<int64_t>(impl->bestSeed.score.primary);
  return result;
}

MaeriScheduleSearchResult mlir::accel::searchMaeriSchedule(
    const LayerShape &shape, const MaeriTargetModel &target,
    llvm::ArrayRef<NamedSchedule> seeds,
    const MaeriScheduleSearchOptions &options) {
  MaeriScheduleSearch search(shape, target, seeds, options);
  for (size_t i = 0; i < search.numTasks(); ++i)
    search.runTask(i);
  return search.result();
}
