//===- AccelToLinalg.cpp - accel.layer back to linalg ---------------------===//

#include "accel/Conversion/Passes.h"
#include "accel/Dialect/Accel/IR/AccelOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/AffineMap.h"
#include "mlir/IR/PatternMatch.h"

namespace mlir::accel {
#define GEN_PASS_DEF_ACCELLOWERTOLINALG
#include "accel/Conversion/Passes.h.inc"
} // namespace mlir::accel

using namespace mlir;
using namespace mlir::accel;

namespace {

using CreateFn = Operation *(*)(OpBuilder &, Location, Type, ValueRange, Value,
                                Attribute, Attribute);

template <typename OpTy>
Operation *createConv(OpBuilder &b, Location loc, Type result,
                      ValueRange inputs, Value init, Attribute strides,
                      Attribute dilations) {
  return OpTy::create(b, loc, TypeRange{result}, inputs, ValueRange{init},
                      strides, dilations);
}

template <typename OpTy>
Operation *createContraction(OpBuilder &b, Location loc, Type result,
                             ValueRange inputs, Value init, Attribute,
                             Attribute) {
  return OpTy::create(b, loc, TypeRange{result}, inputs, ValueRange{init});
}

/// A named linalg op and the layer it is: the one table the lowering reads.
struct NamedForm {
  LayerKind kind;
  StringRef input, filter, output;
  bool quantized;
  CreateFn create;
};

const NamedForm kNamedForms[] = {
    {LayerKind::Conv2d, "NCYX", "KCRS", "NKYX", false,
     createConv<linalg::Conv2DNchwFchwOp>},
    {LayerKind::Conv2d, "NYXC", "RSCK", "NYXK", false,
     createConv<linalg::Conv2DNhwcHwcfOp>},
    {LayerKind::Conv2d, "NYXC", "KRSC", "NYXK", false,
     createConv<linalg::Conv2DNhwcFhwcOp>},
    {LayerKind::Conv2d, "NCYX", "KCRS", "NKYX", true,
     createConv<linalg::Conv2DNchwFchwQOp>},
    {LayerKind::Conv2d, "NYXC", "RSCK", "NYXK", true,
     createConv<linalg::Conv2DNhwcHwcfQOp>},
    {LayerKind::Conv2d, "NYXC", "KRSC", "NYXK", true,
     createConv<linalg::Conv2DNhwcFhwcQOp>},
    {LayerKind::Grouped, "NGCYX", "GKCRS", "NGKYX", false,
     createConv<linalg::Conv2DNgchwGfchwOp>},
    {LayerKind::Grouped, "NGCYX", "KGCRS", "NGKYX", false,
     createConv<linalg::Conv2DNgchwFgchwOp>},
    {LayerKind::Grouped, "NYXGC", "GKRSC", "NYXGK", false,
     createConv<linalg::Conv2DNhwgcGfhwcOp>},
    {LayerKind::Grouped, "NGCYX", "GKCRS", "NGKYX", true,
     createConv<linalg::Conv2DNgchwGfchwQOp>},
    {LayerKind::Grouped, "NYXGC", "GKRSC", "NYXGK", true,
     createConv<linalg::Conv2DNhwgcGfhwcQOp>},
    {LayerKind::Depthwise, "NGYX", "GRS", "NGYX", false,
     createConv<linalg::DepthwiseConv2DNchwChwOp>},
    {LayerKind::Depthwise, "NYXG", "RSG", "NYXG", false,
     createConv<linalg::DepthwiseConv2DNhwcHwcOp>},
    {LayerKind::Depthwise, "NYXG", "RSGK", "NYXGK", false,
     createConv<linalg::DepthwiseConv2DNhwcHwcmOp>},
    {LayerKind::Depthwise, "NYXG", "RSG", "NYXG", true,
     createConv<linalg::DepthwiseConv2DNhwcHwcQOp>},
    {LayerKind::Depthwise, "NYXG", "RSGK", "NYXGK", true,
     createConv<linalg::DepthwiseConv2DNhwcHwcmQOp>},
    {LayerKind::Gemm, "YC", "CK", "YK", false,
     createContraction<linalg::MatmulOp>},
    {LayerKind::Gemm, "GYC", "GCK", "GYK", false,
     createContraction<linalg::BatchMatmulOp>},
    {LayerKind::Gemm, "YC", "CK", "YK", true,
     createContraction<linalg::QuantizedMatmulOp>},
    {LayerKind::Gemm, "GYC", "GCK", "GYK", true,
     createContraction<linalg::QuantizedBatchMatmulOp>},
};

const NamedForm *findNamedForm(LayerOp layer) {
  LayoutAttr layout = layer.getLayout();
  bool quantized = !layer.getZeroPoints().empty();
  for (const NamedForm &form : kNamedForms)
    if (form.kind == layer.getKind() && form.quantized == quantized &&
        form.input == layout.getInput() && form.filter == layout.getFilter() &&
        form.output == layout.getOutput())
      return &form;
  return nullptr;
}

/// Converts `value` to `type` the way linalg's named ops do (extend or
/// truncate, signed for integers).
Value castTo(OpBuilder &b, Location loc, Value value, Type type) {
  Type from = value.getType();
  if (from == type)
    return value;
  if (isa<FloatType>(from) && isa<FloatType>(type))
    return from.getIntOrFloatBitWidth() < type.getIntOrFloatBitWidth()
               ? arith::ExtFOp::create(b, loc, type, value).getResult()
               : arith::TruncFOp::create(b, loc, type, value).getResult();
  if (isa<IntegerType>(from) && isa<IntegerType>(type))
    return from.getIntOrFloatBitWidth() < type.getIntOrFloatBitWidth()
               ? arith::ExtSIOp::create(b, loc, type, value).getResult()
               : arith::TruncIOp::create(b, loc, type, value).getResult();
  if (isa<IntegerType>(from))
    return arith::SIToFPOp::create(b, loc, type, value);
  return arith::FPToSIOp::create(b, loc, type, value);
}

/// A linalg.generic for layouts no named op has. Its loops are the canonical
/// dimensions the layouts name (N G K C OY OX R S order); the input's Y / X
/// are `OY * stride + R * dilation` (without R when the filter has none).
Operation *createGeneric(OpBuilder &b, Location loc, LayerOp layer, Value input,
                         Type resultType) {
  MLIRContext *context = b.getContext();
  LayerShape shape = layer.getShape();
  LayoutAttr layout = layer.getLayout();
  auto uses = [&](StringRef letters, char letter) {
    return letters.contains(letter);
  };
  std::string all =
      (layout.getInput() + layout.getFilter() + layout.getOutput()).str();
  // Loop letters, with O/P standing for the output rows/cols.
  struct Loop {
    char letter;
    bool needed;
    utils::IteratorType iterator;
  };
  using utils::IteratorType;
  Loop loops[] = {
      {'N', uses(all, 'N'), IteratorType::parallel},
      {'G', uses(all, 'G'), IteratorType::parallel},
      {'K', uses(all, 'K'), IteratorType::parallel},
      {'C', uses(all, 'C'), IteratorType::reduction},
      {'O', uses(all, 'Y'), IteratorType::parallel},
      {'P', uses(all, 'X'), IteratorType::parallel},
      {'R', uses(layout.getFilter(), 'R'), IteratorType::reduction},
      {'S', uses(layout.getFilter(), 'S'), IteratorType::reduction}};
  SmallVector<IteratorType> iterators;
  llvm::DenseMap<char, AffineExpr> loopExpr;
  for (const Loop &loop : loops) {
    if (!loop.needed)
      continue;
    loopExpr[loop.letter] = getAffineDimExpr(iterators.size(), context);
    iterators.push_back(loop.iterator);
  }
  auto exprOf = [&](char letter, bool inputRole) -> AffineExpr {
    if (letter != 'Y' && letter != 'X')
      return loopExpr[letter];
    unsigned axis = letter == 'Y' ? 0 : 1;
    AffineExpr image = loopExpr[letter == 'Y' ? 'O' : 'P'];
    if (!inputRole)
      return image;
    AffineExpr expr = image * shape.stride[axis];
    char window = letter == 'Y' ? 'R' : 'S';
    if (loopExpr.count(window))
      expr = expr + loopExpr[window] * shape.dilation[axis];
    return expr;
  };
  auto mapOf = [&](StringRef letters, bool inputRole) {
    SmallVector<AffineExpr> exprs;
    for (char letter : letters)
      exprs.push_back(exprOf(letter, inputRole));
    return AffineMap::get(iterators.size(), 0, exprs, context);
  };
  SmallVector<AffineMap> maps = {mapOf(layout.getInput(), true),
                                 mapOf(layout.getFilter(), false)};
  SmallVector<Value> inputs = {input, layer.getFilter()};
  for (Value zp : layer.getZeroPoints()) {
    maps.push_back(AffineMap::get(iterators.size(), 0, {}, context));
    inputs.push_back(zp);
  }
  maps.push_back(mapOf(layout.getOutput(), false));
  return linalg::GenericOp::create(
      b, loc, TypeRange{resultType}, inputs, ValueRange{layer.getInit()}, maps,
      iterators, [&](OpBuilder &nb, Location nloc, ValueRange args) {
        Type acc = args.back().getType();
        Value a = castTo(nb, nloc, args[0], acc);
        Value w = castTo(nb, nloc, args[1], acc);
        if (args.size() == 5) {
          a = arith::SubIOp::create(nb, nloc, a,
                                    castTo(nb, nloc, args[2], acc));
          w = arith::SubIOp::create(nb, nloc, w,
                                    castTo(nb, nloc, args[3], acc));
        }
        Value sum;
        if (isa<FloatType>(acc))
          sum = arith::AddFOp::create(nb, nloc, args.back(),
                                      arith::MulFOp::create(nb, nloc, a, w));
        else
          sum = arith::AddIOp::create(nb, nloc, args.back(),
                                      arith::MulIOp::create(nb, nloc, a, w));
        linalg::YieldOp::create(nb, nloc, sum);
      });
}

/// The input, padded as the layer says (with zero, or the input zero point).
Value padInput(OpBuilder &b, LayerOp layer) {
  Value input = layer.getInput();
  LayerShape shape = layer.getShape();
  if (llvm::all_of(shape.padding, [](int64_t p) { return p == 0; }))
    return input;
  auto type = cast<RankedTensorType>(input.getType());
  StringRef letters = layer.getLayout().getInput();
  SmallVector<int64_t> low(type.getRank(), 0), high(type.getRank(), 0);
  SmallVector<int64_t> paddedShape(type.getShape());
  unsigned y = letters.find('Y'), x = letters.find('X');
  low[y] = shape.padding[0];
  high[y] = shape.padding[1];
  low[x] = shape.padding[2];
  high[x] = shape.padding[3];
  paddedShape[y] += low[y] + high[y];
  paddedShape[x] += low[x] + high[x];
  Location loc = layer.getLoc();
  Type element = type.getElementType();
  Value padValue =
      layer.getZeroPoints().empty()
          ? arith::ConstantOp::create(b, loc, element, b.getZeroAttr(element))
                .getResult()
          : castTo(b, loc, layer.getZeroPoints().front(), element);
  SmallVector<OpFoldResult> lowOfr, highOfr;
  for (unsigned i = 0; i < low.size(); ++i) {
    lowOfr.push_back(b.getIndexAttr(low[i]));
    highOfr.push_back(b.getIndexAttr(high[i]));
  }
  return tensor::PadOp::create(b, loc,
                               RankedTensorType::get(paddedShape, element),
                               input, lowOfr, highOfr, padValue);
}

struct AccelLowerToLinalgPass
    : public accel::impl::AccelLowerToLinalgBase<AccelLowerToLinalgPass> {
  void runOnOperation() override {
    SmallVector<LayerOp> layers;
    getOperation().walk([&](LayerOp layer) { layers.push_back(layer); });
    IRRewriter rewriter(&getContext());
    for (LayerOp layer : layers) {
      rewriter.setInsertionPoint(layer);
      Location loc = layer.getLoc();
      Value input = padInput(rewriter, layer);
      Type resultType = layer.getResult().getType();
      Operation *lowered;
      if (const NamedForm *form = findNamedForm(layer)) {
        auto i64Pair = [&](ArrayRef<int64_t> values) -> Attribute {
          return DenseIntElementsAttr::get(
              RankedTensorType::get({2}, rewriter.getI64Type()), values);
        };
        SmallVector<Value> inputs = {input, layer.getFilter()};
        llvm::append_range(inputs, layer.getZeroPoints());
        lowered = form->create(rewriter, loc, resultType, inputs,
                               layer.getInit(), i64Pair(layer.getStrides()),
                               i64Pair(layer.getDilations()));
      } else {
        lowered = createGeneric(rewriter, loc, layer, input, resultType);
      }
      rewriter.replaceOp(layer, lowered->getResults());
    }
  }
};

} // namespace
