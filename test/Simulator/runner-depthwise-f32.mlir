// A 3x3 depthwise NHWC convolution (6 channels, 5x5 image) on the default
// MAERI mapping against mlir-runner.
// RUN: accel-opt %s --convert-linalg-to-accel  --accel-emit-maeri-schedule '--accel-simulate=print-output=true' -o /dev/null \
// RUN:   | FileCheck %s
// RUN: mlir-opt %s --one-shot-bufferize="bufferize-function-boundaries" --convert-linalg-to-loops --convert-scf-to-cf --convert-cf-to-llvm --expand-strided-metadata --lower-affine --finalize-memref-to-llvm --convert-arith-to-llvm --convert-func-to-llvm --reconcile-unrealized-casts \
// RUN:   | mlir-runner -e main -entry-point-result=void -shared-libs=%mlir_runner_libs \
// RUN:   | FileCheck %s

func.func private @printMemrefF32(tensor<*xf32>)
func.func @main() {
  %in = arith.constant dense<[[[[0.0, -1.25, 0.25, 0.5, -0.75, -0.75], [0.75, -0.5, -0.25, 1.25, 1.25, 0.0], [-1.25, -1.0, 0.5, -1.0, -0.75, 0.75], [1.0, -0.25, 1.0, 1.25, 0.0, -1.25], [-1.0, 0.25, 0.5, -0.75, 0.75, 1.0]], [[-0.5, -0.25, 1.25, 0.0, 0.25, -1.25], [0.25, 0.5, -0.75, -0.5, 0.75, -0.5], [-0.25, 1.25, -1.25, 0.0, -1.25, -1.0], [0.5, -0.75, -0.75, 0.75, 1.0, -0.25], [1.25, 1.25, 0.0, -1.25, -1.0, 0.5]], [[0.75, -0.75, 0.75, 1.0, -0.25, 0.0], [1.25, 0.0, 0.25, -1.0, 0.5, 0.5], [-0.75, -0.5, 1.0, -0.25, -0.25, 1.25], [0.0, 0.25, -1.0, -1.0, 0.5, -0.75], [-0.5, 1.0, 1.0, -0.25, 1.25, -1.25]], [[0.25, -1.25, -1.0, 0.5, 0.75, -0.5], [0.75, 1.0, -0.25, 0.0, -1.25, 0.0], [0.25, -1.0, 0.5, 0.75, -0.75, -0.5], [1.0, -0.25, 0.0, 1.25, 0.0, 0.25], [-1.0, -0.75, 0.5, -0.75, -0.5, 1.0]], [[1.25, -0.25, 1.25, -1.25, 0.25, -1.0], [-1.0, 0.5, 0.75, -0.5, 1.0, 1.25], [-0.25, 0.0, -1.25, 0.25, 0.5, -1.0], [0.5, 0.75, -0.5, -0.25, 1.0, -0.25], [0.0, -1.25, 0.25, 0.25, -1.0, -0.75]]]]> : tensor<1x5x5x6xf32>
  %w = arith.constant dense<[[[1.0, 1.5, 1.0, 0.5, 0.5, 0.0], [-0.5, 0.0, -0.5, -0.5, -1.0, -1.5], [-1.0, -1.5, -1.5, -2.0, 2.0, -2.0]], [[2.0, 1.0, 1.5, 1.0, 1.5, 1.0], [0.0, 0.5, 0.0, -0.5, 0.0, -1.0], [-0.5, -1.0, -1.5, -1.0, -2.0, -1.5]], [[-2.0, 2.0, -2.0, 1.5, 1.0, 1.5], [1.0, 1.5, 0.5, 0.0, 0.5, 0.0], [0.5, -0.5, -1.0, -0.5, -1.0, -1.5]]]> : tensor<3x3x6xf32>
  %init = arith.constant dense<0.0> : tensor<1x3x3x6xf32>
  %out = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%in, %w : tensor<1x5x5x6xf32>, tensor<3x3x6xf32>) outs(%init : tensor<1x3x3x6xf32>) -> tensor<1x3x3x6xf32>
  %u = tensor.cast %out : tensor<1x3x3x6xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}

// CHECK: rank = 4 offset = 0 sizes = [1, 3, 3, 6] strides = [54, 18, 6, 1] data =
// CHECK-NEXT: {{\[\[\[\[}}-0.625,     -2.875,     1,     3.5,     0,     -2.625],
// CHECK-NEXT: [-2.625,     0.625,     -1,     -3.625,     0.375,     4.125],
// CHECK-NEXT: [-0.625,     -3.375,     -6.125,     1,     0,     2.125]],
// CHECK-NEXT: {{\[\[}}1.875,     -3,     4.5,     2.375,     -2.125,     0.375],
// CHECK-NEXT: [1.625,     2,     3.625,     -2.25,     1.75,     2],
// CHECK-NEXT: [-3,     -3.375,     -2.375,     4.125,     -6.75,     1]],
// CHECK-NEXT: {{\[\[}}-2.375,     0.125,     -4,     -0.75,     1.75,     -3],
// CHECK-NEXT: [4.625,     1,     -0.75,     -0.625,     -0.125,     2],
// CHECK-NEXT: [1.75,     -0.875,     2,     2,     3.75,     1]]]]
