/*===-- accel-c/Accel.h - C API of accel-mlir ---------------------*- C -*-===*\
|*                                                                            *|
|* The accel dialect, its main attributes, its passes and pipelines, and the  *|
|* cost model, for C callers and language bindings, in the conventions of     *|
|* MLIR's own C API (mlir-c/): opaque handles, MlirStringRef, MlirLogical-    *|
|* Result, `accel<Thing><Verb>` names, `accel<Thing>IsA<Kind>` predicates.    *|
|*                                                                            *|
\*===----------------------------------------------------------------------===*/

#ifndef ACCEL_C_ACCEL_H
#define ACCEL_C_ACCEL_H

#include "mlir-c/IR.h"
#include "mlir-c/Support.h"

#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/*===----------------------------------------------------------------------===*\
  Registration
\*===----------------------------------------------------------------------===*/

/// The accel dialect's handle (mlirDialectHandleInsertDialect, ...). Insert
/// it with accelRegisterDialect instead to have every target's attributes.
MLIR_DECLARE_CAPI_DIALECT_REGISTRATION(Accel, accel);

/// Adds the accel dialect with every target (#accel.maeri, ...) to
/// `registry`.
MLIR_CAPI_EXPORTED void accelRegisterDialect(MlirDialectRegistry registry);

/// Registers every accel pass and the pipelines accel-analyze and
/// accel-maeri, for mlirParsePassPipeline / mlirOpPassManagerAddPipeline.
MLIR_CAPI_EXPORTED void accelRegisterAllPasses(void);

/*===----------------------------------------------------------------------===*\
  Hardware: #accel.pe_array, #accel.maeri, any target
\*===----------------------------------------------------------------------===*/

/// MAESTRO's abstract hardware (the parameters of #accel.pe_array).
typedef struct AccelHardwareConfig {
  int64_t numPEs;
  int64_t simdLanes;
  int64_t l1Size;           /* bytes per PE */
  int64_t l2Size;           /* bytes */
  int64_t nocBandwidth;     /* elements per cycle */
  int64_t nocHops;
  int64_t hopLatency;       /* cycles per hop */
  bool multicast;
  int64_t offchipBandwidth; /* elements per cycle */
  int64_t elementSize;      /* bytes */
} AccelHardwareConfig;

/// The #accel.pe_array defaults (256 PEs).
MLIR_CAPI_EXPORTED AccelHardwareConfig accelHardwareConfigGetDefault(void);

/// The #accel.pe_array of `config`; null (mlirAttributeIsNull) with a
/// diagnostic on `ctx` when a parameter is out of range.
MLIR_CAPI_EXPORTED MlirAttribute
accelPEArrayAttrGet(MlirContext ctx, AccelHardwareConfig config);
MLIR_CAPI_EXPORTED bool accelAttributeIsAPEArray(MlirAttribute attr);

/// #accel.maeri<ms, dn_bw, rn_bw> (one PE per multiplier switch); null with a
/// diagnostic when they are not powers of two within the switches.
MLIR_CAPI_EXPORTED MlirAttribute accelMaeriAttrGet(MlirContext ctx,
                                                   int64_t multiplierSwitches,
                                                   int64_t distributionBandwidth,
                                                   int64_t reductionBandwidth);

/// Whether `attr` is a target, i.e. may be a module's accel.target.
MLIR_CAPI_EXPORTED bool accelAttributeIsATarget(MlirAttribute attr);
/// The hardware of a target, in MAESTRO's terms.
MLIR_CAPI_EXPORTED AccelHardwareConfig
accelTargetAttrGetHardwareConfig(MlirAttribute target);
/// The target's model's name ("PE array", "MAERI") and peak MACs per cycle.
MLIR_CAPI_EXPORTED MlirStringRef accelTargetAttrGetName(MlirAttribute target);
MLIR_CAPI_EXPORTED int64_t
accelTargetAttrGetPeakMACsPerCycle(MlirAttribute target);

