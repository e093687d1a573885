//===- DseSpec.h - accel-dse's sweep specification --------------*- C++ -*-===//
//
// The JSON spec of a sweep (docs/DSE.md, "The spec"): the network, the
// hardware axes, the dataflow (fixed or searched) and the budgets.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_TOOLS_ACCEL_DSE_DSESPEC_H
#define ACCEL_TOOLS_ACCEL_DSE_DSESPEC_H

#include "accel/Analysis/DSE/DesignSpace.h"

#include "llvm/Support/Error.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

namespace mlir::accel {

struct DseSpec {
  /// The network: a MAESTRO .m file, or linalg (.mlir, as torch-mlir, TOSA
  /// or IREE emit it), resolved against the spec's folder after ${VARIABLE}
  /// expansion.
  std::string networkPath;
  HardwareConfig base;
  std::array<std::vector<int64_t>, kNumSweepAxes> axes;
  DseBudgets budgets;
  /// Set when the mapper searches each layer's dataflow per configuration.
  std::optional<DataflowSearchOptions> mapper;
  /// A library dataflow (dataflows/) for every layer, in place of the .m
  /// file's own; what a linalg network needs (`"dataflow": {"library": ..}`).
  std::string libraryDataflow;
};

/// Parses `text`, the spec file at `specPath`.
llvm::Expected<DseSpec> parseDseSpec(llvm::StringRef text,
                                     llvm::StringRef specPath);

} // namespace mlir::accel

#endif // ACCEL_TOOLS_ACCEL_DSE_DSESPEC_H
