//===- Maestro.h - MAESTRO .m import and export -----------------*- C++ -*-===//
//
// Translations between MAESTRO's `.m` network/dataflow files and the accel
// dialect. See docs/Maestro.md for the mapping of layer types and
// dimensions.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_TARGET_MAESTRO_MAESTRO_H
#define ACCEL_TARGET_MAESTRO_MAESTRO_H

#include "accel/Dialect/Accel/IR/AccelAttributes.h"
#include "accel/Model/Hardware.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace mlir::accel {

struct MaestroImportOptions {
  /// MAESTRO hardware file (`num_pes: 256` ...); empty for `hardware` alone.
  std::string hardwareFile;
  /// The target before the hardware file's keys override some of it.
  HardwareConfig hardware;
};

/// Imports the `.m` file in the main buffer of `sourceMgr`: the module gets
/// `accel.target` from the hardware file, and one function per `Network`
/// holding one `accel.layer` per `Layer`, in file order. Returns null after
/// emitting diagnostics (with file:line:col locations).
OwningOpRef<ModuleOp> importMaestro(llvm::SourceMgr &sourceMgr,
                                    MLIRContext *context,
                                    const MaestroImportOptions &options);

/// The `#accel.pe_array` of `options`: its hardware file's keys over its
/// `hardware`. Errors (with file:line:col locations) go to `context`'s
/// diagnostic handler.
FailureOr<PEArrayAttr> importMaestroHardware(MLIRContext *context,
                                             const MaestroImportOptions &options);

/// Writes every `accel.layer` of `module` as MAESTRO `.m` text, one
/// `Network` per function.
LogicalResult exportMaestro(ModuleOp module, llvm::raw_ostream &output);

/// Registers `--import-maestro` (with `--maestro-hw=FILE`) and
/// `--export-maestro` with mlir-translate style drivers.
void registerMaestroTranslations();

} // namespace mlir::accel

#endif // ACCEL_TARGET_MAESTRO_MAESTRO_H
