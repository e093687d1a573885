//===- AttributesTest.cpp - C++ API of the accel attributes ---------------===//

#include "accel/Dialect/Accel/IR/AccelAttributes.h"
#include "accel/Dialect/Accel/IR/AccelDialect.h"

#include "mlir/IR/MLIRContext.h"

#include "gtest/gtest.h"

using namespace mlir;
using namespace mlir::accel;

namespace {

class AccelAttributes : public ::testing::Test {
protected:
  AccelAttributes() { context.loadDialect<AccelDialect>(); }
  MLIRContext context;
};

TEST_F(AccelAttributes, PEArrayConfigRoundTrip) {
  HardwareConfig config;
  config.numPEs = 64;
  config.simdLanes = 2;
  config.hopLatency = 3;
  config.multicast = false;
  PEArrayAttr attr = PEArrayAttr::get(&context, config);
  HardwareConfig back = attr.getHardwareConfig();
  EXPECT_EQ(back.numPEs, 64);
  EXPECT_EQ(back.simdLanes, 2);
  EXPECT_EQ(back.hopLatency, 3);
  EXPECT_FALSE(back.multicast);
  // Defaults of the attribute and of the C++ struct are the same.
  HardwareConfig defaults;
  defaults.numPEs = 16;
  HardwareConfig fromAttr = PEArrayAttr::get(&context, defaults).getHardwareConfig();
  EXPECT_EQ(fromAttr.l1Size, defaults.l1Size);
  EXPECT_EQ(fromAttr.l2Size, defaults.l2Size);
  EXPECT_EQ(fromAttr.nocBandwidth, defaults.nocBandwidth);
  EXPECT_EQ(fromAttr.offchipBandwidth, defaults.offchipBandwidth);
}

TEST_F(AccelAttributes, DataflowToModel) {
  auto spatial = SpatialMapAttr::get(&context, SizeExpr::constant(1),
                                     SizeExpr::constant(1), Dim::C);
  auto temporal = TemporalMapAttr::get(&context, SizeExpr::sizeOfDim(Dim::R),
                                       SizeExpr::sizeOfDim(Dim::R), Dim::R);
  auto cluster =
      ClusterAttr::get(&context, SizeExpr::constant(8), ClusterKind::Logical);
  auto inner = SpatialMapAttr::get(&context, SizeExpr::constant(1),
                                   SizeExpr::constant(1), Dim::K);
  SmallVector<DirectiveAttrInterface> directives = {spatial, temporal, cluster,
                                                    inner};
  auto dataflow = DataflowAttr::get(&context, "df", directives);
  SmallVector<Directive> model = dataflow.getModelDirectives();
  ASSERT_EQ(model.size(), 4u);
  EXPECT_EQ(model[0].kind, DirectiveKind::SpatialMap);
  EXPECT_EQ(model[1].size, SizeExpr::sizeOfDim(Dim::R));
  EXPECT_EQ(model[2].kind, DirectiveKind::Cluster);
  EXPECT_EQ(model[2].clusterKind, ClusterKind::Logical);
  EXPECT_EQ(model[3].dim, Dim::K);
  // Uniqued: the same directives give the same attribute.
  EXPECT_EQ(dataflow, DataflowAttr::get(&context, "df", directives));
}

} // namespace
