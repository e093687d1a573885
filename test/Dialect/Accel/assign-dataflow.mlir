// RUN: accel-opt %s --accel-assign-dataflow=dataflow=nvdla | FileCheck %s --check-prefix=NVDLA
// Names and aliases are case-insensitive: the same dataflow.
// RUN: accel-opt %s --accel-assign-dataflow=dataflow=NVDLA | FileCheck %s --check-prefix=NVDLA
// RUN: accel-opt %s --accel-assign-dataflow=dataflow=kcp_ws | FileCheck %s --check-prefix=NVDLA
// RUN: accel-opt %s --accel-assign-dataflow=dataflow=KC_P | FileCheck %s --check-prefix=NVDLA
// A dataflow from a file.
// RUN: accel-opt %s --accel-assign-dataflow=file=%accel_src/dataflows/rs.mlir | FileCheck %s --check-prefix=RS

module attributes {accel.target = #accel.pe_array<num_pes = 256>} {
// NVDLA-LABEL: func.func @layers
// NVDLA: accel.layer "conv_11" conv2d {{.*}} dataflow <"nvdla", [#accel.spatial_map<1, 1, C>, #accel.temporal_map<64, 64, K>, #accel.temporal_map<sz(R), sz(R), R>, #accel.temporal_map<sz(S), sz(S), S>, #accel.temporal_map<1, 1, OY>, #accel.temporal_map<1, 1, OX>, #accel.cluster<64>, #accel.spatial_map<1, 1, K>, #accel.temporal_map<sz(R), sz(R), R>, #accel.temporal_map<sz(S), sz(S), S>]>
// A layer smaller than the maps (K = 3 < 64): bound with the map clamped,
// as MAESTRO does, and the dataflow assigned as it is.
// NVDLA: accel.layer "small" conv2d {{.*}} dataflow <"nvdla",
// A layer that already had a dataflow gets the new one.
// NVDLA: accel.layer "had_one" conv2d {{.*}} dataflow <"nvdla",
// RS: accel.layer "conv_11" conv2d {{.*}} dataflow <"rs", [#accel.temporal_map<2, 2, K>, #accel.temporal_map<3, 3, C>, #accel.temporal_map<sz(R), sz(R), R>, #accel.spatial_map<sz(R), 1, Y>, #accel.temporal_map<sz(S), 1, X>, #accel.cluster<sz(R)>, #accel.spatial_map<1, 1, Y>, #accel.spatial_map<1, 1, R>, #accel.temporal_map<sz(S), sz(S), S>]>
func.func @layers(%in: tensor<1x512x14x14xf32>, %w: tensor<512x512x3x3xf32>, %init: tensor<1x512x12x12xf32>,
                  %sin: tensor<1x2x5x5xf32>, %sw: tensor<3x2x3x3xf32>, %sinit: tensor<1x3x3x3xf32>)
    -> (tensor<1x512x12x12xf32>, tensor<1x3x3x3xf32>, tensor<1x3x3x3xf32>) {
  %0 = accel.layer "conv_11" conv2d dims <K = 512, C = 512, R = 3, S = 3, Y = 14, X = 14> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x512x14x14xf32>, tensor<512x512x3x3xf32>) outs(%init : tensor<1x512x12x12xf32>) -> tensor<1x512x12x12xf32>
  %1 = accel.layer "small" conv2d dims <K = 3, C = 2, R = 3, S = 3, Y = 5, X = 5> layout <"NCYX", "KCRS", "NKYX">
         ins(%sin, %sw : tensor<1x2x5x5xf32>, tensor<3x2x3x3xf32>) outs(%sinit : tensor<1x3x3x3xf32>) -> tensor<1x3x3x3xf32>
  %2 = accel.layer "had_one" conv2d dims <K = 3, C = 2, R = 3, S = 3, Y = 5, X = 5> layout <"NCYX", "KCRS", "NKYX">
         ins(%sin, %sw : tensor<1x2x5x5xf32>, tensor<3x2x3x3xf32>) outs(%sinit : tensor<1x3x3x3xf32>)
         dataflow <"old", [#accel.spatial_map<1, 1, K>]> -> tensor<1x3x3x3xf32>
  return %0, %1, %2 : tensor<1x512x12x12xf32>, tensor<1x3x3x3xf32>, tensor<1x3x3x3xf32>
}
}
