//===- CostModel.cpp - Data-centric cost model (MAESTRO) ------------------===//
//
// The analysis, level by level (docs/CostModel.md has the formulas):
//  1. Normalize the dataflow into cluster levels: output-coordinate maps
//     become input maps, an inner level inherits the maps it does not name
//     from the level above, dimensions no level names are mapped whole, and
//     strided windows move by the stride.
//  2. At each level, every map is in an init, steady or edge position; the
//     combinations (iteration cases) and how often each occurs are summed in
//     classes of cases with the same figures (CaseSpace).
//  3. For each case: the data new to the sub-clusters (ingress, after
//     temporal reuse from the previous step and spatial reuse by multicast),
//     the partial sums leaving (egress), and the computation, which is the
//     slowest sub-cluster's runtime one level down (recursively) or the
//     partial sums per PE at the innermost level.
//  4. A step costs max(ingress, compute, egress) with double buffering (the
//     first step, which fills the buffers, costs ingress + compute); runtime
//     is the sum over cases of occurrences x step cost.
//
// The accounting follows MAESTRO's (maestro-project/maestro at 4eb08d1) so
// that its published numbers can be reproduced, quirks included; each quirk
// kept on purpose is marked "MAESTRO:".
//
//===----------------------------------------------------------------------===//

#include "accel/Analysis/CostModel/CostModel.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/bit.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MathExtras.h"

#include <algorithm>
#include <atomic>
#include <cassert>
#include <cmath>
#include <cstring>
#include <initializer_list>
#include <limits>
#include <optional>
#include <vector>

using namespace mlir::accel;

namespace {

constexpr unsigned idx(Dim d) { return static_cast<unsigned>(d); }

llvm::Error fail(const llvm::Twine &msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), msg);
}

/// The filter rows (columns) by which a level's map of `size` on R (S)
/// narrows the level's output chunk, and widens an OY (OX) map: its size,
/// as MAESTRO has it. Where the map is larger than the level's filter
/// dimension (`dim` elements) and `whole` (the top level, or the
/// re-evaluation), the whole filter, which that map holds there
/// (minOutputChunk): with MAESTRO's size the chunk has a negative output
/// extent, so it computes nothing and reads no filter, while its edge
/// chunks, narrowed by the filter they hold, compute. At inner levels
/// MAESTRO's size stands: sane random case s891 depends on it (an inner
/// Sz(S) map on a 1-wide S chunk narrows the X chunk by 3).
int64_t windowOfMap(int64_t size, int64_t dim, bool whole) {
  return whole && size > dim ? dim : size;
}

/// Count arithmetic that cannot wrap. A result beyond int64 saturates and
/// is remembered: evaluateCost then fails rather than report it. Products
/// of valid sizes can get there (a map far larger than its dimension sizes
/// buffers by the map, as MAESTRO does).
class CheckedMath {
public:
  int64_t mul(int64_t a, int64_t b) const {
    int64_t result;
    if (LLVM_UNLIKELY(llvm::MulOverflow(a, b, result)))
      return saturate(/*negative=*/(a < 0) != (b < 0));
    return result;
  }
  int64_t add(int64_t a, int64_t b) const {
    int64_t result;
    if (LLVM_UNLIKELY(llvm::AddOverflow(a, b, result)))
      return saturate(/*negative=*/a < 0);
    return result;
  }
  /// What n chunks of `size` at stride `offset` span, size + offset (n - 1),
  /// or int64's maximum beyond it: only ever compared with a dimension, so
  /// it saturates without failing the evaluation.
  static int64_t spanOf(int64_t size, int64_t offset, int64_t n) {
    int64_t step, span;
    if (llvm::MulOverflow(offset, n - 1, step) ||
        llvm::AddOverflow(size, step, span))
      return std::numeric_limits<int64_t>::max();
    return span;
  }
  /// ceil(a / b) for a >= 0 and b > 0, without forming a + b - 1. Without
  /// a division where a <= b: most NoC transfers fit one flit, and a
  /// division costs more than the rest of a step's delay.
  static int64_t ceilDiv(int64_t a, int64_t b) {
    if (0 <= a && a <= b)
      return a != 0 ? 1 : 0;
    return a / b + (a % b != 0 ? 1 : 0);
  }
  bool overflowed() const { return overflow; }
  /// Records an overflow found elsewhere (SubClusterVolumes).
  void noteOverflow() const { overflow = true; }
  static int64_t saturated(bool negative) {
    return negative ? std::numeric_limits<int64_t>::min()
                    : std::numeric_limits<int64_t>::max();
  }

private:
  int64_t saturate(bool negative) const {
    overflow = true;
    return saturated(negative);
  }
  mutable bool overflow = false;
};

/// One map of a normalized level.
struct Map {
  Dim var;
  bool spatial;
  int64_t size;
  int64_t ofs;
};

/// Sizes of the dimensions a level works on.
struct DimTable {
  std::array<int64_t, kNumDims> size{};
  std::array<bool, kNumDims> has{};
  int64_t operator[](Dim d) const { return size[idx(d)]; }
  bool contains(Dim d) const { return has[idx(d)]; }
  /// MAESTRO: its dimension table never overwrites an entry.
  void add(Dim d, int64_t v) {
    if (has[idx(d)])
      return;
    set(d, v);
  }
  /// For a dimension known to have no entry yet.
  void set(Dim d, int64_t v) {
    has[idx(d)] = true;
    size[idx(d)] = v;
  }
};

/// At most N elements, in place. A level's tables hold at most one entry
/// per dimension and are rebuilt for every evaluation, so they need no heap
/// and no capacity checks.
template <typename T, unsigned N> class InlineList {
public:
  InlineList() = default;
  InlineList(std::initializer_list<T> init) {
    for (const T &item : init)
      push_back(item);
  }
  void push_back(const T &item) {
    assert(count < N && "more entries than dimensions");
    items[count++] = item;
  }
  /// The next entry, as earlier use left it, for the caller to set in
  /// place.
  T &appendSlot() {
    assert(count < N && "more entries than dimensions");
    return items[count++];
  }
  /// Moves the entries from `pos` on one place back and puts `item` there.
  void insert(unsigned pos, const T &item) {
    assert(count < N && pos <= count && "more entries than dimensions");
    std::copy_backward(items.begin() + pos, items.begin() + count,
                       items.begin() + count + 1);
    ++count;
    items[pos] = item;
  }
  void push_front(const T &item) { insert(0, item); }
  unsigned size() const { return count; }
  bool empty() const { return count == 0; }
  T &operator[](unsigned i) { return items[i]; }
  const T &operator[](unsigned i) const { return items[i]; }
  T *begin() { return items.data(); }
  T *end() { return items.data() + count; }
  const T *begin() const { return items.data(); }
  const T *end() const { return items.data() + count; }

private:
  std::array<T, N> items;
  uint8_t count = 0;
};

using Vars = InlineList<Dim, kNumDims>;

/// Some of a level's maps, a bit per map position, iterated in map order.
/// Filled without a branch per map, and read a bit at a time.
class MapSet {
public:
  /// The first `n` maps.
  static MapSet firstMaps(unsigned n) {
    MapSet first;
    first.bits = static_cast<uint16_t>((1u << n) - 1);
    return first;
  }
  void insert(unsigned i) { bits |= static_cast<uint16_t>(1u << i); }
  /// Adds map `i` where `member`.
  void insertIf(bool member, unsigned i) {
    bits |= static_cast<uint16_t>(uint16_t(member) << i);
  }
  /// Adds map `i` where `member`, else removes it.
  void assign(unsigned i, bool member) {
    bits = static_cast<uint16_t>((bits & ~(1u << i)) | unsigned(member) << i);
  }
  /// The maps of this set not in `other`.
  MapSet without(MapSet other) const {
    MapSet rest;
    rest.bits = bits & static_cast<uint16_t>(~other.bits);
    return rest;
  }
  bool empty() const { return bits == 0; }
  unsigned size() const { return llvm::popcount(bits); }
  /// The maps after position `i` (all of them for -1).
  MapSet after(int i) const {
    MapSet rest;
    rest.bits = static_cast<uint16_t>(bits >> (i + 1) << (i + 1));
    return rest;
  }
  bool operator==(MapSet other) const { return bits == other.bits; }
  bool operator!=(MapSet other) const { return bits != other.bits; }
  MapSet operator&(MapSet other) const {
    MapSet both;
    both.bits = bits & other.bits;
    return both;
  }
  struct iterator {
    uint16_t rest;
    unsigned operator*() const { return llvm::countr_zero(rest); }
    iterator &operator++() {
      rest &= static_cast<uint16_t>(rest - 1);
      return *this;
    }
    bool operator!=(iterator other) const { return rest != other.rest; }
  };
  iterator begin() const { return {bits}; }
  iterator end() const { return {0}; }

private:
  uint16_t bits = 0;
};
static_assert(kNumDims <= 16, "MapSet keeps a bit per map in 16 bits");
using Counts = std::array<int64_t, kNumTensorClasses>;

/// How the layer's tensors couple to dimensions.
struct Problem {
  CostLayerKind kind;
  /// Convolutions slide Y over R and X over S; GEMMs do not.
  bool hasWindows;
  std::array<Vars, kNumTensorClasses> tensors;
  /// Bit idx(d) set when tensor t is coupled to d (the hot-path lookup).
  std::array<uint16_t, kNumTensorClasses> couplingMask{};
  /// Dimensions of the input and filter, in MAESTRO's name order.
  Vars inputVars;
  std::array<int64_t, 2> stride;
  int64_t simdLanes;
  int64_t nocBandwidth;
  int64_t nocZeroLoadDelay;
  int64_t offchipBandwidth;
  /// Without multicast, data several sub-clusters need is sent to each.
  bool multicast;
  /// MAESTRO's chunk rule where it computes nothing (evaluateCost): a map
  /// larger than its dimension holds all of it at every level, not only at
  /// the top, where `D - offset` cannot hold one output, and a window map
  /// larger than its filter dimension narrows the output chunk by the
  /// window it holds, not by its size.
  bool wholeChunks = false;

  /// Bits idx(Y) and idx(X) for convolutions, none for GEMMs.
  uint16_t windowedMask = 0;
  bool isWindowed(Dim d) const { return (windowedMask >> idx(d)) & 1; }
  static Dim windowOf(Dim d) { return d == Dim::Y ? Dim::R : Dim::S; }
  static Dim outputOf(Dim d) { return d == Dim::Y ? Dim::OY : Dim::OX; }
  bool coupled(TensorClass t, Dim d) const {
    return (couplingMask[static_cast<unsigned>(t)] >> idx(d)) & 1;
  }
};

/// A normalized cluster level.
struct Cluster {
  /// Not value-initialized: each member that needs a value has one, and the
  /// lists' storage is written before it is read (a level is made for
  /// every evaluation).
  Cluster() {}
  int64_t numSub = 1;
  int64_t numEdgeSub = 1;
  /// At most one map per dimension (verifyDataflowStructure; Y and OY share
  /// one). Added through addMap, which keeps `slot`.
  InlineList<Map, kNumDims> maps;
  DimTable dims;
  /// Indices of the spatial maps coupled to each tensor (filled once).
  std::array<InlineList<uint8_t, kNumDims>, kNumTensorClasses> spatialOf;
  /// The maps coupled to each tensor: the volume products walk these
  /// instead of every map (same order, same figures).
  std::array<MapSet, kNumTensorClasses> coupledMaps;
  /// The maps the output is not coupled to (the reduction).
  MapSet reductionMaps;
  /// The output's maps in the output's dimension order, with the chunk-table
  /// entry each reads (OY/OX for a windowed dimension).
  struct OutputMap {
    uint8_t map;
    uint8_t actual;
  };
  InlineList<OutputMap, kNumDims> outputMaps;
  /// The maps on input rows and columns of a windowed layer.
  MapSet windowedMaps;
  /// The spatial maps.
  MapSet spatialMaps;
  /// mappedVolume per tensor, a constant of the level.
  Counts mappedVolume{};
  /// The first spatial map (filled once the maps are final).
  int firstSpatialMap = -1;

  void addMap(const Map &map) {
    slot[idx(map.var)] = static_cast<int8_t>(maps.size());
    maps.push_back(map);
  }
  int find(Dim var) const { return slot[idx(var)]; }
  int firstSpatial() const { return firstSpatialMap; }

private:
  static constexpr std::array<int8_t, kNumDims> noSlots() {
    std::array<int8_t, kNumDims> none{};
    for (int8_t &s : none)
      s = -1;
    return none;
  }
  std::array<int8_t, kNumDims> slot = noSlots();
};

/// Per-dimension chunk sizes of a level (MAESTRO's reuse-analysis tables).
struct ChunkSizes {
  std::array<int64_t, kNumDims> mapped{}, mappedEdge{}, unique{}, uniqueEdge{};
  /// No entry is negative and the product over the maps of each map's
  /// largest entry fits in int64: no product of the level's volume factors
  /// overflows, in any order (filled for the top level of an evaluation
  /// with a scratch only, TopLevelKey).
  bool productsFit = false;
};

enum class Position : uint8_t { Init, Steady, Edge };

/// Where one map is in a step (its occurrences are kept in MapStates).
struct IterState {
  Position pos = Position::Init;
  bool unrolled = false;
  /// Holds an edge chunk: at the Edge position, or at Init where the
  /// dimension is smaller than the map (its coverage, spatially).
  bool edge = false;
  bool spEdgeEdge = false;
  /// Which of its map's states this is (MapStates).
  uint8_t index = 0;
  bool isEdge() const { return edge; }
};

/// One iteration case (a state per map of the level), or a class of cases
/// the analysis cannot tell apart (CaseSpace).
struct Case {
  /// Indexed by map; a level has at most one map per dimension.
  std::array<IterState, kNumDims> states;
  int64_t occurrences = 1;
  /// The innermost map not at its init position (-1: all at init); it is
  /// what changes from the previous step.
  int changing = -1;
  /// A class's members occur `memberBase` times the product, over the maps
  /// whose first and steady positions it merges, of 1 (at init) or the
  /// map's steady count: `numMerged` counts from `firstMerged` in
  /// CaseSpace::mergedSteady.
  int64_t memberBase = 1;
  uint32_t firstMerged = 0;
  uint8_t numMerged = 0;
  /// The maps inside the changing one whose first position does not hold
  /// their whole dimension: they are at it (every map inside the changing
  /// one is), so a tensor coupled to one restarts (ingressVolumes).
  MapSet restarting;
  /// The maps holding an edge chunk (setState keeps it).
  MapSet edgeMask;
  bool allInit() const { return changing == -1; }
  void setState(unsigned i, const IterState &state) {
    states[i] = state;
    edgeMask.assign(i, state.edge);
  }
};

