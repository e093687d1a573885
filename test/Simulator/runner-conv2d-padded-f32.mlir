// A zero-padded (tensor.pad folded into the layer), stride-2 NHWC
// convolution under NLR: the executor's padding and strides match
// mlir-runner's execution of the pad and the linalg op.
// RUN: accel-opt %s --convert-linalg-to-accel --accel-assign-dataflow=dataflow=nlr --accel-emit-maeri-schedule '--accel-simulate=print-output=true' -o /dev/null \
// RUN:   | FileCheck %s
// RUN: mlir-opt %s --one-shot-bufferize="bufferize-function-boundaries" --convert-linalg-to-loops --convert-scf-to-cf --convert-cf-to-llvm --expand-strided-metadata --lower-affine --finalize-memref-to-llvm --convert-arith-to-llvm --convert-func-to-llvm --reconcile-unrealized-casts \
// RUN:   | mlir-runner -e main -entry-point-result=void -shared-libs=%mlir_runner_libs \
// RUN:   | FileCheck %s

func.func private @printMemrefF32(tensor<*xf32>)
func.func @main() {
  %raw = arith.constant dense<[[[[1.0, -1.5], [1.5, 1.5], [-1.0, -0.5], [2.5, 0.0], [0.0, -2.5]], [[0.5, 1.0], [-1.5, -1.5], [1.5, -1.0], [-0.5, 2.5], [2.5, 0.0]], [[-2.5, -2.0], [1.0, -2.0], [-1.5, 1.5], [2.0, -0.5], [2.0, 2.5]], [[0.0, -2.5], [-2.0, 0.5], [1.0, -1.5], [1.5, 2.0], [-1.0, -0.5]], [[2.5, 0.0], [0.5, -2.5], [0.5, 1.0], [-1.5, -1.0], [1.5, -1.0]]]]> : tensor<1x5x5x2xf32>
  %w = arith.constant dense<[[[[0.25, -0.5], [0.25, -0.25]], [[0.5, -0.5], [0.5, -0.5]], [[0.25, -0.25], [0.5, -0.25]]], [[[0.5, -0.5], [0.75, -0.25]], [[0.75, -0.25], [0.5, 0.0]], [[0.75, -0.5], [0.75, -0.25]]], [[[-0.75, 0.0], [0.5, 0.0]], [[0.75, -0.25], [-0.75, -0.25]], [[-0.75, 0.0], [0.75, 0.25]]]]> : tensor<3x3x2x2xf32>
  %zero = arith.constant 0.0 : f32
  %in = tensor.pad %raw low[0, 1, 1, 0] high[0, 1, 1, 0] {
  ^bb0(%a: index, %b: index, %c: index, %d: index):
    tensor.yield %zero : f32
  } : tensor<1x5x5x2xf32> to tensor<1x7x7x2xf32>
  %init = arith.constant dense<0.0> : tensor<1x3x3x2xf32>
  %out = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%in, %w : tensor<1x7x7x2xf32>, tensor<3x3x2x2xf32>) outs(%init : tensor<1x3x3x2xf32>) -> tensor<1x3x3x2xf32>
  %u = tensor.cast %out : tensor<1x3x3x2xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}

// CHECK: rank = 4 offset = 0 sizes = [1, 3, 3, 2] strides = [18, 6, 2, 1] data =
// CHECK-NEXT: {{\[\[\[\[}}1.875,     -2.125],
// CHECK-NEXT: [7.25,     -1.625],
// CHECK-NEXT: [3.5,     -1.875]],
// CHECK-NEXT: {{\[\[}}-0.25,     1.375],
// CHECK-NEXT: [4.375,     0.5],
// CHECK-NEXT: [4.625,     -2.625]],
// CHECK-NEXT: {{\[\[}}-1.125,     1.375],
// CHECK-NEXT: [-1.875,     1.5],
// CHECK-NEXT: [-0.75,     0.125]]]]
