//===- SearchDriver.h - Run per-layer searches on the thread pool -*- C++ -*-===//
//
// Shared by accel-search-dataflow and accel-search-maeri-schedule: runs the
// tasks of every layer's search on the context's thread pool and reports
// progress on standard error.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_DIALECT_ACCEL_TRANSFORMS_SEARCHDRIVER_H
#define ACCEL_DIALECT_ACCEL_TRANSFORMS_SEARCHDRIVER_H

#include "Progress.h"

#include "accel/Analysis/Search/SearchSupport.h"
#include "accel/Model/LayerShape.h"

#include "mlir/IR/Operation.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Threading.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <atomic>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace mlir::accel {

/// Appends what of `shape` a search depends on (sizes, stride, dilation,
/// padding) to `key`: layers with equal keys are searched once.
inline void appendShapeKey(std::string &key, const LayerShape &shape) {
  for (int64_t v : shape.sizes)
    key += " " + std::to_string(v);
  for (int64_t v : shape.stride)
    key += " s" + std::to_string(v);
  for (int64_t v : shape.dilation)
    key += " d" + std::to_string(v);
  for (int64_t v : shape.padding)
    key += " p" + std::to_string(v);
}

/// The pass's `objective` option as a SearchObjective, or an error on
/// `module` naming the pass and the choices.
inline std::optional<SearchObjective>
parseObjectiveOption(Operation *module, llvm::StringRef passName,
                     llvm::StringRef objective) {
  std::optional<SearchObjective> parsed = parseSearchObjective(objective);
  if (!parsed)
    module->emitError() << passName << ": objective '" << objective
                        << "' is not one of runtime, energy, edp";
  return parsed;
}

/// Runs every task of every search in `searches` (types with numTasks() and
/// runTask(i)). Results do not depend on the order tasks run in, so they
/// are spread over the context's threads freely. When a search finishes,
/// reports `describe(search)` as the layer's progress (Progress.h;
/// `forceProgress` is the pass's `progress` option).
template <typename Search, typename Describe>
void runSearches(MLIRContext *context, llvm::StringRef passName,
                 std::vector<Search> &searches,
                 llvm::ArrayRef<std::string> names, bool forceProgress,
                 Describe describe) {
  std::vector<std::pair<size_t, size_t>> tasks;
  for (size_t s = 0; s < searches.size(); ++s)
    for (size_t t = 0; t < searches[s].numTasks(); ++t)
      tasks.push_back({s, t});
  std::vector<std::atomic<size_t>> remaining(searches.size());
  for (size_t s = 0; s < searches.size(); ++s)
    remaining[s] = searches[s].numTasks();

  LayerProgress progress(passName, searches.size(),
                         static_cast<double>(tasks.size()), forceProgress);
  auto reportFinished = [&](size_t s) {
    progress.finished(names[s], static_cast<double>(searches[s].numTasks()),
                      [&] { return describe(searches[s]); });
  };
  for (size_t s = 0; s < searches.size(); ++s)
    if (searches[s].numTasks() == 0)
      reportFinished(s);
  mlir::parallelFor(context, 0, tasks.size(), [&](size_t i) {
    auto [s, t] = tasks[i];
    searches[s].runTask(t);
    if (remaining[s].fetch_sub(1) == 1)
      reportFinished(s);
  });
}

} // namespace mlir::accel

#endif // ACCEL_DIALECT_ACCEL_TRANSFORMS_SEARCHDRIVER_H
