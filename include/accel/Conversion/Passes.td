//===- Passes.td - accel conversion passes -----------------*- tablegen -*-===//

#ifndef ACCEL_CONVERSION_PASSES_TD
#define ACCEL_CONVERSION_PASSES_TD

include "mlir/Pass/PassBase.td"

def ConvertLinalgToAccel : Pass<"convert-linalg-to-accel", "::mlir::ModuleOp"> {
  let summary = "Turn linalg convolutions and matmuls into accel.layer ops";
  let description = [{
    Every 2-D convolution and matrix product that real frontends emit becomes
    an `accel.layer`: the named ops (`conv_2d_*`, grouped `conv_2d_ng*` /
    `conv_2d_nhwgc*`, `depthwise_conv_2d_*`, their quantized `_q` forms with
    the zero points kept, `matmul`, `batch_matmul`) and `linalg.generic` ops
    whose body is a multiply-accumulate and whose indexing maps are a
    convolution or a contraction. Named and generic ops share one path:
    `linalg::inferConvolutionDims` / `inferContractionDims` classify the
    loops (batch -> N, depth -> G, output channel -> K, input channel -> C,
    filter loops -> R, S, output image -> OY, OX; for contractions batch -> G,
    m -> Y, n -> K, k -> C), and the indexing maps give the layout, strides
    and dilations.

    A `tensor.pad` with constant zero padding (or padding equal to the input
    zero point) on the image dimensions that feeds the input is folded into
    the layer's `padding`; the layer reads the unpadded tensor, and
    `accel-lower-to-linalg` re-creates the pad.

    Layers are named by kind and position (`conv_11` is the 11th plain
    convolution; `dwconv_`, `gconv_`, `matmul_`) and keep the location of the
    op they replace. Dynamic shapes are an error naming the op (try
    `--canonicalize` first); 1-D and 3-D convolutions and contractions that
    are not matrix products get a remark and stay as they are. Everything
    else (pooling, elementwise generics, reshapes) is untouched.

    Example:

    ```mlir
    %p = tensor.pad %x low[0, 0, 1, 1] high[0, 0, 1, 1] { ... tensor.yield %zero }
    %0 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>,
                                   strides = dense<1> : vector<2xi64>}
           ins(%p, %w : tensor<1x512x16x16xf32>, tensor<512x512x3x3xf32>)
           outs(%init : tensor<1x512x14x14xf32>) -> tensor<1x512x14x14xf32>
    ```

    becomes

    ```mlir
    %conv_11 = accel.layer "conv_11" conv2d
                 dims <N = 1, G = 1, K = 512, C = 512, R = 3, S = 3, Y = 14, X = 14>
                 layout <"NCYX", "KCRS", "NKYX">
                 ins(%x, %w : tensor<1x512x14x14xf32>, tensor<512x512x3x3xf32>)
                 outs(%init : tensor<1x512x14x14xf32>)
                 {padding = array<i64: 1, 1, 1, 1>} -> tensor<1x512x14x14xf32>
    ```
  }];
  let statistics = [
    Statistic<"numLayers", "layers", "Number of accel.layer ops created">,
    Statistic<"numPadsFolded", "pads-folded", "Number of tensor.pad ops folded">
  ];
  let dependentDialects = ["::mlir::accel::AccelDialect"];
}

def AccelLowerToLinalg : Pass<"accel-lower-to-linalg", "::mlir::ModuleOp"> {
  let summary = "Turn accel.layer ops back into linalg";
  let description = [{
    The inverse of `convert-linalg-to-accel`: each `accel.layer` becomes the
    named linalg op of its kind and layout (`conv_2d_nchw_fchw`,
    `depthwise_conv_2d_nhwc_hwcm_q`, `matmul`, ...), preceded by a
    `tensor.pad` when the layer has padding (padding with zero, or with the
    input zero point of a quantized layer). A layout no named op has becomes
    a `linalg.generic` with the same indexing maps and a multiply-accumulate
    body. Converting and lowering gives IR equivalent to the input.

    Example: the `accel.layer` of `convert-linalg-to-accel`'s example
    becomes a `tensor.pad` and a `linalg.conv_2d_nchw_fchw` again.
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect",
                           "::mlir::tensor::TensorDialect",
                           "::mlir::arith::ArithDialect"];
}

#endif // ACCEL_CONVERSION_PASSES_TD
