//===- MaeriSimulator.cpp - Run a MAERI schedule on real data -------------===//
//
// The cycle model (docs/MAERI.md): tiles are visited in the schedule's
// order. A tile whose weights differ from the previous tile's first loads
// them (each distinct weight once, multicast to the VNs sharing it):
// ceil(weights / dn_bw) cycles, not overlapped (a switch holds one weight).
// Then it streams: the distribution tree sends the tile's new inputs,
// ceil(inputs / dn_bw) cycles (inputs the previous tile already holds move
// over the forwarding links when the tile slides along output columns),
// every active switch multiplies once, the reduction tree adds each VN's
// products (pipelined), and the root collects ceil(VNs / rn_bw) results.
// With double-buffered inputs a tile costs max(distribution, 1, collection)
// after its weight load; the trees' depths are paid once to fill and drain.
//
//===----------------------------------------------------------------------===//

#include "accel/Simulator/MaeriSimulator.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MathExtras.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>
#include <optional>

using namespace mlir::accel;

namespace {

int64_t ceilDiv(int64_t a, int64_t b) { return (a + b - 1) / b; }

/// Element strides of a tensor in its layout, per canonical dimension (0
/// for a dimension the layout leaves out). `outputRole` reads Y/X as the
/// output rows/cols.
std::array<int64_t, kNumDims>
stridesOf(llvm::StringRef layout, const LayerShape &shape, bool outputRole) {
  std::array<int64_t, kNumDims> strides{};
  int64_t stride = 1;
  for (char letter : llvm::reverse(layout)) {
    Dim d = *symbolizeDim(llvm::StringRef(&letter, 1));
    if (outputRole && d == Dim::Y)
      d = Dim::OY;
    else if (outputRole && d == Dim::X)
      d = Dim::OX;
    strides[static_cast<unsigned>(d)] = stride;
    stride *= shape.size(d);
  }
  return strides;
}

int64_t elementsOf(llvm::StringRef layout, const LayerShape &shape,
                   bool outputRole) {
  int64_t n = 1;
  for (int64_t size : shape.tensorSizes(layout, outputRole))
    n *= size;
  return n;
}

/// Wraps an integer to `bits` (two's complement), as the output type does.
int64_t wrap(int64_t v, unsigned bits) {
  if (bits >= 64)
    return v;
  return llvm::SignExtend64(static_cast<uint64_t>(v), bits);
}

constexpr unsigned idx(Dim d) { return static_cast<unsigned>(d); }

/// The canonical dimensions tiles walk, in TileDim order.
constexpr Dim kTiled[kNumTileDims] = {Dim::R, Dim::S, Dim::C,  Dim::K,
                                      Dim::G, Dim::N, Dim::OX, Dim::OY};

struct Layout {
  std::array<int64_t, kNumDims> in, w, out;
};

/// Multiplies and accumulates one tile: each active VN (n, g, k, oy, ox)
/// reduces its products over (c, r, s) and adds the sum to its output (the
/// fold accumulation). Acc is int64_t for integers, float for floats.
template <typename Acc>
void computeTile(const LayerShape &shape, const Layout &layout,
                 const std::array<int64_t, kNumDims> &lo,
                 const std::array<int64_t, kNumDims> &hi,
                 const std::vector<Acc> &in, const std::vector<Acc> &w,
                 std::vector<Acc> &out, Acc inZp, Acc wZp) {
  const int64_t Y = shape.size(Dim::Y), X = shape.size(Dim::X);
  const int64_t sy = shape.stride[0], sx = shape.stride[1];
  const int64_t dy = shape.dilation[0], dx = shape.dilation[1];
  const int64_t pt = shape.padding[0], pl = shape.padding[2];
  for (int64_t n = lo[idx(Dim::N)]; n < hi[idx(Dim::N)]; ++n)
    for (int64_t g = lo[idx(Dim::G)]; g < hi[idx(Dim::G)]; ++g)
      for (int64_t k = lo[idx(Dim::K)]; k < hi[idx(Dim::K)]; ++k)
        for (int64_t oy = lo[idx(Dim::OY)]; oy < hi[idx(Dim::OY)]; ++oy)
          for (int64_t ox = lo[idx(Dim::OX)]; ox < hi[idx(Dim::OX)]; ++ox) {
            Acc vn = 0; // the ART's sum for this VN
            for (int64_t c = lo[idx(Dim::C)]; c < hi[idx(Dim::C)]; ++c)
              for (int64_t r = lo[idx(Dim::R)]; r < hi[idx(Dim::R)]; ++r) {
                int64_t y = oy * sy + r * dy - pt;
                bool rowIn = y >= 0 && y < Y;
                int64_t inRow =
                    n * layout.in[idx(Dim::N)] + g * layout.in[idx(Dim::G)] +
                    c * layout.in[idx(Dim::C)] + y * layout.in[idx(Dim::Y)];
                int64_t wRow =
                    g * layout.w[idx(Dim::G)] + k * layout.w[idx(Dim::K)] +
                    c * layout.w[idx(Dim::C)] + r * layout.w[idx(Dim::R)];
                for (int64_t s = lo[idx(Dim::S)]; s < hi[idx(Dim::S)]; ++s) {
                  int64_t x = ox * sx + s * dx - pl;
                  Acc a = (rowIn && x >= 0 && x < X)
                              ? in[inRow + x * layout.in[idx(Dim::X)]]
                              : inZp; // padding: zero once the zp is off
                  vn +=
                      (a - inZp) * (w[wRow + s * layout.w[idx(Dim::S)]] - wZp);
                }
              }
            out[n * layout.out[idx(Dim::N)] + g * layout.out[idx(Dim::G)] +
                k * layout.out[idx(Dim::K)] + oy * layout.out[idx(Dim::OY)] +
                ox * layout.out[idx(Dim::OX)]] += vn;
          }
}

/// The input rows (or columns) a tile's windows span along one image axis:
/// where they start, how many, and how many of those fall in the padding
/// before and after the image.
struct Window {
  int64_t base, span, before, after;
  /// The part inside the image.
  int64_t first() const { return base + before; }
  int64_t inside() const { return std::max<int64_t>(span - before - after, 0); }
  int64_t end() const { return first() + inside(); }
};
Window windowOf(int64_t outLo, int64_t outHi, int64_t winLo, int64_t winHi,
                int64_t stride, int64_t dilation, int64_t pad, int64_t extent) {
  int64_t base = outLo * stride + winLo * dilation - pad;
  int64_t span =
      (outHi - outLo - 1) * stride + (winHi - winLo - 1) * dilation + 1;
  return {base, span, std::max<int64_t>(0, -base),
          std::max<int64_t>(0, base + span - extent)};
}

/// The dimensions of `order` after the innermost one `selects` picks among
/// those with more than one tile (all of them when there is none). A run of
/// consecutive tiles in which only these move keeps the picked dimensions.
unsigned dimsInside(const LayerShape &shape, const MaeriSchedule &s,
                    llvm::function_ref<bool(Dim)> selects) {
  int innermost = -1;
  for (auto [i, d] : llvm::enumerate(s.order))
    if (selects(d) && ceilDiv(shape.size(d), s.tileOf(d)) > 1)
      innermost = static_cast<int>(i);
  unsigned mask = 0;
  for (int i = innermost + 1; i < static_cast<int>(s.order.size()); ++i)
    mask |= 1u << idx(s.order[i]);
  return mask;
}

/// The dimensions that tell VNs (outputs) apart.
bool isVnDim(Dim d) {
  return d == Dim::N || d == Dim::G || d == Dim::K || d == Dim::OY ||
         d == Dim::OX;
}

/// The distribution network as STONNE builds MAERI's: `dn_bw` input ports,
/// each the root of its own tree over `ms / dn_bw` consecutive multiplier
/// switches. A port sends one element per cycle, multicast to any of its
/// switches; switches under different ports need a send each. VN v holds
/// switches [v * VN, (v + 1) * VN) with VNs numbered (n, g, k, oy, ox) and
/// switches inside a VN (c, r, s), by the schedule's full tile sizes, so
/// edge tiles leave holes rather than moving VNs.
class DistributionNetwork {
public:
  DistributionNetwork(const LayerShape &shape, const MaeriSchedule &s,
                      const MaeriTargetModel &target)
      : shape(shape),
        leaves(target.numMultipliers() / target.distributionBandwidth()) {
    for (Dim d : kTiled)
      full[idx(d)] = s.tileOf(d);
    // Weights of the dimensions inside the innermost moving G/K dimension
    // of the order stay in the switches' buffers for the whole visit.
    unsigned inside = dimsInside(shape, s, [](Dim d) {
      return d == Dim::G || d == Dim::K;
    });
    outerMask = 0;
    for (Dim d : s.order)
      if (!(inside & (1u << idx(d))))
        outerMask |= 1u << idx(d);
  }

