//===- ReferenceConvolution.cpp - The functional check's oracle -----------===//
//
// The plain loop nest over the whole layer, written apart from the executor
// on purpose: it shares no indexing, placement or accumulation code with
// MaeriSimulator.cpp, so a wrong rule there gives a different result here.
//
//===----------------------------------------------------------------------===//

#include "accel/Simulator/MaeriSimulator.h"

#include "llvm/Support/MathExtras.h"

#include <array>
#include <cmath>

using namespace mlir::accel;

namespace {

/// The element stride of each letter of `layout` (a tensor's dimensions,
/// outermost first, each as long as the layer says); 0 for a letter the
/// layout does not have.
struct LetterStrides {
  std::array<int64_t, 128> stride{};

  LetterStrides(llvm::StringRef layout, const LayerShape &shape, bool output) {
    llvm::SmallVector<int64_t, 6> extents = shape.tensorSizes(layout, output);
    int64_t step = 1;
    for (size_t i = layout.size(); i-- > 0;) {
      stride[static_cast<unsigned char>(layout[i])] = step;
      step *= extents[i];
    }
  }
  int64_t operator[](char letter) const {
    return stride[static_cast<unsigned char>(letter)];
  }
};

/// Reduces integers modulo 2^64 (no signed overflow) and floats in double;
/// `finish` turns the sum into the output element.
template <typename Acc>
std::vector<double> loopNest(const LayerShape &shape, const SimOperands &ops,
                             Acc (*value)(double),
                             double (*finish)(Acc, unsigned)) {
  LetterStrides in(ops.inputLayout, shape, false),
      w(ops.filterLayout, shape, false), out(ops.outputLayout, shape, true);
  const int64_t N = shape.size(Dim::N), G = shape.size(Dim::G),
                K = shape.size(Dim::K), C = shape.size(Dim::C),
                R = shape.size(Dim::R), S = shape.size(Dim::S),
                Y = shape.size(Dim::Y), X = shape.size(Dim::X),
                OY = shape.outputRows(), OX = shape.outputCols();
  const Acc inZp = value(ops.inputZeroPoint), wZp = value(ops.filterZeroPoint);
  std::vector<double> result(ops.init.size());
  for (int64_t n = 0; n < N; ++n)
    for (int64_t g = 0; g < G; ++g)
      for (int64_t k = 0; k < K; ++k)
        for (int64_t oy = 0; oy < OY; ++oy)
          for (int64_t ox = 0; ox < OX; ++ox) {
            int64_t o = n * out['N'] + g * out['G'] + k * out['K'] +
                        oy * out['Y'] + ox * out['X'];
            Acc sum = value(ops.init[o]);
            for (int64_t c = 0; c < C; ++c)
              for (int64_t r = 0; r < R; ++r)
                for (int64_t s = 0; s < S; ++s) {
                  int64_t y = oy * shape.stride[0] + r * shape.dilation[0] -
                              shape.padding[0];
                  int64_t x = ox * shape.stride[1] + s * shape.dilation[1] -
                              shape.padding[2];
                  if (y < 0 || y >= Y || x < 0 || x >= X)
                    continue; // padding: zero once the zero point is off
                  int64_t i = n * in['N'] + g * in['G'] + c * in['C'] +
                              y * in['Y'] + x * in['X'];
                  int64_t f = g * w['G'] + k * w['K'] + c * w['C'] +
                              r * w['R'] + s * w['S'];
                  sum += (value(ops.input[i]) - inZp) *
                         (value(ops.filter[f]) - wZp);
                }
            result[o] = finish(sum, ops.type.outputBits);
          }
  return result;
}

} // namespace

std::vector<double> mlir::accel::referenceConvolution(const LayerShape &shape,
                                                      const SimOperands &ops) {
  if (ops.type.isFloat)
    return loopNest<double>(
        shape, ops, [](double v) { return v; },
        [](double sum, unsigned) { return sum; });
  return loopNest<uint64_t>(
      shape, ops,
      [](double v) { return static_cast<uint64_t>(std::llround(v)); },
      [](uint64_t sum, unsigned bits) {
        // Two's complement wrap to the output's width.
        return static_cast<double>(
            bits >= 64 ? static_cast<int64_t>(sum) : llvm::SignExtend64(sum, bits));
      });
}
