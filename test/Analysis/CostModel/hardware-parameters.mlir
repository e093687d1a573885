// The hardware parameters MAESTRO ignores or fixes are honoured here; each
// RUN changes one of them on the same layer (NVDLA on a small conv) and the
// checks show the effect. Deviations from MAESTRO on purpose:
//  - multicast = false: MAESTRO always assumes multicast. Without it, data
//    several sub-clusters need is sent to each, so L2 reads (NoC traffic)
//    grow and with them the step cost.
//  - noc_hops / hop_latency: MAESTRO charges one cycle per transfer whatever
//    it is told; here each transfer costs hops x latency + flits - 1.
//  - simd_lanes: a PE does that many MACs per cycle.
// RUN: accel-opt %s --accel-cost-model | FileCheck %s --check-prefix=BASE
// RUN: sed 's/multicast = true/multicast = false/' %s | accel-opt --accel-cost-model | FileCheck %s --check-prefix=NOMC
// RUN: sed 's/hop_latency = 1/hop_latency = 20/' %s | accel-opt --accel-cost-model | FileCheck %s --check-prefix=HOPS
// RUN: sed 's/simd_lanes = 1/simd_lanes = 3/' %s | accel-opt --accel-cost-model | FileCheck %s --check-prefix=SIMD

// Each cluster (one input channel, 8 PEs for 8 output channels) gets a
// window of inputs that all 8 PEs share, and 8 different filters.
// BASE: l2_filter_reads = 288
// BASE-SAME: l2_input_reads = 288
// BASE-SAME: runtime = 561
// Without multicast the shared window is sent to each of the 8 PEs inside a
// cluster: the inner level's ingress grows 8x for inputs, which lengthens
// every step (L2 traffic, counted at the top level, is unchanged).
// NOMC: l2_filter_reads = 288
// NOMC-SAME: l2_input_reads = 288
// NOMC-SAME: runtime = 801
// 20-cycle hops make every transfer 19 cycles longer.
// HOPS: runtime = 884
// Three MACs per cycle shorten the 9-MAC PE steps from 9 to 3 cycles.
// SIMD: runtime = 465
module attributes {accel.target = #accel.pe_array<num_pes = 32, simd_lanes = 1, noc_bw = 4, noc_hops = 1, hop_latency = 1, multicast = true, offchip_bw = 1000>} {
func.func @f(%in: tensor<1x4x6x6xf32>, %w: tensor<8x4x3x3xf32>, %out: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  %0 = accel.layer "conv" conv2d dims <K = 8, C = 4, R = 3, S = 3, Y = 6, X = 6> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x6x6xf32>, tensor<8x4x3x3xf32>) outs(%out : tensor<1x8x4x4xf32>)
         dataflow <"nvdla", [#accel.spatial_map<1, 1, C>, #accel.temporal_map<8, 8, K>,
                             #accel.temporal_map<sz(R), sz(R), R>, #accel.temporal_map<sz(S), sz(S), S>,
                             #accel.temporal_map<1, 1, OY>, #accel.temporal_map<1, 1, OX>,
                             #accel.cluster<8>,
                             #accel.spatial_map<1, 1, K>, #accel.temporal_map<sz(R), sz(R), R>,
                             #accel.temporal_map<sz(S), sz(S), S>]> -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}
}
