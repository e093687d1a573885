//===- MaestroImportFuzzer.cpp - Fuzz the MAESTRO .m importer -------------===//
//
// Any bytes: import never crashes or hangs. What imports verifies, and what
// exports re-imports to the same text (export is a fixed point after one
// round).
//
//===----------------------------------------------------------------------===//

#include "FuzzContext.h"

#include "accel/Target/Maestro/Maestro.h"

#include "mlir/IR/Verifier.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"

#include <cstdint>
#include <string>

using namespace mlir;

namespace {
OwningOpRef<ModuleOp> importText(llvm::StringRef text, MLIRContext &context) {
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBufferCopy(text, "fuzz.m"), llvm::SMLoc());
  return accel::importMaestro(sourceMgr, &context, {});
}

std::string exportText(ModuleOp module, bool &ok) {
  std::string text;
  llvm::raw_string_ostream os(text);
  ok = succeeded(accel::exportMaestro(module, os));
  return text;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static mlir::accel::fuzz::FuzzContext fuzzContext;
  MLIRContext &context = fuzzContext.get();
  llvm::StringRef text(reinterpret_cast<const char *>(data), size);
  OwningOpRef<ModuleOp> module = importText(text, context);
  if (!module)
    return 0;
  if (failed(verify(*module)))
    mlir::accel::fuzz::fail("an imported module does not verify");
  bool exported;
  std::string first = exportText(*module, exported);
  if (!exported)
    return 0;
  OwningOpRef<ModuleOp> again = importText(first, context);
  if (!again)
    mlir::accel::fuzz::fail("an exported .m file does not import");
  std::string second = exportText(*again, exported);
  if (!exported || first != second)
    mlir::accel::fuzz::fail("export after re-import differs from the first export");
  return 0;
}
