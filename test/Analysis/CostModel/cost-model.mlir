// RUN: accel-opt %s --accel-cost-model | FileCheck %s
// RUN: accel-opt %s --accel-cost-model=report=%t.csv -o /dev/null && FileCheck %s --check-prefix=CSV < %t.csv
// RUN: accel-opt %s --accel-cost-model=report=%t.json -o /dev/null && FileCheck %s --check-prefix=JSON < %t.json
// RUN: accel-opt %s '--accel-cost-model=report=%t.totals.csv totals=true' -o /dev/null && FileCheck %s --check-prefix=TOTALS < %t.totals.csv
// RUN: not accel-opt %s --accel-cost-model=report=%t.txt 2>&1 | FileCheck %s --check-prefix=EXT
// RUN: not accel-opt %s --accel-cost-model=report=%s/r.csv 2>&1 | FileCheck %s --check-prefix=DIR
// EXT: error: accel-cost-model: report '{{.*}}.txt' must end in .csv, .json or .html (or be - for CSV on standard output)
// DIR: error: accel-cost-model: cannot write the report '{{.*}}r.csv'

// Hand-derived: a 1x1 convolution reducing C = 4 channels into one output,
// the channels spread over 4 PEs (spatial_map<1, 1, C>), NoC 4 elements per
// cycle, one hop of one cycle.
// - One iteration case: every map covers its dimension at once.
// - Ingress: 4 inputs (one per PE) + 4 weights = 8 elements: 8 / 4 = 2
//   flits, 1 cycle zero-load + 1 more flit = 2 cycles.
// - Compute: each PE does R*S = 1 MAC: 1 cycle.
// - The first (and only) step cannot overlap its fill: 2 + 1 = 3 cycles.
// - Egress: the partial sums meet in one output (C is reduced): 1 element.
// - L2 buffer: double-buffered ingress and egress: 2*4 + 2*4 + 2*1 = 18 B.
// - L1 buffer: per PE 1 input, 1 weight, 1 output, double-buffered: 6 B.
// CHECK-LABEL: func.func @hand_derived
// CHECK: accel.layer "pointwise"
// CHECK-SAME: cost = #accel.cost<
// CHECK-SAME: l1_size = 6
// CHECK-SAME: l2_filter_reads = 4
// CHECK-SAME: l2_input_reads = 4
// CHECK-SAME: l2_output_writes = 1
// CHECK-SAME: l2_size = 18
// CHECK-SAME: macs = 4
// CHECK-SAME: runtime = 3
// CSV: Neural Network Name,Layer Number,NumPEs,Runtime (Cycles),
// CSV-SAME: Layer Kind,Dataflow,Compute Delay (Max),L1 Energy (nJ),L2 Energy (nJ){{$}}
// CSV-NEXT: hand_derived,pointwise,4,3,
// CSV-NOT: Total
// JSON: "layers": [
// JSON: "Layer Number": "pointwise"
// JSON: "Runtime (Cycles)": 3
// JSON: "totals": {
// JSON: "Runtime (Cycles)": 3
// JSON: "Throughput (MACs/Cycle)": 1.3333333333333333,
// With totals=true the CSV ends with a totals row.
// TOTALS: hand_derived,pointwise,4,3,
// TOTALS-NEXT: hand_derived,Total,4,3,
module attributes {accel.target = #accel.pe_array<num_pes = 4, noc_bw = 4, hop_latency = 1>} {
func.func @hand_derived(%in: tensor<1x4x1x1xf32>, %w: tensor<1x4x1x1xf32>, %out: tensor<1x1x1x1xf32>) -> tensor<1x1x1x1xf32> {
  %0 = accel.layer "pointwise" conv2d dims <K = 1, C = 4> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x4x1x1xf32>, tensor<1x4x1x1xf32>) outs(%out : tensor<1x1x1x1xf32>)
         dataflow <"c_p", [#accel.spatial_map<1, 1, C>]> -> tensor<1x1x1x1xf32>
  return %0 : tensor<1x1x1x1xf32>
}
}
