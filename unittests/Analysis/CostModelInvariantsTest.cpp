//===- CostModelInvariantsTest.cpp - The cost-model fuzzer's findings -----===//
//
// Each case is a finding of fuzz/CostModelFuzzer.cpp, reduced to sizes that
// can be derived by hand (docs/CostModel.md has the conventions cited).
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

// Finding: "a negative access count". CONV N 61, K 4, C 4, R 3, S 1, Y 4,
// X 4, stride 4 x 1, only N mapped: Y whole (4, 4) is repacked to one
// output, size 3, offset 4; the edge chunk after it holds 0 rows, -2 output
// rows. MAESTRO adds them to the output counts (-11,712 L1 writes); that
// case writes nothing here: L1 writes = MACs, L2 writes = the 976 outputs.
TEST(CostModelInvariants, WindowlessEdgeChunkWritesNoOutputs) {
  LayerShape s;
  s.sizes = {61, 1, 4, 4, 3, 1, 4, 4};
  s.stride = {4, 1};
  std::vector<Directive> df = {Directive::spatialMap(
      SizeExpr::sizeOfDim(Dim::N), SizeExpr::constant(1), Dim::N)};
  CostReport r = cost(CostLayerKind::Conv, s, df, pes(1));
  EXPECT_EQ(r.numMACs, 61 * 4 * 4 * 3 * 4);
  EXPECT_EQ(r.l1.writes[kOut], r.numMACs);
  EXPECT_EQ(r.l1.reads[kOut], r.numMACs);
  EXPECT_EQ(r.l2.writes[kOut], 61 * 4 * 4);
  EXPECT_GT(r.runtime, 0);
}

// Finding: "fewer L2 filter reads than filter elements", on a GEMM whose
// C (reduction) map is larger than C: TemporalMap(5,2) C on C = 4 holds
// 4 - 2 = 2 of it (MAESTRO's rule for an oversized top-level map, kept), so
// only half the filter is ever read and half the MACs counted. The fuzzer
// now bounds reads by the part the top level reads.
TEST(CostModelInvariants, OversizedMapReadsDMinusOffset) {
  LayerShape s;
  s.sizes = {1, 1, 8, 4, 1, 1, 4, 1}; // GEMM: M (Y) 4, K (C) 4, N (K) 8
  std::vector<Directive> df = {
      Directive::temporalMap(SizeExpr::constant(5), SizeExpr::constant(2),
                             Dim::C),
      Directive::spatialMap(SizeExpr::constant(1), SizeExpr::constant(1),
                            Dim::K)};
  CostReport r = cost(CostLayerKind::Gemm, s, df, pes(8));
  EXPECT_EQ(r.numMACs, 4 * 2 * 8);
  EXPECT_EQ(r.l2.reads[kFilter], 2 * 8);
  EXPECT_GE(r.l2.reads[kIn], 4 * 2);
}

auto c = SizeExpr::constant;

/// A layer of one batch, group, output and input channel.
LayerShape conv(int64_t r, int64_t s, int64_t y, int64_t x) {
  LayerShape shape;
  shape.sizes = {1, 1, 1, 1, r, s, y, x};
  return shape;
}

// Finding: "fewer L2 input reads than input elements the windows touch".
// Not a fault: a map on X whose offset steps past its chunk's last window
// skips output positions, in MAESTRO as here (sane random cases s36, s514
// and more have such maps and agree). X = 11, S = 4, `TemporalMap(4,3) X`
// on 1 PE: chunks [0,4) [3,7) [6,10) hold the windows at 0, 3 and 6; the
// edge chunk [9,11) holds none. 3 outputs x 4 taps = 12 MACs of the
// layer's 32; columns 0-9 are read (4 + 3 + 3), column 10, which only the
// skipped window at 7 touches, is not. Steps: the first reads 4 input + 4
// filter elements (1 cycle) and computes 4 (5 cycles); the two steady ones
// read 3 new columns (1 cycle) and compute 4: 5 + 2 x 4 = 13. The fuzzer
// now bounds input reads by the windows the walk holds.
TEST(CostModelInvariants, OffsetPastTheWindowSkipsOutputs) {
  std::vector<Directive> df = {Directive::temporalMap(c(4), c(3), Dim::X),
                               Directive::spatialMap(c(1), c(1), Dim::K)};
  CostReport r = cost(CostLayerKind::Conv, conv(1, 4, 1, 11), df, pes(1));
  EXPECT_EQ(r.numMACs, 3 * 4);
  EXPECT_EQ(r.l2.reads[kIn], 10);
  EXPECT_EQ(r.l2.reads[kFilter], 4);
  EXPECT_EQ(r.l2.writes[kOut], 3);
  EXPECT_EQ(r.runtime, 13);
}

