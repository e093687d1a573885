//===- MaeriSchedule.cpp - How MAERI runs one layer -----------------------===//

#include "accel/Target/MAERI/MaeriSchedule.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MathExtras.h"

#include <limits>

using namespace mlir::accel;

static llvm::Error fail(const llvm::Twine &msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), msg);
}

static constexpr TileDim kTileDims[kNumTileDims] = {
    TileDim::R, TileDim::S, TileDim::C,  TileDim::K,
    TileDim::G, TileDim::N, TileDim::OX, TileDim::OY};

Dim mlir::accel::canonicalDim(TileDim t) {
  switch (t) {
  case TileDim::R:
    return Dim::R;
  case TileDim::S:
    return Dim::S;
  case TileDim::C:
    return Dim::C;
  case TileDim::K:
    return Dim::K;
  case TileDim::G:
    return Dim::G;
  case TileDim::N:
    return Dim::N;
  case TileDim::OX:
    return Dim::OX;
  case TileDim::OY:
    return Dim::OY;
  }
  llvm_unreachable("unknown TileDim");
}

llvm::StringRef mlir::accel::stringifyTileDim(TileDim t) {
  static constexpr const char *kNames[] = {"T_R", "T_S", "T_C",  "T_K",
                                           "T_G", "T_N", "T_X'", "T_Y'"};
  return kNames[static_cast<unsigned>(t)];
}

TileDim mlir::accel::tileDimOf(Dim d) {
  switch (d) {
  case Dim::R:
    return TileDim::R;
  case Dim::S:
    return TileDim::S;
  case Dim::C:
    return TileDim::C;
  case Dim::K:
    return TileDim::K;
  case Dim::G:
    return TileDim::G;
  case Dim::N:
    return TileDim::N;
  case Dim::X:
  case Dim::OX:
    return TileDim::OX;
  case Dim::Y:
  case Dim::OY:
    return TileDim::OY;
  }
  llvm_unreachable("unknown Dim");
}

int64_t MaeriSchedule::vnSize() const {
  return (*this)[TileDim::R] * (*this)[TileDim::S] * (*this)[TileDim::C];
}

int64_t MaeriSchedule::numVNs() const {
  return (*this)[TileDim::N] * (*this)[TileDim::G] * (*this)[TileDim::K] *
         (*this)[TileDim::OY] * (*this)[TileDim::OX];
}

int64_t MaeriSchedule::folds(const LayerShape &shape) const {
  return llvm::divideCeilSigned(shape.size(Dim::R), (*this)[TileDim::R]) *
         llvm::divideCeilSigned(shape.size(Dim::S), (*this)[TileDim::S]) *
         llvm::divideCeilSigned(shape.size(Dim::C), (*this)[TileDim::C]);
}

int64_t MaeriSchedule::numTiles(const LayerShape &shape) const {
  int64_t n = 1;
  for (TileDim t : kTileDims) {
    int64_t tiles =
        llvm::divideCeilSigned(shape.size(canonicalDim(t)), (*this)[t]);
    if (llvm::MulOverflow(n, tiles, n))
      return std::numeric_limits<int64_t>::max();
  }
  return n;
}

bool MaeriSchedule::usesForwarding(const LayerShape &shape) const {
  // Inputs slide one switch over the forwarding links when a VN's window
  // moves one input column at a time: one output column per tile, stride
  // and dilation 1, a window of several columns that divides S (STONNE's
  // conditions; it was checked against MAERI's RTL). Only folds (C, R, S)
  // may be visited between two columns: the switches keep each fold's
  // window.
  auto ox = llvm::find(order, Dim::OX);
  int64_t ts = (*this)[TileDim::S];
  if (ox == order.end() || (*this)[TileDim::OX] != 1 || ts <= 1 ||
      shape.stride[1] != 1 || shape.dilation[1] != 1 ||
      shape.size(Dim::S) % ts != 0)
    return false;
  return llvm::all_of(llvm::make_range(std::next(ox), order.end()), [&](Dim d) {
    return d == Dim::C || d == Dim::R || d == Dim::S;
  });
}

llvm::Error mlir::accel::verifySchedule(const MaeriSchedule &schedule,
                                        const LayerShape &shape,
                                        const MaeriTargetModel &target) {
  for (TileDim t : kTileDims) {
    int64_t extent = shape.size(canonicalDim(t));
    if (schedule[t] < 1 || schedule[t] > extent)
      return fail(llvm::formatv("{0} = {1} must be in [1, {2}] (the size of "
                                "{3})",
                                stringifyTileDim(t), schedule[t], extent,
                                stringifyDim(canonicalDim(t))));
  }
  std::array<bool, kNumDims> seen{};
  for (Dim d : schedule.order) {
    if (d == Dim::Y || d == Dim::X)
      return fail("the tile order names output rows/cols as OY/OX");
    if (seen[static_cast<unsigned>(d)])
      return fail(
          llvm::formatv("the tile order names {0} twice", stringifyDim(d)));
    seen[static_cast<unsigned>(d)] = true;
  }
  if (schedule.order.size() != kNumTileDims)
    return fail(llvm::formatv("the tile order must name all of N, G, K, C, "
                              "R, S, OY, OX once; it names {0}",
                              schedule.order.size()));
  int64_t ms = target.numMultipliers();
  if (schedule.vnSize() > ms)
    return fail(llvm::formatv(
        "a virtual neuron of {0} multiplier switches (T_R*T_S*T_C) does not "
        "fit the {1} of the array",
        schedule.vnSize(), ms));
  if (schedule.multipliersUsed() > ms)
    return fail(llvm::formatv(
        "{0} virtual neurons of {1} multiplier switches need {2}, the array "
        "has {3}",
        schedule.numVNs(), schedule.vnSize(), schedule.multipliersUsed(), ms));
  return llvm::Error::success();
}

