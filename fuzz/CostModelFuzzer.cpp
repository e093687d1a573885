//===- CostModelFuzzer.cpp - Fuzz the cost model's core -------------------===//
//
// Random well-formed (layer, dataflow, hardware) triples through the
// MLIR-free cost model. Properties that hold for any correct model, derived
// here from the layer alone (nothing is shared with the model):
//  - a verified triple gets numbers or a clean error, never a crash;
//  - MACs are positive and at most what the maps cover (the model follows
//    MAESTRO's count, which can be above or below the layer's own: see
//    docs/CostModel.md, so the layer's count is no bound). With a stride,
//    MAESTRO's convention (docs/CostModel.md, "strided windows") repacks a
//    window map's chunk and steps it by the stride, which can leave one more
//    (edge) chunk holding up to the whole extent of that level again: such a
//    dimension may be covered twice per level, no more;
//  - runtime > 0 whenever MACs > 0;
//  - no count, size or bandwidth is negative, no ratio NaN or infinite;
//  - every filter element is read from L2 at least once, every input
//    element a window touches too (of the part the top level reads: a map
//    larger than its dimension reads D - offset of it, MAESTRO's rule; and
//    where the top level's spatial map has more sub-clusters than chunks,
//    the last busy sub-cluster gets no new slice after the first step,
//    MAESTRO's edge-edge accounting, docs/CostModel.md "Kept as MAESTRO
//    does": one slice of that dimension may go unread).
//    (Output writes follow MAESTRO's
//    accounting, which counts half of them under double buffering, so the
//    output count is no bound.)
//
//===----------------------------------------------------------------------===//

#include "FuzzCheck.h"

#include "accel/Analysis/CostModel/CostModel.h"

#include "llvm/Support/MathExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

using namespace mlir::accel;

