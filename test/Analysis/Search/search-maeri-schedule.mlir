// --accel-search-maeri-schedule: the searched schedule runs on the
// simulated MAERI and passes its functional check against the loop nest,
// the simulated cycles equal the cycle model's, and no layer is slower than
// with the schedule --accel-emit-maeri-schedule gives it (the dataflow's
// when there is one, else the default).
// RUN: accel-opt %s --accel-search-maeri-schedule 2>%t.remarks --accel-simulate=report=%t.searched.csv -o /dev/null
// RUN: accel-opt %s --accel-emit-maeri-schedule --accel-simulate=report=%t.emitted.csv -o /dev/null 2>/dev/null
// RUN: FileCheck %s < %t.remarks
// RUN: FileCheck %s --check-prefix=CHECKED < %t.searched.csv
// RUN: %python %S/compare_cycles.py %t.searched.csv %t.emitted.csv | FileCheck %s --check-prefix=CYCLES
// Same schedules whatever the thread count.
// RUN: accel-opt %s --accel-search-maeri-schedule=max-evals=300 --mlir-disable-threading 2>/dev/null > %t.one
// RUN: accel-opt %s --accel-search-maeri-schedule=max-evals=300 2>/dev/null > %t.two
// RUN: diff %t.one %t.two
// RUN: not accel-opt %s --accel-search-maeri-schedule=objective=edp 2>&1 | FileCheck %s --check-prefix=OBJECTIVE

module attributes {accel.target = #accel.maeri<ms = 32, dn_bw = 4, rn_bw = 2>} {
  func.func @layers(%in: tensor<1x6x8x8xf32>, %w: tensor<8x6x3x3xf32>,
                    %out: tensor<1x8x6x6xf32>, %dwin: tensor<1x8x9x9xf32>,
                    %dww: tensor<8x1x3x3xf32>, %dwout: tensor<1x8x7x7xf32>)
      -> (tensor<1x8x6x6xf32>, tensor<1x8x6x6xf32>, tensor<1x8x7x7xf32>) {
    %0 = accel.layer "plain" conv2d
           dims <N = 1, G = 1, K = 8, C = 6, R = 3, S = 3, Y = 8, X = 8>
           layout <"NCYX", "KCRS", "NKYX">
           ins(%in, %w : tensor<1x6x8x8xf32>, tensor<8x6x3x3xf32>)
           outs(%out : tensor<1x8x6x6xf32>) -> tensor<1x8x6x6xf32>
    %1 = accel.layer "with_dataflow" conv2d
           dims <N = 1, G = 1, K = 8, C = 6, R = 3, S = 3, Y = 8, X = 8>
           layout <"NCYX", "KCRS", "NKYX">
           ins(%in, %w : tensor<1x6x8x8xf32>, tensor<8x6x3x3xf32>)
           outs(%out : tensor<1x8x6x6xf32>)
           dataflow <"kc", [#accel.spatial_map<1, 1, C>, #accel.temporal_map<4, 4, K>,
                            #accel.temporal_map<1, 1, OY>, #accel.temporal_map<1, 1, OX>,
                            #accel.cluster<4>, #accel.spatial_map<1, 1, K>]>
           -> tensor<1x8x6x6xf32>
    %2 = accel.layer "depthwise" depthwise
           dims <N = 1, G = 8, K = 1, C = 1, R = 3, S = 3, Y = 9, X = 9>
           layout <"NGYX", "GKRS", "NGYX">
           ins(%dwin, %dww : tensor<1x8x9x9xf32>, tensor<8x1x3x3xf32>)
           outs(%dwout : tensor<1x8x7x7xf32>) -> tensor<1x8x7x7xf32>
    return %0, %1, %2 : tensor<1x8x6x6xf32>, tensor<1x8x6x6xf32>, tensor<1x8x7x7xf32>
  }
}

// CHECK: remark: layer 'plain': VN {{[0-9]+}}x{{[0-9]+}}x{{[0-9]+}} (T_R x T_S x T_C) x {{[0-9]+}} VNs {{.*}}: {{[0-9]+}} cycles; {{.*}}default{{.*}}; {{[0-9]+}} schedules evaluated, {{[0-9]+}} pruned by bounds, {{[0-9]+}} unvisited (budget), {{[0-9]+}} rejected, of {{[0-9]+}} in the space; 0 bound violations
// CHECK: remark: layer 'with_dataflow': {{.*}}; 0 bound violations
// CHECK: remark: layer 'depthwise': {{.*}}; 0 bound violations

// CHECKED: plain,[[C0:[0-9]+]],[[C0]],1,{{[0-9]+}},{{[0-9.e-]+}},passed,
// CHECKED: with_dataflow,[[C1:[0-9]+]],[[C1]],1,{{[0-9]+}},{{[0-9.e-]+}},passed,
// CHECKED: depthwise,[[C2:[0-9]+]],[[C2]],1,{{[0-9]+}},{{[0-9.e-]+}},passed,

// CYCLES: plain: searched {{[0-9]+}} <= emitted {{[0-9]+}}
// CYCLES: with_dataflow: searched {{[0-9]+}} <= emitted {{[0-9]+}}
// CYCLES: depthwise: searched {{[0-9]+}} <= emitted {{[0-9]+}}
// CYCLES: searched never slower: True

// OBJECTIVE: error: accel-search-maeri-schedule: the MAERI cycle model gives cycles only, so objective=edp cannot be ranked; use objective=runtime
