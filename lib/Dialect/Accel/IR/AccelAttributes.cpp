//===- AccelAttributes.cpp - accel dialect attributes ---------------------===//

#include "accel/Dialect/Accel/IR/AccelAttributes.h"
#include "accel/Dialect/Accel/IR/AccelOps.h"

#include "mlir/IR/Builders.h"
#include "llvm/ADT/TypeSwitch.h"
#include "llvm/Support/FormatVariadic.h"

#include <cmath>

using namespace mlir;
using namespace mlir::accel;

//===----------------------------------------------------------------------===//
// Parameter parsing and printing
//===----------------------------------------------------------------------===//

AsmPrinter &mlir::accel::operator<<(AsmPrinter &printer, const SizeExpr &expr) {
  if (expr.sizeOf)
    printer << "sz(" << stringifyDim(*expr.sizeOf) << ")";
  else
    printer << expr.value;
  return printer;
}

AsmPrinter &mlir::accel::operator<<(AsmPrinter &printer, Dim dim) {
  printer << stringifyDim(dim);
  return printer;
}

AsmPrinter &mlir::accel::operator<<(AsmPrinter &printer, ClusterKind kind) {
  printer << (kind == ClusterKind::Physical ? "physical" : "logical");
  return printer;
}

FailureOr<bool> mlir::accel::parseBoolKeyword(AsmParser &parser) {
  if (succeeded(parser.parseOptionalKeyword("true")))
    return true;
  if (succeeded(parser.parseOptionalKeyword("false")))
    return false;
  return parser.emitError(parser.getCurrentLocation(),
                          "expected 'true' or 'false'");
}

FailureOr<SmallVector<Dim>> mlir::accel::parseDimList(AsmParser &parser) {
  SmallVector<Dim> dims;
  if (parser.parseCommaSeparatedList(AsmParser::Delimiter::Square, [&] {
        FailureOr<Dim> dim = FieldParser<Dim>::parse(parser);
        if (failed(dim))
          return failure();
        dims.push_back(*dim);
        return success();
      }))
    return failure();
  return dims;
}

void mlir::accel::printDimList(AsmPrinter &printer, ArrayRef<Dim> dims) {
  printer << "[";
  llvm::interleaveComma(dims, printer, [&](Dim d) { printer << d; });
  printer << "]";
}

FailureOr<Dim> FieldParser<Dim>::parse(AsmParser &parser) {
  SMLoc loc = parser.getCurrentLocation();
  StringRef name;
  if (parser.parseKeyword(&name))
    return failure();
  std::optional<Dim> dim = symbolizeDim(name);
  if (!dim)
    return parser.emitError(loc)
           << "unknown dimension '" << name
           << "'; expected one of N, G, K, C, R, S, Y, X, OY, OX";
  return *dim;
}

FailureOr<SizeExpr> FieldParser<SizeExpr>::parse(AsmParser &parser) {
  SMLoc loc = parser.getCurrentLocation();
  if (succeeded(parser.parseOptionalKeyword("sz"))) {
    FailureOr<Dim> dim;
    if (parser.parseLParen() || failed(dim = FieldParser<Dim>::parse(parser)) ||
        parser.parseRParen())
      return failure();
    return SizeExpr::sizeOfDim(*dim);
  }
  int64_t value;
  OptionalParseResult result = parser.parseOptionalInteger(value);
  if (!result.has_value())
    return parser.emitError(loc, "expected an integer or 'sz(D)'");
  if (failed(*result))
    return failure();
  return SizeExpr::constant(value);
}

FailureOr<ClusterKind> FieldParser<ClusterKind>::parse(AsmParser &parser) {
  if (succeeded(parser.parseOptionalKeyword("physical")))
    return ClusterKind::Physical;
  if (succeeded(parser.parseOptionalKeyword("logical")))
    return ClusterKind::Logical;
  return parser.emitError(parser.getCurrentLocation(),
                          "expected 'physical' or 'logical'");
}

//===----------------------------------------------------------------------===//
// Directives
//===----------------------------------------------------------------------===//

LogicalResult mlir::accel::verifyDirectiveAttr(
    llvm::function_ref<InFlightDiagnostic()> emitError,
    const Directive &directive) {
  if (llvm::Error err = verifyDirective(directive))
    return emitError() << llvm::toString(std::move(err));
  return success();
}

Directive ClusterAttr::getDirective() const {
  return Directive::cluster(getSize(), getKind());
}

LogicalResult
ClusterAttr::verify(llvm::function_ref<InFlightDiagnostic()> emitError,
                    SizeExpr size, ClusterKind kind) {
  return verifyDirectiveAttr(emitError, Directive::cluster(size, kind));
}

//===----------------------------------------------------------------------===//
// DataflowAttr
//===----------------------------------------------------------------------===//

static SmallVector<Directive>
toModelDirectives(ArrayRef<DirectiveAttrInterface> directives) {
  return llvm::map_to_vector(directives, [](DirectiveAttrInterface attr) {
    return attr.getDirective();
  });
}

