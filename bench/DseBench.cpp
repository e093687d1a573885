//===- DseBench.cpp - accel-dse's sweep rate ------------------------------===//
//
// Configurations x layers per second of a design-space sweep: VGG16's 13
// convolutions with MAESTRO's KC-P weight-stationary dataflow (as
// vgg16_ckp_ws.m) on the grid of examples/dse/vgg16.json (12,960 points).
// With N ranks, N threads each take every N-th chunk of 256 points with an
// evaluator of their own, as accel-dse's MPI ranks do; each iteration
// starts with empty memos.
//
//===----------------------------------------------------------------------===//

#include "accel/Analysis/DSE/DesignSpace.h"

#include "LibraryDataflows.h"

#include "benchmark/benchmark.h"

#include <thread>
#include <vector>

using namespace mlir::accel;
using namespace accel_bench;

namespace {

constexpr int kNvdlaLikeKcpWs = 2; // LibraryDataflows.h's vgg16_ckp_ws
constexpr uint64_t kChunkSize = 256;

std::vector<DseLayer> vgg16Layers() {
  // {K, C, Y = X} of CONV1 .. CONV13, 3x3 filters.
  const int64_t convs[13][3] = {
      {64, 3, 224},   {64, 64, 224},  {128, 64, 112}, {128, 128, 112},
      {256, 128, 56}, {256, 256, 56}, {256, 256, 56}, {512, 256, 28},
      {512, 512, 28}, {512, 512, 28}, {512, 512, 14}, {512, 512, 14},
      {512, 512, 14}};
  std::vector<DseLayer> layers;
  for (const auto &[k, c, yx] : convs) {
    DseLayer layer;
    layer.shape.sizes = {1, 1, k, c, 3, 3, yx, yx};
    for (const Directive &d : dataflow(kNvdlaLikeKcpWs))
      layer.directives.push_back(d);
    layer.dataflowName = kNames[kNvdlaLikeKcpWs];
    layers.push_back(layer);
  }
  return layers;
}

DesignSpace exampleGrid() {
  std::array<std::vector<int64_t>, kNumSweepAxes> axes;
  auto set = [&](SweepAxis axis, std::vector<int64_t> values) {
    axes[static_cast<unsigned>(axis)] = std::move(values);
  };
  set(SweepAxis::NumPEs, {64, 128, 256, 512, 1024, 2048});
  set(SweepAxis::SimdLanes, {1, 2, 4});
  set(SweepAxis::NocBandwidth, {16, 32, 64, 128, 256});
  set(SweepAxis::OffchipBandwidth, {16, 32, 64});
  set(SweepAxis::L2Size,
      {16384, 32768, 65536, 131072, 262144, 524288, 1048576, 2097152});
  set(SweepAxis::L1Size, {16, 32, 64, 128, 256, 512});
  return DesignSpace(HardwareConfig(), axes);
}

void BM_DseSweepVgg16(benchmark::State &state) {
  unsigned ranks = static_cast<unsigned>(state.range(0));
  std::vector<DseLayer> layers = vgg16Layers();
  DesignSpace space = exampleGrid();
  uint64_t numChunks = (space.size() + kChunkSize - 1) / kChunkSize;
  for (auto _ : state) {
    std::vector<std::thread> threads;
    std::vector<int64_t> runtimes(ranks);
    for (unsigned rank = 0; rank < ranks; ++rank)
      threads.emplace_back([&, rank] {
        NetworkEvaluator evaluator(layers, DseBudgets());
        for (uint64_t chunk = rank; chunk < numChunks; chunk += ranks) {
          uint64_t end = std::min(space.size(), (chunk + 1) * kChunkSize);
          for (uint64_t i = chunk * kChunkSize; i < end; ++i)
            runtimes[rank] += evaluator.evaluate(space.point(i)).runtime;
        }
      });
    for (std::thread &thread : threads)
      thread.join();
    benchmark::DoNotOptimize(runtimes.data());
  }
  // items: configurations x layers.
  state.SetItemsProcessed(state.iterations() * space.size() * layers.size());
  state.counters["configurations"] = space.size();
}
BENCHMARK(BM_DseSweepVgg16)
    ->ArgName("ranks")
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

/// Without the memo's help: every configuration costs its layers anew
/// (one distinct NoC bandwidth per point), the worst case of a sweep.
void BM_DseEvaluateUncached(benchmark::State &state) {
  std::vector<DseLayer> layers = vgg16Layers();
  NetworkEvaluator evaluator(layers, DseBudgets());
  DsePoint hw;
  int64_t bandwidth = 1;
  for (auto _ : state) {
    hw.nocBandwidth = bandwidth++;
    benchmark::DoNotOptimize(evaluator.evaluate(hw).runtime);
  }
  state.SetItemsProcessed(state.iterations() * layers.size());
}
BENCHMARK(BM_DseEvaluateUncached)->Unit(benchmark::kMicrosecond);

} // namespace
