//===- MaeriSimulatorTest.cpp - The simulated executor --------------------===//

#include "accel/Simulator/MaeriSimulator.h"

#include "gtest/gtest.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <random>

using namespace mlir::accel;

namespace {

/// The result, or a test failure naming the error (never cantFail: in
/// release builds it does not stop on an error).
SimResult run(const LayerShape &shape, const MaeriSchedule &s,
              const MaeriTargetModel &m, const SimOperands &ops,
              bool timingOnly = false) {
  llvm::Expected<SimResult> r = simulateMaeri(shape, s, m, ops, timingOnly);
  if (!r) {
    ADD_FAILURE() << llvm::toString(r.takeError());
    return {};
  }
  return std::move(*r);
}

/// The analytical model's cycles, or -1 and a test failure on an error.
int64_t estimate(const LayerShape &shape, const MaeriSchedule &s,
                 const MaeriTargetModel &m) {
  llvm::Expected<int64_t> r = estimateMaeriCycles(shape, s, m);
  if (!r) {
    ADD_FAILURE() << llvm::toString(r.takeError());
    return -1;
  }
  return *r;
}

MaeriTargetModel maeri(int64_t ms, int64_t dn, int64_t rn) {
  return llvm::cantFail(MaeriTargetModel::get(MaeriConfig{ms, dn, rn}));
}

MaeriSchedule tiles(int64_t tk, int64_t tc, int64_t tr, int64_t ts, int64_t toy,
                    int64_t tox) {
  MaeriSchedule s;
  auto set = [&](TileDim t, int64_t v) {
    s.tile[static_cast<unsigned>(t)] = v;
  };
  set(TileDim::K, tk);
  set(TileDim::C, tc);
  set(TileDim::R, tr);
  set(TileDim::S, ts);
  set(TileDim::OY, toy);
  set(TileDim::OX, tox);
  s.order = {Dim::N, Dim::G, Dim::K, Dim::C, Dim::R, Dim::S, Dim::OY, Dim::OX};
  return s;
}

SimOperands operands(const LayerShape &shape, bool isFloat) {
  SimOperands ops;
  ops.inputLayout = "NCYX";
  ops.filterLayout = "KCRS";
  ops.outputLayout = "NKYX";
  ops.type.isFloat = isFloat;
  int64_t in = shape.size(Dim::C) * shape.size(Dim::Y) * shape.size(Dim::X);
  int64_t w = shape.size(Dim::K) * shape.size(Dim::C) * shape.size(Dim::R) *
              shape.size(Dim::S);
  int64_t out = shape.size(Dim::K) * shape.outputRows() * shape.outputCols();
  for (int64_t i = 0; i < in; ++i)
    ops.input.push_back(isFloat ? (i % 7) * 0.25 - 0.5 : (i % 11) - 5);
  for (int64_t i = 0; i < w; ++i)
    ops.filter.push_back(isFloat ? (i % 5) * 0.5 - 1.0 : (i % 13) - 6);
  ops.init.assign(out, 0);
  return ops;
}

LayerShape conv(int64_t k, int64_t c, int64_t r, int64_t y) {
  LayerShape s;
  s.sizes = {1, 1, k, c, r, r, y, y};
  return s;
}

// Partial tiles on every dimension (K 5 in 2s, C 3 in 2s, OY/OX 4 in 3s),
// stride 1: the output equals the loop nest, for integers bit for bit.
TEST(MaeriSimulator, MatchesTheLoopNest) {
  LayerShape shape = conv(5, 3, 3, 6);
  MaeriSchedule s = tiles(2, 2, 3, 3, 1, 3);
  for (bool isFloat : {false, true}) {
    SimOperands ops = operands(shape, isFloat);
    SimResult r = run(shape, s, maeri(128, 8, 8), ops);
    std::vector<double> ref = referenceConvolution(shape, ops);
    ASSERT_EQ(r.output.size(), ref.size());
    for (size_t i = 0; i < ref.size(); ++i)
      EXPECT_EQ(r.output[i], ref[i]) << "element " << i;
    EXPECT_EQ(r.stats.macs, 5 * 3 * 9 * 16);
  }
}

// Strided, padded, quantized: zero points subtracted, padding contributes 0.
TEST(MaeriSimulator, StridePaddingZeroPoints) {
  LayerShape shape = conv(4, 2, 3, 7);
  shape.stride = {2, 2};
  shape.padding = {1, 1, 1, 1};
  SimOperands ops = operands(shape, false);
  ops.inputZeroPoint = 3;
  ops.filterZeroPoint = -2;
  MaeriSchedule s = tiles(4, 1, 3, 3, 2, 1);
  SimResult r = run(shape, s, maeri(128, 8, 8), ops);
  EXPECT_EQ(r.output, referenceConvolution(shape, ops));
}

// The cycle model by hand: K 2, C 1, 1x1 filter on 1x2 pixels (2 output
// columns), one VN of 1 switch per (k, x): T_K = 2, T_X' = 2, one tile of
// 4 VNs, (k0 x0) (k0 x1) (k1 x0) (k1 x1) on switches 0-3. dn_bw = 2: two
// ports, each over 2 switches (one filter's VNs). Weights: each port sends
// its filter's weight once, multicast to both switches: 1 cycle. Inputs:
// each port needs both pixels: 2 cycles. Collection of 4 VNs at rn_bw 1:
// 4 cycles. Tile: 1 + max(2, 1, 4) = 5. The visit's drain: 3 + one
// reduction level (a VN of one switch still passes an adder) + one level
// above the VNs (the 4 switches span 2 levels, a port's subtree 1), no
// extra cycle as the weights took one: 5. Total 10.
TEST(MaeriSimulator, CyclesByHand) {
  LayerShape shape;
  shape.sizes = {1, 1, 2, 1, 1, 1, 1, 2};
  MaeriSchedule s = tiles(2, 1, 1, 1, 1, 2);
  SimOperands ops = operands(shape, true);
  SimResult r = run(shape, s, maeri(4, 2, 1), ops);
  EXPECT_EQ(r.stats.tiles, 1);
  EXPECT_EQ(r.stats.weightLoadCycles, 1);
  EXPECT_EQ(r.stats.distributionCycles, 2);
  EXPECT_EQ(r.stats.collectionCycles, 4);
  EXPECT_EQ(r.stats.stallCollection, 2);
  EXPECT_EQ(r.stats.dnElements, 2 + 4);
  EXPECT_EQ(r.stats.fillDrainCycles, 5);
  EXPECT_EQ(r.stats.cycles, 10);
  EXPECT_EQ(estimate(shape, s, maeri(4, 2, 1)), 10);
  // 4 multiplications in 10 cycles on 4 switches.
  EXPECT_DOUBLE_EQ(r.stats.msUtilization, 4.0 / 40.0);
}

// Multicast reaches only the switches of one port: with the pixel needed by
// VNs under two ports it is sent twice. K 4, 1x1 on one pixel, 4 VNs of 1
// switch; dn_bw 2 (2 switches per port): the pixel goes out once per port,
// 1 cycle, 2 sends; dn_bw 1 (one tree over all 4): 1 send.
TEST(MaeriSimulator, MulticastStaysInsideAPort) {
  LayerShape shape;
  shape.sizes = {1, 1, 4, 1, 1, 1, 1, 1};
  MaeriSchedule s = tiles(4, 1, 1, 1, 1, 1);
  SimOperands ops = operands(shape, true);
  SimResult two = run(shape, s, maeri(4, 2, 4), ops);
  EXPECT_EQ(two.stats.dnElements, 4 /*weights*/ + 2);
  EXPECT_EQ(two.stats.weightLoadCycles, 2);
  EXPECT_EQ(two.stats.distributionCycles, 1);
  SimResult one = run(shape, s, maeri(4, 1, 4), ops);
  EXPECT_EQ(one.stats.dnElements, 4 + 1);
  EXPECT_EQ(one.stats.weightLoadCycles, 4);
}

// The accumulators keep partial sums while only folds move: with the
// channel folds innermost, each output leaves once, after its last fold.
// K 2, C 4 in folds of 1, 1x1 on 1x2 pixels: 2 positions x 4 folds = 8
// tiles; 2 VNs collected at rn_bw 1 on 2 of them: 4 results, 4 cycles.
TEST(MaeriSimulator, ResultsLeaveAfterTheLastFold) {
  LayerShape shape;
  shape.sizes = {1, 1, 2, 4, 1, 1, 1, 2};
  MaeriSchedule s = tiles(2, 1, 1, 1, 1, 1);
  s.order = {Dim::N, Dim::G, Dim::K, Dim::OY, Dim::OX, Dim::C, Dim::R, Dim::S};
  SimOperands ops = operands(shape, true);
  SimResult r = run(shape, s, maeri(8, 8, 1), ops);
  EXPECT_EQ(r.stats.tiles, 8);
  EXPECT_EQ(r.stats.collected, 4);
  EXPECT_EQ(r.stats.collectionCycles, 4);
  EXPECT_EQ(r.output, referenceConvolution(shape, ops));
  // Folds outermost: every tile's results leave (2 x 8 = 16).
  s.order = {Dim::C, Dim::R, Dim::S, Dim::N, Dim::G, Dim::K, Dim::OY, Dim::OX};
  EXPECT_EQ(run(shape, s, maeri(8, 8, 1), ops).stats.collected, 16);
}

// Forwarding: a 1x3 window sliding along 4 output columns one at a time
// resends only the new column; the other two move over the links.
TEST(MaeriSimulator, ForwardingLinks) {
  LayerShape shape;
  shape.sizes = {1, 1, 1, 1, 1, 3, 1, 6};
  MaeriSchedule s = tiles(1, 1, 1, 3, 1, 1);
  ASSERT_TRUE(s.usesForwarding(shape));
  SimOperands ops = operands(shape, true);
  SimResult r = run(shape, s, maeri(4, 4, 4), ops);
  EXPECT_EQ(r.stats.tiles, 4);
  EXPECT_EQ(r.stats.forwardedElements, 3 * 2);
  EXPECT_EQ(r.stats.dnElements, 3 /*weights*/ + 3 + 3 * 1);
  EXPECT_EQ(r.output, referenceConvolution(shape, ops));
}

TEST(MaeriSimulator, TimingOnlyGivesTheSameCycles) {
  LayerShape shape = conv(5, 3, 3, 6);
  MaeriSchedule s = tiles(2, 2, 3, 3, 1, 3);
  SimOperands ops = operands(shape, true);
  SimResult full = run(shape, s, maeri(128, 8, 8), ops);
  SimResult timing = run(shape, s, maeri(128, 8, 8), ops, true);
  EXPECT_EQ(full.stats.cycles, timing.stats.cycles);
  EXPECT_TRUE(timing.output.empty());
}

} // namespace

