// Tensor couplings MAESTRO's layer types do not have: a depthwise channel
// multiplier (K > 1), a batch of matrix products (G > 1, from
// linalg.batch_matmul), a batched GEMM (N > 1). Each counts every MAC and
// every operand element, derived by hand below.
// RUN: accel-opt %s --accel-cost-model | FileCheck %s
// Each operand element enters L2 once (l2_*_writes = the tensor's size).

// Depthwise, G = 2 channels, multiplier K = 3, 2x2 input, 1x1 filter:
// MACs = G*K*Y'*X' = 2*3*2*2 = 24; filter G*K = 6; input G*Y*X = 8.
// CHECK: accel.layer "dw"
// CHECK-SAME: l2_filter_writes = 6
// CHECK-SAME: l2_input_writes = 8
// CHECK-SAME: macs = 24
// GEMM x4 (G = 4), 2x2 by 2x2: MACs 4*2*2*2 = 32; A = B = 4*2*2 = 16.
// CHECK: accel.layer "bmm"
// CHECK-SAME: l2_filter_writes = 16
// CHECK-SAME: l2_input_writes = 16
// CHECK-SAME: macs = 32
// GEMM with a batch of N = 3 2x2 by 2x2: MACs 3*2*2*2 = 24;
// A = 3*2*2 = 12, B = 2*2 = 4.
// CHECK: accel.layer "nbatch"
// CHECK-SAME: l2_filter_writes = 4
// CHECK-SAME: l2_input_writes = 12
// CHECK-SAME: macs = 24

module attributes {accel.target = #accel.pe_array<num_pes = 4>} {
func.func @dw(%in: tensor<1x2x2x2xf32>, %w: tensor<2x3x1x1x1xf32>, %o: tensor<1x2x3x2x2xf32>) -> tensor<1x2x3x2x2xf32> {
  %0 = accel.layer "dw" depthwise dims <G = 2, K = 3, C = 1, R = 1, S = 1, Y = 2, X = 2> layout <"NGYX", "GKCRS", "NGKYX">
         ins(%in, %w : tensor<1x2x2x2xf32>, tensor<2x3x1x1x1xf32>) outs(%o : tensor<1x2x3x2x2xf32>)
         dataflow #accel.dataflow<"d", [#accel.spatial_map<1, 1, G>, #accel.temporal_map<1, 1, K>, #accel.temporal_map<1, 1, Y>, #accel.temporal_map<1, 1, X>]>
         -> tensor<1x2x3x2x2xf32>
  return %0 : tensor<1x2x3x2x2xf32>
}
func.func @bmm(%a: tensor<4x2x2xf32>, %b: tensor<4x2x2xf32>, %c: tensor<4x2x2xf32>) -> tensor<4x2x2xf32> {
  %0 = accel.layer "bmm" gemm dims <G = 4, K = 2, C = 2, Y = 2> layout <"GYC", "GKC", "GYK">
         ins(%a, %b : tensor<4x2x2xf32>, tensor<4x2x2xf32>) outs(%c : tensor<4x2x2xf32>)
         dataflow #accel.dataflow<"g", [#accel.spatial_map<1, 1, G>, #accel.temporal_map<1, 1, Y>, #accel.temporal_map<1, 1, K>, #accel.temporal_map<1, 1, C>]>
         -> tensor<4x2x2xf32>
  return %0 : tensor<4x2x2xf32>
}
func.func @nbatch(%a: tensor<3x2x2xf32>, %b: tensor<2x2xf32>, %c: tensor<3x2x2xf32>) -> tensor<3x2x2xf32> {
  %0 = accel.layer "nbatch" gemm dims <N = 3, K = 2, C = 2, Y = 2> layout <"NYC", "KC", "NYK">
         ins(%a, %b : tensor<3x2x2xf32>, tensor<2x2xf32>) outs(%c : tensor<3x2x2xf32>)
         dataflow #accel.dataflow<"n", [#accel.spatial_map<1, 1, N>, #accel.temporal_map<1, 1, Y>, #accel.temporal_map<1, 1, K>, #accel.temporal_map<1, 1, C>]>
         -> tensor<3x2x2xf32>
  return %0 : tensor<3x2x2xf32>
}
}
