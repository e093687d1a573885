//===- MaeriSimulatorTest.cpp - The simulated executor --------------------===//

#include "accel/Simulator/MaeriSimulator.h"

#include "gtest/gtest.h"

#include <algorithm>
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

MaeriTargetModel maeri(int64_t ms, int64_t dn, int64_t rn) {
  HardwareConfig hw;
  hw.numPEs = ms;
  hw.maeri = MaeriConfig{ms, dn, rn};
  return llvm::cantFail(MaeriTargetModel::get(hw));
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
// 4 cycles. Tile: 1 + max(2, 1, 4) = 5. Fill/drain: DN depth log2(4) = 2,
// ART depth log2(1) = 0, + 1 = 3. Total 8.
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
  EXPECT_EQ(r.stats.cycles, 8);
  EXPECT_EQ(estimateMaeriCycles(shape, s, maeri(4, 2, 1)), 8);
  // 4 multiplications in 8 cycles on 4 switches.
  EXPECT_DOUBLE_EQ(r.stats.msUtilization, 4.0 / 32.0);
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
    ASSERT_EQ(estimateMaeriCycles(shape, s, m), r.stats.cycles)
        << "iteration " << iter;
    ++checked;
  }
  EXPECT_GE(checked, 200);
}
} // namespace
