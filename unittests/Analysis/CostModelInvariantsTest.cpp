//===- CostModelInvariantsTest.cpp - The cost-model fuzzer's findings -----===//
//
// Each case is a finding of fuzz/CostModelFuzzer.cpp, reduced to sizes that
// can be derived by hand (docs/CostModel.md has the conventions cited).
//
//===----------------------------------------------------------------------===//

#include "CostModelTestSupport.h"

#include "accel/Analysis/CostModel/CostModel.h"

#include "gtest/gtest.h"

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

} // namespace
