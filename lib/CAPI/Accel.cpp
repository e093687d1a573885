//===- Accel.cpp - C API of accel-mlir ------------------------------------===//

#include "accel-c/Accel.h"

#include "accel/Dialect/Accel/IR/AccelOps.h"
#include "accel/Dialect/Accel/Transforms/DataflowLibrary.h"
#include "accel/Dialect/Accel/Transforms/LayerCost.h"
#include "accel/InitAllAccel.h"
#include "accel/Target/MAERI/IR/MaeriAttributes.h"

#include "mlir/CAPI/IR.h"
#include "mlir/CAPI/Registration.h"
#include "mlir/CAPI/Support.h"

using namespace mlir;
using namespace mlir::accel;

MLIR_DEFINE_CAPI_DIALECT_REGISTRATION(Accel, accel, AccelDialect)

void accelRegisterDialect(MlirDialectRegistry registry) {
  registerAccelDialect(*unwrap(registry));
}

void accelRegisterAllPasses(void) {
  // Pipelines may be registered once only; callers need not know.
  static bool registered = [] {
    registerAllAccelPasses();
    return true;
  }();
  (void)registered;
}

//===----------------------------------------------------------------------===//
// Hardware
//===----------------------------------------------------------------------===//

static AccelHardwareConfig wrap(const HardwareConfig &config) {
  return {config.numPEs,           config.simdLanes,    config.l1Size,
          config.l2Size,           config.nocBandwidth, config.nocHops,
          config.hopLatency,       config.multicast,    config.offchipBandwidth,
          config.elementSize};
}

static HardwareConfig unwrap(const AccelHardwareConfig &config) {
  HardwareConfig result;
  result.numPEs = config.numPEs;
  result.simdLanes = config.simdLanes;
  result.l1Size = config.l1Size;
  result.l2Size = config.l2Size;
  result.nocBandwidth = config.nocBandwidth;
  result.nocHops = config.nocHops;
  result.hopLatency = config.hopLatency;
  result.multicast = config.multicast;
  result.offchipBandwidth = config.offchipBandwidth;
  result.elementSize = config.elementSize;
  return result;
}

AccelHardwareConfig accelHardwareConfigGetDefault(void) {
  return wrap(HardwareConfig());
}

MlirAttribute accelPEArrayAttrGet(MlirContext ctx,
                                  AccelHardwareConfig config) {
  HardwareConfig hw = unwrap(config);
  MLIRContext *context = unwrap(ctx);
  if (llvm::Error err = hw.validate()) {
    emitError(UnknownLoc::get(context)) << llvm::toString(std::move(err));
    return wrap(Attribute());
  }
  return wrap(PEArrayAttr::get(context, hw));
}

bool accelAttributeIsAPEArray(MlirAttribute attr) {
  return isa<PEArrayAttr>(unwrap(attr));
}

MlirAttribute accelMaeriAttrGet(MlirContext ctx, int64_t multiplierSwitches,
                                int64_t distributionBandwidth,
                                int64_t reductionBandwidth) {
  MLIRContext *context = unwrap(ctx);
  return wrap(MaeriAttr::getChecked(
      [&] { return emitError(UnknownLoc::get(context)); }, context,
      multiplierSwitches, distributionBandwidth, reductionBandwidth,
      PEArrayAttr()));
}

bool accelAttributeIsATarget(MlirAttribute attr) {
  return isa<TargetAttrInterface>(unwrap(attr));
}

AccelHardwareConfig accelTargetAttrGetHardwareConfig(MlirAttribute target) {
  return wrap(cast<TargetAttrInterface>(unwrap(target)).getHardwareConfig());
}

MlirStringRef accelTargetAttrGetName(MlirAttribute target) {
  // The name is a literal of the model's class, alive after the model.
  return wrap(
      cast<TargetAttrInterface>(unwrap(target)).getTargetModel()->getName());
}

int64_t accelTargetAttrGetPeakMACsPerCycle(MlirAttribute target) {
  return cast<TargetAttrInterface>(unwrap(target))
      .getTargetModel()
      ->getPeakMACsPerCycle();
}

