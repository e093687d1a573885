//===- AccelOps.cpp - accel dialect operations ----------------------------===//

#include "accel/Dialect/Accel/IR/AccelOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OpImplementation.h"
#include "llvm/Support/FormatVariadic.h"

using namespace mlir;
using namespace mlir::accel;

//===----------------------------------------------------------------------===//
// Custom directives
//===----------------------------------------------------------------------===//

/// The layer kind as a bare keyword (`conv2d`), without the attribute's
/// `#accel.layer_kind<...>` wrapper.
static ParseResult parseLayerKind(OpAsmParser &parser, LayerKindAttr &kind) {
  SMLoc loc = parser.getCurrentLocation();
  StringRef keyword;
  if (parser.parseKeyword(&keyword))
    return failure();
  std::optional<LayerKind> value = symbolizeLayerKind(keyword);
  if (!value)
    return parser.emitError(loc)
           << "unknown layer kind '" << keyword
           << "'; expected conv2d, depthwise, grouped or gemm";
  kind = LayerKindAttr::get(parser.getContext(), *value);
  return success();
}

static void printLayerKind(OpAsmPrinter &printer, Operation *,
                           LayerKindAttr kind) {
  printer << stringifyLayerKind(kind.getValue());
}

//===----------------------------------------------------------------------===//
// LayerOp
//===----------------------------------------------------------------------===//

void LayerOp::getAsmResultNames(OpAsmSetValueNameFn setNameFn) {
  setNameFn(getResult(), getName());
}

LayerShape LayerOp::getShape() {
  LayerShape shape;
  llvm::copy(getDims().getSizes(), shape.sizes.begin());
  llvm::copy(getStrides(), shape.stride.begin());
  llvm::copy(getDilations(), shape.dilation.begin());
  llvm::copy(getPadding(), shape.padding.begin());
  return shape;
}

TargetAttrInterface LayerOp::getTarget() { return getTargetAttr(*this); }

TargetAttrInterface mlir::accel::getTargetAttr(Operation *op) {
  for (; op; op = op->getParentOp())
    if (auto target = op->getAttrOfType<TargetAttrInterface>(
            AccelDialect::kTargetAttrName))
      return target;
  return {};
}

HardwareConfig mlir::accel::getHardwareConfig(Operation *op) {
  if (TargetAttrInterface target = getTargetAttr(op))
    return target.getHardwareConfig();
  return HardwareConfig();
}

std::unique_ptr<AcceleratorTargetModel>
mlir::accel::getTargetModel(Operation *op) {
  if (TargetAttrInterface target = getTargetAttr(op))
    return target.getTargetModel();
  return std::make_unique<PEArrayTargetModel>(HardwareConfig());
}

/// Checks the dimension sizes against what `kind` promises.
static LogicalResult verifyKind(LayerOp op, const LayerShape &shape) {
  auto size = [&](Dim d) { return shape.size(d); };
  switch (op.getKind()) {
  case LayerKind::Conv2d:
    if (size(Dim::G) != 1)
      return op.emitOpError() << "of kind conv2d has G = " << size(Dim::G)
                              << "; use 'grouped' for G > 1";
    return success();
  case LayerKind::Depthwise:
    if (size(Dim::C) != 1)
      return op.emitOpError()
             << "of kind depthwise has C = " << size(Dim::C)
             << "; a depthwise layer has one input channel per group "
                "(G channels, K the channel multiplier)";
    return success();
  case LayerKind::Grouped:
    return success();
  case LayerKind::Gemm:
    if (size(Dim::R) != 1 || size(Dim::S) != 1)
      return op.emitOpError() << "of kind gemm has R = " << size(Dim::R)
                              << ", S = " << size(Dim::S) << "; both must be 1";
    if (llvm::any_of(shape.stride, [](int64_t s) { return s != 1; }) ||
        llvm::any_of(shape.dilation, [](int64_t d) { return d != 1; }) ||
        llvm::any_of(shape.padding, [](int64_t p) { return p != 0; }))
      return op.emitOpError()
             << "of kind gemm must have unit strides and dilations and no "
                "padding";
    return success();
  }
  llvm_unreachable("unknown LayerKind");
}

