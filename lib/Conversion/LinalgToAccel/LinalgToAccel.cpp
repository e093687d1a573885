//===- LinalgToAccel.cpp - linalg convolutions/matmuls to accel.layer -----===//
//
// One path for named and generic ops: the loops are classified with
// linalg::inferConvolutionDims / inferContractionDims, and the indexing maps
// give the operand layouts, strides and dilations.
//
//===----------------------------------------------------------------------===//

#include "accel/Conversion/Passes.h"
#include "accel/Dialect/Accel/IR/AccelOps.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Linalg/IR/LinalgInterfaces.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/AffineExpr.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/PatternMatch.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "llvm/ADT/TypeSwitch.h"

#include <map>
#include <variant>

namespace mlir::accel {
#define GEN_PASS_DEF_CONVERTLINALGTOACCEL
#include "accel/Conversion/Passes.h.inc"
} // namespace mlir::accel

using namespace mlir;
using namespace mlir::accel;

namespace {

/// What a linalg op becomes: sizes, layouts and which operands to read.
struct LayerPlan {
  LayerKind kind;
  LayerShape shape;
  std::string inputLayout, filterLayout, outputLayout;
  /// The linalg loop of each canonical dimension (-1 when absent).
  std::array<int64_t, kNumDims> loopOf;
};

/// Why an op is not converted: an error stops the pass; a remark leaves
/// the op as it is.
struct Rejection {
  bool isError;
  std::string message;
};

using PlanOrRejection = std::variant<LayerPlan, Rejection>;

/// Which linalg loop is which canonical dimension, both ways.
struct LoopDims {
  LoopDims(LayerPlan &plan, size_t numLoops)
      : plan(plan), dimOfLoop(numLoops) {
    plan.loopOf.fill(-1);
  }
  /// Records the first of `loops` (if any) as `dim`.
  void assign(ArrayRef<unsigned> loops, Dim dim) {
    if (loops.empty())
      return;
    dimOfLoop[loops.front()] = dim;
    plan.loopOf[static_cast<unsigned>(dim)] = loops.front();
  }
  /// Sizes `dims` from their loops (1 when absent).
  void setSizes(ArrayRef<int64_t> loopSizes, ArrayRef<Dim> dims) {
    for (Dim dim : dims) {
      int64_t loop = plan.loopOf[static_cast<unsigned>(dim)];
      plan.shape.setSize(dim, loop < 0 ? 1 : loopSizes[loop]);
    }
  }

