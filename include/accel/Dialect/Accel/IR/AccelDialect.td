//===- AccelDialect.td - The accel dialect -----------------*- tablegen -*-===//

#ifndef ACCEL_DIALECT_ACCEL_IR_ACCELDIALECT_TD
#define ACCEL_DIALECT_ACCEL_IR_ACCELDIALECT_TD

include "mlir/IR/DialectBase.td"

def Accel_Dialect : Dialect {
  let name = "accel";
  let cppNamespace = "::mlir::accel";
  let summary = "Dataflow-annotated conv-like layers for spatial DNN accelerators";
  let description = [{
    The `accel` dialect describes what a DNN layer is and how a spatial
    accelerator runs it, in the data-centric terms of MAESTRO (Kwon et al.,
    MICRO 2019): a layer is a loop nest over the canonical dimensions
    N, G, K, C, R, S, Y, X; a dataflow is an ordered list of
    `spatial_map`, `temporal_map` and `cluster` directives; the hardware is a
    `pe_array`. Cost-model results are recorded as `cost` attributes.

    A module names its hardware with the discardable attribute
    `accel.target = #accel.pe_array<...>`. A dataflow file (the library in
    `dataflows/`) is a module with `accel.dataflow = #accel.dataflow<...>`
    and, optionally, `accel.dataflow_aliases = ["other", "names"]`.

    Example:

    ```mlir
    module attributes {accel.target = #accel.pe_array<num_pes = 256>} {
      func.func @conv(%in: tensor<1x64x14x14xf32>, %w: tensor<64x64x3x3xf32>,
                      %init: tensor<1x64x12x12xf32>) -> tensor<1x64x12x12xf32> {
        %0 = accel.layer "conv" conv2d
               dims <N = 1, G = 1, K = 64, C = 64, R = 3, S = 3, Y = 14, X = 14>
               layout <"NCYX", "KCRS", "NKYX">
               ins(%in, %w : tensor<1x64x14x14xf32>, tensor<64x64x3x3xf32>)
               outs(%init : tensor<1x64x12x12xf32>)
               dataflow <"nvdla", [#accel.spatial_map<1, 1, K>,
                                   #accel.temporal_map<64, 64, C>,
                                   #accel.temporal_map<sz(R), sz(R), R>,
                                   #accel.temporal_map<sz(S), sz(S), S>,
                                   #accel.temporal_map<1, 1, OY>,
                                   #accel.temporal_map<1, 1, OX>]>
               -> tensor<1x64x12x12xf32>
        return %0 : tensor<1x64x12x12xf32>
      }
    }
    ```

    The mnemonic `accel` is also used by the unrelated SODA-OPT / AXI4MLIR
    dialect for AXI-stream accelerators; the two are not meant to be loaded
    into one context.
  }];
  // Custom only to reach the attributes targets add (addTargetAttributes).
  let useDefaultAttributePrinterParser = 0;
  let hasOperationAttrVerify = 1;
  let extraClassDeclaration = [{
    ::mlir::Attribute parseAttribute(::mlir::DialectAsmParser &parser,
                                     ::mlir::Type type) const override;
    void printAttribute(::mlir::Attribute attr,
                        ::mlir::DialectAsmPrinter &printer) const override;

    /// Adds the attributes of a target library (its `accel.target`
    /// attribute, its schedules), defined by its own .td on this dialect,
    /// so that `#accel.<mnemonic><...>` parses and prints them. Called from
    /// the target's dialect extension, as the transform dialect's
    /// extensions add their types.
    template <typename... Attrs>
    void addTargetAttributes() {
      (addTargetAttribute<Attrs>(), ...);
    }

    /// Name of the module attribute that holds the hardware.
    static constexpr ::llvm::StringLiteral kTargetAttrName = "accel.target";
    /// Module attributes of a dataflow file (`dataflows/*.mlir`): the
    /// dataflow, and the other names it answers to.
    static constexpr ::llvm::StringLiteral kDataflowAttrName = "accel.dataflow";
    static constexpr ::llvm::StringLiteral kDataflowAliasesAttrName =
        "accel.dataflow_aliases";

  private:
    void registerAttributes();

    using TargetAttrParser = ::mlir::Attribute (*)(::mlir::AsmParser &,
                                                   ::mlir::Type);
    using TargetAttrPrinter = void (*)(::mlir::Attribute,
                                       ::mlir::AsmPrinter &);
    template <typename Attr>
    void addTargetAttribute() {
      if (!targetAttrParsers.try_emplace(Attr::getMnemonic(), &Attr::parse)
               .second)
        return; // Already added (a second extension of the same target).
      addAttributes<Attr>();
      targetAttrPrinters[::mlir::TypeID::get<Attr>()] =
          [](::mlir::Attribute attr, ::mlir::AsmPrinter &printer) {
            printer << Attr::getMnemonic();
            ::llvm::cast<Attr>(attr).print(printer);
          };
    }
    /// The targets' attributes, by mnemonic and by C++ class.
    ::llvm::StringMap<TargetAttrParser> targetAttrParsers;
    ::llvm::DenseMap<::mlir::TypeID, TargetAttrPrinter> targetAttrPrinters;

  public:
  }];
}

#endif // ACCEL_DIALECT_ACCEL_IR_ACCELDIALECT_TD
