//===- main.cpp - A program built against the installed accel-mlir --------===//
//
// Builds MAESTRO's accelerator_1.m as an #accel.pe_array, reads its hardware
// back through the target interface, and costs VGG16 CONV11 with the NVDLA
// dataflow on it with the MLIR-free cost model.
//
//===----------------------------------------------------------------------===//

#include "accel/Analysis/CostModel/CostModel.h"
#include "accel/Dialect/Accel/IR/AccelOps.h"

#include "mlir/IR/MLIRContext.h"
#include "llvm/Support/raw_ostream.h"

using namespace mlir;
using namespace mlir::accel;

int main() {
  MLIRContext context;
  context.loadDialect<AccelDialect>();

  HardwareConfig config;
  config.numPEs = 256;
  config.l1Size = 100;
  config.l2Size = 3000;
  config.nocBandwidth = 1000;
  config.offchipBandwidth = 50;
  TargetAttrInterface target = PEArrayAttr::get(&context, config);
  llvm::outs() << "target: " << target << "\n";

  LayerShape conv11;
  conv11.sizes = {1, 1, 512, 512, 3, 3, 14, 14};
  auto n = [](int64_t v) { return SizeExpr::constant(v); };
  SizeExpr r = SizeExpr::sizeOfDim(Dim::R), s = SizeExpr::sizeOfDim(Dim::S);
  std::vector<Directive> nvdla = {
      Directive::spatialMap(n(1), n(1), Dim::C),
      Directive::temporalMap(n(64), n(64), Dim::K),
      Directive::temporalMap(r, r, Dim::R),
      Directive::temporalMap(s, s, Dim::S),
      Directive::temporalMap(n(1), n(1), Dim::OY),
      Directive::temporalMap(n(1), n(1), Dim::OX),
      Directive::cluster(n(64)),
      Directive::spatialMap(n(1), n(1), Dim::K),
      Directive::temporalMap(r, r, Dim::R),
      Directive::temporalMap(s, s, Dim::S)};
  llvm::Expected<CostReport> cost = evaluateCost(
      CostLayerKind::Conv, conv11, nvdla, target.getHardwareConfig());
  if (!cost) {
    llvm::errs() << llvm::toString(cost.takeError()) << "\n";
    return 1;
  }
  llvm::outs() << "CONV11 nvdla: runtime " << cost->runtime << " cycles, "
               << cost->numMACs << " MACs\n";
  return 0;
}
