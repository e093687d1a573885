// A filter split at the top level of a strided layer (the cost-model
// fuzzer's finding: a grouped layer with SpatialMap(1,1) R, one filter row
// per PE, and a strided Y' map counted 23x its MACs, 5x of it from this):
// MAESTRO repacks a strided chunk by the whole filter while the top level,
// which counts the MACs, narrows its output chunk by the one row it holds,
// so each strided output counted once per row of its chunk. Refused, naming
// the directive. Splitting the filter at an inner level (row stationary,
// as MAESTRO's sane random case s568 does, with exact MACs) is costed: 3
// output rows ((7 - 3) / 2 + 1) x 3 filter rows = 9 MACs, by hand.
// RUN: accel-opt %s --accel-cost-model -split-input-file -verify-diagnostics | FileCheck %s

func.func @split_at_top(%in: tensor<1x1x7x1xf32>, %w: tensor<1x1x3x1xf32>, %out: tensor<1x1x3x1xf32>) -> tensor<1x1x3x1xf32> {
  // expected-error @below {{cost model on layer 'split_at_top': directive #0 (spatial_map<1, 1, R>) maps 1 of the 3-row filter at the top level, where Y chunks of 3 rows move by the stride 2}}
  %0 = accel.layer "split_at_top" conv2d dims <K = 1, C = 1, R = 3, S = 1, Y = 7, X = 1> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x1x7x1xf32>, tensor<1x1x3x1xf32>) outs(%out : tensor<1x1x3x1xf32>)
         dataflow <"split", [#accel.spatial_map<1, 1, R>, #accel.temporal_map<3, 3, OY>]>
         {strides = array<i64: 2, 1>} -> tensor<1x1x3x1xf32>
  return %0 : tensor<1x1x3x1xf32>
}

// -----

// CHECK-LABEL: func.func @split_inside
// CHECK: accel.layer "split_inside"
// CHECK-SAME: cost = #accel.cost<
// CHECK-SAME: macs = 9,
func.func @split_inside(%in: tensor<1x1x7x1xf32>, %w: tensor<1x1x3x1xf32>, %out: tensor<1x1x3x1xf32>) -> tensor<1x1x3x1xf32> {
  %0 = accel.layer "split_inside" conv2d dims <K = 1, C = 1, R = 3, S = 1, Y = 7, X = 1> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x1x7x1xf32>, tensor<1x1x3x1xf32>) outs(%out : tensor<1x1x3x1xf32>)
         dataflow <"rs_like", [#accel.temporal_map<sz(R), sz(R), R>, #accel.spatial_map<sz(R), 1, Y>, #accel.cluster<sz(R)>, #accel.spatial_map<1, 1, Y>, #accel.spatial_map<1, 1, R>]>
         {strides = array<i64: 2, 1>} -> tensor<1x1x3x1xf32>
  return %0 : tensor<1x1x3x1xf32>
}
