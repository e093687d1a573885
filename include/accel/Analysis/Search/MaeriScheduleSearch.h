//===- MaeriScheduleSearch.h - The best MAERI tiling of a layer -*- C++ -*-===//
//
// Searches MAERI schedules (VN size, number of VNs, tile sizes, tile order,
// hence folds) for one layer, ranked by the MAERI cycle model
// (estimateMaeriCycles) on one target. MLIR-free. docs/Mapper.md.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_ANALYSIS_SEARCH_MAERISCHEDULESEARCH_H
#define ACCEL_ANALYSIS_SEARCH_MAERISCHEDULESEARCH_H

#include "accel/Analysis/Search/SearchSupport.h"
#include "accel/Target/MAERI/MaeriSchedule.h"

#include "llvm/ADT/ArrayRef.h"

#include <atomic>
#include <memory>
#include <string>

namespace mlir::accel {

struct MaeriScheduleSearchOptions {
  /// Schedules evaluated per layer at most (seeds included); 0: no limit.
  int64_t maxEvaluations = 0;
  uint64_t seed = 0;
  /// Skip schedules whose lower bound cannot beat the best so far.
  bool prune = true;
};

/// A schedule the search starts from (the default, the dataflow's).
struct NamedSchedule {
  std::string name;
  MaeriSchedule schedule;
};

struct MaeriScheduleSearchStats {
  int64_t spaceSize = 0;
  int64_t evaluated = 0;
  int64_t pruned = 0;
  int64_t unvisited = 0;
  int64_t invalid = 0;
  /// Evaluated schedules below the bound the pruning assumes (0 unless a
  /// bound is wrong).
  int64_t boundViolations = 0;
};

struct MaeriScheduleSearchResult {
  MaeriSchedule schedule;
  int64_t cycles = 0;
  MappingScore score;
  /// The seed kept, or empty when the search found a better schedule.
  std::string seedName;
  std::string bestSeedName;
  int64_t bestSeedCycles = 0;
  MaeriScheduleSearchStats stats;

  bool found() const { return score.isValid(); }
};

/// The search on one layer, one task per virtual-neuron shape
/// (T_R, T_S, T_C); tasks are independent as in DataflowSearch.
class MaeriScheduleSearch {
public:
  MaeriScheduleSearch(const LayerShape &shape, const MaeriTargetModel &target,
                      llvm::ArrayRef<NamedSchedule> seeds,
                      const MaeriScheduleSearchOptions &options);
  ~MaeriScheduleSearch();
  MaeriScheduleSearch(MaeriScheduleSearch &&);

  size_t numTasks() const;
  void runTask(size_t index);
  MaeriScheduleSearchResult result() const;
  int64_t evaluatedSoFar() const;

  struct Impl;

private:
  std::unique_ptr<Impl> impl;
};

MaeriScheduleSearchResult
searchMaeriSchedule(const LayerShape &shape, const MaeriTargetModel &target,
                    llvm::ArrayRef<NamedSchedule> seeds,
                    const MaeriScheduleSearchOptions &options);

} // namespace mlir::accel

#endif // ACCEL_ANALYSIS_SEARCH_MAERISCHEDULESEARCH_H
