//===- ReportHtml.cpp - The report as one self-contained HTML page --------===//
//
// No network access, scripts or fonts from elsewhere: the page inlines its
// style, its charts (SVG) and the few lines of script that sort the table.
// Charts have labelled axes with ticks, legends outside the bars and
// colours that stay distinct in grey (their lightness differs).
//
//===----------------------------------------------------------------------===//

#include "accel/Dialect/Accel/Transforms/Report.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

using namespace mlir;
using namespace mlir::accel;

namespace {

std::string escape(StringRef text) {
  std::string out;
  for (char c : text) {
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    default: out += c;
    }
  }
  return out;
}

/// Four significant digits with k/M/G/T: axis ticks and bar labels.
std::string compact(double v) {
  static const char *suffixes[] = {"", "k", "M", "G", "T", "P"};
  double a = std::fabs(v);
  unsigned i = 0;
  while (a >= 1000 && i + 1 < std::size(suffixes)) {
    a /= 1000;
    v /= 1000;
    ++i;
  }
  char text[32];
  std::snprintf(text, sizeof(text), "%.4g%s", v, suffixes[i]);
  return text;
}

/// A table cell as a person reads it: integers with thousands separators,
/// reals to four significant digits.
std::string withSeparators(int64_t value) {
  std::string digits = std::to_string(value), out;
  size_t start = digits[0] == '-' ? 1 : 0;
  for (size_t k = 0; k < digits.size(); ++k) {
    if (k > start && (digits.size() - k) % 3 == 0)
      out += ',';
    out += digits[k];
  }
  return out;
}

std::string displayed(const ReportCell &cell) {
  if (const std::string *text = cell.getText())
    return *text;
  if (const int64_t *i = cell.getInteger())
    return withSeparators(*i);
  // Large reals (energy in nJ) read better whole than in e-notation.
  if (const double *d = cell.getReal();
      d && std::isfinite(*d) && std::fabs(*d) >= 1e4 && std::fabs(*d) < 9e18)
    return withSeparators(static_cast<int64_t>(std::llround(*d)));
  if (const double *d = cell.getReal()) {
    char text[32];
    std::snprintf(text, sizeof(text), "%.4g", *d);
    return text;
  }
  return "";
}

/// The value the table sorts by: the exact number, or the text.
std::string sortKey(const ReportCell &cell) {
  if (const std::string *text = cell.getText())
    return escape(*text);
  if (std::optional<double> v = cell.getNumber())
    return shortestReal(*v);
  return "";
}

/// Tick step for about `count` ticks up to `max`: 1, 2 or 5 x 10^k.
double niceStep(double max, int count) {
  double raw = max / count;
  double decade = std::pow(10, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * decade >= raw)
      return m * decade;
  return 10 * decade;
}

/// Fills that stay apart in greyscale (lightness 25, 50, 75, 92 %).
const char *const kFills[] = {"#1b3a6b", "#c0504d", "#f0a830", "#e4e4e4"};
const char *const kSingleFill = "#3a6ea5";

constexpr int kChartWidth = 760;
constexpr int kRowHeight = 18;

/// A label column wide enough for the longest layer name (7 px a char).
int labelWidth(const std::vector<std::string> &labels) {
  size_t longest = 4;
  for (const std::string &l : labels)
    longest = std::max(longest, l.size());
  return static_cast<int>(std::min<size_t>(longest, 32) * 7 + 12);
}

