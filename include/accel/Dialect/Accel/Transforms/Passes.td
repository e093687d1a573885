//===- Passes.td - accel dialect passes --------------------*- tablegen -*-===//

#ifndef ACCEL_DIALECT_ACCEL_TRANSFORMS_PASSES_TD
#define ACCEL_DIALECT_ACCEL_TRANSFORMS_PASSES_TD

include "mlir/Pass/PassBase.td"

def AccelSetTarget : Pass<"accel-set-target", "::mlir::ModuleOp"> {
  let summary = "Set the module's hardware (accel.target)";
  let description = [{
    Sets the module attribute `accel.target`, the machine every later pass
    models, from the command line instead of editing the IR (a torch-mlir or
    IREE module has none):

    - `file=PATH`: a MAESTRO hardware file (`.m`: `num_pes: 256` ...), or an
      MLIR file holding a target attribute, alone
      (`#accel.maeri<ms = 64, dn_bw = 8, rn_bw = 8>`) or as its module's
      `accel.target`;
    - `target=ATTR`: the attribute itself, any registered target's
      (quote it: `target="#accel.pe_array<num_pes = 64>"`);
    - `num-pes=`, `simd-lanes=`, `l1-size=`, `l2-size=`, `noc-bw=`,
      `noc-hops=`, `hop-latency=`, `offchip-bw=`, `element-size=`: the
      `#accel.pe_array` parameters, over the PE array given by `file` or
      `target`, else the module's own, else the defaults.

    A layer that no longer fits (clusters larger than the new PE array, a
    schedule the new machine cannot run) fails verification after the pass.

    Example: `accel-opt --accel-set-target="file=accelerator_1.m"` on a
    module without a target gives it
    `accel.target = #accel.pe_array<num_pes = 256, l1_size = 100, ...>`.
  }];
  let options = [
    Option<"file", "file", "std::string", /*default=*/"",
           "A MAESTRO hardware file (.m) or an MLIR file holding a target "
           "attribute">,
    Option<"target", "target", "std::string", /*default=*/"",
           "The target attribute, e.g. #accel.pe_array<num_pes = 64>">,
    Option<"numPes", "num-pes", "int64_t", /*default=*/"-1",
           "#accel.pe_array num_pes">,
    Option<"simdLanes", "simd-lanes", "int64_t", /*default=*/"-1",
           "#accel.pe_array simd_lanes">,
    Option<"l1Size", "l1-size", "int64_t", /*default=*/"-1",
           "#accel.pe_array l1_size (bytes per PE)">,
    Option<"l2Size", "l2-size", "int64_t", /*default=*/"-1",
           "#accel.pe_array l2_size (bytes)">,
    Option<"nocBw", "noc-bw", "int64_t", /*default=*/"-1",
           "#accel.pe_array noc_bw (elements per cycle)">,
    Option<"nocHops", "noc-hops", "int64_t", /*default=*/"-1",
           "#accel.pe_array noc_hops">,
    Option<"hopLatency", "hop-latency", "int64_t", /*default=*/"-1",
           "#accel.pe_array hop_latency (cycles)">,
    Option<"offchipBw", "offchip-bw", "int64_t", /*default=*/"-1",
           "#accel.pe_array offchip_bw (elements per cycle)">,
    Option<"elementSize", "element-size", "int64_t", /*default=*/"-1",
           "#accel.pe_array element_size (bytes)">
  ];
  let dependentDialects = ["::mlir::accel::AccelDialect"];
}

