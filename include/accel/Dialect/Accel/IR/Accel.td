//===- Accel.td - accel dialect umbrella -------------------*- tablegen -*-===//

#ifndef ACCEL_DIALECT_ACCEL_IR_ACCEL_TD
#define ACCEL_DIALECT_ACCEL_IR_ACCEL_TD

include "accel/Dialect/Accel/IR/AccelDialect.td"
include "accel/Dialect/Accel/IR/AccelEnums.td"
include "accel/Dialect/Accel/IR/AccelInterfaces.td"
include "accel/Dialect/Accel/IR/AccelAttributes.td"
include "accel/Dialect/Accel/IR/AccelOps.td"

#endif // ACCEL_DIALECT_ACCEL_IR_ACCEL_TD