  /// Dimensions at or outside the innermost moving G/K dimension: a move of
  /// any of them starts a new weight visit.
  unsigned visitMask() const { return outerMask; }

  /// Cycles to send a tile's inputs, and the sends. `cut` are the window's
  /// rows and columns outside the image {top, bottom, left, right}; the
  /// first `held` columns are already in the switches (forwarding links).
  int64_t inputCycles(const std::array<int64_t, kNumDims> &e,
                      const std::array<int64_t, 4> &cut, int64_t held,
                      int64_t *sends) {
    std::array<int64_t, kNumDims + 5> key{};
    std::copy(e.begin(), e.end(), key.begin());
    std::copy(cut.begin(), cut.end(), key.begin() + kNumDims);
    key[kNumDims + 4] = held;
    auto [it, inserted] = inputCache.try_emplace(key);
    if (inserted) {
      int64_t rows = (e[idx(Dim::OY)] - 1) * shape.stride[0] +
                     (e[idx(Dim::R)] - 1) * shape.dilation[0] + 1;
      int64_t cols = (e[idx(Dim::OX)] - 1) * shape.stride[1] +
                     (e[idx(Dim::S)] - 1) * shape.dilation[1] + 1;
      std::vector<std::vector<int64_t>> perPort;
      forEachSwitch(e, [&](int64_t sw, int64_t n, int64_t g, int64_t,
                           int64_t oy, int64_t ox, int64_t c, int64_t r,
                           int64_t sc) {
        int64_t row = oy * shape.stride[0] + r * shape.dilation[0];
        int64_t col = ox * shape.stride[1] + sc * shape.dilation[1];
        if (row < cut[0] || row >= rows - cut[1] || col < cut[2] ||
            col >= cols - cut[3] || col < held)
          return; // padding (never sent) or already held
        add(perPort, sw,
            ((n * e[idx(Dim::G)] + g) * e[idx(Dim::C)] + c) * rows * cols +
                row * cols + col);
      });
      it->second = loadOf(perPort, [](int64_t) { return int64_t(1); });
    }
    *sends = it->second.second;
    return it->second.first;
  }

