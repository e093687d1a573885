//===- LibraryDataflows.h - dataflows/ spelled out for the benchmarks -*- C++ -*-===//
//
// The seven dataflows of dataflows/, as MLIR-free directives, so that the
// benchmarks need no MLIR. Kept in step with dataflows/*.mlir by hand.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_BENCH_LIBRARYDATAFLOWS_H
#define ACCEL_BENCH_LIBRARYDATAFLOWS_H

#include "accel/Model/Dataflow.h"

#include <vector>

namespace accel_bench {
using namespace mlir::accel;

inline constexpr int kNumLibraryDataflows = 7;

inline constexpr auto c = SizeExpr::constant;
inline constexpr auto sz = SizeExpr::sizeOfDim;
inline Directive sp(int64_t s, int64_t o, Dim d) {
  return Directive::spatialMap(c(s), c(o), d);
}
inline Directive tp(int64_t s, int64_t o, Dim d) {
  return Directive::temporalMap(c(s), c(o), d);
}
inline Directive spSz(Dim sizeOf, int64_t o, Dim d) {
  return Directive::spatialMap(sz(sizeOf), c(o), d);
}
inline Directive tpSz(Dim sizeOf, int64_t o, Dim d) {
  return Directive::temporalMap(sz(sizeOf), c(o), d);
}
inline Directive whole(Dim d) { return Directive::temporalMap(sz(d), sz(d), d); }
inline Directive cluster(SizeExpr size) { return Directive::cluster(size); }

inline std::vector<Directive> dataflow(int which) {
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
    return {whole(Dim::R),
            whole(Dim::S),
            sp(1, 1, Dim::K),
            tp(16, 16, Dim::C),
            tp(1, 1, Dim::OY),
            tp(1, 1, Dim::OX),
            cluster(SizeExpr::constant(16)),
            sp(1, 1, Dim::C)};
  }
}

inline constexpr const char *kNames[] = {"nlr", "xp_ws", "nvdla", "yxp_os",
                                  "rs",  "yr_p",  "tpu_ws"};

} // namespace accel_bench

#endif // ACCEL_BENCH_LIBRARYDATAFLOWS_H
