//===- Pipelines.cpp - The registered accel pipelines ---------------------===//

#include "accel/Pipelines/Pipelines.h"
#include "accel/Conversion/Passes.h"
#include "accel/Dialect/Accel/Transforms/Passes.h"
#include "accel/Target/MAERI/Transforms/Passes.h"

#include "mlir/Pass/PassRegistry.h"

using namespace mlir;
using namespace mlir::accel;

/// accel-set-target when any hardware option is given, then the conversion
/// and the dataflow: what both pipelines start with.
template <typename Options>
static void buildFrontEnd(OpPassManager &pm, const Options &options) {
  AccelSetTargetOptions target;
  target.file = options.hwFile;
  target.target = options.target;
  target.numPes = options.numPes;
  target.l1Size = options.l1Size;
  target.l2Size = options.l2Size;
  target.nocBw = options.nocBw;
  target.offchipBw = options.offchipBw;
  if (!target.file.empty() || !target.target.empty() || target.numPes >= 0 ||
      target.l1Size >= 0 || target.l2Size >= 0 || target.nocBw >= 0 ||
      target.offchipBw >= 0)
    pm.addPass(createAccelSetTarget(target));
  pm.addPass(createConvertLinalgToAccel());
  StringRef dataflow = options.dataflow;
  if (dataflow == "search") {
    pm.addPass(createAccelSearchDataflow());
  } else if (dataflow != "keep") {
    AccelAssignDataflowOptions assign;
    assign.dataflowName = dataflow.str();
    pm.addPass(createAccelAssignDataflow(assign));
  }
}

void mlir::accel::buildAccelAnalyzePipeline(
    OpPassManager &pm, const AccelAnalyzeOptions &options) {
  buildFrontEnd(pm, options);
  AccelCostModelOptions cost;
  cost.reportPath = options.report;
  pm.addPass(createAccelCostModel(cost));
}

void mlir::accel::buildAccelMaeriPipeline(OpPassManager &pm,
                                          const AccelMaeriOptions &options) {
  buildFrontEnd(pm, options);
  if (StringRef(options.schedule) == "search")
    pm.addPass(createAccelSearchMaeriSchedule());
  else
    pm.addPass(createAccelEmitMaeriSchedule());
  AccelSimulateOptions simulate;
  simulate.reportPath = options.report;
  simulate.timingOnly = options.timingOnly;
  pm.addPass(createAccelSimulate(simulate));
}

void mlir::accel::registerAccelPipelines() {
  PassPipelineRegistration<AccelAnalyzeOptions>(
      "accel-analyze",
      "Convert linalg layers, give them a dataflow (assigned or searched), "
      "run the cost model and write its report",
      buildAccelAnalyzePipeline);
  PassPipelineRegistration<AccelMaeriOptions>(
      "accel-maeri",
      "Convert linalg layers, give them a dataflow, a MAERI schedule each, "
      "run them on the simulated MAERI and write its report",
      buildAccelMaeriPipeline);
}
