//===- MaestroExport.cpp - The accel dialect to MAESTRO .m files ----------===//

#include "MaestroLayerTypes.h"
#include "accel/Dialect/Accel/IR/AccelOps.h"
#include "accel/Target/Maestro/Maestro.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "llvm/ADT/StringExtras.h"

using namespace mlir;
using namespace mlir::accel;
using namespace mlir::accel::maestro;

/// A name the importer (and MAESTRO's tokenizer) reads back as one token:
/// letters, digits, '_', '.', '-'; anything else becomes '_'.
static std::string toIdentifier(StringRef name) {
  std::string out;
  for (char c : name)
    out += (llvm::isAlnum(c) || c == '_' || c == '.' || c == '-') ? c : '_';
  if (out.empty() || llvm::isDigit(out.front()))
    out.insert(out.begin(), '_');
  return out;
}

static FailureOr<std::string> exportSize(SizeExpr size, LayerOp layer,
                                         const LayerTypeInfo &info) {
  if (!size.sizeOf)
    return std::to_string(size.value);
  std::optional<std::string> name = toMaestro(info, *size.sizeOf);
  if (!name || isOutputDim(*size.sizeOf))
    return layer.emitError()
           << "sz(" << stringifyDim(*size.sizeOf)
           << ") cannot be written for a MAESTRO " << info.type << " layer";
  return "Sz(" + *name + ")";
}

static LogicalResult exportLayer(LayerOp layer, llvm::raw_ostream &os) {
  const LayerTypeInfo &info = layerTypeFor(layer.getKind());
  LayerShape shape = layer.getShape();
  if (shape.dilation[0] != 1 || shape.dilation[1] != 1)
    return layer.emitError() << "MAESTRO has no dilation; layer '"
                             << layer.getName() << "' cannot be exported";
  if (layer.getKind() == LayerKind::Depthwise && shape.size(Dim::K) != 1)
    return layer.emitError()
           << "MAESTRO's DSCONV has no channel multiplier; "
              "layer '"
           << layer.getName() << "' has K = " << shape.size(Dim::K);
  if (!layer.getZeroPoints().empty())
    layer.emitWarning() << "zero points are dropped: MAESTRO does not model "
                           "quantization";
  // MAESTRO sizes have no padding: count padded rows/cols as input, which
  // keeps the output size and the MAC count.
  if (llvm::any_of(shape.padding, [](int64_t p) { return p != 0; })) {
    layer.emitWarning() << "padding is folded into the input size (MAESTRO "
                           "has no padding)";
    shape.setSize(Dim::Y,
                  shape.size(Dim::Y) + shape.padding[0] + shape.padding[1]);
    shape.setSize(Dim::X,
                  shape.size(Dim::X) + shape.padding[2] + shape.padding[3]);
  }
  for (Dim dim : kSizedDims)
    if (shape.size(dim) != 1 && !toMaestro(info, dim))
      return layer.emitError()
             << "dimension " << stringifyDim(dim) << " = " << shape.size(dim)
             << " has no counterpart in a MAESTRO " << info.type << " layer";

  os << "\tLayer " << toIdentifier(layer.getName()) << " {\n";
  os << "\t\tType: " << info.type << "\n";
  if (info.hasOutputDims)
    os << "\t\tStride { X: " << shape.stride[1] << ", Y: " << shape.stride[0]
       << " }\n";
  os << "\t\tDimensions { ";
  llvm::interleaveComma(info.dims, os, [&](const DimName &entry) {
    os << entry.maestro << ": " << shape.size(entry.dim);
  });
  os << " }\n";

  if (DataflowAttr dataflow = layer.getDataflowAttr()) {
    os << "\t\tDataflow {\n";
    for (const Directive &d : dataflow.getModelDirectives()) {
      FailureOr<std::string> size = exportSize(d.size, layer, info);
      if (failed(size))
        return failure();
      if (d.kind == DirectiveKind::Cluster) {
        os << "\t\t\tCluster(" << *size << ", "
           << (d.clusterKind == ClusterKind::Physical ? "P" : "L") << ");\n";
        continue;
      }
      FailureOr<std::string> offset = exportSize(d.offset, layer, info);
      std::optional<std::string> dim = toMaestro(info, d.dim);
      if (failed(offset))
        return failure();
      if (!dim)
        return layer.emitError()
               << "a directive on " << stringifyDim(d.dim)
               << " cannot be written for a MAESTRO " << info.type
               << " layer (its dimensions: " << listDims(info) << ")";
      os << "\t\t\t"
         << (d.kind == DirectiveKind::SpatialMap ? "SpatialMap" : "TemporalMap")
         << "(" << *size << "," << *offset << ") " << *dim << ";\n";
    }
    os << "\t\t}\n";
  }
  os << "\t}\n";
  return success();
}

LogicalResult mlir::accel::exportMaestro(ModuleOp module,
                                         llvm::raw_ostream &output) {
  std::string text;
  llvm::raw_string_ostream os(text);
  bool anyLayer = false;
  for (Operation &op : module.getBody()->getOperations()) {
    auto func = dyn_cast<func::FuncOp>(op);
    if (!func)
      continue;
    SmallVector<LayerOp> layers;
    func.walk([&](LayerOp layer) { layers.push_back(layer); });
    if (layers.empty())
      continue;
    anyLayer = true;
    os << "Network " << toIdentifier(func.getSymName()) << " {\n";
    for (LayerOp layer : layers)
      if (failed(exportLayer(layer, os)))
        return failure();
    os << "}\n\n";
  }
  if (!anyLayer)
    return module.emitError()
           << "nothing to export: no accel.layer inside a func.func";
  output << text;
  return success();
}