void writeBarChart(llvm::raw_ostream &os, const ReportTable &table,
                   const ReportChart &chart,
                   const std::vector<std::string> &layers) {
  // Segments per layer: the remainder first (when there is a total), then
  // the columns.
  std::vector<std::string> legend;
  std::vector<std::string> fills;
  bool remainder = !chart.totalColumn.empty();
  size_t numSeries = chart.columns.size() + (remainder ? 1 : 0);
  for (size_t s = 0; s < numSeries; ++s)
    fills.push_back(numSeries == 1 ? kSingleFill : kFills[s % 4]);
  if (remainder) {
    legend.push_back(chart.remainderLegend);
    // The remainder is the lightest: the causes stand out against it.
    std::rotate(fills.begin(), fills.begin() + (numSeries - 1), fills.end());
    fills.front() = kFills[3];
  }
  legend.insert(legend.end(), chart.legend.begin(), chart.legend.end());

  std::vector<std::vector<double>> segments(table.numRows());
  std::vector<double> lengths(table.numRows());
  bool anyValue = false;
  double max = 0;
  for (size_t r = 0; r < table.numRows(); ++r) {
    double covered = 0;
    std::vector<double> values;
    for (const std::string &column : chart.columns) {
      std::optional<double> v = table.numberAt(r, column);
      anyValue |= v.has_value();
      values.push_back(std::max(v.value_or(0), 0.0));
      covered += values.back();
    }
    double length = covered;
    if (remainder) {
      length = std::max(table.numberAt(r, chart.totalColumn).value_or(0),
                        covered);
      values.insert(values.begin(), length - covered);
    }
    segments[r] = values;
    lengths[r] = length;
    max = std::max(max, length);
  }
  os << "<figure><figcaption>" << escape(chart.title) << "</figcaption>\n";
  if (!anyValue || max <= 0) {
    os << "<p class=\"note\">No figures for this chart (layers whose tiles "
          "were not walked have none).</p></figure>\n";
    return;
  }

  int left = labelWidth(layers), right = 70, top = 34, bottom = 44;
  int plotWidth = kChartWidth - left - right;
  int height = top + bottom + kRowHeight * static_cast<int>(table.numRows());
  double step = niceStep(max, 5);
  double axisMax = std::ceil(max / step) * step;
  auto x = [&](double v) { return left + v / axisMax * plotWidth; };

  os << llvm::formatv("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/"
                      "svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} "
                      "{1}\" role=\"img\">\n",
                      kChartWidth, height);
  // Legend above the plot, outside the bars.
  int lx = left;
  for (size_t s = 0; s < legend.size(); ++s) {
    os << llvm::formatv("<rect x=\"{0}\" y=\"10\" width=\"12\" height=\"12\" "
                        "fill=\"{1}\" stroke=\"#555\" stroke-width=\"0.5\"/>"
                        "<text x=\"{2}\" y=\"20\">{3}</text>\n",
                        lx, fills[s], lx + 16, escape(legend[s]));
    lx += 16 + static_cast<int>(legend[s].size()) * 7 + 18;
  }
  // Grid and ticks.
  int axisY = top + kRowHeight * static_cast<int>(table.numRows());
  for (double t = 0; t <= axisMax * (1 + 1e-9); t += step) {
    os << llvm::formatv("<line class=\"grid\" x1=\"{0}\" y1=\"{1}\" x2=\"{0}\""
                        " y2=\"{2}\"/><line x1=\"{0}\" y1=\"{2}\" x2=\"{0}\" "
                        "y2=\"{3}\" stroke=\"#000\"/><text x=\"{0}\" y=\"{4}\" "
                        "text-anchor=\"middle\">{5}</text>\n",
                        x(t), top, axisY, axisY + 5, axisY + 18, compact(t));
  }
  os << llvm::formatv("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" "
                      "stroke=\"#000\"/><line x1=\"{0}\" y1=\"{3}\" x2=\"{0}\""
                      " y2=\"{1}\" stroke=\"#000\"/>\n",
                      left, axisY, left + plotWidth, top);
  os << llvm::formatv("<text x=\"{0}\" y=\"{1}\" text-anchor=\"middle\">{2}"
                      "</text>\n",
                      left + plotWidth / 2, height - 6, escape(chart.unit));
  // Bars, a layer a row, the total at the end.
  for (size_t r = 0; r < table.numRows(); ++r) {
    int y = top + static_cast<int>(r) * kRowHeight;
    std::string name = layers[r].size() > 32
                           ? layers[r].substr(0, 31) + "\u2026"
                           : layers[r];
    os << llvm::formatv("<g class=\"bar\"><title>{0}</title><text x=\"{1}\" "
                        "y=\"{2}\" text-anchor=\"end\">{3}</text>",
                        escape(layers[r]), left - 6, y + 13, escape(name));
    double start = 0;
    for (size_t s = 0; s < segments[r].size(); ++s) {
      double v = segments[r][s];
      if (v > 0)
        os << llvm::formatv("<rect x=\"{0}\" y=\"{1}\" width=\"{2}\" "
                            "height=\"{3}\" fill=\"{4}\"><title>{5}: {6}"
                            "</title></rect>",
                            x(start), y + 2, x(start + v) - x(start),
                            kRowHeight - 4, fills[s], escape(legend[s]),
                            compact(v));
      start += v;
    }
    os << llvm::formatv("<text x=\"{0}\" y=\"{1}\" class=\"value\">{2}</text>"
                        "</g>\n",
                        x(lengths[r]) + 4, y + 13, compact(lengths[r]));
  }
  os << "</svg></figure>\n";
}

