//===- AccelDialect.cpp - The accel dialect -------------------------------===//

#include "accel/Dialect/Accel/IR/AccelDialect.h"
#include "accel/Dialect/Accel/IR/AccelAttributes.h"
#include "accel/Dialect/Accel/IR/AccelOps.h"

#include "mlir/IR/BuiltinOps.h"

using namespace mlir;
using namespace mlir::accel;

#include "accel/Dialect/Accel/IR/AccelDialect.cpp.inc"

void AccelDialect::initialize() {
  registerAttributes();
  addOperations<
#define GET_OP_LIST
#include "accel/Dialect/Accel/IR/AccelOps.cpp.inc"
      >();
}

LogicalResult AccelDialect::verifyOperationAttribute(Operation *op,
                                                     NamedAttribute attr) {
  StringRef name = attr.getName().strref();
  if (name != kTargetAttrName && name != kDataflowAttrName &&
      name != kDataflowAliasesAttrName)
    return op->emitError() << "unknown attribute '" << name
                           << "' in the accel dialect; known: '"
                           << kTargetAttrName << "', '" << kDataflowAttrName
                           << "', '" << kDataflowAliasesAttrName << "'";
  if (!isa<ModuleOp>(op))
    return op->emitError() << "'" << name << "' belongs on a builtin.module, "
                           << "not on '" << op->getName() << "'";
  Attribute value = attr.getValue();
  if (name == kTargetAttrName && !isa<TargetAttrInterface>(value))
    return op->emitError() << "'" << name
                           << "' must be a target (#accel.pe_array, or a "
                              "target's such as #accel.maeri), got "
                           << value;
  if (name == kDataflowAttrName && !isa<DataflowAttr>(value))
    return op->emitError() << "'" << name << "' must be a #accel.dataflow, got "
                           << value;
  if (name == kDataflowAliasesAttrName) {
    auto aliases = dyn_cast<ArrayAttr>(value);
    bool valid = aliases && llvm::all_of(aliases, [](Attribute alias) {
                   auto text = dyn_cast<StringAttr>(alias);
                   return text && !text.getValue().empty() &&
                          text.getValue() == text.getValue().lower();
                 });
    if (!valid)
      return op->emitError() << "'" << name
                             << "' must be an array of non-empty lower-case "
                                "strings, got "
                             << value;
  }
  return success();
}