void accelModuleSetTarget(MlirModule module, MlirAttribute target) {
  unwrap(module)->setAttr(AccelDialect::kTargetAttrName, unwrap(target));
}

//===----------------------------------------------------------------------===//
// Layers
//===----------------------------------------------------------------------===//

MlirAttribute accelDimsAttrGet(MlirContext ctx, const int64_t sizes[8]) {
  return wrap(DimsAttr::get(unwrap(ctx), llvm::ArrayRef(sizes, kNumSizedDims)));
}

bool accelAttributeIsADims(MlirAttribute attr) {
  return isa<DimsAttr>(unwrap(attr));
}

int64_t accelDimsAttrGetSize(MlirAttribute dims, AccelDim dim) {
  return cast<DimsAttr>(unwrap(dims)).getSizes()[dim];
}

MlirAttribute accelDataflowAttrGetFromLibrary(MlirContext ctx,
                                              MlirStringRef name) {
  MLIRContext *context = unwrap(ctx);
  FailureOr<DataflowAttr> dataflow =
      lookupLibraryDataflow(context, unwrap(name), UnknownLoc::get(context));
  return wrap(succeeded(dataflow) ? Attribute(*dataflow) : Attribute());
}

bool accelAttributeIsADataflow(MlirAttribute attr) {
  return isa<DataflowAttr>(unwrap(attr));
}

MlirStringRef accelDataflowAttrGetName(MlirAttribute attr) {
  return wrap(cast<DataflowAttr>(unwrap(attr)).getName());
}

intptr_t accelDataflowAttrGetNumDirectives(MlirAttribute attr) {
  return cast<DataflowAttr>(unwrap(attr)).getDirectives().size();
}

bool accelOperationIsALayer(MlirOperation op) {
  return isa<LayerOp>(unwrap(op));
}

MlirStringRef accelLayerGetName(MlirOperation layer) {
  return wrap(cast<LayerOp>(unwrap(layer)).getName());
}

MlirAttribute accelLayerGetDims(MlirOperation layer) {
  return wrap(cast<LayerOp>(unwrap(layer)).getDims());
}

MlirAttribute accelLayerGetDataflow(MlirOperation layer) {
  return wrap(cast<LayerOp>(unwrap(layer)).getDataflowAttr());
}

void accelLayerSetDataflow(MlirOperation layer, MlirAttribute dataflow) {
  cast<LayerOp>(unwrap(layer)).setDataflowAttr(
      cast<DataflowAttr>(unwrap(dataflow)));
}

MlirAttribute accelLayerGetCost(MlirOperation layer) {
  return wrap(cast<LayerOp>(unwrap(layer)).getCostAttr());
}

//===----------------------------------------------------------------------===//
// The cost model
//===----------------------------------------------------------------------===//

MlirLogicalResult accelLayerEvaluateCost(MlirOperation op,
                                         AccelCostReport *report) {
  auto layer = cast<LayerOp>(unwrap(op));
  if (!layer.getDataflowAttr())
    return wrap(layer.emitError()
                << "layer '" << layer.getName()
                << "' has no dataflow to evaluate the cost model on");
  llvm::Expected<CostReport> cost =
      evaluateLayerCost(layer, getHardwareConfig(layer));
  if (!cost)
    return wrap(layer.emitError() << "cost model on layer '" << layer.getName()
                                  << "': " << llvm::toString(cost.takeError()));
  *report = {cost->runtime,   cost->numMACs,   cost->throughput,
             cost->energy,    cost->l1SizeReq, cost->l2SizeReq,
             cost->peakNocBw, cost->offchipBw, cost->avgUtilizedPEs};
  return wrap(success());
}

bool accelCostAttrGetNumber(MlirAttribute cost, MlirStringRef name,
                            double *value) {
  std::optional<double> number =
      cast<CostAttr>(unwrap(cost)).getNumber(unwrap(name));
  if (number)
    *value = *number;
  return number.has_value();
}
