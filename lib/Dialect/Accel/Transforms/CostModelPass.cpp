//===- CostModelPass.cpp - Run the cost model on every layer --------------===//

#include "accel/Analysis/CostModel/CostModel.h"
#include "accel/Dialect/Accel/IR/AccelOps.h"
#include "accel/Dialect/Accel/Transforms/Passes.h"
#include "accel/Dialect/Accel/Transforms/LayerCost.h"
#include "accel/Dialect/Accel/Transforms/Report.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "llvm/Support/FormatVariadic.h"

namespace mlir::accel {
#define GEN_PASS_DEF_ACCELCOSTMODEL
#include "accel/Dialect/Accel/Transforms/Passes.h.inc"
} // namespace mlir::accel

using namespace mlir;
using namespace mlir::accel;

namespace {

constexpr const char *kTensorNames[kNumTensorClasses] = {"input", "filter",
                                                         "output"};

/// What the report says about one layer.
struct LayerResult {
  std::string network, layer, kind;
  DataflowAttr dataflow;
  HardwareConfig hw;
  CostReport cost;
};

/// Energy of the L1 accesses; the rest of the cost model's energy is L2's.
double l1Energy(const CostReport &r) {
  double accesses = 0;
  for (unsigned t = 0; t < kNumTensorClasses; ++t)
    accesses += static_cast<double>(r.l1.reads[t]) +
                static_cast<double>(r.l1.writes[t]);
  return accesses * EnergyTable::kL1Access * EnergyTable::kMacNanojoules;
}

constexpr StringLiteral kRuntime = "Runtime (Cycles)";
constexpr StringLiteral kEnergy = "Activity count-based Energy (nJ)";
constexpr StringLiteral kMacs = "Num MACs";

/// The report's columns: MAESTRO's first, in its order and spelling (relied
/// on), then this project's. Area and power are MAESTRO's synthesis model for
/// the layer's required buffers (AreaPower.h); over a network the largest.
std::vector<ReportColumn<LayerResult>> reportColumns() {
  using Total = MetricTotal;
  std::vector<ReportColumn<LayerResult>> columns;
  auto add = [&](Metric m,
                 std::function<ReportCell(const CostReport &)> value) {
    columns.push_back({std::move(m), [value](const LayerResult &l) {
                         return value(l.cost);
                       }});
  };
  auto addLayer = [&](Metric m,
                      std::function<ReportCell(const LayerResult &)> value) {
    columns.push_back({std::move(m), std::move(value)});
  };
  addLayer(metric("Neural Network Name", "", Total::same()),
           [](const LayerResult &l) { return l.network; });
  addLayer(metric("Layer Number", "", Total::label(), true),
           [](const LayerResult &l) { return l.layer; });
  addLayer(metric("NumPEs", "PEs", Total::same()),
           [](const LayerResult &l) { return l.hw.numPEs; });
  add(metric(kRuntime, "cycles", Total::sum(), true),
      [](const CostReport &r) { return r.runtime; });
  add(metric(kEnergy, "nJ", Total::sum(), true),
      [](const CostReport &r) { return r.energy; });
  add(metric("Throughput (MACs/Cycle)", "MACs/cycle",
             Total::ratio(kMacs, kRuntime), true),
      [](const CostReport &r) { return r.throughput; });
  add(metric("Throughput Per Energy (GMACs/s*J)", "GMACs/(s J)"),
      [](const CostReport &r) {
        return r.energy > 0 ? r.throughput / r.energy * 1e9 : 0.0;
      });
  add(metric("Area", "um^2", Total::max()),
      [](const CostReport &r) { return r.areaPower.area; });
  add(metric("Power", "mW", Total::max()),
      [](const CostReport &r) { return r.areaPower.power; });
  add(metric("NoC BW Req (Elements/cycle)", "elements/cycle", Total::max()),
      [](const CostReport &r) { return r.peakNocBw; });
  add(metric("Avg BW Req", "elements/cycle", Total::weightedMean(kRuntime)),
      [](const CostReport &r) { return r.avgNocBw; });
  add(metric("Peak BW Req", "elements/cycle", Total::max(), true),
      [](const CostReport &r) { return r.peakNocBw; });
  addLayer(metric("Vector Width", "lanes", Total::same()),
           [](const LayerResult &l) { return l.hw.simdLanes; });
  add(metric("Offchip BW Req (Elements/cycle)", "elements/cycle",
             Total::max()),
      [](const CostReport &r) { return r.offchipBw; });
  add(metric("L2 SRAM Size Req (Bytes)", "bytes", Total::max(), true),
      [](const CostReport &r) { return r.l2SizeReq; });
  add(metric("L1 SRAM Size Req (Bytes)", "bytes per PE", Total::max(), true),
      [](const CostReport &r) { return r.l1SizeReq; });
  add(metric("Multicasting Factor (Weight)", "L1 writes/L2 read"),
      [](const CostReport &r) { return r.multicastFilter; });
  add(metric("Multicasting Factor (Input)", "L1 writes/L2 read"),
      [](const CostReport &r) { return r.multicastInput; });
  add(metric("Num Total Input Pixels", "elements", Total::sum()),
      [](const CostReport &r) { return r.inputSize; });
  add(metric("Num Total Weight Pixels", "elements", Total::sum()),
      [](const CostReport &r) { return r.filterSize; });
  add(metric("Ops/J", "MACs/J", Total::ratio(kMacs, kEnergy, 1e9)),
      [](const CostReport &r) {
        return r.energy > 0 ? r.numMACs / r.energy * 1e9 : 0.0;
      });
  add(metric(kMacs, "MACs", Total::sum(), true),
      [](const CostReport &r) { return r.numMACs; });
  add(metric("PE power", "mW", Total::max()),
      [](const CostReport &r) { return r.areaPower.pePower; });
  add(metric("L1 power", "mW", Total::max()),
      [](const CostReport &r) { return r.areaPower.l1Power; });
  add(metric("L2 power", "mW", Total::max()),
      [](const CostReport &r) { return r.areaPower.l2Power; });
  add(metric("NOC power", "mW", Total::max()),
      [](const CostReport &r) { return r.areaPower.nocPower; });
  for (unsigned t = 0; t < kNumTensorClasses; ++t) {
    std::string name = kTensorNames[t];
    add(metric(name + " l1 read", "elements", Total::sum()),
        [t](const CostReport &r) { return r.l1.reads[t]; });
    add(metric(name + " l1 write", "elements", Total::sum()),
        [t](const CostReport &r) { return r.l1.writes[t]; });
    add(metric(name + " l2 read", "elements", Total::sum()),
        [t](const CostReport &r) { return r.l2.reads[t]; });
    add(metric(name + " l2 write", "elements", Total::sum()),
        [t](const CostReport &r) { return r.l2.writes[t]; });
    add(metric(name + " reuse factor", "L1 reads/L1 write",
               Total::ratio(name + " l1 read", name + " l1 write")),
        [t](const CostReport &r) { return r.reuse[t]; });
  }
  auto delays = [&](StringRef name, DelayStats CostReport::*stats) {
    add(metric(("" + name + " Delay (Min)").str(), "cycles"),
        [stats](const CostReport &r) { return (r.*stats).min; });
    // MAESTRO's header names the compute maximum "(Min)" too; kept as it
    // is in the CSV (relied on) and left out of the JSON, whose keys are
    // unique; this project's "Compute Delay (Max)" holds it.
    Metric max = metric(
        ("" + name + (stats == &CostReport::compute ? " Delay (Min)"
                                                     : " Delay (Max)"))
            .str(),
        "cycles");
    if (stats == &CostReport::compute)
      max.jsonKey.clear();
    add(max, [stats](const CostReport &r) { return (r.*stats).max; });
    add(metric(("" + name + " Delay (Avg)").str(), "cycles"),
        [stats](const CostReport &r) { return (r.*stats).avg; });
  };
  delays("Ingress", &CostReport::ingress);
  delays("Egress", &CostReport::egress);
  delays("Compute", &CostReport::compute);
  add(metric("Avg number of utilized PEs", "PEs",
             Total::weightedMean(kRuntime), true),
      [](const CostReport &r) { return r.avgUtilizedPEs; });
  add(metric("Arithmetic Intensity", "MACs/element",
             Total::weightedMean(kRuntime)),
      [](const CostReport &r) { return r.arithmeticIntensity; });
  // This project's columns.
  addLayer(metric("Layer Kind", "", Total::none(), true),
           [](const LayerResult &l) { return l.kind; });
  addLayer(metric("Dataflow", "", Total::none(), true),
           [](const LayerResult &l) { return l.dataflow.getName().str(); });
  add(metric("Compute Delay (Max)", "cycles"),
      [](const CostReport &r) { return r.compute.max; });
  add(metric("L1 Energy (nJ)", "nJ", Total::sum()),
      [](const CostReport &r) { return l1Energy(r); });
  add(metric("L2 Energy (nJ)", "nJ", Total::sum()),
      [](const CostReport &r) { return r.energy - l1Energy(r); });
  return columns;
}

/// The HTML page's charts, roofline and dataflows.
ReportPage reportPage(ArrayRef<LayerResult> layers) {
  ReportPage page;
  page.title = "accel-cost-model report";
  if (!layers.empty()) {
    const HardwareConfig &hw = layers.front().hw;
    page.target = llvm::formatv("{0} PEs x {1} SIMD lanes, L1 {2} B per PE, "
                                "L2 {3} B, NoC {4} elements/cycle, off-chip "
                                "{5} elements/cycle",
                                hw.numPEs, hw.simdLanes, hw.l1Size, hw.l2Size,
                                hw.nocBandwidth, hw.offchipBandwidth)
                      .str();
    if (!layers.front().network.empty())
      page.title += ": " + layers.front().network;
  }
  page.columnNotes = {
      {kRuntime.str(), "MAESTRO's data-centric cost model of the dataflow on "
                       "a generic PE array (docs/CostModel.md)"},
      {kEnergy.str(), "buffer accesses only (L1 and L2), MAESTRO's 28 nm "
                      "table; split into L1 Energy and L2 Energy"}};
  page.charts.push_back(
      {"Runtime per layer", "cycles", {kRuntime.str()}, {"runtime"}});
  page.charts.push_back({"Energy per layer",
                         "nJ",
                         {"L1 Energy (nJ)", "L2 Energy (nJ)"},
                         {"L1 accesses", "L2 accesses"}});
  ReportRoofline roofline;
  roofline.intensityLabel =
      "MACs per element the NoC delivers (arithmetic intensity)";
  if (!layers.empty()) {
    const HardwareConfig &hw = layers.front().hw;
    roofline.roofs = {
        {"compute: PEs x SIMD lanes",
         static_cast<double>(hw.numPEs * hw.simdLanes), false},
        {"NoC", static_cast<double>(hw.nocBandwidth), true},
        {"off-chip", static_cast<double>(hw.offchipBandwidth), true}};
  }
  for (const LayerResult &l : layers) {
    if (l.cost.arithmeticIntensity > 0 && l.cost.throughput > 0)
      roofline.points.push_back(
          std::make_pair(l.cost.arithmeticIntensity, l.cost.throughput));
    else
      roofline.points.push_back(std::nullopt);
    page.dataflows.push_back(dataflowTable(l.layer, l.dataflow));
  }
  page.roofline = std::move(roofline);
  return page;
}

CostAttr costAttrOf(MLIRContext *context, const CostReport &r) {
  Builder b(context);
  SmallVector<NamedAttribute> entries;
  auto i = [&](StringRef name, int64_t v) {
    entries.push_back(b.getNamedAttr(name, b.getI64IntegerAttr(v)));
  };
  auto f = [&](StringRef name, double v) {
    entries.push_back(b.getNamedAttr(name, b.getF64FloatAttr(v)));
  };
  i("runtime", r.runtime);
  i("macs", r.numMACs);
  f("throughput", r.throughput);
  f("energy_nj", r.energy);
  for (unsigned t = 0; t < kNumTensorClasses; ++t) {
    std::string name = kTensorNames[t];
    i("l1_" + name + "_reads", r.l1.reads[t]);
    i("l1_" + name + "_writes", r.l1.writes[t]);
    i("l2_" + name + "_reads", r.l2.reads[t]);
    i("l2_" + name + "_writes", r.l2.writes[t]);
    f(name + "_reuse", r.reuse[t]);
  }
  i("l1_size", r.l1SizeReq);
  i("l2_size", r.l2SizeReq);
  i("noc_bw_peak", r.peakNocBw);
  f("noc_bw_avg", r.avgNocBw);
  i("offchip_bw", r.offchipBw);
  f("utilized_pes", r.avgUtilizedPEs);
  f("arithmetic_intensity", r.arithmeticIntensity);
  return CostAttr::get(context, b.getDictionaryAttr(entries));
}

struct CostModelPass : public accel::impl::AccelCostModelBase<CostModelPass> {
  using Base::Base;

