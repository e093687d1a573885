//===- MaeriAttributes.td - MAERI target attributes --------*- tablegen -*-===//
//
// The MAERI target's attributes, in the accel dialect's namespace but built
// into the MAERI target's own library (MLIRAccelMAERI) and added to the
// dialect by registerMaeriTarget: the machine (`#accel.maeri`, an
// accel.target) and a layer's schedule on it (`#accel.maeri_schedule`).
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_TARGET_MAERI_IR_MAERIATTRIBUTES_TD
#define ACCEL_TARGET_MAERI_IR_MAERIATTRIBUTES_TD

include "accel/Dialect/Accel/IR/AccelAttrBase.td"
include "accel/Dialect/Accel/IR/AccelInterfaces.td"

def Maeri_TargetAttr : Accel_Attr<"Maeri", "maeri",
    [DeclareAttrInterfaceMethods<Accel_TargetAttrInterface>]> {
  let summary = "the MAERI accelerator: multiplier switches, tree bandwidths";
  let description = [{
    A MAERI (Kwon et al., ASPLOS 2018; docs/MAERI.md) as an `accel.target`:
    `ms` multiplier switches under a binary distribution tree delivering
    `dn_bw` elements per cycle, and an augmented reduction tree whose root
    collects `rn_bw` results per cycle. All three are powers of two and
    neither bandwidth exceeds `ms`. `pe_array` is the same machine in
    MAESTRO's abstract terms, for the dataflow-level analyses (the cost
    model, dataflow binding); without it, one PE per multiplier switch and
    the `#accel.pe_array` defaults.

    The MAERI passes (`--accel-emit-maeri-schedule`, `--accel-simulate`,
    ...) also run on a plain `#accel.pe_array` target, as the MAERI it
    stands for: one switch per PE (rounded down to a power of two),
    bandwidths min(switches, `noc_bw`).

    Example:

    ```mlir
    #accel.maeri<ms = 64, dn_bw = 8, rn_bw = 4>
    #accel.maeri<ms = 64, dn_bw = 8, rn_bw = 8,
                 pe_array = <num_pes = 256, l1_size = 100, l2_size = 3000>>
    ```
  }];
  let parameters = (ins
    "int64_t":$ms,
    "int64_t":$dn_bw,
    "int64_t":$rn_bw,
    OptionalParameter<"::mlir::accel::PEArrayAttr",
                      "the machine as MAESTRO's PE array">:$pe_array
  );
  let assemblyFormat = "`<` struct(params) `>`";
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// The MLIR-free parameters.
    ::mlir::accel::MaeriConfig getConfig() const;
    /// The attribute of `model` (its PE array left out when it is the
    /// default one).
    static MaeriAttr get(::mlir::MLIRContext *context,
                         const ::mlir::accel::MaeriTargetModel &model);
  }];
}

def Maeri_ScheduleAttr : Accel_Attr<"MaeriSchedule", "maeri_schedule",
    [DeclareAttrInterfaceMethods<Accel_ScheduleAttrInterface>]> {
  let summary = "how MAERI runs one layer: tiles, virtual neurons, tile order";
  let description = [{
    A schedule for the MAERI accelerator (docs/MAERI.md), in STONNE's terms.
    A tile of `t_n x t_g x t_k x t_c x t_r x t_s x t_oy x t_ox` iterations is
    mapped at once: every virtual neuron (VN) is `vn_size = t_r*t_s*t_c`
    contiguous multiplier switches holding one output's weights, reduced by
    the augmented reduction tree to one value; `num_vns = t_n*t_g*t_k*t_oy*t_ox`
    VNs work side by side, VN i on switches [i*vn_size, (i+1)*vn_size). The
    tiles are visited in `order` (outermost first); a tile that does not
    hold the whole reduction R*S*C is one of `folds` partial-sum passes,
    accumulated between passes. `forwarding` says whether inputs move over
    the forwarding links between neighbouring switches (a window sliding
    along output columns) instead of being distributed again.

    Checked here: the VN size and count are the tile products. Checked by
    `accel.layer` against the layer and the MAERI of the module's target
    (`#accel.maeri`, or the MAERI a plain `#accel.pe_array` stands for, one
    switch per PE): every tile in [1, its dimension],
    so every MAC is computed exactly once; `order` names N G K C R S OY OX
    once each; VN size x VNs within the multiplier switches; `folds` and
    `forwarding` as the tiles imply.

    Example:

    ```mlir
    #accel.maeri_schedule<t_k = 16, t_c = 4, t_r = 3, t_s = 3, t_ox = 1,
                          order = [K, C, R, S, OY, OX, N, G],
                          vn_size = 36, num_vns = 16, folds = 128>
    ```
  }];
  let parameters = (ins
    DefaultValuedParameter<"int64_t", "1", "T_N">:$t_n,
    DefaultValuedParameter<"int64_t", "1", "T_G">:$t_g,
    DefaultValuedParameter<"int64_t", "1", "T_K">:$t_k,
    DefaultValuedParameter<"int64_t", "1", "T_C">:$t_c,
    DefaultValuedParameter<"int64_t", "1", "T_R">:$t_r,
    DefaultValuedParameter<"int64_t", "1", "T_S">:$t_s,
    DefaultValuedParameter<"int64_t", "1", "T_Y'">:$t_oy,
    DefaultValuedParameter<"int64_t", "1", "T_X'">:$t_ox,
    Accel_DimListParameter:$order,
    "int64_t":$vn_size,
    "int64_t":$num_vns,
    "int64_t":$folds,
    Accel_BoolParameter<"false", "inputs move over forwarding links">:$forwarding
  );
  let assemblyFormat = "`<` struct(params) `>`";
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// The MLIR-free schedule.
    ::mlir::accel::MaeriSchedule getSchedule() const;
    /// The attribute of `schedule` on a layer of `shape`.
    static MaeriScheduleAttr get(::mlir::MLIRContext *context,
                                 const ::mlir::accel::MaeriSchedule &schedule,
                                 const ::mlir::accel::LayerShape &shape);
  }];
}


#endif // ACCEL_TARGET_MAERI_IR_MAERIATTRIBUTES_TD
