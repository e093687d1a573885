// A wrong report option is one error, before any layer is simulated, and
// without the module printed after it (the op is not attached: on a real
// network that printed megabytes).
// RUN: not accel-opt %s --accel-simulate=report=%t.txt 2>&1 | FileCheck %s --check-prefix=EXT --implicit-check-not=accel-simulate --implicit-check-not=module
// RUN: not accel-opt %s --accel-simulate=report=%t.missing/r.csv 2>&1 | FileCheck %s --check-prefix=DIR --implicit-check-not=accel-simulate --implicit-check-not=module
// RUN: mkdir -p %t.dir.json
// RUN: not accel-opt %s --accel-simulate=report=%t.dir.json 2>&1 | FileCheck %s --check-prefix=ISDIR --implicit-check-not=accel-simulate --implicit-check-not=module
// RUN: not accel-opt %s --accel-simulate=report=%t.missing/r.csv 2>&1 | count 1

// EXT: error: accel-simulate: report '{{.*}}.txt' must end in .csv, .json or .html (or be - for CSV on standard output)
// DIR: error: accel-simulate: cannot write the report '{{.*}}r.csv': {{.*}}No such file or directory
// ISDIR: error: accel-simulate: cannot write the report '{{.*}}.dir.json': {{[Ii]}}s a directory

// Simulated, the layer without a schedule would be a warning.
module attributes {accel.target = #accel.maeri<ms = 32, dn_bw = 4, rn_bw = 1>} {
func.func @unscheduled(%in: tensor<1x2x4x4xf32>, %w: tensor<2x2x3x3xf32>, %init: tensor<1x2x2x2xf32>) -> tensor<1x2x2x2xf32> {
  %0 = accel.layer "plain" conv2d dims <K = 2, C = 2, R = 3, S = 3, Y = 4, X = 4> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x2x4x4xf32>, tensor<2x2x3x3xf32>) outs(%init : tensor<1x2x2x2xf32>)
         -> tensor<1x2x2x2xf32>
  return %0 : tensor<1x2x2x2xf32>
}
}
