//===- accel-opt.cpp - The accel-mlir optimizer driver --------------------===//

#include "accel/InitAllAccel.h"

#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "mlir/Transforms/Passes.h"

int main(int argc, char **argv) {
  mlir::accel::registerAllAccelPasses();
  mlir::registerCanonicalizerPass();
  mlir::registerCSEPass();
  mlir::registerSymbolDCEPass();

  mlir::DialectRegistry registry;
  mlir::accel::registerAllAccelDialects(registry);
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "accel-mlir optimizer driver\n", registry));
}
