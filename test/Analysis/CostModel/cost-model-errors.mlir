// RUN: accel-opt %s --accel-cost-model -split-input-file -verify-diagnostics

func.func @f(%in: tensor<1x4x1x1xf32>, %w: tensor<1x4x1x1xf32>, %out: tensor<1x1x1x1xf32>) -> tensor<1x1x1x1xf32> {
  // expected-error @below {{layer 'no_dataflow' has no dataflow; run --accel-assign-dataflow first}}
  %0 = accel.layer "no_dataflow" conv2d dims <C = 4> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x1x1xf32>, tensor<1x4x1x1xf32>) outs(%out : tensor<1x1x1x1xf32>) -> tensor<1x1x1x1xf32>
  return %0 : tensor<1x1x1x1xf32>
}

// -----

// A top-level map on input rows narrower than the 3-row window: no chunk
// holds a whole window (MAESTRO reports 0 MACs and 0 cycles).
func.func @narrow(%in: tensor<1x2x8x8xf32>, %w: tensor<4x2x3x3xf32>, %out: tensor<1x4x6x6xf32>) -> tensor<1x4x6x6xf32> {
  // expected-error @below {{cost model on layer 'narrow': directive #0 (spatial_map<1, 1, Y>) maps 1 of Y, narrower than the 3-wide filter window (R)}}
  %0 = accel.layer "narrow" conv2d dims <K = 4, C = 2, R = 3, S = 3, Y = 8, X = 8> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x2x8x8xf32>, tensor<4x2x3x3xf32>) outs(%out : tensor<1x4x6x6xf32>)
         dataflow <"narrow", [#accel.spatial_map<1, 1, Y>]> -> tensor<1x4x6x6xf32>
  return %0 : tensor<1x4x6x6xf32>
}

// -----

// A temporal map on a filter dimension must hold the whole filter (MAESTRO's
// rule): one filter row at a time would count every input row's windows for
// each row of the filter (15 MACs for this layer's 9).
func.func @filter_rows(%in: tensor<1x1x5x1xf32>, %w: tensor<1x1x3x1xf32>, %out: tensor<1x1x3x1xf32>) -> tensor<1x1x3x1xf32> {
  // expected-error @below {{cost model on layer 'filter_rows': directive #0 (temporal_map<1, 1, R>) maps 1 of R with offset 1: a temporal map on a filter dimension must hold the whole filter, size and offset 3 (sz(R))}}
  %0 = accel.layer "filter_rows" conv2d dims <R = 3, Y = 5> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x1x5x1xf32>, tensor<1x1x3x1xf32>) outs(%out : tensor<1x1x3x1xf32>)
         dataflow <"filter_rows", [#accel.temporal_map<1, 1, R>, #accel.spatial_map<1, 1, K>]> -> tensor<1x1x3x1xf32>
  return %0 : tensor<1x1x3x1xf32>
}
