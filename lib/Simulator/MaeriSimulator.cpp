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
// after its weight load; each weight visit ends by draining the pipeline
// (visitDrainCycles), as STONNE waits for a filter tile's outputs before
// the next one's weights. The data path (DataPath) moves the operands the
// same way, so the functional check tests these rules.
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
#include <type_traits>

using namespace mlir::accel;

namespace {

/// Sums and products of counters that remember whether any of them left
/// the range of int64_t (the figures are then meaningless).
class CheckedArithmetic {
public:
  int64_t add(int64_t a, int64_t b) {
    int64_t r;
    overflowed |= llvm::AddOverflow(a, b, r) != 0;
    return r;
  }
  int64_t mul(int64_t a, int64_t b) {
    int64_t r;
    overflowed |= llvm::MulOverflow(a, b, r) != 0;
    return r;
  }
  void accumulate(int64_t &into, int64_t v) { into = add(into, v); }
  bool overflowed = false;
};

llvm::Error overflowError(llvm::StringRef what) {
  return llvm::createStringError(
      llvm::inconvertibleErrorCode(),
      llvm::formatv("the layer's {0} overflow 64-bit integers", what));
}


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
                   bool outputRole, CheckedArithmetic &ck) {
  int64_t n = 1;
  for (int64_t size : shape.tensorSizes(layout, outputRole))
    n = ck.mul(n, size);
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

/// The positions of a full tile's window (relative to its base) that fall
/// in the layer's padding along one axis: [0, before) and [gapLo, gapHi).
/// The distribution never sends them. Positions past the padding are holes
/// of an edge tile, which the memory controller sends like the rest.
struct PaddingTaps {
  int64_t before = 0, gapLo = 0, gapHi = 0;
};
PaddingTaps paddingTapsOf(const Window &w, int64_t padAfter, int64_t extent) {
  PaddingTaps p;
  p.before = std::min(w.before, w.span);
  int64_t lo = std::max<int64_t>(extent - w.base, p.before);
  int64_t hi = std::min(extent + padAfter - w.base, w.span);
  if (lo < hi) {
    p.gapLo = lo;
    p.gapHi = hi;
  }
  return p;
}

/// The dimensions of `order` after the innermost one `selects` picks among
/// those with more than one tile (all of them when there is none). A run of
/// consecutive tiles in which only these move keeps the picked dimensions.
unsigned dimsInside(const LayerShape &shape, const MaeriSchedule &s,
                    llvm::function_ref<bool(Dim)> selects) {
  int innermost = -1;
  for (auto [i, d] : llvm::enumerate(s.order))
    if (selects(d) && llvm::divideCeilSigned(shape.size(d), s.tileOf(d)) > 1)
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

  /// Switches per VN: the schedule's full T_C * T_R * T_S.
  int64_t vnSize() const {
    return full[idx(Dim::C)] * full[idx(Dim::R)] * full[idx(Dim::S)];
  }

  /// Dimensions at or outside the innermost moving G/K dimension: a move of
  /// any of them starts a new weight visit.
  unsigned visitMask() const { return outerMask; }

  /// Cycles to send the inputs of a full tile at some position, and the
  /// sends. `rowPad` and `colPad` are the window's taps in the padding; the
  /// first `held` columns are already in the switches (forwarding links).
  int64_t inputCycles(const PaddingTaps &rowPad, const PaddingTaps &colPad,
                      int64_t held, int64_t *sends) {
    const std::array<int64_t, kNumDims> &e = full;
    std::array<int64_t, 7> key = {rowPad.before, rowPad.gapLo, rowPad.gapHi,
                                  colPad.before, colPad.gapLo, colPad.gapHi,
                                  held};
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
        auto inPadding = [](const PaddingTaps &p, int64_t at) {
          return at < p.before || (at >= p.gapLo && at < p.gapHi);
        };
        if (inPadding(rowPad, row) || inPadding(colPad, col) || col < held)
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

  /// Cycles to load the weights of a visit, and the sends: the full tile's
  /// G/K slice, once per fold of C, R and S inside the visit (the switches
  /// buffer every fold's weights; an edge fold is sent whole, zeros where
  /// it runs past the filter, as STONNE's memory controller does).
  int64_t weightCycles(int64_t *sends) {
    if (!visitWeights) {
      int64_t foldsInside = 1;
      for (Dim d : {Dim::C, Dim::R, Dim::S})
        if (!(outerMask & (1u << idx(d))))
          foldsInside *= llvm::divideCeilSigned(shape.size(d), full[idx(d)]);
      std::vector<std::vector<int64_t>> perPort;
      forEachSwitch(full, [&](int64_t sw, int64_t, int64_t g, int64_t k,
                              int64_t, int64_t, int64_t c, int64_t r,
                              int64_t sc) {
        add(perPort, sw,
            (((g * full[idx(Dim::K)] + k) * full[idx(Dim::C)] + c) *
                 full[idx(Dim::R)] +
             r) * full[idx(Dim::S)] +
                sc);
      });
      visitWeights = loadOf(perPort, [&](int64_t) { return foldsInside; });
    }
    *sends = visitWeights->second;
    return visitWeights->first;
  }

  /// Calls `fn(switch, n, g, k, oy, ox, c, r, s)` for every active
  /// multiplier switch of a tile of extents `e` (coordinates relative to the
  /// tile), in increasing switch order: MAERI's placement of VNs.
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
private:
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
  std::map<std::array<int64_t, 7>, std::pair<int64_t, int64_t>> inputCache;
  std::optional<std::pair<int64_t, int64_t>> visitWeights;
};

/// The wait at the end of a weight visit: STONNE's memory controller sends
/// the next K/G tile's weights only once every output of the previous one
/// is written back (SDMemory::cycle, `pck_iteration <= current_iteration`),
/// so each visit drains the pipeline behind its last input: 3 cycles
/// (switch, collection bus, write-back), the reduction tree's levels for
/// the VN (at least one: a VN of one switch still passes an adder), the
/// levels above the VNs up to the top of the switches the tile occupies
/// that a port's subtree does not already span (STONNE's ART forwards a
/// finished sum upwards, CompilerART leaving the direct path to the bus
/// disabled), and one more when the visit's sends take several cycles per
/// port. Measured on STONNE 22634b8 with one-tile layers (docs/MAERI.md).
int64_t visitDrainCycles(const MaeriSchedule &s, const MaeriTargetModel &t,
                         int64_t weightLoad) {
  auto levels = [](int64_t n) {
    return static_cast<int64_t>(llvm::Log2_64_Ceil(static_cast<uint64_t>(n)));
  };
  int64_t vnLevels = std::max<int64_t>(1, levels(s.vnSize()));
  int64_t perPort = levels(t.numMultipliers() / t.distributionBandwidth());
  int64_t above = std::max<int64_t>(
      0, levels(s.vnSize() * s.numVNs()) - std::max(levels(s.vnSize()), perPort));
  return 3 + vnLevels + above + (weightLoad > 1 ? 1 : 0);
}

/// Where one active multiplier switch of a tile shape takes its input from
/// (row and column relative to the tile's window, the (n, g, c) plane
/// relative to the tile's first) and the VN whose reduction its product
/// joins.
struct SwitchTap {
  int64_t sw, vn, row, col, plane;
};
/// A VN of a tile shape and its output element relative to the tile's
/// first.
struct VnOutput {
  int64_t vn, offset;
};

/// The data path of the machine, step by step as the cycle model moves
/// data: each switch multiplies the weight its buffer got at the visit's
/// weight load by the input the distribution network sent it, or that its
/// right neighbour held one output column back (forwarding links); the
/// reduction tree sums each VN's products into its accumulator, which the
/// collection bus adds to the output when the cycle model collects it.
/// Acc is uint64_t for integers (wrapping, as the output type does) and
/// float for floats.
template <typename Acc> class DataPath {
public:
  DataPath(const LayerShape &shape, const Layout &layout,
           const DistributionNetwork &dn, const SimOperands &ops,
           int64_t switches, int64_t numVns, int64_t weightFolds,
           int64_t heldFolds, SimFault fault)
      : shape(shape), layout(layout), dn(dn), switches(switches),
        fault(fault) {
    auto convert = [](const std::vector<double> &v) {
      std::vector<Acc> r(v.size());
      for (size_t i = 0; i < v.size(); ++i)
        r[i] = valueOf(v[i]);
      return r;
    };
    in = convert(ops.input);
    w = convert(ops.filter);
    out = convert(ops.init);
    inZp = valueOf(ops.inputZeroPoint);
    wZp = valueOf(ops.filterZeroPoint);
    weightBuffer.assign(weightFolds * switches, Acc(0));
    heldInputs.assign(heldFolds * switches, Acc(0));
    vnSum.assign(numVns, Acc(0));
    accumulator.assign(numVns, Acc(0));
  }

  /// The weight load of a visit: fold `fold` of the visit, a tile starting
  /// at `lo` of extents `e`, fills the buffers of its switches.
  void loadWeights(int64_t fold, const std::array<int64_t, kNumDims> &lo,
                   const std::array<int64_t, kNumDims> &e) {
    Acc *buffer = &weightBuffer[fold * switches];
    dn.forEachSwitch(e, [&](int64_t sw, int64_t, int64_t g, int64_t k,
                            int64_t, int64_t, int64_t c, int64_t r,
                            int64_t s) {
      buffer[sw] = w[(lo[idx(Dim::G)] + g) * layout.w[idx(Dim::G)] +
                     (lo[idx(Dim::K)] + k) * layout.w[idx(Dim::K)] +
                     (lo[idx(Dim::C)] + c) * layout.w[idx(Dim::C)] +
                     (lo[idx(Dim::R)] + r) * layout.w[idx(Dim::R)] +
                     (lo[idx(Dim::S)] + s) * layout.w[idx(Dim::S)]];
    });
  }

  /// One tile: `weightFold` selects the buffered weights, `heldFold` the
  /// inputs kept for forwarding (-1 without forwarding), the first
  /// `heldColumns` columns of the window arrive over the forwarding links.
  void runTile(const std::array<int64_t, kNumDims> &lo,
               const std::array<int64_t, kNumDims> &e, int64_t weightFold,
               int64_t heldFold, int64_t heldColumns, bool collects) {
    const Shape &t = shapeOf(e);
    const int64_t Y = shape.size(Dim::Y), X = shape.size(Dim::X);
    const int64_t y0 = lo[idx(Dim::OY)] * shape.stride[0] +
                       lo[idx(Dim::R)] * shape.dilation[0] - shape.padding[0];
    const int64_t x0 = lo[idx(Dim::OX)] * shape.stride[1] +
                       lo[idx(Dim::S)] * shape.dilation[1] - shape.padding[2];
    const int64_t planes = lo[idx(Dim::N)] * layout.in[idx(Dim::N)] +
                           lo[idx(Dim::G)] * layout.in[idx(Dim::G)] +
                           lo[idx(Dim::C)] * layout.in[idx(Dim::C)];
    const int64_t inY = layout.in[idx(Dim::Y)], inX = layout.in[idx(Dim::X)];
    const Acc *weights = &weightBuffer[weightFold * switches];
    Acc *held = heldFold >= 0 ? &heldInputs[heldFold * switches] : nullptr;
    const int64_t source =
        fault == SimFault::ForwardFromLeftNeighbour ? -1 : 1;
    const int64_t weightOf = fault == SimFault::WeightOfNextSwitch ? 1 : 0;
    for (const SwitchTap &tap : t.taps) {
      Acc a;
      if (tap.col < heldColumns) {
        // Taps run in increasing switch order: the right neighbour still
        // holds its input of one column back.
        int64_t from = tap.sw + source;
        a = from >= 0 && from < switches ? held[from] : Acc(0);
      } else {
        int64_t y = y0 + tap.row, x = x0 + tap.col;
        a = y >= 0 && y < Y && x >= 0 && x < X
                ? in[planes + tap.plane + y * inY + x * inX]
                : inZp; // padding: zero once the zero point is off
      }
      if (held)
        held[tap.sw] = a;
      int64_t wsw = std::min(tap.sw + weightOf, switches - 1);
      vnSum[tap.vn] += (a - inZp) * (weights[wsw] - wZp);
    }
    const int64_t outBase = lo[idx(Dim::N)] * layout.out[idx(Dim::N)] +
                            lo[idx(Dim::G)] * layout.out[idx(Dim::G)] +
                            lo[idx(Dim::K)] * layout.out[idx(Dim::K)] +
                            lo[idx(Dim::OY)] * layout.out[idx(Dim::OY)] +
                            lo[idx(Dim::OX)] * layout.out[idx(Dim::OX)];
    for (const VnOutput &v : t.outputs) {
      accumulator[v.vn] += vnSum[v.vn];
      vnSum[v.vn] = 0;
      if (collects) {
        out[outBase + v.offset] += accumulator[v.vn];
        accumulator[v.vn] = 0;
      }
    }
  }

  /// The output, wrapped to the output type for integers.
  std::vector<double> output(const SimElementType &type) const {
    std::vector<double> r(out.size());
    for (size_t i = 0; i < out.size(); ++i)
      r[i] = resultOf(out[i], type.outputBits);
    return r;
  }

private:
  struct Shape {
    std::vector<SwitchTap> taps;
    std::vector<VnOutput> outputs;
  };
  static Acc valueOf(double v) {
    if constexpr (std::is_floating_point_v<Acc>)
      return static_cast<Acc>(v);
    else
      return static_cast<Acc>(std::llround(v));
  }
  static double resultOf(Acc v, unsigned bits) {
    if constexpr (std::is_floating_point_v<Acc>)
      return static_cast<double>(v);
    else
      return static_cast<double>(wrap(static_cast<int64_t>(v), bits));
  }

  const Shape &shapeOf(const std::array<int64_t, kNumDims> &e) {
    if (last && lastExtents == e)
      return *last;
    auto [it, inserted] = shapes.try_emplace(e);
    Shape &t = it->second;
    if (inserted) {
      int64_t previousVn = -1;
      dn.forEachSwitch(e, [&](int64_t sw, int64_t n, int64_t g, int64_t k,
                              int64_t oy, int64_t ox, int64_t c, int64_t r,
                              int64_t s) {
        int64_t vn = sw / dn.vnSize();
        t.taps.push_back(
            {sw, vn, oy * shape.stride[0] + r * shape.dilation[0],
             ox * shape.stride[1] + s * shape.dilation[1],
             n * layout.in[idx(Dim::N)] + g * layout.in[idx(Dim::G)] +
                 c * layout.in[idx(Dim::C)]});
        if (vn != previousVn)
          t.outputs.push_back({vn, n * layout.out[idx(Dim::N)] +
                                       g * layout.out[idx(Dim::G)] +
                                       k * layout.out[idx(Dim::K)] +
                                       oy * layout.out[idx(Dim::OY)] +
                                       ox * layout.out[idx(Dim::OX)]});
        previousVn = vn;
      });
    }
    last = &t;
    lastExtents = e;
    return t;
  }

  const LayerShape &shape;
  const Layout &layout;
  const DistributionNetwork &dn;
  int64_t switches;
  SimFault fault;
  std::vector<Acc> in, w, out;
  Acc inZp, wZp;
  /// Per fold of the visit, each switch's weight.
  std::vector<Acc> weightBuffer;
  /// Per fold between two output columns, each switch's last input.
  std::vector<Acc> heldInputs;
  std::vector<Acc> vnSum, accumulator;
  std::map<std::array<int64_t, kNumDims>, Shape> shapes;
  const Shape *last = nullptr;
  std::array<int64_t, kNumDims> lastExtents{};
};

/// A mixed-radix index over the tile positions of some dimensions.
struct FoldIndex {
  llvm::SmallVector<std::pair<unsigned, int64_t>, 3> radix; // (dim, weight)
  int64_t count = 1;
  void add(Dim d, int64_t tiles) {
    radix.push_back({idx(d), count});
    count *= tiles;
  }
  int64_t of(const std::array<int64_t, kNumDims> &pos) const {
    int64_t i = 0;
    for (auto [d, weight] : radix)
      i += pos[d] * weight;
    return i;
  }
};

/// The largest weight or held-input buffer the data path allocates (values
/// over all switches and folds).
constexpr int64_t kMaxBufferValues = int64_t(1) << 28;

} // namespace

llvm::Expected<SimResult> mlir::accel::simulateMaeri(
    const LayerShape &shape, const MaeriSchedule &schedule,
    const MaeriTargetModel &target, const SimOperands &ops, bool timingOnly,
    SimFault fault) {
  if (llvm::Error err = verifySchedule(schedule, shape, target))
    return std::move(err);
  CheckedArithmetic ck;
  Layout layout{stridesOf(ops.inputLayout, shape, false),
                stridesOf(ops.filterLayout, shape, false),
                stridesOf(ops.outputLayout, shape, true)};
  if (!timingOnly) {
    int64_t inSize = elementsOf(ops.inputLayout, shape, false, ck),
            wSize = elementsOf(ops.filterLayout, shape, false, ck),
            outSize = elementsOf(ops.outputLayout, shape, true, ck);
    if (ck.overflowed)
      return overflowError("operand sizes");
    if (static_cast<int64_t>(ops.input.size()) != inSize ||
        static_cast<int64_t>(ops.filter.size()) != wSize ||
        static_cast<int64_t>(ops.init.size()) != outSize)
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "operand sizes do not match the layer");
  }

  // Tile counts per canonical dimension, and the visiting order.
  std::array<int64_t, kNumDims> tileSize{}, extent{}, count{};
  for (Dim d : kTiled) {
    tileSize[idx(d)] = schedule.tileOf(d);
    extent[idx(d)] = shape.size(d);
    count[idx(d)] = llvm::divideCeilSigned(extent[idx(d)], tileSize[idx(d)]);
  }
  const int64_t rnBw = target.reductionBandwidth();
  const int64_t ms = target.numMultipliers();
  const bool forwarding = schedule.usesForwarding(shape);
  DistributionNetwork dn(shape, schedule, target);
  const unsigned accumulatedWhile = dimsInside(shape, schedule, isVnDim);

  // The folds whose weights a visit keeps in the switches (C, R, S inside
  // the visit) and the folds visited between two output columns (the
  // dimensions after OX, when forwarding), each switch keeping an input
  // per fold.
  FoldIndex weightFold, heldFold;
  for (Dim d : {Dim::C, Dim::R, Dim::S})
    if (!(dn.visitMask() & (1u << idx(d))))
      weightFold.add(d, count[idx(d)]);
  if (forwarding)
    for (Dim d : llvm::make_range(std::next(llvm::find(schedule.order, Dim::OX)),
                                  schedule.order.end()))
      heldFold.add(d, count[idx(d)]);

  std::optional<DataPath<float>> floatPath;
  std::optional<DataPath<uint64_t>> intPath;
  if (!timingOnly) {
    int64_t values = std::max(ck.mul(weightFold.count, ms),
                              ck.mul(heldFold.count, ms));
    if (ck.overflowed || values > kMaxBufferValues)
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(),
          llvm::formatv("the switches' buffers would hold more than {0} "
                        "values (weights of every fold of a visit)",
                        kMaxBufferValues));
    int64_t heldFolds = forwarding ? heldFold.count : 0;
    if (ops.type.isFloat)
      floatPath.emplace(shape, layout, dn, ops, ms, schedule.numVNs(),
                        weightFold.count, heldFolds, fault);
    else
      intPath.emplace(shape, layout, dn, ops, ms, schedule.numVNs(),
                      weightFold.count, heldFolds, fault);
  }
  auto loadWeights = [&](const std::array<int64_t, kNumDims> &pos,
                         std::array<int64_t, kNumDims> lo,
                         std::array<int64_t, kNumDims> e) {
    // Every fold of the visit: C, R, S positions inside it.
    std::array<int64_t, kNumDims> foldPos = pos;
    std::function<void(unsigned)> each = [&](unsigned i) {
      if (i == weightFold.radix.size()) {
        int64_t f = weightFold.of(foldPos);
        if (floatPath)
          floatPath->loadWeights(f, lo, e);
        else
          intPath->loadWeights(f, lo, e);
        return;
      }
      unsigned d = weightFold.radix[i].first;
      for (int64_t p = 0; p < count[d]; ++p) {
        foldPos[d] = p;
        lo[d] = p * tileSize[d];
        e[d] = std::min(lo[d] + tileSize[d], extent[d]) - lo[d];
        each(i + 1);
      }
    };
    each(0);
  };

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
    int64_t weightLoad = 0, drain = 0;
    if (newWeights) {
      int64_t sends = 0;
      weightLoad = dn.weightCycles(&sends);
      drain = visitDrainCycles(schedule, target, weightLoad);
      ck.accumulate(st.dnElements, sends);
      if (!timingOnly)
        loadWeights(pos, lo, ext);
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
      ck.accumulate(st.forwardedElements, planes * rows * overlap);
      held = std::max<int64_t>(0, prev.end() - colWin.base);
    }
    // The cost is the full tile's: an edge tile is sent whole (its holes
    // as zeros), skipping only the padding.
    auto paddingAlong = [&](Dim out, Dim win, unsigned axis) {
      int64_t image = shape.size(axis ? Dim::X : Dim::Y);
      Window full = windowOf(lo[idx(out)], lo[idx(out)] + tileSize[idx(out)],
                             lo[idx(win)], lo[idx(win)] + tileSize[idx(win)],
                             shape.stride[axis], shape.dilation[axis],
                             shape.padding[axis * 2], image);
      return paddingTapsOf(full, shape.padding[axis * 2 + 1], image);
    };
    int64_t inputSends = 0;
    int64_t distribution =
        dn.inputCycles(paddingAlong(Dim::OY, Dim::R, 0),
                       paddingAlong(Dim::OX, Dim::S, 1), held, &inputSends);
    ck.accumulate(st.dnElements, inputSends);
    ck.accumulate(st.multicastDeliveries,
                  ck.mul(planes * rows * cols, e(Dim::K) - 1));

    // The accumulators keep a VN's partial sum while only the dimensions
    // inside the innermost moving output dimension (folds) move: its result
    // leaves through the collection bus after the last of them.
    bool collects = true;
    for (Dim d : kTiled)
      if (accumulatedWhile & (1u << idx(d)))
        collects &= pos[idx(d)] == count[idx(d)] - 1;
    int64_t collection =
        collects ? llvm::divideCeilSigned(schedule.numVNs(), rnBw) : 0;
    int64_t streaming = std::max({distribution, int64_t(1), collection});
    ck.accumulate(st.cycles, ck.add(ck.add(weightLoad, drain), streaming));
    ck.accumulate(st.fillDrainCycles, drain);
    ck.accumulate(st.weightLoadCycles, weightLoad);
    ck.accumulate(st.distributionCycles, distribution);
    ck.accumulate(st.collectionCycles, collection);
    ck.accumulate(st.stallWeightLoad, weightLoad);
    ck.accumulate(st.stallDistribution,
                  std::max<int64_t>(0, distribution -
                                           std::max<int64_t>(1, collection)));
    ck.accumulate(st.stallCollection,
                  std::max<int64_t>(0, collection -
                                           std::max<int64_t>(1, distribution)));
    ck.accumulate(st.msMultiplies, vns * vnSize);
    ck.accumulate(st.rnAdds, vns * (vnSize - 1));
    ck.accumulate(st.collected, collects ? vns : 0);
    ck.accumulate(st.tiles, 1);

    if (!timingOnly) {
      int64_t wf = weightFold.of(pos);
      int64_t hf = forwarding ? heldFold.of(pos) : -1;
      if (floatPath)
        floatPath->runTile(lo, ext, wf, hf, held, collects);
      else
        intPath->runTile(lo, ext, wf, hf, held, collects);
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
  if (ck.overflowed)
    return overflowError("cycle and traffic counts");
  st.macs = st.msMultiplies;
  st.msUtilization = static_cast<double>(st.msMultiplies) /
                     (static_cast<double>(st.cycles) * static_cast<double>(ms));

  SimResult result;
  result.stats = st;
  if (floatPath)
    result.output = floatPath->output(ops.type);
  else if (intPath)
    result.output = intPath->output(ops.type);
  return result;
}

