// RUN: accel-opt %s -split-input-file -verify-diagnostics

//===----------------------------------------------------------------------===//
// Module target
//===----------------------------------------------------------------------===//

// expected-error @below {{unknown attribute 'accel.hardware' in the accel dialect; known: 'accel.target', 'accel.dataflow', 'accel.dataflow_aliases'}}
module attributes {accel.hardware = #accel.pe_array<num_pes = 4>} {}

// -----

// expected-error @below {{'accel.target' belongs on a builtin.module, not on 'func.func'}}
func.func @f() attributes {accel.target = #accel.pe_array<num_pes = 4>} {
  return
}

// -----

// expected-error @below {{'accel.target' must be a target (#accel.pe_array, or a target's such as #accel.maeri), got 4 : i64}}
module attributes {accel.target = 4} {}

// -----

// expected-error @below {{'accel.dataflow' must be a #accel.dataflow, got #accel.cluster<4>}}
module attributes {accel.dataflow = #accel.cluster<4>} {}

// -----

// expected-error @below {{'accel.dataflow_aliases' must be an array of non-empty lower-case strings, got ["ok", "NotLower"]}}
module attributes {accel.dataflow_aliases = ["ok", "NotLower"]} {}

// -----

// expected-error @below {{'accel.dataflow' belongs on a builtin.module, not on 'func.func'}}
func.func @f() attributes {accel.dataflow = #accel.dataflow<"df", [#accel.spatial_map<1, 1, K>]>} {
  return
}

// -----

//===----------------------------------------------------------------------===//
// pe_array
//===----------------------------------------------------------------------===//

// expected-error @below {{num_pes must be in [1, 2^40], got 0}}
func.func @f() attributes {hw = #accel.pe_array<num_pes = 0>} { return }

// -----

// expected-error @below {{hop_latency must be in [0, 2^40], got -1}}
func.func @f() attributes {hw = #accel.pe_array<num_pes = 4, hop_latency = -1>} { return }

// -----

// expected-error @below {{l2_size must be in [0, 2^40], got 9223372036854775807}}
func.func @f() attributes {hw = #accel.pe_array<num_pes = 4, l2_size = 9223372036854775807>} { return }

// -----

// expected-error @below {{struct is missing required parameter: rn_bw}}
func.func @f() attributes {hw = #accel.maeri<ms = 64, dn_bw = 8>} { return }

// -----

// The MAERI parameters are not the core PE array's.
// expected-error @below {{duplicate or unknown struct parameter name: maeri_ms}}
func.func @f() attributes {hw = #accel.pe_array<num_pes = 64, maeri_ms = 64>} { return }

// -----

// expected-error @below {{MAERI dn_bw must be a positive power of two, got 6}}
func.func @f() attributes {hw = #accel.maeri<ms = 64, dn_bw = 6, rn_bw = 8>} { return }

// -----

// expected-error @below {{MAERI bandwidths (dn_bw 8, rn_bw 128) cannot exceed the 64 multiplier switches they connect to}}
func.func @f() attributes {hw = #accel.maeri<ms = 64, dn_bw = 8, rn_bw = 128>} { return }

// -----

// expected-error @below {{expected 'true' or 'false'}}
// expected-error @below {{failed to parse Accel_PEArrayAttr parameter 'multicast'}}
func.func @f() attributes {hw = #accel.pe_array<num_pes = 4, multicast = 1>} { return }

// -----

// expected-error @below {{struct is missing required parameter: num_pes}}
func.func @f() attributes {hw = #accel.pe_array<simd_lanes = 4>} { return }

// -----

// expected-error @below {{integer value too large}}
// expected-error @below {{failed to parse Accel_PEArrayAttr parameter 'num_pes'}}
func.func @f() attributes {hw = #accel.pe_array<num_pes = 99999999999999999999999>} { return }

// -----

//===----------------------------------------------------------------------===//
// Directives
//===----------------------------------------------------------------------===//

// expected-error @below {{unknown dimension 'Q'; expected one of N, G, K, C, R, S, Y, X, OY, OX}}
// expected-error @below {{failed to parse Accel_SpatialMapAttr parameter 'dim'}}
func.func @f() attributes {d = #accel.spatial_map<1, 1, Q>} { return }

// -----

// expected-error @below {{spatial_map<0, 1, K>: size must be positive, got 0}}
func.func @f() attributes {d = #accel.spatial_map<0, 1, K>} { return }

// -----

// expected-error @below {{temporal_map<2, -1, K>: offset must be positive, got -1}}
func.func @f() attributes {d = #accel.temporal_map<2, -1, K>} { return }

// -----

// expected-error @below {{temporal_map<2, 3, C>: offset 3 exceeds size 2, so the elements of C between two chunks would never be mapped}}
func.func @f() attributes {d = #accel.temporal_map<2, 3, C>} { return }

// -----

// expected-error @below {{expected an integer or 'sz(D)'}}
// expected-error @below {{failed to parse Accel_TemporalMapAttr parameter 'size'}}
func.func @f() attributes {d = #accel.temporal_map<size(R), 1, R>} { return }

// -----

// expected-error @below {{cluster<0>: size must be positive, got 0}}
func.func @f() attributes {d = #accel.cluster<0>} { return }

// -----

// expected-error @below {{expected 'physical' or 'logical'}}
// expected-error @below {{failed to parse Accel_ClusterAttr parameter 'kind'}}
func.func @f() attributes {d = #accel.cluster<4, virtual>} { return }

// -----

//===----------------------------------------------------------------------===//
// dataflow
//===----------------------------------------------------------------------===//

// expected-error @below {{a dataflow needs a non-empty name}}
func.func @f() attributes {d = #accel.dataflow<"", [#accel.spatial_map<1, 1, K>]>} { return }

// -----

// expected-error @below {{expected attribute value}}
// expected-error @below {{failed to parse Accel_DataflowAttr parameter 'directives'}}
func.func @f() attributes {d = #accel.dataflow<"empty", []>} { return }

// -----

// expected-error @below {{dataflow 'df': level 0 is empty: every cluster must have directives both above and below it}}
func.func @f() attributes {d = #accel.dataflow<"df", [#accel.cluster<4>, #accel.spatial_map<1, 1, K>]>} { return }

// -----

// expected-error @below {{dataflow 'df': level 1 is empty: every cluster must have directives both above and below it}}
func.func @f() attributes {d = #accel.dataflow<"df", [#accel.spatial_map<1, 1, K>, #accel.cluster<4>]>} { return }

// -----

// expected-error @below {{dataflow 'df': directive #1 (temporal_map<4, 4, K>) maps K again at level 0 (already mapped by directive #0 (spatial_map<1, 1, K>))}}
func.func @f() attributes {d = #accel.dataflow<"df", [#accel.spatial_map<1, 1, K>, #accel.temporal_map<4, 4, K>]>} { return }

// -----

// expected-error @below {{dataflow 'df': directive #2 (temporal_map<1, 1, OY>) maps OY but level 0 already maps Y (directive #1 (temporal_map<sz(R), 1, Y>)); map a dimension in input or in output coordinates, not both}}
func.func @f() attributes {d = #accel.dataflow<"df", [#accel.spatial_map<1, 1, K>, #accel.temporal_map<sz(R), 1, Y>, #accel.temporal_map<1, 1, OY>]>} { return }

// -----

// expected-error @below {{dataflow 'df': level 1 (directives #2 to #3) has no spatial_map: each level must distribute work over its sub-units}}
func.func @f() attributes {d = #accel.dataflow<"df", [#accel.spatial_map<1, 1, K>, #accel.cluster<4>, #accel.temporal_map<1, 1, C>, #accel.temporal_map<1, 1, K>]>} { return }

// -----

// expected-error @below {{invalid kind of attribute specified}}
// expected-error @below {{failed to parse Accel_DataflowAttr parameter 'directives'}}
func.func @f() attributes {d = #accel.dataflow<"df", [#accel.spatial_map<1, 1, K>, 4 : i64]>} { return }

// -----

//===----------------------------------------------------------------------===//
// dims, layout, cost
//===----------------------------------------------------------------------===//

// expected-error @below {{'OY' is derived from Y/X, R/S, stride and padding and has no size of its own}}
func.func @f() attributes {d = #accel.dims<K = 4, OY = 2>} { return }

// -----

// expected-error @below {{dimension 'K' given twice}}
func.func @f() attributes {d = #accel.dims<K = 4, C = 2, K = 8>} { return }

// -----

// expected-error @below {{size of C must be in [1, 2147483648], got 0}}
func.func @f() attributes {d = #accel.dims<K = 4, C = 0>} { return }

// -----

// expected-error @below {{size of Y must be in [1, 2147483648], got 4294967296}}
func.func @f() attributes {d = #accel.dims<Y = 4294967296>} { return }

// -----

// expected-error @below {{filter layout 'KCRZ': 'Z' is not one of GKCRS}}
func.func @f() attributes {d = #accel.layout<"NCYX", "KCRZ", "NKYX">} { return }

// -----

// expected-error @below {{input layout 'NCYN' names 'N' twice}}
func.func @f() attributes {d = #accel.layout<"NCYN", "KCRS", "NKYX">} { return }

// -----

// expected-error @below {{output layout 'NCYX': 'C' is not one of NGKYX}}
func.func @f() attributes {d = #accel.layout<"NCYX", "KCRS", "NCYX">} { return }

// -----

// expected-error @below {{figure 'runtime' must be a non-negative i64 or finite f64, got -5 : i64}}
func.func @f() attributes {c = #accel.cost<runtime = -5>} { return }

// -----

// expected-error @below {{figure 'name' must be a non-negative i64 or finite f64, got "x"}}
func.func @f() attributes {c = #accel.cost<name = "x">} { return }

// -----

// expected-error @below {{figure 'runtime' given twice}}
func.func @f() attributes {c = #accel.cost<runtime = 5, runtime = 6>} { return }

// -----

// expected-error @below {{figure 'energy' must be a non-negative i64 or finite f64, got 1.500000e+00 : f32}}
func.func @f() attributes {c = #accel.cost<energy = 1.5 : f32>} { return }

// -----

//===----------------------------------------------------------------------===//
// accel.layer
//===----------------------------------------------------------------------===//

func.func @f(%in: tensor<1x4x6x6xf32>, %w: tensor<8x4x3x3xf32>, %init: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @below {{'accel.layer' op needs a non-empty name}}
  %0 = accel.layer "" conv2d dims <K = 8, C = 4, R = 3, S = 3, Y = 6, X = 6> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x6x6xf32>, tensor<8x4x3x3xf32>) outs(%init : tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}

// -----

func.func @f(%in: tensor<1x4x6x6xf32>, %w: tensor<8x4x3x3xf32>, %init: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @below {{unknown layer kind 'conv3d'; expected conv2d, depthwise, grouped or gemm}}
  %0 = accel.layer "l" conv3d dims <K = 8, C = 4, R = 3, S = 3, Y = 6, X = 6> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x6x6xf32>, tensor<8x4x3x3xf32>) outs(%init : tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}

// -----

func.func @f(%in: tensor<1x4x6x6xf32>, %w: tensor<8x4x3x3xf32>, %init: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @below {{'accel.layer' op expects 2 strides {rows, cols}, got 1}}
  %0 = accel.layer "l" conv2d dims <K = 8, C = 4, R = 3, S = 3, Y = 6, X = 6> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x6x6xf32>, tensor<8x4x3x3xf32>) outs(%init : tensor<1x8x4x4xf32>) {strides = array<i64: 1>} -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}

// -----

func.func @f(%in: tensor<1x4x6x6xf32>, %w: tensor<8x4x3x3xf32>, %init: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @below {{'accel.layer' op expects 2 dilations {rows, cols}, got 3}}
  %0 = accel.layer "l" conv2d dims <K = 8, C = 4, R = 3, S = 3, Y = 6, X = 6> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x6x6xf32>, tensor<8x4x3x3xf32>) outs(%init : tensor<1x8x4x4xf32>) {dilations = array<i64: 1, 1, 1>} -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}

// -----

func.func @f(%in: tensor<1x4x6x6xf32>, %w: tensor<8x4x3x3xf32>, %init: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @below {{'accel.layer' op expects 4 padding values {top, bottom, left, right}, got 2}}
  %0 = accel.layer "l" conv2d dims <K = 8, C = 4, R = 3, S = 3, Y = 6, X = 6> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x6x6xf32>, tensor<8x4x3x3xf32>) outs(%init : tensor<1x8x4x4xf32>) {padding = array<i64: 1, 1>} -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}

// -----

func.func @f(%in: tensor<1x4x6x6xf32>, %w: tensor<8x4x3x3xf32>, %init: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @below {{'accel.layer' op row stride must be in [1, 2147483648], got 0}}
  %0 = accel.layer "l" conv2d dims <K = 8, C = 4, R = 3, S = 3, Y = 6, X = 6> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x6x6xf32>, tensor<8x4x3x3xf32>) outs(%init : tensor<1x8x4x4xf32>) {strides = array<i64: 0, 1>} -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}

// -----

func.func @f(%in: tensor<1x4x6x6xf32>, %w: tensor<8x4x3x3xf32>, %init: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @below {{'accel.layer' op column dilation must be in [1, 2147483648], got -2}}
  %0 = accel.layer "l" conv2d dims <K = 8, C = 4, R = 3, S = 3, Y = 6, X = 6> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x6x6xf32>, tensor<8x4x3x3xf32>) outs(%init : tensor<1x8x4x4xf32>) {dilations = array<i64: 1, -2>} -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}

// -----

func.func @f(%in: tensor<1x4x6x6xf32>, %w: tensor<8x4x3x3xf32>, %init: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @below {{'accel.layer' op padding must be non-negative and at most 2147483648, got -1}}
  %0 = accel.layer "l" conv2d dims <K = 8, C = 4, R = 3, S = 3, Y = 6, X = 6> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x6x6xf32>, tensor<8x4x3x3xf32>) outs(%init : tensor<1x8x4x4xf32>) {padding = array<i64: 0, -1, 0, 0>} -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}

// -----

func.func @f(%in: tensor<1x4x2x6xf32>, %w: tensor<8x4x3x3xf32>, %init: tensor<1x8x1x4xf32>) -> tensor<1x8x1x4xf32> {
  // expected-error @below {{'accel.layer' op the filter window (3 rows, dilation 1) does not fit the 2 input rows (padding 0+0)}}
  %0 = accel.layer "l" conv2d dims <K = 8, C = 4, R = 3, S = 3, Y = 2, X = 6> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x2x6xf32>, tensor<8x4x3x3xf32>) outs(%init : tensor<1x8x1x4xf32>) -> tensor<1x8x1x4xf32>
  return %0 : tensor<1x8x1x4xf32>
}

// -----

func.func @f(%in: tensor<1x4x2x6xf32>, %w: tensor<8x4x3x3xf32>, %init: tensor<1x8x1x4xf32>) -> tensor<1x8x1x4xf32> {
  // expected-error @below {{'accel.layer' op the filter window (3 cols, dilation 4) does not fit the 6 input cols (padding 0+0)}}
  %0 = accel.layer "l" conv2d dims <K = 8, C = 4, R = 1, S = 3, Y = 2, X = 6> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x2x6xf32>, tensor<8x4x3x3xf32>) outs(%init : tensor<1x8x1x4xf32>) {dilations = array<i64: 1, 4>} -> tensor<1x8x1x4xf32>
  return %0 : tensor<1x8x1x4xf32>
}

// -----

func.func @f(%in: tensor<1x4x6x6xf32>, %w: tensor<8x4x3x3xf32>, %init: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @below {{'accel.layer' op the layer is too large: N*G*K*C*R*S*Y*X must be below 2^62 (4611686018427387904)}}
  %0 = accel.layer "l" conv2d dims <N = 2147483648, K = 2147483648, C = 4, R = 3, S = 3, Y = 6, X = 6> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x6x6xf32>, tensor<8x4x3x3xf32>) outs(%init : tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}

// -----

func.func @f(%in: tensor<1x2x4x6x6xf32>, %w: tensor<2x8x4x3x3xf32>, %init: tensor<1x2x8x4x4xf32>) -> tensor<1x2x8x4x4xf32> {
  // expected-error @below {{'accel.layer' op of kind conv2d has G = 2; use 'grouped' for G > 1}}
  %0 = accel.layer "l" conv2d dims <G = 2, K = 8, C = 4, R = 3, S = 3, Y = 6, X = 6> layout <"NGCYX", "GKCRS", "NGKYX">
         ins(%in, %w : tensor<1x2x4x6x6xf32>, tensor<2x8x4x3x3xf32>) outs(%init : tensor<1x2x8x4x4xf32>) -> tensor<1x2x8x4x4xf32>
  return %0 : tensor<1x2x8x4x4xf32>
}

// -----

func.func @f(%in: tensor<1x4x6x6xf32>, %w: tensor<8x4x3x3xf32>, %init: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @below {{'accel.layer' op of kind depthwise has C = 4; a depthwise layer has one input channel per group (G channels, K the channel multiplier)}}
  %0 = accel.layer "l" depthwise dims <K = 8, C = 4, R = 3, S = 3, Y = 6, X = 6> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x6x6xf32>, tensor<8x4x3x3xf32>) outs(%init : tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}

// -----

func.func @f(%in: tensor<1x4x6x6xf32>, %w: tensor<8x4x3x3xf32>, %init: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @below {{'accel.layer' op of kind gemm has R = 3, S = 3; both must be 1}}
  %0 = accel.layer "l" gemm dims <K = 8, C = 4, R = 3, S = 3, Y = 6, X = 6> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x6x6xf32>, tensor<8x4x3x3xf32>) outs(%init : tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}

// -----

func.func @f(%a: tensor<8x4xf32>, %b: tensor<4x16xf32>, %c: tensor<4x16xf32>) -> tensor<4x16xf32> {
  // expected-error @below {{'accel.layer' op of kind gemm must have unit strides and dilations and no padding}}
  %0 = accel.layer "l" gemm dims <K = 16, C = 4, Y = 8> layout <"YC", "CK", "YK">
         ins(%a, %b : tensor<8x4xf32>, tensor<4x16xf32>) outs(%c : tensor<4x16xf32>) {strides = array<i64: 2, 1>} -> tensor<4x16xf32>
  return %0 : tensor<4x16xf32>
}

// -----

func.func @f(%in: tensor<1x4x6x6xf32>, %w: tensor<8x4x3x3xf32>, %init: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @below {{'accel.layer' op input layout 'NCY' has 3 dimensions but the input 'tensor<1x4x6x6xf32>' has rank 4}}
  %0 = accel.layer "l" conv2d dims <K = 8, C = 4, R = 3, S = 3, Y = 6, X = 6> layout <"NCY", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x6x6xf32>, tensor<8x4x3x3xf32>) outs(%init : tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}

// -----

func.func @f(%in: tensor<1x4x6x6xf32>, %w: tensor<8x4x3xf32>, %init: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @below {{'accel.layer' op filter layout 'KCR' leaves out S, whose size is 3; only dimensions of size 1 may be left out}}
  %0 = accel.layer "l" conv2d dims <K = 8, C = 4, R = 3, S = 3, Y = 6, X = 6> layout <"NCYX", "KCR", "NKYX">
         ins(%in, %w : tensor<1x4x6x6xf32>, tensor<8x4x3xf32>) outs(%init : tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}

// -----

func.func @f(%in: tensor<1x4x6x6xf32>, %w: tensor<8x4x3x3xf32>, %init: tensor<1x8x5x4xf32>) -> tensor<1x8x5x4xf32> {
  // expected-error @below {{'accel.layer' op output dimension 2 (Y') is 5 but the layer says 4}}
  %0 = accel.layer "l" conv2d dims <K = 8, C = 4, R = 3, S = 3, Y = 6, X = 6> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x6x6xf32>, tensor<8x4x3x3xf32>) outs(%init : tensor<1x8x5x4xf32>) -> tensor<1x8x5x4xf32>
  return %0 : tensor<1x8x5x4xf32>
}

// -----

func.func @f(%in: tensor<1x4x6x6xf32>, %w: tensor<8x2x3x3xf32>, %init: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @below {{'accel.layer' op filter dimension 1 (C) is 2 but the layer says 4}}
  %0 = accel.layer "l" conv2d dims <K = 8, C = 4, R = 3, S = 3, Y = 6, X = 6> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x6x6xf32>, tensor<8x2x3x3xf32>) outs(%init : tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}

// -----

func.func @f(%in: tensor<?x4x6x6xf32>, %w: tensor<8x4x3x3xf32>, %init: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @below {{'accel.layer' op input 'tensor<?x4x6x6xf32>' has a dynamic dimension 0 (N); layers need static shapes}}
  %0 = accel.layer "l" conv2d dims <K = 8, C = 4, R = 3, S = 3, Y = 6, X = 6> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<?x4x6x6xf32>, tensor<8x4x3x3xf32>) outs(%init : tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}

// -----

func.func @f(%in: tensor<1x4x6x6xi8>, %w: tensor<8x4x3x3xi8>, %zp: i32, %init: tensor<1x8x4x4xi32>) -> tensor<1x8x4x4xi32> {
  // expected-error @below {{'accel.layer' op takes no zero points or two (input, filter), got 1}}
  %0 = accel.layer "l" conv2d dims <K = 8, C = 4, R = 3, S = 3, Y = 6, X = 6> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x6x6xi8>, tensor<8x4x3x3xi8>) zero_points(%zp : i32) outs(%init : tensor<1x8x4x4xi32>) -> tensor<1x8x4x4xi32>
  return %0 : tensor<1x8x4x4xi32>
}

// -----

func.func @f(%in: tensor<1x4x6x6xf32>, %w: tensor<8x4x3x3xf32>, %init: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf16> {
  // expected-error @below {{'accel.layer' op failed to verify that all of {init, result} have same type}}
  %0 = accel.layer "l" conv2d dims <K = 8, C = 4, R = 3, S = 3, Y = 6, X = 6> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x6x6xf32>, tensor<8x4x3x3xf32>) outs(%init : tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf16>
  return %0 : tensor<1x8x4x4xf16>
}

// -----

// Dataflows bound to a layer.

module attributes {accel.target = #accel.pe_array<num_pes = 32>} {
func.func @f(%in: tensor<1x4x6x6xf32>, %w: tensor<8x4x3x3xf32>, %init: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @below {{'accel.layer' op 'l': dataflow 'df' does not fit: directive #1 (cluster<64>): a cluster of 64 PEs does not fit the array of 32 PEs}}
  %0 = accel.layer "l" conv2d dims <K = 8, C = 4, R = 3, S = 3, Y = 6, X = 6> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x6x6xf32>, tensor<8x4x3x3xf32>) outs(%init : tensor<1x8x4x4xf32>)
         dataflow <"df", [#accel.spatial_map<1, 1, C>, #accel.cluster<64>, #accel.spatial_map<1, 1, K>]>
         -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}
}

// -----

module attributes {accel.target = #accel.pe_array<num_pes = 32>} {
func.func @f(%in: tensor<1x4x6x6xf32>, %w: tensor<8x4x3x3xf32>, %init: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @below {{'accel.layer' op 'l': dataflow 'df' does not fit: the clusters from level 0 inward need 48 PEs but the array has 32}}
  %0 = accel.layer "l" conv2d dims <K = 8, C = 4, R = 3, S = 3, Y = 6, X = 6> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x6x6xf32>, tensor<8x4x3x3xf32>) outs(%init : tensor<1x8x4x4xf32>)
         dataflow <"df", [#accel.spatial_map<1, 1, C>, #accel.cluster<16>, #accel.spatial_map<1, 1, K>, #accel.cluster<sz(S)>, #accel.spatial_map<1, 1, S>]>
         -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}
}

// -----

func.func @f(%in: tensor<1x4x6x6xf32>, %w: tensor<8x4x3x3xf32>, %init: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @below {{'accel.layer' op 'l': dataflow 'df' does not fit: directive #1 (spatial_map<sz(S), 4, X>): offset 4 exceeds size 3 once bound to the layer, so elements of X (extent 6) would never be mapped}}
  %0 = accel.layer "l" conv2d dims <K = 8, C = 4, R = 3, S = 3, Y = 6, X = 6> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x6x6xf32>, tensor<8x4x3x3xf32>) outs(%init : tensor<1x8x4x4xf32>)
         dataflow <"df", [#accel.spatial_map<1, 1, C>, #accel.spatial_map<sz(S), 4, X>]>
         -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}

// -----

//===----------------------------------------------------------------------===//
// maeri_schedule
//===----------------------------------------------------------------------===//

// expected-error @below {{vn_size 8 is not t_r * t_s * t_c = 9}}
func.func @f() attributes {m = #accel.maeri_schedule<t_r = 3, t_s = 3, order = [K, C, R, S, OY, OX, N, G], vn_size = 8, num_vns = 1, folds = 1>} { return }

// -----

// expected-error @below {{num_vns 2 is not t_n * t_g * t_k * t_oy * t_ox = 4}}
func.func @f() attributes {m = #accel.maeri_schedule<t_k = 4, order = [K, C, R, S, OY, OX, N, G], vn_size = 1, num_vns = 2, folds = 1>} { return }

// -----

// expected-error @below {{folds must be positive, got 0}}
func.func @f() attributes {m = #accel.maeri_schedule<order = [K, C, R, S, OY, OX, N, G], vn_size = 1, num_vns = 1, folds = 0>} { return }

// -----

// expected-error @below {{tile sizes must be in [1, 2147483648], got 0}}
func.func @f() attributes {m = #accel.maeri_schedule<t_k = 0, order = [K, C, R, S, OY, OX, N, G], vn_size = 1, num_vns = 0, folds = 1>} { return }

// -----

module attributes {accel.target = #accel.pe_array<num_pes = 64>} {
func.func @f(%in: tensor<1x4x6x6xf32>, %w: tensor<8x4x3x3xf32>, %init: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @below {{'accel.layer' op 'l': MAERI schedule: T_C = 5 must be in [1, 4] (the size of C)}}
  %0 = accel.layer "l" conv2d dims <K = 8, C = 4, R = 3, S = 3, Y = 6, X = 6> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x6x6xf32>, tensor<8x4x3x3xf32>) outs(%init : tensor<1x8x4x4xf32>)
         {schedule = #accel.maeri_schedule<t_c = 5, order = [K, C, R, S, OY, OX, N, G], vn_size = 5, num_vns = 1, folds = 9>} -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}
}

// -----

module attributes {accel.target = #accel.pe_array<num_pes = 64>} {
func.func @f(%in: tensor<1x4x6x6xf32>, %w: tensor<8x4x3x3xf32>, %init: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @below {{'accel.layer' op 'l': MAERI schedule: the tile order names K twice}}
  %0 = accel.layer "l" conv2d dims <K = 8, C = 4, R = 3, S = 3, Y = 6, X = 6> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x6x6xf32>, tensor<8x4x3x3xf32>) outs(%init : tensor<1x8x4x4xf32>)
         {schedule = #accel.maeri_schedule<order = [K, K, R, S, OY, OX, N, G], vn_size = 1, num_vns = 1, folds = 36>} -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}
}

// -----

module attributes {accel.target = #accel.pe_array<num_pes = 64>} {
func.func @f(%in: tensor<1x4x6x6xf32>, %w: tensor<8x4x3x3xf32>, %init: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @below {{'accel.layer' op 'l': MAERI schedule: the tile order must name all of N, G, K, C, R, S, OY, OX once; it names 3}}
  %0 = accel.layer "l" conv2d dims <K = 8, C = 4, R = 3, S = 3, Y = 6, X = 6> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x6x6xf32>, tensor<8x4x3x3xf32>) outs(%init : tensor<1x8x4x4xf32>)
         {schedule = #accel.maeri_schedule<order = [K, C, R], vn_size = 1, num_vns = 1, folds = 36>} -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}
}

// -----

module attributes {accel.target = #accel.pe_array<num_pes = 64>} {
func.func @f(%in: tensor<1x4x6x6xf32>, %w: tensor<8x4x3x3xf32>, %init: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @below {{'accel.layer' op 'l': MAERI schedule: the tile order names output rows/cols as OY/OX}}
  %0 = accel.layer "l" conv2d dims <K = 8, C = 4, R = 3, S = 3, Y = 6, X = 6> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x6x6xf32>, tensor<8x4x3x3xf32>) outs(%init : tensor<1x8x4x4xf32>)
         {schedule = #accel.maeri_schedule<order = [K, C, R, S, Y, OX, N, G], vn_size = 1, num_vns = 1, folds = 36>} -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}
}

// -----

module attributes {accel.target = #accel.maeri<ms = 16, dn_bw = 4, rn_bw = 4, pe_array = <num_pes = 64>>} {
func.func @f(%in: tensor<1x4x6x6xf32>, %w: tensor<8x4x3x3xf32>, %init: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @below {{'accel.layer' op 'l': MAERI schedule: a virtual neuron of 36 multiplier switches (T_R*T_S*T_C) does not fit the 16 of the array}}
  %0 = accel.layer "l" conv2d dims <K = 8, C = 4, R = 3, S = 3, Y = 6, X = 6> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x6x6xf32>, tensor<8x4x3x3xf32>) outs(%init : tensor<1x8x4x4xf32>)
         {schedule = #accel.maeri_schedule<t_c = 4, t_r = 3, t_s = 3, order = [K, C, R, S, OY, OX, N, G], vn_size = 36, num_vns = 1, folds = 1>} -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}
}

// -----

module attributes {accel.target = #accel.maeri<ms = 16, dn_bw = 4, rn_bw = 4, pe_array = <num_pes = 64>>} {
func.func @f(%in: tensor<1x4x6x6xf32>, %w: tensor<8x4x3x3xf32>, %init: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @below {{'accel.layer' op 'l': MAERI schedule: 8 virtual neurons of 4 multiplier switches need 32, the array has 16}}
  %0 = accel.layer "l" conv2d dims <K = 8, C = 4, R = 3, S = 3, Y = 6, X = 6> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x6x6xf32>, tensor<8x4x3x3xf32>) outs(%init : tensor<1x8x4x4xf32>)
         {schedule = #accel.maeri_schedule<t_k = 8, t_c = 4, order = [K, C, R, S, OY, OX, N, G], vn_size = 4, num_vns = 8, folds = 9>} -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}
}

// -----

module attributes {accel.target = #accel.pe_array<num_pes = 64>} {
func.func @f(%in: tensor<1x4x6x6xf32>, %w: tensor<8x4x3x3xf32>, %init: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @below {{'accel.layer' op 'l': MAERI schedule: folds 4 but the tiles need 9}}
  %0 = accel.layer "l" conv2d dims <K = 8, C = 4, R = 3, S = 3, Y = 6, X = 6> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x6x6xf32>, tensor<8x4x3x3xf32>) outs(%init : tensor<1x8x4x4xf32>)
         {schedule = #accel.maeri_schedule<t_c = 4, order = [K, C, R, S, OY, OX, N, G], vn_size = 4, num_vns = 1, folds = 4>} -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}
}

// -----

module attributes {accel.target = #accel.pe_array<num_pes = 64>} {
func.func @f(%in: tensor<1x4x6x6xf32>, %w: tensor<8x4x3x3xf32>, %init: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  // expected-error @below {{'accel.layer' op 'l': MAERI schedule: forwarding is what this tile order does}}
  %0 = accel.layer "l" conv2d dims <K = 8, C = 4, R = 3, S = 3, Y = 6, X = 6> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x6x6xf32>, tensor<8x4x3x3xf32>) outs(%init : tensor<1x8x4x4xf32>)
         {schedule = #accel.maeri_schedule<t_s = 3, order = [K, C, R, S, OY, N, G, OX], vn_size = 3, num_vns = 1, folds = 12>} -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}
}

// -----

// Element types without integer or float arithmetic (index, complex) have
// no layer: the executor, the lowering and the energy model need numbers.
func.func @f(%in: tensor<1x4x6x6xindex>, %w: tensor<8x4x3x3xindex>, %init: tensor<1x8x4x4xindex>) -> tensor<1x8x4x4xindex> {
  // expected-error @below {{'accel.layer' op operand #0 must be ranked tensor of signless integer or floating-point values, but got 'tensor<1x4x6x6xindex>'}}
  %0 = accel.layer "l" conv2d dims <K = 8, C = 4, R = 3, S = 3, Y = 6, X = 6> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x6x6xindex>, tensor<8x4x3x3xindex>) outs(%init : tensor<1x8x4x4xindex>) -> tensor<1x8x4x4xindex>
  return %0 : tensor<1x8x4x4xindex>
}

// -----

func.func @f(%in: tensor<1x4x6x6xf32>, %w: tensor<8x4x3x3xf32>, %init: tensor<1x8x4x4xcomplex<f32>>) -> tensor<1x8x4x4xcomplex<f32>> {
  // expected-error @below {{'accel.layer' op operand #2 must be ranked tensor of signless integer or floating-point values, but got 'tensor<1x8x4x4xcomplex<f32>>'}}
  %0 = accel.layer "l" conv2d dims <K = 8, C = 4, R = 3, S = 3, Y = 6, X = 6> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x6x6xf32>, tensor<8x4x3x3xf32>) outs(%init : tensor<1x8x4x4xcomplex<f32>>) -> tensor<1x8x4x4xcomplex<f32>>
  return %0 : tensor<1x8x4x4xcomplex<f32>>
}
