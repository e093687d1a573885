//===- AreaPower.cpp - MAESTRO's area and power estimate ------------------===//

#include "accel/Analysis/CostModel/AreaPower.h"

#include <algorithm>
#include <cmath>

using namespace mlir::accel;

namespace {

// DSE_cost-database.hpp (the active, "Felix" table): per MAC, per SRAM byte
// (L1 and L2 alike), per bus connection and per arbiter.
constexpr double kMacArea = 283;
constexpr double kMacPower = 1.2223;
constexpr double kSramAreaPerByte = 0.104;
constexpr double kSramPowerPerByte = 0.00345;
constexpr double kBusUnitArea = 101.7938;
constexpr double kBusUnitPower = 0.8;
constexpr double kArbiterUnitArea = 395.473;
constexpr double kArbiterUnitPower = 0.34;

// DSE_scaling-coefficients.hpp: a bus grows linearly with its connections,
// a matrix arbiter quadratically.
constexpr double kBusC1 = 14.662, kBusC0 = 28.895;
constexpr double kArbiterC2 = 1.2886, kArbiterC1 = 5.5814,
                 kArbiterC0 = -23.711;

/// MAESTRO's SRAM: whole 1-byte cells, at least one even when empty.
double sramCells(int64_t bytes) {
  return std::max<double>(1, static_cast<double>(bytes));
}

} // namespace

AreaPowerReport mlir::accel::estimateAreaPower(int64_t numPEs,
                                               int64_t simdLanes,
                                               int64_t nocBandwidth,
                                               int64_t l1Bytes,
                                               int64_t l2Bytes) {
  double pes = static_cast<double>(numPEs);
  double lanes = static_cast<double>(simdLanes);
  double bandwidth = static_cast<double>(nocBandwidth);
  double l1Cells = sramCells(l1Bytes), l2Cells = sramCells(l2Bytes);

  double busScale = kBusC1 * pes + kBusC0;
  double arbiterScale =
      kArbiterC2 * std::pow(pes, 2) + kArbiterC1 * pes + kArbiterC0;
  // MAESTRO: an arbiter never costs less than one unit; its power, and the
  // bus's, are scaled down by 1000 (a "TODO: Update power number" there).
  double arbiterArea = std::max(kArbiterUnitArea * arbiterScale,
                                kArbiterUnitArea);
  double arbiterPower = std::max(kArbiterUnitPower * arbiterScale / 1000,
                                 kArbiterUnitPower);
  double busArea = kBusUnitArea * busScale * bandwidth;
  double busPower = kBusUnitPower * busScale / 1000 * bandwidth;

  AreaPowerReport report;
  report.pePower = pes * (kMacPower * lanes);
  report.l1Power = pes * (kSramPowerPerByte * l1Cells);
  report.l2Power = kSramPowerPerByte * l2Cells;
  report.nocPower = busPower + arbiterPower;
  // Summed as MAESTRO's module tree sums them: PEs, L2, NoC.
  report.power = report.pePower + report.l1Power + report.l2Power +
                 report.nocPower;
  double peArea =
      pes * (kMacArea * lanes + kSramAreaPerByte * l1Cells);
  report.area = peArea + kSramAreaPerByte * l2Cells + (busArea + arbiterArea);
  return report;
}