/// A level's iteration cases in MAESTRO's order, and the classes the
/// analysis walks instead of them.
///
/// The per-step figures depend on a map outer to the changing one only
/// through which chunk it holds (full or edge): such a map at its first,
/// non-edge position and in its steady position give the same figures. So
/// the cases with changing map j are summed in closed form over those two
/// positions of every map outside j: a class per (changing map, its state,
/// edge-or-not of each outer map), its occurrences the product of the
/// per-map sums. VGG16 CONV11 on tpu_ws has 64 cases at the top, 7 classes.
/// The case order still matters to two figures MAESTRO takes from the last
/// cases (its off-chip running maximum, halved after every case, and the
/// arithmetic intensity of the last computing case), which `walkBackwards`
/// finds case by case from the end.
/// The states one map goes through: first, steady, edge (at most three).
class MapStates {
public:
  void push_back(const IterState &state, int64_t occurrences = 1) {
    states[count] = state;
    states[count].index = count;
    occurrencesOfState[count++] = occurrences;
  }
  void clear() { count = 0; }
  size_t size() const { return count; }
  const IterState &operator[](size_t i) const { return states[i]; }
  const IterState &front() const { return states[0]; }
  /// Consecutive steps the map spends in state i.
  int64_t occurrences(size_t i) const { return occurrencesOfState[i]; }

private:
  std::array<IterState, 3> states;
  std::array<int64_t, 3> occurrencesOfState;
  uint8_t count = 0;
};
/// A level's map states by dimension.
using MapStatesByDim = std::array<MapStates, kNumDims>;

struct CaseSpace {
  InlineList<MapStates, kNumDims> perMap;
  /// How many cases varying map i keeps a state for (MAESTRO's shifted
  /// odometer).
  std::array<int64_t, kNumDims> period;
  int64_t numCases = 1;
  /// Merged classes, or (merged = false) every case, in MAESTRO's order.
  bool merged = false;
  llvm::SmallVector<Case, 16> classes;
  /// The steady counts of the maps each class merges (Case::firstMerged).
  llvm::SmallVector<int64_t, 16> mergedSteady;
  llvm::ArrayRef<int64_t> mergedOf(const Case &c) const {
    return llvm::ArrayRef(mergedSteady).slice(c.firstMerged, c.numMerged);
  }
  /// When merged: per varying map, the outer class of each state, the
  /// number of outer classes, and the first class of its block (the classes
  /// where it changes).
  std::array<std::array<uint8_t, 3>, kNumDims> outerClassOf;
  std::array<uint8_t, kNumDims> numOuterClasses;
  std::array<int64_t, kNumDims> blockStart;
  /// The maps with more than one state, in order: the others stay at their
  /// first state in every case, so neither the walk nor the classes need
  /// them.
  InlineList<uint8_t, kNumDims> varying;

  /// Calls `visit` with the class of each case of MAESTRO's order, from
  /// the last case back, while it returns true.
  template <typename Fn> void walkBackwards(Fn visit) const {
    if (numCases == 0)
      return;
    // At case k, map i is at state ceil(k / period) mod (its states) (it
    // advanced after each earlier case whose index is a multiple of its
    // period); `before` is (k - 1) mod period, so a step back moves the
    // state back exactly when it is 0. No division inside the walk.
    std::array<unsigned, kNumDims> choice{};
    std::array<int64_t, kNumDims> before{};
    int64_t k = numCases - 1;
    for (unsigned i : varying) {
      // One division per map: (k - 1) mod period follows from k's.
      int64_t quotient = k / period[i];
      int64_t remainder = k - quotient * period[i];
      int64_t advances = quotient + (remainder != 0 ? 1 : 0);
      // A varying map has two or three states.
      choice[i] = static_cast<unsigned>(perMap[i].size() == 2 ? advances % 2
                                                              : advances % 3);
      before[i] = k == 0           ? 0
                  : remainder == 0 ? period[i] - 1
                                   : remainder - 1;
    }
    while (visit(merged ? classOfChoices(choice) : k) && k > 0) {
      for (unsigned i : varying) {
        if (before[i] == 0)
          choice[i] = (choice[i] == 0 ? perMap[i].size() : choice[i]) - 1;
        before[i] = (before[i] == 0 ? period[i] : before[i]) - 1;
      }
      --k;
    }
  }

  /// The class of the case whose maps are at states `choice` (a map with
  /// one state is always at 0 and weighs 1 in the encoding).
  int64_t classOfChoices(const std::array<unsigned, kNumDims> &choice) const {
    int changing = -1;
    for (unsigned i : varying)
      if (choice[i] != 0)
        changing = static_cast<int>(i);
    if (changing < 0)
      return 0;
    int64_t index = 0;
    for (unsigned i : varying) {
      if (static_cast<int>(i) >= changing)
        break;
      index = index * numOuterClasses[i] + outerClassOf[i][choice[i]];
    }
    index = index * static_cast<int64_t>(perMap[changing].size() - 1) +
            (choice[changing] - 1);
    return blockStart[changing] + index;
  }
};

/// A per-sub-cluster volume for each kind of sub-cluster of a step: the
/// first or another, and the partial one at the spatial edge (edge-edge) or
/// a full one. One pass over the maps computes them; each product is taken
/// map by map as it would be alone, and its overflow reaches the
/// evaluation only if the product is used. Away from the spatial edge a
/// step reads no edge-edge volume (sumOverSubClusters), so only the first
/// two are computed there.
class SubClusterVolumes {
public:
  /// With `atEdge` false, the edge-edge variants are neither computed nor
  /// read.
  explicit SubClusterVolumes(bool atEdge) : atEdge(atEdge) {}
  /// Calls `fn(first, edgeEdge)` for each variant computed, each with
  /// constant arguments once inlined (spatial factors differ by variant).
  template <typename Fn> void forEachVariant(Fn fn) const {
    fn(true, false);
    fn(false, false);
    if (atEdge) {
      fn(true, true);
      fn(false, true);
    }
  }
  void mulAll(int64_t factor) {
    forEachVariant([&](bool first, bool edgeEdge) {
      mulAt(indexOf(first, edgeEdge), factor);
    });
  }
  void mul(bool first, bool edgeEdge, int64_t factor) {
    mulAt(indexOf(first, edgeEdge), factor);
  }
  /// Zero every product, keeping what overflowed on the way.
  void clearValues() { values.fill(0); }
  int64_t get(bool first, bool edgeEdge, const CheckedMath &math) const {
    unsigned i = indexOf(first, edgeEdge);
    assert((atEdge || !edgeEdge) && "an edge-edge volume away from the edge");
    if (overflowed & (1u << i))
      math.noteOverflow();
    return values[i];
  }

private:
  static unsigned indexOf(bool first, bool edgeEdge) {
    return (first ? 0 : 1) + (edgeEdge ? 2 : 0);
  }
  void mulAt(unsigned i, int64_t factor) {
    int64_t before = values[i];
    if (LLVM_UNLIKELY(llvm::MulOverflow(before, factor, values[i]))) {
      overflowed |= 1u << i;
      values[i] = CheckedMath::saturated((before < 0) != (factor < 0));
    }
  }
  std::array<int64_t, 4> values = {1, 1, 1, 1};
  uint8_t overflowed = 0;
  bool atEdge;
};

/// What one level's analysis produces (MAESTRO's CostAnalysisResults).
struct LevelResult {
  int64_t runtime = 0;
  int64_t computations = 0;
  Counts upRead{}, upWrite{}, downRead{}, downWrite{};
  Counts upSize{}, downSize{};
  int64_t peakBw = 0;
  double avgBw = 0;
  int64_t offchipBw = 0;
  DelayStats ingress, egress, compute;
  double avgActive = 0;
  double arithmeticIntensity = 0;
};

/// What one innermost level's analysis depends on, beyond the layer: its
/// normalized maps, sub-cluster counts and dimension table, the dimensions
/// of the step it runs in, and the chunk rule. Equal keys give equal
/// analyses, which a mapper's candidates share (CostEvaluator::Scratch).
///
/// The order of the maps matters only for those that move: a temporal map
/// holding all of its dimension in the step (one state, unrolled) never
/// changes, restarts nothing and is the same factor in every product, so
/// where it stands among the others changes no figure, provided no
/// product can overflow in any order (which of them overflows depends on
/// the order). The key lists such maps after the others, by dimension,
/// where the product of every map's largest extent fits in int64: the
/// inner levels a mapper makes for the orders of one top level, whose
/// maps it inherits in its order, are then analyzed once.
class LevelKey {
public:
  LevelKey(const Cluster &cluster, const DimTable &dims, bool wholeChunks);
  /// Every byte is set (no padding), so bytes compare as fields do.
  bool operator==(const LevelKey &other) const {
    return std::memcmp(this, &other, sizeof(LevelKey)) == 0;
  }
  /// Of the fields that tell a mapper's candidates apart; independent
  /// products, so the sum is quick.
  uint64_t hash() const {
    uint64_t h = kinds * 0x9e3779b97f4a7c15ull;
    for (unsigned d = 0; d < kNumDims; ++d)
      h += static_cast<uint64_t>(stepDims[d]) * kMultipliers[d] +
           static_cast<uint64_t>(mapSize[d]) * kMultipliers[kNumDims - 1 - d];
    return h ^ (h >> 29);
  }

private:
  static constexpr uint64_t kMultipliers[kNumDims] = {
      0xff51afd7ed558ccdull, 0xc4ceb9fe1a85ec53ull, 0x9e3779b97f4a7c15ull,
      0xbf58476d1ce4e5b9ull, 0x94d049bb133111ebull, 0x2545f4914f6cdd1dull,
      0xd6e8feb86659fd93ull, 0xa0761d6478bd642full, 0xe7037ed1a0b428dbull,
      0x8ebc6af09c88c6e3ull};
  /// By map position; 0 beyond the level's maps.
  std::array<int64_t, kNumDims> mapSize{}, mapOffset{};
  /// The level's dimension table, and the step's. (Read through the
  /// bytewise comparison only, as are the sub-cluster counts.)
  [[maybe_unused]] std::array<int64_t, kNumDims> levelDims;
  std::array<int64_t, kNumDims> stepDims;
  /// Five bits per map (dimension, spatial) and the number of maps.
  uint64_t kinds = 0;
  /// Which dimensions each table has, and the chunk rule.
  uint64_t flags = 0;
  [[maybe_unused]] int64_t numSub, numEdgeSub;
};
static_assert(sizeof(LevelKey) == (4 * kNumDims + 4) * sizeof(int64_t),
              "LevelKey compares its bytes: it must have no padding");

/// What a step takes from its volumes (Analysis::classFigures).
struct ClassFigures {
  int64_t egress = 0, macs = 0, partialSums = 0;
  /// The input's and the filter's ingress, where computed.
  std::array<int64_t, 2> traffic{};
  bool hasTraffic = false;
  /// Computing the figures above, or the traffic too, overflowed.
  bool overflowed = false, trafficOverflowed = false;
};

/// The top level of an evaluation up to the order of its maps: the
/// evaluator, each dimension's map, the sub-cluster counts and the chunk
/// rule. Where a level's products cannot overflow and it has one spatial
/// map, a step's ClassFigures depend on the order of the maps only through
/// the order of products, so the orders of one set of maps, which a
/// mapper's candidates run through one after another, share them.
struct TopLevelKey {
  std::array<int64_t, kNumDims> size{}, offset{};
  uint64_t evaluatorId = 0;
  int64_t numSub = 0, numEdgeSub = 0;
  uint16_t present = 0, spatial = 0;
  uint32_t wholeChunks = 0;
  /// Every byte is set (no padding), so bytes compare as fields do.
  bool operator==(const TopLevelKey &other) const {
    return std::memcmp(this, &other, sizeof(TopLevelKey)) == 0;
  }
};
static_assert(sizeof(TopLevelKey) == (2 * kNumDims + 4) * sizeof(int64_t),
              "TopLevelKey compares its bytes: it must have no padding");

} // namespace

/// What earlier evaluations left for later ones (CostModel.h): innermost-
/// level analyses, and the top level's tables and step figures.
struct CostEvaluator::Scratch::Table {
  struct Entry {
    LevelKey key;
    LevelResult result;
    /// The analysis overflowed: an evaluation using it fails.
    bool overflowed;
  };
  /// Direct-mapped by the key's hash; a miss replaces the slot. 64 slots
  /// (40 KB) miss a little more often in a search than 256 (160 KB) but
  /// stay nearer the core, which made them faster.
  static constexpr unsigned kSlots = 64;
  /// A slot holds an analysis of the evaluator whose Prepared::id is its
  /// owner (0: none), so a scratch needs no clearing between evaluators.
  std::array<uint64_t, kSlots> owner{};
  std::array<std::optional<Entry>, kSlots> slots;

  /// The top level the tables and class figures below belong to, and its
  /// generation (a new top level starts a new one, which no entry has
  /// yet). Its chunk sizes and each dimension's map states do not depend
  /// on the order of its maps either.
  TopLevelKey top;
  uint64_t topGeneration = 0;
  ChunkSizes topChunks;
  MapStatesByDim topStates;
  struct ClassEntry {
    uint64_t generation = 0;
    /// Analysis::classSignature.
    uint64_t signature = 0;
    ClassFigures figures;
  };
  /// Direct-mapped by the signature. On the VGG16 CONV11 search 65 % of
  /// the top level's steps are found here, near the 70 % of steps whose
  /// figures an earlier step had; 128 slots (9 KB) hit a little more often
  /// than 64.
  static constexpr unsigned kClassSlotBits = 7;
  static constexpr unsigned kClassSlots = 1u << kClassSlotBits;
  std::array<ClassEntry, kClassSlots> classes;
};

namespace {

class Analysis {
public:
  /// Keeps `clusters`, whose per-level tables it fills as each level is
  /// first analyzed; `cache` (may be null) is what evaluations share
  /// (CostEvaluator::Scratch); without `topLevelStatistics`, the top level's
  /// result leaves its step statistics out (CostDetail::Ranking).
  Analysis(const Problem &problem, llvm::SmallVectorImpl<Cluster> &clusters,
           const CheckedMath &math, CostEvaluator::Scratch::Table *cache,
           uint64_t evaluatorId, bool topLevelStatistics)
      : p(problem), clusters(clusters), math(math), cache(cache),
        evaluatorId(evaluatorId), topLevelStatistics(topLevelStatistics) {
    // No reallocation: `chunks` points into it.
    chunkStorage.reserve(clusters.size());
    chunks.resize(clusters.size(), nullptr);
    prepared.resize(clusters.size(), false);
  }

  /// Analyzes level `level` on dimensions `dims`; appends its result (and
  /// every inner level's) to `results`, its own last.
  void analyzeLevel(unsigned level, const DimTable &dims,
                    llvm::SmallVectorImpl<LevelResult> &results);

private:
  /// The analysis of innermost level `level` on `dims` where every map is
  /// unrolled (holds its whole dimension of the step) and no figure of its
  /// one step can overflow: what the levels above and the report read of
  /// it (its runtime, utilized sub-clusters and L1 buffers), without its
  /// tables, case space and classes. Appends it to `results` and returns
  /// true, or returns false, having appended nothing, where it does not
  /// apply (analyzeLevel's general path then takes the level).
  bool analyzeUnrolledLevel(unsigned level, const DimTable &dims,
                            llvm::SmallVectorImpl<LevelResult> &results);