  /// Cycles to load the weights of a visit, and the sends: the tile's G/K
  /// slice with, for C, R and S inside the visit, every fold of them.
  int64_t weightCycles(const std::array<int64_t, kNumDims> &e,
                       int64_t *sends) {
    std::array<int64_t, kNumDims> key = e;
    for (Dim d : {Dim::C, Dim::R, Dim::S})
      if (!(outerMask & (1u << idx(d))))
        key[idx(d)] = -1;
    auto [it, inserted] = weightCache.try_emplace(key);
    if (inserted) {
      // Inner dimensions: every switch position of the full tile, each
      // holding as many weights as folds it takes part in.
      std::array<int64_t, kNumDims> range = e;
      auto folds = [&](Dim d, int64_t i) -> int64_t {
        if (key[idx(d)] != -1)
          return 1;
        int64_t n = ceilDiv(shape.size(d), full[idx(d)]);
        int64_t rem = shape.size(d) - (n - 1) * full[idx(d)];
        return n - 1 + (i < rem ? 1 : 0);
      };
      for (Dim d : {Dim::C, Dim::R, Dim::S})
        if (key[idx(d)] == -1)
          range[idx(d)] = full[idx(d)];
      std::vector<std::vector<int64_t>> perPort;
      std::vector<int64_t> weightsOf; // per element id, its fold count
      forEachSwitch(range, [&](int64_t sw, int64_t, int64_t g, int64_t k,
                               int64_t, int64_t, int64_t c, int64_t r,
                               int64_t sc) {
        int64_t id = (((g * range[idx(Dim::K)] + k) * range[idx(Dim::C)] + c) *
                          range[idx(Dim::R)] +
                      r) *
                         range[idx(Dim::S)] +
                     sc;
        add(perPort, sw, id);
        if (static_cast<int64_t>(weightsOf.size()) <= id)
          weightsOf.resize(id + 1);
        weightsOf[id] = folds(Dim::C, c) * folds(Dim::R, r) * folds(Dim::S, sc);
      });
      it->second =
          loadOf(perPort, [&](int64_t id) { return weightsOf[id]; });
    }
    *sends = it->second.second;
    return it->second.first;
  }

private:
  template <typename Fn>
  void forEachSwitch(const std::array<int64_t, kNumDims> &e, Fn fn) const {
    auto f = [&](Dim d) { return full[idx(d)]; };
    int64_t vnSize = f(Dim::C) * f(Dim::R) * f(Dim::S);
    for (int64_t n = 0; n < e[idx(Dim::N)]; ++n)
      for (int64_t g = 0; g < e[idx(Dim::G)]; ++g)
        for (int64_t k = 0; k < e[idx(Dim::K)]; ++k)
          for (int64_t oy = 0; oy < e[idx(Dim::OY)]; ++oy)
            for (int64_t ox = 0; ox < e[idx(Dim::OX)]; ++ox) {
              int64_t vn =
                  (((n * f(Dim::G) + g) * f(Dim::K) + k) * f(Dim::OY) + oy) *
                      f(Dim::OX) +
                  ox;
              for (int64_t c = 0; c < e[idx(Dim::C)]; ++c)
                for (int64_t r = 0; r < e[idx(Dim::R)]; ++r)
                  for (int64_t sc = 0; sc < e[idx(Dim::S)]; ++sc)
                    fn(vn * vnSize + (c * f(Dim::R) + r) * f(Dim::S) + sc, n,
                       g, k, oy, ox, c, r, sc);
            }
  }
  void add(std::vector<std::vector<int64_t>> &perPort, int64_t sw,
           int64_t id) const {
    size_t port = static_cast<size_t>(sw / leaves);
    if (perPort.size() <= port)
      perPort.resize(port + 1);
    perPort[port].push_back(id);
  }
  /// The busiest port's sends and all sends: each port sends each distinct
  /// element once, `sendsOf(element)` times.
  static std::pair<int64_t, int64_t>
  loadOf(std::vector<std::vector<int64_t>> &perPort,
         llvm::function_ref<int64_t(int64_t)> sendsOf) {
    int64_t cycles = 0, total = 0;
    for (std::vector<int64_t> &ids : perPort) {
      llvm::sort(ids);
      ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
      int64_t load = 0;
      for (int64_t id : ids)
        load += sendsOf(id);
      cycles = std::max(cycles, load);
      total += load;
    }
    return {cycles, total};
  }

