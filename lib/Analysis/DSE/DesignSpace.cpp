//===- DesignSpace.cpp - Hardware design-space exploration ----------------===//

#include "accel/Analysis/DSE/DesignSpace.h"

#include "llvm/ADT/Hashing.h"
#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <cassert>

using namespace mlir::accel;

static constexpr llvm::StringLiteral kAxisNames[kNumSweepAxes] = {
    "num_pes",          "simd_lanes",    "noc_bandwidth",
    "offchip_bandwidth", "maeri_switches", "maeri_dn_bandwidth",
    "maeri_rn_bandwidth", "l2_size",      "l1_size"};

llvm::StringRef mlir::accel::sweepAxisName(SweepAxis axis) {
  return kAxisNames[static_cast<unsigned>(axis)];
}

llvm::StringRef mlir::accel::pointStatusName(PointStatus status) {
  switch (status) {
  case PointStatus::Ok:
    return "ok";
  case PointStatus::InvalidHardware:
    return "invalid-hardware";
  case PointStatus::Unmappable:
    return "unmappable";
  case PointStatus::L1Overflow:
    return "l1-overflow";
  case PointStatus::L2Overflow:
    return "l2-overflow";
  case PointStatus::OverArea:
    return "over-area";
  case PointStatus::OverPower:
    return "over-power";
  }
  llvm_unreachable("unknown PointStatus");
}

//===----------------------------------------------------------------------===//
// DesignSpace
//===----------------------------------------------------------------------===//

static bool isMaeriAxis(unsigned axis) {
  auto a = static_cast<SweepAxis>(axis);
  return a == SweepAxis::MaeriSwitches ||
         a == SweepAxis::MaeriDistributionBandwidth ||
         a == SweepAxis::MaeriReductionBandwidth;
}

DesignSpace::DesignSpace(const HardwareConfig &base,
                         std::array<std::vector<int64_t>, kNumSweepAxes> values)
    : base(base), axisValues(std::move(values)) {
  maeri = true;
  for (unsigned axis = 0; axis < kNumSweepAxes; ++axis)
    maeri &= !isMaeriAxis(axis) || !axisValues[axis].empty();
  for (unsigned axis = 0; axis < kNumSweepAxes; ++axis) {
    if (isMaeriAxis(axis) && !maeri)
      axisValues[axis].clear();
    if (!axisValues[axis].empty())
      numPoints *= axisValues[axis].size();
  }
}

llvm::Error DsePoint::validate() const {
  if (llvm::Error err = HardwareConfig::validate())
    return err;
  return maeri ? maeri->validate() : llvm::Error::success();
}

DsePoint DesignSpace::point(uint64_t index) const {
  assert(index < numPoints && "point index out of range");
  DsePoint hw;
  static_cast<HardwareConfig &>(hw) = base;
  if (maeri)
    hw.maeri = MaeriConfig();
  // Mixed radix, innermost axis last.
  for (unsigned axis = kNumSweepAxes; axis-- > 0;) {
    const std::vector<int64_t> &values = axisValues[axis];
    if (values.empty())
      continue;
    int64_t v = values[index % values.size()];
    index /= values.size();
    switch (static_cast<SweepAxis>(axis)) {
    case SweepAxis::NumPEs:
      hw.numPEs = v;
      break;
    case SweepAxis::SimdLanes:
      hw.simdLanes = v;
      break;
    case SweepAxis::NocBandwidth:
      hw.nocBandwidth = v;
      break;
    case SweepAxis::OffchipBandwidth:
      hw.offchipBandwidth = v;
      break;
    case SweepAxis::MaeriSwitches:
      hw.maeri->multiplierSwitches = v;
      break;
    case SweepAxis::MaeriDistributionBandwidth:
      hw.maeri->distributionBandwidth = v;
      break;
    case SweepAxis::MaeriReductionBandwidth:
      hw.maeri->reductionBandwidth = v;
      break;
    case SweepAxis::L2Size:
      hw.l2Size = v;
      break;
    case SweepAxis::L1Size:
      hw.l1Size = v;
      break;
    }
  }
  return hw;
}

//===----------------------------------------------------------------------===//
// NetworkEvaluator
//===----------------------------------------------------------------------===//

static bool sameLayer(const DseLayer &a, const DseLayer &b) {
  return a.kind == b.kind && a.shape.sizes == b.shape.sizes &&
         a.shape.stride == b.shape.stride &&
         a.shape.dilation == b.shape.dilation &&
         a.shape.padding == b.shape.padding &&
         llvm::equal(a.directives, b.directives,
                     [](const Directive &x, const Directive &y) {
                       // describe() spells every field but the cluster kind.
                       return x.clusterKind == y.clusterKind &&
                              describe(x) == describe(y);
                     });
}

NetworkEvaluator::NetworkEvaluator(
    llvm::ArrayRef<DseLayer> layers, const DseBudgets &budgets,
    std::optional<DataflowSearchOptions> mapper)
    : budgets(budgets), mapper(mapper) {
  for (const DseLayer &layer : layers) {
    auto same = llvm::find_if(uniqueLayers, [&](const DseLayer &other) {
      return sameLayer(layer, other);
    });
    layerToUnique.push_back(same - uniqueLayers.begin());
    if (same == uniqueLayers.end())
      uniqueLayers.push_back(layer);
  }
}

NetworkEvaluator::~NetworkEvaluator() = default;

