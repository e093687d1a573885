//===- Report.cpp - The report table and its CSV and JSON writers ---------===//

#include "accel/Dialect/Accel/Transforms/Report.h"

#include "accel/Dialect/Accel/IR/AccelAttributes.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/ToolOutputFile.h"

#include <charconv>
#include <cmath>
#include <cstdio>

using namespace mlir;
using namespace mlir::accel;

std::optional<double> ReportCell::getNumber() const {
  if (const int64_t *i = getInteger())
    return static_cast<double>(*i);
  if (const double *d = getReal())
    return *d;
  return std::nullopt;
}

std::optional<size_t> ReportTable::indexOf(StringRef column) const {
  for (size_t i = 0; i < metrics.size(); ++i)
    if (metrics[i].column == column)
      return i;
  return std::nullopt;
}

std::optional<double> ReportTable::numberAt(size_t row,
                                            StringRef column) const {
  std::optional<size_t> c = indexOf(column);
  if (!c)
    return std::nullopt;
  return rows[row][*c].getNumber();
}

void ReportTable::computeTotals() {
  // Ratios and weighted means read other columns' totals and values, so
  // sums and maxima come first.
  totals.assign(metrics.size(), ReportCell());
  auto columnTotal = [&](size_t c) -> ReportCell {
    const MetricTotal &how = metrics[c].total;
    switch (how.kind) {
    case TotalKind::None:
    case TotalKind::Ratio:
    case TotalKind::WeightedMean:
      return {};
    case TotalKind::Label:
      return "Total";
    case TotalKind::Same: {
      if (rows.empty())
        return {};
      const ReportCell &first = rows.front()[c];
      for (const auto &row : rows) {
        const ReportCell &cell = row[c];
        bool same = cell.getText() && first.getText()
                        ? *cell.getText() == *first.getText()
                        : cell.getNumber() == first.getNumber() &&
                              !cell.getText() && !first.getText();
        if (!same)
          return {};
      }
      return first;
    }
    case TotalKind::Sum:
    case TotalKind::Max: {
      bool max = how.kind == TotalKind::Max, any = false, real = false;
      int64_t integer = 0;
      double number = 0;
      for (const auto &row : rows) {
        const ReportCell &cell = row[c];
        if (const int64_t *i = cell.getInteger()) {
          integer = !any ? *i : max ? std::max(integer, *i) : integer + *i;
          number = !any ? *i : max ? std::max(number, double(*i)) : number + *i;
          any = true;
        } else if (const double *d = cell.getReal()) {
          number = !any ? *d : max ? std::max(number, *d) : number + *d;
          real = any = true;
        }
      }
      if (!any)
        return {};
      return real ? ReportCell(number) : ReportCell(integer);
    }
    }
    return {};
  };
  for (size_t c = 0; c < metrics.size(); ++c)
    totals[c] = columnTotal(c);

  auto totalOf = [&](StringRef column) -> std::optional<double> {
    std::optional<size_t> c = indexOf(column);
    return c ? totals[*c].getNumber() : std::nullopt;
  };
  for (size_t c = 0; c < metrics.size(); ++c) {
    const MetricTotal &how = metrics[c].total;
    if (how.kind == TotalKind::Ratio) {
      std::optional<double> of = totalOf(how.of), per = totalOf(how.per);
      if (of && per && *per != 0)
        totals[c] = *of / *per * how.scale;
    } else if (how.kind == TotalKind::WeightedMean) {
      double weighted = 0, weights = 0;
      for (size_t r = 0; r < rows.size(); ++r) {
        std::optional<double> v = rows[r][c].getNumber();
        std::optional<double> w = numberAt(r, how.per);
        if (v && w) {
          weighted += *v * *w;
          weights += *w;
        }
      }
      if (weights != 0)
        totals[c] = weighted / weights;
    }
  }
}

ReportDataflow mlir::accel::dataflowTable(StringRef layer,
                                          Attribute dataflow) {
  ReportDataflow table;
  table.layer = layer.str();
  auto attr = dyn_cast_if_present<DataflowAttr>(dataflow);
  if (!attr)
    return table;
  table.name = attr.getName().str();
  // Each directive as it prints, `#accel.kind<a, b, c>`, split into its
  // kind and parameters: the page shows the notation the user wrote.
  unsigned level = 0;
  for (Attribute directive : attr.getDirectives()) {
    std::string text;
    llvm::raw_string_ostream(text) << directive;
    StringRef rest = StringRef(text).drop_front(StringRef(text).find('.') + 1);
    auto [kind, params] = rest.split('<');
    std::vector<std::string> row{std::to_string(level), kind.str()};
    SmallVector<StringRef> parts;
    params.rtrim('>').split(parts, ", ");
    for (StringRef part : parts)
      row.push_back(part.str());
    table.directives.push_back(std::move(row));
    if (isa<ClusterAttr>(directive))
      ++level;
  }
  return table;
}

//===----------------------------------------------------------------------===//
// Files
//===----------------------------------------------------------------------===//

FailureOr<ReportFormat> mlir::accel::reportFormatOf(StringRef path,
                                                    std::string &error) {
  if (path == "-" || path.ends_with(".csv"))
    return ReportFormat::Csv;
  if (path.ends_with(".json"))
    return ReportFormat::Json;
  if (path.ends_with(".html"))
    return ReportFormat::Html;
  error = "report '" + path.str() +
          "' must end in .csv, .json or .html (or be - for CSV on standard "
          "output)";
  return failure();
}

