//===- SimulatePass.cpp - Run scheduled layers on the simulated MAERI -----===//

#include "accel/Dialect/Accel/IR/AccelOps.h"
#include "accel/Target/MAERI/Transforms/Passes.h"
#include "accel/Simulator/MaeriSimulator.h"
#include "accel/Target/MAERI/IR/MaeriAttributes.h"
#include "accel/Dialect/Accel/Transforms/LayerCost.h"
#include "accel/Dialect/Accel/Transforms/Progress.h"
#include "accel/Dialect/Accel/Transforms/Report.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Matchers.h"
#include "llvm/Support/FormatVariadic.h"

#include <cmath>
#include <cstdio>
#include <limits>

namespace mlir::accel {
#define GEN_PASS_DEF_ACCELSIMULATE
#include "accel/Target/MAERI/Transforms/Passes.h.inc"
} // namespace mlir::accel

using namespace mlir;
using namespace mlir::accel;

namespace {

/// The functional check's bound for floats (its message and the report's
/// `Tolerance` column state it).
constexpr double kFloatTolerance = 1e-5;

/// The deterministic pattern of non-constant operands (documented in the
/// pass description).
double patternValue(int64_t i, int64_t stream, bool isFloat) {
  uint64_t h = static_cast<uint64_t>(i) * 2654435761ull +
               static_cast<uint64_t>(stream) * 40503ull;
  double v = static_cast<double>(static_cast<int64_t>((h >> 7) % 15) - 7);
  return isFloat ? v / 8 : v;
}

/// An integer or float attribute as a number.
std::optional<double> numberOf(Attribute a) {
  if (auto i = dyn_cast_if_present<IntegerAttr>(a))
    return static_cast<double>(i.getValue().getSExtValue());
  if (auto f = dyn_cast_if_present<FloatAttr>(a))
    return f.getValueAsDouble();
  return std::nullopt;
}

/// The values of `value` when it is a constant (dense or splat) or a fill
/// of a constant; otherwise `fallback(i)` for each of `n` elements.
std::vector<double> valuesOf(Value value, int64_t n,
                             llvm::function_ref<double(int64_t)> fallback) {
  std::vector<double> out(n);
  DenseElementsAttr dense;
  if (matchPattern(value, m_Constant(&dense)) &&
      dense.getNumElements() == n) {
    int64_t i = 0;
    for (Attribute a : dense.getValues<Attribute>())
      out[i++] = numberOf(a).value_or(0);
    return out;
  }
  if (auto fill = value.getDefiningOp<linalg::FillOp>()) {
    Attribute scalar;
    if (matchPattern(fill.getInputs().front(), m_Constant(&scalar)))
      if (std::optional<double> v = numberOf(scalar)) {
        std::fill(out.begin(), out.end(), *v);
        return out;
      }
  }
  for (int64_t i = 0; i < n; ++i)
    out[i] = fallback(i);
  return out;
}

/// A constant scalar's value; 0 when it is not a constant.
double scalarOf(Value value) {
  Attribute a;
  if (!matchPattern(value, m_Constant(&a)))
    return 0;
  return numberOf(a).value_or(0);
}

/// mlir-runner's printMemref layout: a metadata line, then nested brackets.
void printTensor(llvm::raw_ostream &os, ArrayRef<int64_t> shape,
                 ArrayRef<double> data, bool isFloat) {
  SmallVector<int64_t> strides(shape.size(), 1);
  for (int i = static_cast<int>(shape.size()) - 2; i >= 0; --i)
    strides[i] = strides[i + 1] * shape[i + 1];
  os << "Unranked Memref base@ = 0x0 rank = " << shape.size()
     << " offset = 0 sizes = [";
  llvm::interleaveComma(shape, os);
  os << "] strides = [";
  llvm::interleaveComma(strides, os);
  os << "] data = \n";
  std::function<void(unsigned, int64_t)> print = [&](unsigned dim,
                                                     int64_t offset) {
    os << "[";
    for (int64_t i = 0; i < shape[dim]; ++i) {
      if (dim + 1 == shape.size()) {
        char text[32];
        double v = data[offset + i];
        if (isFloat)
          std::snprintf(text, sizeof(text), "%g", v);
        else
          std::snprintf(text, sizeof(text), "%lld",
                        static_cast<long long>(std::llround(v)));
        os << text;
      } else {
        print(dim + 1, offset + i * strides[dim]);
      }
      // mlir-runner's spacing: ", ", a newline between rows, dim + 1 spaces.
      if (i + 1 < shape[dim])
        os << (dim + 1 == shape.size() ? ", " : ", \n")
           << std::string(dim + 1, ' ');
    }
    os << "]";
  };
  if (shape.empty())
    os << "[" << data.front() << "]";
  else
    print(0, 0);
  os << "\n";
}

struct Row {
  std::string layer;
  SimStats stats;
  int64_t estimate;
  std::optional<int64_t> maestroCycles; // the dataflow's MAESTRO runtime
  bool checked, passed;
  double error;
  bool isFloat;
  /// Whether the tiles were walked: false for a timing-only layer beyond
  /// max-walk-tiles, whose cycles come from the analytical model and whose
  /// activity columns stay empty.
  bool walked = true;
  /// The dataflow and machine, for the HTML page.
  DataflowAttr dataflow;
  HardwareConfig hw;
  int64_t multipliers = 0, dnBandwidth = 0;
};

/// "output element I is X where the reference is Y", numbers as %g prints
/// them (inf, nan, 6e+38).
std::string describeMismatch(size_t i, double sim, double ref) {
  auto show = [](double v) {
    char text[32];
    std::snprintf(text, sizeof(text), "%g", v);
    return std::string(std::isnan(v) ? "nan" : text);
  };
  return "output element " + std::to_string(i) + " is " + show(sim) +
         " where the reference is " + show(ref);
}

constexpr StringLiteral kSimulated = "Simulated Cycles";
constexpr StringLiteral kCostModel = "Cost Model Cycles";
constexpr StringLiteral kMaestro = "MAESTRO Cycles";

/// The report's columns; the first seven, in this order, are relied on.
std::vector<ReportColumn<Row>> reportColumns() {
  using Total = MetricTotal;
  std::vector<ReportColumn<Row>> columns;
  auto add = [&](Metric m, std::function<ReportCell(const Row &)> value) {
    columns.push_back({std::move(m), std::move(value)});
  };
  // Activity figures exist only for layers whose tiles were walked.
  auto activity = [&](StringRef column, StringRef unit,
                      int64_t SimStats::*field, bool headline = false) {
    add(metric(column, unit, Total::sum(), headline),
        [field](const Row &r) {
          return r.walked ? ReportCell(r.stats.*field) : ReportCell();
        });
  };
  add(metric("Layer Number", "", Total::label(), true),
      [](const Row &r) { return r.layer; });
  add(metric(kSimulated, "cycles", Total::sum(), true),
      [](const Row &r) { return r.stats.cycles; });
  add(metric(kCostModel, "cycles", Total::sum(), true),
      [](const Row &r) { return r.estimate; });
  add(metric("Cycle Ratio", "simulated/cost model",
             Total::ratio(kSimulated, kCostModel), true),
      [](const Row &r) {
        return static_cast<double>(r.stats.cycles) /
               static_cast<double>(r.estimate);
      });
  add(metric("Num MACs", "MACs", Total::sum(), true),
      [](const Row &r) { return r.stats.macs; });
  add(metric("MS Utilization", "busy/all switch cycles",
             Total::weightedMean(kSimulated), true),
      [](const Row &r) {
        return r.walked ? ReportCell(r.stats.msUtilization) : ReportCell();
      });
  add(metric("Functional Check", "", Total::none(), true),
      [](const Row &r) {
        return !r.checked ? "skipped" : r.passed ? "passed" : "failed";
      });
  add(metric("Max Relative Error", "", Total::max()),
      [](const Row &r) { return r.error; });
  add(metric("Tolerance"), [](const Row &r) {
    return r.isFloat ? ReportCell(kFloatTolerance) : ReportCell(int64_t(0));
  });
  activity("Tiles", "tiles", &SimStats::tiles);
  activity("Weight Load Cycles", "cycles", &SimStats::weightLoadCycles);
  activity("Distribution Cycles", "cycles", &SimStats::distributionCycles);
  activity("Collection Cycles", "cycles", &SimStats::collectionCycles);
  activity("Fill Drain Cycles", "cycles", &SimStats::fillDrainCycles);
  activity("DN Elements", "elements", &SimStats::dnElements);
  activity("Forwarded Elements", "elements", &SimStats::forwardedElements);
  activity("Multicast Deliveries", "deliveries",
           &SimStats::multicastDeliveries);
  activity("MS Multiplies", "multiplies", &SimStats::msMultiplies);
  activity("RN Adds", "adds", &SimStats::rnAdds);
  activity("Collected", "elements", &SimStats::collected);
  activity("Stall Distribution", "cycles", &SimStats::stallDistribution, true);
  activity("Stall Weight Load", "cycles", &SimStats::stallWeightLoad, true);
  activity("Stall Collection", "cycles", &SimStats::stallCollection, true);
  add(metric(kMaestro, "cycles", Total::sum(), true), [](const Row &r) {
    return r.maestroCycles ? ReportCell(*r.maestroCycles) : ReportCell();
  });
  return columns;
}

/// The HTML page: what each cycle column models, stalls, utilization,
/// roofline.
ReportPage reportPage(ArrayRef<Row> rows) {
  ReportPage page;
  page.title = "accel-simulate report";
  if (!rows.empty()) {
    const Row &first = rows.front();
    page.target = llvm::formatv("MAERI: {0} multiplier switches, distribution "
                                "bandwidth {1}, off-chip {2} elements/cycle",
                                first.multipliers, first.dnBandwidth,
                                first.hw.offchipBandwidth)
                      .str();
  }
  page.columnNotes = {
      {kSimulated.str(),
       "our MAERI executor's cycle model (tiles walked one by one), "
       "calibrated against STONNE"},
      {kCostModel.str(), "the MAERI analytical model of the same schedule "
                         "(classes of tiles summed without walking them)"},
      {kMaestro.str(), "MAESTRO's data-centric model of a generic PE array "
                       "running the layer's dataflow: a different machine, "
                       "for comparison only"},
      {"Stall Distribution", "cycles tiles waited for the distribution "
                             "network, beyond their compute cycle (likewise "
                             "Stall Weight Load, Stall Collection)"}};
  page.charts.push_back({"Simulated cycles per layer, by cause",
                         "cycles",
                         {"Stall Distribution", "Stall Weight Load",
                          "Stall Collection"},
                         {"waiting for distribution", "waiting for weights",
                          "waiting for collection"},
                         kSimulated.str(),
                         "not stalled"});
  page.charts.push_back({"Multiplier-switch utilization per layer",
                         "busy / all multiplier-switch cycles",
                         {"MS Utilization"},
                         {"utilization"}});
  ReportRoofline roofline;
  roofline.intensityLabel =
      "MACs per element the distribution network sends";
  if (!rows.empty()) {
    const Row &first = rows.front();
    roofline.roofs = {
        {"compute: multiplier switches",
         static_cast<double>(first.multipliers), false},
        {"distribution network", static_cast<double>(first.dnBandwidth),
         true},
        {"off-chip", static_cast<double>(first.hw.offchipBandwidth), true}};
  }
  for (const Row &r : rows) {
    if (r.walked && r.stats.dnElements > 0 && r.stats.cycles > 0)
      roofline.points.push_back(std::make_pair(
          static_cast<double>(r.stats.macs) / r.stats.dnElements,
          static_cast<double>(r.stats.macs) / r.stats.cycles));
    else
      roofline.points.push_back(std::nullopt);
    page.dataflows.push_back(dataflowTable(r.layer, r.dataflow));
  }
  page.roofline = std::move(roofline);
  return page;
}

struct SimulatePass : public accel::impl::AccelSimulateBase<SimulatePass> {
  using Base::Base;

