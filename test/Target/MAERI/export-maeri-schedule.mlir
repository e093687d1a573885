// RUN: accel-opt %s --accel-emit-maeri-schedule | accel-translate --export-maeri-schedule | FileCheck %s
// RUN: not accel-translate --export-maeri-schedule %s 2>&1 | FileCheck %s --check-prefix=NOSCHED

// K over 8 clusters of 2 switches, C over the 2: VNs of 2 switches (T_C),
// 8 VNs (T_K), VN i on switches [2i, 2i + 2). 3 x 3 x 4/2 = 18 folds.
// CHECK: "layers": [
// CHECK: "art": {
// CHECK-NEXT: "vn_first_switch": [
// CHECK-NEXT: 0,
// CHECK-NEXT: 2,
// CHECK-NEXT: 4,
// CHECK: "vn_size": 2
// CHECK: "collection": {
// CHECK-NEXT: "cycles_per_tile": 2,
// CHECK-NEXT: "results_per_tile": 8
// CHECK: "dataflow": "kc",
// CHECK: "distribution": {
// CHECK-NEXT: "input_multicast": 8
// CHECK: "folds": 18,
// CHECK: "forwarding": false,
// CHECK: "layer": "l",
// CHECK: "multipliers_used": 16,
// CHECK: "num_vns": 8,
// CHECK: "target": {
// CHECK-NEXT: "dn_bw": 4,
// CHECK-NEXT: "multiplier_switches": 16,
// CHECK-NEXT: "rn_bw": 4
// CHECK: "tiles": {
// CHECK-NEXT: "T_C": 2,
// CHECK-NEXT: "T_G": 1,
// CHECK-NEXT: "T_K": 8,
// CHECK: "tiles_visited": 288,
// NOSCHED: error: layer 'l' has no MAERI schedule; run --accel-emit-maeri-schedule first
module attributes {accel.target = #accel.maeri<ms = 16, dn_bw = 4, rn_bw = 4>} {
func.func @f(%in: tensor<1x4x6x6xf32>, %w: tensor<8x4x3x3xf32>, %init: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  %0 = accel.layer "l" conv2d dims <K = 8, C = 4, R = 3, S = 3, Y = 6, X = 6> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x6x6xf32>, tensor<8x4x3x3xf32>) outs(%init : tensor<1x8x4x4xf32>)
         dataflow <"kc", [#accel.spatial_map<1, 1, K>, #accel.cluster<2>, #accel.spatial_map<1, 1, C>]>
         -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}
}