LogicalResult mlir::accel::checkReportOptions(Location loc,
                                              StringRef passName,
                                              StringRef path) {
  if (path.empty())
    return success();
  std::string error;
  if (failed(reportFormatOf(path, error)))
    return emitError(loc) << passName << ": " << error;
  if (path == "-")
    return success();
  // An existing file must be writable; a new one is created and removed
  // again (the ToolOutputFile is not kept), which proves its directory.
  bool exists = llvm::sys::fs::exists(path);
  std::error_code ec;
  if (exists && llvm::sys::fs::is_directory(path))
    ec = std::make_error_code(std::errc::is_a_directory);
  else if (exists)
    ec = llvm::sys::fs::access(path, llvm::sys::fs::AccessMode::Write);
  if (ec)
    return emitError(loc) << passName << ": cannot write the report '" << path
                          << "': " << ec.message();
  if (!exists && !openOutputFile(path, &error))
    return emitError(loc) << passName << ": cannot write the report '" << path
                          << "': " << error;
  return success();
}

LogicalResult mlir::accel::writeReport(Location loc, StringRef passName,
                                       StringRef path,
                                       const ReportTable &table,
                                       bool csvTotals,
                                       const ReportPage &page) {
  std::string error;
  FailureOr<ReportFormat> format = reportFormatOf(path, error);
  if (failed(format))
    return emitError(loc) << passName << ": " << error;
  std::unique_ptr<llvm::ToolOutputFile> file = openOutputFile(path, &error);
  if (!file)
    return emitError(loc) << passName << ": cannot write the report '" << path
                          << "': " << error;
  switch (*format) {
  case ReportFormat::Csv:
    writeCsv(file->os(), table, csvTotals);
    break;
  case ReportFormat::Json:
    writeJson(file->os(), table);
    break;
  case ReportFormat::Html:
    writeHtml(file->os(), table, page);
    break;
  }
  file->keep();
  return success();
}

//===----------------------------------------------------------------------===//
// CSV and JSON
//===----------------------------------------------------------------------===//

std::string mlir::accel::csvField(StringRef text) {
  if (text.find_first_of(",\"\n\r") == StringRef::npos)
    return text.str();
  std::string quoted = "\"";
  for (char c : text)
    quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

std::string mlir::accel::shortestReal(double v) {
  char text[32];
  std::to_chars_result r = std::to_chars(text, text + sizeof(text), v);
  return std::string(text, r.ptr);
}

namespace {
/// A CSV cell: integers in full, reals to six significant digits as
/// MAESTRO's CSV prints them.
std::string csvText(const ReportCell &cell) {
  if (const std::string *text = cell.getText())
    return csvField(*text);
  if (const int64_t *i = cell.getInteger())
    return std::to_string(*i);
  if (const double *d = cell.getReal()) {
    char text[32];
    std::snprintf(text, sizeof(text), "%.6g", *d);
    return text;
  }
  return "";
}

void writeCsvRow(llvm::raw_ostream &os, ArrayRef<ReportCell> row) {
  llvm::interleave(
      row, os, [&](const ReportCell &cell) { os << csvText(cell); }, ",");
  os << "\n";
}

/// A JSON value: an empty cell and a non-finite real (JSON has neither) are
/// null, reals the shortest text that reads back exactly.
void writeJsonValue(llvm::json::OStream &json, const ReportCell &cell) {
  if (const std::string *text = cell.getText())
    return json.value(*text);
  if (const int64_t *i = cell.getInteger())
    return json.value(*i);
  if (const double *d = cell.getReal()) {
    if (std::isfinite(*d))
      return json.rawValue(shortestReal(*d));
  }
  json.value(nullptr);
}

void writeJsonObject(llvm::json::OStream &json, ArrayRef<Metric> metrics,
                     ArrayRef<ReportCell> cells, bool totals) {
  json.object([&] {
    for (size_t c = 0; c < metrics.size(); ++c) {
      if (metrics[c].jsonKey.empty())
        continue;
      if (totals && (metrics[c].total.kind == TotalKind::None ||
                     metrics[c].total.kind == TotalKind::Label))
        continue;
      json.attributeBegin(metrics[c].jsonKey);
      writeJsonValue(json, cells[c]);
      json.attributeEnd();
    }
  });
}
} // namespace

void mlir::accel::writeCsv(llvm::raw_ostream &os, const ReportTable &table,
                           bool totals) {
  llvm::interleave(
      table.getMetrics(), os,
      [&](const Metric &m) { os << csvField(m.column); }, ",");
  os << "\n";
  for (size_t r = 0; r < table.numRows(); ++r)
    writeCsvRow(os, table.getRow(r));
  if (totals)
    writeCsvRow(os, table.getTotals());
}

void mlir::accel::writeJson(llvm::raw_ostream &os, const ReportTable &table) {
  llvm::json::OStream json(os, /*IndentSize=*/2);
  json.object([&] {
    json.attributeArray("layers", [&] {
      for (size_t r = 0; r < table.numRows(); ++r)
        writeJsonObject(json, table.getMetrics(), table.getRow(r), false);
    });
    json.attributeBegin("totals");
    writeJsonObject(json, table.getMetrics(), table.getTotals(), true);
    json.attributeEnd();
  });
  os << "\n";
}
