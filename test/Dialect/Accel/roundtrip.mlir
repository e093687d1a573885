// RUN: accel-opt %s --verify-roundtrip | FileCheck %s
// RUN: accel-opt %s --mlir-print-op-generic | accel-opt | FileCheck %s

// Every attribute and op of the dialect, printed, parsed back and printed
// again. Defaults are elided when printed.

// CHECK: module attributes {accel.target = #accel.pe_array<num_pes = 256, l1_size = 100, l2_size = 3000, noc_bw = 1000, offchip_bw = 50>}
module attributes {accel.target = #accel.pe_array<num_pes = 256, simd_lanes = 1, l1_size = 100, l2_size = 3000, noc_bw = 1000, noc_hops = 1, hop_latency = 1, multicast = true, offchip_bw = 50, element_size = 1>} {

// CHECK-LABEL: func.func @attributes
// CHECK-SAME: cluster = #accel.cluster<64>
// CHECK-SAME: cluster_logical = #accel.cluster<sz(S), logical>
// CHECK-SAME: cost = #accel.cost<macs = 339738624, runtime = 6782976, throughput = 5.009000e+01>
// CHECK-SAME: dataflow = #accel.dataflow<"rs", [#accel.temporal_map<2, 2, K>, #accel.spatial_map<sz(R), 1, Y>, #accel.cluster<sz(R)>, #accel.spatial_map<1, 1, Y>, #accel.spatial_map<1, 1, R>]>
// CHECK-SAME: dims = #accel.dims<N = 1, G = 1, K = 64, C = 3, R = 7, S = 7, Y = 224, X = 224>
// CHECK-SAME: hw_defaults = #accel.pe_array<num_pes = 16>
// CHECK-SAME: hw_full = #accel.pe_array<num_pes = 64, simd_lanes = 4, l1_size = 64, l2_size = 512, noc_bw = 4, noc_hops = 2, hop_latency = 3, multicast = false, offchip_bw = 4, element_size = 2>
// CHECK-SAME: hw_maeri = #accel.maeri<ms = 64, dn_bw = 8, rn_bw = 4>
// CHECK-SAME: hw_maeri_array = #accel.maeri<ms = 64, dn_bw = 8, rn_bw = 8, pe_array = <num_pes = 256, l1_size = 100>>
// CHECK-SAME: kind = #accel.layer_kind<depthwise>
// CHECK-SAME: layout = #accel.layout<"NYXC", "RSCK", "NYXK">
// CHECK-SAME: maeri = #accel.maeri_schedule<t_k = 16, t_c = 4, t_r = 3, t_s = 3, order = [K, C, R, S, OY, OX, N, G], vn_size = 36, num_vns = 16, folds = 128, forwarding = true>
// CHECK-SAME: spatial = #accel.spatial_map<sz(R), 1, Y>
// CHECK-SAME: temporal = #accel.temporal_map<14, 8, OX>
func.func @attributes() attributes {
  hw_defaults = #accel.pe_array<num_pes = 16>,
  hw_full = #accel.pe_array<num_pes = 64, simd_lanes = 4, l1_size = 64, l2_size = 512, noc_bw = 4, noc_hops = 2, hop_latency = 3, multicast = false, offchip_bw = 4, element_size = 2>,
  hw_maeri = #accel.maeri<rn_bw = 4, ms = 64, dn_bw = 8>,
  hw_maeri_array = #accel.maeri<ms = 64, dn_bw = 8, rn_bw = 8, pe_array = #accel.pe_array<num_pes = 256, l1_size = 100>>,
  spatial = #accel.spatial_map<sz(R), 1, Y>,
  temporal = #accel.temporal_map<14, 8, OX>,
  cluster = #accel.cluster<64, physical>,
  cluster_logical = #accel.cluster<sz(S), logical>,
  dataflow = #accel.dataflow<"rs", [#accel.temporal_map<2, 2, K>, #accel.spatial_map<sz(R), 1, Y>, #accel.cluster<sz(R)>, #accel.spatial_map<1, 1, Y>, #accel.spatial_map<1, 1, R>]>,
  dims = #accel.dims<X = 224, Y = 224, K = 64, C = 3, R = 7, S = 7>,
  layout = #accel.layout<"NYXC", "RSCK", "NYXK">,
  cost = #accel.cost<runtime = 6782976, throughput = 50.09, macs = 339738624>,
  kind = #accel.layer_kind<depthwise>,
  maeri = #accel.maeri_schedule<t_k = 16, t_c = 4, t_r = 3, t_s = 3, t_n = 1, order = [K, C, R, S, OY, OX, N, G], vn_size = 36, num_vns = 16, folds = 128, forwarding = true>
} {
  return
}

// CHECK-LABEL: func.func @conv2d_nchw
// CHECK: %[[L:.+]] = accel.layer "conv_11" conv2d dims <N = 1, G = 1, K = 512, C = 512, R = 3, S = 3, Y = 14, X = 14> layout <"NCYX", "KCRS", "NKYX"> ins(%{{.*}}, %{{.*}} : tensor<1x512x14x14xf32>, tensor<512x512x3x3xf32>) outs(%{{.*}} : tensor<1x512x12x12xf32>) dataflow <"nvdla", [#accel.spatial_map<1, 1, C>, #accel.temporal_map<64, 64, K>, #accel.temporal_map<sz(R), sz(R), R>, #accel.temporal_map<sz(S), sz(S), S>, #accel.temporal_map<1, 1, OY>, #accel.temporal_map<1, 1, OX>, #accel.cluster<64>, #accel.spatial_map<1, 1, K>, #accel.temporal_map<sz(R), sz(R), R>, #accel.temporal_map<sz(S), sz(S), S>]> {cost = #accel.cost<runtime = 6782976>} -> tensor<1x512x12x12xf32>
// CHECK: return %[[L]]
func.func @conv2d_nchw(%in: tensor<1x512x14x14xf32>, %w: tensor<512x512x3x3xf32>, %init: tensor<1x512x12x12xf32>) -> tensor<1x512x12x12xf32> {
  %0 = accel.layer "conv_11" conv2d
         dims <N = 1, G = 1, K = 512, C = 512, R = 3, S = 3, Y = 14, X = 14>
         layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x512x14x14xf32>, tensor<512x512x3x3xf32>)
         outs(%init : tensor<1x512x12x12xf32>)
         dataflow <"nvdla", [#accel.spatial_map<1, 1, C>, #accel.temporal_map<64, 64, K>,
                             #accel.temporal_map<sz(R), sz(R), R>, #accel.temporal_map<sz(S), sz(S), S>,
                             #accel.temporal_map<1, 1, OY>, #accel.temporal_map<1, 1, OX>,
                             #accel.cluster<64>,
                             #accel.spatial_map<1, 1, K>, #accel.temporal_map<sz(R), sz(R), R>,
                             #accel.temporal_map<sz(S), sz(S), S>]>
         {cost = #accel.cost<runtime = 6782976>}
         -> tensor<1x512x12x12xf32>
  return %0 : tensor<1x512x12x12xf32>
}

// A layer with its MAERI schedule (64 multiplier switches).
// CHECK-LABEL: func.func @scheduled
// CHECK: accel.layer "sched" conv2d {{.*}} {schedule = #accel.maeri_schedule<t_k = 8, t_c = 2, t_r = 3, order = [K, C, R, S, OY, OX, N, G], vn_size = 6, num_vns = 8, folds = 6>}
func.func @scheduled(%in: tensor<1x4x6x6xf32>, %w: tensor<8x4x3x3xf32>, %init: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  %0 = accel.layer "sched" conv2d dims <K = 8, C = 4, R = 3, S = 3, Y = 6, X = 6> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x6x6xf32>, tensor<8x4x3x3xf32>) outs(%init : tensor<1x8x4x4xf32>)
         {schedule = #accel.maeri_schedule<t_k = 8, t_c = 2, t_r = 3, order = [K, C, R, S, OY, OX, N, G], vn_size = 6, num_vns = 8, folds = 6>}
         -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}

// Stride 2 with asymmetric padding (TF "same"): (112 + 0 + 1 - 3) / 2 + 1 = 56.
// CHECK-LABEL: func.func @conv2d_nhwc_strided_padded
// CHECK: accel.layer "conv_1" conv2d dims <N = 2, G = 1, K = 32, C = 16, R = 3, S = 3, Y = 112, X = 112> layout <"NYXC", "RSCK", "NYXK"> ins({{.*}}) outs({{.*}}) {padding = array<i64: 0, 1, 0, 1>, strides = array<i64: 2, 2>} -> tensor<2x56x56x32xf32>
func.func @conv2d_nhwc_strided_padded(%in: tensor<2x112x112x16xf32>, %w: tensor<3x3x16x32xf32>, %init: tensor<2x56x56x32xf32>) -> tensor<2x56x56x32xf32> {
  %0 = accel.layer "conv_1" conv2d
         dims <N = 2, K = 32, C = 16, R = 3, S = 3, Y = 112, X = 112>
         layout <"NYXC", "RSCK", "NYXK">
         ins(%in, %w : tensor<2x112x112x16xf32>, tensor<3x3x16x32xf32>)
         outs(%init : tensor<2x56x56x32xf32>)
         {strides = array<i64: 2, 2>, padding = array<i64: 0, 1, 0, 1>, dilations = array<i64: 1, 1>}
         -> tensor<2x56x56x32xf32>
  return %0 : tensor<2x56x56x32xf32>
}

// Dilation 2: a 3x3 window spans 5 rows; (9 - 5) + 1 = 5.
// CHECK-LABEL: func.func @conv2d_dilated
// CHECK: accel.layer "conv_d" conv2d {{.*}} {dilations = array<i64: 2, 2>} -> tensor<1x8x5x5xf32>
func.func @conv2d_dilated(%in: tensor<1x4x9x9xf32>, %w: tensor<8x4x3x3xf32>, %init: tensor<1x8x5x5xf32>) -> tensor<1x8x5x5xf32> {
  %0 = accel.layer "conv_d" conv2d
         dims <K = 8, C = 4, R = 3, S = 3, Y = 9, X = 9>
         layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x9x9xf32>, tensor<8x4x3x3xf32>)
         outs(%init : tensor<1x8x5x5xf32>)
         {dilations = array<i64: 2, 2>}
         -> tensor<1x8x5x5xf32>
  return %0 : tensor<1x8x5x5xf32>
}

// torch-mlir's depthwise_conv_2d_nchw_chw: channels are groups, C = K = 1.
// CHECK-LABEL: func.func @depthwise_nchw
// CHECK: accel.layer "dw" depthwise dims <N = 1, G = 32, K = 1, C = 1, R = 3, S = 3, Y = 16, X = 16> layout <"NGYX", "GRS", "NGYX">
func.func @depthwise_nchw(%in: tensor<1x32x16x16xf32>, %w: tensor<32x3x3xf32>, %init: tensor<1x32x14x14xf32>) -> tensor<1x32x14x14xf32> {
  %0 = accel.layer "dw" depthwise
         dims <G = 32, R = 3, S = 3, Y = 16, X = 16>
         layout <"NGYX", "GRS", "NGYX">
         ins(%in, %w : tensor<1x32x16x16xf32>, tensor<32x3x3xf32>)
         outs(%init : tensor<1x32x14x14xf32>)
         -> tensor<1x32x14x14xf32>
  return %0 : tensor<1x32x14x14xf32>
}

// TOSA's depthwise_conv_2d_nhwc_hwcm_q: channel multiplier K = 2, 5-D
// output, zero points kept.
// CHECK-LABEL: func.func @depthwise_hwcm_q
// CHECK: accel.layer "dw_q" depthwise dims <N = 1, G = 8, K = 2, C = 1, R = 4, S = 4, Y = 10, X = 10> layout <"NYXG", "RSGK", "NYXGK"> ins(%{{.*}}, %{{.*}} : tensor<1x10x10x8xi8>, tensor<4x4x8x2xi8>) zero_points(%{{.*}}, %{{.*}} : i32, i32) outs(%{{.*}} : tensor<1x4x4x8x2xi32>) {strides = array<i64: 2, 2>} -> tensor<1x4x4x8x2xi32>
func.func @depthwise_hwcm_q(%in: tensor<1x10x10x8xi8>, %w: tensor<4x4x8x2xi8>, %izp: i32, %wzp: i32, %init: tensor<1x4x4x8x2xi32>) -> tensor<1x4x4x8x2xi32> {
  %0 = accel.layer "dw_q" depthwise
         dims <G = 8, K = 2, R = 4, S = 4, Y = 10, X = 10>
         layout <"NYXG", "RSGK", "NYXGK">
         ins(%in, %w : tensor<1x10x10x8xi8>, tensor<4x4x8x2xi8>)
         zero_points(%izp, %wzp : i32, i32)
         outs(%init : tensor<1x4x4x8x2xi32>)
         {strides = array<i64: 2, 2>}
         -> tensor<1x4x4x8x2xi32>
  return %0 : tensor<1x4x4x8x2xi32>
}

// CHECK-LABEL: func.func @grouped
// CHECK: accel.layer "grp" grouped dims <N = 1, G = 4, K = 8, C = 2, R = 3, S = 3, Y = 6, X = 6> layout <"NGCYX", "GKCRS", "NGKYX">
func.func @grouped(%in: tensor<1x4x2x6x6xf32>, %w: tensor<4x8x2x3x3xf32>, %init: tensor<1x4x8x4x4xf32>) -> tensor<1x4x8x4x4xf32> {
  %0 = accel.layer "grp" grouped
         dims <G = 4, K = 8, C = 2, R = 3, S = 3, Y = 6, X = 6>
         layout <"NGCYX", "GKCRS", "NGKYX">
         ins(%in, %w : tensor<1x4x2x6x6xf32>, tensor<4x8x2x3x3xf32>)
         outs(%init : tensor<1x4x8x4x4xf32>)
         -> tensor<1x4x8x4x4xf32>
  return %0 : tensor<1x4x8x4x4xf32>
}

// matmul (M = 384, N = 128, K = 512) as GEMM: M -> Y, N -> K, K -> C.
// batch_matmul multiplies a different pair per batch: the batch is G.
// CHECK-LABEL: func.func @gemm
// CHECK: accel.layer "fc" gemm dims <N = 1, G = 1, K = 128, C = 512, R = 1, S = 1, Y = 384, X = 1> layout <"YC", "CK", "YK">
// CHECK: accel.layer "bmm" gemm dims <N = 1, G = 4, K = 128, C = 512, R = 1, S = 1, Y = 384, X = 1> layout <"GYC", "GKC", "GYK">
func.func @gemm(%a: tensor<384x512xf32>, %b: tensor<512x128xf32>, %c: tensor<384x128xf32>,
                %ba: tensor<4x384x512xf32>, %bb: tensor<4x128x512xf32>, %bc: tensor<4x384x128xf32>) -> (tensor<384x128xf32>, tensor<4x384x128xf32>) {
  %0 = accel.layer "fc" gemm
         dims <K = 128, C = 512, Y = 384>
         layout <"YC", "CK", "YK">
         ins(%a, %b : tensor<384x512xf32>, tensor<512x128xf32>)
         outs(%c : tensor<384x128xf32>)
         -> tensor<384x128xf32>
  %1 = accel.layer "bmm" gemm
         dims <G = 4, K = 128, C = 512, Y = 384>
         layout <"GYC", "GKC", "GYK">
         ins(%ba, %bb : tensor<4x384x512xf32>, tensor<4x128x512xf32>)
         outs(%bc : tensor<4x384x128xf32>)
         -> tensor<4x384x128xf32>
  return %0, %1 : tensor<384x128xf32>, tensor<4x384x128xf32>
}

}
