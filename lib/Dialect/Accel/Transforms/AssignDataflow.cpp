//===- AssignDataflow.cpp - Attach a dataflow to every layer --------------===//

#include "accel/Dialect/Accel/IR/AccelOps.h"
#include "accel/Dialect/Accel/Transforms/DataflowLibrary.h"
#include "accel/Dialect/Accel/Transforms/Passes.h"

namespace mlir::accel {
#define GEN_PASS_DEF_ACCELASSIGNDATAFLOW
#include "accel/Dialect/Accel/Transforms/Passes.h.inc"
} // namespace mlir::accel

using namespace mlir;
using namespace mlir::accel;

namespace {
struct AssignDataflowPass
    : public accel::impl::AccelAssignDataflowBase<AssignDataflowPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (dataflowName.empty() == dataflowFile.empty()) {
      module.emitError() << "accel-assign-dataflow needs exactly one of "
                            "'dataflow=NAME' and 'file=PATH'";
      return signalPassFailure();
    }
    FailureOr<DataflowAttr> dataflow =
        dataflowFile.empty()
            ? lookupLibraryDataflow(&getContext(), dataflowName,
                                    module.getLoc())
            : parseDataflowFile(&getContext(), dataflowFile, module.getLoc());
    if (failed(dataflow))
      return signalPassFailure();
    SmallVector<Directive> directives = dataflow->getModelDirectives();

    bool failedAny = false;
    module.walk([&](LayerOp layer) {
      std::optional<int64_t> numPEs;
      if (TargetAttrInterface target = layer.getTarget())
        numPEs = target.getHardwareConfig().numPEs;
      llvm::Expected<BoundDataflow> bound =
          bindDataflow(directives, layer.getShape(), numPEs);
      if (!bound) {
        layer.emitError() << "cannot assign dataflow '" << dataflow->getName()
                          << "' to layer '" << layer.getName()
                          << "': " << llvm::toString(bound.takeError());
        failedAny = true;
        return;
      }
      layer.setDataflowAttr(*dataflow);
      ++numLayersAssigned;
    });
    if (failedAny)
      signalPassFailure();
  }
};
} // namespace