// Finding (differential test, behind "computes nothing (-7,993,125 MACs)"
// on an NGCONV whose spatial X map ends in an empty chunk): a sub-cluster
// whose chunk is narrower than the window. X = 4, S = 3, K = 2,
// `SpatialMap(3,3) X` on 2 PEs: the first sub-cluster holds columns 0-2
// (1 output column), the second, edge-edge one column 3, no window: its
// output extent 1 - 3 + 1 = -1. MAESTRO multiplies that in: -6 MACs
// against the first's 6, so the layer had 0 MACs and the model, after
// re-evaluating it, said it computes nothing. That chunk holds no output:
// 6 MACs (K 2 x S 3), 2 outputs. One step: 3 + 1 input columns (the
// second sub-cluster's new one) and 6 weights in (1 cycle), 6 partial
// sums on the first PE: 1 + 6 = 7 cycles.
TEST(CostModelInvariants, SubClusterWithoutWindowComputesNothing) {
  LayerShape s = conv(1, 3, 1, 4);
  s.setSize(Dim::K, 2);
  std::vector<Directive> df = {Directive::spatialMap(c(3), c(3), Dim::X)};
  CostReport r = cost(CostLayerKind::Conv, s, df, pes(2));
  EXPECT_EQ(r.numMACs, 2 * 3);
  EXPECT_EQ(r.runtime, 7);
  EXPECT_EQ(r.l2.reads[kIn], 3 + 1);
  EXPECT_EQ(r.l2.reads[kFilter], 2 * 3);
  EXPECT_EQ(r.l2.writes[kOut], 2);
}

// Finding: "a negative, NaN or infinite figure" (a depthwise layer with
// Y = 2^31 at stride 4 reported arithmetic intensity -122): the same empty
// chunk, in the last round of a spatial map, where the step's MACs went
// negative while the layer's stayed positive. Conv S 3, X 20 at column
// stride 4 (outputs at 0, 4, 8, 12, 16), `SpatialMap(1,1) OX` on 3 PEs:
// the map becomes (3, 4), five whole chunks and an empty edge chunk at 20.
// Round 1: 3 sub-clusters x 1 output x 3 taps = 9 MACs; 9 input columns
// and 3 weights in (1 cycle), 3 partial sums per PE: 4 cycles. Round 2:
// MAESTRO counts 2 sub-clusters (whole chunks only) and gives the last,
// edge-edge, the empty chunk in place of [16, 19) (its convention,
// CostModelEdgeEdgeTest): 0 - 3 + 1 = -2 outputs against the first's 1,
// -3 MACs for the step, intensity -3 / 4 = -0.75. It holds no output: 3
// MACs, 4 elements in (1 cycle), 3 cycles. 12 MACs, 7 cycles, intensity
// 3 / 4 for the last step.
TEST(CostModelInvariants, EmptyChunkInTheLastRoundGivesNoNegativeFigure) {
  LayerShape s = conv(1, 3, 1, 20);
  s.stride = {1, 4};
  CostReport r = cost(CostLayerKind::Conv, s,
                      {Directive::spatialMap(c(1), c(1), Dim::OX)}, pes(3));
  EXPECT_EQ(r.numMACs, 4 * 3);
  EXPECT_EQ(r.runtime, 7);
  EXPECT_EQ(r.l1.writes[kOut], r.numMACs);
  EXPECT_EQ(r.l2.reads[kFilter], 3);
  EXPECT_DOUBLE_EQ(r.arithmeticIntensity, 3.0 / 4.0);
}

// Found with the one above: where rows and columns both end in a chunk
// narrower than the window, MAESTRO multiplies two negative output extents
// into a positive one and computes a chunk no window has. Y = X = 5,
// R = S = 3, `TemporalMap(4,4) Y; TemporalMap(4,4) X` on 1 PE: the 4 x 4
// chunk holds 2 x 2 windows, 36 MACs; the edge chunks (1 row, 1 column)
// hold none, and (-1) x (-1) x 9 = 9 MACs more (and 16 input elements
// read again) came from their corner. Now: one step, 16 inputs + 9 weights
// in (1 cycle), 36 partial sums: 37 cycles; 4 outputs.
TEST(CostModelInvariants, WindowlessRowsAndColumnsComputeNothing) {
  std::vector<Directive> df = {Directive::temporalMap(c(4), c(4), Dim::Y),
                               Directive::temporalMap(c(4), c(4), Dim::X),
                               Directive::spatialMap(c(1), c(1), Dim::K)};
  CostReport r = cost(CostLayerKind::Conv, conv(3, 3, 5, 5), df, pes(1));
  EXPECT_EQ(r.numMACs, 2 * 2 * 9);
  EXPECT_EQ(r.runtime, 37);
  EXPECT_EQ(r.l2.reads[kIn], 16);
  EXPECT_EQ(r.l2.reads[kFilter], 9);
  EXPECT_EQ(r.l2.writes[kOut], 4);
}

