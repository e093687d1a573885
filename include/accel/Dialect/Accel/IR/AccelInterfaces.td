//===- AccelInterfaces.td - accel dialect interfaces -------*- tablegen -*-===//

#ifndef ACCEL_DIALECT_ACCEL_IR_ACCELINTERFACES_TD
#define ACCEL_DIALECT_ACCEL_IR_ACCELINTERFACES_TD

include "mlir/IR/OpBase.td"

def Accel_DirectiveAttrInterface : AttrInterface<"DirectiveAttrInterface"> {
  let cppNamespace = "::mlir::accel";
  let description = [{
    A data-centric directive (`spatial_map`, `temporal_map`, `cluster`): one
    entry of a `#accel.dataflow`. Gives the MLIR-free form the cost model and
    the other cores work on.
  }];
  let methods = [
    InterfaceMethod<"Returns the directive in MLIR-free form.",
      "::mlir::accel::Directive", "getDirective">
  ];
}

#endif // ACCEL_DIALECT_ACCEL_IR_ACCELINTERFACES_TD
