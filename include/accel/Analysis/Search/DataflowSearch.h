//===- DataflowSearch.h - The best dataflow for one layer -------*- C++ -*-===//
//
// Searches the directive sets the dialect expresses for one layer, ranked by
// the data-centric cost model (evaluateCost) on one machine. MLIR-free.
// docs/Mapper.md describes the space, the bounds and the determinism.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_ANALYSIS_SEARCH_DATAFLOWSEARCH_H
#define ACCEL_ANALYSIS_SEARCH_DATAFLOWSEARCH_H

#include "accel/Analysis/CostModel/CostModel.h"
#include "accel/Analysis/Search/SearchSupport.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"

#include <atomic>
#include <memory>
#include <string>
#include <vector>

namespace mlir::accel {

struct DataflowSearchOptions {
  SearchObjective objective = SearchObjective::Runtime;
  /// Mappings evaluated per layer at most (seeds included); 0: no limit,
  /// the whole space is searched (with pruning).
  int64_t maxEvaluations = 0;
  /// Chooses which part of an over-budget space is visited.
  uint64_t seed = 0;
  /// Cluster levels of the searched mappings: 1, or 1 and 2.
  unsigned levels = 2;
  /// Skip parts of the space whose lower bound cannot beat the best so far.
  /// Off only to check the bounds.
  bool prune = true;
};

/// A dataflow the search starts from (the library's), kept when nothing it
/// finds ranks better.
struct NamedDataflow {
  std::string name;
  llvm::SmallVector<Directive, 12> directives;
};

struct DataflowSearchStats {
  /// Mappings of the space, seeds not included.
  int64_t spaceSize = 0;
  /// Mappings the cost model evaluated (seeds included).
  int64_t evaluated = 0;
  /// Mappings of the space skipped because a lower bound showed they cannot
  /// beat the best mapping known at the time.
  int64_t pruned = 0;
  /// Mappings of the space not visited because of the evaluation budget.
  int64_t unvisited = 0;
  /// Evaluated mappings the cost model rejected.
  int64_t invalid = 0;
  /// Evaluated mappings whose analysis counts fewer MACs than the layer has
  /// (MAESTRO's accounting of some edge chunks): rejected, as their figures
  /// are for less work than the layer's.
  int64_t incomplete = 0;
  /// Evaluated mappings whose figures fell below the bound the pruning
  /// assumes: 0 unless a bound is wrong (tests check it).
  int64_t boundViolations = 0;
};

struct DataflowSearchResult {
  /// The best mapping: empty when no seed and no mapping of the space could
  /// be evaluated.
  llvm::SmallVector<Directive, 16> directives;
  CostReport report;
  MappingScore score;
  /// The seed kept, or empty when the search found a better mapping.
  std::string seedName;
  /// The best seed alone, for comparison (empty name when no seed applies).
  std::string bestSeedName;
  CostReport bestSeedReport;
  MappingScore bestSeedScore;
  DataflowSearchStats stats;

  bool found() const { return score.isValid(); }
};

/// Scores a cost report for `objective` on `hardware`; `position` breaks
/// ties (see MappingScore).
MappingScore scoreMapping(const CostReport &report,
                          const HardwareConfig &hardware,
                          SearchObjective objective, uint64_t position);

/// The search on one layer, split into tasks that may run concurrently (one
/// per spatial structure of the space). Each task starts from the best seed
/// and prunes against what it has seen itself, so its counts and result do
/// not depend on the other tasks or on the thread count; result() combines
/// them in task order.
class DataflowSearch {
public:
  DataflowSearch(CostLayerKind kind, const LayerShape &shape,
                 const HardwareConfig &hardware,
                 llvm::ArrayRef<NamedDataflow> seeds,
                 const DataflowSearchOptions &options);
  ~DataflowSearch();
  DataflowSearch(DataflowSearch &&);

  size_t numTasks() const;
  /// Runs task `index`; distinct tasks may run concurrently, after the
  /// constructor and before result().
  void runTask(size_t index);
  /// The best mapping over the seeds and every task (all must have run).
  DataflowSearchResult result() const;

  /// Mappings evaluated so far over all tasks (for progress reports).
  int64_t evaluatedSoFar() const;

  struct Impl;

private:
  std::unique_ptr<Impl> impl;
};

/// Runs every task of a search in turn.
DataflowSearchResult searchDataflow(CostLayerKind kind, const LayerShape &shape,
                                    const HardwareConfig &hardware,
                                    llvm::ArrayRef<NamedDataflow> seeds,
                                    const DataflowSearchOptions &options);

/// Calls `visit` on every mapping of the search space of the layer, in the
/// search's order (no pruning, no budget): the reference exhaustive
/// enumeration tests compare the search with.
void forEachDataflowCandidate(
    CostLayerKind kind, const LayerShape &shape, const HardwareConfig &hardware,
    unsigned levels,
    llvm::function_ref<void(llvm::ArrayRef<Directive>)> visit);
/// The same, with each mapping also as the search evaluates it: bound to
/// the layer and `hardware`'s PEs without bindDataflow (tests compare the
/// two).
void forEachBoundDataflowCandidate(
    CostLayerKind kind, const LayerShape &shape, const HardwareConfig &hardware,
    unsigned levels,
    llvm::function_ref<void(llvm::ArrayRef<Directive>, const BoundDataflow &)>
        visit);

/// Lower bounds the pruning relies on, for a mapping `directives` whose
/// analysis counts at least the layer's MACs (tests check them against the
/// cost model): runtime at least the layer's MACs over the PEs its spatial
/// maps can keep busy, energy at least the L1 reads every MAC makes.
struct CostLowerBound {
  double runtime = 0;
  double energy = 0;
};
CostLowerBound lowerBoundOf(CostLayerKind kind, const LayerShape &shape,
                            const HardwareConfig &hardware,
                            llvm::ArrayRef<Directive> directives);

} // namespace mlir::accel

#endif // ACCEL_ANALYSIS_SEARCH_DATAFLOWSEARCH_H