  /// The chunk sizes of level `level`, filled on first use unless `known`.
  const ChunkSizes &chunksOf(unsigned level,
                             const ChunkSizes *known = nullptr) {
    if (chunks[level])
      return *chunks[level];
    if (known) {
      chunks[level] = known;
    } else {
      // The top level's go to the scratch, for the evaluations after this
      // one of its maps in other orders (TopLevelKey).
      const Cluster &cluster = clusters[level];
      bool isTop = level == 0;
      bool kept = isTop && cache;
      ChunkSizes &fresh =
          kept ? (cache->topChunks = ChunkSizes()) : chunkStorage.emplace_back();
      fillChunkSizes(cluster, isTop, fresh);
      if (kept)
        fresh.productsFit = productsFit(cluster, fresh);
      chunks[level] = &fresh;
    }
    return *chunks[level];
  }

  /// Fills the tables of level `level` (once), with its chunk sizes where
  /// they are `known`.
  void prepareLevel(unsigned level, const ChunkSizes *known = nullptr) {
    if (prepared[level])
      return;
    prepared[level] = true;
    Cluster &cluster = clusters[level];
    const ChunkSizes &s = chunksOf(level, known);
    // Each tensor's maps, from its dimensions (fewer than the maps times
    // the tensors); windowed dimensions are the input's and the output's.
    unsigned out = static_cast<unsigned>(TensorClass::Output);
    for (unsigned t = 0; t < kNumTensorClasses; ++t) {
      cluster.mappedVolume[t] = 1;
      for (Dim var : p.tensors[t]) {
        int i = cluster.find(var);
        if (i < 0)
          continue;
        cluster.coupledMaps[t].insert(i);
        if (cluster.maps[i].spatial)
          cluster.spatialOf[t].push_back(i);
        cluster.mappedVolume[t] =
            math.mul(cluster.mappedVolume[t], s.mapped[idx(var)]);
        bool windowed = p.isWindowed(var);
        cluster.windowedMaps.insertIf(windowed, i);
        if (t == out)
          cluster.outputMaps.push_back(
              {static_cast<uint8_t>(i),
               static_cast<uint8_t>(
                   idx(windowed ? Problem::outputOf(var) : var))});
      }
    }
    cluster.reductionMaps = MapSet::firstMaps(cluster.maps.size())
                                .without(cluster.coupledMaps[out]);
    for (auto [i, m] : llvm::enumerate(cluster.maps))
      cluster.spatialMaps.insertIf(m.spatial, i);
  }

  /// MAESTRO's NoC: a transfer costs the zero-load latency plus one cycle
  /// per further bandwidth-sized flit.
  int64_t nocDelay(int64_t amount) const {
    int64_t sends = CheckedMath::ceilDiv(amount, p.nocBandwidth);
    return std::max<int64_t>(0, math.add(p.nocZeroLoadDelay, sends - 1));
  }

  /// Fills `s` (zeroed) with the chunk sizes of `cluster`.
  void fillChunkSizes(const Cluster &cluster, bool isTop, ChunkSizes &s) const;
  /// ChunkSizes::productsFit for `cluster` and its chunk sizes `s`.
  bool productsFit(const Cluster &cluster, const ChunkSizes &s) const;
  /// The narrowest chunk of `var` that holds one output: its window for a
  /// windowed dimension, else one element.
  int64_t minOutputChunk(const Cluster &cluster, Dim var) const;
  /// The first state of map `m` of `cluster` on `dims`.
  static IterState firstStateOf(const Cluster &cluster, const Map &m,
                                const DimTable &dims);
  /// The states map `m` of `cluster` goes through on `dims`, into
  /// `states` (in place, as for ingressVolumes); returns the first, which
  /// the caller reads at once (read back, its bytes just stored one by one
  /// stall the load).
  IterState statesOf(const Cluster &cluster, const Map &m,
                     const DimTable &dims, MapStates &states) const;
  /// The cases of `cluster` on `dims`, merged into classes if `merge`;
  /// with the maps' states where they are `known`.
  CaseSpace caseSpaceOf(const Cluster &cluster, const DimTable &dims,
                        bool merge, const MapStatesByDim *known = nullptr) const;

  struct SpatialInfo {
    bool mapped = false;
    bool edge = false;
    IterState state;
  };
  SpatialInfo spatialOf(unsigned level, TensorClass t, const Case &c) const;

  /// Sums a per-sub-cluster volume over the sub-clusters of a step, given how
  /// the tensor is spatially mapped: the first sub-cluster, then the others
  /// (at the spatial edge only the active ones, the last maybe partial).
  /// `perSubCluster(firstPE, edgeEdgePE)`; `others` counts the non-first
  /// sub-clusters when the step is not at the edge.
  template <typename Fn>
  int64_t sumOverSubClusters(unsigned level, const SpatialInfo &sp,
                             Fn perSubCluster, int64_t others,
                             bool edgeEdgeFirst = true) const;

  /// A tensor's chunk per kind of sub-cluster (the all-init step's
  /// ingress), multiplied into `vol`.
  void mappedVolumes(unsigned level, TensorClass t, const Case &c,
                     SubClusterVolumes &vol) const;
  /// What is new to each kind of sub-cluster of tensor `t` at step `c`,
  /// multiplied into `vol` (its edge-edge ones where it computes them).
  /// Filled in place: a volume table returned by value was copied through
  /// the stack, where the copy's wide loads stalled on the narrow stores
  /// before them.
  void ingressVolumes(unsigned level, TensorClass t, const Case &c,
                      SubClusterVolumes &vol) const;
  /// What each kind of sub-cluster produces at step `c`: its outputs
  /// (`egress`) and its partial sums (`partial`, the reduction's maps then
  /// the output's, each product in that order). They differ at the
  /// spatial edge's init position, where the partial sub-cluster that is
  /// not the first counts only its new outputs but all its partial sums.
  struct OutputVolumes {
    explicit OutputVolumes(bool atEdge) : egress(atEdge), partial(atEdge) {}
    SubClusterVolumes egress, partial;
  };
  /// The edge-edge ones where `atEdge`.
  OutputVolumes outputVolumes(unsigned level, const Case &c,
                              bool atEdge) const;
  int64_t spatialIngress(unsigned level, TensorClass t, const Case &c) const;
  /// The step's egress, from outputVolumes' egress.
  int64_t spatialEgress(unsigned level, const SpatialInfo &spOut,
                        const SubClusterVolumes &vol) const;
  /// The partial sums of the slowest sub-cluster, from outputVolumes'
  /// partial sums.
  int64_t criticalPathPartialSums(unsigned level, const SpatialInfo &spOut,
                                  const SubClusterVolumes &partial) const;
  /// How the step's MACs are summed over sub-clusters (macsOf): MAESTRO
  /// takes any spatial map for them, the last one's state.
  SpatialInfo anySpatialOf(unsigned level, const Case &c,
                           const SpatialInfo &spOut) const;
  /// The MACs of the step, from the same volumes; `sp` from anySpatialOf.
  int64_t macsOf(unsigned level, const SpatialInfo &sp,
                 const SubClusterVolumes &partial) const;
  int64_t mappedVolume(unsigned level, TensorClass t) const;
  DimTable subClusterDims(unsigned level, const Case &c, bool edgeEdge) const;
  /// Sizes the buffers for a case with these input and filter `traffic`
  /// and `egress` figures.
  void updateBufferSizes(unsigned level, const DimTable &dims,
                         const Counts &traffic, int64_t egress,
                         LevelResult &result) const;

  const Problem &p;
  llvm::MutableArrayRef<Cluster> clusters;
  const CheckedMath &math;
  CostEvaluator::Scratch::Table *cache;
  /// The evaluator the analysis runs for (Scratch::Table::owner).
  uint64_t evaluatorId;
  /// Whether the top level's result has its step statistics. An inner
  /// level's result has none of them but the utilized sub-clusters, which
  /// the level above averages: the report reads no other (the scratch
  /// keeps inner results for every evaluation, so they always have it).
  bool topLevelStatistics;
  /// Each level's chunk sizes: in `chunkStorage`, or the scratch's for the
  /// top level.
  llvm::SmallVector<const ChunkSizes *, 3> chunks;
  llvm::SmallVector<ChunkSizes, 3> chunkStorage;
  llvm::SmallVector<bool, 3> prepared;
  /// Inner levels see few distinct sub-cluster shapes: analyze each once.
  /// A handful per evaluation, so a linear search beats a tree.
  struct MemoEntry {
    unsigned level;
    std::array<int64_t, kNumDims> dims;
    /// Where the analysis is in `results`.
    size_t result;
  };
  llvm::SmallVector<MemoEntry, 4> memo;
  /// The index in `results` of the analysis of `level` on `dims`, analyzing
  /// it if new.
  size_t memoized(unsigned level, const DimTable &dims,
                  llvm::SmallVectorImpl<LevelResult> &results);

