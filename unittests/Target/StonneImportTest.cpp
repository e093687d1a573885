//===- StonneImportTest.cpp - The STONNE importer as a library ------------===//

#include "accel/Target/MAERI/StonneImport.h"

#include "mlir/IR/MLIRContext.h"
#include "mlir/IR/Verifier.h"

#include "gtest/gtest.h"

namespace {

// A caller's bare context (no accel dialect, no MAERI target registered)
// gets a verified module, not a crash on the unregistered #accel.maeri
// (found by the STONNE-argument fuzzer).
TEST(StonneImport, RegistersWhatItBuilds) {
  mlir::MLIRContext context;
  mlir::OwningOpRef<mlir::ModuleOp> module = mlir::accel::importStonneArguments(
      "-CONV -R=3 -S=3 -C=2 -K=2 -X=5 -Y=5 -T_R=3 -T_S=3 -T_K=2 -num_ms=32 "
      "-accumulation_buffer=1",
      &context);
  ASSERT_TRUE(module);
  EXPECT_TRUE(mlir::succeeded(mlir::verify(*module)));
}

} // namespace
