//===- Progress.h - Progress of the long accel passes -----------*- C++ -*-===//
//
// One way for every pass that may run for seconds (accel-simulate, the
// searches) to say how far it is: a line per finished layer on standard
// error, `pass: layer i of n 'name': [detail; ]T s elapsed, about E s left`.
// Printed when standard error is a terminal and the pass has run for two
// seconds, or always with `--accel-progress` (or a pass's own `progress`
// option); never otherwise, so logs and tests stay quiet.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_DIALECT_ACCEL_TRANSFORMS_PROGRESS_H
#define ACCEL_DIALECT_ACCEL_TRANSFORMS_PROGRESS_H

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"

#include <chrono>
#include <mutex>
#include <string>

namespace mlir::accel {

class LayerProgress {
public:
  /// `totalWork` is the sum of the layers' `work` (MACs, tasks: whatever
  /// the time is proportional to), for the estimate. `force` is a pass's
  /// own request; `--accel-progress` forces every pass.
  LayerProgress(llvm::StringRef passName, size_t numLayers, double totalWork,
                bool force = false);

  /// Records that layer `name` finished; thread-safe. `detail` is called
  /// only when the line is printed.
  void finished(llvm::StringRef name, double work,
                llvm::function_ref<std::string()> detail = nullptr);

private:
  std::string passName;
  size_t numLayers, numFinished = 0;
  double totalWork, workDone = 0;
  bool force, terminal;
  std::chrono::steady_clock::time_point start;
  std::mutex mutex;
};

} // namespace mlir::accel

#endif // ACCEL_DIALECT_ACCEL_TRANSFORMS_PROGRESS_H
