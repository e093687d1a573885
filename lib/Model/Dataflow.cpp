//===- Dataflow.cpp - MAESTRO-style data-centric directives ---------------===//

#include "accel/Model/Dataflow.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <array>

namespace mlir::accel {

static llvm::Error fail(const llvm::Twine &msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), msg);
}

static void printSize(llvm::raw_ostream &os, const SizeExpr &expr) {
  if (expr.sizeOf)
    os << "sz(" << stringifyDim(*expr.sizeOf) << ")";
  else
    os << expr.value;
}

std::string describe(const Directive &directive) {
  std::string text;
  llvm::raw_string_ostream os(text);
  switch (directive.kind) {
  case DirectiveKind::SpatialMap:
    os << "spatial_map<";
    break;
  case DirectiveKind::TemporalMap:
    os << "temporal_map<";
    break;
  case DirectiveKind::Cluster:
    os << "cluster<";
    printSize(os, directive.size);
    if (directive.clusterKind == ClusterKind::Logical)
      os << ", logical";
    os << ">";
    return text;
  }
  printSize(os, directive.size);
  os << ", ";
  printSize(os, directive.offset);
  os << ", " << stringifyDim(directive.dim) << ">";
  return text;
}

static std::string where(llvm::ArrayRef<Directive> directives, unsigned i) {
  return llvm::formatv("directive #{0} ({1})", i, describe(directives[i]));
}

const BoundMap *BoundLevel::find(Dim dim) const {
  for (const BoundMap &map : maps)
    if (map.dim == dim)
      return &map;
  return nullptr;
}

namespace {
/// What is wrong with one directive on its own, if anything.
enum class DirectiveFault : uint8_t {
  None,
  SizeNotPositive,
  OffsetNotPositive,
  OffsetExceedsSize
};
} // namespace

/// The rules; inline because every binding checks every directive.
static inline DirectiveFault faultOf(const Directive &d) {
  if (!d.size.isSymbolic() && d.size.value < 1)
    return DirectiveFault::SizeNotPositive;
  if (!d.isMap())
    return DirectiveFault::None;
  if (!d.offset.isSymbolic() && d.offset.value < 1)
    return DirectiveFault::OffsetNotPositive;
  if (!d.size.isSymbolic() && !d.offset.isSymbolic() &&
      d.offset.value > d.size.value)
    return DirectiveFault::OffsetExceedsSize;
  return DirectiveFault::None;
}

llvm::Error verifyDirective(const Directive &d) {
  switch (faultOf(d)) {
  case DirectiveFault::None:
    return llvm::Error::success();
  case DirectiveFault::SizeNotPositive:
    return fail(llvm::formatv("{0}: size must be positive, got {1}",
                              describe(d), d.size.value));
  case DirectiveFault::OffsetNotPositive:
    return fail(llvm::formatv("{0}: offset must be positive, got {1}",
                              describe(d), d.offset.value));
  case DirectiveFault::OffsetExceedsSize:
    return fail(llvm::formatv(
        "{0}: offset {1} exceeds size {2}, so the elements of {3} between "
        "two chunks would never be mapped",
        describe(d), d.offset.value, d.size.value, stringifyDim(d.dim)));
  }
  llvm_unreachable("unknown directive fault");
}

llvm::Error verifyDataflowStructure(llvm::ArrayRef<Directive> directives) {
  if (directives.empty())
    return fail("a dataflow needs at least one directive");

  // Per level: which directive maps each input-view dimension (Y and OY
  // share a slot, as do X and OX), and whether any map is spatial.
  constexpr int kUnmapped = -1;
  std::array<int, kNumSizedDims> mappedBy;
  mappedBy.fill(kUnmapped);
  bool levelHasSpatial = false;
  unsigned level = 0, levelStart = 0;

  auto closeLevel = [&](unsigned end) -> llvm::Error {
    if (end == levelStart)
      return fail(llvm::formatv(
          "level {0} is empty: every cluster must have directives both "
          "above and below it",
          level));
    if (!levelHasSpatial)
      return fail(llvm::formatv(
          "level {0} (directives #{1} to #{2}) has no spatial_map: each "
          "level must distribute work over its sub-units",
          level, levelStart, end - 1));
    return llvm::Error::success();
  };

  for (auto [i, d] : llvm::enumerate(directives)) {
    if (faultOf(d) != DirectiveFault::None)
      return fail(llvm::formatv("directive #{0}: {1}", i,
                                llvm::toString(verifyDirective(d))));
    if (d.kind == DirectiveKind::Cluster) {
      if (llvm::Error err = closeLevel(i))
        return err;
      mappedBy.fill(kUnmapped);
      levelHasSpatial = false;
      ++level;
      levelStart = i + 1;
      continue;
    }
    int &slot = mappedBy[static_cast<unsigned>(inputViewOf(d.dim))];
    if (slot != kUnmapped) {
      const Directive &first = directives[slot];
      if (first.dim == d.dim)
        return fail(llvm::formatv(
            "{0} maps {1} again at level {2} (already mapped by {3})",
            where(directives, i), stringifyDim(d.dim), level,
            where(directives, slot)));
      return fail(llvm::formatv(
          "{0} maps {1} but level {2} already maps {3} ({4}); map a "
          "dimension in input or in output coordinates, not both",
          where(directives, i), stringifyDim(d.dim), level,
          stringifyDim(first.dim), where(directives, slot)));
    }
    slot = static_cast<int>(i);
    levelHasSpatial |= d.kind == DirectiveKind::SpatialMap;
  }
  return closeLevel(directives.size());
}

