//===- AccelOps.td - accel dialect operations --------------*- tablegen -*-===//

#ifndef ACCEL_DIALECT_ACCEL_IR_ACCELOPS_TD
#define ACCEL_DIALECT_ACCEL_IR_ACCELOPS_TD

include "accel/Dialect/Accel/IR/AccelAttributes.td"
include "accel/Dialect/Accel/IR/AccelDialect.td"
include "accel/Dialect/Accel/IR/AccelEnums.td"
include "mlir/IR/OpAsmInterface.td"
include "mlir/IR/OpBase.td"
include "mlir/Interfaces/SideEffectInterfaces.td"

class Accel_Op<string mnemonic, list<Trait> traits = []>
    : Op<Accel_Dialect, mnemonic, traits>;

// The numbers an accelerator multiplies and accumulates: no index, complex
// or other element types (the executor, the lowering and the energy model
// all need a bit width and integer or float arithmetic).
def Accel_NumberTensor : RankedTensorOf<[AnySignlessInteger, AnyFloat]>;

def Accel_LayerOp : Accel_Op<"layer", [
    Pure, AllTypesMatch<["init", "result"]>,
    DeclareOpInterfaceMethods<OpAsmOpInterface, ["getAsmResultNames"]>]> {
  let summary = "one conv-like layer, optionally with a dataflow and its cost";
  let description = [{
    A convolution (plain, depthwise or grouped) or matrix product on
    tensors, described by its canonical dimension sizes (`dims`), stride,
    dilation and padding, together with the tensors it reads (`input`,
    `filter`, optional zero points of quantized forms) and the tensor it
    accumulates into (`init`). `layout` says which canonical dimension each
    tensor dimension is; the verifier checks every operand shape against
    `dims` through it.

    `strides` and `dilations` are {rows, cols}; `padding` is
    {top, bottom, left, right} and is implicit zero padding of the input.
    With Y, X the unpadded input size, the output has
    (Y + top + bottom - dilation * (R - 1) - 1) / stride + 1 rows.

    When a `dataflow` is attached, the verifier binds it to the layer: every
    `sz(D)` is resolved, map sizes larger than their dimension are clamped
    to it (as MAESTRO does), offsets must not skip elements, and, when the
    enclosing module has an `accel.target`, the clusters must fit its PE
    array. Dimensions a level does not map take the whole range left by the
    enclosing levels (MAESTRO's rule), so every dimension is covered at
    every level. `cost` holds the cost model's results, `schedule` how a
    target runs the layer (an attribute of the target, e.g.
    `#accel.maeri_schedule`, checked against the layer and the model of the
    module's target).

    Example:

    ```mlir
    %0 = accel.layer "conv_11" conv2d
           dims <N = 1, G = 1, K = 512, C = 512, R = 3, S = 3, Y = 14, X = 14>
           layout <"NCYX", "KCRS", "NKYX">
           ins(%in, %w : tensor<1x512x14x14xf32>, tensor<512x512x3x3xf32>)
           outs(%init : tensor<1x512x12x12xf32>)
           -> tensor<1x512x12x12xf32>
    ```
  }];
  let arguments = (ins
    StrAttr:$name,
    Accel_LayerKindAttr:$kind,
    Accel_DimsAttr:$dims,
    Accel_LayoutAttr:$layout,
    DefaultValuedAttr<DenseI64ArrayAttr, "{1, 1}">:$strides,
    DefaultValuedAttr<DenseI64ArrayAttr, "{1, 1}">:$dilations,
    DefaultValuedAttr<DenseI64ArrayAttr, "{0, 0, 0, 0}">:$padding,
    OptionalAttr<Accel_DataflowAttr>:$dataflow,
    OptionalAttr<Accel_CostAttr>:$cost,
    OptionalAttr<Accel_ScheduleAttrInterface>:$schedule,
    Accel_NumberTensor:$input,
    Accel_NumberTensor:$filter,
    Variadic<AnySignlessInteger>:$zero_points,
    Accel_NumberTensor:$init
  );
  let results = (outs Accel_NumberTensor:$result);
  let assemblyFormat = [{
    $name custom<LayerKind>($kind) `dims` $dims `layout` $layout
    `ins` `(` $input `,` $filter `:` type($input) `,` type($filter) `)`
    (`zero_points` `(` $zero_points^ `:` type($zero_points) `)`)?
    `outs` `(` $init `:` type($init) `)`
    (`dataflow` $dataflow^)?
    attr-dict `->` type($result)
  }];
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// The MLIR-free shape (sizes, stride, dilation, padding). Only valid
    /// on a verified op.
    ::mlir::accel::LayerShape getShape();
    /// The target of the closest enclosing op that has `accel.target`.
    TargetAttrInterface getTarget();
  }];
}

#endif // ACCEL_DIALECT_ACCEL_IR_ACCELOPS_TD
