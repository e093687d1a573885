//===- CostModelPass.cpp - Run the cost model on every layer --------------===//

#include "accel/Analysis/CostModel/CostModel.h"
#include "accel/Dialect/Accel/IR/AccelOps.h"
#include "accel/Dialect/Accel/Transforms/Passes.h"
#include "accel/Dialect/Accel/Transforms/LayerCost.h"
#include "Report.h"

#include "mlir/IR/Builders.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

#include <cstdio>

namespace mlir::accel {
#define GEN_PASS_DEF_ACCELCOSTMODEL
#include "accel/Dialect/Accel/Transforms/Passes.h.inc"
} // namespace mlir::accel

using namespace mlir;
using namespace mlir::accel;

namespace {

constexpr const char *kTensorNames[kNumTensorClasses] = {"input", "filter",
                                                         "output"};

/// One row of the report: a column name and its text, in order.
using Row = SmallVector<std::pair<std::string, std::string>, 64>;

/// Six significant digits, as MAESTRO's CSV prints them.
std::string num(double v) {
  char text[32];
  std::snprintf(text, sizeof(text), "%.6g", v);
  return text;
}
std::string num(int64_t v) { return std::to_string(v); }

/// The report columns: MAESTRO's first, in its order and spelling (relied
/// on), then this project's. Area and power figures of MAESTRO's synthesis
/// model are not modelled here and are left empty.
Row reportRow(StringRef network, LayerOp layer, const HardwareConfig &hw,
              const CostReport &r) {
  Row row;
  auto add = [&](StringRef name, std::string value) {
    row.emplace_back(name.str(), std::move(value));
  };
  add("Neural Network Name", network.str());
  add("Layer Number", layer.getName().str());
  add("NumPEs", num(hw.numPEs));
  add("Runtime (Cycles)", num(r.runtime));
  add("Activity count-based Energy (nJ)", num(r.energy));
  add("Throughput (MACs/Cycle)", num(r.throughput));
  add("Throughput Per Energy (GMACs/s*J)",
      num(r.energy > 0 ? r.throughput / r.energy * 1e9 : 0.0));
  add("Area", "");
  add("Power", "");
  add("NoC BW Req (Elements/cycle)", num(r.peakNocBw));
  add("Avg BW Req", num(r.avgNocBw));
  add("Peak BW Req", num(r.peakNocBw));
  add("Vector Width", num(hw.simdLanes));
  add("Offchip BW Req (Elements/cycle)", num(r.offchipBw));
  add("L2 SRAM Size Req (Bytes)", num(r.l2SizeReq));
  add("L1 SRAM Size Req (Bytes)", num(r.l1SizeReq));
  add("Multicasting Factor (Weight)", num(r.multicastFilter));
  add("Multicasting Factor (Input)", num(r.multicastInput));
  add("Num Total Input Pixels", num(r.inputSize));
  add("Num Total Weight Pixels", num(r.filterSize));
  add("Ops/J", num(r.energy > 0 ? r.numMACs / r.energy * 1e9 : 0.0));
  add("Num MACs", num(r.numMACs));
  add("PE power", "");
  add("L1 power", "");
  add("L2 power", "");
  add("NOC power", "");
  for (unsigned t = 0; t < kNumTensorClasses; ++t) {
    std::string name = kTensorNames[t];
    add(name + " l1 read", num(r.l1.reads[t]));
    add(name + " l1 write", num(r.l1.writes[t]));
    add(name + " l2 read", num(r.l2.reads[t]));
    add(name + " l2 write", num(r.l2.writes[t]));
    add(name + " reuse factor", num(r.reuse[t]));
  }
  add("Ingress Delay (Min)", num(r.ingress.min));
  add("Ingress Delay (Max)", num(r.ingress.max));
  add("Ingress Delay (Avg)", num(r.ingress.avg));
  add("Egress Delay (Min)", num(r.egress.min));
  add("Egress Delay (Max)", num(r.egress.max));
  add("Egress Delay (Avg)", num(r.egress.avg));
  add("Compute Delay (Min)", num(r.compute.min));
  // MAESTRO's header names the maximum "(Min)" too; kept as it is.
  add("Compute Delay (Min)", num(r.compute.max));
  add("Compute Delay (Avg)", num(r.compute.avg));
  add("Avg number of utilized PEs", num(r.avgUtilizedPEs));
  add("Arithmetic Intensity", num(r.arithmeticIntensity));
  // This project's columns.
  add("Layer Kind", stringifyLayerKind(layer.getKind()).str());
  add("Dataflow", layer.getDataflowAttr().getName().str());
  add("Compute Delay (Max)", num(r.compute.max));
  return row;
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

  void runOnOperation() override {
    ModuleOp module = getOperation();
    bool json = false;
    if (!reportPath.empty()) {
      FailureOr<ReportFormat> format =
          reportFormatOf(module, "accel-cost-model", reportPath);
      if (failed(format))
        return signalPassFailure();
      json = *format == ReportFormat::Json;
    }

    std::vector<Row> rows;
    CostReport total;
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
      llvm::Expected<CostReport> report =
          evaluateLayerCost(layer, hw);
      if (!report) {
        layer.emitError() << "cost model on layer '" << layer.getName()
                          << "': " << llvm::toString(report.takeError());
        failedAny = true;
        return;
      }
      layer.setCostAttr(costAttrOf(&getContext(), *report));
      auto func = layer->getParentOfType<FunctionOpInterface>();
      rows.push_back(reportRow(func ? func.getName() : "", layer, hw, *report));
      total.runtime += report->runtime;
      total.numMACs += report->numMACs;
      total.energy += report->energy;
      for (unsigned t = 0; t < kNumTensorClasses; ++t) {
        total.l1.reads[t] += report->l1.reads[t];
        total.l1.writes[t] += report->l1.writes[t];
        total.l2.reads[t] += report->l2.reads[t];
        total.l2.writes[t] += report->l2.writes[t];
      }
      total.l1SizeReq = std::max(total.l1SizeReq, report->l1SizeReq);
      total.l2SizeReq = std::max(total.l2SizeReq, report->l2SizeReq);
      total.peakNocBw = std::max(total.peakNocBw, report->peakNocBw);
      total.offchipBw = std::max(total.offchipBw, report->offchipBw);
    });
    if (failedAny)
      return signalPassFailure();
    if (!reportPath.empty() && failed(writeReport(module, rows, total, json)))
      return signalPassFailure();
  }

  LogicalResult writeReport(ModuleOp module, const std::vector<Row> &rows,
                            const CostReport &total, bool json) {
    return writeReportFile(module, "accel-cost-model", reportPath,
                           [&](llvm::raw_ostream &os) {
                             writeRows(os, rows, total, json);
                           });
  }

  void writeRows(llvm::raw_ostream &os, const std::vector<Row> &rows,
                 const CostReport &total, bool json) {
    if (!json) {
      writeCsv(os, rows);
    } else {
      llvm::json::Array layers;
      for (const Row &row : rows) {
        llvm::json::Object object;
        for (const auto &[name, value] : row) {
          // Keep the first of MAESTRO's two "Compute Delay (Min)" columns.
          if (object.find(name) != object.end())
            continue;
          double d;
          if (!value.empty() && !StringRef(value).getAsDouble(d) &&
              name != "Layer Number" && name != "Neural Network Name")
            object[name] = d;
          else
            object[name] = value;
        }
        layers.push_back(std::move(object));
      }
      llvm::json::Object totals{
          {"Runtime (Cycles)", total.runtime},
          {"Num MACs", total.numMACs},
          {"Activity count-based Energy (nJ)", total.energy},
          {"Max L1 SRAM Size Req (Bytes)", total.l1SizeReq},
          {"Max L2 SRAM Size Req (Bytes)", total.l2SizeReq},
          {"Max Peak BW Req", total.peakNocBw},
          {"Max Offchip BW Req (Elements/cycle)", total.offchipBw}};
      for (unsigned t = 0; t < kNumTensorClasses; ++t) {
        std::string name = kTensorNames[t];
        totals[name + " l1 read"] = total.l1.reads[t];
        totals[name + " l1 write"] = total.l1.writes[t];
        totals[name + " l2 read"] = total.l2.reads[t];
        totals[name + " l2 write"] = total.l2.writes[t];
      }
      os << llvm::formatv("{0:2}\n", llvm::json::Value(llvm::json::Object{
                                         {"layers", std::move(layers)},
                                         {"totals", std::move(totals)}}));
    }
  }
};

} // namespace
