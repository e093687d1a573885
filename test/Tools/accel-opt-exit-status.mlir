// Bad IR: a diagnostic with file:line:col on stderr and a non-zero exit.
// RUN: not accel-opt %s 2>&1 | FileCheck %s

// CHECK: accel-opt-exit-status.mlir:[[# @LINE + 4]]:8: error: 'accel.layer' op output dimension 1 (K) is 9 but the layer says 8
// CHECK-NOT: error
func.func @f(%in: tensor<1x4x6x6xf32>, %w: tensor<8x4x3x3xf32>,
             %init: tensor<1x9x4x4xf32>) -> tensor<1x9x4x4xf32> {
  %0 = accel.layer "l" conv2d dims <K = 8, C = 4, R = 3, S = 3, Y = 6, X = 6>
         layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x6x6xf32>, tensor<8x4x3x3xf32>)
         outs(%init : tensor<1x9x4x4xf32>) -> tensor<1x9x4x4xf32>
  return %0 : tensor<1x9x4x4xf32>
}
