//===- accel-translate.cpp - Translations in and out of accel-mlir --------===//
//
// mlir-translate style driver: MAESTRO `.m` import/export, MAERI schedule
// export, STONNE's command line (`--import-stonne --stonne-args='ARGS'`, or
// ARGS as the input).
//
//===----------------------------------------------------------------------===//

#include "accel/InitAllAccel.h"
#include "accel/Target/MAERI/MaeriExport.h"
#include "accel/Target/MAERI/StonneImport.h"
#include "accel/Target/Maestro/Maestro.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"
#include "mlir/Tools/mlir-translate/Translation.h"

#include "llvm/Support/Process.h"

#include <cstdio>

namespace {
/// `--stonne-args` carries the whole input of `--import-stonne`, but the
/// driver still reads its input file, stdin by default: on a terminal that
/// would wait for an end of file. Reads argv, never rewrites it.
void detachTerminalInputForStonneArguments(int argc, char **argv) {
  if (!llvm::sys::Process::StandardInIsUserInput())
    return;
  for (int i = 1; i < argc; ++i) {
    llvm::StringRef arg = argv[i];
    if (arg.ltrim('-').starts_with("stonne-args")) {
      // On failure stdin stays the terminal: no worse than without this.
      (void)std::freopen("/dev/null", "r", stdin);
      return;
    }
  }
}
} // namespace

int main(int argc, char **argv) {
  mlir::accel::registerMaestroTranslations();
  mlir::accel::registerMaeriTranslations();
  mlir::accel::registerStonneTranslation();
  // Parse and print accel IR unchanged: the identity translation every
  // mlir-translate style tool can check its plumbing with.
  mlir::TranslateFromMLIRRegistration roundtrip(
      "accel-to-mlir", "print accel IR as it was read (identity)",
      [](mlir::Operation *op, llvm::raw_ostream &output) {
        op->print(output);
        output << "\n";
        return mlir::success();
      },
      [](mlir::DialectRegistry &registry) {
        mlir::accel::registerAccelDialect(registry);
        registry.insert<mlir::func::FuncDialect, mlir::tensor::TensorDialect>();
      });
  detachTerminalInputForStonneArguments(argc, argv);
  return mlir::failed(
      mlir::mlirTranslateMain(argc, argv, "accel-mlir translation driver"));
}
