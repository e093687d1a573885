//===- Dim.h - Canonical loop dimensions of a conv-like layer ---*- C++ -*-===//
//
// The MLIR-free vocabulary shared by the dialect, the cost model, the MAERI
// schedule builder and the simulator. Depends on LLVM Support only.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_MODEL_DIM_H
#define ACCEL_MODEL_DIM_H

#include "llvm/ADT/StringRef.h"

#include <array>
#include <cstdint>
#include <optional>

namespace mlir::accel {

/// The canonical dimensions of a conv-like layer (MAESTRO's naming).
/// N batch, G groups, K output channels per group, C input channels per
/// group, R/S filter rows/cols, Y/X input rows/cols. OY/OX are the output
/// rows/cols, spelled `Y'`/`X'` in MAESTRO; only directives refer to them,
/// their extent follows from Y/X, R/S, stride, dilation and padding.
enum class Dim : uint8_t { N, G, K, C, R, S, Y, X, OY, OX };

/// Number of dimensions that carry a size of their own (N .. X).
inline constexpr unsigned kNumSizedDims = 8;
/// Number of dimensions a directive may name (N .. OX).
inline constexpr unsigned kNumDims = 10;

inline constexpr std::array<Dim, kNumSizedDims> kSizedDims = {
    Dim::N, Dim::G, Dim::K, Dim::C, Dim::R, Dim::S, Dim::Y, Dim::X};

/// Returns the spelling used in the IR (`N`, ..., `X`, `OY`, `OX`).
llvm::StringRef stringifyDim(Dim dim);
/// Parses the IR spelling; also accepts MAESTRO's `Y'` / `X'`.
std::optional<Dim> symbolizeDim(llvm::StringRef name);

/// True for OY/OX, the output-coordinate views of Y/X.
inline bool isOutputDim(Dim dim) { return dim == Dim::OY || dim == Dim::OX; }
/// Maps OY->Y and OX->X; other dimensions map to themselves.
inline Dim inputViewOf(Dim dim) {
  return dim == Dim::OY ? Dim::Y : dim == Dim::OX ? Dim::X : dim;
}

} // namespace mlir::accel

#endif // ACCEL_MODEL_DIM_H
