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
  return llvm::Error::success();
}

} // namespace mlir::accel
