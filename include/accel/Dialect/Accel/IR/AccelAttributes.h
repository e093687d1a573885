//===- AccelAttributes.h - accel dialect attributes -------------*- C++ -*-===//

#ifndef ACCEL_DIALECT_ACCEL_IR_ACCELATTRIBUTES_H
#define ACCEL_DIALECT_ACCEL_IR_ACCELATTRIBUTES_H

#include "accel/Dialect/Accel/IR/AccelDialect.h"
#include "accel/Model/Dataflow.h"
#include "accel/Model/Dim.h"
#include "accel/Model/Hardware.h"
#include "accel/Model/TargetModel.h"

#include "mlir/IR/Attributes.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/Hashing.h"

#include <memory>

namespace mlir::accel {

inline llvm::hash_code hash_value(const SizeExpr &expr) {
  return expr.sizeOf ? llvm::hash_combine(true, *expr.sizeOf)
                     : llvm::hash_combine(false, expr.value);
}

AsmPrinter &operator<<(AsmPrinter &printer, const SizeExpr &expr);
AsmPrinter &operator<<(AsmPrinter &printer, Dim dim);
AsmPrinter &operator<<(AsmPrinter &printer, ClusterKind kind);

/// Parses `true` or `false`.
FailureOr<bool> parseBoolKeyword(AsmParser &parser);

/// `[K, C, OY]`: a bracketed list of canonical dimensions.
FailureOr<SmallVector<Dim>> parseDimList(AsmParser &parser);
void printDimList(AsmPrinter &printer, ArrayRef<Dim> dims);

/// Verifies one directive on its own (positive sizes, no skipping offset).
LogicalResult
verifyDirectiveAttr(llvm::function_ref<InFlightDiagnostic()> emitError,
                    const Directive &directive);

} // namespace mlir::accel

namespace mlir {
template <> struct FieldParser<accel::SizeExpr> {
  static FailureOr<accel::SizeExpr> parse(AsmParser &parser);
};
template <> struct FieldParser<accel::Dim> {
  static FailureOr<accel::Dim> parse(AsmParser &parser);
};
template <> struct FieldParser<accel::ClusterKind> {
  static FailureOr<accel::ClusterKind> parse(AsmParser &parser);
};
} // namespace mlir

#include "accel/Dialect/Accel/IR/AccelAttrInterfaces.h.inc"
#include "accel/Dialect/Accel/IR/AccelEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "accel/Dialect/Accel/IR/AccelAttributes.h.inc"

#endif // ACCEL_DIALECT_ACCEL_IR_ACCELATTRIBUTES_H
