//===- CostModel.h - Data-centric cost model (MAESTRO) ----------*- C++ -*-===//
//
// An MLIR-free re-derivation of MAESTRO's data-centric analysis (Kwon et al.,
// MICRO 2019): a layer, a dataflow bound to it and a hardware description in,
// runtime, buffer traffic, buffer sizes and bandwidths out. docs/CostModel.md
// gives every formula.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_ANALYSIS_COSTMODEL_COSTMODEL_H
#define ACCEL_ANALYSIS_COSTMODEL_COSTMODEL_H

#include "accel/Analysis/CostModel/AreaPower.h"
#include "accel/Model/Dataflow.h"
#include "accel/Model/Hardware.h"
#include "accel/Model/LayerShape.h"

#include "llvm/Support/Error.h"

#include <array>
#include <cstdint>
#include <memory>

namespace mlir::accel {

/// Which operand a figure is about.
enum class TensorClass : uint8_t { Input, Filter, Output };
inline constexpr unsigned kNumTensorClasses = 3;

/// How the layer's tensors are coupled to its dimensions.
enum class CostLayerKind : uint8_t { Conv, Depthwise, Grouped, Gemm };

/// Reads and writes of one buffer level, per tensor.
struct AccessCounts {
  std::array<int64_t, kNumTensorClasses> reads{};
  std::array<int64_t, kNumTensorClasses> writes{};
};

struct DelayStats {
  int64_t min = 0;
  int64_t max = 0;
  double avg = 0;
};

/// What the cost model says about one layer.
struct CostReport {
  int64_t runtime = 0;   // cycles
  int64_t numMACs = 0;   // as counted by the analysis
  double throughput = 0; // MACs per cycle
  AccessCounts l1;       // PE-local buffers
  AccessCounts l2;       // the shared buffer
  int64_t l1SizeReq = 0; // bytes per PE
  int64_t l2SizeReq = 0; // bytes
  /// The two above, per tensor (their sums).
  std::array<int64_t, kNumTensorClasses> l1SizeReqOf{}, l2SizeReqOf{};
  int64_t peakNocBw = 0; // elements per cycle
  double avgNocBw = 0;   // elements per cycle
  int64_t offchipBw = 0; // elements per cycle
  DelayStats ingress, egress, compute;
  double avgUtilizedPEs = 0;
  double arithmeticIntensity = 0;
  std::array<double, kNumTensorClasses> reuse{}; // L1 reads / L1 writes
  /// L1 writes per L2 read (the NoC's multicast).
  double multicastInput = 0, multicastFilter = 0;
  /// Elements of the whole input and filter tensors.
  int64_t inputSize = 0, filterSize = 0;
  /// Access-count energy in nJ (EnergyTable below).
  double energy = 0;
  /// MAESTRO's per-layer area and power (AreaPower.h): the hardware's PEs,
  /// SIMD lanes and NoC bandwidth with this layer's L1 and L2 requirements.
  AreaPowerReport areaPower;
};

/// Energy of one access, in units of one MAC's energy, and of one MAC in nJ:
/// MAESTRO's table (cost-model/include/base/BASE_constants.hpp,
/// DSE_cost-database.hpp), from its 28 nm synthesis. Energy counts buffer
/// accesses only: L2 input/filter reads and writes and output writes, and
/// every L1 access.
struct EnergyTable {
  static constexpr double kL1Access = 1.68;
  static constexpr double kL2Access = 18.61;
  static constexpr double kMacNanojoules = 0.00023;
};

/// How much of a CostReport an evaluation fills.
enum class CostDetail : uint8_t {
  /// Every figure.
  Full,
  /// What a mapper ranks and filters by: runtime, MACs and throughput, the
  /// access counts with the reuse and multicast they give, the buffer
  /// sizes, the tensor sizes and energy, each as a full evaluation gives
  /// it. The statistics of the top level's steps (NoC and off-chip
  /// bandwidths, delays, utilized PEs, arithmetic intensity) and the
  /// area/power estimate stay zero. Fails exactly where a full evaluation
  /// fails.
  Ranking,
};

/// Evaluates `directives` on `shape` and `hardware`. Fails with a message
/// for dataflows the analysis cannot handle.
llvm::Expected<CostReport> evaluateCost(CostLayerKind kind,
                                        const LayerShape &shape,
                                        llvm::ArrayRef<Directive> directives,
                                        const HardwareConfig &hardware);

/// One layer on one hardware, checked and tabulated once, for evaluating
/// many dataflows on them (a mapper's inner loop): `evaluate` gives what
/// evaluateCost gives for the same layer and hardware. Holds no state
/// between evaluations, so threads may share one.
class CostEvaluator {
public:
  /// Fails where evaluateCost would fail for any dataflow: an invalid
  /// layer or hardware.
  static llvm::Expected<CostEvaluator> create(CostLayerKind kind,
                                              const LayerShape &shape,
                                              const HardwareConfig &hardware);
  /// What evaluations on one thread may reuse from earlier ones: the
  /// analyses of innermost cluster levels, which depend on that level's
  /// maps and dimensions only, and the top level's chunk sizes, map states
  /// and step figures, which depend on its maps' order not at all or only
  /// through the order of products that cannot overflow; a mapper's
  /// candidates share them. Each is kept for the evaluator that made it, so
  /// one scratch may serve several evaluators.
  class Scratch {
  public:
    Scratch();
    ~Scratch();
    Scratch(const Scratch &) = delete;
    Scratch &operator=(const Scratch &) = delete;
    /// The remembered analyses (CostModel.cpp).
    struct Table;

  private:
    friend class CostEvaluator;
    std::unique_ptr<Table> table;
  };

  /// With a `scratch`, the same figures, sooner where earlier evaluations
  /// analyzed the same innermost levels; with `detail` Ranking, only the
  /// figures a mapper ranks by (CostDetail).
  llvm::Expected<CostReport>
  evaluate(llvm::ArrayRef<Directive> directives, Scratch *scratch = nullptr,
           CostDetail detail = CostDetail::Full) const;
  /// The same for a dataflow already bound to this evaluator's layer and
  /// PE count, made other than by bindDataflow (a mapper that makes its
  /// candidates bound): checked by verifyBoundDataflow instead of bound
  /// again. Messages name a map by its bound size and offset.
  llvm::Expected<CostReport>
  evaluate(const BoundDataflow &bound, Scratch *scratch = nullptr,
           CostDetail detail = CostDetail::Full) const;

  CostEvaluator(CostEvaluator &&);
  CostEvaluator &operator=(CostEvaluator &&);
  ~CostEvaluator();

  /// The layer's tables (CostModel.cpp).
  struct Prepared;

private:
  CostEvaluator();
  std::unique_ptr<Prepared> prepared;
};

} // namespace mlir::accel

#endif // ACCEL_ANALYSIS_COSTMODEL_COSTMODEL_H
