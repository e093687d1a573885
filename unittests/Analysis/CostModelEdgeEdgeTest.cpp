//===- CostModelEdgeEdgeTest.cpp - MAESTRO's edge-edge sub-cluster --------===//
//
// Fuzz finding (fuzz/CostModelFuzzer.cpp, "fewer L2 input reads than input
// elements"): a GEMM with N = 53, G = 53, K = 26, C = 1, Y = X = 64 on 119
// PEs, `TemporalMap(1,1) Y; SpatialMap(1,1) G; Cluster(1);
// SpatialMap(Sz(N),1) N`, counts the dense 299,147,264 MACs but reads
// 11,291,968 input elements from L2 of the 11,505,664 (N G C Y X) there are.
//
// Cause: not the GEMM couplings (a convolution with C in G's place and a
// depthwise layer lose the same slice) but MAESTRO's edge-edge accounting,
// which the reference figures depend on. G (53 chunks) over 119
// sub-clusters covers its dimension in the first round with sub-clusters to
// spare, so MAESTRO marks the last busy sub-cluster "edge-edge"
// (HasSpEdgeEdge) although its chunk is full, and gives it the unique part
// of an edge chunk that does not exist: ofs - (size - (D - (steady + 1)
// ofs)) = 0 (CA_reuse-analysis.hpp, AnalyzeInputMappingSizes). From the
// second step on (Y moves: 63 times) that sub-cluster receives nothing
// new: 63 Y rows x 64 X x 53 N of one G slice, 213,696 elements, are never
// read. Correcting it changes MAESTRO's own published figures (Resnet50_nlr
// CONV2_1_1 reads 4,033 of 4,096 filter elements in MAESTRO's output; more
// Resnet50_nlr rows and sane random cases such as s7, s9, s24 move), so it
// is kept, pinned
// here and documented (docs/CostModel.md, "Kept as MAESTRO does"); the
// fuzzer's read bound now allows that one slice.
//
//===----------------------------------------------------------------------===//

#include "CostModelTestSupport.h"

#include "accel/Analysis/CostModel/CostModel.h"

#include "gtest/gtest.h"

#include <vector>

using namespace mlir::accel;
using namespace mlir::accel::testing;

namespace {

auto c = SizeExpr::constant;

std::vector<Directive> findingDataflow(Dim spatial) {
  return {Directive::temporalMap(c(1), c(1), Dim::Y),
          Directive::spatialMap(c(1), c(1), spatial), Directive::cluster(c(1)),
          Directive::spatialMap(SizeExpr::sizeOfDim(Dim::N), c(1), Dim::N)};
}

LayerShape findingGemm() {
  LayerShape s;
  s.sizes = {53, 53, 26, 1, 1, 1, 64, 64}; // N G K C R S Y X
  return s;
}

constexpr int64_t kInputElements = 53 * 53 * 1 * 64 * 64;
/// One G slice after the first Y step: 63 rows x 64 columns x 53 batches.
constexpr int64_t kUnreadSlice = 63 * 64 * 53;

TEST(CostModelEdgeEdge, FindingGemmReadsAllButTheEdgeEdgeSlice) {
  CostReport r = cost(CostLayerKind::Gemm, findingGemm(),
                      findingDataflow(Dim::G), pes(119));
  EXPECT_EQ(r.numMACs, 299147264);
  EXPECT_EQ(r.numMACs, int64_t(53) * 53 * 26 * 64 * 64);
  EXPECT_EQ(r.l2.reads[kIn], 11291968);
  EXPECT_EQ(r.l2.reads[kIn], kInputElements - kUnreadSlice);
  EXPECT_EQ(r.l2.reads[kFilter], 53 * 26);
}

// Not the GEMM couplings: with sub-clusters to spare the same slice goes
// whatever the number of spare ones (106 = 2 x 53 PEs) ...
TEST(CostModelEdgeEdge, AnySpareSubClusterLosesTheSlice) {
  CostReport r = cost(CostLayerKind::Gemm, findingGemm(),
                      findingDataflow(Dim::G), pes(106));
  EXPECT_EQ(r.l2.reads[kIn], kInputElements - kUnreadSlice);
}

// ... and without spare ones (53 PEs for 53 chunks: no edge) every element
// is read.
TEST(CostModelEdgeEdge, ExactCoverReadsEverything) {
  CostReport r = cost(CostLayerKind::Gemm, findingGemm(),
                      findingDataflow(Dim::G), pes(53));
  EXPECT_EQ(r.numMACs, 299147264);
  EXPECT_EQ(r.l2.reads[kIn], kInputElements);
}

// A convolution (C spatial in G's place, 1x1 filter) loses the same slice:
// 63 Y steps x 64 X of one C channel.
TEST(CostModelEdgeEdge, ConvolutionLosesTheSameSlice) {
  LayerShape s;
  s.sizes = {1, 1, 26, 53, 1, 1, 64, 64};
  std::vector<Directive> df = {Directive::temporalMap(c(1), c(1), Dim::Y),
                               Directive::spatialMap(c(1), c(1), Dim::C)};
  CostReport r = cost(CostLayerKind::Conv, s, df, pes(119));
  EXPECT_EQ(r.numMACs, 26 * 53 * 64 * 64);
  EXPECT_EQ(r.l2.reads[kIn], 53 * 64 * 64 - 63 * 64);
}

// Fuzz finding "fewer L2 filter reads than filter elements" (and input
// reads): not a fault, the same accounting in the last of several rounds.
// MAESTRO counts the last round's sub-clusters by whole chunks only
// ((remaining - size) / offset + 1, DFA_cluster-unit.hpp) and, where a
// partial chunk follows, marks the last of them edge-edge: it gets the
// partial chunk in place of its own. K = 10, `SpatialMap(3,3) K` on 2 PEs
// (1x1 conv, C = 1): round 1 holds K 0-5; the last round's one sub-cluster
// gets the partial chunk, K 9, not K 6-8. 7 of the 10 MACs and weights;
// steps: 1 input + 6 weights in (1 cycle) and 3 partial sums per PE, 4;
// then 1 weight in, 1 partial sum: 5 cycles. MAESTRO's own figures have it
// (sane random case s124: 1,134 of 1,358 MACs, 567 of 679 input elements
// read, one 16-row chunk of M; s6: 9,453 of 9,499 MACs), so it is kept;
// the fuzzer's read bound allows that slice in the last round too.
TEST(CostModelEdgeEdge, LastRoundGivesItsLastSubClusterThePartialChunk) {
  LayerShape s;
  s.sizes = {1, 1, 10, 1, 1, 1, 1, 1};
  CostReport r = cost(CostLayerKind::Conv, s,
                      {Directive::spatialMap(c(3), c(3), Dim::K)}, pes(2));
  EXPECT_EQ(r.numMACs, 7);
  EXPECT_EQ(r.l2.reads[kFilter], 7);
  EXPECT_EQ(r.l2.writes[kOut], 7);
  EXPECT_EQ(r.runtime, 5);
}

} // namespace
