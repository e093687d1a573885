//===- LayerShapeTest.cpp - Output extents, MAC counts, validation --------===//

#include "accel/Model/LayerShape.h"

#include "gtest/gtest.h"

using namespace mlir::accel;

namespace {

LayerShape conv(int64_t k, int64_t c, int64_t r, int64_t s, int64_t y,
                int64_t x) {
  LayerShape shape;
  shape.setSize(Dim::K, k);
  shape.setSize(Dim::C, c);
  shape.setSize(Dim::R, r);
  shape.setSize(Dim::S, s);
  shape.setSize(Dim::Y, y);
  shape.setSize(Dim::X, x);
  return shape;
}

TEST(LayerShape, Vgg16Conv11) {
  // K 512, C 512, 3x3 on 14x14, no padding: 12x12 outputs.
  LayerShape shape = conv(512, 512, 3, 3, 14, 14);
  EXPECT_EQ(shape.outputRows(), 12);
  EXPECT_EQ(shape.outputCols(), 12);
  EXPECT_EQ(shape.size(Dim::OY), 12);
  // 512 * 512 * 9 * 144, the figure MAESTRO reports.
  EXPECT_EQ(shape.numMACs(), 339738624);
  EXPECT_FALSE(static_cast<bool>(shape.validate()));
}

TEST(LayerShape, PaddingStrideDilation) {
  LayerShape shape = conv(8, 4, 3, 3, 14, 14);
  shape.padding = {1, 1, 1, 1};
  EXPECT_EQ(shape.outputRows(), 14); // "same" padding
  shape.stride = {2, 2};
  EXPECT_EQ(shape.outputRows(), 7); // (14 + 2 - 3) / 2 + 1
  shape.padding = {0, 1, 0, 0};     // asymmetric, TF "same" for stride 2
  EXPECT_EQ(shape.outputRows(), 7); // (14 + 1 - 3) / 2 + 1
  EXPECT_EQ(shape.outputCols(), 6); // (14 - 3) / 2 + 1
  shape = conv(1, 1, 3, 3, 9, 9);
  shape.dilation = {2, 2};
  EXPECT_EQ(shape.outputRows(), 5); // window spans 5 rows
}

TEST(LayerShape, ExtentsOfEveryDimension) {
  LayerShape shape = conv(8, 4, 3, 3, 14, 10);
  shape.stride = {2, 1};
  std::array<int64_t, kNumDims> extents = shape.extents();
  // N G K C R S Y X, then the output rows (14 - 3) / 2 + 1 and columns.
  EXPECT_EQ(extents, (std::array<int64_t, kNumDims>{1, 1, 8, 4, 3, 3, 14,
                                                    10, 6, 8}));
  for (unsigned d = 0; d < kNumDims; ++d)
    EXPECT_EQ(extents[d], shape.size(static_cast<Dim>(d)));
}

TEST(LayerShape, RejectsBadShapes) {
  auto message = [](const LayerShape &shape) {
    return llvm::toString(shape.validate());
  };
  LayerShape shape = conv(8, 4, 5, 5, 3, 3);
  EXPECT_NE(message(shape).find("does not fit"), std::string::npos);
  shape = conv(0, 4, 1, 1, 3, 3);
  EXPECT_NE(message(shape).find("size of K"), std::string::npos);
  shape = conv(4, 4, 1, 1, 3, 3);
  shape.stride = {0, 1};
  EXPECT_NE(message(shape).find("stride"), std::string::npos);
  shape = conv(4, 4, 1, 1, 3, 3);
  shape.padding = {0, -1, 0, 0};
  EXPECT_NE(message(shape).find("padding"), std::string::npos);
  // Every size in range, but the product overflows: a diagnostic, not UB.
  int64_t big = LayerShape::kMaxDimSize;
  shape = conv(big, big, 1, 1, big, 1);
  EXPECT_NE(message(shape).find("too large"), std::string::npos);
  shape = conv(4, 4, 1, 1, 3, 3);
  shape.stride = {1, int64_t(1) << 40};
  EXPECT_EQ(message(shape),
            "column stride must be in [1, 2147483648], got 1099511627776");
}

// The volume bound is exclusive at 2^62, exactly as documented: 2^31 * 2^31
// MACs is refused, one MAC fewer in the largest factor is accepted.
TEST(LayerShape, VolumeBoundAtTheLimit) {
  int64_t big = LayerShape::kMaxDimSize; // 2^31
  LayerShape atLimit = conv(big, 1, 1, 1, big, 1);
  ASSERT_EQ(atLimit.numMACs(), LayerShape::kMaxVolume);
  EXPECT_NE(llvm::toString(atLimit.validate()).find("below 2^62"),
            std::string::npos);
  LayerShape below = conv(big - 1, 1, 1, 1, big, 1);
  EXPECT_LT(below.numMACs(), LayerShape::kMaxVolume);
  EXPECT_EQ(llvm::toString(below.validate()), "");
  // Y = X = 2^31 - 1 is a valid layer; a 3x3 window over it is too large.
  LayerShape wide = conv(1, 1, 1, 1, big - 1, big - 1);
  EXPECT_EQ(llvm::toString(wide.validate()), "");
  EXPECT_EQ(wide.numMACs(), (big - 1) * (big - 1));
  EXPECT_NE(llvm::toString(conv(1, 1, 3, 3, big - 1, big - 1).validate())
                .find("too large"),
            std::string::npos);
}

} // namespace