  LayerPlan &plan;
  SmallVector<std::optional<Dim>> dimOfLoop;
};

Rejection remark(const Twine &msg) { return {false, msg.str()}; }

/// The body computes out + a * b (through casts), as convolutions and
/// matrix products do; pooling and elementwise bodies do not.
bool hasMulAddBody(linalg::LinalgOp op) {
  if (isa<linalg::Conv2DNhwcHwcfQOp, linalg::Conv2DNhwcFhwcQOp,
          linalg::Conv2DNchwFchwQOp, linalg::Conv2DNgchwGfchwQOp,
          linalg::Conv2DNhwgcGfhwcQOp, linalg::DepthwiseConv2DNhwcHwcQOp,
          linalg::DepthwiseConv2DNhwcHwcmQOp, linalg::QuantizedMatmulOp,
          linalg::QuantizedBatchMatmulOp>(op))
    return true; // zero-point subtractions: known multiply-accumulates
  return linalg::detail::isContractionBody(
      *op.getBlock(), [](Operation *mul, Operation *add) {
        return (isa<arith::MulFOp>(mul) && isa<arith::AddFOp>(add)) ||
               (isa<arith::MulIOp>(mul) && isa<arith::AddIOp>(add));
      });
}

/// A term `d_i` or `d_i * c` of an input image expression.
std::optional<std::pair<unsigned, int64_t>> dimTerm(AffineExpr expr) {
  if (auto dim = dyn_cast<AffineDimExpr>(expr))
    return std::make_pair(dim.getPosition(), int64_t(1));
  auto mul = dyn_cast<AffineBinaryOpExpr>(expr);
  if (!mul || mul.getKind() != AffineExprKind::Mul)
    return std::nullopt;
  auto dim = dyn_cast<AffineDimExpr>(mul.getLHS());
  auto cst = dyn_cast<AffineConstantExpr>(mul.getRHS());
  if (!dim || !cst)
    return std::nullopt;
  return std::make_pair(dim.getPosition(), cst.getValue());
}

char letterOf(Dim dim) { return stringifyDim(dim).front(); }

/// Spells `map`'s results as canonical letters through `dimOfLoop`; image
/// dimensions of the output are Y / X. Fails on anything but plain loops.
std::optional<std::string> layoutOf(AffineMap map,
                                    ArrayRef<std::optional<Dim>> dimOfLoop) {
  std::string layout;
  for (AffineExpr expr : map.getResults()) {
    auto dim = dyn_cast<AffineDimExpr>(expr);
    if (!dim || !dimOfLoop[dim.getPosition()])
      return std::nullopt;
    layout += letterOf(inputViewOf(*dimOfLoop[dim.getPosition()]));
  }
  return layout;
}

/// inferConvolutionDims for `op`, which may carry zero-point operands: the
/// upstream analysis wants exactly two inputs, so quantized ops are analysed
/// through a temporary generic with only the input, filter and output maps.
FailureOr<linalg::ConvolutionDimensions>
inferConvolutionDimsOfMaps(linalg::LinalgOp op) {
  if (op.getNumDpsInputs() == 2)
    return linalg::inferConvolutionDims(op);
  OpBuilder builder(op);
  SmallVector<AffineMap> maps = {
      op.getMatchingIndexingMap(op.getDpsInputOperand(0)),
      op.getMatchingIndexingMap(op.getDpsInputOperand(1)),
      op.getMatchingIndexingMap(op.getDpsInitOperand(0))};
  auto probe = linalg::GenericOp::create(
      builder, op.getLoc(), op->getResultTypes(),
      ValueRange{op.getDpsInputOperand(0)->get(),
                 op.getDpsInputOperand(1)->get()},
      ValueRange{op.getDpsInitOperand(0)->get()}, maps,
      op.getIteratorTypesArray(),
      [](OpBuilder &b, Location loc, ValueRange args) {
        linalg::YieldOp::create(b, loc, args.back());
      });
  FailureOr<linalg::ConvolutionDimensions> dims =
      linalg::inferConvolutionDims(cast<linalg::LinalgOp>(*probe));
  probe->erase();
  return dims;
}

PlanOrRejection planConvolution(linalg::LinalgOp op) {
  FailureOr<linalg::ConvolutionDimensions> conv =
      inferConvolutionDimsOfMaps(op);
  if (failed(conv))
    return remark("not converted: its indexing maps are not a convolution");
  if (conv->outputImage.size() != 2)
    return remark(Twine(conv->outputImage.size()) +
                  "-D convolution left as it is: accel.layer models 2-D "
                  "convolutions");
  auto tooMany = [](ArrayRef<unsigned> dims) { return dims.size() > 1; };
  if (tooMany(conv->batch) || tooMany(conv->depth) ||
      tooMany(conv->outputChannel) || tooMany(conv->inputChannel))
    return remark("not converted: more than one batch, group, output- or "
                  "input-channel loop");

  SmallVector<int64_t> loopSizes = op.getStaticLoopRanges();
  LayerPlan plan;
  LoopDims loops(plan, loopSizes.size());
  SmallVectorImpl<std::optional<Dim>> &dimOfLoop = loops.dimOfLoop;
  loops.assign(conv->batch, Dim::N);
  loops.assign(conv->depth, Dim::G);
  loops.assign(conv->outputChannel, Dim::K);
  loops.assign(conv->inputChannel, Dim::C);

  // The input's image expressions `oh * stride + kh * dilation`, in tensor
  // order, pair output-image loops with filter loops: rows first.
  AffineMap inputMap = op.getMatchingIndexingMap(op.getDpsInputOperand(0));
  SmallVector<unsigned> imageAxes; // input tensor dims holding Y, X
  for (auto [axis, expr] : llvm::enumerate(inputMap.getResults())) {
    auto add = dyn_cast<AffineBinaryOpExpr>(expr);
    if (!add || add.getKind() != AffineExprKind::Add)
      continue;
    auto lhs = dimTerm(add.getLHS()), rhs = dimTerm(add.getRHS());
    if (!lhs || !rhs)
      return remark("not converted: unsupported input index expression");
    if (llvm::is_contained(conv->filterLoop, lhs->first))
      std::swap(lhs, rhs);
    if (!llvm::is_contained(conv->outputImage, lhs->first) ||
        !llvm::is_contained(conv->filterLoop, rhs->first))
      return remark("not converted: unsupported input index expression");
    unsigned i = imageAxes.size();
    if (i == 2)
      return remark("not converted: more than two image dimensions");
    loops.assign({lhs->first}, i == 0 ? Dim::OY : Dim::OX);
    loops.assign({rhs->first}, i == 0 ? Dim::R : Dim::S);
    plan.shape.stride[i] = lhs->second;
    plan.shape.dilation[i] = rhs->second;
    imageAxes.push_back(axis);
  }
  if (imageAxes.size() != 2)
    return remark("not converted: the input is not indexed by two sliding "
                  "windows");

  loops.setSizes(loopSizes, {Dim::N, Dim::G, Dim::K, Dim::C, Dim::R, Dim::S});
  auto inputType = cast<ShapedType>(op.getDpsInputOperand(0)->get().getType());
  plan.shape.setSize(Dim::Y, inputType.getDimSize(imageAxes[0]));
  plan.shape.setSize(Dim::X, inputType.getDimSize(imageAxes[1]));

  std::optional<std::string> filterLayout =
      layoutOf(op.getMatchingIndexingMap(op.getDpsInputOperand(1)), dimOfLoop);
  std::optional<std::string> outputLayout =
      layoutOf(op.getMatchingIndexingMap(op.getDpsInitOperand(0)), dimOfLoop);
  std::string inputLayout;
  for (auto [axis, expr] : llvm::enumerate(inputMap.getResults())) {
    if (axis == imageAxes[0] || axis == imageAxes[1]) {
      inputLayout += axis == imageAxes[0] ? 'Y' : 'X';
      continue;
    }
    auto dim = dyn_cast<AffineDimExpr>(expr);
    if (!dim || !dimOfLoop[dim.getPosition()])
      return remark("not converted: unsupported input indexing");
    inputLayout += letterOf(*dimOfLoop[dim.getPosition()]);
  }
  if (!filterLayout || !outputLayout)
    return remark("not converted: unsupported filter or output indexing");
  plan.inputLayout = inputLayout;
  plan.filterLayout = *filterLayout;
  plan.outputLayout = *outputLayout;
  plan.kind = conv->depth.empty()          ? LayerKind::Conv2d
              : conv->inputChannel.empty() ? LayerKind::Depthwise
                                           : LayerKind::Grouped;
  return plan;
}

PlanOrRejection planContraction(linalg::LinalgOp op) {
  // The map form of the analysis, so zero-point operands do not matter.
  FailureOr<linalg::ContractionDimensions> dims = linalg::inferContractionDims(
      {op.getMatchingIndexingMap(op.getDpsInputOperand(0)),
       op.getMatchingIndexingMap(op.getDpsInputOperand(1)),
       op.getMatchingIndexingMap(op.getDpsInitOperand(0))});
  if (failed(dims) || dims->m.size() != 1 || dims->n.size() != 1 ||
      dims->k.size() != 1 || dims->batch.size() > 1)
    return remark("not converted: only matrix products (one m, n and k "
                  "loop, at most one batch loop) become GEMM layers");
  SmallVector<int64_t> loopSizes = op.getStaticLoopRanges();
  LayerPlan plan;
  LoopDims loops(plan, loopSizes.size());
  // (M x K) * (K x N): M -> Y, N -> K, K -> C; a batch is a group.
  loops.assign(dims->batch, Dim::G);
  loops.assign(dims->m, Dim::Y);
  loops.assign(dims->n, Dim::K);
  loops.assign(dims->k, Dim::C);
  loops.setSizes(loopSizes, {Dim::G, Dim::Y, Dim::K, Dim::C});
  SmallVectorImpl<std::optional<Dim>> &dimOfLoop = loops.dimOfLoop;
  std::optional<std::string> a =
      layoutOf(op.getMatchingIndexingMap(op.getDpsInputOperand(0)), dimOfLoop);
  std::optional<std::string> b =
      layoutOf(op.getMatchingIndexingMap(op.getDpsInputOperand(1)), dimOfLoop);
  std::optional<std::string> c =
      layoutOf(op.getMatchingIndexingMap(op.getDpsInitOperand(0)), dimOfLoop);
  if (!a || !b || !c)
    return remark("not converted: unsupported operand indexing");
  plan.kind = LayerKind::Gemm;
  plan.inputLayout = *a;
  plan.filterLayout = *b;
  plan.outputLayout = *c;
  return plan;
}

PlanOrRejection plan(linalg::LinalgOp op) {
  if (!op.hasPureTensorSemantics() || op.getNumDpsInits() != 1 ||
      (op.getNumDpsInputs() != 2 && op.getNumDpsInputs() != 4))
    return remark("");
  bool isConv = isa<linalg::ConvolutionOpInterface>(op.getOperation()) ||
                linalg::isaConvolutionOpInterface(op);
  bool isContraction =
      !isConv && (isa<linalg::ContractionOpInterface, linalg::QuantizedMatmulOp,
                      linalg::QuantizedBatchMatmulOp>(op.getOperation()) ||
                  linalg::isaContractionOpInterface(op));
  if ((!isConv && !isContraction) || !hasMulAddBody(op))
    return remark(""); // pooling, elementwise, ...: not ours, say nothing
  for (Value operand : op->getOperands()) {
    Type element = getElementTypeOrSelf(operand.getType());
    if (!element.isSignlessInteger() && !isa<FloatType>(element)) {
      std::string name;
      llvm::raw_string_ostream(name) << element;
      return remark("not converted: element type " + name +
                    " is not one accel.layer takes (signless integers and "
                    "floats)");
    }
    if (auto shaped = dyn_cast<ShapedType>(operand.getType());
        shaped && !shaped.hasStaticShape())
      return Rejection{true, "has dynamic dimensions; accel.layer needs static "
                             "shapes (--canonicalize often makes them static)"};
  }
  return isConv ? planConvolution(op) : planContraction(op);
}

/// Folds a zero-valued (or zero-point-valued) tensor.pad on the image
/// dimensions into `plan`; returns the unpadded input, or null.
tensor::PadOp foldablePad(Value input, const LayerPlan &plan,
                          ValueRange zeroPoints) {
  auto pad = input.getDefiningOp<tensor::PadOp>();
  if (!pad)
    return {};
  Value padValue = pad.getConstantPaddingValue();
  if (!padValue)
    return {};
  bool zero = matchPattern(padValue, m_Zero()) ||
              matchPattern(padValue, m_AnyZeroFloat());
  if (!zero && !zeroPoints.empty()) {
    // Padding with the input zero point is zero once it is subtracted.
    APInt pv, zp;
    zero = matchPattern(padValue, m_ConstantInt(&pv)) &&
           matchPattern(zeroPoints.front(), m_ConstantInt(&zp)) &&
           pv.getSExtValue() == zp.getSExtValue();
  }
  if (!zero)
    return {};
  ArrayRef<int64_t> low = pad.getStaticLow(), high = pad.getStaticHigh();
  for (auto [axis, letter] : llvm::enumerate(plan.inputLayout)) {
    if (ShapedType::isDynamic(low[axis]) || ShapedType::isDynamic(high[axis]))
      return {};
    if (letter != 'Y' && letter != 'X' && (low[axis] != 0 || high[axis] != 0))
      return {};
  }
  return pad;
}

struct ConvertLinalgToAccelPass
    : public accel::impl::ConvertLinalgToAccelBase<ConvertLinalgToAccelPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SmallVector<linalg::LinalgOp> candidates;
    module.walk([&](linalg::LinalgOp op) { candidates.push_back(op); });

