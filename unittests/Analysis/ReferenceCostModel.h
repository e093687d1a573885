//===- ReferenceCostModel.h - The case-walking cost model, as an oracle ---===//
//
// Test-only: the cost model as it was before the fast path, for
// CostModelDifferentialTest. Same contract as mlir::accel::evaluateCost.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_UNITTESTS_ANALYSIS_REFERENCECOSTMODEL_H
#define ACCEL_UNITTESTS_ANALYSIS_REFERENCECOSTMODEL_H

#include "accel/Analysis/CostModel/CostModel.h"

namespace accel_test {

llvm::Expected<mlir::accel::CostReport>
referenceEvaluateCost(mlir::accel::CostLayerKind kind,
                      const mlir::accel::LayerShape &shape,
                      llvm::ArrayRef<mlir::accel::Directive> directives,
                      const mlir::accel::HardwareConfig &hardware);

} // namespace accel_test

#endif // ACCEL_UNITTESTS_ANALYSIS_REFERENCECOSTMODEL_H