/// Decade ticks on a log axis: 0.01, 0.1, 1, 10, 100, 1k, ...
std::string decadeLabel(int exponent) {
  if (exponent < 0) {
    char text[16];
    std::snprintf(text, sizeof(text), "%g", std::pow(10.0, exponent));
    return text;
  }
  return compact(std::pow(10.0, exponent));
}

void writeRoofline(llvm::raw_ostream &os, const ReportRoofline &roofline,
                   const std::vector<std::string> &layers) {
  os << "<figure><figcaption>Roofline: each layer against the target"
        "</figcaption>\n";
  double compute = 0;
  for (const auto &roof : roofline.roofs)
    if (!roof.bandwidth)
      compute = std::max(compute, roof.value);
  std::vector<std::pair<double, double>> points;
  for (const auto &p : roofline.points)
    if (p && p->first > 0 && p->second > 0)
      points.push_back(*p);
  if (points.empty() || compute <= 0) {
    os << "<p class=\"note\">No layer has the figures a roofline needs."
          "</p></figure>\n";
    return;
  }
  double xMin = points.front().first, xMax = xMin, yMin = compute;
  for (auto [px, py] : points) {
    xMin = std::min(xMin, px);
    xMax = std::max(xMax, px);
    yMin = std::min(yMin, py);
  }
  // Show every ridge point (where a bandwidth roof meets the compute roof).
  for (const auto &roof : roofline.roofs)
    if (roof.bandwidth && roof.value > 0) {
      xMin = std::min(xMin, compute / roof.value);
      xMax = std::max(xMax, compute / roof.value);
      yMin = std::min(yMin, roof.value * xMin);
    }
  int x0 = static_cast<int>(std::floor(std::log10(xMin)));
  int x1 = static_cast<int>(std::ceil(std::log10(xMax * 1.5)));
  int y0 = static_cast<int>(std::floor(std::log10(yMin)));
  int y1 = static_cast<int>(std::ceil(std::log10(compute * 1.5)));
  if (x1 == x0)
    ++x1;
  if (y1 == y0)
    ++y1;
  int left = 70, right = 230, top = 16, bottom = 48, height = 380;
  int plotW = kChartWidth - left - right, plotH = height - top - bottom;
  auto px = [&](double v) {
    return left + (std::log10(v) - x0) / (x1 - x0) * plotW;
  };
  auto py = [&](double v) {
    return top + plotH - (std::log10(v) - y0) / (y1 - y0) * plotH;
  };
  os << llvm::formatv("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/"
                      "svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} "
                      "{1}\" role=\"img\">\n",
                      kChartWidth, height);
  for (int e = x0; e <= x1; ++e)
    os << llvm::formatv("<line class=\"grid\" x1=\"{0}\" y1=\"{1}\" x2=\"{0}\""
                        " y2=\"{2}\"/><text x=\"{0}\" y=\"{3}\" text-anchor="
                        "\"middle\">{4}</text>\n",
                        px(std::pow(10.0, e)), top, top + plotH,
                        top + plotH + 16, decadeLabel(e));
  for (int e = y0; e <= y1; ++e)
    os << llvm::formatv("<line class=\"grid\" x1=\"{0}\" y1=\"{1}\" x2=\"{2}\""
                        " y2=\"{1}\"/><text x=\"{3}\" y=\"{4}\" text-anchor="
                        "\"end\">{5}</text>\n",
                        left, py(std::pow(10.0, e)), left + plotW, left - 6,
                        py(std::pow(10.0, e)) + 4, decadeLabel(e));
  os << llvm::formatv("<rect x=\"{0}\" y=\"{1}\" width=\"{2}\" height=\"{3}\""
                      " fill=\"none\" stroke=\"#000\"/>\n",
                      left, top, plotW, plotH);
  os << llvm::formatv("<text x=\"{0}\" y=\"{1}\" text-anchor=\"middle\">{2} "
                      "(log scale)</text>\n",
                      left + plotW / 2, height - 8,
                      escape(roofline.intensityLabel));
  os << llvm::formatv("<text transform=\"translate(16 {0}) rotate(-90)\" "
                      "text-anchor=\"middle\">MACs per cycle (log scale)"
                      "</text>\n",
                      top + plotH / 2);
  // Roofs: the compute roof flat, each bandwidth roof rising until it
  // meets it; named in a legend right of the plot, where no point can be.
  double xEnd = std::pow(10.0, x1), xStart = std::pow(10.0, x0);
  const char *dashes[] = {"", "7 3", "2 3", "9 3 2 3"};
  int legendX = left + plotW + 12, legendY = top + 8;
  unsigned k = 0;
  for (const auto &roof : roofline.roofs) {
    if (roof.value <= 0)
      continue;
    const char *dash = dashes[k++ % 4];
    if (!roof.bandwidth) {
      os << llvm::formatv("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\""
                          " class=\"roof\" stroke-dasharray=\"{3}\"/>",
                          px(xStart), py(roof.value), px(xEnd), dash);
    } else {
      double ridge = std::min(compute / roof.value, xEnd);
      double startX = std::max(xStart, std::pow(10.0, y0) / roof.value);
      os << llvm::formatv("<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" "
                          "y2=\"{3}\" class=\"roof\" stroke-dasharray=\"{4}\"/>",
                          px(startX), py(roof.value * startX), px(ridge),
                          py(roof.value * ridge), dash);
    }
    os << llvm::formatv(
        "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" class=\"roof\" "
        "stroke-dasharray=\"{3}\"/><text x=\"{4}\" y=\"{5}\">{6}</text>"
        "<text x=\"{4}\" y=\"{7}\" class=\"small\">{8}</text>\n",
        legendX, legendY, legendX + 28, dash, legendX + 34, legendY + 4,
        escape(roof.name), legendY + 19,
        compact(roof.value) +
            (roof.bandwidth ? " elements/cycle" : " MACs/cycle"));
    legendY += 40;
  }
  os << llvm::formatv("<circle class=\"point\" cx=\"{0}\" cy=\"{1}\" "
                      "r=\"4\"/><text x=\"{2}\" y=\"{3}\">a layer</text>\n",
                      legendX + 14, legendY, legendX + 34, legendY + 4);
  // Layers at the same point share a circle and a label; labels that would
  // overlap an earlier one move down a line.
  std::vector<std::pair<std::pair<double, double>, std::string>> marks;
  for (size_t r = 0; r < roofline.points.size(); ++r) {
    const auto &p = roofline.points[r];
    if (!p || p->first <= 0 || p->second <= 0)
      continue;
    std::pair<double, double> at(px(p->first), py(p->second));
    auto same = llvm::find_if(marks, [&](const auto &m) {
      return std::fabs(m.first.first - at.first) < 1 &&
             std::fabs(m.first.second - at.second) < 1;
    });
    if (same != marks.end()) {
      same->second += ", " + layers[r];
      continue;
    }
    marks.push_back({at, layers[r]});
    os << llvm::formatv("<circle class=\"point\" cx=\"{0}\" cy=\"{1}\" r=\"4\">"
                        "<title>{2}: {3} MACs/element, {4} MACs/cycle</title>"
                        "</circle>\n",
                        at.first, at.second, escape(layers[r]),
                        compact(p->first), compact(p->second));
  }
  bool labelled = marks.size() <= 8;
  std::vector<std::pair<double, double>> placed; // label origins
  for (const auto &[at, names] : marks) {
    if (!labelled)
      break;
    double lx = at.first + 6, ly = at.second - 6;
    double width = 7.0 * names.size();
    auto overlaps = [&] {
      return llvm::any_of(placed, [&](const auto &q) {
        return std::fabs(q.second - ly) < 13 && lx < q.first + width &&
               q.first < lx + width;
      });
    };
    while (overlaps())
      ly += 13;
    placed.push_back({lx, ly});
    os << llvm::formatv("<text x=\"{0}\" y=\"{1}\" class=\"small\">{2}</text>\n",
                        lx, ly, escape(names));
  }
  os << "</svg>";
  if (!labelled)
    os << "<p class=\"note\">Point at a circle for its layer.</p>";
  os << "</figure>\n";
}

