//===- ModelBench.cpp - Speed of binding a dataflow to a layer ------------===//
//
// Binding runs inside every cost-model evaluation and every verifier call,
// so it must stay far below a microsecond.
//
//===----------------------------------------------------------------------===//

#include "accel/Model/Dataflow.h"

#include "benchmark/benchmark.h"

using namespace mlir::accel;

static void BM_BindNvdlaToVgg16Conv11(benchmark::State &state) {
  auto c = SizeExpr::constant;
  auto sz = SizeExpr::sizeOfDim;
  auto sp = Directive::spatialMap;
  auto tp = Directive::temporalMap;
  std::vector<Directive> nvdla = {sp(c(1), c(1), Dim::C),
                                  tp(c(64), c(64), Dim::K),
                                  tp(sz(Dim::R), sz(Dim::R), Dim::R),
                                  tp(sz(Dim::S), sz(Dim::S), Dim::S),
                                  tp(c(1), c(1), Dim::OY),
                                  tp(c(1), c(1), Dim::OX),
                                  Directive::cluster(c(64)),
                                  sp(c(1), c(1), Dim::K),
                                  tp(sz(Dim::R), sz(Dim::R), Dim::R),
                                  tp(sz(Dim::S), sz(Dim::S), Dim::S)};
  LayerShape shape;
  shape.sizes = {1, 1, 512, 512, 3, 3, 14, 14};
  for (auto _ : state) {
    llvm::Expected<BoundDataflow> bound = bindDataflow(nvdla, shape, 256);
    benchmark::DoNotOptimize(bound->levels.size());
    llvm::consumeError(bound.takeError());
  }
}
BENCHMARK(BM_BindNvdlaToVgg16Conv11);
