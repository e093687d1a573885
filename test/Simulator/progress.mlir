// Progress of a whole network's simulation on standard error: a line per
// layer with --accel-progress, nothing without it when standard error is
// not a terminal (as here). The searches share the helper and the flag.
// RUN: accel-opt %S/report.mlir --accel-simulate --accel-progress -o /dev/null 2>&1 | FileCheck %s --check-prefix=SIM
// RUN: accel-opt %S/report.mlir --accel-simulate -o /dev/null 2>&1 | count 0
// RUN: accel-opt %shared/models/nelli__resnet18.mlir --convert-linalg-to-accel --accel-emit-maeri-schedule --accel-simulate=timing-only=true --accel-progress -o /dev/null 2>&1 | FileCheck %s --check-prefix=NET
// RUN: accel-opt %S/report.mlir --accel-simulate=timing-only=true --accel-search-maeri-schedule=max-evals=50 --accel-progress -o /dev/null 2>&1 | FileCheck %s --check-prefix=SEARCH
// RUN: accel-opt %S/report.mlir --accel-search-maeri-schedule=max-evals=50 -o /dev/null 2>&1 | not grep 'elapsed'
// RUN: accel-opt %S/report.mlir '--accel-search-maeri-schedule=max-evals=50 progress=true' -o /dev/null 2>&1 | FileCheck %s --check-prefix=SEARCH

// SIM: accel-simulate: layer 1 of 2 'small': {{[0-9.]+}} s elapsed, about {{[0-9.]+}} s left
// SIM-NEXT: accel-simulate: layer 2 of 2 'small_i8': {{[0-9.]+}} s elapsed{{$}}
// NET: accel-simulate: layer 1 of 21 'conv_1': {{[0-9.]+}} s elapsed, about {{[0-9.]+}} s left
// NET: accel-simulate: layer 2 of 21 'conv_2':
// NET: accel-simulate: layer 21 of 21 'matmul_1': {{[0-9.]+}} s elapsed{{$}}
// The two layers are the same search (same shape, same machine).
// SEARCH: accel-search-maeri-schedule: layer 1 of 1 'small': best 69 cycles; {{.+}}; {{[0-9.]+}} s elapsed{{$}}
