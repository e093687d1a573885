//===- Dataflow.h - MAESTRO-style data-centric directives -------*- C++ -*-===//
//
// A dataflow is an ordered list of directives, outermost first. Cluster
// directives split it into levels: the directives above a cluster map work
// across clusters, those below it map work inside one cluster.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_MODEL_DATAFLOW_H
#define ACCEL_MODEL_DATAFLOW_H

#include "accel/Model/Dim.h"
#include "accel/Model/LayerShape.h"

#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <optional>
#include <string>

namespace mlir::accel {

/// A directive size or offset: either a constant or `sz(D)`, the full size
/// of dimension D of the layer the dataflow is bound to.
struct SizeExpr {
  int64_t value = 1;
  std::optional<Dim> sizeOf;

  static SizeExpr constant(int64_t v) { return {v, std::nullopt}; }
  static SizeExpr sizeOfDim(Dim d) { return {0, d}; }
  bool isSymbolic() const { return sizeOf.has_value(); }
  /// The value once bound to `shape`.
  int64_t resolve(const LayerShape &shape) const {
    return sizeOf ? shape.size(*sizeOf) : value;
  }
  bool operator==(const SizeExpr &o) const {
    return sizeOf == o.sizeOf && (sizeOf || value == o.value);
  }
};

enum class DirectiveKind : uint8_t { SpatialMap, TemporalMap, Cluster };

/// MAESTRO's Cluster(n, P) is physical; Cluster(n, L) is logical.
enum class ClusterKind : uint8_t { Physical, Logical };

/// One directive. `dim` is meaningless for clusters; `offset` and
/// `clusterKind` only apply to maps and clusters respectively.
struct Directive {
  DirectiveKind kind = DirectiveKind::TemporalMap;
  Dim dim = Dim::N;
  SizeExpr size;
  SizeExpr offset;
  ClusterKind clusterKind = ClusterKind::Physical;

  bool isMap() const { return kind != DirectiveKind::Cluster; }

  static Directive spatialMap(SizeExpr size, SizeExpr offset, Dim dim) {
    return {DirectiveKind::SpatialMap, dim, size, offset,
            ClusterKind::Physical};
  }
  static Directive temporalMap(SizeExpr size, SizeExpr offset, Dim dim) {
    return {DirectiveKind::TemporalMap, dim, size, offset,
            ClusterKind::Physical};
  }
  static Directive cluster(SizeExpr size,
                           ClusterKind kind = ClusterKind::Physical) {
    return {DirectiveKind::Cluster, Dim::N, size, SizeExpr(), kind};
  }
};

/// Human-readable form for messages, e.g. `spatial_map<1, 1, K>`.
std::string describe(const Directive &directive);

/// A map with its size and offset resolved against a layer.
struct BoundMap {
  DirectiveKind kind;
  Dim dim;
  /// Size clamped to the dimension's extent.
  int64_t size;
  int64_t offset;
  /// Size as written (after `sz()`), before clamping: MAESTRO's analysis
  /// works with it.
  int64_t requestedSize;
  /// Position of the directive in the dataflow, for diagnostics.
  unsigned directiveIndex;
};

/// One cluster level: the maps between two clusters.
struct BoundLevel {
  /// Not value-initialized (a mapper binds a dataflow per evaluation): the
  /// members set their own values, and the maps' storage is written before
  /// it is read.
  BoundLevel() {}
  /// Number of PEs in one sub-unit of this level (1 at the innermost level).
  int64_t subUnitPEs = 1;
  /// Number of sub-units this level distributes spatial work over (at the
  /// top level: PEs / subUnitPEs, or 0 when bound without a PE count).
  int64_t numSubUnits = 1;
  llvm::SmallVector<BoundMap, 8> maps;

  /// The map of `dim` at this level, if any (OY/OX and Y/X are distinct).
  const BoundMap *find(Dim dim) const;
};

/// A dataflow bound to a layer: levels outermost first. Dimensions a level
/// does not name are not materialized; MAESTRO's rule is that they take the
/// whole range left by the enclosing levels.
struct BoundDataflow {
  llvm::SmallVector<BoundLevel, 3> levels;
};

/// Checks one directive on its own: positive constant sizes and offsets,
/// and no constant offset larger than its constant size.
llvm::Error verifyDirective(const Directive &directive);

/// Checks that need no layer: a non-empty list, clusters that separate
/// non-empty levels, each dimension named at most once per level (Y and OY,
/// X and OX count as one), at least one spatial map per level, positive
/// constant sizes and offsets, and no constant offset larger than its size.
llvm::Error verifyDataflowStructure(llvm::ArrayRef<Directive> directives);

/// Resolves every `sz()` against `shape`, clamps map sizes to the extent of
/// their dimension (MAESTRO's behaviour for maps larger than the layer),
/// and checks the bound maps. When `numPEs` is given, checks that the
/// nested clusters fit the PE array and fills in the sub-unit counts.
llvm::Expected<BoundDataflow> bindDataflow(llvm::ArrayRef<Directive> directives,
                                           const LayerShape &shape,
                                           std::optional<int64_t> numPEs);
/// The same into `bound` (a mapper's inner loop: no copy of the result);
/// on failure `bound` holds what was bound before the error.
llvm::Error bindDataflow(llvm::ArrayRef<Directive> directives,
                         const LayerShape &shape, std::optional<int64_t> numPEs,
                         BoundDataflow &bound);

/// Checks that `bound`, made other than by bindDataflow (a mapper that
/// makes its candidates bound), is one bindDataflow could give for `shape`
/// and `numPEs`: levels with maps, at most one map per dimension and level
/// (Y and OY, X and OX count as one), sizes between 1 and the extent with
/// the size as written no smaller, positive offsets no larger than the
/// size unless it is the whole extent, and clusters that fit the PEs with
/// their sub-unit counts filled in. The order of maps and which are
/// spatial are the analysis's to judge.
llvm::Error verifyBoundDataflow(const BoundDataflow &bound,
                                const LayerShape &shape, int64_t numPEs);
/// The same with the layer's LayerShape::extents.
llvm::Error verifyBoundDataflow(const BoundDataflow &bound,
                                const std::array<int64_t, kNumDims> &extents,
                                int64_t numPEs);

} // namespace mlir::accel

#endif // ACCEL_MODEL_DATAFLOW_H
