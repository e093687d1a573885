// The simulated MAERI's output for a 3x3 NCHW convolution (C = 3, K = 4,
// 6x6 image, NVDLA-derived schedule) equals MLIR's own execution of the
// linalg op (lowered to loops and LLVM, run by mlir-runner): both print
// through the same CHECK lines.
// RUN: accel-opt %s --convert-linalg-to-accel --accel-assign-dataflow=dataflow=nvdla --accel-emit-maeri-schedule '--accel-simulate=print-output=true' -o /dev/null \
// RUN:   | FileCheck %s
// RUN: mlir-opt %s --one-shot-bufferize="bufferize-function-boundaries" --convert-linalg-to-loops --convert-scf-to-cf --convert-cf-to-llvm --expand-strided-metadata --lower-affine --finalize-memref-to-llvm --convert-arith-to-llvm --convert-func-to-llvm --reconcile-unrealized-casts \
// RUN:   | mlir-runner -e main -entry-point-result=void -shared-libs=%mlir_runner_libs \
// RUN:   | FileCheck %s

func.func private @printMemrefF32(tensor<*xf32>)
func.func @main() {
  %in = arith.constant dense<[[[[-0.5, -0.25, 1.25, 0.0, 0.0, -1.25], [0.25, 0.5, -0.75, -0.75, 0.75, -0.5], [-0.25, 1.25, 1.25, 0.0, -1.25, -1.0], [0.5, -1.0, -0.75, 0.75, 1.0, -0.25], [1.0, 1.25, 0.0, -1.25, -1.0, 0.25], [0.5, -0.75, 0.75, 1.0, -0.5, -0.25]], [[1.25, 0.0, 0.25, -1.25, 0.25, 0.5], [-0.75, -0.5, 0.75, -0.5, -0.25, 1.25], [-1.25, 0.0, -1.25, -1.0, 0.5, -0.75], [-0.75, 0.75, 1.0, -0.25, 1.25, 1.25], [0.0, -1.25, -1.0, 0.5, 0.75, -0.75], [0.75, 1.0, -0.25, 0.0, 1.25, 0.0]], [[0.25, -1.0, 0.5, 0.5, -0.75, -0.5], [1.0, -0.25, -0.25, 1.25, 0.0, 0.25], [-1.0, -1.0, 0.5, -0.75, -0.5, 1.0], [1.0, -0.25, 1.25, -1.25, 0.25, -1.25], [-1.0, 0.5, 0.75, -0.5, 0.75, 1.0], [-0.25, 0.0, -1.25, 0.0, 0.25, -1.0]]]]> : tensor<1x3x6x6xf32>
  %w = arith.constant dense<[[[[1.5, 1.5, 1.0], [1.5, 1.0, 0.5], [0.5, 0.0, -0.5]], [[0.0, -0.5, -0.5], [-1.0, -1.5, -1.0], [-1.5, -1.5, -2.0]], [[2.0, -2.0, 2.0], [1.0, 1.5, 1.0], [1.5, 1.0, 0.0]]], [[[0.5, 0.0, -0.5], [0.0, -1.0, -0.5], [-1.0, -1.5, -1.0]], [[-2.0, -1.5, -2.0], [2.0, -2.0, 1.5], [1.0, 1.5, 1.0]], [[1.5, 0.5, 0.0], [0.5, 0.0, 0.5], [-0.5, -1.0, -0.5]]], [[[-1.0, -1.5, -1.5], [-2.0, -1.5, -2.0], [2.0, 2.0, 1.5]], [[1.0, 1.5, 1.0], [1.5, 0.5, 0.0], [0.5, 0.0, 0.5]], [[-0.5, -1.0, -0.5], [-1.0, -1.5, -1.5], [-2.0, -1.5, -2.0]]], [[[2.0, 2.0, 1.5], [1.0, 1.5, 1.0], [1.0, 0.5, 0.0]], [[0.5, 0.0, 0.0], [-0.5, -1.0, -0.5], [-1.0, -2.0, -1.5]], [[-2.0, -1.5, -2.0], [1.5, 2.0, 1.5], [2.0, 1.5, 0.5]]]]> : tensor<4x3x3x3xf32>
  %init = arith.constant dense<0.0> : tensor<1x4x4x4xf32>
  %out = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%in, %w : tensor<1x3x6x6xf32>, tensor<4x3x3x3xf32>) outs(%init : tensor<1x4x4x4xf32>) -> tensor<1x4x4x4xf32>
  %u = tensor.cast %out : tensor<1x4x4x4xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}

// CHECK: rank = 4 offset = 0 sizes = [1, 4, 4, 4] strides = [64, 16, 4, 1] data =
// CHECK-NEXT: {{\[\[\[\[}}6.25,     3.625,     4.875,     1.5],
// CHECK-NEXT: [4.125,     4.125,     -5.625,     -4.375],
// CHECK-NEXT: [7.625,     2,     0.625,     -5.375],
// CHECK-NEXT: [6.125,     -6.375,     1.125,     -7.375]],
// CHECK-NEXT: {{\[\[}}-7.25,     -6.5,     3.375,     6],
// CHECK-NEXT: [-1.625,     2.75,     1.125,     0.25],
// CHECK-NEXT: [-2.875,     -1,     11.625,     1],
// CHECK-NEXT: [2.625,     -1.75,     -3.375,     -3.5]],
// CHECK-NEXT: {{\[\[}}4.875,     4.5,     -1.25,     -3.5],
// CHECK-NEXT: [-10.875,     -3,     -0.125,     10.875],
// CHECK-NEXT: [-2.25,     -3,     -7.25,     -3.125],
// CHECK-NEXT: [1.125,     3.125,     7.25,     6.75]],
// CHECK-NEXT: {{\[\[}}2.625,     5.875,     7,     -0.625],
// CHECK-NEXT: [0.25,     -3.25,     -5,     -12.75],
// CHECK-NEXT: [10.75,     11,     0.75,     -9.25],
// CHECK-NEXT: [-4.75,     -0.75,     -3.875,     4.875]]]]
