//===- MaestroLayerTypes.h - MAESTRO layer types vs accel kinds -*- C++ -*-===//
//
// The one table that says how each MAESTRO layer type maps to an accel layer
// kind and how its dimension names map to canonical dimensions. Import and
// export both read it, so they cannot disagree.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_LIB_TARGET_MAESTRO_MAESTROLAYERTYPES_H
#define ACCEL_LIB_TARGET_MAESTRO_MAESTROLAYERTYPES_H

#include "accel/Dialect/Accel/IR/AccelAttributes.h"
#include "accel/Model/Dim.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <optional>

namespace mlir::accel::maestro {

struct DimName {
  llvm::StringRef maestro;
  Dim dim;
};

struct LayerTypeInfo {
  /// MAESTRO's `Type:` keyword.
  llvm::StringRef type;
  LayerKind kind;
  /// MAESTRO dimension names in the order export writes them.
  llvm::ArrayRef<DimName> dims;
  /// Whether directives may name Y' / X' (conv types).
  bool hasOutputDims;
  /// Tensor layouts of imported layers (input, filter, output).
  llvm::StringRef inputLayout, filterLayout, outputLayout;
};

/// The entry for a `Type:` keyword, if MAESTRO's cost model supports it.
/// TRCONV maps to the CONV entry (MAESTRO models it as a plain CONV).
const LayerTypeInfo *lookupLayerType(llvm::StringRef type);
/// The entry export uses for an accel layer kind.
const LayerTypeInfo &layerTypeFor(LayerKind kind);

/// The canonical dimension of MAESTRO dimension `name` in layers of type
/// `info` (`Y'` -> OY where allowed).
std::optional<Dim> toCanonical(const LayerTypeInfo &info, llvm::StringRef name);
/// MAESTRO's name of canonical `dim` in layers of type `info`.
std::optional<std::string> toMaestro(const LayerTypeInfo &info, Dim dim);
/// The MAESTRO dimension names of `info`, comma separated, for messages.
std::string listDims(const LayerTypeInfo &info);

} // namespace mlir::accel::maestro

#endif // ACCEL_LIB_TARGET_MAESTRO_MAESTROLAYERTYPES_H
