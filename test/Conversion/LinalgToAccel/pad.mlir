// A producing tensor.pad with constant zero padding folds into the layer's
// padding (symmetric or not); the layer reads the real, unpadded input and
// lowering re-creates the pad.
// RUN: accel-opt %s --convert-linalg-to-accel | FileCheck %s
// RUN: accel-opt %s --convert-linalg-to-accel --accel-lower-to-linalg --cse | FileCheck %s --check-prefix=RT

// CHECK-LABEL: func.func @symmetric
// CHECK-NOT: tensor.pad
// CHECK: accel.layer "conv_1" conv2d dims <N = 1, G = 1, K = 512, C = 512, R = 3, S = 3, Y = 14, X = 14> layout <"NCYX", "KCRS", "NKYX"> ins(%arg0, %arg1 : tensor<1x512x14x14xf32>, tensor<512x512x3x3xf32>) outs(%arg2 : tensor<1x512x14x14xf32>) {padding = array<i64: 1, 1, 1, 1>}
// RT-LABEL: func.func @symmetric
// RT: %[[ZERO:.+]] = arith.constant 0.000000e+00 : f32
// RT: %[[PAD:.+]] = tensor.pad %arg0 low[0, 0, 1, 1] high[0, 0, 1, 1]
// RT: tensor.yield %[[ZERO]] : f32
// RT: linalg.conv_2d_nchw_fchw {{.*}} ins(%[[PAD]], %arg1 : tensor<1x512x16x16xf32>, tensor<512x512x3x3xf32>)
func.func @symmetric(%x: tensor<1x512x14x14xf32>, %w: tensor<512x512x3x3xf32>, %init: tensor<1x512x14x14xf32>) -> tensor<1x512x14x14xf32> {
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x512x14x14xf32> to tensor<1x512x16x16xf32>
  %0 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>}
         ins(%p, %w : tensor<1x512x16x16xf32>, tensor<512x512x3x3xf32>) outs(%init : tensor<1x512x14x14xf32>) -> tensor<1x512x14x14xf32>
  return %0 : tensor<1x512x14x14xf32>
}

