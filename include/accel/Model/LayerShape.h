//===- LayerShape.h - Sizes of one conv-like layer --------------*- C++ -*-===//

#ifndef ACCEL_MODEL_LAYERSHAPE_H
#define ACCEL_MODEL_LAYERSHAPE_H

#include "accel/Model/Dim.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <array>
#include <cstdint>

namespace mlir::accel {

/// Sizes of one conv-like layer in canonical dimensions. Y and X are the
/// real (unpadded) input extents, as in MAESTRO; padding is kept apart so
/// that the output extent is exact.
struct LayerShape {
  /// Indexed by Dim (N .. X). Every size is at least 1.
  std::array<int64_t, kNumSizedDims> sizes = {1, 1, 1, 1, 1, 1, 1, 1};
  /// {rows, cols}.
  std::array<int64_t, 2> stride = {1, 1};
  std::array<int64_t, 2> dilation = {1, 1};
  /// {top, bottom, left, right}.
  std::array<int64_t, 4> padding = {0, 0, 0, 0};

  /// Upper bound on any single size; large enough for every real network,
  /// small enough that products of all sizes stay far from overflow checks
  /// being needed at every use.
  static constexpr int64_t kMaxDimSize = int64_t(1) << 31;
  /// Exclusive bound on N*G*K*C*R*S*max(Y,Y')*max(X,X'), which bounds every
  /// count derived from the shape (MACs, tensor sizes).
  static constexpr int64_t kMaxVolume = int64_t(1) << 62;

  int64_t operator[](Dim dim) const { return size(dim); }
  /// Size of `dim`; OY/OX give the output extent. Inline: bindings and
  /// the cost model ask for sizes in their inner loops.
  int64_t size(Dim dim) const {
    if (dim == Dim::OY)
      return outputRows();
    if (dim == Dim::OX)
      return outputCols();
    return sizes[static_cast<unsigned>(dim)];
  }
  void setSize(Dim dim, int64_t value) {
    sizes[static_cast<unsigned>(dim)] = value;
  }

  /// Output rows/cols: floor((Y + pads - dilation*(R-1) - 1) / stride) + 1.
  int64_t outputRows() const;
  int64_t outputCols() const;
  /// size() of every dimension, by Dim: for loops that ask for OY and OX
  /// often (each is a division).
  std::array<int64_t, kNumDims> extents() const;

  /// Multiply-accumulates of the whole layer.
  int64_t numMACs() const;

  /// The sizes of a tensor laid out as `layout` (letters of canonical
  /// dimensions, outermost first). In the output role Y and X are the
  /// output rows and columns.
  llvm::SmallVector<int64_t, 6> tensorSizes(llvm::StringRef layout,
                                            bool outputRole) const;

  /// Checks sizes, strides, dilations and padding, and that the (padded)
  /// input holds at least one filter window. The message names the culprit.
  llvm::Error validate() const;
};

} // namespace mlir::accel

#endif // ACCEL_MODEL_LAYERSHAPE_H