namespace {

/// Mostly small sizes (where the edge cases live), sometimes huge ones
/// (where the arithmetic overflows).
int64_t pickSize(FuzzedDataProvider &in, int64_t smallMax) {
  switch (in.ConsumeIntegralInRange<int>(0, 15)) {
  case 0:
    return in.ConsumeIntegralInRange<int64_t>(1, LayerShape::kMaxDimSize);
  case 1:
    return LayerShape::kMaxDimSize - in.ConsumeIntegralInRange<int64_t>(0, 2);
  default:
    return in.ConsumeIntegralInRange<int64_t>(1, smallMax);
  }
}

int64_t saturatingProduct(std::initializer_list<int64_t> factors) {
  int64_t product = 1;
  for (int64_t f : factors)
    if (llvm::MulOverflow(product, f, product))
      return INT64_MAX;
  return product;
}

/// Distinct input rows (or columns) some window reads, without padding or
/// dilation: windows overlap or touch when stride <= window.
int64_t touchedExtent(int64_t outputs, int64_t window, int64_t stride) {
  return stride <= window ? (outputs - 1) * stride + window : outputs * window;
}

/// The case, for the report of a broken property.
void printCase(CostLayerKind kind, const LayerShape &shape,
               llvm::ArrayRef<Directive> directives,
               const HardwareConfig &hw) {
  llvm::errs() << "kind " << static_cast<int>(kind) << ", dims";
  for (Dim dim : kSizedDims)
    llvm::errs() << " " << stringifyDim(dim) << "=" << shape.size(dim);
  llvm::errs() << ", stride " << shape.stride[0] << "x" << shape.stride[1]
               << ", output " << shape.outputRows() << "x"
               << shape.outputCols() << "\n";
  for (const Directive &directive : directives)
    llvm::errs() << "  " << describe(directive) << "\n";
  llvm::errs() << "pes " << hw.numPEs << " simd " << hw.simdLanes << " l1 "
               << hw.l1Size << " l2 " << hw.l2Size << " noc "
               << hw.nocBandwidth << " hops " << hw.nocHops << "x"
               << hw.hopLatency << " multicast " << hw.multicast
               << " offchip " << hw.offchipBandwidth << "\n";
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FuzzedDataProvider in(data, size);
  auto kind = static_cast<CostLayerKind>(in.ConsumeIntegralInRange<int>(0, 3));
  LayerShape shape;
  for (Dim dim : kSizedDims)
    shape.setSize(dim, pickSize(in, dim == Dim::R || dim == Dim::S ? 7 : 64));
  switch (kind) {
  case CostLayerKind::Conv:
    shape.setSize(Dim::G, 1);
    break;
  case CostLayerKind::Depthwise:
    shape.setSize(Dim::C, 1);
    break;
  case CostLayerKind::Grouped:
    break;
  case CostLayerKind::Gemm:
    shape.setSize(Dim::R, 1);
    shape.setSize(Dim::S, 1);
    break;
  }
  if (kind != CostLayerKind::Gemm)
    shape.stride = {in.ConsumeIntegralInRange<int64_t>(1, 4),
                    in.ConsumeIntegralInRange<int64_t>(1, 4)};
  if (llvm::Error err = shape.validate()) {
    llvm::consumeError(std::move(err)); // the verifier's business
    return 0;
  }

  HardwareConfig hw;
  hw.numPEs = pickSize(in, 512);
  hw.simdLanes = in.ConsumeIntegralInRange<int64_t>(1, 8);
  hw.l1Size = pickSize(in, 4096);
  hw.l2Size = pickSize(in, 1 << 20);
  hw.nocBandwidth = pickSize(in, 256);
  hw.nocHops = in.ConsumeIntegralInRange<int64_t>(1, 16);
  hw.hopLatency = in.ConsumeIntegralInRange<int64_t>(0, 16);
  hw.multicast = in.ConsumeBool();
  hw.offchipBandwidth = pickSize(in, 256);
  if (llvm::Error err = hw.validate()) {
    llvm::consumeError(std::move(err));
    return 0;
  }

  // One or two cluster levels; every level maps some dimensions, one of
  // them spatially; sizes from 1 to the dimension (or beyond, or sz(D)).
  std::vector<Directive> directives;
  // Per dimension, the cells the maps visit, overlaps counted: each level
  // steps a chunk over what the level above left (Y/OY and X/OX as one).
  std::vector<int64_t> visited(kNumDims, 1), extentLeft(kNumDims);
  // Rows (columns) read with a stride: at every level, named or not, the
  // stride convention's edge chunk may cover that level's extent once more.
  auto strided = [&](Dim view) {
    return kind != CostLayerKind::Gemm &&
           ((view == Dim::Y && shape.stride[0] > 1) ||
            (view == Dim::X && shape.stride[1] > 1));
  };
  for (unsigned d = 0; d < kNumDims; ++d)
    extentLeft[d] = shape.size(inputViewOf(static_cast<Dim>(d)));
  // Per dimension, how much of it the top level's maps read.
  std::vector<int64_t> readable = extentLeft;
  int levels = in.ConsumeIntegralInRange<int>(1, 2);
  for (int level = 0; level < levels; ++level) {
    for (Dim view : {Dim::Y, Dim::X})
      if (strided(view))
        visited[static_cast<unsigned>(view)] =
            saturatingProduct({visited[static_cast<unsigned>(view)], 2});
    if (level > 0)
      directives.push_back(Directive::cluster(
          SizeExpr::constant(in.ConsumeIntegralInRange<int64_t>(1, 64))));
    std::vector<Dim> dims = {Dim::N, Dim::G, Dim::K, Dim::C, Dim::R,
                             Dim::S, Dim::Y, Dim::X, Dim::OY, Dim::OX};
    size_t numMaps = in.ConsumeIntegralInRange<size_t>(1, 6);
    size_t spatial = in.ConsumeIntegralInRange<size_t>(0, numMaps - 1);
    for (size_t m = 0; m < numMaps && !dims.empty(); ++m) {
      Dim dim = dims[in.ConsumeIntegralInRange<size_t>(0, dims.size() - 1)];
      // Y and OY (X and OX) are one dimension to a level.
      llvm::erase_if(dims, [&](Dim d) {
        return inputViewOf(d) == inputViewOf(dim);
      });
      int64_t extent = shape.size(dim);
      SizeExpr sizeExpr =
          in.ConsumeIntegralInRange<int>(0, 7) == 0
              ? SizeExpr::sizeOfDim(inputViewOf(dim))
              : SizeExpr::constant(
                    in.ConsumeIntegralInRange<int64_t>(1, extent + 2));
      int64_t mapSize = sizeExpr.resolve(shape);
      SizeExpr offset = SizeExpr::constant(
          in.ConsumeIntegralInRange<int64_t>(1, std::max<int64_t>(mapSize, 1)));
      unsigned view = static_cast<unsigned>(inputViewOf(dim));
      int64_t left = extentLeft[view];
      int64_t chunk = std::min(mapSize, left);
      int64_t steps = (left - chunk + offset.value - 1) / offset.value + 1;
      visited[view] = saturatingProduct({visited[view], steps});
      extentLeft[view] = chunk;
      // MAESTRO's convention (docs/CostModel.md, section 2): a top-level map
      // larger than its dimension holds D - offset of it, unless that chunk
      // holds no output; only that much of the tensors is ever read.
      if (level == 0) {
        int64_t size = mapSize, window = 1;
        if (view == static_cast<unsigned>(Dim::Y) ||
            view == static_cast<unsigned>(Dim::X)) {
          if (kind != CostLayerKind::Gemm)
            window = shape.size(view == static_cast<unsigned>(Dim::Y) ? Dim::R
                                                                      : Dim::S);
          if (isOutputDim(dim))
            size += window - 1; // sizes are at most 2^31 + 2
        }
        if (size > left && left - offset.value >= window)
          readable[view] = left - offset.value;
      }
      directives.push_back(m == spatial
                               ? Directive::spatialMap(sizeExpr, offset, dim)
                               : Directive::temporalMap(sizeExpr, offset, dim));
    }
  }
  llvm::Expected<BoundDataflow> bound =
      bindDataflow(directives, shape, hw.numPEs);
  if (!bound) {
    llvm::consumeError(bound.takeError());
    return 0;
  }
  llvm::Expected<CostReport> report =
      evaluateCost(kind, shape, directives, hw);
  if (!report) {
    llvm::consumeError(report.takeError());
    return 0;
  }

  const CostReport &r = *report;
  auto check = [&](bool property, const char *what) {
    if (property)
      return;
    printCase(kind, shape, directives, hw);
    mlir::accel::fuzz::fail(what);
  };
  int64_t covered = 1;
  for (Dim dim : kSizedDims) {
    unsigned d = static_cast<unsigned>(dim);
    covered = saturatingProduct({covered, visited[d], extentLeft[d]});
  }
  check(r.numMACs > 0, "no MACs for a layer");
  check(r.numMACs <= covered, "more MACs than the maps visit");
  check(r.runtime > 0, "runtime 0 for a layer with MACs");
  for (const AccessCounts *level : {&r.l1, &r.l2})
    for (unsigned t = 0; t < kNumTensorClasses; ++t)
      check(level->reads[t] >= 0 && level->writes[t] >= 0,
            "a negative access count");
  check(r.l1SizeReq >= 0 && r.l2SizeReq >= 0, "a negative buffer size");
  check(r.peakNocBw >= 0 && r.offchipBw >= 0, "a negative bandwidth");
  for (double v : {r.throughput, r.avgNocBw, r.avgUtilizedPEs,
                   r.arithmeticIntensity, r.energy, r.reuse[0], r.reuse[1],
                   r.reuse[2], r.ingress.avg, r.egress.avg, r.compute.avg})
    check(std::isfinite(v) && v >= 0, "a negative, NaN or infinite figure");

  // MAESTRO's edge-edge accounting: a top-level spatial map covering its
  // dimension with sub-clusters to spare (size + offset (n - 1) > D) and
  // more than one chunk marks the last busy sub-cluster "edge-edge" even
  // when its chunk is full; that sub-cluster's unique part is then 0, so
  // after the first step it receives nothing new (the published figures
  // depend on it: Resnet50_nlr.m CONV2_1_1 reads 4,033 of 4,096 filter
  // elements). At most one slice of the dimension, `min(offset, size)`
  // input rows (the whole chunk for a strided window, whose offset the
  // stride convention rescales), goes unread.
  std::vector<int64_t> unreadSlice(kNumDims, 0);
  for (const BoundMap &m : bound->levels.front().maps) {
    if (m.kind != DirectiveKind::SpatialMap)
      continue;
    unsigned view = static_cast<unsigned>(inputViewOf(m.dim));
    int64_t size = m.requestedSize, extent = shape.size(inputViewOf(m.dim));
    bool windowed = kind != CostLayerKind::Gemm &&
                    (inputViewOf(m.dim) == Dim::Y || inputViewOf(m.dim) == Dim::X);
    if (windowed && isOutputDim(m.dim))
      size += shape.size(inputViewOf(m.dim) == Dim::Y ? Dim::R : Dim::S) - 1;
    int64_t n = bound->levels.front().numSubUnits;
    int64_t span = size;
    if (n > 1 && llvm::MulOverflow(m.offset, n - 1, span))
      span = INT64_MAX;
    else if (n > 1 && llvm::AddOverflow(span, size, span))
      span = INT64_MAX;
    if (span > extent && extent > size)
      unreadSlice[view] =
          windowed && strided(inputViewOf(m.dim)) ? size : std::min(m.offset, size);
  }
  auto readableOf = [&](Dim dim) {
    unsigned d = static_cast<unsigned>(dim);
    // Filter and non-window dimensions lose the slice here; rows and
    // columns lose it from the touched extent below.
    bool window = kind != CostLayerKind::Gemm && (dim == Dim::Y || dim == Dim::X);
    return window ? readable[d]
                  : std::max<int64_t>(readable[d] - unreadSlice[d], 0);
  };
  auto touchedOf = [&](Dim in, int64_t touched) {
    if (kind == CostLayerKind::Gemm)
      return touched;
    return std::max<int64_t>(touched - unreadSlice[static_cast<unsigned>(in)], 0);
  };
  int64_t filterElements =
      saturatingProduct({readableOf(Dim::G), readableOf(Dim::K),
                         readableOf(Dim::C), readableOf(Dim::R),
                         readableOf(Dim::S)});
  // Output rows (columns) within the readable input rows (columns).
  // The windows themselves are the whole readable extent (the unread slice
  // comes off the touched rows afterwards).
  auto windowOf = [&](Dim window) {
    return readable[static_cast<unsigned>(window)];
  };
  auto outputsIn = [&](Dim in, Dim window, int64_t stride) {
    return (readableOf(in) - windowOf(window)) / stride + 1;
  };
  int64_t inputElements = saturatingProduct(
      {readableOf(Dim::N), readableOf(Dim::G), readableOf(Dim::C),
       touchedOf(Dim::Y,
                 touchedExtent(outputsIn(Dim::Y, Dim::R, shape.stride[0]),
                               windowOf(Dim::R), shape.stride[0])),
       touchedOf(Dim::X,
                 touchedExtent(outputsIn(Dim::X, Dim::S, shape.stride[1]),
                               windowOf(Dim::S), shape.stride[1]))});
  unsigned input = static_cast<unsigned>(TensorClass::Input);
  unsigned filter = static_cast<unsigned>(TensorClass::Filter);
  check(r.l2.reads[filter] >= filterElements,
        "fewer L2 filter reads than filter elements");
  check(r.l2.reads[input] >= inputElements,
        "fewer L2 input reads than input elements the windows touch");
  return 0;
}
