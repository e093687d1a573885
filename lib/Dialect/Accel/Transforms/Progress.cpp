//===- Progress.cpp - Progress of the long accel passes -------------------===//

#include "accel/Dialect/Accel/Transforms/Progress.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

#include <cmath>
#include <cstdio>

using namespace mlir::accel;

static llvm::cl::opt<bool> clProgress(
    "accel-progress",
    llvm::cl::desc("Report the progress of long accel passes (simulation, "
                   "searches) on standard error even when it is not a "
                   "terminal"),
    llvm::cl::init(false));

/// The pass has run this long before a terminal sees progress lines: quick
/// runs stay quiet.
static constexpr std::chrono::seconds kQuietFor(2);

/// "0.4 s", "12 s", "3 min 20 s".
static std::string duration(double seconds) {
  char text[32];
  if (seconds < 10)
    std::snprintf(text, sizeof(text), "%.1f s", seconds);
  else if (seconds < 120)
    std::snprintf(text, sizeof(text), "%.0f s", seconds);
  else
    std::snprintf(text, sizeof(text), "%.0f min %.0f s",
                  std::floor(seconds / 60), std::fmod(seconds, 60));
  return text;
}

LayerProgress::LayerProgress(llvm::StringRef passName, size_t numLayers,
                             double totalWork, bool force)
    : passName(passName.str()), numLayers(numLayers), totalWork(totalWork),
      force(force || clProgress), terminal(llvm::errs().is_displayed()),
      start(std::chrono::steady_clock::now()) {}

void LayerProgress::finished(llvm::StringRef name, double work,
                             llvm::function_ref<std::string()> detail) {
  std::lock_guard<std::mutex> lock(mutex);
  ++numFinished;
  workDone += work;
  auto elapsed = std::chrono::steady_clock::now() - start;
  if (!force && !(terminal && elapsed >= kQuietFor))
    return;
  double seconds = std::chrono::duration<double>(elapsed).count();
  llvm::errs() << passName << ": layer " << numFinished << " of " << numLayers
               << " '" << name << "': ";
  if (detail)
    llvm::errs() << detail() << "; ";
  llvm::errs() << duration(seconds) << " elapsed";
  // The rest takes as long per unit of work as the part done.
  if (numFinished < numLayers && workDone > 0 && totalWork > workDone)
    llvm::errs() << ", about "
                 << duration(seconds * (totalWork - workDone) / workDone)
                 << " left";
  llvm::errs() << "\n";
}
