//===- AccelAttributes.td - accel dialect attributes -------*- tablegen -*-===//

#ifndef ACCEL_DIALECT_ACCEL_IR_ACCELATTRIBUTES_TD
#define ACCEL_DIALECT_ACCEL_IR_ACCELATTRIBUTES_TD

include "accel/Dialect/Accel/IR/AccelAttrBase.td"
include "accel/Dialect/Accel/IR/AccelInterfaces.td"
include "mlir/IR/AttrTypeBase.td"
include "mlir/IR/BuiltinAttributeInterfaces.td"

//===----------------------------------------------------------------------===//
// pe_array
//===----------------------------------------------------------------------===//

def Accel_PEArrayAttr : Accel_Attr<"PEArray", "pe_array",
    [DeclareAttrInterfaceMethods<Accel_TargetAttrInterface>]> {
  let summary = "a spatial accelerator: PE array, buffers, NoC";
  let description = [{
    The hardware a dataflow runs on, with MAESTRO's abstract hardware model:
    `num_pes` processing elements, each with `simd_lanes` MAC lanes and an
    L1 buffer of `l1_size` bytes, a shared L2 buffer of `l2_size` bytes, a
    NoC between them delivering `noc_bw` elements per cycle over
    `noc_hops` hops of `hop_latency` cycles each (with or without
    `multicast`), and `offchip_bw` elements per cycle to DRAM. Elements are
    `element_size` bytes.

    It is the core's target (`accel.target`); a target with more to say
    (MAERI's `#accel.maeri`) holds one.

    Every parameter but `num_pes` has a default; defaults are not printed.

    | parameter | default | unit |
    |---|---|---|
    | simd_lanes | 1 | MACs per PE per cycle |
    | l1_size | 512 | bytes per PE |
    | l2_size | 108000 | bytes |
    | noc_bw | 64 | elements / cycle |
    | noc_hops | 1 | hops |
    | hop_latency | 1 | cycles / hop (what MAESTRO charges per transfer) |
    | multicast | true | |
    | offchip_bw | 16 | elements / cycle |
    | element_size | 1 | bytes |

    Example:

    ```mlir
    #accel.pe_array<num_pes = 256, l1_size = 100, l2_size = 3000,
                    noc_bw = 1000, offchip_bw = 50>
    ```
  }];
  let parameters = (ins
    "int64_t":$num_pes,
    DefaultValuedParameter<"int64_t", "1", "MAC lanes per PE">:$simd_lanes,
    DefaultValuedParameter<"int64_t", "512", "L1 bytes per PE">:$l1_size,
    DefaultValuedParameter<"int64_t", "108000", "shared L2 bytes">:$l2_size,
    DefaultValuedParameter<"int64_t", "64", "NoC elements per cycle">:$noc_bw,
    DefaultValuedParameter<"int64_t", "1", "average NoC hops">:$noc_hops,
    DefaultValuedParameter<"int64_t", "1", "cycles per hop">:$hop_latency,
    Accel_BoolParameter<"true", "NoC multicast support">:$multicast,
    DefaultValuedParameter<"int64_t", "16", "off-chip elements per cycle">:$offchip_bw,
    DefaultValuedParameter<"int64_t", "1", "bytes per element">:$element_size
  );
  let assemblyFormat = "`<` struct(params) `>`";
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// The attribute that describes `config`.
    static PEArrayAttr get(::mlir::MLIRContext *context,
                           const ::mlir::accel::HardwareConfig &config);
  }];
}

//===----------------------------------------------------------------------===//
// Directives
//===----------------------------------------------------------------------===//

