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

#endif // ACCEL_DIALECT_ACCEL_TRANSFORMS_PASSES_TD
