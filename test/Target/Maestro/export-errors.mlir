// RUN: accel-translate --export-maestro %s -split-input-file -verify-diagnostics

func.func @f(%in: tensor<1x4x6x6xf32>, %w: tensor<8x4x3x3xf32>, %o: tensor<1x8x3x3xf32>) {
  // expected-warning @below {{padding is folded into the input size (MAESTRO has no padding)}}
  %0 = accel.layer "p" conv2d dims <K = 8, C = 4, R = 3, S = 3, Y = 6, X = 6> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x6x6xf32>, tensor<8x4x3x3xf32>) outs(%o : tensor<1x8x3x3xf32>)
         {padding = array<i64: 1, 1, 1, 1>, strides = array<i64: 2, 2>} -> tensor<1x8x3x3xf32>
  return
}

// -----

func.func @f(%in: tensor<1x4x9x9xf32>, %w: tensor<8x4x3x3xf32>, %o: tensor<1x8x5x5xf32>) {
  // expected-error @below {{MAESTRO has no dilation; layer 'd' cannot be exported}}
  %0 = accel.layer "d" conv2d dims <K = 8, C = 4, R = 3, S = 3, Y = 9, X = 9> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x9x9xf32>, tensor<8x4x3x3xf32>) outs(%o : tensor<1x8x5x5xf32>)
         {dilations = array<i64: 2, 2>} -> tensor<1x8x5x5xf32>
  return
}

// -----

func.func @f(%in: tensor<1x8x6x6xf32>, %w: tensor<8x2x3x3xf32>, %o: tensor<1x8x2x4x4xf32>) {
  // expected-error @below {{MAESTRO's DSCONV has no channel multiplier; layer 'dw' has K = 2}}
  %0 = accel.layer "dw" depthwise dims <G = 8, K = 2, R = 3, S = 3, Y = 6, X = 6> layout <"NGYX", "GKRS", "NGKYX">
         ins(%in, %w : tensor<1x8x6x6xf32>, tensor<8x2x3x3xf32>) outs(%o : tensor<1x8x2x4x4xf32>) -> tensor<1x8x2x4x4xf32>
  return
}

// -----

func.func @f(%a: tensor<2x16x64xf32>, %b: tensor<2x64x32xf32>, %c: tensor<2x16x32xf32>) {
  // expected-error @below {{dimension G = 2 has no counterpart in a MAESTRO GEMM layer}}
  %0 = accel.layer "bmm" gemm dims <G = 2, K = 32, C = 64, Y = 16> layout <"GYC", "GCK", "GYK">
         ins(%a, %b : tensor<2x16x64xf32>, tensor<2x64x32xf32>) outs(%c : tensor<2x16x32xf32>) -> tensor<2x16x32xf32>
  return
}

// -----

func.func @f(%a: tensor<16x64xf32>, %b: tensor<64x32xf32>, %c: tensor<16x32xf32>) {
  // expected-error @below {{a directive on OX cannot be written for a MAESTRO GEMM layer (its dimensions: M, N, K)}}
  %0 = accel.layer "fc" gemm dims <K = 32, C = 64, Y = 16> layout <"YC", "CK", "YK">
         ins(%a, %b : tensor<16x64xf32>, tensor<64x32xf32>) outs(%c : tensor<16x32xf32>)
         dataflow <"df", [#accel.spatial_map<1, 1, Y>, #accel.temporal_map<1, 1, OX>]> -> tensor<16x32xf32>
  return
}

// -----

func.func @f(%in: tensor<1x8x6x6xi8>, %w: tensor<8x1x1xi8>, %zi: i32, %zw: i32, %o: tensor<1x8x6x6xi32>) {
  // expected-warning @below {{zero points are dropped: MAESTRO does not model quantization}}
  %0 = accel.layer "q" depthwise dims <G = 8, Y = 6, X = 6> layout <"NGYX", "GRS", "NGYX">
         ins(%in, %w : tensor<1x8x6x6xi8>, tensor<8x1x1xi8>) zero_points(%zi, %zw : i32, i32) outs(%o : tensor<1x8x6x6xi32>) -> tensor<1x8x6x6xi32>
  return
}

// -----

// expected-error @below {{nothing to export: no accel.layer inside a func.func}}
module {
  func.func @empty() {
    return
  }
}