namespace {
/// Tiles that cost the same, counted together: a tile costs what its full
/// tile costs, so they differ only by the window's taps in the padding and
/// the columns the forwarding links hold (for the OY/R and OX/S groups), and
/// by which dimensions are at their first tile (that decides weight visits)
/// or last (that decides collection).
struct TileClass {
  int64_t count = 0;
  PaddingTaps padding;
  int64_t held = 0;
  unsigned firstMask = 0; // bit idx(d): dimension d at its first tile
  unsigned lastMask = 0;  // bit idx(d): dimension d at its last tile
};

/// The classes of one group: a lone dimension (`window` == nullopt) or an
/// output dimension with its filter dimension.
std::vector<TileClass> classesOf(const LayerShape &shape,
                                 const MaeriSchedule &s, Dim first,
                                 std::optional<Dim> window, bool slides) {
  int64_t t1 = s.tileOf(first),
          n1 = llvm::divideCeilSigned(shape.size(first), t1);
  int64_t t2 = window ? s.tileOf(*window) : 1;
  int64_t n2 = window ? llvm::divideCeilSigned(shape.size(*window), t2) : 1;
  bool rows = first == Dim::OY;
  std::map<std::array<int64_t, 8>, int64_t> histogram;
  if (!window) {
    // Only the first, the last and the tiles between differ.
    ++histogram[{0, 0, 0, 0, 1, 1, n1 == 1, 1}];
    if (n1 > 2)
      histogram[{0, 0, 0, 0, 0, 1, 0, 1}] += n1 - 2;
    if (n1 > 1)
      ++histogram[{0, 0, 0, 0, 0, 1, 1, 1}];
    n1 = 0; // counted
  }
  for (int64_t i = 0; i < n1; ++i) {
    int64_t lo1 = i * t1, hi1 = std::min(lo1 + t1, shape.size(first));
    for (int64_t j = 0; j < n2; ++j) {
      int64_t lo2 = j * t2, hi2 = std::min(lo2 + t2, shape.size(*window));
      unsigned a = rows ? 0 : 1;
      int64_t pad = shape.padding[a * 2];
      int64_t extent = shape.size(rows ? Dim::Y : Dim::X);
      PaddingTaps taps = paddingTapsOf(
          windowOf(lo1, lo1 + t1, lo2, lo2 + t2, shape.stride[a],
                   shape.dilation[a], pad, extent),
          shape.padding[a * 2 + 1], extent);
      int64_t held = 0;
      if (slides && i > 0)
        held = std::max<int64_t>(
            0, windowOf(lo1 - t1, lo1, lo2, hi2, shape.stride[a],
                        shape.dilation[a], pad, extent)
                       .end() -
                   windowOf(lo1, hi1, lo2, hi2, shape.stride[a],
                            shape.dilation[a], pad, extent)
                       .base);
      ++histogram[{taps.before, taps.gapLo, taps.gapHi, held, i == 0, j == 0,
                   i == n1 - 1, j == n2 - 1}];
    }
  }
  std::vector<TileClass> classes;
  for (const auto &[key, count] : histogram) {
    TileClass c;
    c.count = count;
    c.padding = {key[0], key[1], key[2]};
    c.held = key[3];
    c.firstMask = key[4] ? 1u << idx(first) : 0u;
    c.lastMask = key[6] ? 1u << idx(first) : 0u;
    if (window) {
      c.firstMask |= key[5] ? 1u << idx(*window) : 0u;
      c.lastMask |= key[7] ? 1u << idx(*window) : 0u;
    }
    classes.push_back(c);
  }
  return classes;
}
} // namespace

