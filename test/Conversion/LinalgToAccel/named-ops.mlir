// Every named form: converted to an accel.layer (CHECK), and converted then
// lowered back to the same linalg op (RT).
// RUN: accel-opt %s --convert-linalg-to-accel | FileCheck %s
// RUN: accel-opt %s --convert-linalg-to-accel --accel-lower-to-linalg | FileCheck %s --check-prefix=RT

// CHECK-LABEL: func.func @conv_2d_nchw_fchw
// CHECK: %[[L:.+]] = accel.layer "conv_1" conv2d dims <N = 2, G = 1, K = 8, C = 4, R = 3, S = 3, Y = 9, X = 9> layout <"NCYX", "KCRS", "NKYX"> ins(%arg0, %arg1 : tensor<2x4x9x9xf32>, tensor<8x4x3x3xf32>) outs(%arg2 : tensor<2x8x4x4xf32>) {strides = array<i64: 2, 2>} -> tensor<2x8x4x4xf32>
// CHECK: return %[[L]]
// RT-LABEL: func.func @conv_2d_nchw_fchw
// RT: linalg.conv_2d_nchw_fchw {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%arg0, %arg1 : tensor<2x4x9x9xf32>, tensor<8x4x3x3xf32>) outs(%arg2 : tensor<2x8x4x4xf32>) -> tensor<2x8x4x4xf32>
func.func @conv_2d_nchw_fchw(%in: tensor<2x4x9x9xf32>, %w: tensor<8x4x3x3xf32>, %out: tensor<2x8x4x4xf32>) -> tensor<2x8x4x4xf32> {
  %0 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<2> : vector<2xi64>}
         ins(%in, %w : tensor<2x4x9x9xf32>, tensor<8x4x3x3xf32>) outs(%out : tensor<2x8x4x4xf32>) -> tensor<2x8x4x4xf32>
  return %0 : tensor<2x8x4x4xf32>
}

