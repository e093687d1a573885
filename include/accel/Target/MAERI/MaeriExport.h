//===- MaeriExport.h - MAERI schedules as JSON ------------------*- C++ -*-===//

#ifndef ACCEL_TARGET_MAERI_MAERIEXPORT_H
#define ACCEL_TARGET_MAERI_MAERIEXPORT_H

#include "mlir/IR/BuiltinOps.h"
#include "llvm/Support/raw_ostream.h"

namespace mlir::accel {

/// Writes every scheduled `accel.layer` of `module` as JSON: one object per
/// layer (docs/MAERI.md has the schema).
LogicalResult exportMaeriSchedules(ModuleOp module, llvm::raw_ostream &os);

/// Registers `--export-maeri-schedule` with mlir-translate style drivers.
void registerMaeriTranslations();

} // namespace mlir::accel

#endif // ACCEL_TARGET_MAERI_MAERIEXPORT_H
