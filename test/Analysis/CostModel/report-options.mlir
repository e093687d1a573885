// A wrong report option is one error, before any layer is costed, and
// without the module printed after it (the op is not attached: on a real
// network that printed megabytes).
// RUN: not accel-opt %s --accel-cost-model=report=%t.txt 2>&1 | FileCheck %s --check-prefix=EXT --implicit-check-not=error --implicit-check-not=module
// RUN: not accel-opt %s --accel-cost-model=report=%t.missing/r.json 2>&1 | FileCheck %s --check-prefix=DIR --implicit-check-not=error --implicit-check-not=module
// RUN: not accel-opt %s --accel-cost-model=report=%t.missing/r.html 2>&1 | count 1
// A report that exists and can be written is fine; the layer without a
// dataflow is then the error.
// RUN: touch %t.csv
// RUN: not accel-opt %s --accel-cost-model=report=%t.csv 2>&1 | FileCheck %s --check-prefix=WORK

// EXT: error: accel-cost-model: report '{{.*}}.txt' must end in .csv, .json or .html (or be - for CSV on standard output)
// DIR: error: accel-cost-model: cannot write the report '{{.*}}r.json': {{.*}}No such file or directory
// WORK: error: layer 'pointwise' has no dataflow

// Costed, the layer without a dataflow would be an error.
module {
func.func @no_dataflow(%in: tensor<1x4x1x1xf32>, %w: tensor<1x4x1x1xf32>, %out: tensor<1x1x1x1xf32>) -> tensor<1x1x1x1xf32> {
  %0 = accel.layer "pointwise" conv2d dims <K = 1, C = 4> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x1x1xf32>, tensor<1x4x1x1xf32>) outs(%out : tensor<1x1x1x1xf32>)
         -> tensor<1x1x1x1xf32>
  return %0 : tensor<1x1x1x1xf32>
}
}
