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
//    element a computed window touches too: of what the top level's chunks
//    hold (rowsRead: a map larger than its dimension holds D - offset of
//    it, MAESTRO's rule; an edge chunk narrower than the window computes
//    nothing; a map whose offset passes its chunk's last window skips the
//    windows in between), less one slice of the spatially mapped
//    dimension where MAESTRO's edge-edge accounting gives the last busy
//    sub-cluster an edge chunk in place of its own (edgeEdgeSlice;
//    docs/CostModel.md "Kept as MAESTRO does"). (Output writes follow
//    MAESTRO's accounting, which counts half of them under double
//    buffering, so the output count is no bound.)
// Invalid dataflows the model refuses (a temporal map on R or S that is
// not the whole filter) are generated now and then: they must give a clean
// error.
//
//===----------------------------------------------------------------------===//

#include "FuzzCheck.h"

#include "accel/Analysis/CostModel/CostModel.h"

#include "llvm/ADT/STLExtras.h"
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

/// How the analysis walks a dimension at the top level (docs/CostModel.md,
/// section 1): chunks of `size` elements, one every `offset`, in input
/// coordinates. A dimension the level does not name is walked whole; an
/// OY (OX) map spans its windows (heldWindow); with a stride s > 1 a window
/// map of o outputs is repacked to the o min(s, R) + max(R - s, 0) rows
/// they read and moves by o s.
struct Walk {
  int64_t size, offset;
};

bool isWindowed(CostLayerKind kind, Dim dim) {
  return kind != CostLayerKind::Gemm && (dim == Dim::Y || dim == Dim::X);
}

/// MAESTRO's convention (docs/CostModel.md, section 2): a top-level map
/// larger than its dimension holds `extent - offset` of it, unless that
/// holds no output (narrower than `minChunk`): then all of it.
int64_t oversizedChunk(Walk walk, int64_t extent, int64_t minChunk) {
  int64_t rest = extent - walk.offset;
  return rest >= minChunk ? rest : extent;
}

/// The filter rows (columns) the top level's windows span: the level's R
/// (S) map, the whole filter where that map is larger (docs/CostModel.md,
/// deviations), or R (S).
int64_t heldWindow(const LayerShape &shape, const BoundLevel &top,
                   Dim filterDim) {
  int64_t filter = shape.size(filterDim);
  const BoundMap *f = top.find(filterDim);
  return f ? std::min(f->requestedSize, filter) : filter;
}

Walk topWalk(CostLayerKind kind, const LayerShape &shape, const BoundLevel &top,
             Dim dim) {
  int64_t extent = shape.size(dim);
  const BoundMap *m = top.find(dim);
  if (!m && (dim == Dim::Y || dim == Dim::X))
    m = top.find(dim == Dim::Y ? Dim::OY : Dim::OX);
  Walk walk = m ? Walk{m->requestedSize, m->offset} : Walk{extent, extent};
  if (!isWindowed(kind, dim))
    return walk;
  Dim filterDim = dim == Dim::Y ? Dim::R : Dim::S;
  int64_t filter = shape.size(filterDim);
  if (m && isOutputDim(m->dim))
    walk.size += heldWindow(shape, top, filterDim) - 1; // at most 2^31 + 2
  int64_t stride = shape.stride[dim == Dim::Y ? 0 : 1];
  if (stride > 1 && walk.size >= filter) {
    int64_t outputs = (walk.size - filter) / stride + 1;
    walk.size = outputs * std::min(stride, filter) +
                std::max<int64_t>(filter - stride, 0);
    walk.offset = outputs * stride;
  }
  return walk;
}

/// Elements of `dim` the top level's chunks read at least once: every
/// whole chunk of the walk, and the new part of its edge chunk. For rows
/// and columns only chunks that hold a window count (an edge chunk
/// narrower than the window computes nothing, and reads nothing), the
/// window being the filter rows (columns) a chunk holds (heldWindow).
/// Where the walk skips rows (an offset past a chunk's last window, or a
/// stride past the window) no window touches them. The edge chunk a
/// strided walk gets by stepping past the end (the whole extent again,
/// docs/CostModel.md "Strided windows") holds no window the whole chunks
/// have not computed, and MAESTRO charges it one step's new part, not the
/// extent: it adds nothing here.
int64_t rowsRead(CostLayerKind kind, const LayerShape &shape,
                 const BoundLevel &top, Dim dim) {
  int64_t extent = shape.size(dim);
  Walk walk = topWalk(kind, shape, top, dim);
  int64_t minChunk = 1, window = 1;
  // A filter dimension's map larger than the filter holds all of it.
  if (kind != CostLayerKind::Gemm && (dim == Dim::R || dim == Dim::S))
    minChunk = extent;
  // The narrowest chunk of rows (columns) holding an output is a window.
  if (isWindowed(kind, dim))
    minChunk = window = heldWindow(shape, top, dim == Dim::Y ? Dim::R : Dim::S);
  if (walk.size > extent) {
    int64_t chunk = oversizedChunk(walk, extent, minChunk);
    return chunk >= window ? chunk : 0;
  }
  int64_t chunks = (extent - walk.size) / walk.offset + 1;
  int64_t end = (chunks - 1) * walk.offset + walk.size;
  bool overlapping = walk.offset <= walk.size;
  int64_t read = overlapping ? end : chunks * walk.size;
  int64_t edge = extent - chunks * walk.offset;
  if (end < extent && edge >= window)
    read += overlapping ? extent - end : edge;
  return read;
}