// TF "same" padding for stride 2 is asymmetric: (0, 1) on each axis.
// CHECK-LABEL: func.func @asymmetric
// CHECK: accel.layer "conv_1" conv2d dims <N = 1, G = 1, K = 32, C = 16, R = 3, S = 3, Y = 112, X = 112> layout <"NYXC", "RSCK", "NYXK"> {{.*}} {padding = array<i64: 0, 1, 0, 1>, strides = array<i64: 2, 2>}
// RT-LABEL: func.func @asymmetric
// RT: tensor.pad %arg0 low[0, 0, 0, 0] high[0, 1, 1, 0]
func.func @asymmetric(%x: tensor<1x112x112x16xf32>, %w: tensor<3x3x16x32xf32>, %init: tensor<1x56x56x32xf32>) -> tensor<1x56x56x32xf32> {
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 0, 0, 0] high[0, 1, 1, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x112x112x16xf32> to tensor<1x113x113x16xf32>
  %0 = linalg.conv_2d_nhwc_hwcf {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
         ins(%p, %w : tensor<1x113x113x16xf32>, tensor<3x3x16x32xf32>) outs(%init : tensor<1x56x56x32xf32>) -> tensor<1x56x56x32xf32>
  return %0 : tensor<1x56x56x32xf32>
}

// Quantized: padding with the input zero point is zero once it is
// subtracted, so it folds too, and comes back as the zero point.
// CHECK-LABEL: func.func @zero_point_padding
// CHECK: accel.layer "dwconv_1" depthwise {{.*}} Y = 27, X = 27> {{.*}} zero_points(%[[IZP:.+]], %{{.+}} : i32, i32) {{.*}} {padding = array<i64: 1, 2, 1, 2>, strides = array<i64: 2, 2>}
// RT-LABEL: func.func @zero_point_padding
// RT: %[[C:.+]] = arith.constant -128 : i32
// RT: %[[PV:.+]] = arith.trunci %[[C]] : i32 to i8
// RT: tensor.pad %arg0 low[0, 1, 1, 0] high[0, 2, 2, 0]
// RT: tensor.yield %[[PV]] : i8
// RT: linalg.depthwise_conv_2d_nhwc_hwcm_q
func.func @zero_point_padding(%x: tensor<1x27x27x128xi8>, %w: tensor<4x4x128x1xi8>, %init: tensor<1x14x14x128x1xi32>) -> tensor<1x14x14x128x1xi32> {
  %pv = arith.constant -128 : i8
  %izp = arith.constant -128 : i32
  %wzp = arith.constant 0 : i32
  %p = tensor.pad %x low[0, 1, 1, 0] high[0, 2, 2, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %pv : i8
  } : tensor<1x27x27x128xi8> to tensor<1x30x30x128xi8>
  %0 = linalg.depthwise_conv_2d_nhwc_hwcm_q {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>}
         ins(%p, %w, %izp, %wzp : tensor<1x30x30x128xi8>, tensor<4x4x128x1xi8>, i32, i32) outs(%init : tensor<1x14x14x128x1xi32>) -> tensor<1x14x14x128x1xi32>
  return %0 : tensor<1x14x14x128x1xi32>
}

// Padding that is not zero, or that pads channels, stays a pad.
// CHECK-LABEL: func.func @not_foldable
// CHECK: %[[P1:.+]] = tensor.pad
// CHECK: accel.layer "conv_1" {{.*}} ins(%[[P1]],
// CHECK-NOT: padding =
// CHECK: %[[P2:.+]] = tensor.pad
// CHECK: accel.layer "conv_2" {{.*}} ins(%[[P2]],
// CHECK-NOT: padding =
func.func @not_foldable(%x: tensor<1x4x6x6xf32>, %w: tensor<8x4x3x3xf32>, %init: tensor<1x8x6x6xf32>,
                        %w2: tensor<8x6x3x3xf32>, %init2: tensor<1x8x4x4xf32>) -> (tensor<1x8x6x6xf32>, tensor<1x8x4x4xf32>) {
  %one = arith.constant 1.0 : f32
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %one : f32
  } : tensor<1x4x6x6xf32> to tensor<1x4x8x8xf32>
  %0 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>}
         ins(%p, %w : tensor<1x4x8x8xf32>, tensor<8x4x3x3xf32>) outs(%init : tensor<1x8x6x6xf32>) -> tensor<1x8x6x6xf32>
  %q = tensor.pad %x low[0, 1, 0, 0] high[0, 1, 0, 0] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x4x6x6xf32> to tensor<1x6x6x6xf32>
  %1 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>}
         ins(%q, %w2 : tensor<1x6x6x6xf32>, tensor<8x6x3x3xf32>) outs(%init2 : tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %0, %1 : tensor<1x8x6x6xf32>, tensor<1x8x4x4xf32>
}

// A pad with another user stays for it.
// CHECK-LABEL: func.func @shared_pad
// CHECK: %[[P:.+]] = tensor.pad
// CHECK: accel.layer "conv_1" {{.*}} ins(%arg0, {{.*}} {padding = array<i64: 1, 1, 1, 1>}
// CHECK: return {{.*}}, %[[P]]
func.func @shared_pad(%x: tensor<1x4x6x6xf32>, %w: tensor<8x4x3x3xf32>, %init: tensor<1x8x6x6xf32>) -> (tensor<1x8x6x6xf32>, tensor<1x4x8x8xf32>) {
  %zero = arith.constant 0.0 : f32
  %p = tensor.pad %x low[0, 0, 1, 1] high[0, 0, 1, 1] {
  ^bb0(%i: index, %j: index, %k: index, %l: index):
    tensor.yield %zero : f32
  } : tensor<1x4x6x6xf32> to tensor<1x4x8x8xf32>
  %0 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>}
         ins(%p, %w : tensor<1x4x8x8xf32>, tensor<8x4x3x3xf32>) outs(%init : tensor<1x8x6x6xf32>) -> tensor<1x8x6x6xf32>
  return %0, %p : tensor<1x8x6x6xf32>, tensor<1x4x8x8xf32>
}
