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
  auto map = [](DirectiveKind kind, SizeExpr size, SizeExpr offset, Dim dim) {
    Directive d;
    d.kind = kind;
    d.size = size;
    d.offset = offset;
    d.dim = dim;
    return d;
  };
  auto c = SizeExpr::constant;
  auto sz = SizeExpr::sizeOfDim;
  Directive cluster;
  cluster.kind = DirectiveKind::Cluster;
  cluster.size = c(64);
  std::vector<Directive> nvdla = {
      map(DirectiveKind::SpatialMap, c(1), c(1), Dim::C),
      map(DirectiveKind::TemporalMap, c(64), c(64), Dim::K),
      map(DirectiveKind::TemporalMap, sz(Dim::R), sz(Dim::R), Dim::R),
      map(DirectiveKind::TemporalMap, sz(Dim::S), sz(Dim::S), Dim::S),
      map(DirectiveKind::TemporalMap, c(1), c(1), Dim::OY),
      map(DirectiveKind::TemporalMap, c(1), c(1), Dim::OX),
      cluster,
      map(DirectiveKind::SpatialMap, c(1), c(1), Dim::K),
      map(DirectiveKind::TemporalMap, sz(Dim::R), sz(Dim::R), Dim::R),
      map(DirectiveKind::TemporalMap, sz(Dim::S), sz(Dim::S), Dim::S)};
  LayerShape shape;
  shape.sizes = {1, 1, 512, 512, 3, 3, 14, 14};
  for (auto _ : state) {
    llvm::Expected<BoundDataflow> bound = bindDataflow(nvdla, shape, 256);
    benchmark::DoNotOptimize(bound->levels.size());
    llvm::consumeError(bound.takeError());
  }
}
BENCHMARK(BM_BindNvdlaToVgg16Conv11);
