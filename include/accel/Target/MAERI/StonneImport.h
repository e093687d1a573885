//===- StonneImport.h - STONNE's command line as accel IR -------*- C++ -*-===//

#ifndef ACCEL_TARGET_MAERI_STONNEIMPORT_H
#define ACCEL_TARGET_MAERI_STONNEIMPORT_H

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"

namespace mlir::accel {

/// Builds a module with a MAERI target, one layer and its schedule from
/// STONNE's own arguments (`-CONV -R=3 ... -num_ms=64 -dn_bw=8 -rn_bw=8
/// -accumulation_buffer=1`, or the `-FC` / `-DenseGEMM` forms with `-M -N
/// -K -T_M -T_N -T_K`). Errors (unknown or unsupported arguments, a tile
/// MAERI cannot hold) are diagnostics at the offending argument; returns
/// null then. docs/MAERI.md has the correspondence of the dimensions. The
/// dialects and target attributes it builds are registered in `context`.
OwningOpRef<ModuleOp> importStonneArguments(llvm::StringRef arguments,
                                            MLIRContext *context);

/// Registers `--import-stonne` (with `--stonne-args`) with mlir-translate
/// style drivers.
void registerStonneTranslation();

} // namespace mlir::accel

#endif // ACCEL_TARGET_MAERI_STONNEIMPORT_H
