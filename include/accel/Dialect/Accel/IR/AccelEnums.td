//===- AccelEnums.td - accel dialect enums -----------------*- tablegen -*-===//

#ifndef ACCEL_DIALECT_ACCEL_IR_ACCELENUMS_TD
#define ACCEL_DIALECT_ACCEL_IR_ACCELENUMS_TD

include "accel/Dialect/Accel/IR/AccelDialect.td"
include "mlir/IR/EnumAttr.td"

def Accel_LayerKind : I32EnumAttr<"LayerKind", "kind of conv-like layer", [
    I32EnumAttrCase<"Conv2d", 0, "conv2d">,
    I32EnumAttrCase<"Depthwise", 1, "depthwise">,
    I32EnumAttrCase<"Grouped", 2, "grouped">,
    I32EnumAttrCase<"Gemm", 3, "gemm">
  ]> {
  let cppNamespace = "::mlir::accel";
  let genSpecializedAttr = 0;
}

def Accel_LayerKindAttr : EnumAttr<Accel_Dialect, Accel_LayerKind, "layer_kind"> {
  let assemblyFormat = "`<` $value `>`";
  let summary = "kind of conv-like layer";
  let description = [{
    `conv2d`: G = 1. `depthwise`: one input channel per group (C = 1), G is
    the number of channels and K the channel multiplier. `grouped`: G groups
    of C input and K output channels each. `gemm`: a matrix product, with
    R = S = 1, unit stride and dilation, no padding (see docs/Dialect.md for
    the M, N, K mapping).
  }];
}

#endif // ACCEL_DIALECT_ACCEL_IR_ACCELENUMS_TD