/// MAESTRO's edge-edge accounting (docs/CostModel.md, "Kept as MAESTRO
/// does"): where the top level's spatial map ends in a partial chunk, the
/// last busy sub-cluster is marked "edge-edge" and after the first step
/// gets the unique part of that edge chunk, not of its own: one slice of
/// the dimension, `min(offset, size)` of the walk, goes unread. It happens
/// in the first round when the map covers the dimension with sub-clusters
/// to spare (size + offset (n - 1) > D, more than one chunk: even a full
/// chunk is marked; the published figures depend on it, Resnet50_nlr.m
/// CONV2_1_1 reads 4,033 of 4,096 filter elements), and in the last of
/// several rounds when whole chunks are left over for it (the chunk count
/// is no multiple of n) and a partial one follows: MAESTRO counts the
/// round's sub-clusters by whole chunks only and marks the last of them
/// (sane random case s124: 1,134 of its 1,358 MACs, 567 of 679 input
/// elements read).
int64_t edgeEdgeSlice(CostLayerKind kind, const LayerShape &shape,
                      const BoundLevel &top, Dim dim) {
  Walk walk = topWalk(kind, shape, top, dim);
  int64_t extent = shape.size(dim), n = top.numSubUnits;
  if (extent <= walk.size)
    return 0;
  int64_t span;
  if (llvm::MulOverflow(walk.offset, n - 1, span) ||
      llvm::AddOverflow(span, walk.size, span))
    span = INT64_MAX;
  int64_t chunks = (extent - walk.size) / walk.offset + 1;
  bool edgeEdge =
      span > extent || (span < extent && chunks % n != 0 &&
                        (chunks - 1) * walk.offset + walk.size < extent);
  return edgeEdge ? std::min(walk.offset, walk.size) : 0;
}

/// Whether two evaluations of one mapping agree on the figures a mapper
/// ranks by and the ones only a fresh analysis of every level gives.
/// The figures a ranking evaluation has (CostDetail::Ranking), or some.
bool sameRankingFigures(const CostReport &a, const CostReport &b) {
  return a.runtime == b.runtime && a.numMACs == b.numMACs &&
         a.energy == b.energy && a.l1SizeReq == b.l1SizeReq &&
         a.l2SizeReq == b.l2SizeReq;
}