llvm::Expected<int64_t>
mlir::accel::estimateMaeriCycles(const LayerShape &shape, const MaeriSchedule &s,
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

  CheckedArithmetic ck;
  int64_t cycles = 0;
  const int64_t collection = llvm::divideCeilSigned(s.numVNs(), rnBw);
  PaddingTaps rowPad;
  std::function<void(unsigned, const TileClass &)> sum =
      [&](unsigned group, const TileClass &acc) {
        if (group == groups.size()) {
          int64_t sends = 0;
          int64_t distribution =
              dn.inputCycles(rowPad, acc.padding, acc.held, &sends);
          bool collects = (acc.lastMask & lastNeeded) == lastNeeded;
          int64_t tile =
              std::max({distribution, int64_t(1), collects ? collection : 0});
          if ((acc.firstMask & firstNeeded) == firstNeeded) {
            int64_t weightLoad = dn.weightCycles(&sends);
            tile += weightLoad + visitDrainCycles(s, target, weightLoad);
          }
          ck.accumulate(cycles, ck.mul(acc.count, tile));
          return;
        }
        for (const TileClass &c : groups[group]) {
          TileClass next = acc;
          next.count = ck.mul(next.count, c.count);
          next.firstMask |= c.firstMask;
          next.lastMask |= c.lastMask;
          // The row taps come from the (OY, R) group, the column taps and
          // the held columns from the (OX, S) group, the last.
          if (group == 4) {
            rowPad = c.padding;
          } else if (group == 5) {
            next.padding = c.padding;
            next.held = c.held;
          }
          sum(group + 1, next);
        }
      };
  TileClass start;
  start.count = 1;
  sum(0, start);

  if (ck.overflowed)
    return overflowError("cycles");
  return cycles;
}
