//===- StonneArgsFuzzer.cpp - Fuzz the STONNE argument importer -----------===//
//
// Any bytes as STONNE's command line: an error or a module that verifies
// (the MAERI schedule inside it included).
//
//===----------------------------------------------------------------------===//

#include "FuzzContext.h"

#include "accel/Target/MAERI/StonneImport.h"

#include "mlir/IR/Verifier.h"

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static mlir::accel::fuzz::FuzzContext fuzzContext;
  mlir::MLIRContext &context = fuzzContext.get();
  llvm::StringRef text(reinterpret_cast<const char *>(data), size);
  mlir::OwningOpRef<mlir::ModuleOp> module =
      mlir::accel::importStonneArguments(text, &context);
  if (module && failed(mlir::verify(*module)))
    mlir::accel::fuzz::fail("an imported STONNE layer does not verify");
  return 0;
}
