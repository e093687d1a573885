/*===- accel-capi.c - The C API from C ------------------------------------===*\
|*                                                                            *|
|* Registers the dialect, builds and reads the main attributes, runs the cost *|
|* model on a layer and the accel-analyze pipeline on a module, all from C.   *|
|* Run by capi.test, which checks the output against the CHECK lines here.    *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#include "accel-c/Accel.h"
#include "mlir-c/Diagnostics.h"
#include "mlir-c/Dialect/Func.h"
#include "mlir-c/Dialect/Tensor.h"
#include "mlir-c/IR.h"
#include "mlir-c/Pass.h"

#include <stdio.h>
#include <stdlib.h>

static void printToStdout(MlirStringRef text, void *userData) {
  (void)userData;
  fwrite(text.data, 1, text.length, stdout);
}

static void printAttr(const char *label, MlirAttribute attr) {
  printf("%s: ", label);
  mlirAttributePrint(attr, printToStdout, NULL);
  printf("\n");
}

static MlirLogicalResult printDiagnostic(MlirDiagnostic diagnostic,
                                         void *userData) {
  (void)userData;
  printf("diagnostic: ");
  mlirDiagnosticPrint(diagnostic, printToStdout, NULL);
  printf("\n");
  return mlirLogicalResultSuccess();
}

static const char *kModule =
    "func.func @vgg16_conv11(%input: tensor<1x512x14x14xf32>,\n"
    "                        %filter: tensor<512x512x3x3xf32>,\n"
    "                        %init: tensor<1x512x12x12xf32>) -> tensor<1x512x12x12xf32> {\n"
    "  %0 = accel.layer \"CONV11\" conv2d\n"
    "         dims <N = 1, G = 1, K = 512, C = 512, R = 3, S = 3, Y = 14, X = 14>\n"
    "         layout <\"NCYX\", \"KCRS\", \"NKYX\">\n"
    "         ins(%input, %filter : tensor<1x512x14x14xf32>, tensor<512x512x3x3xf32>)\n"
    "         outs(%init : tensor<1x512x12x12xf32>) -> tensor<1x512x12x12xf32>\n"
    "  return %0 : tensor<1x512x12x12xf32>\n"
    "}\n";

static MlirOperation firstLayer(MlirModule module) {
  MlirOperation func = mlirBlockGetFirstOperation(mlirModuleGetBody(module));
  MlirBlock body = mlirRegionGetFirstBlock(mlirOperationGetRegion(func, 0));
  return mlirBlockGetFirstOperation(body);
}

int main(void) {
  MlirContext ctx = mlirContextCreate();
  MlirDialectRegistry registry = mlirDialectRegistryCreate();
  accelRegisterDialect(registry);
  mlirDialectHandleInsertDialect(mlirGetDialectHandle__func__(), registry);
  mlirDialectHandleInsertDialect(mlirGetDialectHandle__tensor__(), registry);
  mlirContextAppendDialectRegistry(ctx, registry);
  mlirDialectRegistryDestroy(registry);
  mlirContextLoadAllAvailableDialects(ctx);
  mlirContextAttachDiagnosticHandler(ctx, printDiagnostic, NULL, NULL);

  /* Hardware: MAESTRO's accelerator_1.m as a PE array, and a MAERI. */
  AccelHardwareConfig config = accelHardwareConfigGetDefault();
  config.numPEs = 256;
  config.l1Size = 100;
  config.l2Size = 3000;
  config.nocBandwidth = 1000;
  config.offchipBandwidth = 50;
  MlirAttribute peArray = accelPEArrayAttrGet(ctx, config);
  printAttr("pe_array", peArray);
  // CHECK: pe_array: #accel.pe_array<num_pes = 256, l1_size = 100, l2_size = 3000, noc_bw = 1000, offchip_bw = 50>
  printf("pe_array is a target: %d, PEs %lld\n",
         accelAttributeIsATarget(peArray),
         (long long)accelTargetAttrGetHardwareConfig(peArray).numPEs);
  // CHECK: pe_array is a target: 1, PEs 256

  MlirAttribute maeri = accelMaeriAttrGet(ctx, 64, 8, 8);
  printAttr("maeri", maeri);
  MlirStringRef name = accelTargetAttrGetName(maeri);
  printf("maeri model: %.*s, %lld MACs per cycle, is a pe_array: %d\n",
         (int)name.length, name.data,
         (long long)accelTargetAttrGetPeakMACsPerCycle(maeri),
         accelAttributeIsAPEArray(maeri));
  // CHECK: maeri: #accel.maeri<ms = 64, dn_bw = 8, rn_bw = 8>
  // CHECK: maeri model: MAERI, 64 MACs per cycle, is a pe_array: 0

  MlirAttribute bad = accelMaeriAttrGet(ctx, 48, 8, 8);
  printf("bad maeri is null: %d\n", mlirAttributeIsNull(bad));
  // CHECK: diagnostic: MAERI ms must be a positive power of two, got 48
  // CHECK: bad maeri is null: 1

  int64_t sizes[8] = {1, 1, 64, 3, 7, 7, 224, 224};
  MlirAttribute dims = accelDimsAttrGet(ctx, sizes);
  printAttr("dims", dims);
  printf("dims K: %lld\n", (long long)accelDimsAttrGetSize(dims, AccelDimK));
  // CHECK: dims: #accel.dims<N = 1, G = 1, K = 64, C = 3, R = 7, S = 7, Y = 224, X = 224>
  // CHECK: dims K: 64

  /* A layer: give it a library dataflow and cost it. */
  MlirModule module =
      mlirModuleCreateParse(ctx, mlirStringRefCreateFromCString(kModule));
  if (mlirModuleIsNull(module))
    return 1;
  accelModuleSetTarget(module, peArray);
  MlirOperation layer = firstLayer(module);
  MlirStringRef layerName = accelLayerGetName(layer);
  printf("layer: %d %.*s\n", accelOperationIsALayer(layer),
         (int)layerName.length, layerName.data);
  // CHECK: layer: 1 CONV11

  AccelCostReport report;
  printf("without a dataflow: %d\n",
         mlirLogicalResultIsFailure(accelLayerEvaluateCost(layer, &report)));
  // CHECK: diagnostic: layer 'CONV11' has no dataflow to evaluate the cost model on
  // CHECK: without a dataflow: 1

  MlirAttribute nvdla = accelDataflowAttrGetFromLibrary(
      ctx, mlirStringRefCreateFromCString("kcp_ws"));
  MlirStringRef dataflowName = accelDataflowAttrGetName(nvdla);
  printf("kcp_ws is %.*s, %ld directives\n", (int)dataflowName.length,
         dataflowName.data, (long)accelDataflowAttrGetNumDirectives(nvdla));
  // CHECK: kcp_ws is nvdla, 10 directives
  accelLayerSetDataflow(layer, nvdla);
  if (mlirLogicalResultIsFailure(accelLayerEvaluateCost(layer, &report)))
    return 1;
  printf("cost: runtime %lld, MACs %lld, L2 %lld bytes\n",
         (long long)report.runtime, (long long)report.numMACs,
         (long long)report.l2SizeRequired);
  // CHECK: cost: runtime [[RUNTIME:[0-9]+]], MACs 339738624, L2 {{[0-9]+}} bytes

  /* The pipeline through MLIR's C pass manager: the same figure. */
  accelRegisterAllPasses();
  MlirPassManager pm = mlirPassManagerCreate(ctx);
  MlirOpPassManager opm = mlirPassManagerGetAsOpPassManager(pm);
  if (mlirLogicalResultIsFailure(mlirOpPassManagerAddPipeline(
          opm, mlirStringRefCreateFromCString("accel-analyze{dataflow=nvdla}"),
          printToStdout, NULL)))
    return 1;
  if (mlirLogicalResultIsFailure(
          mlirPassManagerRunOnOp(pm, mlirModuleGetOperation(module))))
    return 1;
  double runtime = 0;
  bool found = accelCostAttrGetNumber(
      accelLayerGetCost(layer), mlirStringRefCreateFromCString("runtime"),
      &runtime);
  printf("accel-analyze: runtime %d %.0f\n", found, runtime);
  // CHECK: accel-analyze: runtime 1 [[RUNTIME]]

  mlirPassManagerDestroy(pm);
  mlirModuleDestroy(module);
  mlirContextDestroy(ctx);
  return 0;
}