  const LayerShape &shape;
  int64_t leaves;
  std::array<int64_t, kNumDims> full{};
  unsigned outerMask = 0;
  std::map<std::array<int64_t, kNumDims + 5>, std::pair<int64_t, int64_t>>
      inputCache;
  std::map<std::array<int64_t, kNumDims>, std::pair<int64_t, int64_t>>
      weightCache;
};

} // namespace

llvm::Expected<SimResult> mlir::accel::simulateMaeri(
    const LayerShape &shape, const MaeriSchedule &schedule,
    const MaeriTargetModel &target, const SimOperands &ops, bool timingOnly) {
  if (llvm::Error err = verifySchedule(schedule, shape, target))
    return std::move(err);
  Layout layout{stridesOf(ops.inputLayout, shape, false),
                stridesOf(ops.filterLayout, shape, false),
                stridesOf(ops.outputLayout, shape, true)};
  int64_t outSize = elementsOf(ops.outputLayout, shape, true);
  if (!timingOnly && (static_cast<int64_t>(ops.input.size()) !=
                          elementsOf(ops.inputLayout, shape, false) ||
                      static_cast<int64_t>(ops.filter.size()) !=
                          elementsOf(ops.filterLayout, shape, false) ||
                      static_cast<int64_t>(ops.init.size()) != outSize))
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "operand sizes do not match the layer");

  // Typed copies of the operands.
  std::vector<int64_t> inI, wI, outI;
  std::vector<float> inF, wF, outF;
  if (!timingOnly) {
    if (ops.type.isFloat) {
      inF.assign(ops.input.begin(), ops.input.end());
      wF.assign(ops.filter.begin(), ops.filter.end());
      outF.assign(ops.init.begin(), ops.init.end());
    } else {
      auto toInt = [](const std::vector<double> &v) {
        std::vector<int64_t> r(v.size());
        for (size_t i = 0; i < v.size(); ++i)
          r[i] = static_cast<int64_t>(std::llround(v[i]));
        return r;
      };
      inI = toInt(ops.input);
      wI = toInt(ops.filter);
      outI = toInt(ops.init);
    }
  }

  // Tile counts per canonical dimension, and the visiting order.
  std::array<int64_t, kNumDims> tileSize{}, extent{}, count{};
  for (Dim d : kTiled) {
    tileSize[idx(d)] = schedule.tileOf(d);
    extent[idx(d)] = shape.size(d);
    count[idx(d)] = ceilDiv(extent[idx(d)], tileSize[idx(d)]);
  }
  const int64_t rnBw = target.reductionBandwidth();
  const int64_t ms = target.numMultipliers();
  const bool forwarding = schedule.usesForwarding(shape);
  DistributionNetwork dn(shape, schedule, target);
  const unsigned accumulatedWhile = dimsInside(shape, schedule, isVnDim);

  SimStats st;
  std::array<int64_t, kNumDims> pos{}; // tile index per dimension
  std::array<int64_t, kNumDims> prevPos{};
  bool first = true;
  while (true) {
    std::array<int64_t, kNumDims> lo{}, hi{};
    for (Dim d : kTiled) {
      lo[idx(d)] = pos[idx(d)] * tileSize[idx(d)];
      hi[idx(d)] = std::min(lo[idx(d)] + tileSize[idx(d)], extent[idx(d)]);
    }
    auto e = [&](Dim d) { return hi[idx(d)] - lo[idx(d)]; };
    int64_t vns = e(Dim::N) * e(Dim::G) * e(Dim::K) * e(Dim::OY) * e(Dim::OX);
    int64_t vnSize = e(Dim::C) * e(Dim::R) * e(Dim::S);

    std::array<int64_t, kNumDims> ext{};
    for (Dim d : kTiled)
      ext[idx(d)] = e(d);

    // Weights: a new visit of a G/K tile (a dimension at or outside the
    // innermost moving G/K dimension of the order moved) loads the slice
    // with every fold inside the visit; the switches buffer them.
    bool newWeights = first;
    for (Dim d : kTiled)
      if (dn.visitMask() & (1u << idx(d)))
        newWeights |= pos[idx(d)] != prevPos[idx(d)];
    int64_t weightLoad = 0;
    if (newWeights) {
      int64_t sends = 0;
      weightLoad = dn.weightCycles(ext, &sends);
      st.dnElements += sends;
    }

    // Inputs: the rows and columns the tile's windows span.
    auto windowAlong = [&](Dim win, unsigned axis, int64_t outLo,
                           int64_t outHi) {
      return windowOf(outLo, outHi, lo[idx(win)], hi[idx(win)],
                      shape.stride[axis], shape.dilation[axis],
                      shape.padding[axis * 2], shape.size(axis ? Dim::X : Dim::Y));
    };
    Window rowWin =
        windowAlong(Dim::R, 0, lo[idx(Dim::OY)], hi[idx(Dim::OY)]);
    Window colWin =
        windowAlong(Dim::S, 1, lo[idx(Dim::OX)], hi[idx(Dim::OX)]);
    int64_t rows = rowWin.inside(), cols = colWin.inside();
    int64_t planes = e(Dim::N) * e(Dim::G) * e(Dim::C);
    // Sliding along output columns: the columns the tile one output column
    // back (same everything else) brought are still in the switches.
    int64_t held = 0;
    if (forwarding && pos[idx(Dim::OX)] > 0) {
      Window prev = windowAlong(
          Dim::S, 1, lo[idx(Dim::OX)] - tileSize[idx(Dim::OX)], lo[idx(Dim::OX)]);
      int64_t overlap = std::max<int64_t>(
          0, std::min(prev.end(), colWin.end()) -
                 std::max(prev.first(), colWin.first()));
      st.forwardedElements += planes * rows * overlap;
      held = std::max<int64_t>(0, prev.end() - colWin.base);
    }
    int64_t inputSends = 0;
    int64_t distribution =
        dn.inputCycles(ext, {rowWin.before, rowWin.after, colWin.before,
                             colWin.after},
                       held, &inputSends);
    st.dnElements += inputSends;
    st.multicastDeliveries += planes * rows * cols * (e(Dim::K) - 1);

    // The accumulators keep a VN's partial sum while only the dimensions
    // inside the innermost moving output dimension (folds) move: its result
    // leaves through the collection bus after the last of them.
    bool collects = true;
    for (Dim d : kTiled)
      if (accumulatedWhile & (1u << idx(d)))
        collects &= pos[idx(d)] == count[idx(d)] - 1;
    int64_t collection = collects ? ceilDiv(vns, rnBw) : 0;
    int64_t streaming = std::max({distribution, int64_t(1), collection});
    st.cycles += weightLoad + streaming;
    st.weightLoadCycles += weightLoad;
    st.distributionCycles += distribution;
    st.collectionCycles += collection;
    st.stallWeightLoad += weightLoad;
    st.stallDistribution +=
        std::max<int64_t>(0, distribution - std::max<int64_t>(1, collection));
    st.stallCollection +=
        std::max<int64_t>(0, collection - std::max<int64_t>(1, distribution));
    st.msMultiplies += vns * vnSize;
    st.rnAdds += vns * (vnSize - 1);
    st.collected += collects ? vns : 0;
    ++st.tiles;

    if (!timingOnly) {
      if (ops.type.isFloat)
        computeTile<float>(shape, layout, lo, hi, inF, wF, outF,
                           static_cast<float>(ops.inputZeroPoint),
                           static_cast<float>(ops.filterZeroPoint));
      else
        computeTile<int64_t>(shape, layout, lo, hi, inI, wI, outI,
                             std::llround(ops.inputZeroPoint),
                             std::llround(ops.filterZeroPoint));
    }

    // Next tile: the innermost dimension of `order` moves first.
    prevPos = pos;
    first = false;
    int i = static_cast<int>(schedule.order.size()) - 1;
    for (; i >= 0; --i) {
      unsigned d = idx(schedule.order[i]);
      if (++pos[d] < count[d])
        break;
      pos[d] = 0;
    }
    if (i < 0)
      break;
  }
  // Fill and drain: the distribution and reduction trees' depths, once.
  st.fillDrainCycles =
      target.treeDepth() +
      static_cast<int64_t>(llvm::Log2_64_Ceil(
          static_cast<uint64_t>(std::max<int64_t>(schedule.vnSize(), 1)))) +
      1;
  st.cycles += st.fillDrainCycles;
  st.macs = st.msMultiplies;
  st.msUtilization = static_cast<double>(st.msMultiplies) /
                     (static_cast<double>(st.cycles) * static_cast<double>(ms));

  SimResult result;
  result.stats = st;
  if (!timingOnly) {
    result.output.resize(outSize);
    for (int64_t i = 0; i < outSize; ++i)
      result.output[i] =
          ops.type.isFloat
              ? static_cast<double>(outF[i])
              : static_cast<double>(wrap(outI[i], ops.type.outputBits));
  }
  return result;
}

