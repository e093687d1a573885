//===- accel-translate.cpp - Translations in and out of accel-mlir --------===//
//
// mlir-translate style driver: MAESTRO `.m` import/export, MAERI schedule
// export, STONNE's command line (`--import-stonne='ARGS'`).
//
//===----------------------------------------------------------------------===//

#include "accel/Dialect/Accel/IR/AccelDialect.h"
#include "accel/Target/MAERI/MaeriExport.h"
#include "accel/Target/MAERI/StonneImport.h"
#include "accel/Target/Maestro/Maestro.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"
#include "mlir/Tools/mlir-translate/Translation.h"

namespace {
/// Translations are flags, so `--import-stonne='ARGS'` becomes
/// `--import-stonne --stonne-args='ARGS'`; with no input file named, the
/// input is empty rather than the terminal.
std::vector<std::string> rewriteStonneArguments(int argc, char **argv) {
  std::vector<std::string> args(argv, argv + argc);
  bool stonne = false, hasInput = false;
  for (size_t i = 1; i < args.size(); ++i) {
    llvm::StringRef arg = args[i];
    for (llvm::StringRef prefix : {"--import-stonne=", "-import-stonne="})
      if (arg.consume_front(prefix)) {
        args[i] = "--stonne-args=" + arg.str();
        args.insert(args.begin() + i, "--import-stonne");
        stonne = true;
        ++i;
      }
    bool takesNext = llvm::is_contained(
        {"-o", "--o", "-maestro-hw", "--maestro-hw", "-stonne-args",
         "--stonne-args"},
        llvm::StringRef(args[i]));
    if (takesNext)
      ++i;
    else if (!llvm::StringRef(args[i]).starts_with("-") || args[i] == "-")
      hasInput = true;
  }
  if (stonne && !hasInput)
    args.push_back("/dev/null");
  return args;
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
        registry.insert<mlir::accel::AccelDialect, mlir::func::FuncDialect,
                        mlir::tensor::TensorDialect>();
      });
  std::vector<std::string> args = rewriteStonneArguments(argc, argv);
  std::vector<char *> argvRewritten;
  for (std::string &arg : args)
    argvRewritten.push_back(arg.data());
  return mlir::failed(mlir::mlirTranslateMain(
      static_cast<int>(argvRewritten.size()), argvRewritten.data(),
      "accel-mlir translation driver"));
}
