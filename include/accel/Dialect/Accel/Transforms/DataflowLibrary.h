//===- DataflowLibrary.h - The standard dataflows ---------------*- C++ -*-===//
//
// The dataflows of `dataflows/*.mlir`, built into the tools. Each file is a
// module with `accel.dataflow = #accel.dataflow<...>` and, optionally,
// `accel.dataflow_aliases = ["other", "names"]`.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_DIALECT_ACCEL_TRANSFORMS_DATAFLOWLIBRARY_H
#define ACCEL_DIALECT_ACCEL_TRANSFORMS_DATAFLOWLIBRARY_H

#include "accel/Dialect/Accel/IR/AccelAttributes.h"

#include "mlir/IR/Location.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace mlir::accel {

struct LibraryDataflowInfo {
  /// The dataflow's own name (`nvdla`).
  std::string name;
  /// Other names it answers to, lower case.
  llvm::SmallVector<std::string> aliases;
};

/// Every dataflow of the library, by name.
llvm::SmallVector<LibraryDataflowInfo>
listLibraryDataflows(MLIRContext *context);

/// The library dataflow called `name` (or one of its aliases), compared
/// case-insensitively. Emits an error at `loc` listing the known names when
/// there is none.
FailureOr<DataflowAttr>
lookupLibraryDataflow(MLIRContext *context, llvm::StringRef name, Location loc);

/// Reads a dataflow file (the format of `dataflows/*.mlir`). Errors carry
/// the file's file:line:col.
FailureOr<DataflowAttr> parseDataflowFile(MLIRContext *context,
                                          llvm::StringRef path, Location loc);

} // namespace mlir::accel

#endif // ACCEL_DIALECT_ACCEL_TRANSFORMS_DATAFLOWLIBRARY_H