std::vector<double> mlir::accel::referenceConvolution(const LayerShape &shape,
                                                      const SimOperands &ops) {
  // The whole layer as one tile: the plain loop nest.
  Layout layout{stridesOf(ops.inputLayout, shape, false),
                stridesOf(ops.filterLayout, shape, false),
                stridesOf(ops.outputLayout, shape, true)};
  std::array<int64_t, kNumDims> lo{}, hi{};
  for (Dim d : kTiled)
    hi[idx(d)] = shape.size(d);
  std::vector<double> out;
  if (ops.type.isFloat) {
    std::vector<double> acc(ops.init.begin(), ops.init.end());
    computeTile<double>(shape, layout, lo, hi, ops.input, ops.filter, acc,
                        ops.inputZeroPoint, ops.filterZeroPoint);
    return acc;
  }
  auto toInt = [](const std::vector<double> &v) {
    std::vector<int64_t> r(v.size());
    for (size_t i = 0; i < v.size(); ++i)
      r[i] = static_cast<int64_t>(std::llround(v[i]));
    return r;
  };
  std::vector<int64_t> acc = toInt(ops.init);
  computeTile<int64_t>(shape, layout, lo, hi, toInt(ops.input),
                       toInt(ops.filter), acc, std::llround(ops.inputZeroPoint),
                       std::llround(ops.filterZeroPoint));
  out.resize(acc.size());
  for (size_t i = 0; i < acc.size(); ++i)
    out[i] = static_cast<double>(wrap(acc[i], ops.type.outputBits));
  return out;
}

