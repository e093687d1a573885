//===- ConsoleSummary.cpp - MAESTRO's console summary ---------------------===//

#include "ConsoleSummary.h"

#include "llvm/Support/Format.h"

#include <algorithm>

using namespace mlir::accel;

namespace {

constexpr const char *kTensorNames[kNumTensorClasses] = {"input", "filter",
                                                         "output"};

/// A real as a C++ stream prints it by default (what MAESTRO's figures are).
auto real(double value) { return llvm::format("%g", value); }

} // namespace

void mlir::accel::printLayerSummary(llvm::raw_ostream &os,
                                    const CostReport &r) {
  os << "\n\nNum MACs: " << r.numMACs << "\n\n";
  os << "[Performance Analysis]\n";
  os << "Runtime: " << r.runtime << " cycles\n";
  os << "Throughput: " << real(r.throughput) << " MACs/cycle\n";

  os << "[Buffer Access Analysis]\n";
  int64_t l1Reads = 0, l1Writes = 0, l1Size = 0, l2Size = 0;
  for (unsigned t = 0; t < kNumTensorClasses; ++t) {
    os << "Tensor " << kTensorNames[t] << "\n";
    os << "L2 size requirement: " << r.l2SizeReqOf[t] << "\n";
    os << "L1 size requirement: " << r.l1SizeReqOf[t] << "\n";
    os << "L2 buffer write: " << r.l2.writes[t] << "\n";
    os << "L2 buffer read: " << r.l2.reads[t] << "\n";
    os << "L1 buffer write: " << r.l1.writes[t] << "\n";
    os << "L1 buffer read: " << r.l1.reads[t] << "\n";
    os << "Data reuse factor: " << real(r.reuse[t]) << "\n";
    l1Reads += r.l1.reads[t];
    l1Writes += r.l1.writes[t];
    l1Size += r.l1SizeReqOf[t];
    l2Size += r.l2SizeReqOf[t];
  }
  os << "Overall data reuse factor: "
     << real(l1Writes ? static_cast<double>(l1Reads) / l1Writes : 0.0)
     << "\n";

  // Energies in units of one MAC's, every access counted (the CSV's
  // energy in nJ leaves out L2 output reads, as MAESTRO's does).
  os << "[Energy Analysis]\n-For each data class\n";
  double l2Write = 0, l2Read = 0, l1Write = 0, l1Read = 0;
  for (unsigned t = 0; t < kNumTensorClasses; ++t) {
    auto line = [&](const char *what, int64_t count, double perAccess,
                    double &sum) {
      double energy = static_cast<double>(count) * perAccess;
      os << what << " energy: " << real(energy) << " X MAC energy\n";
      sum += energy;
    };
    os << "Tensor " << kTensorNames[t] << "\n";
    line("L2 buffer write", r.l2.writes[t], EnergyTable::kL2Access, l2Write);
    line("L2 buffer read", r.l2.reads[t], EnergyTable::kL2Access, l2Read);
    line("L1 buffer write", r.l1.writes[t], EnergyTable::kL1Access, l1Write);
    line("L1 buffer read", r.l1.reads[t], EnergyTable::kL1Access, l1Read);
  }

  os << "\n[Summary]\n";
  os << "Total L2 buffer requirement: " << l2Size << "\n";
  os << "Total L1 buffer requirement: " << l1Size << "\n";
  os << "Total L2 buffer write energy: " << real(l2Write) << " X MAC energy\n";
  os << "Total L2 buffer read energy: " << real(l2Read) << " X MAC energy\n";
  os << "Total L1 buffer write energy: " << real(l1Write) << " X MAC energy\n";
  os << "Total L1 buffer read energy: " << real(l1Read) << " X MAC energy\n";
  os << "Total MAC energy: " << r.numMACs << " X MAC energy\n";
  os << "Peak bandwidth requirement: " << r.peakNocBw << "\n";
  os << "Avg bandwidth requirement: " << real(r.avgNocBw) << "\n";

  double total = l2Write + l2Read + l1Write + l1Read +
                 static_cast<double>(r.numMACs);
  os << "\nTotal energy consumption: " << real(total) << " X MAC energy\n";
  os << "Runtime: " << r.runtime << " cycles\n";
  os << "Throughput: " << real(r.throughput) << " MACs/cycle\n";
  os << "Performance per MAC energy: "
     << real(total > 0 ? r.throughput / total : 0.0)
     << " MACs/cycle/(MAC_energy)\n";
  // MAESTRO keeps delays as whole cycles, its averages truncated.
  auto delays = [&](const char *what, const DelayStats &d) {
    os << what << "\nMin: " << d.min << "\nMax: " << d.max
       << "\nAvg: " << static_cast<int64_t>(d.avg) << "\n";
  };
  delays("Ingress Delay", r.ingress);
  delays("Egress Delay", r.egress);
  delays("Computation Delay", r.compute);
  os << "Average number of utilized PEs: " << real(r.avgUtilizedPEs) << "\n";
  os << "Arithmetic intensity: " << real(r.arithmeticIntensity) << "\n";
}

void mlir::accel::printBufferAnalysis(llvm::raw_ostream &os,
                                      llvm::ArrayRef<CostReport> layers,
                                      const HardwareConfig &hardware) {
  int64_t maxL1 = 0, maxL2 = 0, totalL1 = 0, totalL2 = 0;
  for (const CostReport &r : layers) {
    maxL1 = std::max(maxL1, r.l1SizeReq);
    maxL2 = std::max(maxL2, r.l2SizeReq);
    totalL1 += r.l1SizeReq;
    totalL2 += r.l2SizeReq;
  }
  os << "Buffer Analysis:\n";
  bool pass = true;
  if (maxL1 > hardware.l1Size) {
    os << "[WARNING:Buffer] Per-layer L1 size requirement [" << maxL1
       << "] is larger than the given L1 size [" << hardware.l1Size << "]\n";
    pass = false;
  }
  if (maxL2 > hardware.l2Size) {
    os << "[WARNING:Buffer] Per-layer L2 size requirement [" << maxL2
       << "] is larger than the given L2 size [" << hardware.l2Size << "]\n";
    pass = false;
  }
  if (pass)
    os << "[PASS]\n";
  os << "[Model-wise Buffer Summary]\n";
  os << "Model-wise total L2 size usage: " << totalL2 << "\n";
  os << "Model-wise total L1 size usage: " << totalL1 << "\n";
}

void mlir::accel::printBandwidthAnalysis(llvm::raw_ostream &os,
                                         llvm::ArrayRef<CostReport> layers,
                                         const HardwareConfig &hardware) {
  int64_t maxNoc = 0, maxOffchip = 0;
  for (const CostReport &r : layers) {
    maxNoc = std::max(maxNoc, r.peakNocBw);
    maxOffchip = std::max(maxOffchip, r.offchipBw);
  }
  os << "BW Analysis:\n";
  bool pass = true;
  if (maxNoc > hardware.nocBandwidth) {
    os << "[WARNING:BW] Per-layer NoC BW requirement [" << maxNoc
       << "] is larger than the given NoC BW [" << hardware.nocBandwidth
       << "]\n";
    pass = false;
  }
  if (maxOffchip > hardware.offchipBandwidth) {
    os << "[WARNING:BW] Per-layer OffChip BW requirement [" << maxOffchip
       << "] is larger than the given OffChip BW ["
       << hardware.offchipBandwidth << "]\n";
    pass = false;
  }
  if (pass)
    os << "[PASS]\n";
}