llvm::Expected<BoundDataflow> bindDataflow(llvm::ArrayRef<Directive> directives,
                                           const LayerShape &shape,
                                           std::optional<int64_t> numPEs) {
  BoundDataflow bound;
  if (llvm::Error err = bindDataflow(directives, shape, numPEs, bound))
    return std::move(err);
  return bound;
}

llvm::Error bindDataflow(llvm::ArrayRef<Directive> directives,
                         const LayerShape &shape, std::optional<int64_t> numPEs,
                         BoundDataflow &bound) {
  if (llvm::Error err = verifyDataflowStructure(directives))
    return err;

  bound.levels.clear();
  bound.levels.emplace_back();
  llvm::SmallVector<int64_t, 3> clusterSizes;
  for (auto [i, d] : llvm::enumerate(directives)) {
    int64_t size = d.size.resolve(shape);
    if (d.kind == DirectiveKind::Cluster) {
      if (numPEs && size > *numPEs)
        return fail(llvm::formatv("{0}: a cluster of {1} PEs does not fit "
                                  "the array of {2} PEs",
                                  where(directives, i), size, *numPEs));
      clusterSizes.push_back(size);
      bound.levels.emplace_back();
      continue;
    }
    int64_t extent = shape.size(d.dim);
    int64_t offset = d.offset.resolve(shape);
    int64_t requested = size;
    size = std::min(size, extent);
    if (offset > size && size < extent)
      return fail(llvm::formatv(
          "{0}: offset {1} exceeds size {2} once bound to the layer, so "
          "elements of {3} (extent {4}) would never be mapped",
          where(directives, i), offset, size, stringifyDim(d.dim), extent));
    bound.levels.back().maps.push_back(BoundMap{
        d.kind, d.dim, size, offset, requested, static_cast<unsigned>(i)});
  }

  // PEs per sub-unit, innermost level first: 1, c_last, c_last*c_prev, ...
  int64_t pesBelow = 1;
  for (unsigned level = bound.levels.size() - 1; level > 0; --level) {
    BoundLevel &current = bound.levels[level];
    current.subUnitPEs = pesBelow;
    current.numSubUnits = clusterSizes[level - 1];
    bool overflow = llvm::MulOverflow(pesBelow, current.numSubUnits, pesBelow);
    if (overflow || (numPEs && pesBelow > *numPEs)) {
      std::string need = overflow ? "more than 2^63" : std::to_string(pesBelow);
      return fail(llvm::formatv(
          "the clusters from level {0} inward need {1} PEs{2}", level - 1, need,
          numPEs ? llvm::formatv(" but the array has {0}", *numPEs).str()
                 : std::string()));
    }
  }
  BoundLevel &top = bound.levels.front();
  top.subUnitPEs = pesBelow;
  top.numSubUnits = numPEs ? *numPEs / pesBelow : 0;
  return llvm::Error::success();
}

llvm::Error verifyBoundDataflow(const BoundDataflow &bound,
                                const LayerShape &shape, int64_t numPEs) {
  return verifyBoundDataflow(bound, shape.extents(), numPEs);
}

llvm::Error verifyBoundDataflow(const BoundDataflow &bound,
                                const std::array<int64_t, kNumDims> &extents,
                                int64_t numPEs) {
  if (bound.levels.empty())
    return fail("a bound dataflow needs at least one level");
  int64_t pesBelow = 1;
  for (unsigned level = bound.levels.size() - 1; level > 0; --level) {
    const BoundLevel &current = bound.levels[level];
    if (current.subUnitPEs != pesBelow || current.numSubUnits < 1 ||
        llvm::MulOverflow(pesBelow, current.numSubUnits, pesBelow) ||
        pesBelow > numPEs)
      return fail(llvm::formatv(
          "level {0} of the bound dataflow has {1} sub-units of {2} PEs, "
          "which binding to {3} PEs cannot give",
          level, current.numSubUnits, current.subUnitPEs, numPEs));
  }
  const BoundLevel &top = bound.levels.front();
  if (top.subUnitPEs != pesBelow || top.numSubUnits != numPEs / pesBelow)
    return fail(llvm::formatv("the top level of the bound dataflow has {0} "
                              "sub-units of {1} PEs, binding to {2} PEs "
                              "gives {3} of {4}",
                              top.numSubUnits, top.subUnitPEs, numPEs,
                              numPEs / pesBelow, pesBelow));
  for (auto [level, current] : llvm::enumerate(bound.levels)) {
    if (current.maps.empty())
      return fail(llvm::formatv("level {0} of the bound dataflow is empty",
                                level));
    uint32_t mapped = 0;
    for (const BoundMap &m : current.maps) {
      uint32_t slot = 1u << static_cast<unsigned>(inputViewOf(m.dim));
      int64_t extent = extents[static_cast<unsigned>(m.dim)];
      if (m.kind == DirectiveKind::Cluster || (mapped & slot) || m.size < 1 ||
          m.size > extent || m.requestedSize < m.size || m.offset < 1 ||
          (m.offset > m.size && m.size < extent))
        return fail(llvm::formatv(
            "level {0} of the bound dataflow has a map of {1} (size {2} of "
            "{3} requested, offset {4}, extent {5}) that binding cannot give",
            level, stringifyDim(m.dim), m.size, m.requestedSize, m.offset,
            extent));
      mapped |= slot;
    }
  }
  return llvm::Error::success();
}

} // namespace mlir::accel