  /// The generation of the scratch's tables and class figures for top
  /// level `cluster` (TopLevelKey), starting a new one for a new top level
  /// (`known` false: the tables are the caller's to fill).
  uint64_t topLevelGeneration(const Cluster &cluster, bool &known) const;
  /// How a level's steps find their figures in the scratch: its
  /// generation there (0: not kept), the maps with several states (the
  /// others are at their first in every step) and the dimensions of the
  /// maps from each index on.
  struct StepKeys {
    uint64_t generation = 0;
    const InlineList<uint8_t, kNumDims> *varying = nullptr;
    std::array<uint16_t, kNumDims + 1> dimsFrom{};
  };
  StepKeys stepKeysOf(const Cluster &cluster, const CaseSpace &space,
                      uint64_t generation) const;
  /// A step of `cluster` up to the order of its maps: every map's state
  /// (its index among the map's states), which maps are inside the
  /// changing one, and which one changes.
  static uint64_t classSignature(const Cluster &cluster, const StepKeys &keys,
                                 const Case &c);
  /// Where a step's figures are kept in the scratch (none: not kept).
  struct ClassSlot {
    CostEvaluator::Scratch::Table::ClassEntry *entry = nullptr;
    uint64_t generation = 0, signature = 0;
    /// Whether the entry still holds the step it was taken for.
    bool holds() const {
      return entry && entry->generation == generation &&
             entry->signature == signature;
    }
  };
  /// The figures of step `c` without its traffic, into `figures` (in
  /// place, as for ingressVolumes): from the scratch where `keys` find
  /// them, else computed (and kept in `slot`).
  void classFigures(unsigned level, const Case &c, const StepKeys &keys,
                    ClassSlot &slot, ClassFigures &figures) const;
  /// The last step of a level that computed its input and filter ingress,
  /// and that ingress. Merged classes of steps alike in what it depends on
  /// (sameIngress) come one after another: they vary the changing map's
  /// state fastest, then the maps outside it.
  struct LastIngress {
    const Case *step = nullptr;
    std::array<int64_t, 2> traffic{};
  };
  /// Whether steps `a` and `b` have the same input and filter ingress:
  /// they have the same changing map and every spatial map in the same
  /// state. ingressVolumes multiplies in, for a temporal map outside the
  /// changing one, its full chunk at every position (a map that moves
  /// holds no edge chunk at its first, and past it the full chunk is
  /// taken, as MAESTRO does); for one inside, its first chunk; for the
  /// changing one, what is new to it or, restarted (which the changing
  /// map decides), its full chunk, at any of its positions. Spatial maps
  /// decide the sub-clusters' kinds and counts.
  static bool sameIngress(const Cluster &cluster, const Case &a,
                          const Case &b);
  /// The input's and the filter's ingress at step `c`, whose figures are
  /// `figures`: from them where the scratch kept it, from `last` where the
  /// level's last step that computed it has the same, else computed (and
  /// kept in `slot` and `last`).
  std::array<int64_t, 2> trafficOf(unsigned level, const Case &c,
                                   const ClassFigures &figures,
                                   const ClassSlot &slot,
                                   LastIngress &last) const;
  /// The sum over `c`'s member cases of occurrences x perStep / divisor,
  /// each divided in integers as MAESTRO does per case.
  int64_t sumOfMemberQuotients(const Case &c, llvm::ArrayRef<int64_t> merged,
                               int64_t perStep,
                               int64_t divisor) const;
};

int64_t Analysis::minOutputChunk(const Cluster &cluster, Dim var) const {
  // A window needs the whole filter: where the top level's map on R (S) is
  // larger than the filter, it holds all of it, not `R - offset`.
  if (p.hasWindows && (var == Dim::R || var == Dim::S))
    return cluster.dims[var];
  if (!p.isWindowed(var))
    return 1;
  Dim window = Problem::windowOf(var);
  int w = cluster.find(window);
  return w >= 0 ? windowOfMap(cluster.maps[w].size, cluster.dims[window],
                              /*whole=*/true)
                : cluster.dims[window];
}

void Analysis::fillChunkSizes(const Cluster &cluster, bool isTop,
                              ChunkSizes &s) const {
  for (const Map &m : cluster.maps) {
    unsigned v = idx(m.var);
    int64_t dim = cluster.dims[m.var];
    // max(0, (dim - size) / offset), without a division where it is 0.
    int64_t steady = dim > m.size ? (dim - m.size) / m.ofs : 0;
    // steady * ofs <= dim: compare without adding the (unbounded) size.
    int64_t beforeLast = dim - steady * m.ofs;
    bool hasEdge = m.size < beforeLast || m.size > dim;
    s.mapped[v] = m.size;
    s.unique[v] = std::min(m.size, m.ofs);
    if (!m.spatial && dim <= m.size)
      s.unique[v] = 0; // unrolled in time: nothing new per step
    int64_t edgeSize = beforeLast - m.ofs;
    if (edgeSize < 0)
      edgeSize = dim;
    // MAESTRO: a map larger than its dimension holds dim - offset of it, not
    // all of it. Kept: its figures depend on it (at the top level that is
    // fewer MACs than the layer has; at an inner level an empty chunk makes
    // the sub-cluster's compute free). Where the top level's chunk cannot
    // hold one output (narrower than the window, or empty), MAESTRO's layer
    // has no MACs at all and costs 0 cycles (ResNeXt50_yxp_os.m's FC1000):
    // deviate there, the chunk holds the dimension.
    if (m.size > dim && edgeSize < minOutputChunk(cluster, m.var) &&
        (isTop || p.wholeChunks))
      edgeSize = dim;
    s.mappedEdge[v] = hasEdge ? edgeSize : m.size;
    s.uniqueEdge[v] = std::max<int64_t>(m.ofs - (m.size - edgeSize), 0);
  }
  if (!p.hasWindows)
    return;
  for (const Map &m : cluster.maps) {
    if (!p.isWindowed(m.var))
      continue;
    Dim window = Problem::windowOf(m.var);
    unsigned out = idx(Problem::outputOf(m.var)), in = idx(m.var);
    int w = cluster.find(window);
    int64_t windowChunk =
        w >= 0 ? windowOfMap(cluster.maps[w].size, cluster.dims[window],
                             isTop || p.wholeChunks)
               : s.mapped[idx(window)];
    // A chunk narrower than its window holds no output, not a negative
    // number of them: MAESTRO multiplies in `chunk - window + 1` as it is,
    // so such a sub-cluster subtracts MACs and outputs from its step's, and
    // two of them (rows and columns both at a windowless edge) count MACs
    // no window has.
    s.mapped[out] = std::max<int64_t>(s.mapped[in] - windowChunk + 1, 0);
    s.unique[out] = std::min(m.ofs, m.size);
    s.mappedEdge[out] =
        std::max<int64_t>(s.mappedEdge[in] - s.mappedEdge[idx(window)] + 1, 0);
    s.uniqueEdge[out] = std::min(m.ofs, s.mappedEdge[out]);
  }
}

bool Analysis::productsFit(const Cluster &cluster, const ChunkSizes &s) const {
  CheckedMath bound;
  int64_t product = 1;
  bool negative = false;
  for (const Map &m : cluster.maps) {
    int64_t largest = 1;
    auto take = [&](unsigned v) {
      for (int64_t entry :
           {s.mapped[v], s.mappedEdge[v], s.unique[v], s.uniqueEdge[v]}) {
        negative |= entry < 0;
        largest = std::max(largest, entry);
      }
    };
    take(idx(m.var));
    if (p.isWindowed(m.var))
      take(idx(Problem::outputOf(m.var)));
    product = bound.mul(product, largest);
  }
  return !negative && !bound.overflowed();
}

IterState Analysis::firstStateOf(const Cluster &cluster, const Map &m,
                                 const DimTable &dims) {
  int64_t dim = dims[m.var];
  IterState init;
  if (!m.spatial) {
    init.unrolled = dim <= m.size;
    init.edge = dim < m.size;
  } else {
    int64_t coverage = CheckedMath::spanOf(m.size, m.ofs, cluster.numSub);
    init.unrolled = dim <= coverage;
    init.edge = dim < coverage;
    init.spEdgeEdge = init.edge;
  }
  return init;
}

IterState Analysis::statesOf(const Cluster &cluster, const Map &m,
                             const DimTable &dims, MapStates &states) const {
  states.clear();
  int64_t dim = dims[m.var];
  IterState init = firstStateOf(cluster, m, dims);
  states.push_back(init);
  if (!m.spatial) {
    // 0 where the map holds its dimension (the quotient is at most 0 and
    // no later state follows): no division there.
    int64_t steady = dim > m.size ? (dim - m.size) / m.ofs : 0;
    if (m.size < dim && steady > 0)
      states.push_back({Position::Steady, false, false, false}, steady);
    if (!init.edge && m.size < dim - steady * m.ofs)
      states.push_back({Position::Edge, false, true, false});
  } else {
    int64_t n = cluster.numSub;
    int64_t coverage = CheckedMath::spanOf(m.size, m.ofs, n);
    if (!init.unrolled) {
      // dim > coverage from here on: nothing below exceeds a few dims.
      int64_t round = m.ofs * n;
      int64_t steady = ((dim - m.size) / m.ofs + 1) / n - 1;
      if (steady > 0)
        states.push_back({Position::Steady, false, false, false}, steady);
      if ((steady + 1) * round + coverage > dim &&
          steady * round + coverage != dim) {
        int64_t remaining = dim - (steady + 1) * round;
        int64_t active =
            remaining < m.size ? 1 : (remaining - m.size) / m.ofs + 1;
        bool edgeEdge = (active - 1) * m.ofs + m.size < remaining;
        states.push_back({Position::Edge, false, true, edgeEdge});
      }
    }
  }
  return init;
}

CaseSpace Analysis::caseSpaceOf(const Cluster &cluster, const DimTable &dims,
                                bool merge, const MapStatesByDim *known) const {
  CaseSpace space;
  // The states each map goes through, the case with every map at its
  // first, and the maps that move (the others are at their first in every
  // case, where they weigh 1 in every count below).
  Case allInit;
  MapSet rolled;
  for (auto [i, m] : llvm::enumerate(cluster.maps)) {
    MapStates &states = space.perMap.appendSlot();
    IterState first;
    if (known) {
      states = (*known)[idx(m.var)];
      first = states.front();
    } else {
      first = statesOf(cluster, m, dims, states);
    }
    allInit.setState(i, first);
    rolled.insertIf(!first.unrolled, i);
    if (states.size() > 1)
      space.varying.push_back(static_cast<uint8_t>(i));
  }
  // MAESTRO walks every combination in an order the off-chip bandwidth
  // depends on (it keeps a running maximum, halved after every case): map
  // i's state advances on the cases whose index is a multiple of the number
  // of combinations of the maps inside it, after the case has used it. That
  // visits every combination once, the all-init one first, but is an
  // odometer shifted by one on every outer map.
  for (unsigned v = space.varying.size(); v-- > 0;) {
    unsigned i = space.varying[v];
    space.period[i] = space.numCases;
    space.numCases = math.mul(
        space.numCases, static_cast<int64_t>(space.perMap[i].size()));
  }
  space.merged = merge;
  if (!merge) {
    std::array<unsigned, kNumDims> choice{};
    for (int64_t k = 0; k < space.numCases; ++k) {
      Case &c = space.classes.emplace_back(allInit);
      for (unsigned i : space.varying) {
        const MapStates &states = space.perMap[i];
        const IterState &state = states[choice[i]];
        c.setState(i, state);
        c.occurrences = math.mul(c.occurrences, states.occurrences(choice[i]));
        if (state.pos != Position::Init)
          c.changing = static_cast<int>(i);
        if (k % space.period[i] == 0)
          choice[i] = (choice[i] + 1) % states.size();
      }
      c.restarting = rolled.after(c.changing);
      c.memberBase = c.occurrences;
    }
    return space;
  }

  // Outside the changing map, a map's first position merges with its
  // steady one unless the first holds an edge chunk (an edge Init is
  // never followed by a steady position, so that is the only exception).
  for (unsigned i : space.varying) {
    const MapStates &states = space.perMap[i];
    bool mergeInit = states[1].pos == Position::Steady && !states[0].edge;
    for (unsigned s = 0; s < states.size(); ++s)
      space.outerClassOf[i][s] =
          static_cast<uint8_t>(mergeInit && s > 0 ? s - 1 : s);
    space.numOuterClasses[i] =
        static_cast<uint8_t>(states.size() - (mergeInit ? 1 : 0));
  }
  // The all-init case, then a block of classes per changing map.
  space.classes.push_back(allInit);
  for (auto [jv, j] : llvm::enumerate(space.varying)) {
    space.blockStart[j] = static_cast<int64_t>(space.classes.size());
    int64_t blockSize = static_cast<int64_t>(space.perMap[j].size()) - 1;
    for (unsigned v = 0; v < jv; ++v)
      blockSize *= space.numOuterClasses[space.varying[v]];
    // The classes in the order classOfChoices encodes them: the changing
    // map's state (after its first) the fastest digit, then the outer maps
    // from the innermost out, each over its outer classes.
    unsigned changingStates = space.perMap[j].size() - 1;
    unsigned changingDigit = 0;
    std::array<uint8_t, kNumDims> outerDigit{};
    for (int64_t index = 0; index < blockSize; ++index) {
      space.classes.push_back(allInit);
      Case &c = space.classes.back();
      c.changing = static_cast<int>(j);
      c.restarting = rolled.after(j);
      c.firstMerged = static_cast<uint32_t>(space.mergedSteady.size());
      c.setState(j, space.perMap[j][changingDigit + 1]);
      c.memberBase = space.perMap[j].occurrences(changingDigit + 1);
      for (unsigned v = jv; v-- > 0;) {
        unsigned i = space.varying[v];
        unsigned outerClass = outerDigit[i];
        const auto &states = space.perMap[i];
        bool mergedInit = space.numOuterClasses[i] < states.size();
        if (mergedInit && outerClass == 0) {
          // First and steady positions together; the steady one stands
          // for both (same figures outside the changing map).
          c.setState(i, states[1]);
          space.mergedSteady.push_back(states.occurrences(1));
          ++c.numMerged;
        } else {
          unsigned s = mergedInit ? outerClass + 1 : outerClass;
          c.setState(i, states[s]);
          c.memberBase = math.mul(c.memberBase, states.occurrences(s));
        }
      }
      // The next class: carry from the changing map's digit outward.
      if (++changingDigit == changingStates) {
        changingDigit = 0;
        for (unsigned v = jv; v-- > 0;) {
          unsigned i = space.varying[v];
          if (++outerDigit[i] < space.numOuterClasses[i])
            break;
          outerDigit[i] = 0;
        }
      }
      c.occurrences = c.memberBase;
      for (int64_t steady : space.mergedOf(c))
        c.occurrences = math.mul(c.occurrences, math.add(steady, 1));
    }
  }
  return space;
}

Analysis::SpatialInfo Analysis::spatialOf(unsigned level, TensorClass t,
                                          const Case &c) const {
  SpatialInfo info;
  for (unsigned i : clusters[level].spatialOf[static_cast<unsigned>(t)]) {
    info.mapped = true;
    info.state = c.states[i];
    info.edge |= c.states[i].isEdge();
  }
  return info;
}

template <typename Fn>
int64_t Analysis::sumOverSubClusters(unsigned level, const SpatialInfo &sp,
                                     Fn perSubCluster, int64_t others,
                                     bool edgeEdgeFirst) const {
  const Cluster &cluster = clusters[level];
  if (!sp.edge)
    return math.add(perSubCluster(true, false),
                    math.mul(others, perSubCluster(false, false)));
  bool edgeEdge = sp.state.spEdgeEdge;
  int64_t ret = perSubCluster(true, cluster.numEdgeSub == 1 && edgeEdge);
  if (cluster.numEdgeSub > 1) {
    int64_t ee = edgeEdge ? 1 : 0;
    int64_t full = std::max<int64_t>(cluster.numEdgeSub - ee - 1, 0);
    ret = math.add(ret, math.mul(full, perSubCluster(!edgeEdgeFirst, false)));
    ret = math.add(ret, math.mul(ee, perSubCluster(false, true)));
  }
  return ret;
}

void Analysis::mappedVolumes(unsigned level, TensorClass t, const Case &c,
                             SubClusterVolumes &vol) const {
  const Cluster &cluster = clusters[level];
  const ChunkSizes &s = *chunks[level];
  for (unsigned i : cluster.coupledMaps[static_cast<unsigned>(t)]) {
    const Map &m = cluster.maps[i];
    const IterState &st = c.states[i];
    unsigned v = idx(m.var);
    if (!st.isEdge()) {
      vol.mulAll(s.mapped[v]);
    } else if (!m.spatial) {
      vol.mulAll(s.mappedEdge[v]);
    } else {
      vol.forEachVariant([&](bool first, bool edgeEdge) {
        if (cluster.numEdgeSub == 1 && (first || edgeEdge))
          vol.mul(first, edgeEdge, s.mappedEdge[v]);
        else if (cluster.numEdgeSub > 1)
          vol.mul(first, edgeEdge, edgeEdge ? s.mappedEdge[v] : s.mapped[v]);
      });
    }
  }
}

void Analysis::ingressVolumes(unsigned level, TensorClass t, const Case &c,
                              SubClusterVolumes &vol) const {
  const Cluster &cluster = clusters[level];
  const ChunkSizes &s = *chunks[level];
  int changing = c.changing;
  if (changing == -1) {
    mappedVolumes(level, t, c, vol);
    return;
  }
  // A coupled map inside the changing one that is still at its first,
  // rolled position restarts the tensor: no temporal reuse.
  MapSet coupled = cluster.coupledMaps[static_cast<unsigned>(t)];
  bool restarted = !(coupled & c.restarting).empty();

  bool tensorChanges = false;
  for (unsigned i : coupled) {
    const Map &m = cluster.maps[i];
    const IterState &st = c.states[i];
    unsigned v = idx(m.var);
    bool isChanging = static_cast<int>(i) == changing;
    bool isReset = static_cast<int>(i) > changing;
    tensorChanges |= isChanging;
    if (!m.spatial) {
      if (st.pos == Position::Init)
        vol.mulAll(st.isEdge() ? s.mappedEdge[v] : s.mapped[v]);
      else if (isChanging && !restarted)
        vol.mulAll(std::max<int64_t>(s.unique[v], 1));
      else
        vol.mulAll(s.mapped[v]);
      continue;
    }
    // The first sub-cluster gets its whole chunk; the others what is new
    // to them, where their neighbours' chunks or the previous step overlap.
    bool othersGetUnique = st.pos == Position::Init
                               ? isReset
                               : (!restarted && isChanging);
    vol.forEachVariant([&](bool first, bool edgeEdge) {
      int64_t mapped = edgeEdge ? s.mappedEdge[v] : s.mapped[v];
      int64_t unique = edgeEdge ? s.uniqueEdge[v] : s.unique[v];
      vol.mul(first, edgeEdge, !first && othersGetUnique ? unique : mapped);
    });
  }
  if (!tensorChanges)
    vol.clearValues();
}

int64_t Analysis::spatialIngress(unsigned level, TensorClass t,
                                 const Case &c) const {
  const Cluster &cluster = clusters[level];
  // Nothing new when the map that changes is not the tensor's.
  if (!c.allInit() && !p.coupled(t, cluster.maps[c.changing].var))
    return 0;
  SpatialInfo sp = spatialOf(level, t, c);
  // Only a multicast to sub-clusters at the edge reads edge-edge volumes.
  SubClusterVolumes vol(p.multicast && sp.mapped && sp.edge);
  ingressVolumes(level, t, c, vol);
  if (!p.multicast) {
    // MAESTRO ignores its multicast flag (it is always on). Without
    // multicast every active sub-cluster receives its whole chunk: no
    // spatial reuse, and shared data is sent once per receiver.
    int64_t receivers = sp.edge ? cluster.numEdgeSub : cluster.numSub;
    int spatial = cluster.firstSpatial();
    if (!sp.mapped && c.states[spatial].isEdge())
      receivers = cluster.numEdgeSub;
    return math.mul(receivers, vol.get(true, false, math));
  }
  if (!sp.mapped)
    return vol.get(true, false, math);
  return sumOverSubClusters(
      level, sp,
      [&](bool first, bool edgeEdge) { return vol.get(first, edgeEdge, math); },
      cluster.numSub - 1);
}

Analysis::OutputVolumes Analysis::outputVolumes(unsigned level, const Case &c,
                                                bool atEdge) const {
  const Cluster &cluster = clusters[level];
  const ChunkSizes &s = *chunks[level];
  // The factor of spatial map `st` for one kind of sub-cluster: what it
  // holds (the first), what is new to it (the others), at the spatial edge
  // what the partial one holds.
  auto spatialFactor = [&](const IterState &st, unsigned v, unsigned edgeV,
                           bool firstPE, bool edgeEdgePE,
                           bool initEdgeEdgeUsesUnique) -> int64_t {
    int64_t uniqueOrOne = s.unique[v] != 0 ? s.unique[v] : 1;
    switch (st.pos) {
    case Position::Init:
      if (st.isEdge() && edgeEdgePE) {
        if (cluster.numEdgeSub == 1)
          return s.mappedEdge[v];
        return initEdgeEdgeUsesUnique ? s.uniqueEdge[v] : s.mappedEdge[v];
      }
      return firstPE ? s.mapped[v] : uniqueOrOne;
    case Position::Steady:
      return firstPE ? s.mapped[v] : uniqueOrOne;
    case Position::Edge:
      if (cluster.numEdgeSub == 1 && (firstPE || edgeEdgePE))
        return s.mappedEdge[edgeV];
      if (cluster.numEdgeSub > 1)
        return edgeEdgePE ? s.uniqueEdge[v]
               : firstPE  ? s.mapped[v]
                          : uniqueOrOne;
      return 1;
    }
    return 1;
  };

  OutputVolumes vol(atEdge);
  // The reduction the sub-clusters do: every map not of the output.
  for (unsigned i : cluster.reductionMaps) {
    const Map &m = cluster.maps[i];
    unsigned v = idx(m.var);
    const IterState &st = c.states[i];
    if (!m.spatial) {
      vol.partial.mulAll(st.isEdge() ? s.mappedEdge[v] : s.mapped[v]);
      continue;
    }
    vol.partial.forEachVariant([&](bool first, bool edgeEdge) {
      vol.partial.mul(first, edgeEdge,
                      spatialFactor(st, v, v, first, edgeEdge,
                                    /*initEdgeEdgeUsesUnique=*/false));
    });
  }
  for (Cluster::OutputMap om : cluster.outputMaps) {
    const Map &m = cluster.maps[om.map];
    const IterState &st = c.states[om.map];
    unsigned actual = om.actual;
    if (!m.spatial) {
      int64_t factor = st.isEdge() ? s.mappedEdge[actual] : s.mapped[actual];
      vol.egress.mulAll(factor);
      vol.partial.mulAll(factor);
      continue;
    }
    // MAESTRO: at the spatial edge of a single edge cluster it reads the
    // input-coordinate size (Y, not Y').
    vol.egress.forEachVariant([&](bool first, bool edgeEdge) {
      int64_t egressFactor =
          spatialFactor(st, actual, idx(m.var), first, edgeEdge,
                        /*initEdgeEdgeUsesUnique=*/true);
      vol.egress.mul(first, edgeEdge, egressFactor);
      // Only the non-first edge-edge sub-cluster at init reads otherwise.
      vol.partial.mul(first, edgeEdge,
                      first || !edgeEdge
                          ? egressFactor
                          : spatialFactor(st, actual, idx(m.var), first,
                                          edgeEdge,
                                          /*initEdgeEdgeUsesUnique=*/false));
    });
  }
  return vol;
}

int64_t Analysis::spatialEgress(unsigned level, const SpatialInfo &spOut,
                                const SubClusterVolumes &vol) const {
  if (!spOut.mapped)
    return vol.get(true, false, math);
  return sumOverSubClusters(
      level, spOut,
      [&](bool first, bool edgeEdge) { return vol.get(first, edgeEdge, math); },
      clusters[level].numSub - 1);
}

int64_t
Analysis::criticalPathPartialSums(unsigned level, const SpatialInfo &spOut,
                                  const SubClusterVolumes &partial) const {
  if (!spOut.mapped || !spOut.edge)
    return partial.get(true, false, math);
  return partial.get(
      true, clusters[level].numEdgeSub == 1 && spOut.state.spEdgeEdge, math);
}

Analysis::SpatialInfo Analysis::anySpatialOf(unsigned level, const Case &c,
                                             const SpatialInfo &spOut) const {
  // MAESTRO: for partial sums any spatial map counts, the last one wins.
  SpatialInfo sp = spOut;
  for (unsigned i : clusters[level].spatialMaps) {
    sp.mapped = true;
    sp.state = c.states[i];
    sp.edge |= c.states[i].isEdge();
  }
  return sp;
}

int64_t Analysis::macsOf(unsigned level, const SpatialInfo &sp,
                         const SubClusterVolumes &partial) const {
  const Cluster &cluster = clusters[level];
  if (!sp.mapped)
    return math.mul(cluster.numSub, partial.get(true, false, math));
  // Every sub-cluster holds a full chunk (the first's); at the edge the
  // full ones count as first ones, and the partial one keeps its chunk
  // without the edge's reuse (outputVolumes).
  return sumOverSubClusters(
      level, sp,
      [&](bool first, bool edgeEdge) {
        return partial.get(first || !edgeEdge, edgeEdge, math);
      },
      cluster.numSub - 1, /*edgeEdgeFirst=*/false);
}

int64_t Analysis::mappedVolume(unsigned level, TensorClass t) const {
  return clusters[level].mappedVolume[static_cast<unsigned>(t)];
}

DimTable Analysis::subClusterDims(unsigned level, const Case &c,
                                  bool edgeEdge) const {
  const Cluster &cluster = clusters[level];
  const ChunkSizes &s = *chunks[level];
  DimTable ret;
  for (auto [i, m] : llvm::enumerate(cluster.maps)) {
    const IterState &st = c.states[i];
    unsigned v = idx(m.var);
    int64_t size;
    if (!m.spatial) {
      size = st.isEdge() ? s.mappedEdge[v] : s.mapped[v];
    } else if (st.pos == Position::Steady ||
               (st.pos == Position::Init && !st.isEdge())) {
      size = s.mapped[v];
    } else {
      size =
          (cluster.numEdgeSub == 1 || edgeEdge) ? s.mappedEdge[v] : s.mapped[v];
    }
    ret.set(m.var, size); // one map per dimension
  }
  for (unsigned i : cluster.windowedMaps) {
    Dim var = cluster.maps[i].var;
    ret.set(Problem::outputOf(var), ret[var] - ret[Problem::windowOf(var)] + 1);
  }
  return ret;
}

void Analysis::updateBufferSizes(unsigned level, const DimTable &dims,
                                 const Counts &traffic, int64_t egress,
                                 LevelResult &result) const {
  constexpr int64_t kDoubleBuffer = 2;
  for (TensorClass t : {TensorClass::Input, TensorClass::Filter}) {
    unsigned ti = static_cast<unsigned>(t);
    int64_t size = 1;
    for (Dim var : p.tensors[ti])
      size = math.mul(size, dims.contains(var) ? dims[var] : 1);
    result.upSize[ti] = math.add(
        result.upSize[ti], math.mul(traffic[ti], kDoubleBuffer));
    result.upWrite[ti] = size;
    result.downSize[ti] = math.add(
        result.downSize[ti], math.mul(kDoubleBuffer, mappedVolume(level, t)));
  }
  unsigned out = static_cast<unsigned>(TensorClass::Output);
  int64_t size = 1;
  for (Dim var : p.tensors[out]) {
    if (p.isWindowed(var))
      size = math.mul(size, dims[var] - dims[Problem::windowOf(var)] + 1);
    else
      size = math.mul(size, dims.contains(var) ? dims[var] : 1);
  }
  result.upSize[out] = math.mul(kDoubleBuffer, egress);
  result.upRead[out] = size;
  result.downSize[out] =
      math.mul(kDoubleBuffer, mappedVolume(level, TensorClass::Output));
}

int64_t Analysis::sumOfMemberQuotients(const Case &c,
                                       llvm::ArrayRef<int64_t> merged,
                                       int64_t perStep,
                                       int64_t divisor) const {
  if (merged.empty())
    return math.mul(c.occurrences, perStep) / divisor;
  // floor(o x / d) = o floor(x / d) + floor(o (x mod d) / d): only the
  // remainder needs each member's occurrences.
  int64_t quotient = perStep / divisor, remainder = perStep % divisor;
  int64_t sum = math.mul(c.occurrences, quotient);
  if (remainder == 0)
    return sum;
  // Member m (a bit per merged map) occurs memberBase times the steady
  // counts of its bits: each from the member without its lowest bit, with
  // no branch per bit (which varied mappings mispredict). Every factor is
  // at least 1, so whether a product overflows does not depend on the
  // order it is taken in.
  unsigned numMembers = 1u << merged.size();
  std::array<int64_t, 1u << (kNumDims - 1)> occurrencesOf;
  assert(numMembers <= occurrencesOf.size() &&
         "a class merges at most every map but the changing one");
  occurrencesOf[0] = c.memberBase;
  sum = math.add(sum, math.mul(c.memberBase, remainder) / divisor);
  for (uint32_t members = 1; members < numMembers; ++members) {
    int64_t occurrences =
        math.mul(occurrencesOf[members & (members - 1)],
                 merged[llvm::countr_zero(members)]);
    occurrencesOf[members] = occurrences;
    sum = math.add(sum, math.mul(occurrences, remainder) / divisor);
  }
  return sum;
}

LevelKey::LevelKey(const Cluster &cluster, const DimTable &dims,
                   bool wholeChunks)
    : levelDims(cluster.dims.size), stepDims(dims.size),
      numSub(cluster.numSub), numEdgeSub(cluster.numEdgeSub) {
  // Every chunk-table entry of a map is at most its size, offset or level
  // dimension (fillChunkSizes), and none is negative.
  CheckedMath bound;
  int64_t largestProduct = 1;
  for (const Map &m : cluster.maps)
    largestProduct = bound.mul(
        largestProduct,
        std::max({m.size, m.ofs, cluster.dims[m.var], int64_t(1)}));
  bool orderFree = !bound.overflowed();
  unsigned position = 0;
  auto put = [&](const Map &m) {
    mapSize[position] = m.size;
    mapOffset[position++] = m.ofs;
    kinds = kinds << 5 | idx(m.var) << 1 | (m.spatial ? 1 : 0);
  };
  uint32_t still = 0;
  for (const Map &m : cluster.maps) {
    if (orderFree && !m.spatial && dims[m.var] <= m.size)
      still |= 1u << idx(m.var);
    else
      put(m);
  }
  for (; still; still &= still - 1)
    put(cluster.maps[cluster.find(static_cast<Dim>(llvm::countr_zero(still)))]);
  kinds = kinds << 4 | cluster.maps.size();
  for (unsigned d = 0; d < kNumDims; ++d)
    flags |= uint64_t(cluster.dims.has[d]) << d |
             uint64_t(dims.has[d]) << (kNumDims + d);
  flags = flags << 1 | (wholeChunks ? 1 : 0);
}

size_t Analysis::memoized(unsigned level, const DimTable &dims,
                          llvm::SmallVectorImpl<LevelResult> &results) {
  // Entry by entry, not memcmp: `dims` was just stored entry by entry,
  // and the wide loads of memcmp stall on such stores.
  auto sameDims = [&](const std::array<int64_t, kNumDims> &known) {
    for (unsigned d = 0; d < kNumDims; ++d)
      if (known[d] != dims.size[d])
        return false;
    return true;
  };
  for (const MemoEntry &entry : memo)
    if (entry.level == level && sameDims(entry.dims))
      return entry.result;
  // An innermost level's analysis depends on nothing else (LevelKey): one
  // an earlier evaluation made is taken as it is.
  if (cache && level + 1 == clusters.size()) {
    LevelKey key(clusters[level], dims, p.wholeChunks);
    unsigned index = key.hash() % CostEvaluator::Scratch::Table::kSlots;
    std::optional<CostEvaluator::Scratch::Table::Entry> &slot =
        cache->slots[index];
    if (cache->owner[index] == evaluatorId && slot->key == key) {
      if (slot->overflowed)
        math.noteOverflow();
      results.push_back(slot->result);
    } else {
      // After an overflow, a new one cannot be told from the old.
      bool clean = !math.overflowed();
      analyzeLevel(level, dims, results);
      if (clean) {
        slot.emplace(CostEvaluator::Scratch::Table::Entry{
            key, results.back(), math.overflowed()});
        cache->owner[index] = evaluatorId;
      }
    }
  } else {
    analyzeLevel(level, dims, results);
  }
  memo.push_back({level, dims.size, results.size() - 1});
  return results.size() - 1;
}

uint64_t Analysis::topLevelGeneration(const Cluster &cluster,
                                      bool &known) const {
  TopLevelKey key;
  for (const Map &m : cluster.maps) {
    unsigned v = idx(m.var);
    key.size[v] = m.size;
    key.offset[v] = m.ofs;
    key.present |= uint16_t(1) << v;
    key.spatial |= uint16_t(m.spatial ? 1 : 0) << v;
  }
  key.evaluatorId = evaluatorId;
  key.numSub = cluster.numSub;
  key.numEdgeSub = cluster.numEdgeSub;
  key.wholeChunks = p.wholeChunks ? 1 : 0;
  known = cache->top == key;
  if (!known) {
    cache->top = key;
    ++cache->topGeneration;
  }
  return cache->topGeneration;
}

Analysis::StepKeys Analysis::stepKeysOf(const Cluster &cluster,
                                       const CaseSpace &space,
                                       uint64_t generation) const {
  StepKeys keys;
  keys.generation = generation;
  keys.varying = &space.varying;
  for (unsigned i = cluster.maps.size(); i-- > 0;)
    keys.dimsFrom[i] = keys.dimsFrom[i + 1] |
                       uint16_t(1) << idx(cluster.maps[i].var);
  return keys;
}

uint64_t Analysis::classSignature(const Cluster &cluster, const StepKeys &keys,
                                  const Case &c) {
  static_assert(kNumDims < 16 && 3 * kNumDims + 4 <= 64,
                "a signature packs two bits of state and one of inside per "
                "dimension, and the changing dimension in four");
  uint64_t states = 0;
  for (unsigned i : *keys.varying)
    states |= uint64_t(c.states[i].index) << (2 * idx(cluster.maps[i].var));
  uint64_t inside = keys.dimsFrom[c.changing + 1];
  uint64_t changing =
      c.changing < 0 ? kNumDims : idx(cluster.maps[c.changing].var);
  return states | inside << (2 * kNumDims) | changing << (3 * kNumDims);
}

void Analysis::classFigures(unsigned level, const Case &c,
                            const StepKeys &keys, ClassSlot &slot,
                            ClassFigures &figures) const {
  slot = ClassSlot();
  uint64_t generation = keys.generation;
  if (generation) {
    uint64_t signature = classSignature(clusters[level], keys, c);
    // Fibonacci hashing: the top bits of the product.
    auto &entry =
        cache->classes[(signature * 0x9e3779b97f4a7c15ull) >>
                       (64 - CostEvaluator::Scratch::Table::kClassSlotBits)];
    slot = {&entry, generation, signature};
    if (slot.holds()) {
      if (entry.figures.overflowed)
        math.noteOverflow();
      figures = entry.figures;
      return;
    }
  }
  // After an overflow, a new one cannot be told from the old.
  bool clean = !math.overflowed();
  figures = ClassFigures();
  SpatialInfo spOut = spatialOf(level, TensorClass::Output, c);
  // Every spatial map of the output is among anySpatialOf's, so its edge
  // is where any edge-edge volume is read.
  SpatialInfo spAny = anySpatialOf(level, c, spOut);
  OutputVolumes volumes = outputVolumes(level, c, spAny.edge);
  figures.egress = spatialEgress(level, spOut, volumes.egress);
  figures.macs = macsOf(level, spAny, volumes.partial);
  figures.partialSums = criticalPathPartialSums(level, spOut, volumes.partial);
  figures.overflowed = math.overflowed();
  if (slot.entry && clean)
    *slot.entry = {generation, slot.signature, figures};
  else
    slot = ClassSlot();
}

bool Analysis::sameIngress(const Cluster &cluster, const Case &a,
                           const Case &b) {
  if (a.changing != b.changing)
    return false;
  for (unsigned i : cluster.spatialMaps)
    if (a.states[i].index != b.states[i].index)
      return false;
  return true;
}

std::array<int64_t, 2> Analysis::trafficOf(unsigned level, const Case &c,
                                           const ClassFigures &figures,
                                           const ClassSlot &slot,
                                           LastIngress &last) const {
  if (figures.hasTraffic) {
    if (figures.trafficOverflowed)
      math.noteOverflow();
    return figures.traffic;
  }
  bool clean = !math.overflowed();
  if (!last.step || !sameIngress(clusters[level], c, *last.step)) {
    last.step = &c;
    last.traffic = {spatialIngress(level, TensorClass::Input, c),
                    spatialIngress(level, TensorClass::Filter, c)};
  }
  std::array<int64_t, 2> traffic = last.traffic;
  if (clean && slot.holds()) {
    slot.entry->figures.traffic = traffic;
    slot.entry->figures.hasTraffic = true;
    slot.entry->figures.trafficOverflowed = math.overflowed();
  }
  return traffic;
}

void Analysis::analyzeLevel(unsigned level, const DimTable &dims,
                            llvm::SmallVectorImpl<LevelResult> &results) {
  // An inner level whose maps all hold their dimension of the step runs one
  // step: so does every inner level of the mapper's candidates. The top
  // level keeps the general path (its statistics and off-chip figures).
  if (level != 0 && level + 1 == clusters.size() &&
      analyzeUnrolledLevel(level, dims, results))
    return;
  // With a scratch, the top level's chunk sizes and map states come from
  // the evaluation before where it had the same maps in another order.
  uint64_t generation = 0;
  bool knownTop = false;
  if (level == 0 && cache)
    generation = topLevelGeneration(clusters[level], knownTop);
  prepareLevel(level, knownTop ? &cache->topChunks : nullptr);
  const Cluster &cluster = clusters[level];
  unsigned numLevels = clusters.size();
  LevelResult result;
  result.ingress.min = result.egress.min = result.compute.min =
      std::numeric_limits<int64_t>::max();
  int64_t totalOccurrences = 0;
  int64_t numActive = cluster.numSub;
  unsigned out = static_cast<unsigned>(TensorClass::Output);

  // MAESTRO sizes the buffers on its first case, but its case counter only
  // advances past cases that compute: each case without partial sums before
  // the first one that has some sizes them again, and the input and filter
  // sizes add up. Classes keep the first case alone, so they hold whenever
  // it computes; otherwise walk every case.
  const MapStatesByDim *knownStates = knownTop ? &cache->topStates : nullptr;
  CaseSpace space = caseSpaceOf(cluster, dims, /*merge=*/true, knownStates);
  if (generation && !knownTop) {
    for (auto [i, m] : llvm::enumerate(cluster.maps))
      cache->topStates[idx(m.var)] = space.perMap[i];
    knownStates = &cache->topStates;
  }
  // Where the steps of the orders of one set of top-level maps share their
  // figures (TopLevelKey): products that cannot overflow, one spatial map.
  StepKeys keys;
  if (generation && chunks[level]->productsFit &&
      cluster.spatialMaps.size() == 1)
    keys = stepKeysOf(cluster, space, generation);
  // The all-init case, first in both orders.
  ClassSlot firstSlot;
  ClassFigures first;
  classFigures(level, space.classes.front(), keys, firstSlot, first);
  if (first.partialSums <= 0)
    space = caseSpaceOf(cluster, dims, /*merge=*/false, knownStates);
  // A step's figures before its traffic (classFigures) depend on its maps'
  // states only through which of them hold an edge chunk (Case::edgeMask):
  // a map's first position and its steady one give the same factors (a map
  // that moves never holds an edge chunk at its first). The steps alike in
  // it share them (those of the steps alike the first in `first`, of the
  // others in `shared`). Where the scratch keeps step figures, classFigures
  // finds them there instead.
  bool shareFigures = keys.generation == 0;
  MapSet firstEdgeMask = space.classes.front().edgeMask;
  struct SharedFigures {
    MapSet edgeMask;
    ClassFigures figures;
  };
  llvm::SmallVector<SharedFigures, 8> shared;
  // Step statistics are the top level's alone; the utilized sub-clusters
  // every level's but a ranking evaluation's top level.
  bool statistics = level == 0 && topLevelStatistics;
  bool utilization = level != 0 || topLevelStatistics;
  // What the order-dependent statistics need of each class that computes.
  // Its off-chip demand and arithmetic intensity are divisions that only
  // the last classes' count, so they are made there (walkBackwards).
  struct ClassOutcome {
    bool computes = false;
    int64_t safeCompute = 1;
    int64_t macs = 0, ingress = 0;
  };
  llvm::SmallVector<ClassOutcome, 16> outcomes(
      statistics ? space.classes.size() : 0);
  /// What a step takes from the level below, by its edge mask (its
  /// sub-clusters' dimensions follow from which maps hold an edge chunk,
  /// subClusterDims): the slowest sub-cluster's runtime, and the units
  /// active in its sub-clusters.
  struct SubLevelFigures {
    MapSet edgeMask;
    int64_t computeDelay = 0;
    double activeUnits = 0;
  };
  llvm::SmallVector<SubLevelFigures, 4> subLevels;
  bool sized = false;
  /// The top level's input and filter buffers, and the step time the
  /// off-chip bandwidth gives them and the output buffer (halved: double
  /// buffered), once sized.
  struct OffchipFigures {
    int64_t inputs, inputStep, outputStep;
  };
  std::optional<OffchipFigures> offchip;
  // A step's figures where neither `shared` nor `first` holds them.
  ClassFigures unshared;
  LastIngress lastIngress;
  for (auto [classIndex, c] : llvm::enumerate(space.classes)) {
    int64_t occ = c.occurrences;
    ClassSlot slot = firstSlot;
    const ClassFigures *figures = &first;
    MapSet edgeMask = c.edgeMask;
    if (classIndex != 0 && shareFigures && edgeMask != firstEdgeMask) {
      auto known = llvm::find_if(shared, [&](const SharedFigures &entry) {
        return entry.edgeMask == edgeMask;
      });
      if (known == shared.end()) {
        known = &shared.emplace_back();
        known->edgeMask = edgeMask;
        classFigures(level, c, keys, slot, known->figures);
      }
      figures = &known->figures;
    } else if (classIndex != 0 && !shareFigures) {
      classFigures(level, c, keys, slot, unshared);
      figures = &unshared;
    }
    int64_t egress = figures->egress, macs = figures->macs;
    // The input and filter traffic: for sizing the buffers (on the classes
    // up to the first that computes) and for a class that computes.
    Counts traffic{};
    if (!sized || figures->partialSums > 0) {
      std::array<int64_t, 2> ingress =
          trafficOf(level, c, *figures, slot, lastIngress);
      traffic[static_cast<unsigned>(TensorClass::Input)] = ingress[0];
      traffic[static_cast<unsigned>(TensorClass::Filter)] = ingress[1];
    }
    if (!sized)
      updateBufferSizes(level, dims, traffic, egress, result);
    // Adds occurrences x per-step count to a running total.
    auto accumulate = [&](int64_t &total, int64_t perStep) {
      total = math.add(total, math.mul(occ, perStep));
    };
    // No output count is negative: a chunk narrower than its window holds
    // no outputs (fillChunkSizes). Every MAC writes an output to L1 (its
    // reads of the output, input and filter are counted after the walk).
    accumulate(result.upWrite[out], egress);
    int64_t classMacs = math.mul(occ, macs);
    result.downWrite[out] = math.add(result.downWrite[out], classMacs);
    int64_t partialSums = figures->partialSums;
    if (partialSums <= 0)
      continue;
    sized = true;

    int64_t ingress = 0;
    for (TensorClass t : {TensorClass::Input, TensorClass::Filter}) {
      unsigned ti = static_cast<unsigned>(t);
      ingress = math.add(ingress, traffic[ti]);
      accumulate(result.upRead[ti], traffic[ti]);
      // MAESTRO: L1 writes track the L2 reads of the same tensor.
      result.downWrite[ti] = result.upRead[ti];
    }

    // The computation: the slowest sub-cluster, or the PE's partial sums;
    // the units active in the sub-clusters (0: the sub-clusters
    // themselves, at the innermost level).
    int64_t computeDelay = 0;
    double activeUnits = 0;
    const IterState &spState = c.states[cluster.firstSpatial()];
    numActive = spState.isEdge() ? cluster.numEdgeSub : cluster.numSub;
    if (level + 1 < numLevels) {
      auto known = llvm::find_if(subLevels, [&](const SubLevelFigures &e) {
        return e.edgeMask == edgeMask;
      });
      if (known == subLevels.end()) {
        SubLevelFigures below{edgeMask};
        const Case &step = c; // a structured binding: not capturable (C++17)
        // The edge-edge sub-cluster, then the rest.
        auto runSub = [&](bool edgeEdge, int64_t spatialOccurrences) {
          size_t entry = memoized(
              level + 1, subClusterDims(level, step, edgeEdge), results);
          below.computeDelay =
              std::max(below.computeDelay, results[entry].runtime);
          below.activeUnits += results[entry].avgActive * spatialOccurrences;
        };
        if (spState.isEdge() && spState.spEdgeEdge) {
          runSub(true, 1);
          if (cluster.numEdgeSub - 1 > 0)
            runSub(false, cluster.numEdgeSub - 1);
        } else {
          runSub(false, numActive);
        }
        known = subLevels.insert(subLevels.end(), below);
      }
      computeDelay = known->computeDelay;
      activeUnits = known->activeUnits;
    } else {
      computeDelay = CheckedMath::ceilDiv(partialSums, p.simdLanes);
    }

    int64_t ingressDelay = nocDelay(ingress);
    int64_t egressDelay = nocDelay(egress);
    int64_t step = c.allInit()
                       ? math.add(computeDelay, ingressDelay)
                       : std::max({egressDelay, computeDelay, ingressDelay});
    if (level == 0) {
      // The buffers are sized by the first class that computes, so these
      // are the same for it and every later one.
      if (!offchip) {
        int64_t inputs =
            math.add(result.upSize[static_cast<unsigned>(TensorClass::Input)],
                     result.upSize[static_cast<unsigned>(TensorClass::Filter)]);
        offchip = {inputs, inputs / p.offchipBandwidth / 2,
                   result.upSize[out] / p.offchipBandwidth / 2};
      }
      step = std::max({offchip->inputStep, step, offchip->outputStep});
    }
    accumulate(result.runtime, step);
    result.computations = math.add(result.computations, classMacs);
    totalOccurrences = math.add(totalOccurrences, occ);

    if (utilization) {
      if (activeUnits == 0)
        activeUnits = static_cast<double>(numActive);
      result.avgActive += activeUnits * occ;
    }

    // The step statistics. Their products are bounded by those above
    // (occurrences x a delay by occurrences x the step; the all-init class
    // occurs once) but for the NoC's average bandwidth, occurrences x the
    // whole traffic: where that overflows, a level without them takes the
    // sum too, so that an evaluation fails exactly where a full one does.
    int64_t nocTraffic = std::max(ingress, egress);
    // MAESTRO divides by the compute delay before guarding it against zero
    // (and dies there on row-stationary mappings); guard first.
    int64_t safeCompute = std::max<int64_t>(computeDelay, 1);
    if (!statistics) {
      int64_t product;
      if (llvm::MulOverflow(occ, nocTraffic, product))
        (void)sumOfMemberQuotients(c, space.mergedOf(c), nocTraffic,
                                   safeCompute);
      continue;
    }
    outcomes[classIndex] = {true, safeCompute, macs, ingress};

    result.peakBw = std::max(result.peakBw, nocTraffic / safeCompute);
    // MAESTRO divides each case's whole traffic in integers.
    result.avgBw += static_cast<double>(
        sumOfMemberQuotients(c, space.mergedOf(c), nocTraffic, safeCompute));
    result.ingress.avg += static_cast<double>(math.mul(occ, ingressDelay));
    result.egress.avg += static_cast<double>(math.mul(occ, egressDelay));
    result.compute.avg += static_cast<double>(math.mul(occ, safeCompute));
    result.ingress.min = std::min(result.ingress.min, ingressDelay);
    result.egress.min = std::min(result.egress.min, egressDelay);
    result.compute.min = std::min(result.compute.min, safeCompute);
    result.ingress.max = std::max(result.ingress.max, ingressDelay);
    result.egress.max = std::max(result.egress.max, egressDelay);
    result.compute.max = std::max(result.compute.max, safeCompute);
  }
  // MAESTRO: every MAC reads its output from L1, those of classes that
  // compute their input and filter too.
  result.downRead[out] = result.downWrite[out];
  for (TensorClass t : {TensorClass::Input, TensorClass::Filter})
    result.downRead[static_cast<unsigned>(t)] = result.computations;
  if (utilization && totalOccurrences > 0)
    result.avgActive /= static_cast<double>(totalOccurrences);
  if (!statistics) {
    results.push_back(result);
    return;
  }
  // The figures MAESTRO takes from the last cases, walking back from the
  // end of its order: the arithmetic intensity of the last case that
  // computes, and the off-chip running maximum, which each computing case
  // halves after taking its demand (so case k's demand counts divided by
  // 2^(computing cases from k on); beyond the largest demand's bit length
  // nothing earlier counts).
  // A class's demand is max(0, a / c, b / c) = max(0, max(a, b) / c) for
  // its compute delay c > 0, where a and b are the output buffer and the
  // input and filter buffers: sized by the first class that computes, so
  // the same for every class that does. The largest demand is the one with
  // the shortest delay.
  int64_t buffers =
      offchip ? std::max(result.upSize[out], offchip->inputs) : 0;
  auto demandOf = [&](int64_t safeCompute) {
    return std::max<int64_t>(0, buffers / safeCompute);
  };
  int64_t largestDemand = offchip ? demandOf(result.compute.min) : 0;
  unsigned halvings = 0;
  space.walkBackwards([&](int64_t classIndex) {
    const ClassOutcome &outcome = outcomes[classIndex];
    if (!outcome.computes)
      return true;
    if (++halvings == 1)
      result.arithmeticIntensity = static_cast<double>(outcome.macs) /
                                   static_cast<double>(outcome.ingress);
    // Cases further back are halved more often: none can exceed what the
    // largest demand still gives.
    if (halvings >= 63 || (largestDemand >> halvings) <= result.offchipBw)
      return false;
    result.offchipBw =
        std::max(result.offchipBw, demandOf(outcome.safeCompute) >> halvings);
    return true;
  });
  if (totalOccurrences > 0) {
    double n = static_cast<double>(totalOccurrences);
    result.avgBw /= n;
    result.ingress.avg /= n;
    result.egress.avg /= n;
    result.compute.avg /= n;
  }
  results.push_back(result);
}

// Not inlined: inside analyzeLevel its predecessor moved the general path's
// code, and a one-level evaluation, which never comes here, ran up to 9 %
// slower.
LLVM_ATTRIBUTE_NOINLINE bool
Analysis::analyzeUnrolledLevel(unsigned level, const DimTable &dims,
                               llvm::SmallVectorImpl<LevelResult> &results) {
  const Cluster &cluster = clusters[level];
  // Each map's first (and only) state, and a bound on every figure the
  // general path computes for the step, so that where it applies none
  // overflows, and leaving out those no one reads fails no evaluation that
  // the general path fails. A volume is a product of one chunk-table entry
  // per map, each at most the map's size, offset or level dimension plus
  // one (fillChunkSizes; an output entry at most its input entry plus one);
  // a figure sums a volume over at most numSub + 1 sub-clusters, and
  // doubles it (buffers) or adds two (the NoC's ingress) before the NoC's
  // latency. The buffers' sizes are products over the step's dimensions.
  // Bounded by bit lengths, which add up without a chain of checked
  // products: factors below 2^a and 2^b multiply to below 2^(a + b).
  auto bits = [](int64_t x) {
    return llvm::bit_width(static_cast<uint64_t>(x < 0 ? -x : x) + 1);
  };
  std::array<IterState, kNumDims> states;
  unsigned volumeBits = bits(cluster.numSub + 2) + 3;
  for (auto [i, m] : llvm::enumerate(cluster.maps)) {
    states[i] = firstStateOf(cluster, m, dims);
    if (!states[i].unrolled)
      return false;
    volumeBits += bits(std::max({m.size, m.ofs, cluster.dims[m.var]}));
  }
  unsigned sizeBits = 0;
  for (unsigned d = 0; d < kNumDims; ++d)
    sizeBits += dims.has[d] ? bits(dims.size[d]) : 0;
  // Below 2^62 each, the volumes' figures plus the latency fit in 63 bits.
  if (volumeBits > 62 || bits(p.nocZeroLoadDelay) > 62 || sizeBits > 63)
    return false;

  const ChunkSizes &s = chunksOf(level);
  LevelResult &result = results.emplace_back();
  // Only the innermost level's buffers are read (the report's L1 sizes).
  for (unsigned t = 0; t < kNumTensorClasses; ++t) {
    int64_t volume = 1;
    for (Dim var : p.tensors[t])
      if (cluster.find(var) >= 0)
        volume *= s.mapped[idx(var)];
    result.downSize[t] = 2 * volume;
  }
  // The slowest sub-cluster's partial sums (criticalPathPartialSums): the
  // first sub-cluster's, or the partial one's where the output's last
  // spatial map (in its dimension order) is partial in the one sub-cluster
  // at the edge. A map holding an edge chunk gives its edge chunk, but a
  // spatial one only to that partial sub-cluster (outputVolumes at init).
  unsigned out = static_cast<unsigned>(TensorClass::Output);
  bool outputAtEdge = false, outputEdgeEdge = false;
  for (Dim var : p.tensors[out]) {
    int i = cluster.find(var);
    if (i >= 0 && cluster.maps[i].spatial) {
      outputAtEdge |= states[i].edge;
      outputEdgeEdge = states[i].spEdgeEdge;
    }
  }
  bool partialSub =
      outputAtEdge && outputEdgeEdge && cluster.numEdgeSub == 1;
  int64_t partialSums = 1;
  for (auto [i, m] : llvm::enumerate(cluster.maps)) {
    unsigned v = idx(m.var);
    if (p.coupled(TensorClass::Output, m.var) && p.isWindowed(m.var))
      v = idx(Problem::outputOf(m.var));
    bool edge = states[i].edge && (!m.spatial || partialSub);
    partialSums *= edge ? s.mappedEdge[v] : s.mapped[v];
  }
  if (partialSums <= 0)
    return true;

  // What is sent to the sub-clusters (spatialIngress of the all-init
  // step): each one's whole chunk, where a spatial map at the edge gives
  // its edge chunk to the partial sub-cluster (and, if it is the only one
  // at the edge, to the first; the others there get none of it).
  auto ingressOf = [&](TensorClass t) {
    bool mapped = false, atEdge = false, edgeEdge = false;
    int64_t first = 1, other = 1, partial = 1;
    for (Dim var : p.tensors[static_cast<unsigned>(t)]) {
      int i = cluster.find(var);
      if (i < 0)
        continue;
      const IterState &st = states[i];
      int64_t full = s.mapped[idx(var)], edge = s.mappedEdge[idx(var)];
      if (!cluster.maps[i].spatial || !st.edge) {
        int64_t factor = st.edge ? edge : full;
        first *= factor;
        other *= factor;
        partial *= factor;
      } else {
        first *= cluster.numEdgeSub == 1 ? edge : full;
        other *= full;
        partial *= edge;
      }
      if (cluster.maps[i].spatial) {
        mapped = true;
        atEdge |= st.edge;
        edgeEdge = st.spEdgeEdge;
      }
    }
    if (!p.multicast) {
      int64_t receivers = atEdge ? cluster.numEdgeSub : cluster.numSub;
      if (!mapped && states[cluster.firstSpatial()].edge)
        receivers = cluster.numEdgeSub;
      return receivers * first;
    }
    if (!mapped)
      return first;
    if (!atEdge)
      return first + (cluster.numSub - 1) * other;
    if (cluster.numEdgeSub == 1)
      return first;
    int64_t partialSubs = edgeEdge ? 1 : 0;
    return first + (cluster.numEdgeSub - partialSubs - 1) * other +
           partialSubs * partial;
  };
  int64_t ingress =
      ingressOf(TensorClass::Input) + ingressOf(TensorClass::Filter);
  result.runtime =
      CheckedMath::ceilDiv(partialSums, p.simdLanes) + nocDelay(ingress);
  result.avgActive = static_cast<double>(
      states[cluster.firstSpatial()].edge ? cluster.numEdgeSub
                                          : cluster.numSub);
  return true;
}

/// MAESTRO's tensor couplings for each kind (its CONV, DSCONV, NGCONV,
/// GEMM); `batch` adds N to input and output. MAESTRO's GEMM has neither
/// batch nor groups; ours couples a batch of matrix products (G, from
/// linalg.batch_matmul) to all three operands, and N (and X, a second row
/// dimension) to input and output.
Problem makeProblem(CostLayerKind kind, const LayerShape &shape,
                    const HardwareConfig &hw, const CheckedMath &math) {
  Problem p;
  p.kind = kind;
  p.hasWindows = kind != CostLayerKind::Gemm;
  if (p.hasWindows)
    p.windowedMask = uint16_t(1) << idx(Dim::Y) | uint16_t(1) << idx(Dim::X);
  auto &in = p.tensors[static_cast<unsigned>(TensorClass::Input)];
  auto &w = p.tensors[static_cast<unsigned>(TensorClass::Filter)];
  auto &out = p.tensors[static_cast<unsigned>(TensorClass::Output)];
  bool batch = shape.size(Dim::N) > 1;
  switch (kind) {
  case CostLayerKind::Conv:
    in = {Dim::C, Dim::Y, Dim::X};
    w = {Dim::K, Dim::C, Dim::R, Dim::S};
    out = {Dim::K, Dim::Y, Dim::X};
    break;
  case CostLayerKind::Depthwise:
    in = {Dim::G, Dim::Y, Dim::X};
    w = {Dim::G, Dim::R, Dim::S};
    out = {Dim::G, Dim::Y, Dim::X};
    // MAESTRO's DSCONV has one output channel per input channel; a channel
    // multiplier (K > 1) gives each group K filters and K outputs.
    if (shape.size(Dim::K) > 1) {
      w.insert(1, Dim::K);
      out.insert(1, Dim::K);
    }
    break;
  case CostLayerKind::Grouped:
    in = {Dim::G, Dim::C, Dim::Y, Dim::X};
    w = {Dim::G, Dim::K, Dim::C, Dim::R, Dim::S};
    out = {Dim::G, Dim::K, Dim::C, Dim::Y, Dim::X};
    break;
  case CostLayerKind::Gemm:
    in = {Dim::Y, Dim::C};
    w = {Dim::C, Dim::K};
    out = {Dim::Y, Dim::K};
    // X > 1 is a second row dimension of A and C (M = Y * X).
    if (shape.size(Dim::X) > 1) {
      in.insert(1, Dim::X);
      out.insert(1, Dim::X);
    }
    if (shape.size(Dim::G) > 1) {
      in.push_front(Dim::G);
      w.push_front(Dim::G);
      out.push_front(Dim::G);
    }
    break;
  }
  if (batch) {
    in.push_front(Dim::N);
    out.push_front(Dim::N);
  }
  for (unsigned t = 0; t < kNumTensorClasses; ++t)
    for (Dim d : p.tensors[t])
      p.couplingMask[t] |= uint16_t(1) << idx(d);
  // MAESTRO's name order: C G K N R S X Y for convolutions; for GEMMs its
  // K, M, N are our C, Y, K.
  static constexpr Dim kConvOrder[] = {Dim::C, Dim::G, Dim::K, Dim::N,
                                       Dim::R, Dim::S, Dim::X, Dim::Y};
  static constexpr Dim kGemmOrder[] = {Dim::C, Dim::Y, Dim::K,
                                       Dim::X, Dim::G, Dim::N};
  uint16_t inputOrFilter =
      p.couplingMask[static_cast<unsigned>(TensorClass::Input)] |
      p.couplingMask[static_cast<unsigned>(TensorClass::Filter)];
  for (Dim d : p.hasWindows ? llvm::ArrayRef<Dim>(kConvOrder)
                            : llvm::ArrayRef<Dim>(kGemmOrder))
    if ((inputOrFilter >> idx(d)) & 1)
      p.inputVars.push_back(d);
  p.stride = shape.stride;
  p.simdLanes = hw.simdLanes;
  p.nocBandwidth = hw.nocBandwidth;
  // MAESTRO charges one hop of one cycle per transfer whatever its options
  // say (hence our defaults); ours follow the hardware.
  p.nocZeroLoadDelay = math.mul(hw.nocHops, hw.hopLatency);
  p.multicast = hw.multicast;
  p.offchipBandwidth = hw.offchipBandwidth;
  return p;
}

} // namespace

