//===- MaestroRegistration.cpp - --import-maestro / --export-maestro ------===//

#include "accel/Dialect/Accel/IR/AccelDialect.h"
#include "accel/InitAllTargets.h"
#include "accel/Target/Maestro/Maestro.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/Support/CommandLine.h"

using namespace mlir;

void mlir::accel::registerMaestroTranslations() {
  static llvm::cl::opt<std::string> hardwareFile(
      "maestro-hw",
      llvm::cl::desc("MAESTRO hardware file for --import-maestro (keys "
                     "num_pes, l1_size_cstr, l2_size_cstr, noc_bw_cstr, "
                     "offchip_bw_cstr, NoC_NumHops)"),
      llvm::cl::value_desc("filename"), llvm::cl::init(""));

  auto registerDialects = [](DialectRegistry &registry) {
    registry.insert<AccelDialect, func::FuncDialect, tensor::TensorDialect>();
    // Whatever a module's targets and schedules are, it reads back.
    registerAllAccelTargets(registry);
  };
  TranslateToMLIRRegistration importer(
      "import-maestro", "import a MAESTRO .m network/dataflow file",
      [](llvm::SourceMgr &sourceMgr, MLIRContext *context) {
        MaestroImportOptions options;
        options.hardwareFile = hardwareFile;
        return OwningOpRef<Operation *>(
            importMaestro(sourceMgr, context, options).release());
      },
      registerDialects);
  TranslateFromMLIRRegistration exporter(
      "export-maestro", "export accel layers as a MAESTRO .m file",
      [](ModuleOp module, llvm::raw_ostream &output) {
        return exportMaestro(module, output);
      },
      registerDialects);
}