llvm::Expected<MaeriSchedule>
mlir::accel::deriveSchedule(llvm::ArrayRef<Directive> directives,
                            const LayerShape &shape,
                            const MaeriTargetModel &target) {
  llvm::Expected<BoundDataflow> bound =
      bindDataflow(directives, shape, target.getHardware().numPEs);
  if (!bound)
    return bound.takeError();
  return deriveSchedule(*bound, shape, target);
}

llvm::Expected<MaeriSchedule>
mlir::accel::deriveSchedule(const BoundDataflow &dataflow,
                            const LayerShape &shape,
                            const MaeriTargetModel &target) {
  MaeriSchedule schedule;
  // The extent of each dimension a level works on: the whole layer at the
  // top, one chunk of the level above below it.
  std::array<int64_t, kNumDims> extent{};
  for (unsigned d = 0; d < kNumDims; ++d)
    extent[d] = shape.size(static_cast<Dim>(d));
  const BoundMap *widest = nullptr;
  int64_t widestChunks = 0;
  for (const BoundLevel &level : dataflow.levels) {
    std::array<int64_t, kNumDims> next = extent;
    for (const BoundMap &m : level.maps) {
      unsigned v = static_cast<unsigned>(m.dim);
      int64_t e = extent[v];
      next[v] = std::min(m.size, e);
      if (m.kind != DirectiveKind::SpatialMap)
        continue;
      int64_t chunks =
          e <= m.size ? 1 : llvm::divideCeilSigned(e - m.size, m.offset) + 1;
      int64_t parallel = std::min(level.numSubUnits, chunks);
      if (m.dim == Dim::Y || m.dim == Dim::X) {
        // An input-space map: each chunk holds (size - R) / stride + 1
        // output rows (columns).
        bool rows = m.dim == Dim::Y;
        int64_t window = shape.size(rows ? Dim::R : Dim::S);
        int64_t stride = shape.stride[rows ? 0 : 1];
        parallel *= std::max<int64_t>(1, (m.size - window) / stride + 1);
        next[static_cast<unsigned>(rows ? Dim::OY : Dim::OX)] =
            std::max<int64_t>(1, (next[v] - window) / stride + 1);
      }
      int64_t &tile = schedule.tile[static_cast<unsigned>(tileDimOf(m.dim))];
      tile =
          std::min(tile * parallel, shape.size(canonicalDim(tileDimOf(m.dim))));
      if (parallel > widestChunks) {
        widest = &m;
        widestChunks = parallel;
      }
    }
    extent = next;
  }
  // Tile order: temporal maps outermost first, then the rest.
  auto addOrder = [&](Dim d) {
    Dim o = canonicalDim(tileDimOf(d));
    if (!llvm::is_contained(schedule.order, o))
      schedule.order.push_back(o);
  };
  for (const BoundLevel &level : dataflow.levels)
    for (const BoundMap &m : level.maps)
      if (m.kind == DirectiveKind::TemporalMap)
        addOrder(m.dim);
  for (Dim d :
       {Dim::N, Dim::G, Dim::K, Dim::C, Dim::R, Dim::S, Dim::OY, Dim::OX})
    addOrder(d);
  if (llvm::Error err = verifySchedule(schedule, shape, target)) {
    std::string why = llvm::toString(std::move(err));
    if (widest)
      why += llvm::formatv(" (directive #{0} spreads {1} over {2} units)",
                           widest->directiveIndex, stringifyDim(widest->dim),
                           widestChunks);
    return fail(why);
  }
  return schedule;
}

MaeriSchedule mlir::accel::defaultSchedule(const LayerShape &shape,
                                           const MaeriTargetModel &target,
                                           std::string *description) {
  int64_t ms = target.numMultipliers();
  MaeriSchedule s;
  auto set = [&](TileDim t, int64_t budget) {
    int64_t v =
        std::max<int64_t>(1, std::min(shape.size(canonicalDim(t)), budget));
    s.tile[static_cast<unsigned>(t)] = v;
    return v;
  };
  // The filter window in each VN, output channels across VNs, then more
  // input channels per VN, then output positions.
  int64_t left = ms;
  left /= set(TileDim::R, left);
  left /= set(TileDim::S, left);
  left /= set(TileDim::K, left);
  left /= set(TileDim::C, left);
  left /= set(TileDim::OX, left);
  left /= set(TileDim::OY, left);
  s.order = {Dim::N, Dim::G, Dim::K, Dim::C, Dim::R, Dim::S, Dim::OY, Dim::OX};
  if (description)
    *description = llvm::formatv(
        "weight stationary: VNs of T_R*T_S*T_C = {0}x{1}x{2} weights, {3} "
        "output channels x {4}x{5} output positions in parallel, output "
        "positions innermost (the filter window per VN, then output channels "
        "across VNs, then input channels, then output positions)",
        s[TileDim::R], s[TileDim::S], s[TileDim::C], s[TileDim::K],
        s[TileDim::OY], s[TileDim::OX]);
  return s;
}
