// linalg.generic convolutions and contractions take the same path as the
// named ops: recognised from their indexing maps and multiply-accumulate
// body.
// RUN: accel-opt %s --convert-linalg-to-accel | FileCheck %s
// RUN: accel-opt %s --convert-linalg-to-accel --accel-lower-to-linalg | FileCheck %s --check-prefix=RT

#in = affine_map<(n, f, oh, ow, c, kh, kw) -> (n, c, oh * 2 + kh, ow * 2 + kw)>
#w = affine_map<(n, f, oh, ow, c, kh, kw) -> (f, c, kh, kw)>
#out = affine_map<(n, f, oh, ow, c, kh, kw) -> (n, f, oh, ow)>

// A strided NCHW convolution written as a generic, with an f16 -> f32 cast.
// CHECK-LABEL: func.func @generic_conv
// CHECK: accel.layer "conv_1" conv2d dims <N = 1, G = 1, K = 8, C = 4, R = 3, S = 3, Y = 9, X = 9> layout <"NCYX", "KCRS", "NKYX"> ins(%arg0, %arg1 : tensor<1x4x9x9xf16>, tensor<8x4x3x3xf16>) outs(%arg2 : tensor<1x8x4x4xf32>) {strides = array<i64: 2, 2>}
// RT-LABEL: func.func @generic_conv
// RT: linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%arg0, %arg1 : tensor<1x4x9x9xf16>, tensor<8x4x3x3xf16>)
func.func @generic_conv(%a: tensor<1x4x9x9xf16>, %b: tensor<8x4x3x3xf16>, %c: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  %0 = linalg.generic {indexing_maps = [#in, #w, #out],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel", "reduction", "reduction", "reduction"]}
         ins(%a, %b : tensor<1x4x9x9xf16>, tensor<8x4x3x3xf16>) outs(%c : tensor<1x8x4x4xf32>) {
  ^bb0(%x: f16, %y: f16, %acc: f32):
    %xf = arith.extf %x : f16 to f32
    %yf = arith.extf %y : f16 to f32
    %m = arith.mulf %xf, %yf : f32
    %s = arith.addf %acc, %m : f32
    linalg.yield %s : f32
  } -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}

// A matmul written as a generic (what torch-mlir's decompositions give).
// CHECK-LABEL: func.func @generic_matmul
// CHECK: accel.layer "matmul_1" gemm dims <N = 1, G = 1, K = 32, C = 64, R = 1, S = 1, Y = 16, X = 1> layout <"YC", "CK", "YK">
// RT-LABEL: func.func @generic_matmul
// RT: linalg.matmul ins(%arg0, %arg1 : tensor<16x64xi8>, tensor<64x32xi8>) outs(%arg2 : tensor<16x32xi32>)
func.func @generic_matmul(%a: tensor<16x64xi8>, %b: tensor<64x32xi8>, %c: tensor<16x32xi32>) -> tensor<16x32xi32> {
  %0 = linalg.generic {indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (k, n)>, affine_map<(m, n, k) -> (m, n)>],
                       iterator_types = ["parallel", "parallel", "reduction"]}
         ins(%a, %b : tensor<16x64xi8>, tensor<64x32xi8>) outs(%c : tensor<16x32xi32>) {
  ^bb0(%x: i8, %y: i8, %acc: i32):
    %xi = arith.extsi %x : i8 to i32
    %yi = arith.extsi %y : i8 to i32
    %m = arith.muli %xi, %yi : i32
    %s = arith.addi %acc, %m : i32
    linalg.yield %s : i32
  } -> tensor<16x32xi32>
  return %0 : tensor<16x32xi32>
}

// Elementwise generics, pooling, fills and reductions are not layers.
// CHECK-LABEL: func.func @not_layers
// CHECK-NOT: accel.layer
// CHECK: linalg.generic
// CHECK: linalg.pooling_nchw_max
// CHECK: linalg.pooling_nhwc_sum
// CHECK-NOT: accel.layer
func.func @not_layers(%a: tensor<1x8x4x4xf32>, %win: tensor<2x2xf32>, %p: tensor<1x8x2x2xf32>,
                      %an: tensor<1x4x4x8xf32>, %pn: tensor<1x2x2x8xf32>) -> (tensor<1x8x4x4xf32>, tensor<1x8x2x2xf32>, tensor<1x2x2x8xf32>) {
  %0 = linalg.generic {indexing_maps = [affine_map<(a, b, c, d) -> (a, b, c, d)>, affine_map<(a, b, c, d) -> (a, b, c, d)>],
                       iterator_types = ["parallel", "parallel", "parallel", "parallel"]}
         ins(%a : tensor<1x8x4x4xf32>) outs(%a : tensor<1x8x4x4xf32>) {
  ^bb0(%x: f32, %o: f32):
    %m = arith.mulf %x, %x : f32
    linalg.yield %m : f32
  } -> tensor<1x8x4x4xf32>
  %1 = linalg.pooling_nchw_max {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>}
         ins(%a, %win : tensor<1x8x4x4xf32>, tensor<2x2xf32>) outs(%p : tensor<1x8x2x2xf32>) -> tensor<1x8x2x2xf32>
  %2 = linalg.pooling_nhwc_sum {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>}
         ins(%an, %win : tensor<1x4x4x8xf32>, tensor<2x2xf32>) outs(%pn : tensor<1x2x2x8xf32>) -> tensor<1x2x2x8xf32>
  return %0, %1, %2 : tensor<1x8x4x4xf32>, tensor<1x8x2x2xf32>, tensor<1x2x2x8xf32>
}
