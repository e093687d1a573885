//===- MaeriSimulator.h - Run a MAERI schedule on real data -----*- C++ -*-===//
//
// The simulated executor: steps a MAERI schedule tile by tile, moving real
// data through the distribution tree (with multicast and forwarding links),
// the multiplier switches, the augmented reduction tree and the collection
// at its root, accumulating folds. It produces the output tensor and the
// machine's activity; docs/MAERI.md gives the cycle model. MLIR-free.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_SIMULATOR_MAERISIMULATOR_H
#define ACCEL_SIMULATOR_MAERISIMULATOR_H

#include "accel/Model/LayerShape.h"
#include "accel/Target/MAERI/MaeriSchedule.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <cstdint>
#include <string>
#include <vector>

namespace mlir::accel {

/// Element arithmetic: integers accumulate exactly and wrap to the output's
/// width (as linalg's i32 accumulation does); floats accumulate in float.
struct SimElementType {
  bool isFloat = true;
  unsigned outputBits = 32;
};

/// The operands, flat, each in its layout's order (`layouts` as in
/// `#accel.layout`: input, filter, output letters).
struct SimOperands {
  std::string inputLayout, filterLayout, outputLayout;
  std::vector<double> input, filter, init;
  double inputZeroPoint = 0, filterZeroPoint = 0;
  SimElementType type;
};

/// What the machine did.
struct SimStats {
  int64_t cycles = 0;
  int64_t tiles = 0;
  int64_t macs = 0;
  /// Cycles spent on each activity (they overlap as docs/MAERI.md says).
  int64_t weightLoadCycles = 0;
  int64_t distributionCycles = 0;
  int64_t collectionCycles = 0;
  int64_t fillDrainCycles = 0;
  /// Elements the distribution tree sent (each once, multicast to all its
  /// readers), the ones forwarding links moved instead, and the readers
  /// multicast served beyond the first.
  int64_t dnElements = 0;
  int64_t forwardedElements = 0;
  int64_t multicastDeliveries = 0;
  /// Multiplications, reductions (adder operations), results collected.
  int64_t msMultiplies = 0;
  int64_t rnAdds = 0;
  int64_t collected = 0;
  /// Cycles a tile waited on each resource beyond its one compute cycle.
  int64_t stallDistribution = 0;
  int64_t stallWeightLoad = 0;
  int64_t stallCollection = 0;
  /// Busy multiplier-switch cycles over all multiplier-switch cycles.
  double msUtilization = 0;
};

struct SimResult {
  std::vector<double> output; // in the output layout
  SimStats stats;
};

/// A wrong data-movement rule the executor can be told to follow, so that
/// tests can see the functional check catch it. Only tests set one.
enum class SimFault {
  None,
  /// Forwarding links bring the left neighbour's input, not the right's.
  ForwardFromLeftNeighbour,
  /// Each switch multiplies by the weight loaded into the next switch.
  WeightOfNextSwitch,
};

/// Runs `schedule` for the layer. With `timingOnly`, no data moves (the
/// statistics are the same). Each multiplier switch takes its operands from
/// where the cycle model says they come (its weight buffer, the
/// distribution network, a forwarding link), so a wrong placement or
/// forwarding rule gives a wrong output. Fails when a count overflows
/// 64-bit integers.
llvm::Expected<SimResult> simulateMaeri(const LayerShape &shape,
                                        const MaeriSchedule &schedule,
                                        const MaeriTargetModel &target,
                                        const SimOperands &operands,
                                        bool timingOnly = false,
                                        SimFault fault = SimFault::None);

/// The functional reference: the plain loop nest over the layer, in double
/// for floats and modulo 2^64 for integers (wrapped to the output width).
/// It shares no code with the executor (ReferenceConvolution.cpp).
std::vector<double> referenceConvolution(const LayerShape &shape,
                                         const SimOperands &operands);

/// The cycles the MAERI cycle model predicts for `schedule` in closed form
/// (the cost model's estimate for this mapping; no data, no tile walk),
/// always equal to simulateMaeri's. Fails when the count overflows.
llvm::Expected<int64_t> estimateMaeriCycles(const LayerShape &shape,
                                            const MaeriSchedule &schedule,
                                            const MaeriTargetModel &target);

} // namespace mlir::accel

#endif // ACCEL_SIMULATOR_MAERISIMULATOR_H
