//===- TestTargetTest.cpp - A second target, outside the core -------------===//
//
// A target that only counts MACs, added the way docs/Dialect.md ("Adding a
// target") says: its attributes in its own .td, its model, one
// registration. The core verifies its schedules, reaches its model through
// getTargetModel and runs a pass on its hardware without naming it.
//
//===----------------------------------------------------------------------===//

#include "accel/Dialect/Accel/IR/AccelOps.h"
#include "accel/Dialect/Accel/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/DialectImplementation.h"
#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/ADT/TypeSwitch.h"

#include "gtest/gtest.h"

#define GET_ATTRDEF_CLASSES
#include "TestTargetAttributes.h.inc"

using namespace mlir;
using namespace mlir::accel;

//===----------------------------------------------------------------------===//
// The target: model, attributes, registration
//===----------------------------------------------------------------------===//

namespace {
/// A machine of `macsPerCycle` multipliers and nothing else.
class MacCounterModel final
    : public llvm::RTTIExtends<MacCounterModel, AcceleratorTargetModel> {
public:
  static char ID;
  explicit MacCounterModel(int64_t macsPerCycle)
      : RTTIExtends(hardwareOf(macsPerCycle)), macsPerCycle(macsPerCycle) {}
  llvm::StringRef getName() const override { return "MAC counter"; }
  int64_t getPeakMACsPerCycle() const override { return macsPerCycle; }
  int64_t cycles(const LayerShape &shape) const {
    return (shape.numMACs() + macsPerCycle - 1) / macsPerCycle;
  }
  /// To MAESTRO: one PE per multiplier.
  static HardwareConfig hardwareOf(int64_t macsPerCycle) {
    HardwareConfig hardware;
    hardware.numPEs = macsPerCycle;
    return hardware;
  }

private:
  int64_t macsPerCycle;
};
char MacCounterModel::ID = 0;
} // namespace

HardwareConfig TestMacCounterAttr::getHardwareConfig() const {
  return MacCounterModel::hardwareOf(getMacsPerCycle());
}

std::unique_ptr<AcceleratorTargetModel>
TestMacCounterAttr::getTargetModel() const {
  return std::make_unique<MacCounterModel>(getMacsPerCycle());
}

LogicalResult
TestMacCountAttr::verifySchedule(Operation *op,
                                 const AcceleratorTargetModel &target) const {
  auto layer = cast<LayerOp>(op);
  const auto *counter = llvm::dyn_cast<MacCounterModel>(&target);
  if (!counter)
    return layer.emitOpError() << "MAC count for a " << target.getName()
                               << " target";
  LayerShape shape = layer.getShape();
  if (getMacs() != shape.numMACs() || getCycles() != counter->cycles(shape))
    return layer.emitOpError()
           << "MAC count: the layer does " << shape.numMACs() << " MACs in "
           << counter->cycles(shape) << " cycles";
  return success();
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#define GET_ATTRDEF_CLASSES
#include "TestTargetAttributes.cpp.inc"
#pragma GCC diagnostic pop

/// The registration: the one line a registration list would hold.
static void registerTestTarget(DialectRegistry &registry) {
  registry.addExtension(+[](MLIRContext *, AccelDialect *dialect) {
    dialect->addTargetAttributes<TestMacCounterAttr, TestMacCountAttr>();
  });
}

//===----------------------------------------------------------------------===//
// Tests
//===----------------------------------------------------------------------===//

namespace {

/// A 2x3x3x3 conv on 6x6 inputs: 2 * 3 * 3 * 3 * 4 * 4 = 864 MACs.
std::string module(StringRef schedule) {
  return (R"mlir(
module attributes {accel.target = #accel.test_mac_counter<macs_per_cycle = 100>} {
  func.func @f(%in: tensor<1x3x6x6xf32>, %w: tensor<2x3x3x3xf32>,
               %init: tensor<1x2x4x4xf32>) -> tensor<1x2x4x4xf32> {
    %0 = accel.layer "conv" conv2d
           dims <N = 1, G = 1, K = 2, C = 3, R = 3, S = 3, Y = 6, X = 6>
           layout <"NCYX", "KCRS", "NKYX">
           ins(%in, %w : tensor<1x3x6x6xf32>, tensor<2x3x3x3xf32>)
           outs(%init : tensor<1x2x4x4xf32>)
           dataflow <"x", [#accel.spatial_map<1, 1, K>, #accel.temporal_map<1, 1, C>]>
           {schedule = )mlir" +
          schedule + R"mlir(} -> tensor<1x2x4x4xf32>
    return %0 : tensor<1x2x4x4xf32>
  }
}
)mlir")
      .str();
}

LayerOp firstLayer(ModuleOp module) {
  LayerOp layer;
  module.walk([&](LayerOp op) { layer = op; });
  return layer;
}

class TestTarget : public ::testing::Test {
protected:
  TestTarget() {
    DialectRegistry registry;
    registry.insert<AccelDialect, func::FuncDialect, tensor::TensorDialect>();
    registerTestTarget(registry);
    context.appendDialectRegistry(registry);
    context.loadAllAvailableDialects();
    context.getDiagEngine().registerHandler([this](Diagnostic &diag) {
      diagnostics += diag.str() + "\n";
    });
  }
  OwningOpRef<ModuleOp> parse(StringRef schedule) {
    return parseSourceString<ModuleOp>(module(schedule), &context);
  }
  MLIRContext context;
  std::string diagnostics;
};

TEST_F(TestTarget, TheCoreVerifiesItsSchedulesAndReachesItsModel) {
  OwningOpRef<ModuleOp> ir =
      parse("#accel.test_mac_count<macs = 864, cycles = 9>");
  ASSERT_TRUE(ir) << diagnostics;
  LayerOp layer = firstLayer(*ir);
  std::unique_ptr<AcceleratorTargetModel> model = getTargetModel(layer);
  const auto *counter = llvm::dyn_cast<MacCounterModel>(model.get());
  ASSERT_NE(counter, nullptr);
  EXPECT_EQ(counter->getPeakMACsPerCycle(), 100);
  EXPECT_EQ(getHardwareConfig(layer).numPEs, 100);
  EXPECT_EQ(isa<TestMacCountAttr>(layer.getScheduleAttr()), true);

  // It prints back as it was written.
  std::string text;
  llvm::raw_string_ostream os(text);
  ir->print(os);
  EXPECT_NE(text.find("#accel.test_mac_counter<macs_per_cycle = 100>"),
            std::string::npos);
  EXPECT_NE(text.find("#accel.test_mac_count<macs = 864, cycles = 9>"),
            std::string::npos);
}

TEST_F(TestTarget, AWrongScheduleIsTheTargetsDiagnostic) {
  EXPECT_FALSE(parse("#accel.test_mac_count<macs = 864, cycles = 8>"));
  EXPECT_NE(diagnostics.find("MAC count: the layer does 864 MACs in 9 cycles"),
            std::string::npos)
      << diagnostics;
}

TEST_F(TestTarget, CorePassesRunOnItsHardware) {
  OwningOpRef<ModuleOp> ir =
      parse("#accel.test_mac_count<macs = 864, cycles = 9>");
  ASSERT_TRUE(ir) << diagnostics;
  PassManager pm(&context);
  pm.addPass(createAccelCostModel());
  ASSERT_TRUE(succeeded(pm.run(*ir))) << diagnostics;
  LayerOp layer = firstLayer(*ir);
  ASSERT_TRUE(layer.getCostAttr());
  EXPECT_EQ(layer.getCostAttr().getInt("macs"), 864);
}

} // namespace
