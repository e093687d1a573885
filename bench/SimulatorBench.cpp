//===- SimulatorBench.cpp - The MAERI executor's speed ---------------------===//
//
// Simulated MACs per second of the executor on VGG16 CONV11 (K 512, C 512,
// 3x3, 14x14) and on a ResNet-50 layer (conv3_x 3x3: K 128, C 128, 28x28
// padded by 1), on a 256-switch MAERI (dn_bw = rn_bw = 32), with the
// functional check's data and in timing-only mode; and the analytical
// model of the same schedules. STONNE simulates about 0.7 M MACs/s.
//
//===----------------------------------------------------------------------===//

#include "accel/Simulator/MaeriSimulator.h"

#include "benchmark/benchmark.h"

using namespace mlir::accel;

namespace {

MaeriTargetModel machine() {
  return llvm::cantFail(MaeriTargetModel::get(MaeriConfig{256, 32, 32}));
}

LayerShape conv11() {
  LayerShape shape;
  shape.sizes = {1, 1, 512, 512, 3, 3, 14, 14};
  return shape;
}

LayerShape resnet50Conv3() {
  LayerShape shape;
  shape.sizes = {1, 1, 128, 128, 3, 3, 28, 28};
  shape.padding = {1, 1, 1, 1};
  return shape;
}

/// The schedule --accel-emit-maeri-schedule derives from NVDLA for CONV11:
/// VNs of 4 channels, 64 filters side by side.
MaeriSchedule nvdlaLike() {
  MaeriSchedule s;
  s.tile[static_cast<unsigned>(TileDim::K)] = 64;
  s.tile[static_cast<unsigned>(TileDim::C)] = 4;
  s.order = {Dim::K, Dim::R, Dim::S, Dim::OY, Dim::OX, Dim::N, Dim::G, Dim::C};
  return s;
}

SimOperands operandsFor(const LayerShape &shape) {
  SimOperands ops;
  ops.inputLayout = "NCYX";
  ops.filterLayout = "KCRS";
  ops.outputLayout = "NKYX";
  ops.type.isFloat = true;
  ops.type.outputBits = 32;
  int64_t in = shape.size(Dim::C) * shape.size(Dim::Y) * shape.size(Dim::X);
  int64_t w = shape.size(Dim::K) * shape.size(Dim::C) * shape.size(Dim::R) *
              shape.size(Dim::S);
  for (int64_t i = 0; i < in; ++i)
    ops.input.push_back(static_cast<double>(i % 7) - 3);
  for (int64_t i = 0; i < w; ++i)
    ops.filter.push_back(static_cast<double>(i % 5) - 2);
  ops.init.assign(shape.size(Dim::K) * shape.outputRows() * shape.outputCols(),
                  0.0);
  return ops;
}

void simulate(benchmark::State &state, const LayerShape &shape,
              const MaeriSchedule &schedule, bool timingOnly) {
  MaeriTargetModel target = machine();
  SimOperands ops = timingOnly ? SimOperands{} : operandsFor(shape);
  int64_t macs = 0;
  for (auto _ : state) {
    llvm::Expected<SimResult> r =
        simulateMaeri(shape, schedule, target, ops, timingOnly);
    if (!r) {
      state.SkipWithError(llvm::toString(r.takeError()).c_str());
      return;
    }
    macs = r->stats.macs;
    benchmark::DoNotOptimize(r->stats.cycles);
  }
  state.counters["MACs/s"] = benchmark::Counter(
      static_cast<double>(macs), benchmark::Counter::kIsIterationInvariantRate);
}

void BM_Conv11_Nvdla(benchmark::State &state) {
  simulate(state, conv11(), nvdlaLike(), state.range(0));
}
BENCHMARK(BM_Conv11_Nvdla)->Arg(0)->Arg(1)->ArgName("timing_only")->Unit(benchmark::kMillisecond);

void BM_Conv11_Default(benchmark::State &state) {
  LayerShape shape = conv11();
  simulate(state, shape, defaultSchedule(shape, machine()), state.range(0));
}
BENCHMARK(BM_Conv11_Default)->Arg(0)->Arg(1)->ArgName("timing_only")->Unit(benchmark::kMillisecond);

void BM_ResNet50Conv3_Default(benchmark::State &state) {
  LayerShape shape = resnet50Conv3();
  simulate(state, shape, defaultSchedule(shape, machine()), state.range(0));
}
BENCHMARK(BM_ResNet50Conv3_Default)->Arg(0)->Arg(1)->ArgName("timing_only")->Unit(benchmark::kMillisecond);

void BM_Conv11_AnalyticalModel(benchmark::State &state) {
  LayerShape shape = conv11();
  MaeriTargetModel target = machine();
  MaeriSchedule schedule = defaultSchedule(shape, target);
  for (auto _ : state) {
    llvm::Expected<int64_t> cycles =
        estimateMaeriCycles(shape, schedule, target);
    if (!cycles) {
      state.SkipWithError(llvm::toString(cycles.takeError()).c_str());
      return;
    }
    benchmark::DoNotOptimize(*cycles);
  }
}
BENCHMARK(BM_Conv11_AnalyticalModel)->Unit(benchmark::kMicrosecond);

} // namespace