// Finding: "fewer L2 filter reads than filter elements", 0 of 1,350: a
// depthwise layer (G 2, K 27, R = S = 5, 6 x 43, stride 3 x 2) with only
// `SpatialMap(7,2) R` on 1 PE. The R map, larger than the filter, holds
// `5 - 2` = 3 rows in MAESTRO's rule, but narrowed the output chunk by 7:
// the first step's chunk had a negative output extent, computed nothing
// and read no filter, while the edge steps, narrowed by the 3 rows they
// hold, computed. At the top level such a map now holds the whole filter
// and the output narrows by it: all 2 x 27 x 5 x 5 weights are read once.
TEST(CostModelInvariants, TopLevelFilterMapWiderThanTheFilterReadsIt) {
  LayerShape s;
  s.sizes = {9, 2, 27, 1, 5, 5, 6, 43};
  s.stride = {3, 2};
  HardwareConfig hw = pes(1);
  hw.simdLanes = 2;
  CostReport r = cost(CostLayerKind::Depthwise, s,
                      {Directive::spatialMap(c(7), c(2), Dim::R)}, hw);
  EXPECT_EQ(r.l2.reads[kFilter], 2 * 27 * 5 * 5);
}

// The same rule, small: R = 3, Y = 5, `SpatialMap(4,1) R` on 1 PE. MAESTRO
// holds 2 filter rows and narrows the 5 input rows by 4: 2 output rows x
// 2 taps = 4 MACs, 2 of 3 weights read. The map holds the filter: 3 output
// rows x 3 taps = 9 MACs, the layer's; 3 weights and 5 inputs read once,
// 3 outputs written.
TEST(CostModelInvariants, TopLevelFilterMapWiderThanTheFilterHoldsIt) {
  CostReport r = cost(CostLayerKind::Conv, conv(3, 1, 5, 1),
                      {Directive::spatialMap(c(4), c(1), Dim::R)}, pes(1));
  EXPECT_EQ(r.numMACs, 3 * 3);
  EXPECT_EQ(r.l2.reads[kFilter], 3);
  EXPECT_EQ(r.l2.reads[kIn], 5);
  EXPECT_EQ(r.l2.writes[kOut], 3);
}

// MAESTRO's rule, which evaluateCost enforces for layers with windows (a
// GEMM's R and S are 1 and name nothing: CostModelDegenerateTest,
// GemmOutputMapIgnoresFilterMaps): a temporal map on R or S holds the
// whole filter. One filter row at a time (R = 3) counted every input
// row's windows for each filter row, 5 x 3 = 15 MACs for the layer's 9;
// one wider than the filter held `R - offset` of it. Both are refused,
// naming the directive. (The fuzzer's "a negative buffer size" came from
// such maps, through output chunks narrower than their window:
// SubClusterWithoutWindowComputesNothing.)
TEST(CostModelInvariants, TemporalFilterMapsMustHoldTheFilter) {
  for (std::vector<Directive> df :
       {std::vector<Directive>{Directive::temporalMap(c(1), c(1), Dim::R),
                               Directive::spatialMap(c(1), c(1), Dim::K)},
        std::vector<Directive>{Directive::temporalMap(c(4), c(1), Dim::R),
                               Directive::spatialMap(c(1), c(1), Dim::K)},
        std::vector<Directive>{Directive::temporalMap(c(3), c(1), Dim::R),
                               Directive::spatialMap(c(1), c(1), Dim::K)}}) {
    llvm::Expected<CostReport> r =
        evaluateCost(CostLayerKind::Conv, conv(3, 1, 5, 1), df, pes(1));
    ASSERT_FALSE(static_cast<bool>(r));
    std::string message = llvm::toString(r.takeError());
    EXPECT_NE(message.find("directive #0 (" + describe(df[0]) + ")"),
              std::string::npos)
        << message;
    EXPECT_NE(message.find("must hold the whole filter"), std::string::npos)
        << message;
  }
  CostReport whole =
      cost(CostLayerKind::Conv, conv(3, 1, 5, 1),
           {Directive::temporalMap(SizeExpr::sizeOfDim(Dim::R),
                                   SizeExpr::sizeOfDim(Dim::R), Dim::R),
            Directive::spatialMap(c(1), c(1), Dim::K)},
           pes(1));
  EXPECT_EQ(whole.numMACs, 9);
}

} // namespace