namespace {
/// Tiles that cost the same, counted together: the extents of a group of
/// dimensions, the window's cuts by the image border and the columns the
/// forwarding links hold (for the OY/R and OX/S groups), and which of the
/// dimensions are at their first tile (that decides weight visits).
struct TileClass {
  int64_t count = 0;
  std::array<int64_t, kNumDims> extent{};
  int64_t cutBefore = 0, cutAfter = 0, held = 0;
  unsigned firstMask = 0; // bit idx(d): dimension d at its first tile
  unsigned lastMask = 0;  // bit idx(d): dimension d at its last tile
};

/// The classes of one group: a lone dimension (`window` == nullopt) or an
/// output dimension with its filter dimension.
std::vector<TileClass> classesOf(const LayerShape &shape,
                                 const MaeriSchedule &s, Dim first,
                                 std::optional<Dim> window, bool slides) {
  int64_t t1 = s.tileOf(first), n1 = ceilDiv(shape.size(first), t1);
  int64_t t2 = window ? s.tileOf(*window) : 1;
  int64_t n2 = window ? ceilDiv(shape.size(*window), t2) : 1;
  bool rows = first == Dim::OY;
  std::map<std::array<int64_t, 9>, int64_t> histogram;
  for (int64_t i = 0; i < n1; ++i) {
    int64_t lo1 = i * t1, hi1 = std::min(lo1 + t1, shape.size(first));
    for (int64_t j = 0; j < n2; ++j) {
      int64_t lo2 = j * t2,
              hi2 = window ? std::min(lo2 + t2, shape.size(*window)) : 1;
      Window cut{0, 1, 0, 0};
      int64_t held = 0;
      if (window) {
        unsigned a = rows ? 0 : 1;
        int64_t pad = shape.padding[rows ? 0 : 2];
        int64_t extent = shape.size(rows ? Dim::Y : Dim::X);
        cut = windowOf(lo1, hi1, lo2, hi2, shape.stride[a], shape.dilation[a],
                       pad, extent);
        if (slides && i > 0)
          held = std::max<int64_t>(
              0, windowOf(lo1 - t1, lo1, lo2, hi2, shape.stride[a],
                          shape.dilation[a], pad, extent)
                         .end() -
                     cut.base);
      }
      ++histogram[{hi1 - lo1, hi2 - lo2, cut.before, cut.after, held, i == 0,
                   j == 0, i == n1 - 1, j == n2 - 1}];
    }
  }
  std::vector<TileClass> classes;
  for (const auto &[key, count] : histogram) {
    TileClass c;
    c.count = count;
    c.extent.fill(1);
    c.extent[idx(first)] = key[0];
    c.firstMask = key[5] ? 1u << idx(first) : 0u;
    c.lastMask = key[7] ? 1u << idx(first) : 0u;
    if (window) {
      c.extent[idx(*window)] = key[1];
      c.firstMask |= key[6] ? 1u << idx(*window) : 0u;
      c.lastMask |= key[8] ? 1u << idx(*window) : 0u;
      c.cutBefore = key[2];
      c.cutAfter = key[3];
      c.held = key[4];
    }
    classes.push_back(c);
  }
  return classes;
}
} // namespace

