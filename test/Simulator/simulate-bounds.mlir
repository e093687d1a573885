// One layer may not take unbounded memory or time: with data, more operand
// elements than max-data-elements or more tiles than max-walk-tiles is an
// error naming the layer, its size and the option; without data, a layer
// of more tiles takes its cycles from the analytical model (equal to the
// walk: 69 both ways below) and leaves the activity columns empty.
// The layer: 32 + 36 + 8 = 76 elements, 8 tiles.
// RUN: accel-opt %s --verify-diagnostics '--accel-simulate=max-data-elements=75'
// RUN: not accel-opt %s '--accel-simulate=max-walk-tiles=7' 2>&1 | FileCheck %s --check-prefix=TILES
// RUN: accel-opt %s '--accel-simulate=max-data-elements=76 max-walk-tiles=8 report=-' -o /dev/null | FileCheck %s --check-prefix=FITS
// RUN: accel-opt %s '--accel-simulate=timing-only=true max-walk-tiles=7 report=-' -o /dev/null 2>%t.err | FileCheck %s --check-prefix=MODEL
// RUN: FileCheck %s --check-prefix=REMARK < %t.err

// TILES: error: accel-simulate: layer 'small' has 8 tiles, more than max-walk-tiles=7 (raise max-walk-tiles, or use timing-only=true for its cycles alone)
// FITS: small,69,69,1,144,0.0652174,passed,0,1e-05,8,16,
// MODEL: small,69,69,1,144,,skipped,0,1e-05,,,,,,,,,,,,,,,{{$}}
// REMARK: remark: accel-simulate: layer 'small' has 8 tiles, more than max-walk-tiles=7: its cycles come from the analytical model (equal to the walk), without activity figures

module attributes {accel.target = #accel.maeri<ms = 32, dn_bw = 4, rn_bw = 1>} {
func.func @small(%in: tensor<1x2x4x4xf32>, %w: tensor<2x2x3x3xf32>, %init: tensor<1x2x2x2xf32>) -> tensor<1x2x2x2xf32> {
  // expected-error@+1 {{accel-simulate: layer 'small' has 76 input, filter and output elements, more than max-data-elements=75 (raise max-data-elements, or use timing-only=true)}}
  %0 = accel.layer "small" conv2d dims <K = 2, C = 2, R = 3, S = 3, Y = 4, X = 4> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x2x4x4xf32>, tensor<2x2x3x3xf32>) outs(%init : tensor<1x2x2x2xf32>)
         {schedule = #accel.maeri_schedule<t_k = 2, t_r = 3, t_s = 3, order = [N, G, K, C, R, S, OY, OX], vn_size = 9, num_vns = 2, folds = 2, forwarding = true>}
         -> tensor<1x2x2x2xf32>
  return %0 : tensor<1x2x2x2xf32>
}
}
