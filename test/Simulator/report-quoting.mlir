// Layer names with commas or quotes are quoted in the CSV report, as in
// accel-cost-model's.
// RUN: accel-opt %s --accel-simulate=report=- -o /dev/null | FileCheck %s
// CHECK: Layer Number,Simulated Cycles,
// CHECK-NEXT: "conv, ""a""",{{[0-9]+}},{{[0-9]+}},1,8,
module attributes {accel.target = #accel.maeri<ms = 8, dn_bw = 8, rn_bw = 8>} {
func.func @f(%in: tensor<1x1x2x2xf32>, %w: tensor<2x1x1x1xf32>, %init: tensor<1x2x2x2xf32>) -> tensor<1x2x2x2xf32> {
  %0 = accel.layer "conv, \"a\"" conv2d dims <K = 2, C = 1, R = 1, S = 1, Y = 2, X = 2> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x1x2x2xf32>, tensor<2x1x1x1xf32>) outs(%init : tensor<1x2x2x2xf32>)
         {schedule = #accel.maeri_schedule<t_k = 2, order = [N, G, K, C, R, S, OY, OX], vn_size = 1, num_vns = 2, folds = 1>}
         -> tensor<1x2x2x2xf32>
  return %0 : tensor<1x2x2x2xf32>
}
}