// `kind` names the Directive constructor: spatialMap or temporalMap.
class Accel_MapAttr<string name, string attrMnemonic, string kind>
    : Accel_Attr<name, attrMnemonic,
                 [DeclareAttrInterfaceMethods<Accel_DirectiveAttrInterface>]> {
  let parameters = (ins Accel_SizeExprParameter:$size,
                        Accel_SizeExprParameter:$offset,
                        Accel_DimParameter:$dim);
  let assemblyFormat = "`<` $size `,` $offset `,` $dim `>`";
  let genVerifyDecl = 1;
  let extraClassDefinition = [{
    ::mlir::accel::Directive $cppClass::getDirective() const {
      return ::mlir::accel::Directive::}] # kind # [{(getSize(), getOffset(),
                                                    getDim());
    }
    ::llvm::LogicalResult $cppClass::verify(
        ::llvm::function_ref<::mlir::InFlightDiagnostic()> emitError,
        ::mlir::accel::SizeExpr size, ::mlir::accel::SizeExpr offset,
        ::mlir::accel::Dim dim) {
      return ::mlir::accel::verifyDirectiveAttr(
          emitError, ::mlir::accel::Directive::}] # kind # [{(size, offset, dim));
    }
  }];
}

def Accel_SpatialMapAttr
    : Accel_MapAttr<"SpatialMap", "spatial_map", "spatialMap"> {
  let summary = "MAESTRO's SpatialMap(size, offset) D";
  let description = [{
    Distributes dimension `D` over the sub-units of the current cluster
    level: sub-unit i holds the chunk of `size` elements starting at
    i * `offset`. When the dimension has more chunks than there are
    sub-units, the remaining chunks are visited in further time steps.
    `size` > `offset` makes neighbouring chunks overlap (sliding windows);
    `offset` > `size` would skip elements and is rejected.

    `size` and `offset` are positive integers or `sz(D)`, the full size of a
    dimension of the layer the dataflow is bound to. `D` is one of N, G, K,
    C, R, S, Y, X, or OY / OX for output rows / cols (MAESTRO's Y' / X').

    Example: `#accel.spatial_map<sz(R), 1, Y>`
  }];
}

def Accel_TemporalMapAttr
    : Accel_MapAttr<"TemporalMap", "temporal_map", "temporalMap"> {
  let summary = "MAESTRO's TemporalMap(size, offset) D";
  let description = [{
    Every sub-unit of the current cluster level holds the same chunk of
    `size` elements of dimension `D`; the chunk advances by `offset` each
    time step. The order of temporal maps is the loop order, outermost
    first. Operands as for `spatial_map`.

    Example: `#accel.temporal_map<64, 64, C>`
  }];
}

def Accel_ClusterAttr : Accel_Attr<"Cluster", "cluster",
    [DeclareAttrInterfaceMethods<Accel_DirectiveAttrInterface>]> {
  let summary = "MAESTRO's Cluster(size, P|L)";
  let description = [{
    Groups `size` units into one cluster. The directives above it map work
    across clusters, the directives below it map work inside one cluster.
    `physical` (the default, MAESTRO's `P`) clusters are groups of PEs;
    `logical` (MAESTRO's `L`) is accepted for MAESTRO compatibility and is
    treated like `physical`.

    Example: `#accel.cluster<64>`, `#accel.cluster<sz(R), logical>`
  }];
  let parameters = (ins
    Accel_SizeExprParameter:$size,
    DefaultValuedParameter<"::mlir::accel::ClusterKind",
                           "::mlir::accel::ClusterKind::Physical",
                           "`physical` or `logical`">:$kind);
  let assemblyFormat = "`<` $size (`,` $kind^)? `>`";
  let genVerifyDecl = 1;
}

//===----------------------------------------------------------------------===//
// dataflow
//===----------------------------------------------------------------------===//

def Accel_DataflowAttr : Accel_Attr<"Dataflow", "dataflow"> {
  let summary = "a named, ordered list of data-centric directives";
  let description = [{
    A dataflow in MAESTRO's data-centric notation: directives outermost
    first, `cluster` directives splitting the list into levels. The checks
    that need no layer are made here: at least one directive; clusters
    separate non-empty levels; each level maps a dimension at most once
    (Y and OY, X and OX count as one) and has at least one `spatial_map`.
    The checks that need the layer (sizes bound through `sz()`, clusters
    that fit the PE array) are made by `accel.layer`.

    Example (NVDLA, MAESTRO's KC-P weight stationary):

    ```mlir
    #accel.dataflow<"nvdla", [
      #accel.spatial_map<1, 1, C>, #accel.temporal_map<64, 64, K>,
      #accel.temporal_map<sz(R), sz(R), R>, #accel.temporal_map<sz(S), sz(S), S>,
      #accel.temporal_map<1, 1, OY>, #accel.temporal_map<1, 1, OX>,
      #accel.cluster<64>,
      #accel.spatial_map<1, 1, K>,
      #accel.temporal_map<sz(R), sz(R), R>, #accel.temporal_map<sz(S), sz(S), S>]>
    ```
  }];
  let parameters = (ins
    StringRefParameter<"the dataflow's name">:$name,
    ArrayRefParameter<"::mlir::accel::DirectiveAttrInterface",
                      "directives, outermost first">:$directives);
  let assemblyFormat = "`<` $name `,` `[` $directives `]` `>`";
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// The directives in MLIR-free form.
    ::llvm::SmallVector<::mlir::accel::Directive> getModelDirectives() const;
  }];
}

//===----------------------------------------------------------------------===//
// dims, layout
//===----------------------------------------------------------------------===//

def Accel_DimsAttr : Accel_Attr<"Dims", "dims"> {
  let summary = "sizes of the canonical dimensions N, G, K, C, R, S, Y, X";
  let description = [{
    The loop bounds of a conv-like layer. Y and X are the real, unpadded
    input rows and columns (as in MAESTRO); the output extent follows from
    them with the layer's stride, dilation and padding. Sizes are in
    [1, 2^31]; a dimension left out is 1. All eight are printed.

    Example: `#accel.dims<N = 1, G = 1, K = 512, C = 512, R = 3, S = 3, Y = 14, X = 14>`
  }];
  let parameters = (ins ArrayRefParameter<"int64_t", "sizes in N, G, K, C, R, S, Y, X order">:$sizes);
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    int64_t getSize(::mlir::accel::Dim dim) const {
      return getSizes()[static_cast<unsigned>(dim)];
    }
  }];
}

