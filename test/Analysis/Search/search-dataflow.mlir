// --accel-search-dataflow on one small layer: the result is a "searched"
// dataflow with a remark saying what was chosen against the best library
// dataflow and what was evaluated and pruned; it is a valid input for the
// cost model, the MAERI schedule and the MAESTRO exporter; and it does not
// depend on the thread count.
// RUN: accel-opt %s --accel-search-dataflow=objective=runtime 2>%t.remarks | FileCheck %s
// RUN: FileCheck %s --check-prefix=REMARK < %t.remarks
// RUN: accel-opt %s --accel-search-dataflow --accel-cost-model --accel-emit-maeri-schedule | FileCheck %s --check-prefix=LATER
// RUN: accel-opt %s --accel-search-dataflow 2>/dev/null | accel-translate --export-maestro | FileCheck %s --check-prefix=MAESTRO
// RUN: accel-opt %s --accel-search-dataflow=objective=edp --mlir-disable-threading 2>&1 | sed 's/^.*remark/remark/' > %t.one
// RUN: accel-opt %s --accel-search-dataflow=objective=edp 2>&1 | sed 's/^.*remark/remark/' > %t.two
// RUN: diff %t.one %t.two
// Two layers of one shape are searched once and get the same dataflow.
// RUN: FileCheck %s --check-prefix=SAME < %t.one

module attributes {accel.target = #accel.pe_array<num_pes = 64, l1_size = 64,
                                                   l2_size = 4000, noc_bw = 16>} {
  func.func @two(%in: tensor<1x32x10x10xf32>, %w: tensor<16x32x3x3xf32>,
                 %out: tensor<1x16x8x8xf32>) -> (tensor<1x16x8x8xf32>, tensor<1x16x8x8xf32>) {
    %0 = accel.layer "first" conv2d
           dims <N = 1, G = 1, K = 16, C = 32, R = 3, S = 3, Y = 10, X = 10>
           layout <"NCYX", "KCRS", "NKYX">
           ins(%in, %w : tensor<1x32x10x10xf32>, tensor<16x32x3x3xf32>)
           outs(%out : tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32>
    %1 = accel.layer "second" conv2d
           dims <N = 1, G = 1, K = 16, C = 32, R = 3, S = 3, Y = 10, X = 10>
           layout <"NCYX", "KCRS", "NKYX">
           ins(%in, %w : tensor<1x32x10x10xf32>, tensor<16x32x3x3xf32>)
           outs(%out : tensor<1x16x8x8xf32>) -> tensor<1x16x8x8xf32>
    return %0, %1 : tensor<1x16x8x8xf32>, tensor<1x16x8x8xf32>
  }
}

// CHECK: accel.layer "first" {{.*}} dataflow <"searched", [{{.*}}#accel.spatial_map<
// CHECK: accel.layer "second" {{.*}} dataflow <"searched", [

// REMARK: remark: layer 'first' (runtime): [{{.*}}] runtime [[RT:[0-9]+]] cycles, energy {{[0-9.]+}} nJ; {{(best library dataflow '[a-z_]+': runtime [0-9]+ cycles.*better|kept library dataflow)}}; [[EVAL:[0-9]+]] mappings evaluated, {{[0-9]+}} pruned by bounds, 0 unvisited (budget), {{[0-9]+}} rejected by the cost model, {{[0-9]+}} computing fewer MACs than the layer, of {{[0-9]+}} in the space and 7 library dataflows; 0 bound violations
// REMARK: remark: layer 'second' (runtime): [{{.*}}] runtime [[RT]] cycles, {{.*}}; [[EVAL]] mappings evaluated,

// LATER: accel.layer "first" {{.*}} dataflow <"searched"
// LATER-SAME: cost = #accel.cost<
// LATER-SAME: schedule = #accel.maeri_schedule<

// MAESTRO: Dataflow {
// MAESTRO: SpatialMap(

// SAME: remark: layer 'first' (edp): [[DF:\[.*\]]] runtime
// SAME: remark: layer 'second' (edp): [[DF]] runtime
