//===- CostModelTest.cpp - Hand-derived cost-model cases ------------------===//
//
// Each case is small enough to derive by hand; the derivation is in the
// comments (notation of docs/CostModel.md: a step is one iteration case
// occurrence; an all-init step costs ingress + compute, any other
// max(ingress, compute, egress); a NoC transfer of n elements costs
// 1 + ceil(n / bw) - 1 cycles with the default one-cycle hop).
//
//===----------------------------------------------------------------------===//

#include "accel/Analysis/CostModel/CostModel.h"

#include "gtest/gtest.h"

#include <cmath>
#include <limits>
#include <vector>

using namespace mlir::accel;

namespace {

auto c = SizeExpr::constant;
auto sz = SizeExpr::sizeOfDim;
Directive sp(int64_t s, int64_t o, Dim d) {
  return Directive::spatialMap(c(s), c(o), d);
}
Directive tp(int64_t s, int64_t o, Dim d) {
  return Directive::temporalMap(c(s), c(o), d);
}
Directive window(Dim d, Dim w) { // TemporalMap(Sz(w), 1) d
  return Directive::temporalMap(sz(w), c(1), d);
}
Directive whole(Dim d) { return Directive::temporalMap(sz(d), sz(d), d); }
Directive cluster(int64_t n) { return Directive::cluster(c(n)); }

LayerShape shape(int64_t g, int64_t k, int64_t c, int64_t r, int64_t y,
                 int64_t stride = 1) {
  LayerShape s;
  s.sizes = {1, g, k, c, r, r, y, y};
  s.stride = {stride, stride};
  return s;
}

HardwareConfig pes(int64_t n, int64_t nocBw = 1000) {
  HardwareConfig hw;
  hw.numPEs = n;
  hw.nocBandwidth = nocBw;
  hw.offchipBandwidth = int64_t(1) << 30; // keep DRAM out of the way
  return hw;
}

CostReport cost(CostLayerKind kind, const LayerShape &s,
                const std::vector<Directive> &df, const HardwareConfig &hw) {
  llvm::Expected<CostReport> r = evaluateCost(kind, s, df, hw);
  if (!r) {
    ADD_FAILURE() << llvm::toString(r.takeError());
    return {};
  }
  return *r;
}

constexpr unsigned kIn = 0, kFilter = 1, kOut = 2;

// 1x1 conv, K 2, C 4, 2x2 pixels, channels over 4 PEs, K in time.
// Maps: K(1,1) T, C(1,1) S; R, S, X, Y added whole. K has an init and one
// steady step; everything else is unrolled: 2 steps.
// - Step 1 (all init): each PE gets its channel's 2x2 inputs (4) and 1
//   weight: ingress 4*4 + 4*1 = 20 -> 1 cycle; 4 MACs per PE -> 4 cycles;
//   5 cycles.
// - Step 2 (K moves): inputs stay (not coupled to K); each PE needs 1 new
//   weight: 4 -> 1 cycle; compute 4; egress 4 outputs -> 1; 4 cycles.
// Runtime 9; MACs 2 steps x 4 PEs x 4 = 32; L2 reads: inputs 16, weights 8;
// outputs written: 4 per step = 8.
TEST(CostModel, Pointwise) {
  CostReport r = cost(CostLayerKind::Conv, shape(1, 2, 4, 1, 2),
                      {tp(1, 1, Dim::K), sp(1, 1, Dim::C)}, pes(4));
  EXPECT_EQ(r.runtime, 9);
  EXPECT_EQ(r.numMACs, 32);
  EXPECT_EQ(r.l2.reads[kIn], 16);
  EXPECT_EQ(r.l2.reads[kFilter], 8);
  EXPECT_EQ(r.l2.writes[kOut], 8);
  EXPECT_EQ(r.l1.reads[kIn], 32); // every MAC reads its input in L1
}

// The same on a 1-element-per-cycle NoC: step 1's 20 elements take
// 1 + 20 - 1 = 20 cycles (24 with compute), step 2's 4 weights and 4
// outputs take 4 each: max(4, 4, 4) = 4. Runtime 28, NoC-bound (compute
// alone would take 8).
TEST(CostModel, NocBound) {
  CostReport r =
      cost(CostLayerKind::Conv, shape(1, 2, 4, 1, 2),
           {tp(1, 1, Dim::K), sp(1, 1, Dim::C)}, pes(4, /*nocBw=*/1));
  EXPECT_EQ(r.runtime, 28);
  EXPECT_EQ(r.ingress.max, 20);
}

// 3x3 conv, K 1, C 2 over 2 PEs, 4x4 input -> 2x2 outputs; NLR-style maps
// Y(3,1), X(3,1) slide the window: each has an init and a steady step, so 4
// steps of 9 MACs per PE.
// - (init, init): 9 inputs + 9 weights per PE = 36 -> 1; 9 + 1 = 10.
// - X moves: 3 new input columns... per PE a 3x1 sliver = 3, x2 = 6 -> 1;
//   max(1, 9, 1) = 9.
// - Y moves (X back to its start): the whole 3x3 window again, 18 -> 1; 9.
// - Y steady, X moves: 6 -> 1; 9.
// Runtime 37; MACs 72; L2 input reads 18 + 6 + 18 + 6 = 48; weights 18.
TEST(CostModel, ThreeByThree) {
  std::vector<Directive> nlr = {tp(1, 1, Dim::K),       window(Dim::Y, Dim::R),
                                window(Dim::X, Dim::S), whole(Dim::R),
                                whole(Dim::S),          sp(1, 1, Dim::C)};
  CostReport r = cost(CostLayerKind::Conv, shape(1, 1, 2, 3, 4), nlr, pes(2));
  EXPECT_EQ(r.runtime, 37);
  EXPECT_EQ(r.numMACs, 72);
  EXPECT_EQ(r.l2.reads[kIn], 48);
  EXPECT_EQ(r.l2.reads[kFilter], 18);
  EXPECT_EQ(r.l2.writes[kOut], 4);
}

// Stride 2 on a 5x5 input (2x2 outputs): the window maps become Y(3,2),
// X(3,2), so a moving window brings 2 new columns: (init) 18 + 18 -> 10;
// X moves: 3x2 per PE = 12 -> 9; Y moves: 18 -> 9; both: 12 -> 9.
// Runtime 37; MACs 72; L2 input reads 18 + 12 + 18 + 12 = 60.
TEST(CostModel, Strided) {
  std::vector<Directive> nlr = {tp(1, 1, Dim::K),       window(Dim::Y, Dim::R),
                                window(Dim::X, Dim::S), whole(Dim::R),
                                whole(Dim::S),          sp(1, 1, Dim::C)};
  CostReport r = cost(CostLayerKind::Conv, shape(1, 1, 2, 3, 5, /*stride=*/2),
                      nlr, pes(2));
  EXPECT_EQ(r.runtime, 37);
  EXPECT_EQ(r.numMACs, 72);
  EXPECT_EQ(r.l2.reads[kIn], 60);
}

// Depthwise 3x3 on 3x3 (one output per channel), 2 channels over 2 PEs:
// one all-init step; each PE gets its channel's 9 inputs and 9 weights
// (36 -> 1 cycle) and does 9 MACs: runtime 10, 18 MACs, 2 outputs.
TEST(CostModel, Depthwise) {
  CostReport r = cost(CostLayerKind::Depthwise, shape(2, 1, 1, 3, 3),
                      {sp(1, 1, Dim::G)}, pes(2));
  EXPECT_EQ(r.runtime, 10);
  EXPECT_EQ(r.numMACs, 18);
  EXPECT_EQ(r.l2.reads[kIn], 18);
  EXPECT_EQ(r.l2.reads[kFilter], 18);
  EXPECT_EQ(r.l2.writes[kOut], 2);
}

// GEMM (2 x 4) * (4 x 2): M -> Y, N -> K, K -> C. The reduction over 4 PEs;
// each gets a column of A (2) and a row of B (2): 16 -> 1 cycle; 4 MACs per
// PE: runtime 5, 16 MACs.
TEST(CostModel, Gemm) {
  LayerShape s;
  s.sizes = {1, 1, /*K=N*/ 2, /*C=K*/ 4, 1, 1, /*Y=M*/ 2, 1};
  CostReport r = cost(CostLayerKind::Gemm, s, {sp(1, 1, Dim::C)}, pes(4));
  EXPECT_EQ(r.runtime, 5);
  EXPECT_EQ(r.numMACs, 16);
  EXPECT_EQ(r.l2.reads[kIn], 8);
  EXPECT_EQ(r.l2.reads[kFilter], 8);
}

// K 3 in chunks of 2: an init chunk of 2 and an edge chunk of 1.
// 1x1 conv, C 2 over 2 PEs. Init: 1 input + 2 weights per PE = 6 -> 1;
// 2 MACs per PE: 3 cycles. Edge: 1 MAC per PE; the analysis charges 2 new
// weights per PE as a full step would (MAESTRO's accounting): 4 -> 1;
// max(1, 1, 1) = 1. Runtime 4; MACs 6; weights read 4 + 4 = 8.
TEST(CostModel, NotAMultipleOfTheMap) {
  CostReport r = cost(CostLayerKind::Conv, shape(1, 3, 2, 1, 1),
                      {tp(2, 2, Dim::K), sp(1, 1, Dim::C)}, pes(2));
  EXPECT_EQ(r.runtime, 4);
  EXPECT_EQ(r.numMACs, 6);
  EXPECT_EQ(r.l2.reads[kFilter], 8);
}

// Two cluster levels: 4 PEs as 2 clusters of 2; C over clusters, K over
// the PEs of a cluster; 1x1, K 2, C 2, one pixel.
// Inner level (per cluster: C 1, K 2): one all-init step: the input (1,
// shared) + 2 weights = 3 -> 1 cycle, 1 MAC per PE: 2 cycles.
// Outer level: one all-init step: inputs 1 + 1, weights 2 + 2 = 6 -> 1
// cycle; compute = the cluster's 2 cycles: 3. MACs 4.
TEST(CostModel, TwoClusterLevels) {
  CostReport r = cost(CostLayerKind::Conv, shape(1, 2, 2, 1, 1),
                      {sp(1, 1, Dim::C), cluster(2), sp(1, 1, Dim::K)}, pes(4));
  EXPECT_EQ(r.runtime, 3);
  EXPECT_EQ(r.numMACs, 4);
  EXPECT_EQ(r.compute.max, 2);
}

TEST(CostModel, RejectsWhatCannotBind) {
  llvm::Expected<CostReport> r =
      evaluateCost(CostLayerKind::Conv, shape(1, 2, 2, 1, 1),
                   {sp(1, 1, Dim::C), cluster(8), sp(1, 1, Dim::K)}, pes(4));
  ASSERT_FALSE(static_cast<bool>(r));
  EXPECT_NE(llvm::toString(r.takeError()).find("does not fit"),
            std::string::npos);
}

/// A dataflow bound by its caller (a mapper): the figures of its
/// directives; refused where they are, with the map named by its bound
/// size; and a bound form binding cannot give refused, not trusted.
TEST(CostModel, EvaluatesBoundDataflows) {
  LayerShape layer = shape(1, 2, 4, 3, 6);
  HardwareConfig hw = pes(4);
  llvm::Expected<CostEvaluator> evaluator =
      CostEvaluator::create(CostLayerKind::Conv, layer, hw);
  ASSERT_TRUE(static_cast<bool>(evaluator));
  std::vector<Directive> good = {tp(1, 1, Dim::K), sp(1, 1, Dim::C),
                                 whole(Dim::R), whole(Dim::S)};
  llvm::Expected<BoundDataflow> bound =
      bindDataflow(good, layer, hw.numPEs);
  ASSERT_TRUE(static_cast<bool>(bound));
  llvm::Expected<CostReport> fromBound = evaluator->evaluate(*bound);
  ASSERT_TRUE(static_cast<bool>(fromBound));
  CostReport fromDirectives = cost(CostLayerKind::Conv, layer, good, hw);
  EXPECT_EQ(fromBound->runtime, fromDirectives.runtime);
  EXPECT_EQ(fromBound->numMACs, fromDirectives.numMACs);
  EXPECT_EQ(fromBound->l2.reads, fromDirectives.l2.reads);

  // Two of the three filter rows at a time: refused (a temporal map on R
  // must hold the whole filter), the map named as bound.
  std::vector<Directive> split = {tp(2, 2, Dim::R), sp(1, 1, Dim::C)};
  llvm::Expected<BoundDataflow> splitBound =
      bindDataflow(split, layer, hw.numPEs);
  ASSERT_TRUE(static_cast<bool>(splitBound));
  llvm::Expected<CostReport> refused = evaluator->evaluate(*splitBound);
  ASSERT_FALSE(static_cast<bool>(refused));
  std::string message = llvm::toString(refused.takeError());
  EXPECT_NE(message.find("directive #0 (temporal_map<2, 2, R>)"),
            std::string::npos)
      << message;

  BoundDataflow broken = *bound;
  broken.levels[0].maps[1].offset = 0;
  llvm::Expected<CostReport> unbound = evaluator->evaluate(broken);
  ASSERT_FALSE(static_cast<bool>(unbound));
  EXPECT_NE(llvm::toString(unbound.takeError()).find("binding cannot give"),
            std::string::npos);
}

//===----------------------------------------------------------------------===//
// At the limits: every figure is right or the evaluation fails with a
// message; none wraps (UBSan builds check the arithmetic itself).
//===----------------------------------------------------------------------===//

constexpr int64_t kMaxSide = (int64_t(1) << 31) - 1;
constexpr int64_t kMaxInt = std::numeric_limits<int64_t>::max();

/// Every integer figure is non-negative and every real one finite and
/// non-negative.
void expectNoWrap(const CostReport &r) {
  for (int64_t v :
       {r.runtime, r.numMACs, r.l1SizeReq, r.l2SizeReq, r.peakNocBw,
        r.offchipBw, r.inputSize, r.filterSize, r.ingress.max, r.egress.max,
        r.compute.max})
    EXPECT_GE(v, 0);
  for (const AccessCounts *level : {&r.l1, &r.l2})
    for (unsigned t = 0; t < kNumTensorClasses; ++t) {
      EXPECT_GE(level->reads[t], 0);
      EXPECT_GE(level->writes[t], 0);
    }
  for (double v : {r.energy, r.avgNocBw, r.throughput, r.avgUtilizedPEs})
    EXPECT_TRUE(std::isfinite(v) && v >= 0) << v;
}

/// Y = X = 2^31 - 1, the largest valid rows and columns: 1x1 filter, one
/// channel, (2^31 - 1)^2 MACs (just under 2^62). Rows over the PEs, columns
/// in time, an output-coordinate dataflow on two levels, and maps of the
/// whole rows.
TEST(CostModelLimits, LargestRowsAndColumns) {
  LayerShape s = shape(1, 1, 1, 1, kMaxSide);
  const int64_t macs = kMaxSide * kMaxSide;
  for (const std::vector<Directive> &df :
       std::vector<std::vector<Directive>>{
           {sp(1, 1, Dim::Y), tp(1, 1, Dim::X)},
           {tp(1, 1, Dim::Y), sp(1, 1, Dim::X)},
           {tp(1, 1, Dim::OY), sp(1, 1, Dim::OX), cluster(4),
            sp(1, 1, Dim::OY)},
           {sp(kMaxSide, kMaxSide, Dim::Y), tp(kMaxSide, 1, Dim::X)}}) {
    llvm::Expected<CostReport> r =
        evaluateCost(CostLayerKind::Conv, s, df, pes(256));
    if (!r) {
      // Failing is allowed only with a reason.
      EXPECT_NE(llvm::toString(r.takeError()).find("64"), std::string::npos);
      continue;
    }
    expectNoWrap(*r);
    EXPECT_EQ(r->numMACs, macs);
    EXPECT_GE(r->runtime, macs / 256);
  }
}

/// hops x hop latency at the largest valid parameters (2^40 each) does not
/// fit in 64 bits: a clean error, not a wrapped (negative) delay.
TEST(CostModelLimits, HopsTimesLatency) {
  HardwareConfig hw = pes(4);
  hw.nocHops = hw.hopLatency = int64_t(1) << 40;
  llvm::Expected<CostReport> r = evaluateCost(
      CostLayerKind::Conv, shape(1, 2, 4, 1, 2),
      {tp(1, 1, Dim::K), sp(1, 1, Dim::C)}, hw);
  if (r) {
    expectNoWrap(*r);
    EXPECT_GE(r->runtime, int64_t(1) << 62);
  } else {
    EXPECT_NE(llvm::toString(r.takeError()).find("64"), std::string::npos);
  }
  // Prepared once for many dataflows, the delay overflows at preparation:
  // every evaluation still fails (or succeeds) as evaluateCost does.
  llvm::Expected<CostEvaluator> evaluator =
      CostEvaluator::create(CostLayerKind::Conv, shape(1, 2, 4, 1, 2), hw);
  ASSERT_TRUE(static_cast<bool>(evaluator));
  for (int repeat = 0; repeat < 2; ++repeat) {
    llvm::Expected<CostReport> prepared =
        evaluator->evaluate({tp(1, 1, Dim::K), sp(1, 1, Dim::C)});
    llvm::Expected<CostReport> direct = evaluateCost(
        CostLayerKind::Conv, shape(1, 2, 4, 1, 2),
        {tp(1, 1, Dim::K), sp(1, 1, Dim::C)}, hw);
    ASSERT_EQ(static_cast<bool>(prepared), static_cast<bool>(direct));
    if (!prepared) {
      EXPECT_EQ(llvm::toString(prepared.takeError()),
                llvm::toString(direct.takeError()));
    } else {
      EXPECT_EQ(prepared->runtime, direct->runtime);
    }
  }
}

/// Evaluates each dataflow of `dataflows(big)` on a layer whose dimensions
/// are at most 4, with maps of 2^40 and of 2^63 - 1, and gives `check` its
/// index, `big`, the report of the same dataflow with maps of 5 (already
/// larger than any dimension) and the evaluation with `big`.
template <typename DataflowsOf, typename Check>
void forMapsAtTheLimit(DataflowsOf dataflows, Check check) {
  LayerShape s = shape(1, 2, 4, 1, 2);
  std::vector<std::vector<Directive>> small = dataflows(5);
  for (int64_t big : {int64_t(1) << 40, kMaxInt}) {
    std::vector<std::vector<Directive>> large = dataflows(big);
    for (size_t i = 0; i < small.size(); ++i) {
      CostReport expected = cost(CostLayerKind::Conv, s, small[i], pes(4));
      ASSERT_GT(expected.numMACs, 0);
      check(i, big, expected,
            evaluateCost(CostLayerKind::Conv, s, large[i], pes(4)));
    }
  }
}

/// Maps as large as an int64. Beyond its dimension a map's chunk follows
/// MAESTRO's rule whatever its size (docs/CostModel.md), so the MACs are
/// those of a map one larger than the dimension. Its buffers are sized by
/// the map (MAESTRO's too; so is the off-chip time), which at 2^63 - 1
/// exceeds 64 bits: then the evaluation fails, saying so, instead of
/// wrapping.
TEST(CostModelLimits, LargestMapSize) {
  auto dataflows = [](int64_t big) {
    return std::vector<std::vector<Directive>>{
        {tp(big, 1, Dim::K), sp(1, 1, Dim::C)},
        {tp(big, big, Dim::K), sp(1, 1, Dim::C)},
        {tp(1, 1, Dim::K), sp(big, big, Dim::C)},
        {tp(1, 1, Dim::K), sp(1, 1, Dim::C), tp(big, 1, Dim::Y)}};
  };
  forMapsAtTheLimit(dataflows, [](size_t i, int64_t big,
                                  const CostReport &expected,
                                  llvm::Expected<CostReport> r) {
    if (!r) {
      EXPECT_EQ(big, kMaxInt) << "only a map of 2^63 - 1 may overflow";
      EXPECT_NE(llvm::toString(r.takeError()).find("64-bit"),
                std::string::npos);
      return;
    }
    expectNoWrap(*r);
    EXPECT_EQ(r->numMACs, expected.numMACs) << i;
    EXPECT_GE(r->runtime, expected.runtime) << i;
  });
}

/// The same at an inner level whose maps all hold their dimension (one
/// step, the mapper's candidates' inner levels): its buffers, sized by the
/// map, exceed 64 bits at 2^63 - 1, and the evaluation fails as it does at
/// the top, instead of wrapping in the one step's figures.
TEST(CostModelLimits, LargestInnerMapSize) {
  auto dataflows = [](int64_t big) {
    return std::vector<std::vector<Directive>>{
        {tp(1, 1, Dim::K), sp(1, 1, Dim::C), cluster(2), sp(1, 1, Dim::K),
         tp(big, big, Dim::Y)},
        {tp(1, 1, Dim::K), sp(1, 1, Dim::C), cluster(2), sp(big, 1, Dim::Y)},
        {tp(2, 2, Dim::K), sp(1, 1, Dim::C), cluster(2), sp(1, 1, Dim::K),
         tp(big, 1, Dim::X)}};
  };
  forMapsAtTheLimit(dataflows, [](size_t i, int64_t big,
                                  const CostReport &expected,
                                  llvm::Expected<CostReport> r) {
    if (big == kMaxInt) {
      ASSERT_FALSE(static_cast<bool>(r)) << i << ": " << r->runtime;
      EXPECT_NE(llvm::toString(r.takeError()).find("64-bit"),
                std::string::npos);
      return;
    }
    ASSERT_TRUE(static_cast<bool>(r)) << llvm::toString(r.takeError());
    expectNoWrap(*r);
    EXPECT_EQ(r->numMACs, expected.numMACs) << i;
    EXPECT_EQ(r->runtime, expected.runtime) << i;
    // Sized by the map: 2^40 elements of one operand, double buffered.
    EXPECT_GE(r->l1SizeReq, int64_t(1) << 41) << i;
  });
}

/// A top-level map on Y or X narrower than the filter window leaves no
/// chunk that holds a whole window: no output could be computed. The
/// evaluation says so instead of reporting 0 cycles and 0 MACs. An inner
/// level may split the window over its PEs (row stationary does): the MACs
/// are counted at the top, every one of them.
TEST(CostModelLimits, MapNarrowerThanTheWindow) {
  LayerShape s = shape(1, 4, 2, 3, 8); // 6 x 6 outputs: 4 x 2 x 9 x 36 MACs
  for (const std::vector<Directive> &df : std::vector<std::vector<Directive>>{
           {sp(1, 1, Dim::Y)},
           {sp(1, 1, Dim::K), tp(2, 1, Dim::X)},
           {sp(3, 1, Dim::Y), tp(2, 2, Dim::X), sp(1, 1, Dim::K)}}) {
    llvm::Expected<CostReport> r =
        evaluateCost(CostLayerKind::Conv, s, df, pes(8));
    ASSERT_FALSE(static_cast<bool>(r)) << r->runtime << " " << r->numMACs;
    std::string message = llvm::toString(r.takeError());
    EXPECT_NE(message.find("narrower than the 3-wide filter window"),
              std::string::npos)
        << message;
  }
  CostReport inner =
      cost(CostLayerKind::Conv, s,
           {sp(3, 1, Dim::Y), tp(3, 1, Dim::X), cluster(2), sp(1, 1, Dim::Y),
            sp(1, 1, Dim::R)},
           pes(8));
  EXPECT_EQ(inner.numMACs, 4 * 2 * 9 * 36);
  EXPECT_GT(inner.runtime, 0);
}

} // namespace
