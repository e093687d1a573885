//===- AccelInterfaces.td - accel dialect interfaces -------*- tablegen -*-===//

#ifndef ACCEL_DIALECT_ACCEL_IR_ACCELINTERFACES_TD
#define ACCEL_DIALECT_ACCEL_IR_ACCELINTERFACES_TD

include "mlir/IR/OpBase.td"

def Accel_DirectiveAttrInterface : AttrInterface<"DirectiveAttrInterface"> {
  let cppNamespace = "::mlir::accel";
  let description = [{
    A data-centric directive (`spatial_map`, `temporal_map`, `cluster`): one
    entry of a `#accel.dataflow`. Gives the MLIR-free form the cost model and
    the other cores work on.
  }];
  let methods = [
    InterfaceMethod<"Returns the directive in MLIR-free form.",
      "::mlir::accel::Directive", "getDirective">
  ];
}

def Accel_TargetAttrInterface : AttrInterface<"TargetAttrInterface"> {
  let cppNamespace = "::mlir::accel";
  let description = [{
    An accelerator a module runs on: the value of the module attribute
    `accel.target`. `#accel.pe_array` (MAESTRO's abstract PE array) is the
    core's; a target library adds its own (MAERI's `#accel.maeri`) and
    registers it with `AccelDialect::addTargetAttributes`
    (docs/Dialect.md, "Adding a target"). Passes reach it through
    `getTargetModel(Operation *)`, never by naming a target.
  }];
  let methods = [
    InterfaceMethod<[{
        The PE array MAESTRO's abstract hardware model sees: what dataflows
        are bound to and the dataflow-level cost model evaluates.
      }],
      "::mlir::accel::HardwareConfig", "getHardwareConfig">,
    InterfaceMethod<[{
        The C++ model of the machine (accel/Model/TargetModel.h). Never
        null for a verified attribute.
      }],
      "std::unique_ptr<::mlir::accel::AcceleratorTargetModel>",
      "getTargetModel">
  ];
}

def Accel_ScheduleAttrInterface : AttrInterface<"ScheduleAttrInterface"> {
  let cppNamespace = "::mlir::accel";
  let description = [{
    How one target runs one `accel.layer`: the value of the layer's
    `schedule` attribute (MAERI's `#accel.maeri_schedule`). The layer's
    verifier asks the schedule to check itself against the layer and the
    layer's target model, so the core needs no knowledge of any target.
  }];
  let methods = [
    InterfaceMethod<[{
        Checks the schedule against `layer`, an `accel.layer` that verified
        otherwise (an Operation, as LayerOp's own declaration needs this
        interface), and `target`, the model of the layer's target; emits
        errors on `layer`.
      }],
      "::llvm::LogicalResult", "verifySchedule",
      (ins "::mlir::Operation *":$layer,
           "const ::mlir::accel::AcceleratorTargetModel &":$target)>
  ];
}

#endif // ACCEL_DIALECT_ACCEL_IR_ACCELINTERFACES_TD