/// What every evaluation on one layer and hardware shares: the checked
/// inputs, the tensors' couplings and the layer's dimension table.
struct CostEvaluator::Prepared {
  LayerShape shape;
  HardwareConfig hw;
  Problem problem;
  DimTable top;
  /// The layer's LayerShape::extents.
  std::array<int64_t, kNumDims> extents;
  /// Whether preparing overflowed (the NoC's zero-load delay): every
  /// evaluation then fails, as a figure built on it would.
  bool overflowed = false;
  /// Distinct for every evaluator made (Scratch::Table::owner), also after
  /// one is freed and another takes its place; 0 for the preparation of a
  /// single evaluateCost, which no scratch sees.
  uint64_t id = 0;

  Prepared(CostLayerKind kind, const LayerShape &shape,
           const HardwareConfig &hw)
      : shape(shape), hw(hw), extents(shape.extents()) {
    CheckedMath math;
    problem = makeProblem(kind, shape, hw, math);
    overflowed = math.overflowed();
    // Dimensions of the whole layer. MAESTRO's sizes have no padding: count
    // padded rows and columns as input, which keeps the output size.
    for (Dim d : kSizedDims)
      top.add(d, shape.size(d));
    top.size[idx(Dim::Y)] += shape.padding[0] + shape.padding[1];
    top.size[idx(Dim::X)] += shape.padding[2] + shape.padding[3];
    top.add(Dim::OY, shape.outputRows());
    top.add(Dim::OX, shape.outputCols());
  }

