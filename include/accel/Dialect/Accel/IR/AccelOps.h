//===- AccelOps.h - accel dialect operations --------------------*- C++ -*-===//

#ifndef ACCEL_DIALECT_ACCEL_IR_ACCELOPS_H
#define ACCEL_DIALECT_ACCEL_IR_ACCELOPS_H

#include "accel/Dialect/Accel/IR/AccelAttributes.h"
#include "accel/Dialect/Accel/IR/AccelDialect.h"
#include "accel/Model/LayerShape.h"

#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/OpImplementation.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"

#define GET_OP_CLASSES
#include "accel/Dialect/Accel/IR/AccelOps.h.inc"

namespace mlir::accel {

/// The `accel.target` of `op` or of its closest ancestor that has one; null
/// when there is none.
TargetAttrInterface getTargetAttr(Operation *op);
/// The hardware `op` runs on in MAESTRO's terms: its target's, or the
/// `#accel.pe_array` defaults when it has none.
HardwareConfig getHardwareConfig(Operation *op);
/// The model of the machine `op` runs on (as mlir-aie's getTargetModel): its
/// target's, or the default `#accel.pe_array`'s. The one way passes reach a
/// target.
std::unique_ptr<AcceleratorTargetModel> getTargetModel(Operation *op);

} // namespace mlir::accel

#endif // ACCEL_DIALECT_ACCEL_IR_ACCELOPS_H