/// Sets `module`'s accel.target.
MLIR_CAPI_EXPORTED void accelModuleSetTarget(MlirModule module,
                                             MlirAttribute target);

/*===----------------------------------------------------------------------===*\
  Layers: #accel.dims, #accel.dataflow, accel.layer
\*===----------------------------------------------------------------------===*/

/// The canonical dimensions with a size, in #accel.dims order.
typedef enum AccelDim {
  AccelDimN,
  AccelDimG,
  AccelDimK,
  AccelDimC,
  AccelDimR,
  AccelDimS,
  AccelDimY,
  AccelDimX
} AccelDim;

/// #accel.dims of the 8 sizes in AccelDim order.
MLIR_CAPI_EXPORTED MlirAttribute accelDimsAttrGet(MlirContext ctx,
                                                  const int64_t sizes[8]);
MLIR_CAPI_EXPORTED bool accelAttributeIsADims(MlirAttribute attr);
MLIR_CAPI_EXPORTED int64_t accelDimsAttrGetSize(MlirAttribute dims,
                                                AccelDim dim);

/// The library dataflow called `name` or one of its aliases (nvdla, kcp_ws,
/// rs, ...); null with a diagnostic when there is none.
MLIR_CAPI_EXPORTED MlirAttribute accelDataflowAttrGetFromLibrary(
    MlirContext ctx, MlirStringRef name);
MLIR_CAPI_EXPORTED bool accelAttributeIsADataflow(MlirAttribute attr);
MLIR_CAPI_EXPORTED MlirStringRef accelDataflowAttrGetName(MlirAttribute attr);
MLIR_CAPI_EXPORTED intptr_t
accelDataflowAttrGetNumDirectives(MlirAttribute attr);

MLIR_CAPI_EXPORTED bool accelOperationIsALayer(MlirOperation op);
/// A layer's name, #accel.dims, dataflow (null when it has none) and
/// #accel.cost (null before the cost model).
MLIR_CAPI_EXPORTED MlirStringRef accelLayerGetName(MlirOperation layer);
MLIR_CAPI_EXPORTED MlirAttribute accelLayerGetDims(MlirOperation layer);
MLIR_CAPI_EXPORTED MlirAttribute accelLayerGetDataflow(MlirOperation layer);
MLIR_CAPI_EXPORTED void accelLayerSetDataflow(MlirOperation layer,
                                              MlirAttribute dataflow);
MLIR_CAPI_EXPORTED MlirAttribute accelLayerGetCost(MlirOperation layer);

/*===----------------------------------------------------------------------===*\
  The cost model
\*===----------------------------------------------------------------------===*/

/// The main figures of MAESTRO's cost model for one layer (docs/CostModel.md;
/// the pass --accel-cost-model attaches them all as #accel.cost).
typedef struct AccelCostReport {
  int64_t runtime; /* cycles */
  int64_t numMACs;
  double throughput; /* MACs per cycle */
  double energy;     /* nJ */
  int64_t l1SizeRequired; /* bytes per PE */
  int64_t l2SizeRequired; /* bytes */
  int64_t peakNocBandwidth;
  int64_t offchipBandwidth;
  double averageUtilizedPEs;
} AccelCostReport;

/// Runs the cost model on `layer` (which needs a dataflow) on the hardware of
/// its module's target. Fails with a diagnostic on the layer.
MLIR_CAPI_EXPORTED MlirLogicalResult
accelLayerEvaluateCost(MlirOperation layer, AccelCostReport *report);

/// Reads a figure of an #accel.cost ("runtime", "energy_nj", ...) as a
/// double; false when the cost has no such figure.
MLIR_CAPI_EXPORTED bool accelCostAttrGetNumber(MlirAttribute cost,
                                               MlirStringRef name,
                                               double *value);

#ifdef __cplusplus
}
#endif

#endif /* ACCEL_C_ACCEL_H */