SmallVector<Directive> DataflowAttr::getModelDirectives() const {
  return toModelDirectives(getDirectives());
}

LogicalResult
DataflowAttr::verify(llvm::function_ref<InFlightDiagnostic()> emitError,
                     StringRef name,
                     ArrayRef<DirectiveAttrInterface> directives) {
  if (name.empty())
    return emitError() << "a dataflow needs a non-empty name";
  if (llvm::Error err = verifyDataflowStructure(toModelDirectives(directives)))
    return emitError() << "dataflow '" << name
                       << "': " << llvm::toString(std::move(err));
  return success();
}

//===----------------------------------------------------------------------===//
// PEArrayAttr
//===----------------------------------------------------------------------===//

static HardwareConfig makeHardwareConfig(int64_t numPes, int64_t simdLanes,
                                         int64_t l1Size, int64_t l2Size,
                                         int64_t nocBw, int64_t nocHops,
                                         int64_t hopLatency, bool multicast,
                                         int64_t offchipBw,
                                         int64_t elementSize) {
  HardwareConfig config;
  config.numPEs = numPes;
  config.simdLanes = simdLanes;
  config.l1Size = l1Size;
  config.l2Size = l2Size;
  config.nocBandwidth = nocBw;
  config.nocHops = nocHops;
  config.hopLatency = hopLatency;
  config.multicast = multicast;
  config.offchipBandwidth = offchipBw;
  config.elementSize = elementSize;
  return config;
}

HardwareConfig PEArrayAttr::getHardwareConfig() const {
  return makeHardwareConfig(getNumPes(), getSimdLanes(), getL1Size(),
                            getL2Size(), getNocBw(), getNocHops(),
                            getHopLatency(), getMulticast(), getOffchipBw(),
                            getElementSize());
}

std::unique_ptr<AcceleratorTargetModel> PEArrayAttr::getTargetModel() const {
  return std::make_unique<PEArrayTargetModel>(getHardwareConfig());
}

PEArrayAttr PEArrayAttr::get(MLIRContext *context,
                             const HardwareConfig &config) {
  return get(context, config.numPEs, config.simdLanes, config.l1Size,
             config.l2Size, config.nocBandwidth, config.nocHops,
             config.hopLatency, config.multicast, config.offchipBandwidth,
             config.elementSize);
}

LogicalResult
PEArrayAttr::verify(llvm::function_ref<InFlightDiagnostic()> emitError,
                    int64_t numPes, int64_t simdLanes, int64_t l1Size,
                    int64_t l2Size, int64_t nocBw, int64_t nocHops,
                    int64_t hopLatency, bool multicast, int64_t offchipBw,
                    int64_t elementSize) {
  HardwareConfig config =
      makeHardwareConfig(numPes, simdLanes, l1Size, l2Size, nocBw, nocHops,
                         hopLatency, multicast, offchipBw, elementSize);
  if (llvm::Error err = config.validate())
    return emitError() << llvm::toString(std::move(err));
  return success();
}

//===----------------------------------------------------------------------===//
// DimsAttr
//===----------------------------------------------------------------------===//

Attribute DimsAttr::parse(AsmParser &parser, Type) {
  SmallVector<int64_t, kNumSizedDims> sizes(kNumSizedDims, 1);
  std::array<bool, kNumSizedDims> seen = {};
  auto parseEntry = [&]() -> ParseResult {
    SMLoc loc = parser.getCurrentLocation();
    FailureOr<Dim> dim = FieldParser<Dim>::parse(parser);
    if (failed(dim))
      return failure();
    if (isOutputDim(*dim))
      return parser.emitError(loc)
             << "'" << stringifyDim(*dim)
             << "' is derived from Y/X, R/S, stride and padding and has no "
                "size of its own";
    unsigned index = static_cast<unsigned>(*dim);
    if (seen[index])
      return parser.emitError(loc)
             << "dimension '" << stringifyDim(*dim) << "' given twice";
    seen[index] = true;
    return failure(parser.parseEqual() || parser.parseInteger(sizes[index]));
  };
  if (parser.parseCommaSeparatedList(AsmParser::Delimiter::LessGreater,
                                     parseEntry))
    return {};
  return parser.getChecked<DimsAttr>(parser.getContext(), sizes);
}

void DimsAttr::print(AsmPrinter &printer) const {
  printer << "<";
  llvm::interleaveComma(
      llvm::zip_equal(kSizedDims, getSizes()), printer, [&](auto entry) {
        printer << std::get<0>(entry) << " = " << std::get<1>(entry);
      });
  printer << ">";
}

LogicalResult
DimsAttr::verify(llvm::function_ref<InFlightDiagnostic()> emitError,
                 ArrayRef<int64_t> sizes) {
  if (sizes.size() != kNumSizedDims)
    return emitError() << "expected " << kNumSizedDims << " sizes, got "
                       << sizes.size();
  for (auto [dim, size] : llvm::zip_equal(kSizedDims, sizes))
    if (size < 1 || size > LayerShape::kMaxDimSize)
      return emitError() << "size of " << stringifyDim(dim)
                         << " must be in [1, " << LayerShape::kMaxDimSize
                         << "], got " << size;
  return success();
}

