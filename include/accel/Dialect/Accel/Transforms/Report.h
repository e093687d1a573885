//===- Report.h - The report files of the analysis passes -------*- C++ -*-===//
//
// Shared by accel-cost-model and accel-simulate (and accel-maestro through
// accel-cost-model): a `report=PATH` option is a .csv, .json or .html file,
// or - for CSV on standard output.
//
// A report is a ReportTable: one row per layer, one column per Metric. Each
// metric is defined once (its CSV column, JSON key, unit and how it totals
// over a network) beside the function that reads it from a layer; the
// cells stay numbers until a writer formats them, so CSV, JSON and HTML are
// three views of the same table.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_DIALECT_ACCEL_TRANSFORMS_REPORT_H
#define ACCEL_DIALECT_ACCEL_TRANSFORMS_REPORT_H

#include "mlir/IR/Attributes.h"
#include "mlir/IR/Location.h"
#include "mlir/Support/LLVM.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

#include <functional>
#include <optional>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

namespace mlir::accel {

//===----------------------------------------------------------------------===//
// The table
//===----------------------------------------------------------------------===//

/// One value of a report: nothing, text, an integer or a real.
class ReportCell {
public:
  ReportCell() = default;
  ReportCell(std::string text) : value(std::move(text)) {}
  ReportCell(const char *text) : value(std::string(text)) {}
  ReportCell(llvm::StringRef text) : value(text.str()) {}
  template <typename T, std::enable_if_t<std::is_integral_v<T> &&
                                             !std::is_same_v<T, bool>,
                                         int> = 0>
  ReportCell(T v) : value(static_cast<int64_t>(v)) {}
  template <typename T,
            std::enable_if_t<std::is_floating_point_v<T>, int> = 0>
  ReportCell(T v) : value(static_cast<double>(v)) {}

  bool isEmpty() const { return std::holds_alternative<std::monostate>(value); }
  const std::string *getText() const { return std::get_if<std::string>(&value); }
  const int64_t *getInteger() const { return std::get_if<int64_t>(&value); }
  const double *getReal() const { return std::get_if<double>(&value); }
  /// The number an integer or real cell holds.
  std::optional<double> getNumber() const;

private:
  std::variant<std::monostate, std::string, int64_t, double> value;
};

/// How a metric's network total is formed from the layers' cells.
enum class TotalKind {
  None,         // no total: a per-layer property
  Label,        // the text "Total" (the layer-name column)
  Same,         // the layers' common value; none when they differ
  Sum,          // integers stay integers
  Max,          // a requirement: the largest layer's
  Ratio,        // (total of `of`) / (total of `per`) x `scale`
  WeightedMean, // the layers' values weighted by the column `per`
};

struct MetricTotal {
  TotalKind kind = TotalKind::None;
  std::string of, per; // columns (Ratio, WeightedMean)
  double scale = 1;

  static MetricTotal none() { return {}; }
  static MetricTotal label() { return {TotalKind::Label}; }
  static MetricTotal same() { return {TotalKind::Same}; }
  static MetricTotal sum() { return {TotalKind::Sum}; }
  static MetricTotal max() { return {TotalKind::Max}; }
  static MetricTotal ratio(llvm::StringRef of, llvm::StringRef per,
                           double scale = 1) {
    return {TotalKind::Ratio, of.str(), per.str(), scale};
  }
  static MetricTotal weightedMean(llvm::StringRef weight) {
    return {TotalKind::WeightedMean, "", weight.str()};
  }
};

/// A report column, defined once for every format.
struct Metric {
  std::string column;  // the CSV header (MAESTRO's spelling for its columns)
  std::string jsonKey; // empty: CSV only (MAESTRO's repeated column)
  std::string unit;    // for readers of the HTML page; empty for text
  MetricTotal total;
  bool headline = false; // shown in the HTML page's per-layer table
};

/// A metric and how to read it from one `Layer` of a pass's results.
template <typename Layer>
struct ReportColumn {
  Metric metric;
  std::function<ReportCell(const Layer &)> value;
};

/// Builds a Metric: `metric(column, unit, total)` with the JSON key equal to
/// the column, the common case.
inline Metric metric(llvm::StringRef column, llvm::StringRef unit = "",
                     MetricTotal total = MetricTotal::none(),
                     bool headline = false) {
  return Metric{column.str(), column.str(), unit.str(), total, headline};
}

/// The rows of a report, one per layer, and the network's totals.
class ReportTable {
public:
  template <typename Layer>
  ReportTable(llvm::ArrayRef<ReportColumn<Layer>> columns,
              llvm::ArrayRef<Layer> layers) {
    for (const ReportColumn<Layer> &c : columns)
      metrics.push_back(c.metric);
    for (const Layer &layer : layers) {
      std::vector<ReportCell> &row = rows.emplace_back();
      for (const ReportColumn<Layer> &c : columns)
        row.push_back(c.value(layer));
    }
    computeTotals();
  }

