//===- MaeriAttributes.h - MAERI target attributes --------------*- C++ -*-===//
//
// The MAERI target's IR: `#accel.maeri` (an accel.target) and
// `#accel.maeri_schedule` (a layer's schedule), their registration with the
// accel dialect, and the MAERI every MAERI pass works on.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_TARGET_MAERI_IR_MAERIATTRIBUTES_H
#define ACCEL_TARGET_MAERI_IR_MAERIATTRIBUTES_H

#include "accel/Dialect/Accel/IR/AccelAttributes.h"
#include "accel/Target/MAERI/MaeriSchedule.h"
#include "accel/Target/MAERI/MaeriTargetModel.h"

#include "mlir/IR/DialectRegistry.h"

#define GET_ATTRDEF_CLASSES
#include "accel/Target/MAERI/IR/MaeriAttributes.h.inc"

namespace mlir::accel {

class LayerOp;

/// Adds the MAERI attributes to the accel dialect wherever `registry`
/// loads it.
void registerMaeriTarget(DialectRegistry &registry);

/// The MAERI `target` is, or stands for: its own model when it is MAERI's,
/// else the MAERI of its PE array (MaeriTargetModel::derive).
llvm::Expected<MaeriTargetModel>
getMaeriTargetModel(const AcceleratorTargetModel &target);
/// The MAERI of `op`'s target (getTargetModel).
llvm::Expected<MaeriTargetModel> getMaeriTargetModel(Operation *op);
/// The MAERI of `layer`'s target, or failure after an error at the layer
/// saying why it has none (what MAERI's passes report).
FailureOr<MaeriTargetModel> getMaeriTargetModelOrEmit(LayerOp layer);

} // namespace mlir::accel

#endif // ACCEL_TARGET_MAERI_IR_MAERIATTRIBUTES_H
