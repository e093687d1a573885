// A 5x7 by 7x3 matmul accumulating onto a non-zero constant, TPU-like
// weight-stationary schedule, against mlir-runner.
// RUN: accel-opt %s --convert-linalg-to-accel --accel-assign-dataflow=dataflow=tpu_ws --accel-emit-maeri-schedule '--accel-simulate=print-output=true' -o /dev/null \
// RUN:   | FileCheck %s
// RUN: mlir-opt %s --one-shot-bufferize="bufferize-function-boundaries" --convert-linalg-to-loops --convert-scf-to-cf --convert-cf-to-llvm --expand-strided-metadata --lower-affine --finalize-memref-to-llvm --convert-arith-to-llvm --convert-func-to-llvm --reconcile-unrealized-casts \
// RUN:   | mlir-runner -e main -entry-point-result=void -shared-libs=%mlir_runner_libs \
// RUN:   | FileCheck %s

func.func private @printMemrefF32(tensor<*xf32>)
func.func @main() {
  %a = arith.constant dense<[[1.0, -1.5, 1.5, 1.5, -1.0, -0.5, 2.5], [0.0, 0.0, -2.5, 0.5, 1.0, -1.5, -1.5], [1.5, -1.0, -0.5, 2.5, 2.5, 0.0, -2.5], [-2.0, 1.0, -2.0, -1.5, 1.5, 2.0, -0.5], [2.0, 2.5, 0.0, -2.5, -2.0, 0.5, 1.0]]> : tensor<5x7xf32>
  %b = arith.constant dense<[[0.25, -0.5, 0.25], [-0.25, 0.5, -0.5], [0.5, -0.5, 0.25], [-0.25, 0.5, -0.25], [0.5, -0.5, 0.75], [-0.25, 0.75, -0.25], [0.5, 0.0, 0.75]]> : tensor<7x3xf32>
  %init = arith.constant dense<1.5> : tensor<5x3xf32>
  %out = linalg.matmul ins(%a, %b : tensor<5x7xf32>, tensor<7x3xf32>) outs(%init : tensor<5x3xf32>) -> tensor<5x3xf32>
  %u = tensor.cast %out : tensor<5x3xf32> to tensor<*xf32>
  call @printMemrefF32(%u) : (tensor<*xf32>) -> ()
  return
}

// CHECK: rank = 2 offset = 0 sizes = [5, 3] strides = [3, 1] data =
// CHECK-NEXT: {{\[\[}}3.375,   0.375,   3.75],
// CHECK-NEXT: [0.25,   1.375,   0.75],
// CHECK-NEXT: [1.25,   0.5,   1.625],
// CHECK-NEXT: [0.125,   4,   0.625],
// CHECK-NEXT: [1.375,   1.875,   0.5]]
