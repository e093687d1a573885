//===- accel-translate.cpp - Translations in and out of accel-mlir --------===//
//
// mlir-translate style driver: MAESTRO `.m` import/export, MAERI schedule
// export; STONNE's argument form registers here when it lands.
//
//===----------------------------------------------------------------------===//

#include "accel/Dialect/Accel/IR/AccelDialect.h"
#include "accel/Target/MAERI/MaeriExport.h"
#include "accel/Target/Maestro/Maestro.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Tools/mlir-translate/MlirTranslateMain.h"
#include "mlir/Tools/mlir-translate/Translation.h"

int main(int argc, char **argv) {
  mlir::accel::registerMaestroTranslations();
  mlir::accel::registerMaeriTranslations();
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
  return mlir::failed(
      mlir::mlirTranslateMain(argc, argv, "accel-mlir translation driver"));
}
