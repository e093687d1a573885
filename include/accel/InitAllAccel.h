//===- InitAllAccel.h - Register everything accel-mlir has ------*- C++ -*-===//
//
// One place that registers the accel dialect with every target, the
// upstream dialects real networks use, every pass and pipeline: for
// accel-opt, for AccelPlugin.so in mlir-opt, and for any other driver that
// embeds accel-mlir.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_INITALLACCEL_H
#define ACCEL_INITALLACCEL_H

#include "accel/Conversion/Passes.h"
#include "accel/Dialect/Accel/IR/AccelDialect.h"
#include "accel/Dialect/Accel/Transforms/Passes.h"
#include "accel/InitAllTargets.h"
#include "accel/Pipelines/Pipelines.h"
#include "accel/Target/MAERI/Transforms/Passes.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/ControlFlow/IR/ControlFlow.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/MLProgram/IR/MLProgram.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Tosa/IR/TosaOps.h"
#include "mlir/IR/DialectRegistry.h"

namespace mlir::accel {

/// The accel dialect with every target's attributes.
inline void registerAccelDialect(DialectRegistry &registry) {
  registry.insert<AccelDialect>();
  registerAllAccelTargets(registry);
}

/// The accel dialect and the upstream dialects of the networks it reads
/// (torch-mlir, IREE, TOSA exports).
inline void registerAllAccelDialects(DialectRegistry &registry) {
  registerAccelDialect(registry);
  registry.insert<affine::AffineDialect, arith::ArithDialect,
                  bufferization::BufferizationDialect, cf::ControlFlowDialect,
                  func::FuncDialect, linalg::LinalgDialect, math::MathDialect,
                  memref::MemRefDialect, ml_program::MLProgramDialect,
                  scf::SCFDialect, tensor::TensorDialect, tosa::TosaDialect>();
}

/// Every accel pass (the core's, each target's, the conversions) and
/// pipeline (accel-analyze, accel-maeri).
inline void registerAllAccelPasses() {
  registerAccelPasses();
  registerAccelMaeriPasses();
  registerAccelConversionPasses();
  registerAccelPipelines();
}

} // namespace mlir::accel

#endif // ACCEL_INITALLACCEL_H
