//===- ParetoPlot.h - accel-dse's SVG scatter plot --------------*- C++ -*-===//

#ifndef ACCEL_TOOLS_ACCEL_DSE_PARETOPLOT_H
#define ACCEL_TOOLS_ACCEL_DSE_PARETOPLOT_H

#include "accel/Analysis/DSE/DesignSpace.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/raw_ostream.h"

#include <string>

namespace mlir::accel {

/// Two scatter panels, runtime against energy and runtime against area, of
/// the points within budget; the Pareto front (indices into `points`) drawn
/// over them in another colour. Deterministic text.
void writeParetoSvg(llvm::raw_ostream &os, llvm::StringRef title,
                    llvm::ArrayRef<ParetoObjectives> points,
                    llvm::ArrayRef<size_t> front);

} // namespace mlir::accel

#endif // ACCEL_TOOLS_ACCEL_DSE_PARETOPLOT_H