bool sameFigures(const CostReport &a, const CostReport &b) {
  return sameRankingFigures(a, b) && a.offchipBw == b.offchipBw &&
         a.avgUtilizedPEs == b.avgUtilizedPEs;
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
      SizeExpr sizeExpr = SizeExpr::sizeOfDim(inputViewOf(dim));
      SizeExpr offset = sizeExpr;
      // A temporal map on a filter dimension must hold the whole filter
      // (MAESTRO's rule, docs/CostModel.md "Inputs"): mostly such maps, now
      // and then any other, which the model must refuse cleanly.
      bool wholeFilter = kind != CostLayerKind::Gemm && m != spatial &&
                         (dim == Dim::R || dim == Dim::S) &&
                         in.ConsumeIntegralInRange<int>(0, 7) != 0;
      if (!wholeFilter) {
        if (in.ConsumeIntegralInRange<int>(0, 7) != 0)
          sizeExpr = SizeExpr::constant(
              in.ConsumeIntegralInRange<int64_t>(1, extent + 2));
        offset = SizeExpr::constant(in.ConsumeIntegralInRange<int64_t>(
            1, std::max<int64_t>(sizeExpr.resolve(shape), 1)));
      }
      int64_t mapSize = sizeExpr.resolve(shape), ofs = offset.resolve(shape);
      unsigned view = static_cast<unsigned>(inputViewOf(dim));
      int64_t left = extentLeft[view];
      int64_t chunk = std::min(mapSize, left);
      int64_t steps = (left - chunk + ofs - 1) / ofs + 1;
      visited[view] = saturatingProduct({visited[view], steps});
      extentLeft[view] = chunk;
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
  auto check = [&](bool property, const char *what) {
    if (property)
      return;
    printCase(kind, shape, directives, hw);
    mlir::accel::fuzz::fail(what);
  };

  // `other` fails exactly where `expected` fails and, where both give
  // figures, `same` holds of them (`other`'s error is consumed).
  auto checkAgrees = [&](llvm::Expected<CostReport> other,
                         llvm::Expected<CostReport> &expected,
                         bool (*same)(const CostReport &, const CostReport &),
                         const char *failing, const char *differing) {
    check(static_cast<bool>(other) == static_cast<bool>(expected), failing);
    if (!other) {
      llvm::consumeError(other.takeError());
      return;
    }
    if (expected)
      check(same(*other, *expected), differing);
  };

  // A mapper's evaluator gives the same, with a scratch twice: the second
  // time its innermost level is the one the first remembered.
  llvm::Expected<CostEvaluator> evaluator =
      CostEvaluator::create(kind, shape, hw);
  check(static_cast<bool>(evaluator), "a valid layer the evaluator refuses");
  static CostEvaluator::Scratch scratch; // other evaluators' entries stay apart
  for (int pass = 0; pass < 2; ++pass)
    checkAgrees(evaluator->evaluate(directives, &scratch), report, sameFigures,
                "the evaluator and evaluateCost disagree on failing",
                "the evaluator's figures differ from evaluateCost's");
  // A mapper ranks on a ranking evaluation: the same figures where it has
  // them, and it fails exactly where a full one fails (an overflow in the
  // statistics it leaves out included).
  checkAgrees(evaluator->evaluate(directives, &scratch, CostDetail::Ranking),
              report, sameRankingFigures,
              "a ranking evaluation fails where a full one does not, or the "
              "other way",
              "a ranking evaluation's figures differ from a full one's");
  // From the dataflow bound (as a mapper that binds its candidates itself).
  checkAgrees(evaluator->evaluate(*bound), report, sameFigures,
              "an evaluation of the bound dataflow fails where one of its "
              "directives does not, or the other way",
              "an evaluation of the bound dataflow gives other figures");
  // The top level's maps in reverse order, and the innermost level's,
  // through the same scratch: it holds the figures of the top level's steps
  // and the innermost level's analysis for the orders above, which other
  // orders of the same maps may take only where that cannot change them
  // (TopLevelKey and LevelKey in CostModel.cpp).
  std::vector<Directive> reversed = directives;
  auto isCluster = [](const Directive &d) {
    return d.kind == DirectiveKind::Cluster;
  };
  auto topEnd = llvm::find_if(reversed, isCluster);
  std::reverse(reversed.begin(), topEnd);
  if (topEnd != reversed.end())
    std::reverse(llvm::find_if(llvm::reverse(reversed), isCluster).base(),
                 reversed.end());
  llvm::Expected<CostReport> freshReversed =
      evaluateCost(kind, shape, reversed, hw);
  checkAgrees(evaluator->evaluate(reversed, &scratch), freshReversed,
              sameFigures,
              "other orders of the top and innermost levels' maps fail with a "
              "scratch and not without, or the other way",
              "other orders of the top and innermost levels' maps give other "
              "figures with a scratch");
  if (!freshReversed)
    llvm::consumeError(freshReversed.takeError());

  if (!report) {
    llvm::consumeError(report.takeError());
    return 0;
  }

  const CostReport &r = *report;
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

  // What the top level reads of each dimension (rowsRead), less the slice
  // MAESTRO's edge-edge accounting leaves unread on the spatially mapped
  // one.
  const BoundLevel &top = bound->levels.front();
  std::vector<int64_t> unreadSlice(kNumDims, 0);
  for (const BoundMap &m : top.maps)
    if (m.kind == DirectiveKind::SpatialMap)
      unreadSlice[static_cast<unsigned>(inputViewOf(m.dim))] =
          edgeEdgeSlice(kind, shape, top, inputViewOf(m.dim));
  auto readOf = [&](Dim dim) {
    return std::max<int64_t>(rowsRead(kind, shape, top, dim) -
                                 unreadSlice[static_cast<unsigned>(dim)],
                             0);
  };
  int64_t filterElements =
      saturatingProduct({readOf(Dim::G), readOf(Dim::K), readOf(Dim::C),
                         readOf(Dim::R), readOf(Dim::S)});
  // (Every coupling of the kind: a dimension a tensor is not coupled to has
  // size 1 there.)
  int64_t inputElements =
      saturatingProduct({readOf(Dim::N), readOf(Dim::G), readOf(Dim::C),
                         readOf(Dim::Y), readOf(Dim::X)});
  unsigned input = static_cast<unsigned>(TensorClass::Input);
  unsigned filter = static_cast<unsigned>(TensorClass::Filter);
  if (r.l2.reads[filter] < filterElements ||
      r.l2.reads[input] < inputElements) {
    // The bound's factors, for the report.
    llvm::errs() << "L2 reads: filter " << r.l2.reads[filter] << " of "
                 << filterElements << ", input " << r.l2.reads[input] << " of "
                 << inputElements << "; read per dimension:";
    for (Dim dim : kSizedDims)
      llvm::errs() << " " << stringifyDim(dim) << "=" << readOf(dim);
    llvm::errs() << "\n";
  }
  check(r.l2.reads[filter] >= filterElements,
        "fewer L2 filter reads than filter elements");
  check(r.l2.reads[input] >= inputElements,
        "fewer L2 input reads than input elements the windows touch");
  return 0;
}
