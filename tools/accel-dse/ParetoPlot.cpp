//===- ParetoPlot.cpp - accel-dse's SVG scatter plot ----------------------===//

#include "ParetoPlot.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FormatVariadic.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <vector>

using namespace mlir::accel;

namespace {

constexpr double kPanelWidth = 420, kPanelHeight = 360;
constexpr double kMarginLeft = 80, kMarginTop = 50, kMarginBottom = 60,
                 kGap = 90;

/// One axis: linear, or logarithmic when the values span more than a
/// decade and a half.
struct Axis {
  double lo = 0, hi = 1;
  bool log = false;

  Axis(double min, double max) {
    if (!(max > min)) {
      min = min > 0 ? min * 0.9 : min - 1;
      max = max > 0 ? max * 1.1 : max + 1;
    }
    log = min > 0 && max / min > 30;
    if (log) {
      lo = std::floor(std::log10(min));
      hi = std::ceil(std::log10(max));
    } else {
      double pad = (max - min) * 0.05;
      lo = min - pad;
      hi = max + pad;
      if (min >= 0 && lo < 0)
        lo = 0;
    }
  }
  /// 0 .. 1 along the axis.
  double fraction(double v) const {
    double x = log ? std::log10(std::max(v, 1e-300)) : v;
    return (x - lo) / (hi - lo);
  }
  /// Tick values: 1, 2, 5 x 10^k on a log axis (only 10^k over many
  /// decades); about six round numbers on a linear one.
  std::vector<double> ticks() const {
    std::vector<double> out;
    if (log) {
      bool sparse = hi - lo > 4;
      for (double e = lo; e <= hi; ++e)
        for (double m : {1.0, 2.0, 5.0}) {
          if (sparse && m != 1.0)
            continue;
          double v = m * std::pow(10.0, e);
          if (std::log10(v) <= hi + 1e-9)
            out.push_back(v);
        }
      return out;
    }
    double raw = (hi - lo) / 6;
    double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude;
    for (double m : {1.0, 2.0, 5.0, 10.0})
      if (m * magnitude >= raw) {
        step = m * magnitude;
        break;
      }
    for (double v = std::ceil(lo / step) * step; v <= hi + step * 1e-9;
         v += step)
      out.push_back(std::abs(v) < step * 1e-9 ? 0 : v);
    return out;
  }
};

/// Short tick labels: 3 significant digits with k/M/G/T suffixes.
std::string tickLabel(double v) {
  static const char *suffixes[] = {"", "k", "M", "G", "T", "P"};
  int i = 0;
  while (std::abs(v) >= 1000 && i < 5) {
    v /= 1000;
    ++i;
  }
  char text[16];
  std::snprintf(text, sizeof(text), "%.3g%s", v, suffixes[i]);
  return text;
}

void panel(llvm::raw_ostream &os, double x0, llvm::StringRef xLabel,
           llvm::StringRef yLabel, llvm::ArrayRef<ParetoObjectives> points,
           llvm::ArrayRef<size_t> front,
           std::function<double(const ParetoObjectives &)> xOf,
           std::function<double(const ParetoObjectives &)> yOf) {
  double xMin = INFINITY, xMax = -INFINITY, yMin = INFINITY, yMax = -INFINITY;
  for (const ParetoObjectives &p : points) {
    xMin = std::min(xMin, xOf(p));
    xMax = std::max(xMax, xOf(p));
    yMin = std::min(yMin, yOf(p));
    yMax = std::max(yMax, yOf(p));
  }
  if (points.empty())
    xMin = yMin = 0, xMax = yMax = 1;
  Axis xAxis(xMin, xMax), yAxis(yMin, yMax);
  double y0 = kMarginTop;
  auto px = [&](double v) { return x0 + xAxis.fraction(v) * kPanelWidth; };
  auto py = [&](double v) {
    return y0 + (1 - yAxis.fraction(v)) * kPanelHeight;
  };
  os << llvm::formatv("<rect x='{0}' y='{1}' width='{2}' height='{3}' "
                      "fill='white' stroke='#444'/>\n",
                      x0, y0, kPanelWidth, kPanelHeight);
  for (double t : xAxis.ticks()) {
    double x = px(t);
    os << llvm::formatv("<line x1='{0:f1}' y1='{1}' x2='{0:f1}' y2='{2}' "
                        "stroke='#ddd'/>\n",
                        x, y0, y0 + kPanelHeight);
    os << llvm::formatv("<text x='{0:f1}' y='{1}' text-anchor='middle'>{2}"
                        "</text>\n",
                        x, y0 + kPanelHeight + 18, tickLabel(t));
  }
  for (double t : yAxis.ticks()) {
    double y = py(t);
    os << llvm::formatv("<line x1='{0}' y1='{1:f1}' x2='{2}' y2='{1:f1}' "
                        "stroke='#ddd'/>\n",
                        x0, y, x0 + kPanelWidth);
    os << llvm::formatv("<text x='{0}' y='{1:f1}' text-anchor='end' "
                        "dominant-baseline='middle'>{2}</text>\n",
                        x0 - 6, y, tickLabel(t));
  }
  os << llvm::formatv("<text x='{0}' y='{1}' text-anchor='middle' "
                      "font-size='14'>{2}{3}</text>\n",
                      x0 + kPanelWidth / 2, y0 + kPanelHeight + 42, xLabel,
                      xAxis.log ? " (log scale)" : "");
  os << llvm::formatv("<text transform='translate({0},{1}) rotate(-90)' "
                      "text-anchor='middle' font-size='14'>{2}{3}</text>\n",
                      x0 - 58, y0 + kPanelHeight / 2, yLabel,
                      yAxis.log ? " (log scale)" : "");
  os << "<g fill='#8aa4c8' fill-opacity='0.5'>\n";
  for (const ParetoObjectives &p : points)
    os << llvm::formatv("<circle cx='{0:f1}' cy='{1:f1}' r='2.5'/>\n",
                        px(xOf(p)), py(yOf(p)));
  os << "</g>\n<g fill='#d62728' stroke='black' stroke-width='0.6'>\n";
  for (size_t i : front)
    os << llvm::formatv("<circle cx='{0:f1}' cy='{1:f1}' r='4.5'/>\n",
                        px(xOf(points[i])), py(yOf(points[i])));
  os << "</g>\n";
}

} // namespace

