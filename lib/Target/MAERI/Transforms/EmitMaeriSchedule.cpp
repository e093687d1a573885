//===- EmitMaeriSchedule.cpp - Derive MAERI schedules ---------------------===//

#include "accel/Dialect/Accel/IR/AccelOps.h"
#include "accel/Target/MAERI/Transforms/Passes.h"
#include "accel/Target/MAERI/IR/MaeriAttributes.h"

namespace mlir::accel {
#define GEN_PASS_DEF_ACCELEMITMAERISCHEDULE
#include "accel/Target/MAERI/Transforms/Passes.h.inc"
} // namespace mlir::accel

using namespace mlir;
using namespace mlir::accel;

namespace {
struct EmitMaeriSchedulePass
    : public accel::impl::AccelEmitMaeriScheduleBase<EmitMaeriSchedulePass> {
  void getDependentDialects(DialectRegistry &registry) const override {
    Base::getDependentDialects(registry);
    registerMaeriTarget(registry);
  }

  void runOnOperation() override {
    bool failedAny = false;
    getOperation().walk([&](LayerOp layer) {
      FailureOr<MaeriTargetModel> maeri = getMaeriTargetModelOrEmit(layer);
      if (failed(maeri)) {
        failedAny = true;
        return;
      }
      LayerShape shape = layer.getShape();
      MaeriSchedule schedule;
      if (DataflowAttr dataflow = layer.getDataflowAttr()) {
        llvm::Expected<MaeriSchedule> derived =
            deriveSchedule(dataflow.getModelDirectives(), shape, *maeri);
        if (!derived) {
          layer.emitError() << "MAERI cannot run layer '" << layer.getName()
                            << "' with dataflow '" << dataflow.getName()
                            << "': " << llvm::toString(derived.takeError());
          failedAny = true;
          return;
        }
        schedule = *derived;
      } else {
        std::string description;
        schedule = defaultSchedule(shape, *maeri, &description);
        emitRemark(layer.getLoc()) << "layer '" << layer.getName()
                           << "' has no dataflow; MAERI default mapping: "
                           << description;
      }
      layer.setScheduleAttr(
          MaeriScheduleAttr::get(&getContext(), schedule, shape));
    });
    if (failedAny)
      signalPassFailure();
  }
};
} // namespace