void writeDataflows(llvm::raw_ostream &os,
                    ArrayRef<ReportDataflow> dataflows) {
  // Layers with the same directives share one table.
  std::vector<std::pair<const ReportDataflow *, std::vector<std::string>>>
      groups;
  for (const ReportDataflow &d : dataflows) {
    if (d.directives.empty())
      continue;
    auto same = llvm::find_if(groups, [&](const auto &g) {
      return g.first->name == d.name && g.first->directives == d.directives;
    });
    if (same == groups.end())
      groups.push_back({&d, {d.layer}});
    else
      same->second.push_back(d.layer);
  }
  os << "<h2 id=\"dataflows\">Dataflows</h2>\n";
  if (groups.empty()) {
    os << "<p class=\"note\">No layer has a dataflow.</p>\n";
    return;
  }
  os << "<p class=\"note\">Directives outermost first; a cluster starts "
        "the next level (MAESTRO's notation, docs/Dataflows.md).</p>\n";
  for (const auto &[dataflow, layers] : groups) {
    os << "<details><summary><b>" << escape(dataflow->name) << "</b>: "
       << escape(llvm::join(layers, ", ")) << "</summary>\n"
       << "<table class=\"directives\"><thead><tr><th>Level</th><th>"
          "Directive</th><th>Size</th><th>Offset</th><th>Dimension</th></tr>"
          "</thead><tbody>\n";
    for (const std::vector<std::string> &row : dataflow->directives) {
      os << "<tr>";
      for (size_t c = 0; c < 5; ++c)
        os << "<td>" << (c < row.size() ? escape(row[c]) : "") << "</td>";
      os << "</tr>\n";
    }
    os << "</tbody></table></details>\n";
  }
}

