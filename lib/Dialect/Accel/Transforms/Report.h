//===- Report.h - The report files of the analysis passes -------*- C++ -*-===//
//
// Shared by accel-cost-model and accel-simulate: a `report=PATH` option is a
// .csv or .json file, or - for CSV on standard output.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_LIB_DIALECT_ACCEL_TRANSFORMS_REPORT_H
#define ACCEL_LIB_DIALECT_ACCEL_TRANSFORMS_REPORT_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/ToolOutputFile.h"

namespace mlir::accel {

enum class ReportFormat { Csv, Json };

/// The format `path` asks for; an error on `module` naming `passName` when
/// it is neither.
inline FailureOr<ReportFormat> reportFormatOf(ModuleOp module,
                                              StringRef passName,
                                              StringRef path) {
  if (path == "-" || path.ends_with(".csv"))
    return ReportFormat::Csv;
  if (path.ends_with(".json"))
    return ReportFormat::Json;
  module.emitError() << passName << ": report '" << path
                     << "' must end in .csv or .json (or be - for CSV on "
                        "standard output)";
  return failure();
}

/// Opens `path` (- is standard output), calls `write` on it and keeps it;
/// an error on `module` when it cannot be opened.
inline LogicalResult
writeReportFile(ModuleOp module, StringRef passName, StringRef path,
                llvm::function_ref<void(llvm::raw_ostream &)> write) {
  std::string error;
  std::unique_ptr<llvm::ToolOutputFile> file = openOutputFile(path, &error);
  if (!file)
    return module.emitError() << passName << ": cannot write the report '"
                              << path << "': " << error;
  write(file->os());
  file->keep();
  return success();
}

/// A CSV field: quoted when it holds a comma or a quote.
inline std::string csvField(StringRef text) {
  if (!text.contains(',') && !text.contains('"'))
    return text.str();
  std::string quoted = "\"";
  for (char c : text)
    quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

/// Writes `rows` (each a sequence of (column, value) pairs, all with the
/// same columns) as CSV: a header from the first row, then one line each.
template <typename Rows>
void writeCsv(llvm::raw_ostream &os, const Rows &rows) {
  if (rows.empty())
    return;
  llvm::interleave(
      rows.front(), os, [&](const auto &cell) { os << csvField(cell.first); },
      ",");
  os << "\n";
  for (const auto &row : rows) {
    llvm::interleave(
        row, os, [&](const auto &cell) { os << csvField(cell.second); }, ",");
    os << "\n";
  }
}

} // namespace mlir::accel

#endif // ACCEL_LIB_DIALECT_ACCEL_TRANSFORMS_REPORT_H
