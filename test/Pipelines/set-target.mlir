// --accel-set-target: the hardware from a MAESTRO file, an MLIR file (the
// attribute alone, or a module's accel.target), the attribute itself, or
// the #accel.pe_array options over any of them.
// RUN: accel-opt %s --accel-set-target="file=%shared/maestro/hw/accelerator_1.m" | FileCheck %s --check-prefix=MAESTRO
// RUN: accel-opt %s --accel-set-target="file=%S/Inputs/maeri-target.mlir" | FileCheck %s --check-prefix=ATTR
// RUN: accel-opt %s --accel-set-target="file=%S/Inputs/pe-array-module.mlir noc-bw=2" | FileCheck %s --check-prefix=MODULE
// RUN: accel-opt %s --accel-set-target='target="#accel.maeri<ms = 16, dn_bw = 2, rn_bw = 1>"' | FileCheck %s --check-prefix=TEXT
// RUN: accel-opt %s --accel-set-target="num-pes=7 l2-size=3000" | FileCheck %s --check-prefix=OPTIONS
// Options alone change the module's own PE array.
// RUN: accel-opt %s --accel-set-target="num-pes=7" | accel-opt --accel-set-target="noc-bw=3" | FileCheck %s --check-prefix=KEEP

// MAESTRO: module attributes {accel.target = #accel.pe_array<num_pes = 256, l1_size = 100, l2_size = 3000, noc_bw = 1000, offchip_bw = 50>}
// ATTR: module attributes {accel.target = #accel.maeri<ms = 32, dn_bw = 4, rn_bw = 4>}
// MODULE: module attributes {accel.target = #accel.pe_array<num_pes = 16, l1_size = 64, noc_bw = 2>}
// TEXT: module attributes {accel.target = #accel.maeri<ms = 16, dn_bw = 2, rn_bw = 1>}
// OPTIONS: module attributes {accel.target = #accel.pe_array<num_pes = 7, l2_size = 3000>}
// KEEP: module attributes {accel.target = #accel.pe_array<num_pes = 7, noc_bw = 3>}

// The errors.
// RUN: not accel-opt %s --accel-set-target 2>&1 | FileCheck %s --check-prefix=NONE
// RUN: not accel-opt %s --accel-set-target='target=4' 2>&1 | FileCheck %s --check-prefix=NOT-TARGET
// RUN: not accel-opt %s --accel-set-target='target="#accel.maeri<ms = 16, dn_bw = 2, rn_bw = 1>" num-pes=4' 2>&1 | FileCheck %s --check-prefix=NOT-ARRAY
// RUN: not accel-opt %s --accel-set-target="num-pes=0" 2>&1 | FileCheck %s --check-prefix=RANGE
// RUN: not accel-opt %s --accel-set-target="file=%t.missing.m" 2>&1 | FileCheck %s --check-prefix=MISSING
// RUN: not accel-opt %s --accel-set-target="file=%s" 2>&1 | FileCheck %s --check-prefix=NO-TARGET-IN-FILE
// NONE: error: accel-set-target: no hardware given; use file=, target= or the #accel.pe_array options
// NOT-TARGET: error: accel-set-target: target= holds 4 : i64, which is not a target
// NOT-ARRAY: error: accel-set-target: the PE array options (num-pes=, ...) apply to a #accel.pe_array, not to #accel.maeri<ms = 16, dn_bw = 2, rn_bw = 1>
// RANGE: error: accel-set-target: num_pes must be in [1, 2^40], got 0
// MISSING: error: cannot open the hardware file '{{.*}}.missing.m'
// NO-TARGET-IN-FILE: error: accel-set-target: '{{.*}}set-target.mlir' holds neither a target attribute nor a module with an accel.target

module {
}
