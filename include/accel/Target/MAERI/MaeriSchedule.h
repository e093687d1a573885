//===- MaeriSchedule.h - How MAERI runs one layer ---------------*- C++ -*-===//
//
// A MAERI schedule for one conv-like layer, in STONNE's terms: a tile of
// T_N x T_G x T_K x T_C x T_R x T_S x T_Y' x T_X' is mapped at once; each
// virtual neuron (VN) is T_R*T_S*T_C contiguous multiplier switches that
// reduce to one output (or partial sum); T_N*T_G*T_K*T_Y'*T_X' VNs work in
// parallel; the tiles are visited in `order`, and a tile that does not hold
// the whole reduction (R*S*C) is one of `folds` partial-sum passes. MLIR-free.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_TARGET_MAERI_MAERISCHEDULE_H
#define ACCEL_TARGET_MAERI_MAERISCHEDULE_H

#include "accel/Model/Dataflow.h"
#include "accel/Model/LayerShape.h"
#include "accel/Target/MAERI/MaeriTargetModel.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Error.h"

#include <array>
#include <cstdint>
#include <string>

namespace mlir::accel {

/// The tile dimensions, in STONNE's order of its -T_* arguments.
enum class TileDim : uint8_t { R, S, C, K, G, N, OX, OY };
inline constexpr unsigned kNumTileDims = 8;
/// The canonical dimension each tile dimension tiles.
Dim canonicalDim(TileDim t);
/// The tile dimension of a canonical dimension (input Y/X tile as outputs).
TileDim tileDimOf(Dim d);
llvm::StringRef stringifyTileDim(TileDim t);

struct MaeriSchedule {
  /// Tile sizes, indexed by TileDim.
  std::array<int64_t, kNumTileDims> tile = {1, 1, 1, 1, 1, 1, 1, 1};
  /// The order tiles are visited in, outermost first: every tiled
  /// dimension once.
  llvm::SmallVector<Dim, 8> order;

  int64_t operator[](TileDim t) const { return tile[static_cast<unsigned>(t)]; }
  /// The tile of a canonical dimension (Y/X tile as the outputs OY/OX).
  int64_t tileOf(Dim d) const { return (*this)[tileDimOf(d)]; }
  /// Multiplier switches per virtual neuron: T_R * T_S * T_C.
  int64_t vnSize() const;
  /// Virtual neurons working in parallel: T_N * T_G * T_K * T_Y' * T_X'.
  int64_t numVNs() const;
  int64_t multipliersUsed() const { return vnSize() * numVNs(); }
  /// Partial-sum passes per output: ceil(R/T_R) * ceil(S/T_S) * ceil(C/T_C).
  int64_t folds(const LayerShape &shape) const;
  /// Tiles visited: the product of ceil(dim / tile) over the dimensions
  /// (INT64_MAX when that overflows).
  int64_t numTiles(const LayerShape &shape) const;
  /// VNs that read each distributed input element (the multicast fan-out):
  /// T_K, as every output channel's VN reads the same inputs.
  int64_t inputMulticast() const { return (*this)[TileDim::K]; }
  /// Whether tiles slide along output columns one at a time (T_X' = 1,
  /// stride and dilation 1, 1 < T_S dividing S, only folds visited in
  /// between), so that inputs move over the forwarding links instead of
  /// being sent again.
  bool usesForwarding(const LayerShape &shape) const;
};

/// Checks `schedule` against the layer and the machine: every tile in
/// [1, its dimension] (so every MAC is computed exactly once: tiles cover
/// the iteration space, the last one partially), `order` a permutation of
/// the canonical dimensions N G K C R S OY OX, VN size x VNs within the
/// multiplier switches, and a reduction that fits the reduction network.
llvm::Error verifySchedule(const MaeriSchedule &schedule,
                           const LayerShape &shape,
                           const MaeriTargetModel &target);

/// Derives a schedule from a dataflow bound to the layer: each spatial map
/// contributes its number of parallel chunks to its dimension's tile (the
/// reduction dimensions C, R, S form the VN, the others the VN count), the
/// temporal maps give the tile order. `why` names the directive when the
/// dataflow cannot run on the target.
llvm::Expected<MaeriSchedule> deriveSchedule(const BoundDataflow &dataflow,
                                             const LayerShape &shape,
                                             const MaeriTargetModel &target);

/// The same from the dataflow's directives: binds them to the layer on the
/// target's PE array first (a binding error is the result's error).
llvm::Expected<MaeriSchedule>
deriveSchedule(llvm::ArrayRef<Directive> directives, const LayerShape &shape,
               const MaeriTargetModel &target);

/// A schedule for a layer without a dataflow: VNs holding the whole window
/// and as many input channels as fit (weight stationary), output channels
/// across the remaining VNs, output positions innermost. `description` says
/// which.
MaeriSchedule defaultSchedule(const LayerShape &shape,
                              const MaeriTargetModel &target,
                              std::string *description = nullptr);

} // namespace mlir::accel

#endif // ACCEL_TARGET_MAERI_MAERISCHEDULE_H
