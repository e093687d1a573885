//===- MaestroParser.h - Parse MAESTRO .m files -----------------*- C++ -*-===//

#ifndef ACCEL_TARGET_MAESTRO_MAESTROPARSER_H
#define ACCEL_TARGET_MAESTRO_MAESTROPARSER_H

#include "accel/Target/Maestro/MaestroAST.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/SourceMgr.h"

#include <optional>

namespace mlir::accel::maestro {

/// Receives every problem found, with where it is. `isError` false means a
/// warning (the parse goes on).
using DiagnosticFn =
    llvm::function_ref<void(llvm::SMLoc, const llvm::Twine &, bool isError)>;

/// Parses the network file in buffer `bufferId` of `sourceMgr`: `Constant`
/// declarations and `Network` blocks of `Layer`s. Checks the syntax and
/// what needs no semantics of layer types (positive sizes that fit in 64
/// bits, no conflicting duplicated dimension). Returns std::nullopt after
/// reporting an error.
std::optional<File> parseNetworkFile(llvm::SourceMgr &sourceMgr,
                                     unsigned bufferId, DiagnosticFn diag);

/// Parses a hardware file (`num_pes: 256` lines).
std::optional<HardwareFile> parseHardwareFile(llvm::SourceMgr &sourceMgr,
                                              unsigned bufferId,
                                              DiagnosticFn diag);

} // namespace mlir::accel::maestro

#endif // ACCEL_TARGET_MAESTRO_MAESTROPARSER_H
