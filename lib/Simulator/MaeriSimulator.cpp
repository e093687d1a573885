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

/// Input elements a tile reads: the rows and columns its windows span,
/// clipped to the real (unpadded) input.
int64_t spanOf(int64_t outLo, int64_t outHi, int64_t winLo, int64_t winHi,
               int64_t stride, int64_t dilation, int64_t pad, int64_t extent,
               int64_t *first = nullptr) {
  int64_t lo = outLo * stride + winLo * dilation - pad;
  int64_t hi = (outHi - 1) * stride + (winHi - 1) * dilation - pad + 1;
  lo = std::max<int64_t>(lo, 0);
  hi = std::min(hi, extent);
  if (first)
    *first = lo;
  return std::max<int64_t>(hi - lo, 0);
}

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
  for (unsigned t = 0; t < kNumTileDims; ++t) {
    Dim d = kTiled[t];
    tileSize[idx(d)] = schedule.tile[t];
    extent[idx(d)] = shape.size(d);
    count[idx(d)] = ceilDiv(extent[idx(d)], schedule.tile[t]);
  }
  const int64_t dnBw = target.distributionBandwidth();
  const int64_t rnBw = target.reductionBandwidth();
  const int64_t ms = target.numMultipliers();
  const bool forwarding = schedule.usesForwarding(shape);

  SimStats st;
  std::array<int64_t, kNumDims> pos{}; // tile index per dimension
  std::array<int64_t, kNumDims> prevPos{};
  bool first = true;
  int64_t prevColLo = 0, prevColHi = 0;
  while (true) {
    std::array<int64_t, kNumDims> lo{}, hi{};
    for (Dim d : kTiled) {
      lo[idx(d)] = pos[idx(d)] * tileSize[idx(d)];
      hi[idx(d)] = std::min(lo[idx(d)] + tileSize[idx(d)], extent[idx(d)]);
    }
    auto e = [&](Dim d) { return hi[idx(d)] - lo[idx(d)]; };
    int64_t vns = e(Dim::N) * e(Dim::G) * e(Dim::K) * e(Dim::OY) * e(Dim::OX);
    int64_t vnSize = e(Dim::C) * e(Dim::R) * e(Dim::S);

    // Weights: reloaded when any weight dimension moved.
    bool newWeights = first;
    for (Dim d : {Dim::G, Dim::K, Dim::C, Dim::R, Dim::S})
      newWeights |= pos[idx(d)] != prevPos[idx(d)];
    int64_t weightLoad = 0;
    if (newWeights) {
      int64_t weights = e(Dim::G) * e(Dim::K) * vnSize;
      weightLoad = ceilDiv(weights, dnBw);
      st.dnElements += weights;
    }

    // Inputs: the rows and columns the tile's windows span.
    int64_t colLo;
    int64_t rows = spanOf(lo[idx(Dim::OY)], hi[idx(Dim::OY)], lo[idx(Dim::R)],
                          hi[idx(Dim::R)], shape.stride[0], shape.dilation[0],
                          shape.padding[0], shape.size(Dim::Y));
    int64_t cols = spanOf(lo[idx(Dim::OX)], hi[idx(Dim::OX)], lo[idx(Dim::S)],
                          hi[idx(Dim::S)], shape.stride[1], shape.dilation[1],
                          shape.padding[2], shape.size(Dim::X), &colLo);
    int64_t planes = e(Dim::N) * e(Dim::G) * e(Dim::C);
    int64_t newCols = cols;
    // Sliding along output columns, everything else fixed: the overlap with
    // the previous tile's columns moves over the forwarding links.
    bool slid =
        forwarding && !first && pos[idx(Dim::OX)] == prevPos[idx(Dim::OX)] + 1;
    for (Dim d : {Dim::N, Dim::G, Dim::K, Dim::C, Dim::R, Dim::S, Dim::OY})
      slid &= pos[idx(d)] == prevPos[idx(d)];
    if (slid) {
      int64_t overlap = std::max<int64_t>(0, std::min(prevColHi, colLo + cols) -
                                                 std::max(prevColLo, colLo));
      newCols = cols - overlap;
      st.forwardedElements += planes * rows * overlap;
    }
    int64_t inputs = planes * rows * newCols;
    st.dnElements += inputs;
    st.multicastDeliveries += planes * rows * cols * (e(Dim::K) - 1);
    prevColLo = colLo;
    prevColHi = colLo + cols;

    int64_t distribution = ceilDiv(inputs, dnBw);
    int64_t collection = ceilDiv(vns, rnBw);
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
    st.collected += vns;
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
/// dimensions, the input span they produce (rows or columns, and the part
/// that is new when the tile slides), and which of the dimensions are at
/// their first tile (that decides weight reloads).
struct TileClass {
  int64_t count = 0;
  std::array<int64_t, kNumDims> extent{};
  int64_t span = 1, newSpan = 1;
  unsigned firstMask = 0; // bit idx(d): dimension d at its first tile
};

/// The classes of one group: a lone dimension (`second` == nullopt) or an
/// output dimension with its filter dimension, whose input span is clipped
/// by padding and the image border.
std::vector<TileClass> classesOf(const LayerShape &shape,
                                 const MaeriSchedule &s, Dim first,
                                 std::optional<Dim> window, bool slides) {
  auto tileOf = [&](Dim d) {
    for (unsigned t = 0; t < kNumTileDims; ++t)
      if (kTiled[t] == d)
        return s.tile[t];
    return int64_t(1);
  };
  int64_t t1 = tileOf(first), n1 = ceilDiv(shape.size(first), t1);
  int64_t t2 = window ? tileOf(*window) : 1;
  int64_t n2 = window ? ceilDiv(shape.size(*window), t2) : 1;
  bool rows = first == Dim::OY;
  std::map<std::array<int64_t, 6>, int64_t> histogram;
  for (int64_t i = 0; i < n1; ++i) {
    int64_t lo1 = i * t1, hi1 = std::min(lo1 + t1, shape.size(first));
    for (int64_t j = 0; j < n2; ++j) {
      int64_t lo2 = j * t2, hi2 = window ? std::min(lo2 + t2, shape.size(*window)) : 1;
      int64_t span = 1, newSpan = 1;
      if (window) {
        unsigned a = rows ? 0 : 1;
        int64_t pad = shape.padding[rows ? 0 : 2];
        int64_t extent = shape.size(rows ? Dim::Y : Dim::X);
        int64_t spanLo;
        span = spanOf(lo1, hi1, lo2, hi2, shape.stride[a], shape.dilation[a],
                      pad, extent, &spanLo);
        newSpan = span;
        if (slides && i > 0) {
          int64_t prevLo;
          int64_t prev = spanOf(lo1 - t1, lo1, lo2, hi2, shape.stride[a],
                                shape.dilation[a], pad, extent, &prevLo);
          newSpan -= std::max<int64_t>(
              0, std::min(prevLo + prev, spanLo + span) -
                     std::max(prevLo, spanLo));
        }
      }
      ++histogram[{hi1 - lo1, hi2 - lo2, span, newSpan, i == 0, j == 0}];
    }
  }
  std::vector<TileClass> classes;
  for (const auto &[key, count] : histogram) {
    TileClass c;
    c.count = count;
    c.extent.fill(1);
    c.extent[idx(first)] = key[0];
    c.firstMask = key[4] ? 1u << idx(first) : 0u;
    if (window) {
      c.extent[idx(*window)] = key[1];
      c.firstMask |= key[5] ? 1u << idx(*window) : 0u;
      c.span = key[2];
      c.newSpan = key[3];
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
  // same (edge tiles, tiles whose windows the padding or the border clips,
  // tiles that slide), instead of walking the tiles: independent code for
  // the same model, so the two check each other.
  const int64_t dnBw = target.distributionBandwidth();
  const int64_t rnBw = target.reductionBandwidth();
  const bool forwarding = s.usesForwarding(shape);
  std::array<int64_t, kNumDims> count{};
  for (unsigned t = 0; t < kNumTileDims; ++t)
    count[idx(kTiled[t])] = ceilDiv(shape.size(kTiled[t]), s.tile[t]);

  // A tile reloads weights when every dimension after the innermost weight
  // dimension that moves is at its first tile (then a weight dimension
  // changed since the previous tile).
  auto isWeightDim = [](Dim d) {
    return d == Dim::G || d == Dim::K || d == Dim::C || d == Dim::R ||
           d == Dim::S;
  };
  int innermostWeight = -1;
  for (auto [i, d] : llvm::enumerate(s.order))
    if (isWeightDim(d) && count[idx(d)] > 1)
      innermostWeight = static_cast<int>(i);
  unsigned reloadMask = 0;
  for (int i = innermostWeight + 1; i < static_cast<int>(s.order.size()); ++i)
    reloadMask |= 1u << idx(s.order[i]);

  std::vector<std::vector<TileClass>> groups = {
      classesOf(shape, s, Dim::N, std::nullopt, false),
      classesOf(shape, s, Dim::G, std::nullopt, false),
      classesOf(shape, s, Dim::K, std::nullopt, false),
      classesOf(shape, s, Dim::C, std::nullopt, false),
      classesOf(shape, s, Dim::OY, Dim::R, false),
      classesOf(shape, s, Dim::OX, Dim::S, forwarding)};

  int64_t cycles = 0;
  std::function<void(unsigned, const TileClass &, int64_t)> sum =
      [&](unsigned group, const TileClass &acc, int64_t rows) {
        if (group == groups.size()) {
          auto e = [&](Dim d) { return acc.extent[idx(d)]; };
          int64_t vns = e(Dim::N) * e(Dim::G) * e(Dim::K) * e(Dim::OY) *
                        e(Dim::OX);
          int64_t vnSize = e(Dim::C) * e(Dim::R) * e(Dim::S);
          int64_t planes = e(Dim::N) * e(Dim::G) * e(Dim::C);
          int64_t inputs = planes * rows * acc.newSpan;
          int64_t tile = std::max({ceilDiv(inputs, dnBw), int64_t(1),
                                   ceilDiv(vns, rnBw)});
          if ((acc.firstMask & reloadMask) == reloadMask)
            tile += ceilDiv(e(Dim::G) * e(Dim::K) * vnSize, dnBw);
          cycles += acc.count * tile;
          return;
        }
        for (const TileClass &c : groups[group]) {
          TileClass next = acc;
          next.count *= c.count;
          for (unsigned d = 0; d < kNumDims; ++d)
            next.extent[d] *= c.extent[d];
          next.firstMask |= c.firstMask;
          // The rows come from the (OY, R) group, the columns (and what is
          // new of them) from the (OX, S) group, the last.
          next.newSpan = c.newSpan;
          sum(group + 1, next, group == 4 ? c.span : rows);
        }
      };
  TileClass start;
  start.count = 1;
  start.extent.fill(1);
  sum(0, start, 1);

  int64_t fill = target.treeDepth() +
                 static_cast<int64_t>(llvm::Log2_64_Ceil(
                     static_cast<uint64_t>(std::max<int64_t>(s.vnSize(), 1)))) +
                 1;
  return cycles + fill;
}
