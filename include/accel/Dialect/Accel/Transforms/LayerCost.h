//===- LayerCost.h - The cost model on an accel.layer -----------*- C++ -*-===//
//
// Shared by what evaluates a layer's dataflow (accel-cost-model,
// accel-simulate, accel-maestro's console summary).
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_DIALECT_ACCEL_TRANSFORMS_LAYERCOST_H
#define ACCEL_DIALECT_ACCEL_TRANSFORMS_LAYERCOST_H

#include "accel/Analysis/CostModel/CostModel.h"
#include "accel/Dialect/Accel/IR/AccelOps.h"

namespace mlir::accel {

inline CostLayerKind costKindOf(LayerKind kind) {
  switch (kind) {
  case LayerKind::Conv2d:
    return CostLayerKind::Conv;
  case LayerKind::Depthwise:
    return CostLayerKind::Depthwise;
  case LayerKind::Grouped:
    return CostLayerKind::Grouped;
  case LayerKind::Gemm:
    return CostLayerKind::Gemm;
  }
  llvm_unreachable("unknown LayerKind");
}

/// The cost model on `layer` with its dataflow (which it must have) and the
/// machine `hw`.
inline llvm::Expected<CostReport> evaluateLayerCost(LayerOp layer,
                                                    const HardwareConfig &hw) {
  return evaluateCost(costKindOf(layer.getKind()), layer.getShape(),
                      layer.getDataflowAttr().getModelDirectives(), hw);
}

} // namespace mlir::accel

#endif // ACCEL_DIALECT_ACCEL_TRANSFORMS_LAYERCOST_H