  /// A new evaluator's id.
  static uint64_t nextId() {
    static std::atomic<uint64_t> last{0};
    return last.fetch_add(1) + 1;
  }
};

/// Where a figure needed more than 64 bits.
static llvm::Error overflowError() {
  return fail("a figure of this layer's analysis exceeds 64-bit counts "
              "(2^63 - 1): a map far larger than its dimension sizes the "
              "buffers by the map, or the hardware's latencies are too "
              "large");
}

/// Where every evaluation starts: a layer and hardware the analysis can
/// take.
static llvm::Error validateLayer(const LayerShape &shape,
                                 const HardwareConfig &hw) {
  if (llvm::Error err = shape.validate())
    return err;
  return hw.validate();
}

/// The directive bound map `bm` came from, for messages: as written where
/// the `directives` are at hand, else with its bound size and offset.
static std::string describeMap(const BoundMap &bm,
                               llvm::ArrayRef<Directive> directives) {
  if (!directives.empty())
    return describe(directives[bm.directiveIndex]);
  SizeExpr size = SizeExpr::constant(bm.requestedSize);
  SizeExpr offset = SizeExpr::constant(bm.offset);
  return describe(bm.kind == DirectiveKind::SpatialMap
                      ? Directive::spatialMap(size, offset, bm.dim)
                      : Directive::temporalMap(size, offset, bm.dim));
}