  /// A bad report option fails before any layer is simulated.
  LogicalResult initialize(MLIRContext *context) override {
    return checkReportOptions(UnknownLoc::get(context), getArgument(),
                              reportPath);
  }

  void runOnOperation() override {
    ModuleOp module = getOperation();
    std::vector<Row> rows;
    bool failedAny = false;
    SmallVector<LayerOp> unscheduled, scheduledLayers;
    module.walk([&](LayerOp layer) {
      (isa_and_nonnull<MaeriScheduleAttr>(layer.getScheduleAttr())
           ? scheduledLayers
           : unscheduled)
          .push_back(layer);
    });
    int64_t scheduled = scheduledLayers.size();
    // A layer's time is about proportional to its MACs (per tile without
    // data, but the two go together).
    auto macsOf = [](LayerOp layer) {
      double macs = 1;
      LayerShape shape = layer.getShape();
      for (Dim d : {Dim::N, Dim::G, Dim::K, Dim::C, Dim::R, Dim::S, Dim::OY,
                    Dim::OX})
        macs *= static_cast<double>(shape.size(d));
      return macs;
    };
    double totalMacs = 0;
    for (LayerOp layer : scheduledLayers)
      totalMacs += macsOf(layer);
    LayerProgress progress(getArgument(), scheduledLayers.size(), totalMacs);
    for (LayerOp layer : scheduledLayers) {
      if (failed(simulate(layer, cast<MaeriScheduleAttr>(layer.getScheduleAttr()),
                          rows)))
        failedAny = true;
      progress.finished(layer.getName(), macsOf(layer));
    }
    // Passes in the wrong order would otherwise write an empty report and
    // succeed.
    if (scheduled == 0) {
      // At the module's location, not the module: it would be printed.
      InFlightDiagnostic diag = unscheduled.empty()
                                    ? emitError(module.getLoc())
                                    : unscheduled.front().emitError();
      diag << "accel-simulate: nothing to simulate: ";
      if (unscheduled.empty())
        diag << "the module has no accel.layer (run "
                "--convert-linalg-to-accel first)";
      else
        diag << "no accel.layer has a MAERI schedule (" << unscheduled.size()
             << " without; run --accel-emit-maeri-schedule first)";
      failedAny = true;
    } else {
      for (LayerOp layer : unscheduled)
        layer.emitWarning() << "accel-simulate: layer '" << layer.getName()
                            << "' has no MAERI schedule and is not simulated "
                               "(run --accel-emit-maeri-schedule first)";
    }
    if (!reportPath.empty()) {
      std::vector<ReportColumn<Row>> columns = reportColumns();
      ReportTable table{ArrayRef<ReportColumn<Row>>(columns),
                        ArrayRef<Row>(rows)};
      if (failed(writeReport(module.getLoc(), getArgument(), reportPath,
                             table, totals, reportPage(rows))))
        failedAny = true;
    }
    if (failedAny)
      signalPassFailure();
  }