  llvm::ArrayRef<Metric> getMetrics() const { return metrics; }
  size_t numRows() const { return rows.size(); }
  llvm::ArrayRef<ReportCell> getRow(size_t i) const { return rows[i]; }
  llvm::ArrayRef<ReportCell> getTotals() const { return totals; }
  /// The first column named `column`.
  std::optional<size_t> indexOf(llvm::StringRef column) const;
  /// Row `row`'s number in `column`; nullopt when empty, text or absent.
  std::optional<double> numberAt(size_t row, llvm::StringRef column) const;

private:
  void computeTotals();

  std::vector<Metric> metrics;
  std::vector<std::vector<ReportCell>> rows;
  std::vector<ReportCell> totals;
};

//===----------------------------------------------------------------------===//
// The HTML page's extra content
//===----------------------------------------------------------------------===//

/// A horizontal bar per layer, stacked from `columns` of the table.
struct ReportChart {
  std::string title;
  std::string unit; // the x axis's label
  std::vector<std::string> columns;
  std::vector<std::string> legend; // one per column
  /// When set, each bar is this column's length: the part `columns` do not
  /// cover is drawn first, as `remainderLegend`.
  std::string totalColumn, remainderLegend;
};

/// Roofline: per layer, attained MACs per cycle against MACs per element
/// moved, under a flat compute roof and bandwidth slopes.
struct ReportRoofline {
  struct Roof {
    std::string name;
    double value; // MACs/cycle (compute) or elements/cycle (bandwidth)
    bool bandwidth;
  };
  std::string intensityLabel; // what the x axis counts
  std::vector<Roof> roofs;
  /// Per table row: (intensity, MACs per cycle); nullopt when unknown.
  std::vector<std::optional<std::pair<double, double>>> points;
};

/// A layer's dataflow as the table of its directives.
struct ReportDataflow {
  std::string layer, name;
  std::vector<std::vector<std::string>> directives; // kind, dim, size, offset
};

/// The table of `dataflow`'s directives for `layer` (none without one).
ReportDataflow dataflowTable(llvm::StringRef layer, Attribute dataflow);

struct ReportPage {
  std::string title;
  std::string target; // the hardware, one line
  /// What some columns mean: (column, explanation), shown as a legend.
  std::vector<std::pair<std::string, std::string>> columnNotes;
  std::vector<ReportChart> charts;
  std::optional<ReportRoofline> roofline;
  std::vector<ReportDataflow> dataflows;
};

//===----------------------------------------------------------------------===//
// Writers
//===----------------------------------------------------------------------===//

enum class ReportFormat { Csv, Json, Html };

/// The format `path` asks for, or an error message.
FailureOr<ReportFormat> reportFormatOf(llvm::StringRef path,
                                       std::string &error);

/// Checks a pass's report options before it does any work: the format is
/// known and the file can be written. Reports errors at `loc` (not at an
/// op: printing the op would print the whole module).
LogicalResult checkReportOptions(Location loc, llvm::StringRef passName,
                                 llvm::StringRef path);

/// Writes `table` to `path` in the format its name asks for; an error at
/// `loc` when the file cannot be written. `csvTotals` adds the totals row
/// to CSV (JSON and HTML always have the totals).
LogicalResult writeReport(Location loc, llvm::StringRef passName,
                          llvm::StringRef path, const ReportTable &table,
                          bool csvTotals, const ReportPage &page);

/// A CSV field: quoted when it holds a comma, a quote or a line break.
std::string csvField(llvm::StringRef text);
/// The shortest text that reads back as `v` (JSON's numbers).
std::string shortestReal(double v);

void writeCsv(llvm::raw_ostream &os, const ReportTable &table, bool totals);
void writeJson(llvm::raw_ostream &os, const ReportTable &table);
void writeHtml(llvm::raw_ostream &os, const ReportTable &table,
               const ReportPage &page);

} // namespace mlir::accel

#endif // ACCEL_DIALECT_ACCEL_TRANSFORMS_REPORT_H
