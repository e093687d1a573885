// The report of --accel-simulate on a small layer whose figures are derived
// by hand below, in CSV and in JSON.
// RUN: accel-opt %s --accel-simulate=report=- -o /dev/null | FileCheck %s --check-prefix=CSV
// RUN: accel-opt %s --accel-simulate=report=%t.json -o /dev/null
// RUN: FileCheck %s --check-prefix=JSON < %t.json
// RUN: accel-opt %s --accel-simulate=report=%t.csv -o /dev/null
// RUN: FileCheck %s --check-prefix=CSV < %t.csv
// RUN: accel-opt %s '--accel-simulate=report=- timing-only=true' -o /dev/null | FileCheck %s --check-prefix=TIMING
// RUN: accel-opt %s '--accel-simulate=report=- seed=7' -o /dev/null | FileCheck %s --check-prefix=SEED
// RUN: not accel-opt %s --accel-simulate=report=%t.txt 2>&1 | FileCheck %s --check-prefix=EXT
// RUN: not accel-opt %s --accel-simulate=report=%s/r.csv 2>&1 | FileCheck %s --check-prefix=DIR

// 32 switches, dn_bw = 4, rn_bw = 1. Layer K = 2, C = 2, 3x3 filter, 4x4
// image (2x2 outputs); schedule: VNs of 3x3 weights (one channel), both
// filters side by side (2 VNs), C in 2 folds, output columns innermost.
// Tiles: 2 (C) x 2 (OY) x 2 (OX) = 8.
// Per C fold: load 2 x 9 = 18 weights in ceil(18 / 4) = 5 cycles; then the
// four output positions: the first of a row sends a 3x3 window,
// ceil(9 / 4) = 3 cycles; the second slides one column, 2 columns arrive
// over the forwarding links and 3 new inputs in 1 cycle; each collects
// 2 VN results at 1 per cycle = 2 cycles. 5 + 3 + 2 + 3 + 2 = 15.
// Two folds: 30, plus filling and draining the trees: log2(32) = 5,
// ceil(log2(9)) = 4, + 1 = 10. Total 40 cycles.
// MACs 2 x 2 x 9 x 4 = 144; utilization 144 / (40 x 32) = 0.1125.
// Distribution (3 + 1 + 3 + 1) x 2 = 16 cycles, collection 2 x 8 = 16;
// DN elements: 36 weights + 2 x (9 + 3 + 9 + 3) inputs = 84; forwarded
// 4 x (3 rows x 2 columns) = 24; multicast: each 3x3 window reaches both
// filters' VNs, 8 x 9 = 72 extra deliveries. Stalls: the 4 window tiles
// wait 1 cycle for distribution, the 4 sliding tiles 1 cycle for collection.
// CSV: Layer Number,Simulated Cycles,Cost Model Cycles,Cycle Ratio,Num MACs,MS Utilization,Functional Check,Max Relative Error,Tolerance,Tiles,Weight Load Cycles,Distribution Cycles,Collection Cycles,Fill Drain Cycles,DN Elements,Forwarded Elements,Multicast Deliveries,MS Multiplies,RN Adds,Collected,Stall Distribution,Stall Weight Load,Stall Collection,MAESTRO Cycles
// CSV-NEXT: small,40,40,1,144,0.1125,passed,0,1e-05,8,10,16,16,10,84,24,72,144,128,16,4,10,4,{{$}}
// CSV-NEXT: small_i8,40,40,1,144,0.1125,passed,0,0,8,

// JSON: "layers": [
// JSON: "Cost Model Cycles": 40,
// JSON: "Cycle Ratio": 1,
// JSON: "Functional Check": "passed",
// JSON: "Layer Number": "small",
// JSON: "MS Utilization": 0.1125,
// JSON: "Num MACs": 144,
// JSON: "Simulated Cycles": 40,

// Without data the cycles are the same and the check is skipped.
// TIMING: small,40,40,1,144,0.1125,skipped,
// SEED: small,40,40,1,144,0.1125,passed,

// EXT: error: accel-simulate: report '{{.*}}.txt' must end in .csv or .json (or be - for CSV on standard output)
// DIR: error: accel-simulate: cannot write the report '{{.*}}r.csv'

module attributes {accel.target = #accel.pe_array<num_pes = 32, maeri_ms = 32, maeri_dn_bw = 4, maeri_rn_bw = 1>} {
func.func @small(%in: tensor<1x2x4x4xf32>, %w: tensor<2x2x3x3xf32>, %init: tensor<1x2x2x2xf32>) -> tensor<1x2x2x2xf32> {
  %0 = accel.layer "small" conv2d dims <K = 2, C = 2, R = 3, S = 3, Y = 4, X = 4> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x2x4x4xf32>, tensor<2x2x3x3xf32>) outs(%init : tensor<1x2x2x2xf32>)
         {schedule = #accel.maeri_schedule<t_k = 2, t_r = 3, t_s = 3, order = [N, G, K, C, R, S, OY, OX], vn_size = 9, num_vns = 2, folds = 2, forwarding = true>}
         -> tensor<1x2x2x2xf32>
  return %0 : tensor<1x2x2x2xf32>
}
func.func @small_i8(%in: tensor<1x2x4x4xi8>, %w: tensor<2x2x3x3xi8>, %init: tensor<1x2x2x2xi32>) -> tensor<1x2x2x2xi32> {
  %0 = accel.layer "small_i8" conv2d dims <K = 2, C = 2, R = 3, S = 3, Y = 4, X = 4> layout <"NCYX", "KCRS", "NKYX">
         ins(%in, %w : tensor<1x2x4x4xi8>, tensor<2x2x3x3xi8>) outs(%init : tensor<1x2x2x2xi32>)
         {schedule = #accel.maeri_schedule<t_k = 2, t_r = 3, t_s = 3, order = [N, G, K, C, R, S, OY, OX], vn_size = 9, num_vns = 2, folds = 2, forwarding = true>}
         -> tensor<1x2x2x2xi32>
  return %0 : tensor<1x2x2x2xi32>
}
}
