//===- Passes.td - MAERI target passes ---------------------*- tablegen -*-===//
//
// The passes that schedule and run layers on MAERI. They live with the
// target, not in the core accel transforms: the core reaches targets only
// through their attribute interfaces.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_TARGET_MAERI_TRANSFORMS_PASSES_TD
#define ACCEL_TARGET_MAERI_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def AccelEmitMaeriSchedule
    : Pass<"accel-emit-maeri-schedule", "::mlir::ModuleOp"> {
  let summary = "Derive how MAERI runs each layer";
  let description = [{
    Attaches `schedule = #accel.maeri_schedule<...>` to every `accel.layer`
    for the MAERI of the module's `accel.target` (an `#accel.maeri`; a plain
    `#accel.pe_array` stands for one multiplier switch per PE).

    With a dataflow, the schedule follows it (docs/MAERI.md): each spatial
    map spreads its dimension over its sub-units, so its number of parallel
    chunks multiplies that dimension's tile; the reduction dimensions
    (C, R, S) make up a virtual neuron, the others the number of virtual
    neurons; the temporal maps, outermost first, give the tile order. A
    dataflow MAERI cannot run (a virtual neuron larger than the array, more
    multiplier switches than it has) is an error naming the layer, why, and
    the directive that spreads widest. Without a dataflow the layer gets a
    weight-stationary default (a remark says which).

    Example: NVDLA's `spatial_map<1, 1, C>` over 4 clusters and
    `spatial_map<1, 1, K>` over 64 PEs give VNs of 4 switches (T_C = 4) and
    64 VNs (T_K = 64) on a 256-switch MAERI.
  }];
  let dependentDialects = ["::mlir::accel::AccelDialect"];
}

def AccelSimulate : Pass<"accel-simulate", "::mlir::ModuleOp"> {
  let summary = "Run every scheduled layer on the simulated MAERI";
  let description = [{
    Runs each `accel.layer` that has a `schedule` through the simulated MAERI
    executor (`lib/Simulator`, docs/MAERI.md) on real data, and checks the
    output against a straightforward loop nest: bit for bit for integer
    types; for floats the maximum relative error (|sim - ref| / max(|ref|, 1))
    must stay within 1e-5. A failed check is an error at the layer.

    Operands that are constants (`arith.constant`, or a `linalg.fill` of a
    constant for the accumulator) are used as they are; the others are
    filled from a deterministic pattern: element i of operand j is
    `((i * 2654435761 + (seed + j) * 40503) >> 7) % 15 - 7` (divided by 8
    for floats); accumulators that are not constant start at zero, and
    zero points that are not constant are 0.

    With `report=PATH` (CSV for `.csv` or `-`, JSON for `.json`, an HTML
    page for `.html`; `totals=true` ends a CSV with network totals; see
    docs/Reports.md) it writes per layer, first and in this order: `Layer Number`, `Simulated Cycles`,
    `Cost Model Cycles` (the analytical MAERI model of the same schedule,
    summed over classes of tiles without walking them), `Cycle Ratio`,
    `Num MACs`, `MS Utilization`, `Functional Check` (`passed`, `failed`,
    or `skipped` without data), then the error, tolerance, the machine's
    activity (tiles, weight-load, distribution and collection cycles,
    elements sent, forwarded and multicast, stalls by cause) and, for a
    layer with a dataflow, `MAESTRO Cycles`: the dataflow-level cost
    model's runtime on the same target, for comparison.
    `print-output` prints each layer's output tensor in mlir-runner's
    `printMemrefF32` form; `timing-only` skips the data (same cycles).
    `max-data-elements` and `max-walk-tiles` bound the memory and time one
    layer may take (an error names the layer, its size and the option);
    a timing-only layer of more tiles takes its cycles from the analytical
    model, which equals the walk, and leaves the activity columns empty.
    A layer whose element types the executor cannot compute with (index,
    complex, ...) is an error with data; a module with no scheduled layer
    is an error, and a layer left without a schedule a warning.

    A line per layer on standard error (i of n, name, elapsed time, an
    estimate of the rest) reports progress when it is a terminal and the
    pass has run for two seconds, or always with `--accel-progress`.

    Example: `accel-opt --accel-emit-maeri-schedule --accel-simulate=report=-`.
  }];
  let options = [
    Option<"reportPath", "report", "std::string", /*default=*/"",
           "Write a report: a .csv, .json or .html path, or - for CSV on "
           "stdout">,
    Option<"totals", "totals", "bool", /*default=*/"false",
           "End a CSV report with a row of network totals">,
    Option<"seed", "seed", "int64_t", /*default=*/"0",
           "Seed of the pattern that fills non-constant operands">,
    Option<"printOutput", "print-output", "bool", /*default=*/"false",
           "Print every simulated output tensor">,
    Option<"timingOnly", "timing-only", "bool", /*default=*/"false",
           "Skip the data and the functional check (same cycles)">,
    Option<"maxDataElements", "max-data-elements", "int64_t",
           /*default=*/"int64_t(1) << 27",
           "Refuse to run with data a layer whose input, filter and output "
           "hold more elements than this in total">,
    Option<"maxWalkTiles", "max-walk-tiles", "int64_t",
           /*default=*/"int64_t(1) << 26",
           "Walk at most this many tiles per layer: beyond it a layer with "
           "data is refused and a timing-only one takes its cycles from the "
           "analytical model (equal to the walk)">
  ];
  let dependentDialects = ["::mlir::accel::AccelDialect"];
}

def AccelSearchMaeriSchedule
    : Pass<"accel-search-maeri-schedule", "::mlir::ModuleOp"> {
  let summary = "Find the best MAERI schedule of every accel.layer";
  let description = [{
    For every `accel.layer`, searches MAERI tilings (docs/Mapper.md): the
    virtual-neuron shape T_R x T_S x T_C, the number of VNs over N, G, K,
    Y' and X', and the order of the tiled dimensions (hence the folds), for
    the MAERI of the module's `accel.target` (`#accel.maeri`, or the MAERI a
    `#accel.pe_array` stands for), ranked by the MAERI cycle model that `--accel-simulate`
    checks. The schedule `--accel-emit-maeri-schedule` would attach (the
    layer's dataflow's, or the default) is a seed, so the result is never
    slower. The result is attached as `schedule = #accel.maeri_schedule<...>`
    and a remark per layer gives its cycles against that seed and how many
    schedules were evaluated and pruned.

    The cycle model counts cycles only: `objective` accepts `runtime`;
    `energy` and `edp` are errors. `max-evals`, `seed` and `progress` are
    as for `--accel-search-dataflow`.
  }];
  let options = [
    Option<"objective", "objective", "std::string", /*default=*/"\"runtime\"",
           "What to minimize: runtime (the only figure the MAERI model "
           "gives)">,
    Option<"maxEvaluations", "max-evals", "int64_t", /*default=*/"20000",
           "Schedules evaluated per layer at most (0: the whole space)">,
    Option<"seed", "seed", "uint64_t", /*default=*/"0",
           "Chooses the part of an over-budget space that is visited">,
    Option<"progress", "progress", "bool", /*default=*/"false",
           "Report progress on standard error even when it is not a "
           "terminal (as --accel-progress does for every pass)">
  ];
  let dependentDialects = ["::mlir::accel::AccelDialect"];
}

#endif // ACCEL_TARGET_MAERI_TRANSFORMS_PASSES_TD