    IRRewriter rewriter(&getContext());
    // Layers are numbered per kind within each function.
    DenseMap<Operation *, std::map<LayerKind, unsigned>> countersOfFunction;
    bool failedAny = false;
    for (linalg::LinalgOp op : candidates) {
      auto &counters =
          countersOfFunction[op->getParentOfType<FunctionOpInterface>()];
      PlanOrRejection result = plan(op);
      if (auto *rejection = std::get_if<Rejection>(&result)) {
        if (rejection->isError) {
          op.emitError() << "'" << op->getName() << "' " << rejection->message;
          failedAny = true;
        } else if (!rejection->message.empty()) {
          emitRemark(op->getLoc())
              << "'" << op->getName() << "' " << rejection->message;
        }
        continue;
      }
      if (failed(convert(op, std::get<LayerPlan>(result), counters, rewriter)))
        failedAny = true;
    }
    if (failedAny)
      signalPassFailure();
  }

  LogicalResult convert(linalg::LinalgOp op, LayerPlan plan,
                        std::map<LayerKind, unsigned> &counters,
                        IRRewriter &rewriter) {
    Value input = op.getDpsInputOperand(0)->get();
    ValueRange zeroPoints = op.getNumDpsInputs() == 4
                                ? ValueRange(op->getOperands().slice(2, 2))
                                : ValueRange();
    tensor::PadOp pad;
    if (plan.kind != LayerKind::Gemm)
      pad = foldablePad(input, plan, zeroPoints);
    if (pad) {
      auto source = cast<ShapedType>(pad.getSource().getType());
      ArrayRef<int64_t> low = pad.getStaticLow(), high = pad.getStaticHigh();
      unsigned y = plan.inputLayout.find('Y'), x = plan.inputLayout.find('X');
      plan.shape.padding = {low[y], high[y], low[x], high[x]};
      plan.shape.setSize(Dim::Y, source.getDimSize(y));
      plan.shape.setSize(Dim::X, source.getDimSize(x));
      input = pad.getSource();
    }

    // The output extent must follow from the sizes (linalg allows inputs
    // larger than the windows need; the layer does not).
    auto outputType = cast<RankedTensorType>(op->getResult(0).getType());
    int64_t oyLoop = plan.loopOf[static_cast<unsigned>(Dim::OY)];
    int64_t oxLoop = plan.loopOf[static_cast<unsigned>(Dim::OX)];
    SmallVector<int64_t> loopSizes = op.getStaticLoopRanges();
    if (llvm::Error err = plan.shape.validate())
      return op.emitError()
             << "'" << op->getName()
             << "' cannot become a layer: " << llvm::toString(std::move(err));
    if (oyLoop >= 0 && (loopSizes[oyLoop] != plan.shape.outputRows() ||
                        loopSizes[oxLoop] != plan.shape.outputCols())) {
      emitRemark(op->getLoc()) << "'" << op->getName() << "' not converted: its output ("
                      << loopSizes[oyLoop] << "x" << loopSizes[oxLoop]
                      << ") is smaller than its input allows ("
                      << plan.shape.outputRows() << "x"
                      << plan.shape.outputCols() << ")";
      return success();
    }

    static constexpr const char *kPrefix[] = {"conv", "dwconv", "gconv",
                                              "matmul"};
    unsigned index = ++counters[plan.kind];
    std::string name = std::string(kPrefix[static_cast<unsigned>(plan.kind)]) +
                       "_" + std::to_string(index);

    MLIRContext *context = op->getContext();
    rewriter.setInsertionPoint(op);
    SmallVector<int64_t> sizes(plan.shape.sizes.begin(),
                               plan.shape.sizes.end());
    auto layer = LayerOp::create(
        rewriter, op.getLoc(), outputType, rewriter.getStringAttr(name),
        LayerKindAttr::get(context, plan.kind),
        DimsAttr::get(context, ArrayRef<int64_t>(sizes)),
        LayoutAttr::get(context, plan.inputLayout, plan.filterLayout,
                        plan.outputLayout),
        rewriter.getDenseI64ArrayAttr(plan.shape.stride),
        rewriter.getDenseI64ArrayAttr(plan.shape.dilation),
        rewriter.getDenseI64ArrayAttr(plan.shape.padding), DataflowAttr(),
        CostAttr(), ScheduleAttrInterface(), input, op.getDpsInputOperand(1)->get(), zeroPoints,
        op.getDpsInitOperand(0)->get());
    rewriter.replaceOp(op, layer.getResult());
    ++numLayers;
    if (pad) {
      ++numPadsFolded;
      if (pad->use_empty())
        rewriter.eraseOp(pad);
    }
    return success();
  }
};

} // namespace
