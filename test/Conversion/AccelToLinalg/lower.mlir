// accel-lower-to-linalg on layers that did not come from linalg (MAESTRO
// imports, hand-written): the named op when one has the layout, otherwise an
// equivalent linalg.generic.
// RUN: accel-opt %s --accel-lower-to-linalg | FileCheck %s

// MAESTRO's DSCONV layout (filter G x K x R x S, 5-D output) has no named
// op: a generic with the strided window in the input map.
// CHECK-DAG: #[[IN:.+]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d3 * 2 + d5, d4 * 2 + d6)>
// CHECK-DAG: #[[W:.+]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d1, d2, d5, d6)>
// CHECK-DAG: #[[OUT:.+]] = affine_map<(d0, d1, d2, d3, d4, d5, d6) -> (d0, d1, d2, d3, d4)>
// CHECK-LABEL: func.func @maestro_depthwise
// CHECK: linalg.generic {indexing_maps = [#[[IN]], #[[W]], #[[OUT]]], iterator_types = ["parallel", "parallel", "parallel", "parallel", "parallel", "reduction", "reduction"]}
// CHECK-SAME: ins(%arg0, %arg1 : tensor<1x8x9x9xf32>, tensor<8x1x3x3xf32>) outs(%arg2 : tensor<1x8x1x4x4xf32>)
// CHECK: arith.mulf
// CHECK: arith.addf
// CHECK-NOT: accel.layer
func.func @maestro_depthwise(%in: tensor<1x8x9x9xf32>, %w: tensor<8x1x3x3xf32>, %out: tensor<1x8x1x4x4xf32>) -> tensor<1x8x1x4x4xf32> {
  %0 = accel.layer "dw" depthwise dims <G = 8, R = 3, S = 3, Y = 9, X = 9> layout <"NGYX", "GKRS", "NGKYX">
         ins(%in, %w : tensor<1x8x9x9xf32>, tensor<8x1x3x3xf32>) outs(%out : tensor<1x8x1x4x4xf32>)
         {strides = array<i64: 2, 2>} -> tensor<1x8x1x4x4xf32>
  return %0 : tensor<1x8x1x4x4xf32>
}

// Padding and dilation on a named layout: a pad, then the named op.
// CHECK-LABEL: func.func @padded_dilated
// CHECK: %[[P:.+]] = tensor.pad %arg0 low[0, 0, 2, 2] high[0, 0, 2, 2]
// CHECK: linalg.conv_2d_nchw_fchw {dilations = dense<2> : tensor<2xi64>, strides = dense<1> : tensor<2xi64>} ins(%[[P]], %arg1 : tensor<1x4x10x10xf32>, tensor<8x4x3x3xf32>)
func.func @padded_dilated(%in: tensor<1x4x6x6xf32>, %w: tensor<8x4x3x3xf32>, %out: tensor<1x8x6x6xf32>) -> tensor<1x8x6x6xf32> {
  %0 = accel.layer "c" conv2d dims <K = 8, C = 4, R = 3, S = 3, Y = 6, X = 6> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x6x6xf32>, tensor<8x4x3x3xf32>) outs(%out : tensor<1x8x6x6xf32>)
         {dilations = array<i64: 2, 2>, padding = array<i64: 2, 2, 2, 2>} -> tensor<1x8x6x6xf32>
  return %0 : tensor<1x8x6x6xf32>
}

// A quantized layout no named op has: zero points subtracted in the body.
// CHECK-LABEL: func.func @quantized_generic
// CHECK: linalg.generic
// CHECK: arith.extsi
// CHECK: arith.subi
// CHECK: arith.muli
// CHECK: arith.addi
func.func @quantized_generic(%a: tensor<16x64xi8>, %b: tensor<32x64xi8>, %za: i32, %zb: i32, %c: tensor<16x32xi32>) -> tensor<16x32xi32> {
  %0 = accel.layer "q" gemm dims <K = 32, C = 64, Y = 16> layout <"YC", "KC", "YK">
         ins(%a, %b : tensor<16x64xi8>, tensor<32x64xi8>) zero_points(%za, %zb : i32, i32) outs(%c : tensor<16x32xi32>) -> tensor<16x32xi32>
  return %0 : tensor<16x32xi32>
}
