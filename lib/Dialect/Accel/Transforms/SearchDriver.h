//===- SearchDriver.h - Run per-layer searches on the thread pool -*- C++ -*-===//
//
// Shared by accel-search-dataflow and accel-search-maeri-schedule: runs the
// tasks of every layer's search on the context's thread pool and reports
// progress on standard error.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_LIB_DIALECT_ACCEL_TRANSFORMS_SEARCHDRIVER_H
#define ACCEL_LIB_DIALECT_ACCEL_TRANSFORMS_SEARCHDRIVER_H

#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Threading.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace mlir::accel {

/// Runs every task of every search in `searches` (types with numTasks() and
/// runTask(i)). Results do not depend on the order tasks run in, so they
/// are spread over the context's threads freely. When a search finishes,
/// and either `forceProgress` is set or standard error is a terminal and a
/// second has passed, prints `pass: layer i of n 'name': describe(search)`.
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

  bool terminal = llvm::errs().is_displayed();
  auto start = std::chrono::steady_clock::now();
  std::mutex progressMutex;
  size_t finished = 0;
  auto reportFinished = [&](size_t s) {
    std::lock_guard<std::mutex> lock(progressMutex);
    ++finished;
    bool late = std::chrono::steady_clock::now() - start >
                std::chrono::seconds(1);
    if (!forceProgress && !(terminal && late))
      return;
    llvm::errs() << passName << ": layer " << finished << " of "
                 << searches.size() << " '" << names[s]
                 << "': " << describe(searches[s]) << "\n";
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

#endif // ACCEL_LIB_DIALECT_ACCEL_TRANSFORMS_SEARCHDRIVER_H
