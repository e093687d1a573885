//===- CostModelDegenerateTest.cpp - Layers MAESTRO's rule leaves empty ---===//
//
// Fuzz findings (fuzz/CostModelFuzzer.cpp, "runtime 0 for a layer with
// MACs", "no MACs for a layer"). MAESTRO's chunk rule, kept wherever it
// yields work (its figures depend on it): a map larger than its dimension
// holds `D - offset` of it. At an inner level that chunk can be empty, so
// the sub-cluster's compute is free; with free single-flit transfers (hop
// latency 0) the whole layer then costs 0 cycles. A window map larger than
// its filter dimension narrows the output chunk by its size, so no chunk
// holds an output: 0 MACs. MAESTRO dies with SIGFPE on both (below). A
// valid layer does work: where the rule leaves 0 MACs or 0 cycles, the
// model re-evaluates with those chunks holding their dimension, or says
// why nothing is computed (docs/CostModel.md, deviations).
//
//===----------------------------------------------------------------------===//

#include "CostModelTestSupport.h"

#include "accel/Analysis/CostModel/CostModel.h"

#include "gtest/gtest.h"

#include <string>
#include <vector>

using namespace mlir::accel;
using namespace mlir::accel::testing;

namespace {

auto c = SizeExpr::constant;

LayerShape shapeOf(std::array<int64_t, 8> sizes, int64_t strideY = 1,
                   int64_t strideX = 1) {
  LayerShape s;
  s.sizes = sizes; // N G K C R S Y X
  s.stride = {strideY, strideX};
  return s;
}

// Conv K 4, C 2, 1x1, 4x4 on 4 PEs: `SpatialMap(1,1) K; Cluster(1);
// SpatialMap(Sz(K),1) K`. The inner level's K chunk is 1 and its map 4:
// `D - offset` = 0, an empty chunk. MAESTRO: SIGFPE (exit 136).
std::vector<Directive> emptyInnerChunk() {
  return {Directive::spatialMap(c(1), c(1), Dim::K), Directive::cluster(c(1)),
          Directive::spatialMap(SizeExpr::sizeOfDim(Dim::K), c(1), Dim::K)};
}

HardwareConfig hardware(int64_t pes, int64_t hopLatency) {
  HardwareConfig hw;
  hw.numPEs = pes;
  hw.nocBandwidth = 1000;
  hw.offchipBandwidth = 1000;
  hw.hopLatency = hopLatency;
  return hw;
}

TEST(CostModelDegenerate, EmptyInnerChunkWithFreeTransfersCostsCycles) {
  llvm::Expected<CostReport> r =
      evaluateCost(CostLayerKind::Conv, shapeOf({1, 1, 4, 2, 1, 1, 4, 4}),
                   emptyInnerChunk(), hardware(4, /*hopLatency=*/0));
  ASSERT_TRUE(static_cast<bool>(r)) << llvm::toString(r.takeError());
  EXPECT_EQ(r->numMACs, 4 * 2 * 4 * 4);
  // 128 MACs over 4 PEs, one K each: 32 cycles (was 0).
  EXPECT_EQ(r->runtime, 32);
}

// Where MAESTRO's rule leaves figures that are not 0 they stand: with one
// cycle per transfer (MAESTRO's value) the same dataflow keeps MAESTRO's
// accounting, compute free.
TEST(CostModelDegenerate, EmptyInnerChunkKeptWhereItCostsCycles) {
  llvm::Expected<CostReport> r =
      evaluateCost(CostLayerKind::Conv, shapeOf({1, 1, 4, 2, 1, 1, 4, 4}),
                   emptyInnerChunk(), hardware(4, /*hopLatency=*/1));
  ASSERT_TRUE(static_cast<bool>(r)) << llvm::toString(r.takeError());
  EXPECT_EQ(r->numMACs, 128);
  EXPECT_EQ(r->runtime, 1);
}

// NGCONV N 64, G 20, K 20, C 41, R 4, S 1, 64x8 at stride 4: `SpatialMap(3,1)
// S; TemporalMap(Sz(N),1) N; Cluster(1); SpatialMap(Sz(N),1) N`. The S map
// (3) is wider than S (1), and the output chunk was narrowed by 3, not 1:
// no MACs, no cycles (MAESTRO: SIGFPE). Now the S chunk holds the filter
// column and the output chunk follows it; the MACs are then counted by
// the strided-window convention (docs/CostModel.md, section 1: output rows
// as at stride 1, 61 for 16, and 2 columns): N G K C R x 61 x 2. (The top
// level now holds the filter column without the re-evaluation, and the
// inner level inherits the S map as that column: copied as MAESTRO does,
// (3, 1) on a 1-wide chunk, it held none of it and the inner level's
// compute was free, 500,200 cycles.)
TEST(CostModelDegenerate, WindowMapWiderThanFilterComputes) {
  std::vector<Directive> df = {
      Directive::spatialMap(c(3), c(1), Dim::S),
      Directive::temporalMap(SizeExpr::sizeOfDim(Dim::N), c(1), Dim::N),
      Directive::cluster(c(1)),
      Directive::spatialMap(SizeExpr::sizeOfDim(Dim::N), c(1), Dim::N)};
  HardwareConfig hw = hardware(264, 7);
  hw.nocHops = 3;
  hw.nocBandwidth = 256;
  hw.offchipBandwidth = 256;
  llvm::Expected<CostReport> r = evaluateCost(
      CostLayerKind::Grouped, shapeOf({64, 20, 20, 41, 4, 1, 64, 8}, 4, 4),
      df, hw);
  ASSERT_TRUE(static_cast<bool>(r)) << llvm::toString(r.takeError());
  EXPECT_EQ(r->numMACs, int64_t(64) * 20 * 20 * 41 * 4 * 61 * 2);
  EXPECT_EQ(r->runtime, 512244714);
}

// Fuzz finding "more MACs than the maps visit": a GEMM has no window (R =
// S = 1), but an OX map was widened by the size of an S map as if it had
// one: `TemporalMap(2,2) S; SpatialMap(1,1) OX` stepped 2-column chunks by
// 1, counting every column twice. MAESTRO's GEMM has no R, S or output
// coordinates, so no reference figure moves; the MACs are the layer's.
TEST(CostModelDegenerate, GemmOutputMapIgnoresFilterMaps) {
  std::vector<Directive> df = {
      Directive::temporalMap(c(2), c(2), Dim::S),
      Directive::spatialMap(c(1), c(1), Dim::OX),
      Directive::temporalMap(SizeExpr::sizeOfDim(Dim::C), c(1), Dim::C)};
  llvm::Expected<CostReport> r =
      evaluateCost(CostLayerKind::Gemm, shapeOf({1, 1, 15, 30, 1, 1, 23, 61}),
                   df, hardware(343, 1));
  ASSERT_TRUE(static_cast<bool>(r)) << llvm::toString(r.takeError());
  EXPECT_EQ(r->numMACs, 15 * 30 * 23 * 61);
}

// Fuzz finding behind "computes nothing (-N MACs)" (the re-evaluation
// counted negative MACs where the model before gave numbers): Conv K 2,
// S 3, X 4 at column stride 4 (one output column), `SpatialMap(1,1) OX`
// on 2 PEs. The OX map spans its window, (3, 1), and the stride repacks
// it to one output: size 3, offset 4. The first sub-cluster holds columns
// 0-2, the output column; the second, edge-edge, the chunk [4, 4), empty:
// MAESTRO counts its 0 - 3 + 1 = -2 output columns, 6 - 12 = -6 MACs for
// the layer, re-evaluated to the same and reported as computing nothing.
// An empty chunk holds no output: the layer's 6 MACs (K 2 x S 3); one
// step, 3 input columns and 6 weights in (1 cycle), 6 partial sums on the
// first PE: 7 cycles; 2 outputs.
TEST(CostModelDegenerate, EmptyEdgeChunkOfAStridedMapComputesNothing) {
  LayerShape s = shapeOf({1, 1, 2, 1, 1, 3, 1, 4}, /*strideY=*/1,
                         /*strideX=*/4);
  llvm::Expected<CostReport> r = evaluateCost(
      CostLayerKind::Conv, s, {Directive::spatialMap(c(1), c(1), Dim::OX)},
      hardware(2, /*hopLatency=*/1));
  ASSERT_TRUE(static_cast<bool>(r)) << llvm::toString(r.takeError());
  EXPECT_EQ(r->numMACs, 2 * 3);
  EXPECT_EQ(r->runtime, 7);
  EXPECT_EQ(r->l2.reads[kIn], 3);
  EXPECT_EQ(r->l2.reads[kFilter], 2 * 3);
  EXPECT_EQ(r->l2.writes[kOut], 2);
  EXPECT_EQ(r->l2SizeReqOf[kOut], 2 * 2);
}

} // namespace