def Accel_LayoutAttr : Accel_Attr<"Layout", "layout"> {
  let summary = "how the operand tensors of a layer are laid out";
  let description = [{
    One string per tensor (input, filter, output), each naming the
    canonical dimension of every tensor dimension, outermost first. The
    input may use N, G, C, Y, X; the filter G, K, C, R, S; the output
    N, G, K, Y, X, where Y and X stand for the output rows and columns.
    A dimension of size 1 may be left out.

    | linalg op | layout |
    |---|---|
    | conv_2d_nchw_fchw | `<"NCYX", "KCRS", "NKYX">` |
    | conv_2d_nhwc_hwcf | `<"NYXC", "RSCK", "NYXK">` |
    | conv_2d_ngchw_gfchw | `<"NGCYX", "GKCRS", "NGKYX">` |
    | depthwise_conv_2d_nhwc_hwcm | `<"NYXG", "RSGK", "NYXGK">` |
    | matmul (M, N, K as Y, K, C) | `<"YC", "CK", "YK">` |
  }];
  let parameters = (ins StringRefParameter<"input layout">:$input,
                        StringRefParameter<"filter layout">:$filter,
                        StringRefParameter<"output layout">:$output);
  let assemblyFormat = "`<` $input `,` $filter `,` $output `>`";
  let genVerifyDecl = 1;
}

//===----------------------------------------------------------------------===//
// cost
//===----------------------------------------------------------------------===//

def Accel_CostAttr : Accel_Attr<"Cost", "cost"> {
  let summary = "cost-model results for one layer";
  let description = [{
    Named figures computed by the cost model (`accel-cost-model`), such as
    `runtime` in cycles or `l1_input_reads`. Values are non-negative
    integers or non-negative finite floats; names are unique and printed
    in sorted order.

    Example: `#accel.cost<macs = 339738624, runtime = 6782976, throughput = 50.09>`
  }];
  let parameters = (ins "::mlir::DictionaryAttr":$entries);
  let hasCustomAssemblyFormat = 1;
  let genVerifyDecl = 1;
  let extraClassDeclaration = [{
    /// The value of an integer figure, if present.
    std::optional<int64_t> getInt(::llvm::StringRef name) const;
    /// The value of a figure as a double (integers converted), if present.
    std::optional<double> getNumber(::llvm::StringRef name) const;
  }];
}

#endif // ACCEL_DIALECT_ACCEL_IR_ACCELATTRIBUTES_TD
