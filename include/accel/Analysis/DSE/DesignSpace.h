//===- DesignSpace.h - Hardware design-space exploration --------*- C++ -*-===//
//
// The MLIR-free core of accel-dse (docs/DSE.md): a grid of hardware
// configurations numbered in a fixed order, a network's layers costed on
// each (with identical evaluations done once), area and power budgets, and
// the Pareto front over runtime, energy and area.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_ANALYSIS_DSE_DESIGNSPACE_H
#define ACCEL_ANALYSIS_DSE_DESIGNSPACE_H

#include "accel/Analysis/CostModel/AreaPower.h"
#include "accel/Analysis/CostModel/CostModel.h"
#include "accel/Analysis/Search/DataflowSearch.h"
#include "accel/Target/MAERI/MaeriTargetModel.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace mlir::accel {

/// The swept hardware parameters, in the order points are numbered
/// (outermost first). The buffer sizes come last: they do not change the
/// cost model's figures, only whether a layer fits, so consecutive points
/// share their layer evaluations.
enum class SweepAxis : uint8_t {
  NumPEs,
  SimdLanes,
  NocBandwidth,
  OffchipBandwidth,
  MaeriSwitches,
  MaeriDistributionBandwidth,
  MaeriReductionBandwidth,
  L2Size,
  L1Size,
};
inline constexpr unsigned kNumSweepAxes = 9;

/// The spec's (and points.csv's) name of an axis.
llvm::StringRef sweepAxisName(SweepAxis axis);

/// One point of the sweep: the hardware the cost model reads, and MAERI's
/// parameters when the sweep has MAERI axes.
struct DsePoint : HardwareConfig {
  std::optional<MaeriConfig> maeri;
  /// HardwareConfig's checks, and MAERI's (powers of two, bandwidths within
  /// the switches).
  llvm::Error validate() const;
};

/// A grid of hardware configurations: every combination of the axes'
/// values over a base configuration. MAERI axes apply only when all three
/// have values.
class DesignSpace {
public:
  DesignSpace(const HardwareConfig &base,
              std::array<std::vector<int64_t>, kNumSweepAxes> values);

  uint64_t size() const { return numPoints; }
  bool hasMaeri() const { return maeri; }
  /// The configuration numbered `index` (< size()).
  DsePoint point(uint64_t index) const;
  llvm::ArrayRef<int64_t> values(SweepAxis axis) const {
    return axisValues[static_cast<unsigned>(axis)];
  }

private:
  HardwareConfig base;
  std::array<std::vector<int64_t>, kNumSweepAxes> axisValues;
  uint64_t numPoints = 1;
  bool maeri = false;
};

/// One layer of the network with the dataflow it is costed with (or that
/// seeds the mapper).
struct DseLayer {
  std::string name;
  CostLayerKind kind = CostLayerKind::Conv;
  LayerShape shape;
  std::string dataflowName;
  llvm::SmallVector<Directive, 12> directives;
};

struct DseBudgets {
  double maxArea = std::numeric_limits<double>::infinity();  // um^2
  double maxPower = std::numeric_limits<double>::infinity(); // mW
};

/// Why a point is (not) a candidate, in the order they are checked.
enum class PointStatus : uint8_t {
  Ok,
  InvalidHardware, // DsePoint::validate() refuses it
  Unmappable,      // the cost model (or the mapper) fails on a layer
  L1Overflow,      // a layer needs more L1 than the PEs have
  L2Overflow,
  OverArea,
  OverPower,
};
llvm::StringRef pointStatusName(PointStatus status);

/// The network on one configuration.
struct PointResult {
  PointStatus status = PointStatus::Ok;
  int64_t runtime = 0; // cycles, all layers
  double energy = 0;   // nJ, all layers
  int64_t numMACs = 0;
  /// MAESTRO's estimate with the configuration's L1 and L2 sizes (as its
  /// design-space exploration does).
  AreaPowerReport areaPower;
  /// Largest over the layers.
  int64_t l1SizeReq = 0, l2SizeReq = 0, peakNocBw = 0, offchipBw = 0;
};

struct DseEvaluatorStats {
  /// Layer evaluations computed, and answered from the memo.
  int64_t computed = 0;
  int64_t reused = 0;
};

/// Costs the network on configurations. Identical layers (kind, shape,
/// dataflow) are costed once per configuration, and a configuration's
/// layer figures are kept for every later configuration that differs only
/// in what they do not depend on.
class NetworkEvaluator {
public:
  /// With `mapper`, each layer's dataflow is searched per configuration
  /// (its own dataflow seeds the search) instead of taken as it is.
  NetworkEvaluator(llvm::ArrayRef<DseLayer> layers, const DseBudgets &budgets,
                   std::optional<DataflowSearchOptions> mapper = std::nullopt);
  ~NetworkEvaluator();

  PointResult evaluate(const DsePoint &hardware);
  size_t numLayers() const { return layerToUnique.size(); }
  size_t numUniqueLayers() const { return uniqueLayers.size(); }
  const DseEvaluatorStats &stats() const { return counters; }

private:
  /// What the sweep keeps of a layer's cost report.
  struct LayerFigures {
    bool valid = false;
    int64_t runtime = 0, numMACs = 0, l1SizeReq = 0, l2SizeReq = 0,
            peakNocBw = 0, offchipBw = 0;
    double energy = 0;
  };
  /// The figures of every unique layer on one cost-relevant configuration.
  using NetworkFigures = std::vector<LayerFigures>;

  LayerFigures costLayer(const DseLayer &layer,
                         const HardwareConfig &hardware) const;
  const NetworkFigures &figuresFor(const DsePoint &hardware);

  std::vector<DseLayer> uniqueLayers;
  std::vector<unsigned> layerToUnique;
  DseBudgets budgets;
  std::optional<DataflowSearchOptions> mapper;
  /// Keyed by the fields the layer figures depend on.
  std::vector<std::pair<std::vector<int64_t>, NetworkFigures>> memo;
  llvm::DenseMap<uint64_t, llvm::SmallVector<unsigned, 1>> memoIndex;
  DseEvaluatorStats counters;
};

/// The objectives the front minimizes.
struct ParetoObjectives {
  double runtime = 0, energy = 0, area = 0;
};

/// Indices of the points no other point dominates (no worse in all three
/// objectives, better in one), ascending; of points equal in all three only
/// the first is kept.
std::vector<size_t> paretoFront(llvm::ArrayRef<ParetoObjectives> points);

} // namespace mlir::accel

#endif // ACCEL_ANALYSIS_DSE_DESIGNSPACE_H