constexpr const char *kStyle = R"css(
body { font: 14px/1.4 sans-serif; margin: 24px; color: #111; max-width: 1100px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid #bbb; }
.target, .note { color: #444; }
.totals { display: flex; flex-wrap: wrap; gap: 10px; }
.total { border: 1px solid #bbb; padding: 6px 10px; min-width: 140px; }
.total b { display: block; font-size: 18px; }
.total span { color: #444; font-size: 12px; }
dl.legend dt { font-weight: bold; margin-top: 6px; }
dl.legend dd { margin-left: 16px; }
table { border-collapse: collapse; font-size: 13px; }
th, td { border: 1px solid #ccc; padding: 2px 6px; }
th { background: #eee; text-align: left; }
table.layers th { cursor: pointer; white-space: nowrap; }
table.layers th[data-dir=asc]::after { content: " \25B2"; }
table.layers th[data-dir=desc]::after { content: " \25BC"; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
tfoot td { font-weight: bold; border-top: 2px solid #888; }
.scroll { overflow-x: auto; }
figure { margin: 16px 0; }
figcaption { font-weight: bold; margin-bottom: 4px; }
svg.chart text { font: 12px sans-serif; fill: #111; }
svg.chart text.small { font-size: 11px; }
svg.chart text.value { font-size: 11px; fill: #333; }
svg.chart .grid { stroke: #ddd; }
svg.chart .roof { stroke: #000; stroke-width: 1.5; fill: none; }
svg.chart .point { fill: #c0504d; stroke: #000; stroke-width: 0.8; }
details { margin: 4px 0; }
)css";

/// Sorts the per-layer table by a clicked header; numbers as numbers.
constexpr const char *kSortScript = R"js(
document.querySelectorAll('table.layers th').forEach(function (th, column) {
  th.addEventListener('click', function () {
    var body = th.closest('table').tBodies[0];
    var ascending = th.dataset.dir !== 'asc';
    th.closest('tr').querySelectorAll('th').forEach(function (h) {
      delete h.dataset.dir;
    });
    th.dataset.dir = ascending ? 'asc' : 'desc';
    var key = function (row) { return row.cells[column].dataset.v; };
    Array.from(body.rows).sort(function (a, b) {
      var x = key(a), y = key(b), nx = parseFloat(x), ny = parseFloat(y);
      var order = !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y);
      return ascending ? order : -order;
    }).forEach(function (row) { body.appendChild(row); });
  });
});
)js";

} // namespace

void mlir::accel::writeHtml(llvm::raw_ostream &os, const ReportTable &table,
                            const ReportPage &page) {
  ArrayRef<Metric> metrics = table.getMetrics();
  std::vector<size_t> shown;
  for (size_t c = 0; c < metrics.size(); ++c)
    if (metrics[c].headline)
      shown.push_back(c);
  std::vector<std::string> layers;
  std::optional<size_t> nameColumn = table.indexOf("Layer Number");
  for (size_t r = 0; r < table.numRows(); ++r) {
    const ReportCell &name = table.getRow(r)[nameColumn.value_or(0)];
    layers.push_back(name.getText() ? *name.getText() : displayed(name));
  }

  os << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
     << "<title>" << escape(page.title) << "</title><style>" << kStyle
     << "</style></head>\n<body>\n<h1>" << escape(page.title) << "</h1>\n";
  if (!page.target.empty())
    os << "<p class=\"target\">Target: " << escape(page.target) << "; "
       << table.numRows() << " layers.</p>\n";

  os << "<h2 id=\"totals\">Network totals</h2>\n<div class=\"totals\">\n";
  ArrayRef<ReportCell> totals = table.getTotals();
  for (size_t c : shown) {
    if (!totals[c].getNumber())
      continue;
    os << "<div class=\"total\"><span>" << escape(metrics[c].column)
       << "</span><b>" << displayed(totals[c]) << "</b><span>"
       << escape(metrics[c].unit) << "</span></div>\n";
  }
  os << "</div>\n";

  if (!page.columnNotes.empty()) {
    os << "<h2 id=\"legend\">What the columns model</h2>\n<dl class=\""
          "legend\">\n";
    for (const auto &[column, note] : page.columnNotes)
      os << "<dt>" << escape(column) << "</dt><dd>" << escape(note)
         << "</dd>\n";
    os << "</dl>\n";
  }

  os << "<h2 id=\"layers\">Layers</h2>\n<p class=\"note\">Click a column "
        "to sort by it. The CSV and JSON reports have every column.</p>\n"
     << "<div class=\"scroll\"><table class=\"layers\"><thead><tr>";
  for (size_t c : shown) {
    os << "<th title=\"" << escape(metrics[c].unit) << "\">"
       << escape(metrics[c].column) << "</th>";
  }
  os << "</tr></thead>\n<tbody>\n";
  for (size_t r = 0; r < table.numRows(); ++r) {
    os << "<tr>";
    for (size_t c : shown) {
      const ReportCell &cell = table.getRow(r)[c];
      os << "<td data-v=\"" << sortKey(cell) << "\""
         << (cell.getNumber() ? " class=\"number\"" : "") << ">"
         << escape(displayed(cell)) << "</td>";
    }
    os << "</tr>\n";
  }
  os << "</tbody><tfoot><tr>";
  for (size_t c : shown)
    os << "<td" << (totals[c].getNumber() ? " class=\"number\"" : "") << ">"
       << escape(displayed(totals[c])) << "</td>";
  os << "</tr></tfoot></table></div>\n";

  os << "<h2 id=\"charts\">Per layer</h2>\n";
  for (const ReportChart &chart : page.charts)
    writeBarChart(os, table, chart, layers);
  if (page.roofline) {
    os << "<h2 id=\"roofline\">Roofline</h2>\n";
    writeRoofline(os, *page.roofline, layers);
  }
  writeDataflows(os, page.dataflows);
  os << "<script>" << kSortScript << "</script>\n</body></html>\n";
}
