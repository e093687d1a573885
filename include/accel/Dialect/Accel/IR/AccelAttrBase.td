//===- AccelAttrBase.td - Base of accel attributes ---------*- tablegen -*-===//
//
// What every attribute of the accel dialect builds on, the core's and the
// targets' (include/accel/Target/*/IR): the attribute class and the shared
// parameter kinds. Holds no AttrDef, so a target's .td can include it and
// generate only its own attributes.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_DIALECT_ACCEL_IR_ACCELATTRBASE_TD
#define ACCEL_DIALECT_ACCEL_IR_ACCELATTRBASE_TD

include "accel/Dialect/Accel/IR/AccelDialect.td"
include "mlir/IR/AttrTypeBase.td"

class Accel_Attr<string name, string attrMnemonic, list<Trait> traits = []>
    : AttrDef<Accel_Dialect, name, traits> {
  let mnemonic = attrMnemonic;
}

//===----------------------------------------------------------------------===//
// Parameters
//===----------------------------------------------------------------------===//

// `true` / `false` keywords (the generic integer parser would want 1 / 0).
class Accel_BoolParameter<string value, string desc>
    : DefaultValuedParameter<"bool", value, desc> {
  let parser = [{ ::mlir::accel::parseBoolKeyword($_parser) }];
  let printer = [{ $_printer << ($_self ? "true" : "false") }];
}

def Accel_SizeExprParameter
    : AttrParameter<"::mlir::accel::SizeExpr",
                    "a positive integer or `sz(D)`, the size of dimension D"> {
}

def Accel_DimParameter
    : AttrParameter<"::mlir::accel::Dim",
                    "canonical dimension: N, G, K, C, R, S, Y, X, OY, OX"> {
}

def Accel_DimListParameter
    : ArrayRefParameter<"::mlir::accel::Dim", "canonical dimensions"> {
  let parser = [{ ::mlir::accel::parseDimList($_parser) }];
  let printer = [{ ::mlir::accel::printDimList($_printer, $_self) }];
}

#endif // ACCEL_DIALECT_ACCEL_IR_ACCELATTRBASE_TD
