//===- ExecutorFuzzer.cpp - Fuzz the simulated MAERI executor -------------===//
//
// Small random layers (groups, batches, strides, dilations, padding), random
// MAERI machines and random schedules the schedule verifier accepts, with
// small integer operands. Properties:
//  - the executor's output equals a loop nest written here (sharing nothing
//    with the executor or its reference), exactly: small integers make
//    every sum exact in doubles;
//  - the walk's cycles equal the analytical model's (estimateMaeriCycles),
//    and are positive;
//  - it counts every MAC once.
//
//===----------------------------------------------------------------------===//

#include "FuzzCheck.h"

#include "accel/Simulator/MaeriSimulator.h"

#include "llvm/Support/raw_ostream.h"

#include <fuzzer/FuzzedDataProvider.h>

#include <cstdint>
#include <vector>

using namespace mlir::accel;

namespace {

/// out[n][g][k][oy][ox] += in[n][g][c][y][x] * w[g][k][c][r][s], in the
/// layouts NGCYX / GKCRS / NGKYX, padding read as zero.
std::vector<double> loopNest(const LayerShape &l, const SimOperands &ops) {
  int64_t N = l[Dim::N], G = l[Dim::G], K = l[Dim::K], C = l[Dim::C],
          R = l[Dim::R], S = l[Dim::S], Y = l[Dim::Y], X = l[Dim::X],
          OY = l[Dim::OY], OX = l[Dim::OX];
  std::vector<double> out = ops.init;
  for (int64_t n = 0; n < N; ++n)
    for (int64_t g = 0; g < G; ++g)
      for (int64_t k = 0; k < K; ++k)
        for (int64_t oy = 0; oy < OY; ++oy)
          for (int64_t ox = 0; ox < OX; ++ox) {
            double &acc = out[(((n * G + g) * K + k) * OY + oy) * OX + ox];
            for (int64_t c = 0; c < C; ++c)
              for (int64_t r = 0; r < R; ++r)
                for (int64_t s = 0; s < S; ++s) {
                  int64_t y = oy * l.stride[0] + r * l.dilation[0] - l.padding[0];
                  int64_t x = ox * l.stride[1] + s * l.dilation[1] - l.padding[2];
                  if (y < 0 || y >= Y || x < 0 || x >= X)
                    continue;
                  acc += ops.input[(((n * G + g) * C + c) * Y + y) * X + x] *
                         ops.filter[(((g * K + k) * C + c) * R + r) * S + s];
                }
          }
  return out;
}

void check(bool property, const char *what, const LayerShape &l,
           const MaeriSchedule &s, const MaeriTargetModel &m) {
  if (property)
    return;
  llvm::errs() << "dims";
  for (Dim dim : kSizedDims)
    llvm::errs() << " " << stringifyDim(dim) << "=" << l.size(dim);
  llvm::errs() << " stride " << l.stride[0] << "x" << l.stride[1]
               << " dilation " << l.dilation[0] << "x" << l.dilation[1]
               << " padding " << l.padding[0] << "," << l.padding[1] << ","
               << l.padding[2] << "," << l.padding[3] << "\ntiles";
  for (unsigned t = 0; t < kNumTileDims; ++t)
    llvm::errs() << " T_" << stringifyTileDim(static_cast<TileDim>(t)) << "="
                 << s.tile[t];
  llvm::errs() << "\norder";
  for (Dim d : s.order)
    llvm::errs() << " " << stringifyDim(d);
  llvm::errs() << "\nms " << m.numMultipliers() << " dn_bw "
               << m.distributionBandwidth() << " rn_bw "
               << m.reductionBandwidth() << "\n";
  fuzz::fail(what);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  FuzzedDataProvider in(data, size);
  auto pick = [&](int64_t lo, int64_t hi) {
    return in.ConsumeIntegralInRange<int64_t>(lo, hi);
  };
  LayerShape shape;
  shape.sizes = {pick(1, 2), pick(1, 3), pick(1, 6), pick(1, 6),
                 pick(1, 4), pick(1, 4), pick(1, 9), pick(1, 9)};
  shape.stride = {pick(1, 3), pick(1, 3)};
  shape.dilation = {pick(1, 2), pick(1, 2)};
  shape.padding = {pick(0, 2), pick(0, 2), pick(0, 2), pick(0, 2)};
  if (llvm::Error err = shape.validate()) {
    llvm::consumeError(std::move(err));
    return 0;
  }
  MaeriConfig maeri;
  maeri.multiplierSwitches = int64_t(1) << pick(1, 7);
  maeri.distributionBandwidth = int64_t(1) << pick(0, 7);
  maeri.reductionBandwidth = int64_t(1) << pick(0, 7);
  llvm::Expected<MaeriTargetModel> target = MaeriTargetModel::get(maeri);
  if (!target) {
    llvm::consumeError(target.takeError());
    return 0;
  }
  MaeriSchedule schedule;
  for (unsigned t = 0; t < kNumTileDims; ++t)
    schedule.tile[t] =
        pick(1, shape.size(canonicalDim(static_cast<TileDim>(t))));
  schedule.order = {Dim::N, Dim::G, Dim::K, Dim::C,
                    Dim::R, Dim::S, Dim::OY, Dim::OX};
  for (size_t i = schedule.order.size() - 1; i > 0; --i)
    std::swap(schedule.order[i], schedule.order[pick(0, i)]);
  if (llvm::Error err = verifySchedule(schedule, shape, *target)) {
    llvm::consumeError(std::move(err));
    return 0;
  }

  SimOperands ops;
  ops.inputLayout = "NGCYX";
  ops.filterLayout = "GKCRS";
  ops.outputLayout = "NGKYX";
  ops.type.isFloat = true;
  auto fill = [&](std::vector<double> &values, llvm::StringRef layout,
                  bool output) {
    int64_t count = 1;
    for (int64_t v : shape.tensorSizes(layout, output))
      count *= v;
    for (int64_t i = 0; i < count; ++i)
      values.push_back(static_cast<double>(pick(-8, 8)));
  };
  fill(ops.input, ops.inputLayout, false);
  fill(ops.filter, ops.filterLayout, false);
  fill(ops.init, ops.outputLayout, true);

  llvm::Expected<SimResult> result =
      simulateMaeri(shape, schedule, *target, ops);
  if (!result) {
    check(false, "the executor refused a verified schedule", shape, schedule,
          *target);
    return 0;
  }
  check(result->output == loopNest(shape, ops),
        "the executor's output differs from the loop nest", shape, schedule,
        *target);
  check(result->stats.macs == shape.numMACs(),
        "the executor did not count every MAC once", shape, schedule,
        *target);
  llvm::Expected<int64_t> estimate =
      estimateMaeriCycles(shape, schedule, *target);
  check(static_cast<bool>(estimate) && *estimate == result->stats.cycles &&
            result->stats.cycles > 0,
        "the walk's cycles differ from the analytical model's", shape,
        schedule, *target);
  if (!estimate)
    llvm::consumeError(estimate.takeError());
  return 0;
}
