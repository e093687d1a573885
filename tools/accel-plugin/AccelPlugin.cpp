//===- AccelPlugin.cpp - accel-mlir as a plugin of mlir-opt ---------------===//
//
// One shared object for both of mlir-opt's plugin kinds:
//
//   mlir-opt-22 --load-dialect-plugin=lib/AccelPlugin.so \
//               --load-pass-plugin=lib/AccelPlugin.so \
//               --pass-pipeline='builtin.module(accel-analyze{report=-})' net.mlir
//
// The dialect entry point adds the accel dialect with every target; the pass
// entry point registers every pass and pipeline (InitAllAccel.h). It is
// linked against Debian's libMLIR.so and libLLVM.so, so the registries are
// mlir-opt's own.
//
//===----------------------------------------------------------------------===//

#include "accel/InitAllAccel.h"

#include "mlir/Tools/Plugins/DialectPlugin.h"
#include "mlir/Tools/Plugins/PassPlugin.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/Compiler.h"

extern "C" LLVM_ATTRIBUTE_WEAK mlir::DialectPluginLibraryInfo
mlirGetDialectPluginInfo() {
  return {MLIR_PLUGIN_API_VERSION, "AccelPlugin", LLVM_VERSION_STRING,
          [](mlir::DialectRegistry *registry) {
            mlir::accel::registerAccelDialect(*registry);
          }};
}

// Passes are registered here only: a pipeline registered twice is a fatal
// error, and both entry points run when the object is loaded as both.
extern "C" LLVM_ATTRIBUTE_WEAK mlir::PassPluginLibraryInfo
mlirGetPassPluginInfo() {
  return {MLIR_PLUGIN_API_VERSION, "AccelPlugin", LLVM_VERSION_STRING,
          []() { mlir::accel::registerAllAccelPasses(); }};
}