namespace {
// The closed-form model and the tile walk are separate code for the same
// cycle model: on random layers (strides, dilations, padding, edge tiles)
// and random schedules (tiles, orders, forwarding) they must agree exactly.
TEST(MaeriSimulator, EstimateMatchesTheWalkOnRandomSchedules) {
  std::mt19937 rng(20261125);
  auto pick = [&](int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(rng);
  };
  MaeriTargetModel m = maeri(64, 8, 4);
  int checked = 0;
  for (int iter = 0; iter < 2000 && checked < 400; ++iter) {
    LayerShape shape;
    shape.sizes = {pick(1, 2), pick(1, 2), pick(1, 9), pick(1, 9),
                   pick(1, 4), pick(1, 4), pick(4, 13), pick(4, 13)};
    shape.stride = {pick(1, 3), pick(1, 3)};
    shape.dilation = {pick(1, 2), pick(1, 2)};
    shape.padding = {pick(0, 2), pick(0, 2), pick(0, 2), pick(0, 2)};
    if (shape.outputRows() < 1 || shape.outputCols() < 1)
      continue;
    MaeriSchedule s;
    for (unsigned t = 0; t < kNumTileDims; ++t)
      s.tile[t] = pick(1, shape.size(canonicalDim(static_cast<TileDim>(t))));
    s.order = {Dim::N, Dim::G, Dim::K, Dim::C, Dim::R, Dim::S, Dim::OY, Dim::OX};
    std::shuffle(s.order.begin(), s.order.end(), rng);
    if (pick(0, 1)) { // often end on OX, where forwarding can happen
      auto ox = std::find(s.order.begin(), s.order.end(), Dim::OX);
      std::rotate(ox, ox + 1, s.order.end());
    }
    if (llvm::Error err = verifySchedule(s, shape, m)) {
      llvm::consumeError(std::move(err));
      continue;
    }
    SimResult r = run(shape, s, m, SimOperands{}, /*timingOnly=*/true);
    ASSERT_EQ(estimate(shape, s, m), r.stats.cycles)
        << "iteration " << iter;
    ++checked;
  }
  EXPECT_GE(checked, 200);
}
} // namespace

