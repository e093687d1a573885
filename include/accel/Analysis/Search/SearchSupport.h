//===- SearchSupport.h - What the mapping searches share --------*- C++ -*-===//
//
// The objectives, the ranking key and the visiting order shared by the
// dataflow search and the MAERI schedule search. MLIR-free.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_ANALYSIS_SEARCH_SEARCHSUPPORT_H
#define ACCEL_ANALYSIS_SEARCH_SEARCHSUPPORT_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <limits>
#include <optional>

namespace mlir::accel {

/// What a search minimizes: cycles, energy, or their product.
enum class SearchObjective : uint8_t { Runtime, Energy, EnergyDelay };

/// Parses `runtime`, `energy` or `edp`.
std::optional<SearchObjective> parseSearchObjective(llvm::StringRef name);
llvm::StringRef stringifySearchObjective(SearchObjective objective);

/// How a search ranks one mapping. Mappings that fit the target's buffers
/// come first, then the lower objective, then the lower secondary figure
/// (energy when minimizing runtime, runtime otherwise), then the lower
/// position in the search order. The order is total, so the best mapping
/// does not depend on the order evaluations finish in.
struct MappingScore {
  bool fits = false;
  double primary = std::numeric_limits<double>::infinity();
  double secondary = std::numeric_limits<double>::infinity();
  uint64_t position = std::numeric_limits<uint64_t>::max();

  bool isValid() const {
    return position != std::numeric_limits<uint64_t>::max();
  }
  bool betterThan(const MappingScore &other) const {
    if (fits != other.fits)
      return fits;
    if (primary != other.primary)
      return primary < other.primary;
    if (secondary != other.secondary)
      return secondary < other.secondary;
    return position < other.position;
  }
  /// Whether every mapping whose objective is at least `lowerBound` (and
  /// that fits, at best) ranks after this one: a strict comparison, since a
  /// mapping equal on the objective may still win on the secondary figure.
  bool beatsEveryMappingAbove(double lowerBound) const {
    return fits && primary < lowerBound;
  }
};

/// A pseudo-random permutation of [0, size) that needs no storage: i ->
/// (start + i * stride) mod size with a stride coprime to size. Searches
/// visit a space larger than their budget in this order, so that the part
/// they reach is spread over the space and depends only on the seed.
class SpreadOrder {
public:
  SpreadOrder(uint64_t size, uint64_t seed);
  uint64_t operator[](uint64_t i) const {
    return size == 0 ? 0 : (start + (i % size) * stride) % size;
  }

private:
  uint64_t size, start = 0, stride = 1;
};

/// Task `index`'s share of `total` evaluations split over `numTasks`
/// tasks: equal shares, the first tasks one more for the remainder.
inline uint64_t taskBudget(int64_t total, uint64_t index, uint64_t numTasks) {
  if (total <= 0 || numTasks == 0)
    return 0;
  uint64_t t = static_cast<uint64_t>(total);
  return t / numTasks + (index < t % numTasks ? 1 : 0);
}

/// A 64-bit mix (splitmix64's finalizer) for deriving seeds.
uint64_t mixSeed(uint64_t value);

} // namespace mlir::accel

#endif // ACCEL_ANALYSIS_SEARCH_SEARCHSUPPORT_H
