// The report of --accel-simulate on a small layer whose figures are derived
// by hand below, in CSV and in JSON.
// RUN: accel-opt %s --accel-simulate=report=- -o /dev/null | FileCheck %s --check-prefix=CSV
// RUN: accel-opt %s --accel-simulate=report=%t.json -o /dev/null
// RUN: FileCheck %s --check-prefix=JSON < %t.json
// RUN: accel-opt %s --accel-simulate=report=%t.csv -o /dev/null
// RUN: FileCheck %s --check-prefix=CSV < %t.csv
// RUN: accel-opt %s '--accel-simulate=report=- timing-only=true' -o /dev/null | FileCheck %s --check-prefix=TIMING
// RUN: accel-opt %s '--accel-simulate=report=- seed=7' -o /dev/null | FileCheck %s --check-prefix=SEED
// RUN: accel-opt %s '--accel-simulate=report=- totals=true' -o /dev/null | FileCheck %s --check-prefix=TOTALS
// RUN: not accel-opt %s --accel-simulate=report=%t.txt 2>&1 | FileCheck %s --check-prefix=EXT
// RUN: not accel-opt %s --accel-simulate=report=%s/r.csv 2>&1 | FileCheck %s --check-prefix=DIR

// 32 switches, dn_bw = 4, rn_bw = 1: 4 distribution ports, each the root
// of a tree over 8 switches. Layer K = 2, C = 2, 3x3 filter, 4x4 image (2x2
// outputs); schedule: VNs of 3x3 weights (one channel), both filters side
// by side (2 VNs: k0 on switches 0-8, k1 on 9-17), C in 2 folds, output
// columns innermost (forwarding). Tiles: 2 (C) x 2 (OY) x 2 (OX) = 8.
// Weights, once (K and G do not move; the switches keep both folds):
// port 0 feeds k0's taps 0-7, port 1 k0's tap 8 and k1's taps 0-6, port 2
// k1's taps 7-8: 8, 8 and 2 weights x 2 folds; 16 cycles, 36 sends.
// A row's first tile sends its 3x3 window: port 0 needs 8 distinct inputs,
// port 1 8 (tap 8 and taps 0-6 of the same window), port 2 2: 8 cycles, 18
// sends. The second slides one column: only taps (r, 2) are new, k0's on
// switches 2, 5, 8 and k1's on 11, 14, 17: ports 0/1/2 need 2/3/1, so 3
// cycles, 6 sends. Each tile collects 2 VNs at 1 per cycle = 2 cycles.
// Per fold 8 + 3 + 8 + 3 = 22; two folds 44, + 16 of weights, + the
// drain that ends the weight visit (its results must be written back
// before another visit's weights go out): 3 + ceil(log2(9)) = 4 levels of
// the reduction tree, + 1 level above the VNs (their 18 switches span 5
// levels, a VN 4, a port's subtree 3), + 1 as the weights took several
// cycles = 9. Total 69 cycles. MACs 2 x 2 x 9 x 4 = 144; utilization
// 144 / (69 x 32) = 0.0652174. DN sends 36 + 2 x (18 + 6 + 18 + 6) = 132; forwarded
// 4 x (3 rows x 2 columns) = 24; multicast: each window reaches both
// filters' VNs, 8 x 9 = 72 extra deliveries. Stalls: the 4 window tiles
// wait 8 - 2 = 6 cycles for distribution and the 4 sliding ones 1: 28.
// CSV: Layer Number,Simulated Cycles,Cost Model Cycles,Cycle Ratio,Num MACs,MS Utilization,Functional Check,Max Relative Error,Tolerance,Tiles,Weight Load Cycles,Distribution Cycles,Collection Cycles,Fill Drain Cycles,DN Elements,Forwarded Elements,Multicast Deliveries,MS Multiplies,RN Adds,Collected,Stall Distribution,Stall Weight Load,Stall Collection,MAESTRO Cycles
// CSV-NEXT: small,69,69,1,144,0.0652174,passed,0,1e-05,8,16,44,16,9,132,24,72,144,128,16,28,16,0,{{$}}
// CSV-NEXT: small_i8,69,69,1,144,0.0652174,passed,0,0,8,

// JSON: "layers": [
// JSON: "Layer Number": "small",
// JSON-NEXT: "Simulated Cycles": 69,
// JSON-NEXT: "Cost Model Cycles": 69,
// JSON-NEXT: "Cycle Ratio": 1,
// JSON-NEXT: "Num MACs": 144,
// JSON-NEXT: "MS Utilization": 0.06521739130434782,
// JSON-NEXT: "Functional Check": "passed",
// JSON: "MAESTRO Cycles": null
// The network's totals: sums, the ratio of the sums, utilization weighted
// by cycles.
// JSON: "totals": {
// JSON-NEXT: "Simulated Cycles": 138,
// JSON-NEXT: "Cost Model Cycles": 138,
// JSON-NEXT: "Cycle Ratio": 1,
// JSON-NEXT: "Num MACs": 288,
// JSON-NEXT: "MS Utilization": 0.06521739130434782,
// JSON-NEXT: "Max Relative Error": 0,
// JSON-NEXT: "Tiles": 16,

// With totals=true the CSV ends with them.
// TOTALS: small_i8,
// TOTALS-NEXT: Total,138,138,1,288,0.0652174,,0,,16,32,88,32,18,264,48,144,288,256,32,56,32,0,{{$}}

// Without data the cycles are the same and the check is skipped.
// TIMING: small,69,69,1,144,0.0652174,skipped,
// SEED: small,69,69,1,144,0.0652174,passed,

// EXT: error: accel-simulate: report '{{.*}}.txt' must end in .csv, .json or .html (or be - for CSV on standard output)
// DIR: error: accel-simulate: cannot write the report '{{.*}}r.csv'

module attributes {accel.target = #accel.maeri<ms = 32, dn_bw = 4, rn_bw = 1>} {
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