namespace {
// The oracle itself, by hand: one 3x3 channel 1..9, a 2x2 filter picking
// the diagonal, output x[i][j] + x[i+1][j+1].
TEST(ReferenceConvolution, ByHand) {
  LayerShape shape;
  shape.sizes = {1, 1, 1, 1, 2, 2, 3, 3};
  SimOperands ops;
  ops.inputLayout = "NCYX";
  ops.filterLayout = "KCRS";
  ops.outputLayout = "NKYX";
  ops.type.isFloat = false;
  ops.input = {1, 2, 3, 4, 5, 6, 7, 8, 9};
  ops.filter = {1, 0, 0, 1};
  ops.init = {100, 0, 0, 0};
  EXPECT_EQ(referenceConvolution(shape, ops),
            (std::vector<double>{106, 8, 12, 14}));
  // Integers wrap to the output's width: 8 bits.
  ops.type.outputBits = 8;
  ops.init = {127, 0, 0, 0};
  EXPECT_EQ(referenceConvolution(shape, ops)[0], 127 + 6 - 256);
}

/// Random integer operands of a grouped layer in NGCYX / GKCRS / NGKYX.
SimOperands groupedOperands(const LayerShape &shape, std::mt19937 &rng) {
  SimOperands ops;
  ops.inputLayout = "NGCYX";
  ops.filterLayout = "GKCRS";
  ops.outputLayout = "NGKYX";
  ops.type.isFloat = false;
  auto count = [&](llvm::StringRef layout, bool output) {
    int64_t n = 1;
    for (int64_t v : shape.tensorSizes(layout, output))
      n *= v;
    return n;
  };
  std::uniform_int_distribution<int> value(-9, 9);
  for (int64_t i = 0, n = count(ops.inputLayout, false); i < n; ++i)
    ops.input.push_back(value(rng));
  for (int64_t i = 0, n = count(ops.filterLayout, false); i < n; ++i)
    ops.filter.push_back(value(rng));
  for (int64_t i = 0, n = count(ops.outputLayout, true); i < n; ++i)
    ops.init.push_back(value(rng));
  return ops;
}

/// A random valid layer and schedule (strides, dilations, padding, groups,
/// batches, edge tiles, any order; often output columns innermost so that
/// forwarding happens), or nothing.
std::optional<std::pair<LayerShape, MaeriSchedule>>
randomCase(std::mt19937 &rng, const MaeriTargetModel &m) {
  auto pick = [&](int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(rng);
  };
  LayerShape shape;
  shape.sizes = {pick(1, 3), pick(1, 2), pick(1, 6), pick(1, 5),
                 pick(1, 4), pick(1, 4), pick(3, 10), pick(3, 10)};
  shape.stride = {pick(1, 2), pick(1, 3)};
  shape.dilation = {pick(1, 2), pick(1, 2)};
  shape.padding = {pick(0, 2), pick(0, 1), pick(0, 2), pick(0, 1)};
  if (llvm::Error err = shape.validate()) {
    llvm::consumeError(std::move(err));
    return std::nullopt;
  }
  MaeriSchedule s;
  for (unsigned t = 0; t < kNumTileDims; ++t)
    s.tile[t] = pick(1, shape.size(canonicalDim(static_cast<TileDim>(t))));
  s.order = {Dim::N, Dim::G, Dim::K, Dim::C, Dim::R, Dim::S, Dim::OY, Dim::OX};
  std::shuffle(s.order.begin(), s.order.end(), rng);
  if (pick(0, 1)) {
    // What forwarding needs: one output column per tile, stride and
    // dilation 1 along columns, T_S > 1 dividing S, only folds after OX.
    shape.stride[1] = shape.dilation[1] = 1;
    s.tile[static_cast<unsigned>(TileDim::OX)] = 1;
    s.tile[static_cast<unsigned>(TileDim::S)] = shape.size(Dim::S);
    auto isFold = [](Dim d) {
      return d == Dim::C || d == Dim::R || d == Dim::S;
    };
    std::stable_partition(s.order.begin(), s.order.end(),
                          [&](Dim d) { return !isFold(d) && d != Dim::OX; });
    auto ox = std::find(s.order.begin(), s.order.end(), Dim::OX);
    std::rotate(s.order.begin() + 4, ox, ox + 1); // OX, then the folds
  }
  if (llvm::Error err = verifySchedule(s, shape, m)) {
    llvm::consumeError(std::move(err));
    return std::nullopt;
  }
  return std::make_pair(shape, s);
}

// The data path moves every operand as the cycle model says (weight
// buffers per fold, per-port distribution, forwarding links, accumulators
// emptied at collection): on random layers and schedules its output equals
// the independent loop nest bit for bit.
TEST(MaeriSimulator, DataPathMatchesTheReferenceOnRandomSchedules) {
  std::mt19937 rng(7051);
  MaeriTargetModel m = maeri(64, 8, 4);
  int checked = 0, forwarded = 0;
  for (int iter = 0; iter < 3000 && checked < 300; ++iter) {
    auto c = randomCase(rng, m);
    if (!c)
      continue;
    auto [shape, s] = *c;
    SimOperands ops = groupedOperands(shape, rng);
    SimResult r = run(shape, s, m, ops);
    ASSERT_EQ(r.output, referenceConvolution(shape, ops)) << "iteration " << iter;
    forwarded += s.usesForwarding(shape);
    ++checked;
  }
  EXPECT_GE(checked, 200);
  EXPECT_GE(forwarded, 20);
}

// A wrong data-movement rule gives a wrong output, so the functional check
// can fail: forwarding from the wrong neighbour, or a switch multiplying by
// the weight of the next one.
TEST(MaeriSimulator, FaultsInTheDataPathAreCaught) {
  LayerShape shape = conv(3, 2, 3, 7);
  MaeriSchedule s = tiles(3, 1, 3, 3, 1, 1);
  s.order = {Dim::N, Dim::G, Dim::K, Dim::OY, Dim::OX, Dim::C, Dim::R, Dim::S};
  ASSERT_TRUE(s.usesForwarding(shape));
  SimOperands ops = operands(shape, false);
  std::vector<double> ref = referenceConvolution(shape, ops);
  auto output = [&](SimFault fault) {
    llvm::Expected<SimResult> r =
        simulateMaeri(shape, s, maeri(64, 8, 8), ops, false, fault);
    EXPECT_TRUE(static_cast<bool>(r));
    return r ? r->output : std::vector<double>{};
  };
  EXPECT_EQ(output(SimFault::None), ref);
  EXPECT_NE(output(SimFault::ForwardFromLeftNeighbour), ref);
  EXPECT_NE(output(SimFault::WeightOfNextSwitch), ref);
}

// Counts at the limits of int64_t. A 1x1 layer of N = 2^31 images and
// K = 2^29 filters, one switch per tile: 2^60 tiles, each a weight visit:
// its weight (1 cycle), streaming (1 cycle) and the visit's drain (3 + 1):
// 6 x 2^60 cycles, exactly. With K = 2^30 the count, 6 x 2^61, does not
// fit: an error, not a wrapped number.
TEST(MaeriSimulator, CountsAtTheLimitsOfInt64) {
  LayerShape shape;
  shape.sizes = {int64_t(1) << 31, 1, int64_t(1) << 29, 1, 1, 1, 1, 1};
  MaeriSchedule s = tiles(1, 1, 1, 1, 1, 1);
  s.order = {Dim::N, Dim::G, Dim::K, Dim::OY, Dim::OX, Dim::C, Dim::R, Dim::S};
  MaeriTargetModel m = maeri(2, 2, 2);
  EXPECT_EQ(s.numTiles(shape), int64_t(1) << 60);
  EXPECT_EQ(estimate(shape, s, m), 6 * (int64_t(1) << 60));
  shape.sizes[static_cast<unsigned>(Dim::K)] = int64_t(1) << 30;
  llvm::Expected<int64_t> over = estimateMaeriCycles(shape, s, m);
  ASSERT_FALSE(static_cast<bool>(over));
  EXPECT_EQ(llvm::toString(over.takeError()),
            "the layer's cycles overflow 64-bit integers");
  // The tile count saturates instead of wrapping.
  shape.sizes[static_cast<unsigned>(Dim::C)] = int64_t(1) << 31;
  EXPECT_EQ(s.numTiles(shape), std::numeric_limits<int64_t>::max());
}
} // namespace
