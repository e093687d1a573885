// Batch 2 (STONNE cannot run N > 1): the simulated MAERI's output for a 3x3
// NCHW convolution of two images (C = 3, K = 2, 5x5, default schedule: one
// image per tile, two N tiles) equals MLIR's own execution of the linalg op
// run by mlir-runner; both print through the same CHECK lines.
// RUN: accel-opt %s --convert-linalg-to-accel --accel-emit-maeri-schedule '--accel-simulate=print-output=true' -o /dev/null \
// RUN:   | FileCheck %s
// RUN: mlir-opt %s --one-shot-bufferize="bufferize-function-boundaries" --convert-linalg-to-loops --convert-scf-to-cf --convert-cf-to-llvm --expand-strided-metadata --lower-affine --finalize-memref-to-llvm --convert-arith-to-llvm --convert-func-to-llvm --reconcile-unrealized-casts \
// RUN:   | mlir-runner -e main -entry-point-result=void -shared-libs=%mlir_runner_libs \
// RUN:   | FileCheck %s

func.func private @printMemrefF32(tensor<*xf32>)
func.func @main() {
  %in = arith.constant dense<[[[[-0.25, 0.75, -1.0, 0.0, 1.0], [-0.75, 0.25, 1.25, -0.5, 0.5], [-1.25, -0.25, 0.75, -1.0, 0.0], [1.0, -0.75, 0.25, 1.25, -0.5], [0.5, -1.25, -0.25, 0.75, -1.0]], [[0.0, 1.0, -0.75, 0.25, 1.25], [-0.5, 0.5, -1.25, -0.25, 0.75], [-1.0, 0.0, 1.0, -0.75, 0.25], [1.25, -0.5, 0.5, -1.25, -0.25], [0.75, -1.0, 0.0, 1.0, -0.75]], [[0.25, 1.25, -0.5, 0.5, -1.25], [-0.25, 0.75, -1.0, 0.0, 1.0], [-0.75, 0.25, 1.25, -0.5, 0.5], [-1.25, -0.25, 0.75, -1.0, 0.0], [1.0, -0.75, 0.25, 1.25, -0.5]]], [[[0.5, -1.25, -0.25, 0.75, -1.0], [0.0, 1.0, -0.75, 0.25, 1.25], [-0.5, 0.5, -1.25, -0.25, 0.75], [-1.0, 0.0, 1.0, -0.75, 0.25], [1.25, -0.5, 0.5, -1.25, -0.25]], [[0.75, -1.0, 0.0, 1.0, -0.75], [0.25, 1.25, -0.5, 0.5, -1.25], [-0.25, 0.75, -1.0, 0.0, 1.0], [-0.75, 0.25, 1.25, -0.5, 0.5], [-1.25, -0.25, 0.75, -1.0, 0.0]], [[1.0, -0.75, 0.25, 1.25, -0.5], [0.5, -1.25, -0.25, 0.75, -1.0], [0.0, 1.0, -0.75, 0.25, 1.25], [-0.5, 0.5, -1.25, -0.25, 0.75], [-1.0, 0.0, 1.0, -0.75, 0.25]]]]> : tensor<2x3x5x5xf32>
  %w = arith.constant dense<[[[[-2.0, 1.5, 0.5], [1.5, 0.5, -0.5], [0.5, -0.5, -1.5]], [[1.5, 0.5, -0.5], [0.5, -0.5, -1.5], [-0.5, -1.5, 2.0]], [[0.5, -0.5, -1.5], [-0.5, -1.5, 2.0], [-1.5, 2.0, 1.0]]], [[[-1.5, 2.0, 1.0], [2.0, 1.0, 0.0], [1.0, 0.0, -1.0]], [[2.0, 1.0, 0.0], [1.0, 0.0, -1.0], [0.0, -1.0, -2.0]], [[1.0, 0.0, -1.0], [0.0, -1.0, -2.0], [-1.0, -2.0, 1.5]]]]> : tensor<2x3x3x3xf32>
  %init = arith.constant dense<0.0> : tensor<2x2x3x3xf32>
  %out = linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%in, %w : tensor<2x3x5x5xf32>, tensor<2x3x3x3xf32>) outs(%init : tensor<2x2x3x3xf32>) -> tensor<2x2x3x3xf32>
  %u = tensor.cast %out : tensor<2x2x3x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}

// CHECK: rank = 4 offset = 0 sizes = [2, 2, 3, 3] strides = [18, 9, 3, 1] data =
// CHECK-NEXT: {{\[\[\[\[}}2.75,     1.375,     4.125],
// CHECK-NEXT: [5.5,     -4.125,     -6.875],
// CHECK-NEXT: [1.375,     2.75,     1.375]],
// CHECK-NEXT: {{\[\[}}1.5,     0.125,     1.5],
// CHECK-NEXT: [-1.25,     0.125,     -2.625],
// CHECK-NEXT: [1.5,     1.5,     0.125]]],
// CHECK-NEXT: {{\[\[\[}}0,     1.375,     2.75],
// CHECK-NEXT: [2.75,     -6.875,     5.5],
// CHECK-NEXT: [0,     0,     1.375]],
// CHECK-NEXT: {{\[\[}}0.125,     1.5,     1.5],
// CHECK-NEXT: [-2.625,     0.125,     -1.25],
// CHECK-NEXT: [1.5,     0.125,     1.5]]]]
