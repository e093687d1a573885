// Schedules derived from each library dataflow for VGG16 CONV11 on a
// 256-switch MAERI (dn_bw = rn_bw = 32).
// RUN: accel-opt %s --accel-assign-dataflow=dataflow=nvdla --accel-emit-maeri-schedule | FileCheck %s --check-prefix=NVDLA
// RUN: accel-opt %s --accel-assign-dataflow=dataflow=nlr --accel-emit-maeri-schedule | FileCheck %s --check-prefix=NLR
// RUN: accel-opt %s --accel-assign-dataflow=dataflow=yxp_os --accel-emit-maeri-schedule | FileCheck %s --check-prefix=YXP
// RUN: accel-opt %s --accel-assign-dataflow=dataflow=rs --accel-emit-maeri-schedule | FileCheck %s --check-prefix=RS
// RUN: accel-opt %s --accel-assign-dataflow=dataflow=tpu_ws --accel-emit-maeri-schedule | FileCheck %s --check-prefix=TPU
// RUN: accel-opt %s --accel-emit-maeri-schedule 2>&1 | FileCheck %s --check-prefix=DEFAULT
// RUN: accel-opt %s --accel-emit-maeri-schedule --verify-roundtrip -o /dev/null

// With NVDLA, C over 4 clusters makes VNs of 4 switches, K over the 64 PEs of a
// cluster 64 VNs; K, R, S, OY, OX walk in time (each tile one 4-channel
// slice of one filter tap): 512/4 * 3 * 3 = 1152 partial-sum passes.
// NVDLA: schedule = #accel.maeri_schedule<t_k = 64, t_c = 4, order = [K, R, S, OY, OX, N, G, C], vn_size = 4, num_vns = 64, folds = 1152>
// With NLR, C over all 256 PEs: one VN of 256 switches, the reduction over C in
// the tree.
// NLR: schedule = #accel.maeri_schedule<t_c = 256, order = [K, OY, OX, R, S, N, G, C], vn_size = 256, num_vns = 1, folds = 18>
// YX-P output stationary: 12 output rows (of 32 clusters) x 8 columns, VNs
// of one switch accumulating over R, S, C in time.
// YXP: schedule = #accel.maeri_schedule<t_oy = 12, t_ox = 8, order = [K, C, OX, R, S, N, G, OY], vn_size = 1, num_vns = 96, folds = 4608>
// Row stationary: VNs of 3 switches (a filter column's rows), 12 output rows.
// RS: schedule = #accel.maeri_schedule<t_r = 3, t_oy = 12, order = [K, C, R, OX, S, N, G, OY], vn_size = 3, num_vns = 12, folds = 1536>
// TPU-like: 16 channels reduce in each VN, 16 output channels side by side.
// TPU: schedule = #accel.maeri_schedule<t_k = 16, t_c = 16, order = [R, S, C, OY, OX, N, G, K], vn_size = 16, num_vns = 16, folds = 288>
// DEFAULT: remark: layer 'CONV11' has no dataflow; MAERI default mapping: weight stationary: VNs of T_R*T_S*T_C = 3x3x1 weights, 28 output channels x 1x1 output positions in parallel, output positions innermost
// DEFAULT: schedule = #accel.maeri_schedule<t_k = 28, t_r = 3, t_s = 3, order = [N, G, K, C, R, S, OY, OX], vn_size = 9, num_vns = 28, folds = 512, forwarding = true>
module attributes {accel.target = #accel.maeri<ms = 256, dn_bw = 32, rn_bw = 32>} {
func.func @conv11(%in: tensor<1x512x14x14xf32>, %w: tensor<512x512x3x3xf32>, %init: tensor<1x512x12x12xf32>) -> tensor<1x512x12x12xf32> {
  %0 = accel.layer "CONV11" conv2d dims <K = 512, C = 512, R = 3, S = 3, Y = 14, X = 14> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x512x14x14xf32>, tensor<512x512x3x3xf32>) outs(%init : tensor<1x512x12x12xf32>) -> tensor<1x512x12x12xf32>
  return %0 : tensor<1x512x12x12xf32>
}
}