def AccelAssignDataflow : Pass<"accel-assign-dataflow", "::mlir::ModuleOp"> {
  let summary = "Attach a library (or file) dataflow to every accel.layer";
  let description = [{
    Sets the `dataflow` of every `accel.layer` in the module to one
    dataflow, chosen by name from the library in `dataflows/` (built into
    the tool; names and their aliases are case-insensitive, so `nvdla`,
    `NVDLA` and `kcp_ws` are the same) or read from a file holding one
    `#accel.dataflow<...>` attribute.

    The dataflow is bound to each layer as the `accel.layer` verifier does:
    `sz()` sizes resolve, maps larger than a dimension are clamped to it (as
    MAESTRO does). A layer the dataflow cannot apply to (e.g. clusters larger
    than the module's PE array) gets an error naming the layer and the
    directive, and the pass fails.

    Example: `accel-opt --accel-assign-dataflow=dataflow=nvdla` turns

    ```mlir
    %0 = accel.layer "conv" conv2d dims <...> layout <...> ins(...) outs(...) -> ...
    ```

    into

    ```mlir
    %0 = accel.layer "conv" conv2d dims <...> layout <...> ins(...) outs(...)
           dataflow <"nvdla", [#accel.spatial_map<1, 1, C>, ...]> -> ...
    ```
  }];
  let options = [
    Option<"dataflowName", "dataflow", "std::string", /*default=*/"",
           "Name (or alias) of a dataflow of the library">,
    Option<"dataflowFile", "file", "std::string", /*default=*/"",
           "File holding one #accel.dataflow attribute">
  ];
  let statistics = [
    Statistic<"numLayersAssigned", "layers-assigned",
              "Number of layers given the dataflow">
  ];
  let dependentDialects = ["::mlir::accel::AccelDialect"];
}

def AccelCostModel : Pass<"accel-cost-model", "::mlir::ModuleOp"> {
  let summary = "Evaluate MAESTRO's data-centric cost model on every layer";
  let description = [{
    For every `accel.layer` with a dataflow, runs the cost model
    (`lib/Analysis/CostModel`, docs/CostModel.md) on the layer, its dataflow
    and the module's `accel.target` (the `#accel.pe_array` defaults when
    there is none), and attaches the results as `cost = #accel.cost<...>`:
    runtime in cycles, MACs, throughput, L1 and L2 reads and writes per
    tensor, reuse factors, buffer requirements, NoC and off-chip bandwidth,
    delays, utilized PEs, arithmetic intensity and energy.

    With `report=PATH` it also writes a report (docs/Reports.md): CSV when
    PATH ends in `.csv` or is `-` (standard output), JSON when it ends in
    `.json`, a self-contained HTML page when it ends in `.html`. The CSV has
    one row per layer with MAESTRO's own column names first (`Layer Number`
    holds the layer name), then this project's, and with `totals=true` a
    last row of network totals; the JSON has the same columns and always
    the totals; the page adds charts, a roofline and each layer's dataflow.
    A report option that is wrong (unknown format, a file that cannot be
    written) is an error before any layer is costed. A layer without a
    dataflow is an error.

    Example:

    ```mlir
    %0 = accel.layer "CONV11" conv2d ... dataflow <"nvdla", [...]> -> ...
    ```

    becomes

    ```mlir
    %0 = accel.layer "CONV11" conv2d ... dataflow <"nvdla", [...]>
           {cost = #accel.cost<macs = 339738624, runtime = 6782976, ...>} -> ...
    ```
  }];
  let options = [
    Option<"reportPath", "report", "std::string", /*default=*/"",
           "Write a report: a .csv, .json or .html path, or - for CSV on "
           "stdout">,
    Option<"totals", "totals", "bool", /*default=*/"false",
           "End a CSV report with a row of network totals">
  ];
  let dependentDialects = ["::mlir::accel::AccelDialect"];
}

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

def AccelSearchDataflow : Pass<"accel-search-dataflow", "::mlir::ModuleOp"> {
  let summary = "Find the best dataflow of every accel.layer";
  let description = [{
    For every `accel.layer`, searches the directive sets the dialect
    expresses (docs/Mapper.md): which dimension is spatial at each cluster
    level and with which chunk, the tiles and the order of the temporal
    maps, the cluster size, and ranks them with the cost model
    (`--accel-cost-model`) on the module's `accel.target`. Mappings whose
    L1 and L2 requirements fit the target's `l1_size` and `l2_size` rank
    first, then the lower `objective`: `runtime` (cycles), `energy` (nJ) or
    `edp` (their product). The library dataflows (dataflows/) are seeds: a
    layer gets one of them when nothing searched ranks better, so the result
    is never worse than the best of them. The result is attached as
    `dataflow <"searched", [...]>`, a valid input for every later pass.

    Lower bounds that cannot drop the optimum prune the space (runtime at
    least the MACs over the PEs a spatial structure can keep busy). The
    result does not depend on the thread count: the space is split into
    tasks fixed by the layer, each pruning only against what it has seen.
    Layers of the same shape are searched once.

    A remark per layer says what was chosen, against the best library
    dataflow, and how many mappings were evaluated, pruned and left
    unvisited by the `max-evals` budget (then `seed` picks which). With
    `progress` or `--accel-progress`, or when standard error is a terminal
    and the search has run for two seconds, it prints there a line per
    layer: i of n, the best found, elapsed time and an estimate of the rest.

    Example: `accel-opt --accel-search-dataflow=objective=energy` turns

    ```mlir
    %0 = accel.layer "conv" conv2d dims <...> layout <...> ins(...) outs(...) -> ...
    ```

    into

    ```mlir
    %0 = accel.layer "conv" conv2d dims <...> layout <...> ins(...) outs(...)
           dataflow <"searched", [#accel.temporal_map<1, 1, K>, ...]> -> ...
    ```
  }];
  let options = [
    Option<"objective", "objective", "std::string", /*default=*/"\"runtime\"",
           "What to minimize: runtime, energy or edp">,
    Option<"maxEvaluations", "max-evals", "int64_t", /*default=*/"0",
           "Mappings evaluated per layer at most (0: the whole space)">,
    Option<"seed", "seed", "uint64_t", /*default=*/"0",
           "Chooses the part of an over-budget space that is visited">,
    Option<"levels", "levels", "unsigned", /*default=*/"2",
           "Cluster levels of searched mappings: 1, or up to 2">,
    Option<"progress", "progress", "bool", /*default=*/"false",
           "Report progress on standard error even when it is not a "
           "terminal (as --accel-progress does for every pass)">
  ];
  let statistics = [
    Statistic<"numEvaluated", "mappings-evaluated",
              "Mappings the cost model evaluated">,
    Statistic<"numPruned", "mappings-pruned",
              "Mappings a lower bound ruled out">
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

#endif // ACCEL_DIALECT_ACCEL_TRANSFORMS_PASSES_TD