  /// A bad report option fails before any layer is costed.
  LogicalResult initialize(MLIRContext *context) override {
    return checkReportOptions(UnknownLoc::get(context), getArgument(),
                              reportPath);
  }

  void runOnOperation() override {
    ModuleOp module = getOperation();
    std::vector<LayerResult> results;
    bool failedAny = false;
    module.walk([&](LayerOp layer) {
      DataflowAttr dataflow = layer.getDataflowAttr();
      if (!dataflow) {
        layer.emitError() << "layer '" << layer.getName()
                          << "' has no dataflow; run "
                             "--accel-assign-dataflow first";
        failedAny = true;
        return;
      }
      HardwareConfig hw = getHardwareConfig(layer);
      llvm::Expected<CostReport> report = evaluateLayerCost(layer, hw);
      if (!report) {
        layer.emitError() << "cost model on layer '" << layer.getName()
                          << "': " << llvm::toString(report.takeError());
        failedAny = true;
        return;
      }
      layer.setCostAttr(costAttrOf(&getContext(), *report));
      auto func = layer->getParentOfType<FunctionOpInterface>();
      results.push_back({func ? func.getName().str() : "",
                         layer.getName().str(),
                         stringifyLayerKind(layer.getKind()).str(), dataflow,
                         hw, *report});
    });
    if (failedAny)
      return signalPassFailure();
    if (reportPath.empty())
      return;
    std::vector<ReportColumn<LayerResult>> columns = reportColumns();
    ReportTable table{ArrayRef<ReportColumn<LayerResult>>(columns),
                      ArrayRef<LayerResult>(results)};
    if (failed(writeReport(module.getLoc(), getArgument(), reportPath, table,
                           totals, reportPage(results))))
      signalPassFailure();
  }
};

} // namespace
