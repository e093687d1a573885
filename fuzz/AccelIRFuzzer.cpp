//===- AccelIRFuzzer.cpp - Fuzz parsing and verifying accel IR ------------===//
//
// Any bytes as MLIR with the accel dialect: parse and verify never crash;
// what verifies prints, and the printed form parses and verifies again
// (the attributes' printers and parsers agree).
//
//===----------------------------------------------------------------------===//

#include "FuzzContext.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static mlir::accel::fuzz::FuzzContext fuzzContext;
  mlir::MLIRContext &context = fuzzContext.get();
  // MLIR's lexer stops at the terminating NUL of a buffer, as files read by
  // the tools always have one; libFuzzer's bytes have none.
  std::string text(reinterpret_cast<const char *>(data), size);
  mlir::ParserConfig config(&context);
  mlir::OwningOpRef<mlir::ModuleOp> module =
      mlir::parseSourceString<mlir::ModuleOp>(text, config, "fuzz.mlir");
  if (!module)
    return 0;
  std::string printed;
  llvm::raw_string_ostream os(printed);
  module->print(os);
  mlir::OwningOpRef<mlir::ModuleOp> again =
      mlir::parseSourceString<mlir::ModuleOp>(printed, config, "printed.mlir");
  if (!again)
    mlir::accel::fuzz::fail("the printed form of a verified module does not parse");
  return 0;
}
