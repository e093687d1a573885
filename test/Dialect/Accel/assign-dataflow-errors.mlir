// RUN: not accel-opt %s --accel-assign-dataflow=dataflow=nvdla 2>&1 | FileCheck %s --check-prefix=FIT
// RUN: not accel-opt %s --accel-assign-dataflow=dataflow=foo 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// RUN: not accel-opt %s --accel-assign-dataflow 2>&1 | FileCheck %s --check-prefix=NONE
// RUN: not accel-opt %s '--accel-assign-dataflow=dataflow=nlr file=x.mlir' 2>&1 | FileCheck %s --check-prefix=NONE
// RUN: not accel-opt %s --accel-assign-dataflow=file=%t.missing.mlir 2>&1 | FileCheck %s --check-prefix=MISSING
// RUN: not accel-opt %s --accel-assign-dataflow=file=%S/Inputs/no-dataflow-attr.mlir 2>&1 | FileCheck %s --check-prefix=NOATTR

// A 32-PE array cannot hold NVDLA's clusters of 64 PEs: an error naming the
// layer and the directive, for every layer, and the pass fails.
// FIT: assign-dataflow-errors.mlir:[[# @LINE + 10]]:8: error: cannot assign dataflow 'nvdla' to layer 'conv': directive #6 (cluster<64>): a cluster of 64 PEs does not fit the array of 32 PEs
// FIT: assign-dataflow-errors.mlir:[[# @LINE + 11]]:8: error: cannot assign dataflow 'nvdla' to layer 'conv_2'

// UNKNOWN: error: no dataflow called 'foo' in the library; it has nlr (no_local_reuse, diannao, c_p, cp), nvdla (kcp_ws, ckp_ws, kc_p, kcp), rs (row_stationary, eyeriss), tpu_ws (tpu, systolic_ws), xp_ws (x_p, xp), yr_p (yrp), yxp_os (yx_p, yxp, shidiannao)
// NONE: error: accel-assign-dataflow needs exactly one of 'dataflow=NAME' and 'file=PATH'
// MISSING: error: cannot open the dataflow file '{{.*}}missing.mlir': No such file or directory
// NOATTR: no-dataflow-attr.mlir:2:1: error: a dataflow file is a module with an 'accel.dataflow' attribute; '{{.*}}no-dataflow-attr.mlir' has none

module attributes {accel.target = #accel.pe_array<num_pes = 32>} {
func.func @f(%in: tensor<1x4x6x6xf32>, %w: tensor<8x4x3x3xf32>, %init: tensor<1x8x4x4xf32>) -> (tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>) {
  %0 = accel.layer "conv" conv2d dims <K = 8, C = 4, R = 3, S = 3, Y = 6, X = 6> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x6x6xf32>, tensor<8x4x3x3xf32>) outs(%init : tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  %1 = accel.layer "conv_2" conv2d dims <K = 8, C = 4, R = 3, S = 3, Y = 6, X = 6> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x6x6xf32>, tensor<8x4x3x3xf32>) outs(%init : tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %0, %1 : tensor<1x8x4x4xf32>, tensor<1x8x4x4xf32>
}
}
