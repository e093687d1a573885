// A dataflow MAERI cannot run: NLR spreads C over 256 PEs, a VN of 256
// switches, on a 64-switch MAERI.
// RUN: not accel-opt %s --accel-assign-dataflow=dataflow=nlr --accel-emit-maeri-schedule 2>&1 | FileCheck %s
// CHECK: error: MAERI cannot run layer 'CONV11' with dataflow 'nlr': a virtual neuron of 256 multiplier switches (T_R*T_S*T_C) does not fit the 64 of the array (directive #5 spreads C over 256 units)
module attributes {accel.target = #accel.maeri<ms = 64, dn_bw = 8, rn_bw = 8, pe_array = <num_pes = 256>>} {
func.func @conv11(%in: tensor<1x512x14x14xf32>, %w: tensor<512x512x3x3xf32>, %init: tensor<1x512x12x12xf32>) -> tensor<1x512x12x12xf32> {
  %0 = accel.layer "CONV11" conv2d dims <K = 512, C = 512, R = 3, S = 3, Y = 14, X = 14> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x512x14x14xf32>, tensor<512x512x3x3xf32>) outs(%init : tensor<1x512x12x12xf32>) -> tensor<1x512x12x12xf32>
  return %0 : tensor<1x512x12x12xf32>
}
}
