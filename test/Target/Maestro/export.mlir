// RUN: accel-translate --export-maestro %s -split-input-file | FileCheck %s

// CHECK-LABEL: Network net {
// CHECK-NEXT:   Layer conv_1 {
// CHECK-NEXT:     Type: CONV
// CHECK-NEXT:     Stride { X: 2, Y: 2 }
// CHECK-NEXT:     Dimensions { N: 1, K: 8, C: 4, R: 3, S: 3, Y: 9, X: 9 }
// CHECK-NEXT:     Dataflow {
// CHECK-NEXT:       SpatialMap(1,1) K;
// CHECK-NEXT:       TemporalMap(Sz(R),Sz(R)) R;
// CHECK-NEXT:       TemporalMap(1,1) Y';
// CHECK-NEXT:       Cluster(4, L);
// CHECK-NEXT:       SpatialMap(1,1) C;
// CHECK-NEXT:     }
// CHECK-NEXT:   }
// CHECK-NEXT:   Layer dw {
// CHECK-NEXT:     Type: DSCONV
// CHECK-NEXT:     Stride { X: 1, Y: 1 }
// CHECK-NEXT:     Dimensions { N: 1, K: 1, C: 8, R: 3, S: 3, Y: 6, X: 6 }
// CHECK-NEXT:     Dataflow {
// CHECK-NEXT:       SpatialMap(1,1) C;
// CHECK-NEXT:     }
// CHECK-NEXT:   }
// CHECK-NEXT:   Layer fc {
// CHECK-NEXT:     Type: GEMM
// CHECK-NEXT:     Dimensions { M: 16, N: 32, K: 64 }
// CHECK-NEXT:     Dataflow {
// CHECK-NEXT:       SpatialMap(1,1) M;
// CHECK-NEXT:       TemporalMap(Sz(K),Sz(K)) K;
// CHECK-NEXT:     }
// CHECK-NEXT:   }
// CHECK-NEXT: }
func.func @net(%in: tensor<1x4x9x9xf32>, %w: tensor<8x4x3x3xf32>, %o: tensor<1x8x4x4xf32>,
               %dwin: tensor<1x8x6x6xf32>, %dww: tensor<8x3x3xf32>, %dwo: tensor<1x8x4x4xf32>,
               %a: tensor<16x64xf32>, %b: tensor<64x32xf32>, %c: tensor<16x32xf32>) {
  %0 = accel.layer "conv_1" conv2d dims <K = 8, C = 4, R = 3, S = 3, Y = 9, X = 9> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x9x9xf32>, tensor<8x4x3x3xf32>) outs(%o : tensor<1x8x4x4xf32>)
         dataflow <"df", [#accel.spatial_map<1, 1, K>, #accel.temporal_map<sz(R), sz(R), R>, #accel.temporal_map<1, 1, OY>,
                          #accel.cluster<4, logical>, #accel.spatial_map<1, 1, C>]>
         {strides = array<i64: 2, 2>} -> tensor<1x8x4x4xf32>
  %1 = accel.layer "dw" depthwise dims <G = 8, R = 3, S = 3, Y = 6, X = 6> layout <"NGYX", "GRS", "NGYX">
         ins(%dwin, %dww : tensor<1x8x6x6xf32>, tensor<8x3x3xf32>) outs(%dwo : tensor<1x8x4x4xf32>)
         dataflow <"df", [#accel.spatial_map<1, 1, G>]> -> tensor<1x8x4x4xf32>
  %2 = accel.layer "fc" gemm dims <K = 32, C = 64, Y = 16> layout <"YC", "CK", "YK">
         ins(%a, %b : tensor<16x64xf32>, tensor<64x32xf32>) outs(%c : tensor<16x32xf32>)
         dataflow <"df", [#accel.spatial_map<1, 1, Y>, #accel.temporal_map<sz(C), sz(C), C>]> -> tensor<16x32xf32>
  return
}

// -----

// Padding has no MAESTRO spelling: it is counted as input (same output size
// and MACs), with a warning.
// CHECK-LABEL: Network padded {
// CHECK: Dimensions { N: 1, K: 8, C: 4, R: 3, S: 3, Y: 8, X: 7 }
func.func @padded(%in: tensor<1x4x6x6xf32>, %w: tensor<8x4x3x3xf32>, %o: tensor<1x8x6x5xf32>) {
  %0 = accel.layer "p" conv2d dims <K = 8, C = 4, R = 3, S = 3, Y = 6, X = 6> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x6x6xf32>, tensor<8x4x3x3xf32>) outs(%o : tensor<1x8x6x5xf32>)
         {padding = array<i64: 1, 1, 1, 0>} -> tensor<1x8x6x5xf32>
  return
}
