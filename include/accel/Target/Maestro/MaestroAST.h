//===- MaestroAST.h - MAESTRO's .m language, parsed -------------*- C++ -*-===//
//
// The syntax tree of MAESTRO's data-centric `.m` files (networks, layers,
// dataflows) and hardware files, as written: dimension names are MAESTRO's
// (`Y'`, GEMM's `M`), constants are resolved. MLIR-free: LLVM Support only.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_TARGET_MAESTRO_MAESTROAST_H
#define ACCEL_TARGET_MAESTRO_MAESTROAST_H

#include "accel/Model/Dataflow.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/SMLoc.h"

#include <cstdint>
#include <optional>
#include <string>

namespace mlir::accel::maestro {

/// A number with where it was written.
struct Number {
  int64_t value = 0;
  llvm::SMLoc loc;
};

/// A directive size or offset: a number (or constant) or `Sz(D)`.
struct Size {
  int64_t value = 0;
  /// Set for `Sz(D)`: MAESTRO's name of D.
  std::optional<std::string> sizeOf;
  llvm::SMLoc loc;
};

struct DirectiveStmt {
  DirectiveKind kind = DirectiveKind::TemporalMap;
  Size size;
  Size offset;
  /// MAESTRO's name of the mapped dimension (maps only).
  std::string dim;
  llvm::SMLoc dimLoc;
  ClusterKind clusterKind = ClusterKind::Physical;
  llvm::SMLoc loc;
};

/// A `NAME: value` entry of a Dimensions or Stride block.
struct DimEntry {
  std::string name;
  Number size;
  llvm::SMLoc loc;
};

struct Layer {
  std::string name;
  llvm::SMLoc loc;
  /// CONV, DSCONV, NGCONV, TRCONV, GEMM.
  std::string type;
  llvm::SMLoc typeLoc;
  llvm::SmallVector<DimEntry, 2> stride;
  llvm::SmallVector<DimEntry, 8> dims;
  std::optional<llvm::SmallVector<DirectiveStmt, 12>> dataflow;
  llvm::SMLoc dataflowLoc;

  /// The entry for MAESTRO dimension `name`, if given.
  const DimEntry *findDim(llvm::StringRef name) const;
};

struct Network {
  std::string name;
  llvm::SMLoc loc;
  std::vector<Layer> layers;
};

struct File {
  std::vector<Network> networks;
};

/// A hardware file: `key: value` lines.
struct HardwareEntry {
  std::string key;
  Number value;
};
struct HardwareFile {
  llvm::SmallVector<HardwareEntry, 6> entries;
};

} // namespace mlir::accel::maestro

#endif // ACCEL_TARGET_MAESTRO_MAESTROAST_H
