// accel-translate parses, verifies and prints accel IR (identity translation).
// RUN: accel-translate --accel-to-mlir %s | FileCheck %s
// RUN: accel-translate --help | FileCheck %s --check-prefix=HELP
// RUN: not accel-translate --accel-to-mlir %S/Inputs/bad-target.mlir 2>&1 | FileCheck %s --check-prefix=BAD

// HELP: --accel-to-mlir

// CHECK: module attributes {accel.target = #accel.maeri<ms = 64, dn_bw = 8, rn_bw = 8>}
module attributes {accel.target = #accel.maeri<ms = 64, dn_bw = 8, rn_bw = 8>} {
}

// BAD: bad-target.mlir:2:{{[0-9]+}}: error: num_pes must be in [1, 2^40], got -3