/// The analysis of `bound` (from `directives`, which may be empty) with
/// MAESTRO's chunk rule, or with `wholeChunks` (see Problem::wholeChunks).
static llvm::Expected<CostReport>
evaluate(const CostEvaluator::Prepared &prepared, const BoundDataflow &bound,
         llvm::ArrayRef<Directive> directives, bool wholeChunks,
         CostEvaluator::Scratch::Table *cache, CostDetail detail) {
  const LayerShape &shape = prepared.shape;
  const HardwareConfig &hw = prepared.hw;
  const DimTable &top = prepared.top;
  CheckedMath math;
  if (prepared.overflowed)
    math.noteOverflow();
  Problem p = prepared.problem;
  p.wholeChunks = wholeChunks;

  // 1. Normalize every level.
  llvm::SmallVector<Cluster, 3> clusters;
  int64_t clusterProduct = 1;
  for (const BoundLevel &level : llvm::drop_begin(bound.levels))
    clusterProduct *= level.numSubUnits;
  DimTable dims = top;
  clusters.reserve(bound.levels.size());
  for (auto [li, level] : llvm::enumerate(bound.levels)) {
    // Built in place (the list is reserved, so `upper` stays valid).
    Cluster &cluster = clusters.emplace_back();
    const InlineList<Map, kNumDims> *upper =
        li > 0 ? &clusters[li - 1].maps : nullptr;
    cluster.numSub = li == 0 ? (hw.numPEs / clusterProduct) : level.numSubUnits;
    bool isTop = li == 0;
    // Inherit the upper level's maps this level does not name, in front,
    // each ahead of the one before it (so in reverse). A filter
    // dimension's map is inherited as the chunk of the filter the level
    // works in: MAESTRO copies the map, and one wider than the filter
    // (SpatialMap(3,1) S on S = 1) then holds `chunk - offset` of it here,
    // nothing, so the sub-clusters compute nothing although the level
    // above gave them the filter column. Placed before the level's own
    // maps rather than moved in front of them: the move read back maps
    // just stored, and stalled.
    if (upper) {
      uint32_t named = 0;
      for (const BoundMap &bm : level.maps)
        named |= 1u << idx(inputViewOf(bm.dim));
      for (const Map &um : llvm::reverse(*upper)) {
        if (named & (1u << idx(um.var)))
          continue;
        bool filterDim =
            p.hasWindows && (um.var == Dim::R || um.var == Dim::S);
        int64_t size = filterDim ? std::min(um.size, dims[um.var]) : um.size;
        cluster.addMap(Map{um.var, false, size, um.ofs});
      }
    }
    // The filter window the level's own map on `window` (R or S) gives, as
    // written; the whole filter dimension where the level does not map it.
    auto ownWindow = [&](Dim window, bool whole) {
      const BoundMap *windowMap = level.find(window);
      return windowMap
                 ? windowOfMap(windowMap->requestedSize, dims[window], whole)
                 : dims[window];
    };
    for (const BoundMap &bm : level.maps) {
      // MAESTRO's rule (its DFSL parser, and our .m import): a temporal map
      // on a filter dimension holds the whole filter, at every level. The
      // analysis slides windows over input rows only: a chunk of R rows
      // would count the output rows of every input chunk for each filter
      // chunk (outputs no window has), and one wider than the filter holds
      // `R - offset` of it. A GEMM has no window: its R and S are 1 and
      // name nothing.
      if (p.hasWindows && bm.kind == DirectiveKind::TemporalMap &&
          (bm.dim == Dim::R || bm.dim == Dim::S)) {
        int64_t extent = shape.size(bm.dim);
        if (bm.requestedSize != extent || bm.offset != extent)
          return fail(llvm::formatv(
              "directive #{0} ({1}) maps {2} of {3} with offset {4}: a "
              "temporal map on a filter dimension must hold the whole filter, "
              "size and offset {5} (sz({3})), as MAESTRO requires (its "
              "analysis slides windows over input rows only); map sz({3}), or "
              "split the filter over PEs with a spatial map",
              bm.directiveIndex, describeMap(bm, directives),
              bm.requestedSize, stringifyDim(bm.dim), bm.offset, extent));
      }
      // A top-level map on input rows (columns) narrower than the filter
      // window: no chunk holds a whole window, so nothing could be computed
      // (MAESTRO reports 0 MACs and 0 cycles). Inner levels may split the
      // window over PEs (row stationary maps R and X by 1 per PE): the MACs
      // are counted above them.
      if (li == 0 && p.isWindowed(bm.dim)) {
        Dim window = Problem::windowOf(bm.dim);
        int64_t windowSize = ownWindow(window, /*whole=*/true);
        if (bm.requestedSize < windowSize)
          return fail(llvm::formatv(
              "directive #{0} ({1}) maps {2} of {3}, narrower than the "
              "{4}-wide filter window ({5}): no chunk holds a whole window, "
              "so nothing would be computed; map at least {4}, or map {6} "
              "(output coordinates)",
              bm.directiveIndex, describeMap(bm, directives),
              bm.requestedSize, stringifyDim(bm.dim), windowSize,
              stringifyDim(window), stringifyDim(Problem::outputOf(bm.dim))));
      }
      Map map{bm.dim, bm.kind == DirectiveKind::SpatialMap, bm.requestedSize,
              bm.offset};
      // An output-coordinate map becomes an input map spanning its windows:
      // the window is the level's own map on the filter dimension as
      // written, never an inherited one (MAESTRO widens before it
      // inherits).
      if (bm.dim == Dim::OY || bm.dim == Dim::OX) {
        Dim in = inputViewOf(bm.dim);
        int64_t windowSize =
            ownWindow(Problem::windowOf(in), isTop || wholeChunks);
        // A GEMM has no window: its OY (OX) map is its Y (X) map, whatever
        // R or S map the level has (and an inner level's table has no R or
        // S at all, which made it R - 1 = -1 narrower).
        if (!p.hasWindows)
          windowSize = 1;
        map.var = in;
        map.size = math.add(map.size, windowSize - 1);
      }
      cluster.addMap(map);
    }
    // Map the rest of the input and filter dimensions whole.
    for (Dim var : p.inputVars)
      if (cluster.find(var) < 0 && dims.contains(var))
        cluster.addMap(Map{var, false, dims[var], dims[var]});
    // Strided windows move by the stride (a walk only where a stride is
    // not 1: its branch per map costs where the mappings vary).
    if (p.stride[0] != 1 || p.stride[1] != 1) {
      for (Map &m : cluster.maps) {
        if (!p.isWindowed(m.var))
          continue;
        int64_t stride = p.stride[m.var == Dim::Y ? 0 : 1];
        int64_t window = top[Problem::windowOf(m.var)];
        if (stride == 1 || m.size < window)
          continue;
        // MAESTRO repacks a strided chunk by the whole filter, and the top
        // level, which counts the MACs, narrows its output chunk by the
        // filter rows it holds: where it splits the filter (a map on R
        // narrower than it, one filter row per PE) each strided output counts
        // once per input row of the chunk (the cost-model fuzzer: 5x a
        // layer's MACs). Not modelled, so refused. Inner levels may split it
        // (row stationary; MAESTRO's sane s568 does, with exact MACs), and no
        // MAESTRO case of the reference sets splits it at the top.
        int w = cluster.find(Problem::windowOf(m.var));
        const BoundMap *split = level.find(Problem::windowOf(m.var));
        if (isTop && w >= 0 && cluster.maps[w].size < window && split)
          return fail(llvm::formatv(
              "directive #{0} ({1}) maps {2} of the {3}-row filter at the top "
              "level, where {4} chunks of {5} rows move by the stride {6}: "
              "strided outputs of a filter split at the top level are not "
              "modelled (each would count once per row of its chunk); split "
              "the filter at an inner level (row stationary), or map {7} whole",
              split->directiveIndex, describeMap(*split, directives),
              cluster.maps[w].size, window, stringifyDim(m.var), m.size, stride,
              stringifyDim(Problem::windowOf(m.var))));
        int64_t outputs = (m.size - window) / stride + 1;
        m.size = math.add(outputs * std::min(stride, window),
                          std::max<int64_t>(window - stride, 0));
        m.ofs =
            math.mul(outputs, (!isTop && window < stride) ? window : stride);
      }
    }
    cluster.dims = dims;
    for (auto [i, m] : llvm::enumerate(cluster.maps))
      if (m.spatial && cluster.firstSpatialMap < 0)
        cluster.firstSpatialMap = static_cast<int>(i);
    if (cluster.firstSpatial() < 0)
      return fail(llvm::formatv("cluster level {0} has no spatial map", li));
    // Sub-clusters at the spatial edge (MAESTRO's cluster-unit analysis).
    const Map &sp = cluster.maps[cluster.firstSpatial()];
    int64_t spDim = dims[sp.var], n = cluster.numSub;
    int64_t full = CheckedMath::spanOf(sp.size, sp.ofs, n);
    if (spDim > full) {
      int64_t steady = ((spDim - sp.size) / sp.ofs + 1) / n - 1;
      int64_t remaining = spDim - (steady + 1) * sp.ofs * n;
      cluster.numEdgeSub =
          remaining < sp.size ? 1 : (remaining - sp.size) / sp.ofs + 1;
    } else if (spDim > sp.size) {
      cluster.numEdgeSub = (spDim - sp.size) / sp.ofs + 1;
      if (sp.ofs * (cluster.numEdgeSub - 1) + sp.size < spDim)
        ++cluster.numEdgeSub;
    } else {
      cluster.numEdgeSub = 1;
    }

    // The next level, if any, works inside one chunk of this one.
    if (li + 1 == bound.levels.size())
      break;
    DimTable lower;
    for (Dim var : p.inputVars) {
      int i = clusters.back().find(var);
      if (i >= 0)
        lower.add(var, std::min(clusters.back().maps[i].size, dims[var]));
    }
    if (p.hasWindows)
      for (Dim var : {Dim::Y, Dim::X})
        if (lower.contains(var))
          lower.add(Problem::outputOf(var),
                    (lower[var] - lower[Problem::windowOf(var)]) /
                            p.stride[var == Dim::Y ? 0 : 1] +
                        1);
    dims = lower;
  }

  // 2-4. Analyze from the top; inner levels run once per outer case.
  bool full = detail == CostDetail::Full;
  Analysis analysis(p, clusters, math, cache, prepared.id,
                    /*topLevelStatistics=*/full);
  llvm::SmallVector<LevelResult, 8> results;
  analysis.analyzeLevel(0, clusters.front().dims, results);
  const LevelResult &topResult = results.back();
  const LevelResult &innermost = results.front();

  CostReport report;
  report.runtime = topResult.runtime;
  report.numMACs = topResult.computations;
  report.throughput =
      report.runtime ? static_cast<double>(report.numMACs) / report.runtime : 0;
  for (unsigned t = 0; t < kNumTensorClasses; ++t) {
    report.l2.reads[t] = topResult.upRead[t];
    report.l2.writes[t] = topResult.upWrite[t];
    report.l1.reads[t] = topResult.downRead[t];
    report.l1.writes[t] = topResult.downWrite[t];
    report.reuse[t] = topResult.downWrite[t]
                          ? static_cast<double>(topResult.downRead[t]) /
                                static_cast<double>(topResult.downWrite[t])
                          : 0;
    report.l2SizeReqOf[t] = math.mul(topResult.upSize[t], hw.elementSize);
    report.l1SizeReqOf[t] = math.mul(innermost.downSize[t], hw.elementSize);
    report.l2SizeReq = math.add(report.l2SizeReq, report.l2SizeReqOf[t]);
    report.l1SizeReq = math.add(report.l1SizeReq, report.l1SizeReqOf[t]);
  }
  unsigned in = static_cast<unsigned>(TensorClass::Input);
  unsigned fl = static_cast<unsigned>(TensorClass::Filter);
  unsigned out = static_cast<unsigned>(TensorClass::Output);
  auto ratio = [](int64_t a, int64_t b) {
    return b ? static_cast<double>(a) / static_cast<double>(b) : 0.0;
  };
  report.multicastInput = ratio(report.l1.writes[in], report.l2.reads[in]);
  report.multicastFilter = ratio(report.l1.writes[fl], report.l2.reads[fl]);
  report.inputSize = report.filterSize = 1;
  for (Dim var : p.tensors[in])
    report.inputSize = math.mul(report.inputSize, top[var]);
  for (Dim var : p.tensors[fl])
    report.filterSize = math.mul(report.filterSize, top[var]);
  // Access counts near 2^62 each: sum them as reals.
  double l2Accesses = 0;
  for (int64_t count : {report.l2.reads[in], report.l2.writes[in],
                        report.l2.reads[fl], report.l2.writes[fl],
                        report.l2.writes[out]})
    l2Accesses += static_cast<double>(count);
  double l1Accesses = 0;
  for (unsigned t = 0; t < kNumTensorClasses; ++t)
    l1Accesses += static_cast<double>(report.l1.reads[t]) +
                  static_cast<double>(report.l1.writes[t]);
  report.energy = (l2Accesses * EnergyTable::kL2Access +
                   l1Accesses * EnergyTable::kL1Access) *
                  EnergyTable::kMacNanojoules;
  if (math.overflowed())
    return overflowError();
  if (!full)
    return report;
  report.peakNocBw = topResult.peakBw;
  report.avgNocBw = topResult.avgBw;
  report.offchipBw = topResult.offchipBw;
  report.ingress = topResult.ingress;
  report.egress = topResult.egress;
  report.compute = topResult.compute;
  report.avgUtilizedPEs = topResult.avgActive;
  report.arithmeticIntensity = topResult.arithmeticIntensity;
  report.areaPower = estimateAreaPower(hw.numPEs, hw.simdLanes,
                                       hw.nocBandwidth, report.l1SizeReq,
                                       report.l2SizeReq);
  return report;
}

