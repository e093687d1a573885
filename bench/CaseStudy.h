//===- CaseStudy.h - The case study's layer and machine --------*- C++ -*-===//
//
// VGG16 CONV11 (K 512, C 512, 3x3 filters, 14x14 inputs) and MAESTRO's
// accelerator_1.m (256 PEs, 1000-element NoC, 50 elements per cycle
// off chip), which the benchmarks measure on.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_BENCH_CASESTUDY_H
#define ACCEL_BENCH_CASESTUDY_H

#include "accel/Model/Hardware.h"
#include "accel/Model/LayerShape.h"

namespace accel_bench {

inline mlir::accel::LayerShape conv11() {
  mlir::accel::LayerShape shape;
  shape.sizes = {1, 1, 512, 512, 3, 3, 14, 14};
  return shape;
}

inline mlir::accel::HardwareConfig accelerator1() {
  mlir::accel::HardwareConfig hw;
  hw.numPEs = 256;
  hw.l1Size = 100;
  hw.l2Size = 3000;
  hw.nocBandwidth = 1000;
  hw.offchipBandwidth = 50;
  return hw;
}

} // namespace accel_bench

#endif // ACCEL_BENCH_CASESTUDY_H
