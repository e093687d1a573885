//===- SimulatePass.cpp - Run scheduled layers on the simulated MAERI -----===//

#include "accel/Dialect/Accel/IR/AccelOps.h"
#include "accel/Dialect/Accel/Transforms/Passes.h"
#include "accel/Simulator/MaeriSimulator.h"
#include "accel/Target/MAERI/IR/MaeriAttributes.h"
#include "accel/Dialect/Accel/Transforms/LayerCost.h"
#include "Report.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Matchers.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

#include <cmath>
#include <cstdio>
#include <limits>

namespace mlir::accel {
#define GEN_PASS_DEF_ACCELSIMULATE
#include "accel/Dialect/Accel/Transforms/Passes.h.inc"
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
};

/// Six significant digits for CSV; every digit for JSON (`exact`).
std::string num(double v, bool exact = false) {
  char text[32];
  std::snprintf(text, sizeof(text), exact ? "%.17g" : "%.6g", v);
  return text;
}

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

/// Report rows: (column, value) pairs, the same columns in every row.
using Table = std::vector<std::vector<std::pair<std::string, std::string>>>;

struct SimulatePass : public accel::impl::AccelSimulateBase<SimulatePass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    bool json = false;
    if (!reportPath.empty()) {
      FailureOr<ReportFormat> format =
          reportFormatOf(module, "accel-simulate", reportPath);
      if (failed(format))
        return signalPassFailure();
      json = *format == ReportFormat::Json;
    }
    std::vector<Row> rows;
    bool failedAny = false;
    SmallVector<LayerOp> unscheduled;
    int64_t scheduled = 0;
    module.walk([&](LayerOp layer) {
      auto attr = dyn_cast_or_null<MaeriScheduleAttr>(layer.getScheduleAttr());
      if (!attr) {
        unscheduled.push_back(layer);
        return;
      }
      ++scheduled;
      if (failed(simulate(layer, attr, rows)))
        failedAny = true;
    });
    // Passes in the wrong order would otherwise write an empty report and
    // succeed.
    if (scheduled == 0) {
      InFlightDiagnostic diag =
          unscheduled.empty() ? module.emitError() : unscheduled.front().emitError();
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
    if (!reportPath.empty() && failed(writeReport(module, rows, json)))
      failedAny = true;
    if (failedAny)
      signalPassFailure();
  }

  LogicalResult simulate(LayerOp layer, MaeriScheduleAttr attr,
                         std::vector<Row> &rows) {
    llvm::Expected<MaeriTargetModel> maeri = getMaeriTargetModel(layer);
    if (!maeri)
      return layer.emitError() << llvm::toString(maeri.takeError());
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
    // The dataflow-level figure for the same machine, for comparison only.
    if (layer.getDataflowAttr()) {
      llvm::Expected<CostReport> cost = evaluateLayerCost(layer, maeri->getHardware());
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
      layer.emitRemark() << "accel-simulate: layer '" << layer.getName()
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

  LogicalResult writeReport(ModuleOp module, const std::vector<Row> &rows,
                            bool json) {
    auto cells = [json](const Row &r) {
      const SimStats &s = r.stats;
      auto activity = [&](int64_t v) {
        return r.walked ? std::to_string(v) : std::string();
      };
      std::vector<std::pair<std::string, std::string>> c = {
          {"Layer Number", r.layer},
          {"Simulated Cycles", std::to_string(s.cycles)},
          {"Cost Model Cycles", std::to_string(r.estimate)},
          {"Cycle Ratio",
           num(static_cast<double>(s.cycles) / static_cast<double>(r.estimate),
               json)},
          {"Num MACs", std::to_string(s.macs)},
          {"MS Utilization", r.walked ? num(s.msUtilization, json) : ""},
          {"Functional Check",
           !r.checked ? "skipped" : r.passed ? "passed" : "failed"},
          {"Max Relative Error", num(r.error, json)},
          {"Tolerance", r.isFloat ? num(kFloatTolerance, json) : "0"},
          {"Tiles", activity(s.tiles)},
          {"Weight Load Cycles", activity(s.weightLoadCycles)},
          {"Distribution Cycles", activity(s.distributionCycles)},
          {"Collection Cycles", activity(s.collectionCycles)},
          {"Fill Drain Cycles", activity(s.fillDrainCycles)},
          {"DN Elements", activity(s.dnElements)},
          {"Forwarded Elements", activity(s.forwardedElements)},
          {"Multicast Deliveries", activity(s.multicastDeliveries)},
          {"MS Multiplies", activity(s.msMultiplies)},
          {"RN Adds", activity(s.rnAdds)},
          {"Collected", activity(s.collected)},
          {"Stall Distribution", activity(s.stallDistribution)},
          {"Stall Weight Load", activity(s.stallWeightLoad)},
          {"Stall Collection", activity(s.stallCollection)},
          {"MAESTRO Cycles",
           r.maestroCycles ? std::to_string(*r.maestroCycles) : ""}};
      return c;
    };
    Table table;
    for (const Row &r : rows)
      table.push_back(cells(r));
    return writeReportFile(module, "accel-simulate", reportPath,
                           [&](llvm::raw_ostream &os) {
                             if (!json)
                               return writeCsv(os, table);
                             writeJson(os, table);
                           });
  }

  /// Numbers as JSON numbers, an empty cell as null.
  static void writeJson(llvm::raw_ostream &os, const Table &table) {
    llvm::json::Array layers;
    for (const auto &row : table) {
      llvm::json::Object o;
      for (const auto &[name, value] : row) {
        double d;
        if (value.empty())
          o[name] = nullptr;
        else if (name != "Layer Number" && name != "Functional Check" &&
                 !StringRef(value).getAsDouble(d))
          o[name] = d;
        else
          o[name] = value;
      }
      layers.push_back(std::move(o));
    }
    os << llvm::formatv("{0:2}\n", llvm::json::Value(llvm::json::Object{
                                       {"layers", std::move(layers)}}));
  }
};

} // namespace