int64_t mlir::accel::estimateMaeriCycles(const LayerShape &shape,
                                         const MaeriSchedule &s,
                                         const MaeriTargetModel &target) {
  // The simulator's cycle model summed over classes of tiles that cost the
  // same (edge tiles, windows the border cuts, tiles that slide), instead
  // of walking the tiles: the cost of a class comes from the same
  // distribution-network model, the counting is independent of the walk.
  const int64_t rnBw = target.reductionBandwidth();
  const bool forwarding = s.usesForwarding(shape);
  DistributionNetwork dn(shape, s, target);
  // Results leave the accumulators when every dimension inside the
  // innermost moving output dimension is at its last tile.
  const unsigned lastNeeded = dimsInside(shape, s, isVnDim);

  // A tile starts a weight visit when every dimension inside the visit
  // (after the innermost moving G/K dimension of the order) is at its
  // first tile: then one of the visit's dimensions changed.
  unsigned firstNeeded = 0;
  for (Dim d : s.order)
    if (!(dn.visitMask() & (1u << idx(d))))
      firstNeeded |= 1u << idx(d);

  std::vector<std::vector<TileClass>> groups = {
      classesOf(shape, s, Dim::N, std::nullopt, false),
      classesOf(shape, s, Dim::G, std::nullopt, false),
      classesOf(shape, s, Dim::K, std::nullopt, false),
      classesOf(shape, s, Dim::C, std::nullopt, false),
      classesOf(shape, s, Dim::OY, Dim::R, false),
      classesOf(shape, s, Dim::OX, Dim::S, forwarding)};

  int64_t cycles = 0;
  std::array<int64_t, 4> cut{};
  std::function<void(unsigned, const TileClass &)> sum =
      [&](unsigned group, const TileClass &acc) {
        if (group == groups.size()) {
          auto e = [&](Dim d) { return acc.extent[idx(d)]; };
          int64_t vns = e(Dim::N) * e(Dim::G) * e(Dim::K) * e(Dim::OY) *
                        e(Dim::OX);
          int64_t sends = 0;
          int64_t distribution =
              dn.inputCycles(acc.extent, cut, acc.held, &sends);
          int64_t collection = (acc.lastMask & lastNeeded) == lastNeeded
                                   ? ceilDiv(vns, rnBw)
                                   : 0;
          int64_t tile = std::max({distribution, int64_t(1), collection});
          if ((acc.firstMask & firstNeeded) == firstNeeded)
            tile += dn.weightCycles(acc.extent, &sends);
          cycles += acc.count * tile;
          return;
        }
        for (const TileClass &c : groups[group]) {
          TileClass next = acc;
          next.count *= c.count;
          for (unsigned d = 0; d < kNumDims; ++d)
            next.extent[d] *= c.extent[d];
          next.firstMask |= c.firstMask;
          next.lastMask |= c.lastMask;
          // The row cuts come from the (OY, R) group, the column cuts and
          // the held columns from the (OX, S) group, the last.
          if (group == 4) {
            cut[0] = c.cutBefore;
            cut[1] = c.cutAfter;
          } else if (group == 5) {
            cut[2] = c.cutBefore;
            cut[3] = c.cutAfter;
            next.held = c.held;
          }
          sum(group + 1, next);
        }
      };
  TileClass start;
  start.count = 1;
  start.extent.fill(1);
  sum(0, start);

  int64_t fill = target.treeDepth() +
                 static_cast<int64_t>(llvm::Log2_64_Ceil(
                     static_cast<uint64_t>(std::max<int64_t>(s.vnSize(), 1)))) +
                 1;
  return cycles + fill;
}
