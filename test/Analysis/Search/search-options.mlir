// Invalid options of the two search passes: an error naming the pass and
// the value, before any layer is searched, and a non-zero exit.
// RUN: not accel-opt %s --accel-search-dataflow=objective=speed 2>&1 | FileCheck %s --check-prefix=OBJECTIVE
// OBJECTIVE: error: accel-search-dataflow: objective 'speed' is not one of runtime, energy, edp
// OBJECTIVE-NOT: remark:
// RUN: not accel-opt %s --accel-search-maeri-schedule=objective=speed 2>&1 | FileCheck %s --check-prefix=MAERI-OBJECTIVE
// MAERI-OBJECTIVE: error: accel-search-maeri-schedule: objective 'speed' is not one of runtime, energy, edp
// RUN: not accel-opt %s --accel-search-dataflow=levels=3 2>&1 | FileCheck %s --check-prefix=LEVELS3
// LEVELS3: error: accel-search-dataflow: levels=3 must be 1 or 2
// RUN: not accel-opt %s --accel-search-dataflow=levels=0 2>&1 | FileCheck %s --check-prefix=LEVELS0
// LEVELS0: error: accel-search-dataflow: levels=0 must be 1 or 2
// RUN: not accel-opt %s --accel-search-dataflow=max-evals=-1 2>&1 | FileCheck %s --check-prefix=EVALS
// EVALS: error: accel-search-dataflow: max-evals must be >= 0

module attributes {accel.target = #accel.maeri<ms = 32, dn_bw = 4, rn_bw = 2>} {
func.func @f(%in: tensor<1x4x6x6xf32>, %w: tensor<8x4x3x3xf32>, %init: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  %0 = accel.layer "l" conv2d dims <K = 8, C = 4, R = 3, S = 3, Y = 6, X = 6> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x6x6xf32>, tensor<8x4x3x3xf32>) outs(%init : tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}
}
