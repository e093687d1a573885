// accel-opt knows the upstream dialects real linalg files contain, and
// canonicalize / cse.
// RUN: accel-opt %s --canonicalize --cse | FileCheck %s

// CHECK-LABEL: func.func @upstream
// CHECK: linalg.conv_2d_nchw_fchw
// CHECK: ml_program.global
func.func @upstream(%in: tensor<1x4x6x6xf32>, %w: tensor<8x4x3x3xf32>) -> tensor<1x8x4x4xf32> {
  %zero = arith.constant 0.0 : f32
  %empty = tensor.empty() : tensor<1x8x4x4xf32>
  %init = linalg.fill ins(%zero : f32) outs(%empty : tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  %0 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>}
         ins(%in, %w : tensor<1x4x6x6xf32>, tensor<8x4x3x3xf32>) outs(%init : tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  %m = memref.alloc() : memref<4xf32>
  memref.dealloc %m : memref<4xf32>
  %e = math.exp %zero : f32
  affine.for %i = 0 to 4 {
  }
  scf.execute_region {
    cf.br ^bb1
  ^bb1:
    scf.yield
  }
  %t = bufferization.alloc_tensor() : tensor<4xf32>
  return %0 : tensor<1x8x4x4xf32>
}
ml_program.global private @weights(dense<1.0> : tensor<4xf32>) : tensor<4xf32>

// An accel.layer whose result is unused is pure and goes away.
// CHECK-LABEL: func.func @dead_layer
// CHECK-NOT: accel.layer
func.func @dead_layer(%in: tensor<1x4x6x6xf32>, %w: tensor<8x4x3x3xf32>, %init: tensor<1x8x4x4xf32>) {
  %0 = accel.layer "l" conv2d dims <K = 8, C = 4, R = 3, S = 3, Y = 6, X = 6>
         layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x6x6xf32>, tensor<8x4x3x3xf32>)
         outs(%init : tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return
}
