//===- LayerShape.cpp - Sizes of one conv-like layer ----------------------===//

#include "accel/Model/LayerShape.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MathExtras.h"

namespace mlir::accel {

static int64_t outputExtent(int64_t input, int64_t padBefore, int64_t padAfter,
                            int64_t window, int64_t dilation, int64_t stride) {
  int64_t span = input + padBefore + padAfter - dilation * (window - 1) - 1;
  if (span < 0)
    return 0;
  return span / stride + 1;
}

int64_t LayerShape::outputRows() const {
  return outputExtent(size(Dim::Y), padding[0], padding[1], size(Dim::R),
                      dilation[0], stride[0]);
}

int64_t LayerShape::outputCols() const {
  return outputExtent(size(Dim::X), padding[2], padding[3], size(Dim::S),
                      dilation[1], stride[1]);
}

std::array<int64_t, kNumDims> LayerShape::extents() const {
  std::array<int64_t, kNumDims> all;
  for (unsigned d = 0; d < kNumDims; ++d)
    all[d] = size(static_cast<Dim>(d));
  return all;
}

int64_t LayerShape::numMACs() const {
  return size(Dim::N) * size(Dim::G) * size(Dim::K) * size(Dim::C) *
         size(Dim::R) * size(Dim::S) * outputRows() * outputCols();
}

llvm::Error LayerShape::validate() const {
  auto fail = [](const llvm::Twine &msg) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), msg);
  };
  for (Dim dim : kSizedDims) {
    int64_t v = size(dim);
    if (v < 1 || v > kMaxDimSize)
      return fail(llvm::formatv("size of {0} must be in [1, {1}], got {2}",
                                stringifyDim(dim), kMaxDimSize, v));
  }
  static constexpr const char *kAxis[2] = {"row", "column"};
  for (unsigned i = 0; i < 2; ++i) {
    if (stride[i] < 1 || stride[i] > kMaxDimSize)
      return fail(llvm::formatv("{0} stride must be in [1, {1}], got {2}",
                                kAxis[i], kMaxDimSize, stride[i]));
    if (dilation[i] < 1 || dilation[i] > kMaxDimSize)
      return fail(llvm::formatv("{0} dilation must be in [1, {1}], got {2}",
                                kAxis[i], kMaxDimSize, dilation[i]));
  }
  for (int64_t pad : padding)
    if (pad < 0 || pad > kMaxDimSize)
      return fail(
          llvm::formatv("padding must be non-negative and at most {0}, got {1}",
                        kMaxDimSize, pad));
  if (outputRows() < 1)
    return fail(llvm::formatv(
        "the filter window ({0} rows, dilation {1}) does not fit the {2} "
        "input rows (padding {3}+{4})",
        size(Dim::R), dilation[0], size(Dim::Y), padding[0], padding[1]));
  if (outputCols() < 1)
    return fail(llvm::formatv(
        "the filter window ({0} cols, dilation {1}) does not fit the {2} "
        "input cols (padding {3}+{4})",
        size(Dim::S), dilation[1], size(Dim::X), padding[2], padding[3]));
  // Every count derived from the shape is bounded by this product (the MAC
  // count with the input extents in place of the output ones); below 2^62 it
  // leaves room for sums of a few such counts.
  int64_t product = 1;
  for (int64_t factor :
       {size(Dim::N), size(Dim::G), size(Dim::K), size(Dim::C), size(Dim::R),
        size(Dim::S), std::max(size(Dim::Y), outputRows()),
        std::max(size(Dim::X), outputCols())}) {
    if (llvm::MulOverflow(product, factor, product) ||
        product >= kMaxVolume)
      return fail(llvm::formatv(
          "the layer is too large: N*G*K*C*R*S*Y*X must be below 2^62 "
          "({0})",
          kMaxVolume));
  }
  return llvm::Error::success();
}

llvm::SmallVector<int64_t, 6>
LayerShape::tensorSizes(llvm::StringRef layout, bool outputRole) const {
  llvm::SmallVector<int64_t, 6> sizes;
  for (char letter : layout) {
    Dim dim = *symbolizeDim(llvm::StringRef(&letter, 1));
    if (outputRole && dim == Dim::Y)
      dim = Dim::OY;
    else if (outputRole && dim == Dim::X)
      dim = Dim::OX;
    sizes.push_back(size(dim));
  }
  return sizes;
}

} // namespace mlir::accel