/// The fields of `hw` the layer figures depend on. The cost model reads
/// neither buffer capacities nor MAERI's parameters; the mapper ranks
/// mappings by whether they fit, so with it every field counts.
static std::vector<int64_t> costKey(const DsePoint &hw, bool mapper) {
  std::vector<int64_t> key = {hw.numPEs,       hw.simdLanes,  hw.nocBandwidth,
                              hw.nocHops,      hw.hopLatency, hw.multicast,
                              hw.offchipBandwidth, hw.elementSize};
  if (mapper) {
    key.push_back(hw.l1Size);
    key.push_back(hw.l2Size);
    if (hw.maeri)
      key.insert(key.end(), {hw.maeri->multiplierSwitches,
                             hw.maeri->distributionBandwidth,
                             hw.maeri->reductionBandwidth});
  }
  return key;
}

NetworkEvaluator::LayerFigures
NetworkEvaluator::costLayer(const DseLayer &layer,
                            const HardwareConfig &hw) const {
  LayerFigures figures;
  CostReport report;
  if (mapper) {
    NamedDataflow seed{layer.dataflowName, layer.directives};
    DataflowSearchResult found =
        searchDataflow(layer.kind, layer.shape, hw, seed, *mapper);
    if (!found.found())
      return figures;
    report = found.report;
  } else {
    llvm::Expected<CostReport> costed =
        evaluateCost(layer.kind, layer.shape, layer.directives, hw);
    if (!costed) {
      llvm::consumeError(costed.takeError());
      return figures;
    }
    report = *costed;
  }
  figures.valid = true;
  figures.runtime = report.runtime;
  figures.numMACs = report.numMACs;
  figures.energy = report.energy;
  figures.l1SizeReq = report.l1SizeReq;
  figures.l2SizeReq = report.l2SizeReq;
  figures.peakNocBw = report.peakNocBw;
  figures.offchipBw = report.offchipBw;
  return figures;
}

const NetworkEvaluator::NetworkFigures &
NetworkEvaluator::figuresFor(const DsePoint &hw) {
  std::vector<int64_t> key = costKey(hw, mapper.has_value());
  uint64_t hash = llvm::hash_combine_range(key.begin(), key.end());
  llvm::SmallVector<unsigned, 1> &slots = memoIndex[hash];
  for (unsigned slot : slots)
    if (memo[slot].first == key) {
      counters.reused += uniqueLayers.size();
      return memo[slot].second;
    }
  NetworkFigures figures;
  figures.reserve(uniqueLayers.size());
  for (const DseLayer &layer : uniqueLayers)
    figures.push_back(costLayer(layer, hw));
  counters.computed += uniqueLayers.size();
  slots.push_back(memo.size());
  memo.emplace_back(std::move(key), std::move(figures));
  return memo.back().second;
}

PointResult NetworkEvaluator::evaluate(const DsePoint &hw) {
  PointResult result;
  result.areaPower = estimateAreaPower(hw.numPEs, hw.simdLanes,
                                       hw.nocBandwidth, hw.l1Size, hw.l2Size);
  if (llvm::Error err = hw.validate()) {
    llvm::consumeError(std::move(err));
    result.status = PointStatus::InvalidHardware;
    return result;
  }
  const NetworkFigures &figures = figuresFor(hw);
  bool mappable = true;
  for (unsigned unique : layerToUnique) {
    const LayerFigures &layer = figures[unique];
    if (!layer.valid) {
      mappable = false;
      continue;
    }
    result.runtime += layer.runtime;
    result.energy += layer.energy;
    result.numMACs += layer.numMACs;
    result.l1SizeReq = std::max(result.l1SizeReq, layer.l1SizeReq);
    result.l2SizeReq = std::max(result.l2SizeReq, layer.l2SizeReq);
    result.peakNocBw = std::max(result.peakNocBw, layer.peakNocBw);
    result.offchipBw = std::max(result.offchipBw, layer.offchipBw);
  }
  if (!mappable)
    result.status = PointStatus::Unmappable;
  else if (result.l1SizeReq > hw.l1Size)
    result.status = PointStatus::L1Overflow;
  else if (result.l2SizeReq > hw.l2Size)
    result.status = PointStatus::L2Overflow;
  else if (result.areaPower.area > budgets.maxArea)
    result.status = PointStatus::OverArea;
  else if (result.areaPower.power > budgets.maxPower)
    result.status = PointStatus::OverPower;
  return result;
}

//===----------------------------------------------------------------------===//
// Pareto front
//===----------------------------------------------------------------------===//

std::vector<size_t>
mlir::accel::paretoFront(llvm::ArrayRef<ParetoObjectives> points) {
  // Sorted by runtime (then energy, area, index), a point is dominated
  // exactly when an earlier front point is no worse in energy and area.
  std::vector<size_t> order(points.size());
  for (size_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const ParetoObjectives &pa = points[a], &pb = points[b];
    if (pa.runtime != pb.runtime)
      return pa.runtime < pb.runtime;
    if (pa.energy != pb.energy)
      return pa.energy < pb.energy;
    if (pa.area != pb.area)
      return pa.area < pb.area;
    return a < b;
  });
  std::vector<size_t> front;
  for (size_t i : order) {
    const ParetoObjectives &p = points[i];
    bool dominated = llvm::any_of(front, [&](size_t f) {
      return points[f].energy <= p.energy && points[f].area <= p.area;
    });
    if (!dominated)
      front.push_back(i);
  }
  llvm::sort(front);
  return front;
}
