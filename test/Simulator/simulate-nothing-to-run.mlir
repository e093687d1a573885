// Passes in the wrong order used to leave --accel-simulate with nothing to
// run: an empty report and exit 0. Now nothing at all to run is an error,
// and a layer left without a schedule a warning.
// RUN: accel-opt %s --split-input-file --verify-diagnostics --accel-simulate

// expected-error@+1 {{accel-simulate: nothing to simulate: the module has no accel.layer (run --convert-linalg-to-accel first)}}
module {
}

// -----

module attributes {accel.target = #accel.maeri<ms = 32, dn_bw = 4, rn_bw = 1>} {
func.func @unscheduled(%in: tensor<1x2x4x4xf32>, %w: tensor<2x2x3x3xf32>, %init: tensor<1x2x2x2xf32>) -> tensor<1x2x2x2xf32> {
  // expected-error@+1 {{accel-simulate: nothing to simulate: no accel.layer has a MAERI schedule (1 without; run --accel-emit-maeri-schedule first)}}
  %0 = accel.layer "plain" conv2d dims <K = 2, C = 2, R = 3, S = 3, Y = 4, X = 4> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x2x4x4xf32>, tensor<2x2x3x3xf32>) outs(%init : tensor<1x2x2x2xf32>)
         -> tensor<1x2x2x2xf32>
  return %0 : tensor<1x2x2x2xf32>
}
}

// -----

module attributes {accel.target = #accel.maeri<ms = 32, dn_bw = 4, rn_bw = 1>} {
func.func @mixed(%in: tensor<1x2x4x4xf32>, %w: tensor<2x2x3x3xf32>, %init: tensor<1x2x2x2xf32>) -> tensor<1x2x2x2xf32> {
  %0 = accel.layer "scheduled" conv2d dims <K = 2, C = 2, R = 3, S = 3, Y = 4, X = 4> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x2x4x4xf32>, tensor<2x2x3x3xf32>) outs(%init : tensor<1x2x2x2xf32>)
         {schedule = #accel.maeri_schedule<t_k = 2, t_r = 3, t_s = 3, order = [N, G, K, C, R, S, OY, OX], vn_size = 9, num_vns = 2, folds = 2, forwarding = true>}
         -> tensor<1x2x2x2xf32>
  // expected-warning@+1 {{accel-simulate: layer 'left_out' has no MAERI schedule and is not simulated (run --accel-emit-maeri-schedule first)}}
  %1 = accel.layer "left_out" conv2d dims <K = 2, C = 2, R = 3, S = 3, Y = 4, X = 4> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x2x4x4xf32>, tensor<2x2x3x3xf32>) outs(%init : tensor<1x2x2x2xf32>)
         -> tensor<1x2x2x2xf32>
  return %1 : tensor<1x2x2x2xf32>
}
}