// CHECK-LABEL: func.func @conv_2d_nhwc_hwcf
// CHECK: accel.layer "conv_1" conv2d dims <N = 1, G = 1, K = 16, C = 8, R = 3, S = 3, Y = 11, X = 11> layout <"NYXC", "RSCK", "NYXK"> {{.*}} {dilations = array<i64: 2, 2>} -> tensor<1x7x7x16xf32>
// RT-LABEL: func.func @conv_2d_nhwc_hwcf
// RT: linalg.conv_2d_nhwc_hwcf {dilations = dense<2> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%arg0, %arg1 : tensor<1x11x11x8xf32>, tensor<3x3x8x16xf32>) outs(%arg2 : tensor<1x7x7x16xf32>)
func.func @conv_2d_nhwc_hwcf(%in: tensor<1x11x11x8xf32>, %w: tensor<3x3x8x16xf32>, %out: tensor<1x7x7x16xf32>) -> tensor<1x7x7x16xf32> {
  %0 = linalg.conv_2d_nhwc_hwcf {dilations = dense<2> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
         ins(%in, %w : tensor<1x11x11x8xf32>, tensor<3x3x8x16xf32>) outs(%out : tensor<1x7x7x16xf32>) -> tensor<1x7x7x16xf32>
  return %0 : tensor<1x7x7x16xf32>
}

// CHECK-LABEL: func.func @conv_2d_nhwc_fhwc
// CHECK: accel.layer "conv_1" conv2d dims <N = 1, G = 1, K = 16, C = 8, R = 3, S = 3, Y = 7, X = 7> layout <"NYXC", "KRSC", "NYXK">
// RT-LABEL: func.func @conv_2d_nhwc_fhwc
// RT: linalg.conv_2d_nhwc_fhwc {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%arg0, %arg1 : tensor<1x7x7x8xf32>, tensor<16x3x3x8xf32>) outs(%arg2 : tensor<1x5x5x16xf32>)
func.func @conv_2d_nhwc_fhwc(%in: tensor<1x7x7x8xf32>, %w: tensor<16x3x3x8xf32>, %out: tensor<1x5x5x16xf32>) -> tensor<1x5x5x16xf32> {
  %0 = linalg.conv_2d_nhwc_fhwc {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
         ins(%in, %w : tensor<1x7x7x8xf32>, tensor<16x3x3x8xf32>) outs(%out : tensor<1x5x5x16xf32>) -> tensor<1x5x5x16xf32>
  return %0 : tensor<1x5x5x16xf32>
}

// Quantized forms keep their zero points.
// CHECK-LABEL: func.func @conv_2d_nhwc_hwcf_q
// CHECK: accel.layer "conv_1" conv2d dims <N = 1, G = 1, K = 16, C = 8, R = 3, S = 3, Y = 7, X = 7> layout <"NYXC", "RSCK", "NYXK"> ins(%arg0, %arg1 : tensor<1x7x7x8xi8>, tensor<3x3x8x16xi8>) zero_points(%arg2, %arg3 : i32, i32) outs(%arg4 : tensor<1x5x5x16xi32>)
// RT-LABEL: func.func @conv_2d_nhwc_hwcf_q
// RT: linalg.conv_2d_nhwc_hwcf_q {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%arg0, %arg1, %arg2, %arg3 : tensor<1x7x7x8xi8>, tensor<3x3x8x16xi8>, i32, i32) outs(%arg4 : tensor<1x5x5x16xi32>)
func.func @conv_2d_nhwc_hwcf_q(%in: tensor<1x7x7x8xi8>, %w: tensor<3x3x8x16xi8>, %izp: i32, %wzp: i32, %out: tensor<1x5x5x16xi32>) -> tensor<1x5x5x16xi32> {
  %0 = linalg.conv_2d_nhwc_hwcf_q {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
         ins(%in, %w, %izp, %wzp : tensor<1x7x7x8xi8>, tensor<3x3x8x16xi8>, i32, i32) outs(%out : tensor<1x5x5x16xi32>) -> tensor<1x5x5x16xi32>
  return %0 : tensor<1x5x5x16xi32>
}

// CHECK-LABEL: func.func @conv_2d_nhwc_fhwc_q
// CHECK: accel.layer "conv_1" conv2d {{.*}} layout <"NYXC", "KRSC", "NYXK"> {{.*}} zero_points(
// RT-LABEL: func.func @conv_2d_nhwc_fhwc_q
// RT: linalg.conv_2d_nhwc_fhwc_q {{.*}} ins(%arg0, %arg1, %arg2, %arg3 : tensor<1x7x7x8xi8>, tensor<16x3x3x8xi8>, i32, i32)
func.func @conv_2d_nhwc_fhwc_q(%in: tensor<1x7x7x8xi8>, %w: tensor<16x3x3x8xi8>, %izp: i32, %wzp: i32, %out: tensor<1x5x5x16xi32>) -> tensor<1x5x5x16xi32> {
  %0 = linalg.conv_2d_nhwc_fhwc_q {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
         ins(%in, %w, %izp, %wzp : tensor<1x7x7x8xi8>, tensor<16x3x3x8xi8>, i32, i32) outs(%out : tensor<1x5x5x16xi32>) -> tensor<1x5x5x16xi32>
  return %0 : tensor<1x5x5x16xi32>
}

// CHECK-LABEL: func.func @conv_2d_nchw_fchw_q
// CHECK: accel.layer "conv_1" conv2d {{.*}} layout <"NCYX", "KCRS", "NKYX"> {{.*}} zero_points(
// RT-LABEL: func.func @conv_2d_nchw_fchw_q
// RT: linalg.conv_2d_nchw_fchw_q
func.func @conv_2d_nchw_fchw_q(%in: tensor<1x8x7x7xi8>, %w: tensor<16x8x3x3xi8>, %izp: i32, %wzp: i32, %out: tensor<1x16x5x5xi32>) -> tensor<1x16x5x5xi32> {
  %0 = linalg.conv_2d_nchw_fchw_q {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
         ins(%in, %w, %izp, %wzp : tensor<1x8x7x7xi8>, tensor<16x8x3x3xi8>, i32, i32) outs(%out : tensor<1x16x5x5xi32>) -> tensor<1x16x5x5xi32>
  return %0 : tensor<1x16x5x5xi32>
}

// Grouped forms.
// CHECK-LABEL: func.func @conv_2d_ngchw_gfchw
// CHECK: accel.layer "gconv_1" grouped dims <N = 1, G = 4, K = 8, C = 2, R = 3, S = 3, Y = 6, X = 6> layout <"NGCYX", "GKCRS", "NGKYX">
// RT-LABEL: func.func @conv_2d_ngchw_gfchw
// RT: linalg.conv_2d_ngchw_gfchw {{.*}} ins(%arg0, %arg1 : tensor<1x4x2x6x6xf32>, tensor<4x8x2x3x3xf32>)
func.func @conv_2d_ngchw_gfchw(%in: tensor<1x4x2x6x6xf32>, %w: tensor<4x8x2x3x3xf32>, %out: tensor<1x4x8x4x4xf32>) -> tensor<1x4x8x4x4xf32> {
  %0 = linalg.conv_2d_ngchw_gfchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
         ins(%in, %w : tensor<1x4x2x6x6xf32>, tensor<4x8x2x3x3xf32>) outs(%out : tensor<1x4x8x4x4xf32>) -> tensor<1x4x8x4x4xf32>
  return %0 : tensor<1x4x8x4x4xf32>
}

// CHECK-LABEL: func.func @conv_2d_ngchw_fgchw
// CHECK: accel.layer "gconv_1" grouped dims <N = 1, G = 4, K = 8, C = 2, R = 3, S = 3, Y = 6, X = 6> layout <"NGCYX", "KGCRS", "NGKYX">
// RT-LABEL: func.func @conv_2d_ngchw_fgchw
// RT: linalg.conv_2d_ngchw_fgchw {{.*}} ins(%arg0, %arg1 : tensor<1x4x2x6x6xf32>, tensor<8x4x2x3x3xf32>)
func.func @conv_2d_ngchw_fgchw(%in: tensor<1x4x2x6x6xf32>, %w: tensor<8x4x2x3x3xf32>, %out: tensor<1x4x8x4x4xf32>) -> tensor<1x4x8x4x4xf32> {
  %0 = linalg.conv_2d_ngchw_fgchw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
         ins(%in, %w : tensor<1x4x2x6x6xf32>, tensor<8x4x2x3x3xf32>) outs(%out : tensor<1x4x8x4x4xf32>) -> tensor<1x4x8x4x4xf32>
  return %0 : tensor<1x4x8x4x4xf32>
}

// CHECK-LABEL: func.func @conv_2d_nhwgc_gfhwc
// CHECK: accel.layer "gconv_1" grouped dims <N = 1, G = 4, K = 8, C = 2, R = 3, S = 3, Y = 6, X = 6> layout <"NYXGC", "GKRSC", "NYXGK">
// RT-LABEL: func.func @conv_2d_nhwgc_gfhwc
// RT: linalg.conv_2d_nhwgc_gfhwc {{.*}} ins(%arg0, %arg1 : tensor<1x6x6x4x2xf32>, tensor<4x8x3x3x2xf32>)
func.func @conv_2d_nhwgc_gfhwc(%in: tensor<1x6x6x4x2xf32>, %w: tensor<4x8x3x3x2xf32>, %out: tensor<1x4x4x4x8xf32>) -> tensor<1x4x4x4x8xf32> {
  %0 = linalg.conv_2d_nhwgc_gfhwc {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
         ins(%in, %w : tensor<1x6x6x4x2xf32>, tensor<4x8x3x3x2xf32>) outs(%out : tensor<1x4x4x4x8xf32>) -> tensor<1x4x4x4x8xf32>
  return %0 : tensor<1x4x4x4x8xf32>
}

// CHECK-LABEL: func.func @conv_2d_ngchw_gfchw_q
// CHECK: accel.layer "gconv_1" grouped {{.*}} layout <"NGCYX", "GKCRS", "NGKYX"> {{.*}} zero_points(
// RT-LABEL: func.func @conv_2d_ngchw_gfchw_q
// RT: linalg.conv_2d_ngchw_gfchw_q
func.func @conv_2d_ngchw_gfchw_q(%in: tensor<1x4x2x6x6xi8>, %w: tensor<4x8x2x3x3xi8>, %izp: i32, %wzp: i32, %out: tensor<1x4x8x4x4xi32>) -> tensor<1x4x8x4x4xi32> {
  %0 = linalg.conv_2d_ngchw_gfchw_q {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
         ins(%in, %w, %izp, %wzp : tensor<1x4x2x6x6xi8>, tensor<4x8x2x3x3xi8>, i32, i32) outs(%out : tensor<1x4x8x4x4xi32>) -> tensor<1x4x8x4x4xi32>
  return %0 : tensor<1x4x8x4x4xi32>
}

// CHECK-LABEL: func.func @conv_2d_nhwgc_gfhwc_q
// CHECK: accel.layer "gconv_1" grouped {{.*}} layout <"NYXGC", "GKRSC", "NYXGK"> {{.*}} zero_points(
// RT-LABEL: func.func @conv_2d_nhwgc_gfhwc_q
// RT: linalg.conv_2d_nhwgc_gfhwc_q
func.func @conv_2d_nhwgc_gfhwc_q(%in: tensor<1x6x6x4x2xi8>, %w: tensor<4x8x3x3x2xi8>, %izp: i32, %wzp: i32, %out: tensor<1x4x4x4x8xi32>) -> tensor<1x4x4x4x8xi32> {
  %0 = linalg.conv_2d_nhwgc_gfhwc_q {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
         ins(%in, %w, %izp, %wzp : tensor<1x6x6x4x2xi8>, tensor<4x8x3x3x2xi8>, i32, i32) outs(%out : tensor<1x4x4x4x8xi32>) -> tensor<1x4x4x4x8xi32>
  return %0 : tensor<1x4x4x4x8xi32>
}

// Depthwise forms: channels are groups.
// CHECK-LABEL: func.func @depthwise_conv_2d_nchw_chw
// CHECK: accel.layer "dwconv_1" depthwise dims <N = 1, G = 32, K = 1, C = 1, R = 3, S = 3, Y = 16, X = 16> layout <"NGYX", "GRS", "NGYX">
// RT-LABEL: func.func @depthwise_conv_2d_nchw_chw
// RT: linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%arg0, %arg1 : tensor<1x32x16x16xf32>, tensor<32x3x3xf32>)
func.func @depthwise_conv_2d_nchw_chw(%in: tensor<1x32x16x16xf32>, %w: tensor<32x3x3xf32>, %out: tensor<1x32x14x14xf32>) -> tensor<1x32x14x14xf32> {
  %0 = linalg.depthwise_conv_2d_nchw_chw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>}
         ins(%in, %w : tensor<1x32x16x16xf32>, tensor<32x3x3xf32>) outs(%out : tensor<1x32x14x14xf32>) -> tensor<1x32x14x14xf32>
  return %0 : tensor<1x32x14x14xf32>
}

// CHECK-LABEL: func.func @depthwise_conv_2d_nhwc_hwc
// CHECK: accel.layer "dwconv_1" depthwise dims <N = 1, G = 32, K = 1, C = 1, R = 3, S = 3, Y = 16, X = 16> layout <"NYXG", "RSG", "NYXG"> {{.*}} {strides = array<i64: 2, 2>}
// RT-LABEL: func.func @depthwise_conv_2d_nhwc_hwc
// RT: linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
func.func @depthwise_conv_2d_nhwc_hwc(%in: tensor<1x16x16x32xf32>, %w: tensor<3x3x32xf32>, %out: tensor<1x7x7x32xf32>) -> tensor<1x7x7x32xf32> {
  %0 = linalg.depthwise_conv_2d_nhwc_hwc {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
         ins(%in, %w : tensor<1x16x16x32xf32>, tensor<3x3x32xf32>) outs(%out : tensor<1x7x7x32xf32>) -> tensor<1x7x7x32xf32>
  return %0 : tensor<1x7x7x32xf32>
}

// CHECK-LABEL: func.func @depthwise_conv_2d_nhwc_hwcm
// CHECK: accel.layer "dwconv_1" depthwise dims <N = 1, G = 32, K = 2, C = 1, R = 3, S = 3, Y = 16, X = 16> layout <"NYXG", "RSGK", "NYXGK">
// RT-LABEL: func.func @depthwise_conv_2d_nhwc_hwcm
// RT: linalg.depthwise_conv_2d_nhwc_hwcm {{.*}} ins(%arg0, %arg1 : tensor<1x16x16x32xf32>, tensor<3x3x32x2xf32>)
func.func @depthwise_conv_2d_nhwc_hwcm(%in: tensor<1x16x16x32xf32>, %w: tensor<3x3x32x2xf32>, %out: tensor<1x14x14x32x2xf32>) -> tensor<1x14x14x32x2xf32> {
  %0 = linalg.depthwise_conv_2d_nhwc_hwcm {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
         ins(%in, %w : tensor<1x16x16x32xf32>, tensor<3x3x32x2xf32>) outs(%out : tensor<1x14x14x32x2xf32>) -> tensor<1x14x14x32x2xf32>
  return %0 : tensor<1x14x14x32x2xf32>
}

// CHECK-LABEL: func.func @depthwise_conv_2d_nhwc_hwc_q
// CHECK: accel.layer "dwconv_1" depthwise {{.*}} layout <"NYXG", "RSG", "NYXG"> {{.*}} zero_points(
// RT-LABEL: func.func @depthwise_conv_2d_nhwc_hwc_q
// RT: linalg.depthwise_conv_2d_nhwc_hwc_q
func.func @depthwise_conv_2d_nhwc_hwc_q(%in: tensor<1x16x16x32xi8>, %w: tensor<3x3x32xi8>, %izp: i32, %wzp: i32, %out: tensor<1x14x14x32xi32>) -> tensor<1x14x14x32xi32> {
  %0 = linalg.depthwise_conv_2d_nhwc_hwc_q {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
         ins(%in, %w, %izp, %wzp : tensor<1x16x16x32xi8>, tensor<3x3x32xi8>, i32, i32) outs(%out : tensor<1x14x14x32xi32>) -> tensor<1x14x14x32xi32>
  return %0 : tensor<1x14x14x32xi32>
}

// CHECK-LABEL: func.func @depthwise_conv_2d_nhwc_hwcm_q
// CHECK: accel.layer "dwconv_1" depthwise {{.*}} layout <"NYXG", "RSGK", "NYXGK"> {{.*}} zero_points(
// RT-LABEL: func.func @depthwise_conv_2d_nhwc_hwcm_q
// RT: linalg.depthwise_conv_2d_nhwc_hwcm_q
func.func @depthwise_conv_2d_nhwc_hwcm_q(%in: tensor<1x16x16x32xi8>, %w: tensor<3x3x32x2xi8>, %izp: i32, %wzp: i32, %out: tensor<1x14x14x32x2xi32>) -> tensor<1x14x14x32x2xi32> {
  %0 = linalg.depthwise_conv_2d_nhwc_hwcm_q {dilations = dense<1> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>}
         ins(%in, %w, %izp, %wzp : tensor<1x16x16x32xi8>, tensor<3x3x32x2xi8>, i32, i32) outs(%out : tensor<1x14x14x32x2xi32>) -> tensor<1x14x14x32x2xi32>
  return %0 : tensor<1x14x14x32x2xi32>
}

// Matrix products: M -> Y, N -> K, K -> C; a batch is G.
// CHECK-LABEL: func.func @matmul
// CHECK: accel.layer "matmul_1" gemm dims <N = 1, G = 1, K = 128, C = 512, R = 1, S = 1, Y = 384, X = 1> layout <"YC", "CK", "YK">
// RT-LABEL: func.func @matmul
// RT: linalg.matmul ins(%arg0, %arg1 : tensor<384x512xf32>, tensor<512x128xf32>) outs(%arg2 : tensor<384x128xf32>) -> tensor<384x128xf32>
func.func @matmul(%a: tensor<384x512xf32>, %b: tensor<512x128xf32>, %c: tensor<384x128xf32>) -> tensor<384x128xf32> {
  %0 = linalg.matmul ins(%a, %b : tensor<384x512xf32>, tensor<512x128xf32>) outs(%c : tensor<384x128xf32>) -> tensor<384x128xf32>
  return %0 : tensor<384x128xf32>
}

// CHECK-LABEL: func.func @batch_matmul
// CHECK: accel.layer "matmul_1" gemm dims <N = 1, G = 2, K = 32, C = 64, R = 1, S = 1, Y = 16, X = 1> layout <"GYC", "GCK", "GYK">
// RT-LABEL: func.func @batch_matmul
// RT: linalg.batch_matmul ins(%arg0, %arg1 : tensor<2x16x64xf32>, tensor<2x64x32xf32>) outs(%arg2 : tensor<2x16x32xf32>)
func.func @batch_matmul(%a: tensor<2x16x64xf32>, %b: tensor<2x64x32xf32>, %c: tensor<2x16x32xf32>) -> tensor<2x16x32xf32> {
  %0 = linalg.batch_matmul ins(%a, %b : tensor<2x16x64xf32>, tensor<2x64x32xf32>) outs(%c : tensor<2x16x32xf32>) -> tensor<2x16x32xf32>
  return %0 : tensor<2x16x32xf32>
}

// CHECK-LABEL: func.func @quantized_matmul
// CHECK: accel.layer "matmul_1" gemm {{.*}} layout <"YC", "CK", "YK"> {{.*}} zero_points(
// RT-LABEL: func.func @quantized_matmul
// RT: linalg.quantized_matmul ins(%arg0, %arg1, %arg2, %arg3 : tensor<16x64xi8>, tensor<64x32xi8>, i32, i32)
func.func @quantized_matmul(%a: tensor<16x64xi8>, %b: tensor<64x32xi8>, %azp: i32, %bzp: i32, %c: tensor<16x32xi32>) -> tensor<16x32xi32> {
  %0 = linalg.quantized_matmul ins(%a, %b, %azp, %bzp : tensor<16x64xi8>, tensor<64x32xi8>, i32, i32) outs(%c : tensor<16x32xi32>) -> tensor<16x32xi32>
  return %0 : tensor<16x32xi32>
}

// MLIR 22 writes transposed matmuls as linalg.matmul with indexing maps.
// The layer's filter layout says K x C; no named op has that layout, so it
// lowers to an equivalent linalg.generic.
// CHECK-LABEL: func.func @matmul_transpose_b
// CHECK: accel.layer "matmul_1" gemm dims <N = 1, G = 1, K = 32, C = 64, R = 1, S = 1, Y = 16, X = 1> layout <"YC", "KC", "YK">
// RT-LABEL: func.func @matmul_transpose_b
// RT: linalg.generic
// RT-SAME: indexing_maps = [#[[A:.+]], #[[B:.+]], #[[C:.+]]], iterator_types = ["parallel", "reduction", "parallel"]
// RT: arith.mulf
// RT: arith.addf
func.func @matmul_transpose_b(%a: tensor<16x64xf32>, %b: tensor<32x64xf32>, %c: tensor<16x32xf32>) -> tensor<16x32xf32> {
  %0 = linalg.matmul indexing_maps = [affine_map<(m, n, k) -> (m, k)>, affine_map<(m, n, k) -> (n, k)>, affine_map<(m, n, k) -> (m, n)>]
         ins(%a, %b : tensor<16x64xf32>, tensor<32x64xf32>) outs(%c : tensor<16x32xf32>) -> tensor<16x32xf32>
  return %0 : tensor<16x32xf32>
}
