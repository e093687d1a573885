//===- SetTarget.cpp - Set the module's hardware --------------------------===//

#include "accel/Dialect/Accel/IR/AccelOps.h"
#include "accel/Dialect/Accel/Transforms/Passes.h"
#include "accel/Target/Maestro/Maestro.h"

#include "mlir/AsmParser/AsmParser.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/MemoryBuffer.h"

namespace mlir::accel {
#define GEN_PASS_DEF_ACCELSETTARGET
#include "accel/Dialect/Accel/Transforms/Passes.h.inc"
} // namespace mlir::accel

using namespace mlir;
using namespace mlir::accel;

namespace {

struct SetTargetPass : public accel::impl::AccelSetTargetBase<SetTargetPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (!file.empty() && !target.empty()) {
      module.emitError() << "accel-set-target: give file= or target=, not "
                            "both";
      return signalPassFailure();
    }
    TargetAttrInterface result;
    if (!file.empty())
      result = readTargetFile(module);
    else if (!target.empty())
      result = parseTarget(module, target, "target=");
    if (!result && (!file.empty() || !target.empty()))
      return signalPassFailure();

    if (hasPEArrayOptions()) {
      if (!result)
        result = getTargetAttr(module);
      auto array = dyn_cast_or_null<PEArrayAttr>(result);
      if (result && !array) {
        module.emitError()
            << "accel-set-target: the PE array options (num-pes=, ...) "
               "apply to a #accel.pe_array, not to "
            << result << "; give the whole target with target= or file=";
        return signalPassFailure();
      }
      FailureOr<PEArrayAttr> updated = applyPEArrayOptions(module, array);
      if (failed(updated))
        return signalPassFailure();
      result = *updated;
    }
    if (!result) {
      module.emitError() << "accel-set-target: no hardware given; use "
                            "file=, target= or the #accel.pe_array options "
                            "(num-pes=, l1-size=, ...)";
      return signalPassFailure();
    }
    module->setAttr(AccelDialect::kTargetAttrName, result);
  }

  bool hasPEArrayOptions() const {
    return llvm::any_of(peArrayOptions(), [](const auto &option) {
      return option.second >= 0;
    });
  }

  /// The PE array options by their #accel.pe_array parameter, with where
  /// each goes in a HardwareConfig.
  SmallVector<std::pair<int64_t HardwareConfig::*, int64_t>, 9>
  peArrayOptions() const {
    return {{&HardwareConfig::numPEs, numPes},
            {&HardwareConfig::simdLanes, simdLanes},
            {&HardwareConfig::l1Size, l1Size},
            {&HardwareConfig::l2Size, l2Size},
            {&HardwareConfig::nocBandwidth, nocBw},
            {&HardwareConfig::nocHops, nocHops},
            {&HardwareConfig::hopLatency, hopLatency},
            {&HardwareConfig::offchipBandwidth, offchipBw},
            {&HardwareConfig::elementSize, elementSize}};
  }

  FailureOr<PEArrayAttr> applyPEArrayOptions(ModuleOp module,
                                             PEArrayAttr base) {
    HardwareConfig config = base ? base.getHardwareConfig() : HardwareConfig();
    for (auto [member, value] : peArrayOptions())
      if (value >= 0)
        config.*member = value;
    if (llvm::Error err = config.validate()) {
      module.emitError() << "accel-set-target: "
                         << llvm::toString(std::move(err));
      return failure();
    }
    return PEArrayAttr::get(&getContext(), config);
  }

  /// `text` as a target attribute; an error naming `source` when it is not.
  TargetAttrInterface parseTarget(ModuleOp module, StringRef text,
                                  StringRef source) {
    Attribute attr = parseAttribute(text, &getContext());
    if (!attr)
      return {};
    auto result = dyn_cast<TargetAttrInterface>(attr);
    if (!result)
      module.emitError() << "accel-set-target: " << source << " holds " << attr
                         << ", which is not a target (#accel.pe_array, "
                            "#accel.maeri, ...)";
    return result;
  }

  TargetAttrInterface readTargetFile(ModuleOp module) {
    if (StringRef(file).ends_with(".m")) {
      MaestroImportOptions options;
      options.hardwareFile = file;
      FailureOr<PEArrayAttr> array =
          importMaestroHardware(&getContext(), options);
      return succeeded(array) ? *array : TargetAttrInterface();
    }
    std::string error;
    std::unique_ptr<llvm::MemoryBuffer> buffer = openInputFile(file, &error);
    if (!buffer) {
      module.emitError() << "accel-set-target: cannot read '" << file
                         << "': " << error;
      return {};
    }
    // An attribute alone, perhaps after comments, or else a module.
    StringRef text = buffer->getBuffer();
    for (StringRef rest = text; !rest.empty();) {
      auto [line, next] = rest.split('\n');
      line = line.trim();
      if (line.starts_with("#"))
        return parseTarget(module, rest.trim(), "'" + file + "'");
      if (!line.empty() && !line.starts_with("//"))
        break;
      rest = next;
    }
    ParserConfig config(&getContext());
    OwningOpRef<ModuleOp> holder =
        parseSourceString<ModuleOp>(buffer->getBuffer(), config, file);
    if (!holder)
      return {};
    auto result = (*holder)->getAttrOfType<TargetAttrInterface>(
        AccelDialect::kTargetAttrName);
    if (!result)
      module.emitError() << "accel-set-target: '" << file
                         << "' holds neither a target attribute nor a module "
                            "with an accel.target";
    return result;
  }
};

} // namespace