//===----------------------------------------------------------------------===//
// LayoutAttr
//===----------------------------------------------------------------------===//

LogicalResult
LayoutAttr::verify(llvm::function_ref<InFlightDiagnostic()> emitError,
                   StringRef input, StringRef filter, StringRef output) {
  struct Role {
    const char *name;
    StringRef layout;
    StringRef allowed;
  };
  for (const Role &role :
       {Role{"input", input, "NGCYX"}, Role{"filter", filter, "GKCRS"},
        Role{"output", output, "NGKYX"}}) {
    for (auto [i, letter] : llvm::enumerate(role.layout)) {
      if (!role.allowed.contains(letter))
        return emitError() << role.name << " layout '" << role.layout << "': '"
                           << letter << "' is not one of " << role.allowed;
      if (role.layout.find(letter, i + 1) != StringRef::npos)
        return emitError() << role.name << " layout '" << role.layout
                           << "' names '" << letter << "' twice";
    }
  }
  return success();
}

//===----------------------------------------------------------------------===//
// CostAttr
//===----------------------------------------------------------------------===//

Attribute CostAttr::parse(AsmParser &parser, Type) {
  NamedAttrList entries;
  auto parseEntry = [&]() -> ParseResult {
    StringRef name;
    Attribute value;
    if (parser.parseKeyword(&name) || parser.parseEqual() ||
        parser.parseAttribute(value))
      return failure();
    entries.append(name, value);
    return success();
  };
  if (parser.parseCommaSeparatedList(AsmParser::Delimiter::LessGreater,
                                     parseEntry))
    return {};
  if (std::optional<NamedAttribute> dup = entries.findDuplicate()) {
    parser.emitError(parser.getNameLoc())
        << "figure '" << dup->getName().str() << "' given twice";
    return {};
  }
  return parser.getChecked<CostAttr>(
      parser.getContext(), entries.getDictionary(parser.getContext()));
}

void CostAttr::print(AsmPrinter &printer) const {
  printer << "<";
  llvm::interleaveComma(getEntries(), printer, [&](NamedAttribute entry) {
    printer.printKeywordOrString(entry.getName().getValue());
    printer << " = ";
    printer.printAttributeWithoutType(entry.getValue());
  });
  printer << ">";
}

LogicalResult
CostAttr::verify(llvm::function_ref<InFlightDiagnostic()> emitError,
                 DictionaryAttr entries) {
  for (NamedAttribute entry : entries) {
    Attribute value = entry.getValue();
    if (auto integer = dyn_cast<IntegerAttr>(value)) {
      if (integer.getType().isInteger(64) && integer.getInt() >= 0)
        continue;
    } else if (auto real = dyn_cast<FloatAttr>(value)) {
      double d = real.getValueAsDouble();
      if (real.getType().isF64() && std::isfinite(d) && d >= 0)
        continue;
    }
    return emitError() << "figure '" << entry.getName().getValue()
                       << "' must be a non-negative i64 or finite f64, got "
                       << value;
  }
  return success();
}

std::optional<int64_t> CostAttr::getInt(StringRef name) const {
  if (auto value = getEntries().getAs<IntegerAttr>(name))
    return value.getInt();
  return std::nullopt;
}

std::optional<double> CostAttr::getNumber(StringRef name) const {
  Attribute value = getEntries().get(name);
  if (auto integer = dyn_cast_or_null<IntegerAttr>(value))
    return static_cast<double>(integer.getInt());
  if (auto real = dyn_cast_or_null<FloatAttr>(value))
    return real.getValueAsDouble();
  return std::nullopt;
}

#include "accel/Dialect/Accel/IR/AccelAttrInterfaces.cpp.inc"
#include "accel/Dialect/Accel/IR/AccelEnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "accel/Dialect/Accel/IR/AccelAttributes.cpp.inc"

void AccelDialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "accel/Dialect/Accel/IR/AccelAttributes.cpp.inc"
      >();
}

Attribute AccelDialect::parseAttribute(DialectAsmParser &parser,
                                       Type type) const {
  SMLoc loc = parser.getCurrentLocation();
  StringRef mnemonic;
  Attribute attr;
  OptionalParseResult core =
      generatedAttributeParser(parser, &mnemonic, type, attr);
  if (core.has_value())
    return attr;
  auto target = targetAttrParsers.find(mnemonic);
  if (target != targetAttrParsers.end())
    return target->second(parser, type);
  parser.emitError(loc) << "unknown attribute `" << mnemonic
                        << "` in dialect `" << getNamespace() << "`";
  return {};
}

void AccelDialect::printAttribute(Attribute attr,
                                  DialectAsmPrinter &printer) const {
  if (succeeded(generatedAttributePrinter(attr, printer)))
    return;
  auto target = targetAttrPrinters.find(attr.getTypeID());
  assert(target != targetAttrPrinters.end() && "an accel attribute no one added");
  target->second(attr, printer);
}
