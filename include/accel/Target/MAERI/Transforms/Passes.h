//===- Passes.h - MAERI target passes ---------------------------*- C++ -*-===//

#ifndef ACCEL_TARGET_MAERI_TRANSFORMS_PASSES_H
#define ACCEL_TARGET_MAERI_TRANSFORMS_PASSES_H

#include "accel/Dialect/Accel/IR/AccelDialect.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace mlir::accel {

#define GEN_PASS_DECL
#include "accel/Target/MAERI/Transforms/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "accel/Target/MAERI/Transforms/Passes.h.inc"

} // namespace mlir::accel

#endif // ACCEL_TARGET_MAERI_TRANSFORMS_PASSES_H
