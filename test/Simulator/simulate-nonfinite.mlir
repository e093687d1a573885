// The functional check must fail on NaN or Inf where the reference has a
// finite value: a maximum with NaN ignores it, and the check used to pass.
// The executor computes f32 layers in float, the reference in double, so
// operands near the float range overflow in one and not the other:
// 3e38 * 2 is inf in float (6e38 in double), and 3e38 * 2 + (-3e38) * 2 is
// inf - inf = NaN in float (0 in double).
// RUN: accel-opt %s --split-input-file --verify-diagnostics --accel-simulate
// RUN: not accel-opt %s --split-input-file --accel-simulate=report=- 2>/dev/null | FileCheck %s
// CHECK: inf,6,6,1,1,{{.*}},failed,inf,1e-05,
// CHECK: nan,6,6,1,2,{{.*}},failed,inf,1e-05,

module attributes {accel.target = #accel.maeri<ms = 4, dn_bw = 4, rn_bw = 4>} {
func.func @inf() -> tensor<1x1x1x1xf32> {
  %in = arith.constant dense<3.0e38> : tensor<1x1x1x1xf32>
  %w = arith.constant dense<2.0> : tensor<1x1x1x1xf32>
  %init = arith.constant dense<0.0> : tensor<1x1x1x1xf32>
  // expected-error@+1 {{simulated MAERI output of layer 'inf' differs from the reference loop nest: output element 0 is inf where the reference is 6e+38}}
  %0 = accel.layer "inf" conv2d dims <K = 1, C = 1, R = 1, S = 1, Y = 1, X = 1> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x1x1x1xf32>, tensor<1x1x1x1xf32>) outs(%init : tensor<1x1x1x1xf32>)
         {schedule = #accel.maeri_schedule<order = [N, G, K, C, R, S, OY, OX], vn_size = 1, num_vns = 1, folds = 1>}
         -> tensor<1x1x1x1xf32>
  return %0 : tensor<1x1x1x1xf32>
}
}

// -----

module attributes {accel.target = #accel.maeri<ms = 4, dn_bw = 4, rn_bw = 4>} {
func.func @nan() -> tensor<1x1x1x1xf32> {
  %in = arith.constant dense<[[[[3.0e38]], [[-3.0e38]]]]> : tensor<1x2x1x1xf32>
  %w = arith.constant dense<2.0> : tensor<1x2x1x1xf32>
  %init = arith.constant dense<0.0> : tensor<1x1x1x1xf32>
  // expected-error@+1 {{simulated MAERI output of layer 'nan' differs from the reference loop nest: output element 0 is nan where the reference is 0}}
  %0 = accel.layer "nan" conv2d dims <K = 1, C = 2, R = 1, S = 1, Y = 1, X = 1> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x2x1x1xf32>, tensor<1x2x1x1xf32>) outs(%init : tensor<1x1x1x1xf32>)
         {schedule = #accel.maeri_schedule<t_c = 2, order = [N, G, K, C, R, S, OY, OX], vn_size = 2, num_vns = 1, folds = 1>}
         -> tensor<1x1x1x1xf32>
  return %0 : tensor<1x1x1x1xf32>
}
}