  LogicalResult simulate(LayerOp layer, MaeriScheduleAttr attr,
                         std::vector<Row> &rows) {
    FailureOr<MaeriTargetModel> maeri = getMaeriTargetModelOrEmit(layer);
    if (failed(maeri))
      return failure();
    LayerShape shape = layer.getShape();
    MaeriSchedule schedule = attr.getSchedule();

    auto outType = cast<RankedTensorType>(layer.getInit().getType());
    Type inElement = layer.getInput().getType().getElementType();
    llvm::Expected<int64_t> estimate =
        estimateMaeriCycles(shape, schedule, *maeri);
    if (!estimate)
      return layer.emitError() << "simulating layer '" << layer.getName()
                               << "': " << llvm::toString(estimate.takeError());
    Row row{layer.getName().str(), SimStats{}, *estimate, std::nullopt,
            !timingOnly, true, 0.0, isa<FloatType>(outType.getElementType())};
    row.dataflow = layer.getDataflowAttr();
    row.hw = maeri->getHardware();
    row.multipliers = maeri->numMultipliers();
    row.dnBandwidth = maeri->distributionBandwidth();
    // The dataflow-level figure for the same machine, for comparison only.
    if (layer.getDataflowAttr()) {
      llvm::Expected<CostReport> cost =
          evaluateLayerCost(layer, maeri->getHardware());
      if (cost)
        row.maestroCycles = cost->runtime;
      else
        llvm::consumeError(cost.takeError());
    }

    // Bound the time and memory one layer takes.
    int64_t tiles = schedule.numTiles(shape);
    bool manyTiles = tiles > maxWalkTiles;
    if (manyTiles && timingOnly) {
      // Timing only: the analytical model gives the walk's cycles.
      row.walked = false;
      row.stats.cycles = *estimate;
      row.stats.macs = 1;
      for (Dim d : {Dim::N, Dim::G, Dim::K, Dim::C, Dim::R, Dim::S, Dim::OY,
                    Dim::OX})
        if (llvm::MulOverflow(row.stats.macs, shape.size(d), row.stats.macs))
          return layer.emitError() << "simulating layer '" << layer.getName()
                                   << "': its MACs overflow 64-bit integers";
      rows.push_back(row);
      emitRemark(layer.getLoc()) << "accel-simulate: layer '" << layer.getName()
                         << "' has " << tiles << " tiles, more than "
                         << "max-walk-tiles=" << static_cast<int64_t>(maxWalkTiles)
                         << ": its cycles come from the analytical model "
                            "(equal to the walk), without activity figures";
      return success();
    }
    if (manyTiles)
      return layer.emitError()
             << "accel-simulate: layer '" << layer.getName() << "' has "
             << tiles << " tiles, more than max-walk-tiles=" << static_cast<int64_t>(maxWalkTiles)
             << " (raise max-walk-tiles, or use timing-only=true for its "
                "cycles alone)";

    SimOperands ops;
    ops.inputLayout = layer.getLayout().getInput().str();
    ops.filterLayout = layer.getLayout().getFilter().str();
    ops.outputLayout = layer.getLayout().getOutput().str();
    if (!timingOnly) {
      // accel.layer's operands are integers or floats (its verifier).
      ops.type.isFloat = isa<FloatType>(outType.getElementType());
      ops.type.outputBits = outType.getElementType().getIntOrFloatBitWidth();
      auto numElements = [](Value v) {
        return cast<RankedTensorType>(v.getType()).getNumElements();
      };
      int64_t elements = 0;
      bool tooMany = false;
      for (Value v : {layer.getInput(), layer.getFilter(), layer.getInit()})
        tooMany |= llvm::AddOverflow(elements, numElements(v), elements);
      if (tooMany || elements > maxDataElements)
        return layer.emitError()
               << "accel-simulate: layer '" << layer.getName()
               << "' has " << elements
               << " input, filter and output elements, more than "
                  "max-data-elements="
               << static_cast<int64_t>(maxDataElements)
               << " (raise max-data-elements, or use timing-only=true)";
      bool inFloat = isa<FloatType>(inElement);
      ops.input = valuesOf(layer.getInput(), numElements(layer.getInput()),
                           [&](int64_t i) {
                             return patternValue(i, seed, inFloat);
                           });
      ops.filter = valuesOf(layer.getFilter(), numElements(layer.getFilter()),
                            [&](int64_t i) {
                              return patternValue(i, seed + 1, inFloat);
                            });
      ops.init = valuesOf(layer.getInit(), numElements(layer.getInit()),
                          [](int64_t) { return 0.0; });
      if (!layer.getZeroPoints().empty()) {
        ops.inputZeroPoint = scalarOf(layer.getZeroPoints()[0]);
        ops.filterZeroPoint = scalarOf(layer.getZeroPoints()[1]);
      }
    }
    llvm::Expected<SimResult> result =
        simulateMaeri(shape, schedule, *maeri, ops, timingOnly);
    if (!result)
      return layer.emitError() << "simulating layer '" << layer.getName()
                               << "': " << llvm::toString(result.takeError());
    row.stats = result->stats;

    std::string mismatch;
    if (!timingOnly) {
      std::vector<double> ref = referenceConvolution(shape, ops);
      for (size_t i = 0; i < ref.size(); ++i) {
        double sim = result->output[i];
        // NaN or Inf where the reference has a finite value is a failure
        // however the error is measured (a max with NaN would ignore it).
        if (!std::isfinite(sim) && std::isfinite(ref[i])) {
          row.error = std::numeric_limits<double>::infinity();
          if (mismatch.empty())
            mismatch = describeMismatch(i, sim, ref[i]);
          continue;
        }
        if (!std::isfinite(ref[i])) {
          // Both non-finite: they must be the same kind.
          bool same = std::isnan(sim) ? std::isnan(ref[i]) : sim == ref[i];
          if (!same) {
            row.error = std::numeric_limits<double>::infinity();
            if (mismatch.empty())
              mismatch = describeMismatch(i, sim, ref[i]);
          }
          continue;
        }
        double diff = std::fabs(sim - ref[i]);
        row.error = std::max(row.error, diff / std::max(std::fabs(ref[i]), 1.0));
      }
      row.passed = ops.type.isFloat ? row.error <= kFloatTolerance
                                    : row.error == 0;
      if (printOutput)
        printTensor(llvm::outs(), outType.getShape(), result->output,
                    ops.type.isFloat);
    }
    rows.push_back(row);
    if (!row.passed) {
      InFlightDiagnostic diag = layer.emitError();
      diag << "simulated MAERI output of layer '" << layer.getName()
           << "' differs from the reference loop nest: ";
      if (!mismatch.empty())
        return diag << mismatch;
      return diag << "maximum relative error " << row.error
                  << (ops.type.isFloat ? " exceeds 1e-5"
                                       : " (integers must match)");
    }
    return success();
  }
};

} // namespace
