//===- ConsoleSummary.h - MAESTRO's console summary -------------*- C++ -*-===//
//
// What MAESTRO prints on standard output: one block per layer and the buffer
// analysis with --print_res, the bandwidth analysis whenever it writes its
// CSV. Same lines, same order, same number formatting (C++ streams' default
// six significant digits), so scripts that scrape it keep working.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_TOOLS_ACCEL_MAESTRO_CONSOLESUMMARY_H
#define ACCEL_TOOLS_ACCEL_MAESTRO_CONSOLESUMMARY_H

#include "accel/Analysis/CostModel/CostModel.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/raw_ostream.h"

namespace mlir::accel {

/// One layer's block: MACs, runtime, per-tensor buffer sizes, accesses and
/// their energies (in units of one MAC's), bandwidths and delays.
void printLayerSummary(llvm::raw_ostream &os, const CostReport &report);

/// The largest per-layer L1 and L2 requirements against the hardware's, and
/// the whole network's buffer use.
void printBufferAnalysis(llvm::raw_ostream &os,
                         llvm::ArrayRef<CostReport> layers,
                         const HardwareConfig &hardware);

/// The largest per-layer NoC and off-chip bandwidth requirements against the
/// hardware's.
void printBandwidthAnalysis(llvm::raw_ostream &os,
                            llvm::ArrayRef<CostReport> layers,
                            const HardwareConfig &hardware);

} // namespace mlir::accel

#endif // ACCEL_TOOLS_ACCEL_MAESTRO_CONSOLESUMMARY_H
