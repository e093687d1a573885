// Stepping through a filter one tap at a time (temporal maps of 1 on R and
// S, as the library's tpu_ws once did): MAESTRO's analysis needs a temporal
// map on R or S to hold the whole filter (docs/CostModel.md, Inputs), else
// it counts every input position's windows for each tap. On a 3x3
// convolution the cost model refuses it, naming the directive; on a 1x1
// convolution those maps hold the filter and it is costed (16 x 16 x 14 x 14
// = 50,176 MACs). The library's tpu_ws now keeps a whole filter per PE
// (library-macs.test: 339,738,624 MACs on CONV11).
// RUN: accel-opt %s --accel-cost-model -split-input-file -verify-diagnostics | FileCheck %s

func.func @conv3x3(%in: tensor<1x16x14x14xf32>, %w: tensor<16x16x3x3xf32>, %out: tensor<1x16x12x12xf32>) -> tensor<1x16x12x12xf32> {
  // expected-error @below {{cost model on layer 'conv3x3': directive #0 (temporal_map<1, 1, R>) maps 1 of R with offset 1: a temporal map on a filter dimension must hold the whole filter, size and offset 3 (sz(R))}}
  %0 = accel.layer "conv3x3" conv2d dims <K = 16, C = 16, R = 3, S = 3, Y = 14, X = 14> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x16x14x14xf32>, tensor<16x16x3x3xf32>) outs(%out : tensor<1x16x12x12xf32>)
         dataflow <"taps", [#accel.temporal_map<1, 1, R>, #accel.temporal_map<1, 1, S>, #accel.spatial_map<1, 1, K>, #accel.temporal_map<16, 16, C>, #accel.temporal_map<1, 1, OY>, #accel.temporal_map<1, 1, OX>, #accel.cluster<16>, #accel.spatial_map<1, 1, C>]> -> tensor<1x16x12x12xf32>
  return %0 : tensor<1x16x12x12xf32>
}

// -----

// CHECK-LABEL: func.func @conv1x1
// CHECK: accel.layer "conv1x1"
// CHECK-SAME: cost = #accel.cost<
// CHECK-SAME: macs = 50176
func.func @conv1x1(%in: tensor<1x16x14x14xf32>, %w: tensor<16x16x1x1xf32>, %out: tensor<1x16x14x14xf32>) -> tensor<1x16x14x14xf32> {
  %0 = accel.layer "conv1x1" conv2d dims <K = 16, C = 16, Y = 14, X = 14> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x16x14x14xf32>, tensor<16x16x1x1xf32>) outs(%out : tensor<1x16x14x14xf32>)
         dataflow <"taps", [#accel.temporal_map<1, 1, R>, #accel.temporal_map<1, 1, S>, #accel.spatial_map<1, 1, K>, #accel.temporal_map<16, 16, C>, #accel.temporal_map<1, 1, OY>, #accel.temporal_map<1, 1, OX>, #accel.cluster<16>, #accel.spatial_map<1, 1, C>]> -> tensor<1x16x14x14xf32>
  return %0 : tensor<1x16x14x14xf32>
}
