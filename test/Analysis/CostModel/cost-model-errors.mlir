// RUN: accel-opt %s --accel-cost-model -split-input-file -verify-diagnostics

func.func @f(%in: tensor<1x4x1x1xf32>, %w: tensor<1x4x1x1xf32>, %out: tensor<1x1x1x1xf32>) -> tensor<1x1x1x1xf32> {
  // expected-error @below {{layer 'no_dataflow' has no dataflow; run --accel-assign-dataflow first}}
  %0 = accel.layer "no_dataflow" conv2d dims <C = 4> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x1x1xf32>, tensor<1x4x1x1xf32>) outs(%out : tensor<1x1x1x1xf32>) -> tensor<1x1x1x1xf32>
  return %0 : tensor<1x1x1x1xf32>
}