/// Evaluates with MAESTRO's chunk rule, and again with whole chunks where
/// that rule leaves the layer computing nothing.
static llvm::Expected<CostReport>
evaluateLayer(const CostEvaluator::Prepared &prepared,
              const BoundDataflow &bound, llvm::ArrayRef<Directive> directives,
              CostEvaluator::Scratch::Table *cache, CostDetail detail) {
  llvm::Expected<CostReport> report = evaluate(
      prepared, bound, directives, /*wholeChunks=*/false, cache, detail);
  if (!report || (report->numMACs > 0 && report->runtime > 0))
    return report;
  // MAESTRO's chunk rule left the layer computing nothing, or at no cost:
  // a map larger than its dimension holds `D - offset` of it, which at an
  // inner level can be empty (its compute is then free; with free
  // single-flit transfers, hop latency 0, the whole layer costs 0 cycles),
  // and a window map larger than its filter narrows the output chunk by its
  // size. MAESTRO's figures there are 0 (or it crashes): a valid layer does
  // work, so evaluate again with those chunks holding their dimension
  // (docs/CostModel.md, deviations). Everywhere else MAESTRO's rule stands:
  // its figures elsewhere depend on it.
  llvm::Expected<CostReport> whole = evaluate(
      prepared, bound, directives, /*wholeChunks=*/true, cache, detail);
  if (!whole || (whole->numMACs > 0 && whole->runtime > 0))
    return whole;
  return fail(llvm::formatv(
      "this dataflow computes nothing for the layer ({0} MACs in {1} "
      "cycles): no chunk of some level holds a whole output (a map narrower "
      "than the filter window, or a strided chunk that ends before one)",
      whole->numMACs, whole->runtime));
}

llvm::Expected<CostEvaluator>
CostEvaluator::create(CostLayerKind kind, const LayerShape &shape,
                      const HardwareConfig &hw) {
  if (llvm::Error err = validateLayer(shape, hw))
    return std::move(err);
  CostEvaluator evaluator;
  evaluator.prepared = std::make_unique<Prepared>(kind, shape, hw);
  evaluator.prepared->id = Prepared::nextId();
  return evaluator;
}

CostEvaluator::CostEvaluator() = default;
CostEvaluator::CostEvaluator(CostEvaluator &&) = default;
CostEvaluator &CostEvaluator::operator=(CostEvaluator &&) = default;
CostEvaluator::~CostEvaluator() = default;

llvm::Expected<CostReport>
CostEvaluator::evaluate(llvm::ArrayRef<Directive> directives, Scratch *scratch,
                        CostDetail detail) const {
  BoundDataflow bound;
  if (llvm::Error err = bindDataflow(directives, prepared->shape,
                                     prepared->hw.numPEs, bound))
    return std::move(err);
  return evaluateLayer(*prepared, bound, directives,
                       scratch ? scratch->table.get() : nullptr, detail);
}

llvm::Expected<CostReport>
CostEvaluator::evaluate(const BoundDataflow &bound, Scratch *scratch,
                        CostDetail detail) const {
  if (llvm::Error err =
          verifyBoundDataflow(bound, prepared->extents, prepared->hw.numPEs))
    return std::move(err);
  return evaluateLayer(*prepared, bound, /*directives=*/{},
                       scratch ? scratch->table.get() : nullptr, detail);
}

// Not make_unique: value-initializing would zero every slot's storage.
CostEvaluator::Scratch::Scratch() : table(new Table) {}
CostEvaluator::Scratch::~Scratch() = default;

llvm::Expected<CostReport>
mlir::accel::evaluateCost(CostLayerKind kind, const LayerShape &shape,
                          llvm::ArrayRef<Directive> directives,
                          const HardwareConfig &hw) {
  if (llvm::Error err = validateLayer(shape, hw))
    return std::move(err);
  BoundDataflow bound;
  if (llvm::Error err = bindDataflow(directives, shape, hw.numPEs, bound))
    return std::move(err);
  // One evaluation: prepared on the stack, not on the heap.
  return evaluateLayer(CostEvaluator::Prepared(kind, shape, hw), bound,
                       directives, /*cache=*/nullptr, CostDetail::Full);
}
