//===- Hardware.cpp - Parameters of a spatial accelerator -----------------===//

#include "accel/Model/Hardware.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MathExtras.h"

namespace mlir::accel {

llvm::Error HardwareConfig::validate() const {
  auto fail = [](const llvm::Twine &msg) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), msg);
  };
  struct Bound {
    const char *name;
    int64_t value;
    int64_t min;
  };
  // Upper bound keeps products of two parameters within 64 bits.
  constexpr int64_t kMax = int64_t(1) << 40;
  for (const Bound &b :
       {Bound{"num_pes", numPEs, 1}, Bound{"simd_lanes", simdLanes, 1},
        Bound{"l1_size", l1Size, 0}, Bound{"l2_size", l2Size, 0},
        Bound{"noc_bw", nocBandwidth, 1}, Bound{"noc_hops", nocHops, 0},
        Bound{"hop_latency", hopLatency, 0},
        Bound{"offchip_bw", offchipBandwidth, 1},
        Bound{"element_size", elementSize, 1}}) {
    if (b.value < b.min || b.value > kMax)
      return fail(llvm::formatv("{0} must be in [{1}, 2^40], got {2}", b.name,
                                b.min, b.value));
  }
  if (!maeri)
    return llvm::Error::success();
  for (const Bound &b : {Bound{"maeri_ms", maeri->multiplierSwitches, 1},
                         Bound{"maeri_dn_bw", maeri->distributionBandwidth, 1},
                         Bound{"maeri_rn_bw", maeri->reductionBandwidth, 1}}) {
    if (b.value < 1 || b.value > kMax ||
        !llvm::isPowerOf2_64(static_cast<uint64_t>(b.value)))
      return fail(llvm::formatv("{0} must be a positive power of two, got {1}",
                                b.name, b.value));
  }
  if (maeri->distributionBandwidth > maeri->multiplierSwitches ||
      maeri->reductionBandwidth > maeri->multiplierSwitches)
    return fail(llvm::formatv(
        "MAERI bandwidths (maeri_dn_bw {0}, maeri_rn_bw {1}) cannot exceed "
        "the {2} multiplier switches they connect to",
        maeri->distributionBandwidth, maeri->reductionBandwidth,
        maeri->multiplierSwitches));
  return llvm::Error::success();
}

} // namespace mlir::accel
