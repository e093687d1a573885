//===- MaeriExport.cpp - MAERI schedules as JSON --------------------------===//

#include "accel/Target/MAERI/MaeriExport.h"
#include "accel/Dialect/Accel/IR/AccelOps.h"
#include "accel/InitAllTargets.h"
#include "accel/Target/MAERI/IR/MaeriAttributes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"

using namespace mlir;
using namespace mlir::accel;

LogicalResult mlir::accel::exportMaeriSchedules(ModuleOp module,
                                                llvm::raw_ostream &os) {
  llvm::json::Array layers;
  bool failedAny = false;
  module.walk([&](LayerOp layer) {
    auto attr = dyn_cast_or_null<MaeriScheduleAttr>(layer.getScheduleAttr());
    if (!attr) {
      layer.emitError() << "layer '" << layer.getName()
                        << "' has no MAERI schedule; run "
                           "--accel-emit-maeri-schedule first";
      failedAny = true;
      return;
    }
    llvm::Expected<MaeriTargetModel> maeri = getMaeriTargetModel(layer);
    if (!maeri) {
      layer.emitError() << llvm::toString(maeri.takeError());
      failedAny = true;
      return;
    }
    LayerShape shape = layer.getShape();
    MaeriSchedule s = attr.getSchedule();
    llvm::json::Object dims, tiles;
    for (Dim d : kSizedDims)
      dims[stringifyDim(d)] = shape.size(d);
    dims["OY"] = shape.outputRows();
    dims["OX"] = shape.outputCols();
    for (unsigned t = 0; t < kNumTileDims; ++t)
      tiles[stringifyTileDim(static_cast<TileDim>(t))] = s.tile[t];
    llvm::json::Array order;
    for (Dim d : s.order)
      order.push_back(stringifyDim(d));
    // The ART: VN i reduces switches [i * vn_size, (i + 1) * vn_size).
    llvm::json::Array vnFirstSwitch;
    for (int64_t i = 0; i < s.numVNs(); ++i)
      vnFirstSwitch.push_back(i * s.vnSize());
    layers.push_back(llvm::json::Object{
        {"layer", layer.getName()},
        {"kind", stringifyLayerKind(layer.getKind())},
        {"dataflow", layer.getDataflowAttr()
                         ? layer.getDataflowAttr().getName().str()
                         : std::string()},
        {"dims", std::move(dims)},
        {"stride", llvm::json::Array{shape.stride[0], shape.stride[1]}},
        {"target",
         llvm::json::Object{{"multiplier_switches", maeri->numMultipliers()},
                            {"dn_bw", maeri->distributionBandwidth()},
                            {"rn_bw", maeri->reductionBandwidth()}}},
        {"tiles", std::move(tiles)},
        {"order", std::move(order)},
        {"vn_size", s.vnSize()},
        {"num_vns", s.numVNs()},
        {"multipliers_used", s.multipliersUsed()},
        {"folds", s.folds(shape)},
        {"tiles_visited", s.numTiles(shape)},
        {"distribution",
         llvm::json::Object{{"input_multicast", s.inputMulticast()}}},
        {"forwarding", s.usesForwarding(shape)},
        {"art",
         llvm::json::Object{{"vn_size", s.vnSize()},
                            {"vn_first_switch", std::move(vnFirstSwitch)}}},
        {"collection",
         llvm::json::Object{{"results_per_tile", s.numVNs()},
                            {"cycles_per_tile",
                             (s.numVNs() + maeri->reductionBandwidth() - 1) /
                                 maeri->reductionBandwidth()}}},
    });
  });
  if (failedAny)
    return failure();
  os << llvm::formatv("{0:2}\n", llvm::json::Value(llvm::json::Object{
                                     {"layers", std::move(layers)}}));
  return success();
}

void mlir::accel::registerMaeriTranslations() {
  TranslateFromMLIRRegistration exporter(
      "export-maeri-schedule", "write the MAERI schedules as JSON",
      [](ModuleOp module, llvm::raw_ostream &os) {
        return exportMaeriSchedules(module, os);
      },
      [](DialectRegistry &registry) {
        registry
            .insert<AccelDialect, func::FuncDialect, tensor::TensorDialect>();
        registerAllAccelTargets(registry);
      });
}