void mlir::accel::writeParetoSvg(llvm::raw_ostream &os, llvm::StringRef title,
                                 llvm::ArrayRef<ParetoObjectives> points,
                                 llvm::ArrayRef<size_t> front) {
  double width = kMarginLeft + 2 * kPanelWidth + kGap + 30;
  double height = kMarginTop + kPanelHeight + kMarginBottom + 30;
  os << llvm::formatv(
      "<svg xmlns='http://www.w3.org/2000/svg' width='{0}' height='{1}' "
      "viewBox='0 0 {0} {1}' font-family='sans-serif' font-size='12'>\n",
      width, height);
  os << llvm::formatv("<rect width='{0}' height='{1}' fill='white'/>\n", width,
                      height);
  os << llvm::formatv("<text x='{0}' y='24' text-anchor='middle' "
                      "font-size='16'>{1}</text>\n",
                      width / 2, title);
  auto runtime = [](const ParetoObjectives &p) { return p.runtime; };
  panel(os, kMarginLeft, "runtime (cycles)", "energy (nJ)", points, front,
        runtime, [](const ParetoObjectives &p) { return p.energy; });
  panel(os, kMarginLeft + kPanelWidth + kGap, "runtime (cycles)",
        "area (um^2)", points, front, runtime,
        [](const ParetoObjectives &p) { return p.area; });
  double legendY = height - 14;
  os << llvm::formatv(
      "<circle cx='{0}' cy='{1}' r='4' fill='#8aa4c8'/><text x='{2}' "
      "y='{3}'>within budget ({4})</text>\n",
      kMarginLeft, legendY, kMarginLeft + 10, legendY + 4, points.size());
  os << llvm::formatv(
      "<circle cx='{0}' cy='{1}' r='4.5' fill='#d62728' stroke='black' "
      "stroke-width='0.6'/><text x='{2}' y='{3}'>Pareto front over runtime, "
      "energy and area ({4})</text>\n",
      kMarginLeft + 200, legendY, kMarginLeft + 210, legendY + 4,
      front.size());
  os << "</svg>\n";
}