/// Checks one operand's shape against the layer through its layout string.
/// `outputRole` makes Y/X mean the output rows/cols.
static LogicalResult verifyOperandLayout(LayerOp op, StringRef role,
                                         StringRef layout, StringRef allowed,
                                         RankedTensorType type,
                                         const LayerShape &shape,
                                         bool outputRole) {
  auto extentOf = [&](Dim dim) {
    if (outputRole && dim == Dim::Y)
      return shape.outputRows();
    if (outputRole && dim == Dim::X)
      return shape.outputCols();
    return shape.size(dim);
  };
  if (static_cast<int64_t>(layout.size()) != type.getRank())
    return op.emitOpError() << role << " layout '" << layout << "' has "
                            << layout.size() << " dimensions but the " << role
                            << " " << type << " has rank " << type.getRank();
  for (char letter : allowed) {
    Dim dim = *symbolizeDim(StringRef(&letter, 1));
    if (!layout.contains(letter) && extentOf(dim) != 1)
      return op.emitOpError()
             << role << " layout '" << layout << "' leaves out " << letter
             << ", whose size is " << extentOf(dim)
             << "; only dimensions of size 1 may be left out";
  }
  for (auto [i, letter] : llvm::enumerate(layout)) {
    Dim dim = *symbolizeDim(StringRef(&letter, 1));
    int64_t expected = extentOf(dim);
    int64_t actual = type.getDimSize(i);
    if (ShapedType::isDynamic(actual))
      return op.emitOpError()
             << role << " " << type << " has a dynamic dimension " << i << " ("
             << letter << "); layers need static shapes";
    if (actual != expected)
      return op.emitOpError()
             << role << " dimension " << i << " (" << letter
             << (outputRole && (dim == Dim::Y || dim == Dim::X) ? "'" : "")
             << ") is " << actual << " but the layer says " << expected;
  }
  return success();
}

LogicalResult LayerOp::verify() {
  if (getName().empty())
    return emitOpError() << "needs a non-empty name";
  if (getStrides().size() != 2)
    return emitOpError() << "expects 2 strides {rows, cols}, got "
                         << getStrides().size();
  if (getDilations().size() != 2)
    return emitOpError() << "expects 2 dilations {rows, cols}, got "
                         << getDilations().size();
  if (getPadding().size() != 4)
    return emitOpError()
           << "expects 4 padding values {top, bottom, left, right}, got "
           << getPadding().size();
  LayerShape shape = getShape();
  if (llvm::Error err = shape.validate())
    return emitOpError() << llvm::toString(std::move(err));
  if (failed(verifyKind(*this, shape)))
    return failure();

  LayoutAttr layout = getLayout();
  if (failed(verifyOperandLayout(*this, "input", layout.getInput(), "NGCYX",
                                 getInput().getType(), shape, false)) ||
      failed(verifyOperandLayout(*this, "filter", layout.getFilter(), "GKCRS",
                                 getFilter().getType(), shape, false)) ||
      failed(verifyOperandLayout(*this, "output", layout.getOutput(), "NGKYX",
                                 getInit().getType(), shape, true)))
    return failure();

  if (!getZeroPoints().empty() && getZeroPoints().size() != 2)
    return emitOpError() << "takes no zero points or two (input, filter), got "
                         << getZeroPoints().size();

  // The schedule belongs to a target, which alone knows what makes it valid.
  if (ScheduleAttrInterface schedule = getScheduleAttr())
    if (failed(schedule.verifySchedule(*this, *getTargetModel(*this))))
      return failure();

  if (DataflowAttr dataflow = getDataflowAttr()) {
    std::optional<int64_t> numPEs;
    if (TargetAttrInterface target = getTarget())
      numPEs = target.getHardwareConfig().numPEs;
    llvm::Expected<BoundDataflow> bound =
        bindDataflow(dataflow.getModelDirectives(), shape, numPEs);
    if (!bound)
      return emitOpError() << "'" << getName() << "': dataflow '"
                           << dataflow.getName() << "' does not fit: "
                           << llvm::toString(bound.takeError());
  }
  return success();
}

#define GET_OP_CLASSES
#include "accel/Dialect/Accel/IR/AccelOps.cpp.inc"
