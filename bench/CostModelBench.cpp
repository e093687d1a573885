//===- CostModelBench.cpp - One cost-model evaluation per library dataflow ===//
//
// VGG16 CONV11 (K 512, C 512, 3x3, 14x14) on MAESTRO's accelerator_1.m with
// each dataflow of dataflows/ (spelled out here so the benchmark needs no
// MLIR). MAESTRO -O3 takes about 0.7 ms per layer.
//
//===----------------------------------------------------------------------===//

#include "accel/Analysis/CostModel/CostModel.h"

#include "benchmark/benchmark.h"

#include <vector>

using namespace mlir::accel;

namespace {

auto c = SizeExpr::constant;
auto sz = SizeExpr::sizeOfDim;
Directive sp(int64_t s, int64_t o, Dim d) {
  return Directive::spatialMap(c(s), c(o), d);
}
Directive tp(int64_t s, int64_t o, Dim d) {
  return Directive::temporalMap(c(s), c(o), d);
}
Directive spSz(Dim sizeOf, int64_t o, Dim d) {
  return Directive::spatialMap(sz(sizeOf), c(o), d);
}
Directive tpSz(Dim sizeOf, int64_t o, Dim d) {
  return Directive::temporalMap(sz(sizeOf), c(o), d);
}
Directive whole(Dim d) { return Directive::temporalMap(sz(d), sz(d), d); }
Directive cluster(SizeExpr size) { return Directive::cluster(size); }

std::vector<Directive> dataflow(int which) {
  switch (which) {
  case 0: // nlr
    return {tp(1, 1, Dim::K), tpSz(Dim::R, 1, Dim::Y), tpSz(Dim::S, 1, Dim::X),
            whole(Dim::R),    whole(Dim::S),           sp(1, 1, Dim::C)};
  case 1: // xp_ws
    return {tp(1, 1, Dim::K),        tp(1, 1, Dim::C), tpSz(Dim::R, 1, Dim::Y),
            spSz(Dim::S, 1, Dim::X), whole(Dim::R),    whole(Dim::S)};
  case 2: // nvdla
    return {sp(1, 1, Dim::C),
            tp(64, 64, Dim::K),
            whole(Dim::R),
            whole(Dim::S),
            tp(1, 1, Dim::OY),
            tp(1, 1, Dim::OX),
            cluster(SizeExpr::constant(64)),
            sp(1, 1, Dim::K),
            whole(Dim::R),
            whole(Dim::S)};
  case 3: // yxp_os
    return {tp(1, 1, Dim::K),
            tp(1, 1, Dim::C),
            sp(1, 1, Dim::OY),
            tp(8, 8, Dim::OX),
            cluster(SizeExpr::constant(8)),
            sp(1, 1, Dim::OX),
            whole(Dim::R),
            whole(Dim::S)};
  case 4: // rs
    return {tp(2, 2, Dim::K),
            tp(3, 3, Dim::C),
            whole(Dim::R),
            spSz(Dim::R, 1, Dim::Y),
            tpSz(Dim::S, 1, Dim::X),
            cluster(SizeExpr::sizeOfDim(Dim::R)),
            sp(1, 1, Dim::Y),
            sp(1, 1, Dim::R),
            whole(Dim::S)};
  case 5: // yr_p
    return {tp(1, 1, Dim::K),
            tp(1, 1, Dim::C),
            spSz(Dim::R, 1, Dim::Y),
            tpSz(Dim::S, 1, Dim::X),
            cluster(SizeExpr::sizeOfDim(Dim::R)),
            sp(1, 1, Dim::Y),
            sp(1, 1, Dim::R),
            whole(Dim::S)};
  default: // tpu_ws
    return {tp(1, 1, Dim::R),
            tp(1, 1, Dim::S),
            sp(1, 1, Dim::K),
            tp(16, 16, Dim::C),
            tp(1, 1, Dim::OY),
            tp(1, 1, Dim::OX),
            cluster(SizeExpr::constant(16)),
            sp(1, 1, Dim::C)};
  }
}

constexpr const char *kNames[] = {"nlr", "xp_ws", "nvdla", "yxp_os",
                                  "rs",  "yr_p",  "tpu_ws"};

void BM_CostConv11(benchmark::State &state) {
  std::vector<Directive> directives = dataflow(state.range(0));
  LayerShape shape;
  shape.sizes = {1, 1, 512, 512, 3, 3, 14, 14};
  HardwareConfig hw;
  hw.numPEs = 256;
  hw.l1Size = 100;
  hw.l2Size = 3000;
  hw.nocBandwidth = 1000;
  hw.offchipBandwidth = 50;
  state.SetLabel(kNames[state.range(0)]);
  for (auto _ : state) {
    llvm::Expected<CostReport> report =
        evaluateCost(CostLayerKind::Conv, shape, directives, hw);
    if (!report) {
      state.SkipWithError(llvm::toString(report.takeError()).c_str());
      break;
    }
    benchmark::DoNotOptimize(report->runtime);
  }
}
BENCHMARK(BM_CostConv11)->DenseRange(0, 6)->Unit(benchmark::kMicrosecond);

} // namespace
