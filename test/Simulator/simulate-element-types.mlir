// Element types the executor has no arithmetic for are an error at the
// layer (they used to crash: the pass asked a non-integer, non-float type
// for its bit width). Without data (timing-only) they run.
// RUN: accel-opt %s --split-input-file --verify-diagnostics --accel-simulate
// RUN: accel-opt %s --split-input-file '--accel-simulate=timing-only=true report=-' -o /dev/null | FileCheck %s --check-prefix=TIMING
// TIMING: idx,68,68,1,144,{{.*}},skipped,
// TIMING: cplx,68,68,1,144,{{.*}},skipped,

module attributes {accel.target = #accel.pe_array<num_pes = 32, maeri_ms = 32, maeri_dn_bw = 4, maeri_rn_bw = 1>} {
func.func @idx(%in: tensor<1x2x4x4xindex>, %w: tensor<2x2x3x3xindex>, %init: tensor<1x2x2x2xindex>) -> tensor<1x2x2x2xindex> {
  // expected-error@+1 {{accel-simulate: layer 'idx' has elements of type 'index', which the simulated executor cannot compute with (integers and floats only; timing-only=true needs no data)}}
  %0 = accel.layer "idx" conv2d dims <K = 2, C = 2, R = 3, S = 3, Y = 4, X = 4> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x2x4x4xindex>, tensor<2x2x3x3xindex>) outs(%init : tensor<1x2x2x2xindex>)
         {schedule = #accel.maeri_schedule<t_k = 2, t_r = 3, t_s = 3, order = [N, G, K, C, R, S, OY, OX], vn_size = 9, num_vns = 2, folds = 2, forwarding = true>}
         -> tensor<1x2x2x2xindex>
  return %0 : tensor<1x2x2x2xindex>
}
}

// -----

module attributes {accel.target = #accel.pe_array<num_pes = 32, maeri_ms = 32, maeri_dn_bw = 4, maeri_rn_bw = 1>} {
func.func @cplx(%in: tensor<1x2x4x4xcomplex<f32>>, %w: tensor<2x2x3x3xcomplex<f32>>, %init: tensor<1x2x2x2xf32>) -> tensor<1x2x2x2xf32> {
  // expected-error@+1 {{layer 'cplx' has elements of type 'complex<f32>'}}
  %0 = accel.layer "cplx" conv2d dims <K = 2, C = 2, R = 3, S = 3, Y = 4, X = 4> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x2x4x4xcomplex<f32>>, tensor<2x2x3x3xcomplex<f32>>) outs(%init : tensor<1x2x2x2xf32>)
         {schedule = #accel.maeri_schedule<t_k = 2, t_r = 3, t_s = 3, order = [N, G, K, C, R, S, OY, OX], vn_size = 9, num_vns = 2, folds = 2, forwarding = true>}
         -> tensor<1x2x2x2xf32>
  return %0 : tensor<1x2x2x2xf32>
}
}
