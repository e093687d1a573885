//===- MaestroImport.cpp - MAESTRO .m files to the accel dialect ----------===//

#include "MaestroLayerTypes.h"
#include "accel/Dialect/Accel/IR/AccelOps.h"
#include "accel/Target/Maestro/Maestro.h"
#include "accel/Target/Maestro/MaestroParser.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/Verifier.h"
#include "llvm/ADT/SmallSet.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

using namespace mlir;
using namespace mlir::accel;
using namespace mlir::accel::maestro;
using llvm::SMLoc;

namespace {

class Importer {
public:
  Importer(llvm::SourceMgr &sourceMgr, MLIRContext *context)
      : sourceMgr(sourceMgr), context(context), builder(context) {}

  OwningOpRef<ModuleOp> run(const MaestroImportOptions &options);
  FailureOr<PEArrayAttr> importHardware(const MaestroImportOptions &options);

private:
  Location loc(SMLoc where) {
    unsigned buffer = sourceMgr.FindBufferContainingLoc(where);
    if (!buffer)
      return UnknownLoc::get(context);
    auto [line, col] = sourceMgr.getLineAndColumn(where, buffer);
    return FileLineColLoc::get(
        context, sourceMgr.getMemoryBuffer(buffer)->getBufferIdentifier(), line,
        col);
  }
  InFlightDiagnostic error(SMLoc where) { return emitError(loc(where)); }

  LogicalResult importNetwork(const Network &network, ModuleOp module,
                              StringRef dataflowName);
  FailureOr<Value> importLayer(const Layer &layer, StringRef dataflowName);
  FailureOr<SizeExpr> importSize(const Size &size, const Layer &layer,
                                 const LayerTypeInfo &info);
  FailureOr<DataflowAttr> importDataflow(const Layer &layer,
                                         const LayerTypeInfo &info,
                                         StringRef name,
                                         const LayerShape &shape);

  llvm::SourceMgr &sourceMgr;
  MLIRContext *context;
  OpBuilder builder;
  /// Repeated maps of a dimension within a level, dropped on import.
  SmallVector<std::pair<SMLoc, std::string>> droppedRepeats;
  /// TRCONV layers, imported as plain convolutions.
  SmallVector<std::pair<SMLoc, std::string>> transposedConvs;
};

} // namespace

FailureOr<PEArrayAttr>
Importer::importHardware(const MaestroImportOptions &options) {
  HardwareConfig config = options.hardware;
  StringRef path = options.hardwareFile;
  if (path.empty()) {
    if (llvm::Error err = config.validate()) {
      emitError(UnknownLoc::get(context))
          << "invalid hardware: " << llvm::toString(std::move(err));
      return failure();
    }
    return PEArrayAttr::get(context, config);
  }

  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buffer) {
    emitError(FileLineColLoc::get(context, path, 0, 0))
        << "cannot open the hardware file '" << path
        << "': " << buffer.getError().message();
    return failure();
  }
  unsigned bufferId = sourceMgr.AddNewSourceBuffer(std::move(*buffer), SMLoc());
  bool failed = false;
  std::optional<HardwareFile> file =
      parseHardwareFile(sourceMgr, bufferId,
                        [&](SMLoc where, const llvm::Twine &msg, bool isError) {
                          if (isError) {
                            failed = true;
                            error(where) << msg;
                          } else {
                            emitWarning(loc(where)) << msg;
                          }
                        });
  if (!file || failed)
    return failure();

  SMLoc fileStart = SMLoc::getFromPointer(
      sourceMgr.getMemoryBuffer(bufferId)->getBufferStart());
  for (const HardwareEntry &entry : file->entries) {
    int64_t value = entry.value.value;
    StringRef key = entry.key;
    if (key == "num_pes")
      config.numPEs = value;
    else if (key == "l1_size_cstr")
      config.l1Size = value;
    else if (key == "l2_size_cstr")
      config.l2Size = value;
    else if (key == "noc_bw_cstr")
      config.nocBandwidth = value;
    else if (key == "offchip_bw_cstr")
      config.offchipBandwidth = value;
    else if (key == "NoC_NumHops")
      config.nocHops = value;
    else {
      error(entry.value.loc)
          << "unknown hardware parameter '" << key
          << "'; expected num_pes, l1_size_cstr, l2_size_cstr, noc_bw_cstr, "
             "offchip_bw_cstr or NoC_NumHops";
      return failure();
    }
  }
  if (llvm::Error err = config.validate()) {
    error(fileStart) << llvm::toString(std::move(err));
    return failure();
  }
  return PEArrayAttr::get(context, config);
}

FailureOr<SizeExpr> Importer::importSize(const Size &size, const Layer &layer,
                                         const LayerTypeInfo &info) {
  if (!size.sizeOf)
    return SizeExpr::constant(size.value);
  std::optional<Dim> dim = toCanonical(info, *size.sizeOf);
  if (!dim || isOutputDim(*dim) || !layer.findDim(*size.sizeOf)) {
    error(size.loc) << "Sz(" << *size.sizeOf << "): layer " << layer.name
                    << " has no dimension " << *size.sizeOf
                    << " (its dimensions: " << listDims(info) << ")";
    return failure();
  }
  return SizeExpr::sizeOfDim(*dim);
}

FailureOr<DataflowAttr> Importer::importDataflow(const Layer &layer,
                                                 const LayerTypeInfo &info,
                                                 StringRef name,
                                                 const LayerShape &shape) {
  SmallVector<DirectiveAttrInterface> directives;
  // Dimensions mapped so far at the current cluster level.
  llvm::SmallSet<Dim, 8> mappedAtLevel;
  for (const DirectiveStmt &d : *layer.dataflow) {
    FailureOr<SizeExpr> size = importSize(d.size, layer, info);
    if (failed(size))
      return failure();
    auto emitAtDirective = [&] { return error(d.loc); };
    if (d.kind == DirectiveKind::Cluster) {
      ClusterAttr cluster = ClusterAttr::getChecked(emitAtDirective, context,
                                                    *size, d.clusterKind);
      if (!cluster)
        return failure();
      directives.push_back(cluster);
      mappedAtLevel.clear();
      continue;
    }
    FailureOr<SizeExpr> offset = importSize(d.offset, layer, info);
    if (failed(offset))
      return failure();
    std::optional<Dim> dim = toCanonical(info, d.dim);
    bool listed = dim && layer.findDim(*toMaestro(info, inputViewOf(*dim)));
    if (!dim || !listed) {
      error(d.dimLoc) << "directive on " << d.dim << ", but layer "
                      << layer.name << " (" << layer.type
                      << ") has no such dimension (its dimensions: "
                      << listDims(info)
                      << (info.hasOutputDims ? ", and Y', X'" : "") << ")";
      return failure();
    }
    // MAESTRO looks a dimension's map up by name and takes the first one of
    // the level (DirectiveTable::FindDirective), so a second map of the same
    // dimension has no effect there (the shipped row-stationary files have
    // one). Drop it, and say so.
    if (!mappedAtLevel.insert(*dim).second) {
      droppedRepeats.push_back({d.loc, layer.name});
      continue;
    }
    // MAESTRO's own validity rule (DFSL parser): a temporal map on a filter
    // dimension must cover the whole filter. Its cost model relies on it.
    if (d.kind == DirectiveKind::TemporalMap &&
        (*dim == Dim::R || *dim == Dim::S)) {
      int64_t extent = shape.size(*dim);
      int64_t s = size->resolve(shape), o = offset->resolve(shape);
      if (s != extent || o != extent) {
        error(d.loc) << "invalid mapping (a rule of MAESTRO's): a TemporalMap "
                        "on "
                     << d.dim << " must cover the whole filter, so its size ("
                     << s << ") and offset (" << o
                     << ") must both equal the size of " << d.dim << " ("
                     << extent << ")";
        return failure();
      }
    }
    Attribute directive;
    if (d.kind == DirectiveKind::SpatialMap)
      directive = SpatialMapAttr::getChecked(emitAtDirective, context, *size,
                                             *offset, *dim);
    else
      directive = TemporalMapAttr::getChecked(emitAtDirective, context, *size,
                                              *offset, *dim);
    if (!directive)
      return failure();
    directives.push_back(cast<DirectiveAttrInterface>(directive));
  }
  DataflowAttr dataflow = DataflowAttr::getChecked(
      [&] { return error(layer.dataflowLoc); }, context, name,
      ArrayRef<DirectiveAttrInterface>(directives));
  if (!dataflow)
    return failure();
  return dataflow;
}

/// A tensor of the given layout's sizes (Y/X meaning output rows/cols when
/// `output`).
static RankedTensorType tensorType(StringRef layout, const LayerShape &shape,
                                   bool output, Type elementType) {
  return RankedTensorType::get(shape.tensorSizes(layout, output), elementType);
}

FailureOr<Value> Importer::importLayer(const Layer &layer,
                                       StringRef dataflowName) {
  const LayerTypeInfo *info = lookupLayerType(layer.type);
  if (!info) {
    bool known = llvm::is_contained({"FC", "POOL", "LSTM", "RESIDUAL_IDENTITY"},
                                    StringRef(layer.type));
    auto diag = error(layer.typeLoc);
    if (known)
      diag << "layer type " << layer.type
           << " is not supported: MAESTRO parses it but has no cost model "
              "for it; use GEMM for fully connected layers";
    else
      diag << "unknown layer type '" << layer.type
           << "'; expected CONV, DSCONV, NGCONV, TRCONV or GEMM";
    return failure();
  }
  if (layer.type == "TRCONV")
    transposedConvs.push_back({layer.typeLoc, layer.name});

  // Point at the number itself when it is out of range (validate() below
  // can only name the layer).
  auto inRange = [&](const DimEntry &entry, StringRef what) {
    if (entry.size.value <= LayerShape::kMaxDimSize)
      return true;
    error(entry.size.loc) << what << " of " << entry.name
                          << " must be in [1, " << LayerShape::kMaxDimSize
                          << "], got " << entry.size.value;
    return false;
  };
  LayerShape shape;
  for (const DimEntry &entry : layer.dims) {
    if (!inRange(entry, "size"))
      return failure();
    std::optional<Dim> dim = toCanonical(*info, entry.name);
    if (!dim || isOutputDim(*dim)) {
      error(entry.loc) << "unknown dimension '" << entry.name << "' for a "
                       << layer.type << " layer; expected " << listDims(*info);
      return failure();
    }
    shape.setSize(*dim, entry.size.value);
  }
  for (const DimEntry &entry : layer.stride) {
    if (entry.name != "Y" && entry.name != "X") {
      error(entry.loc) << "stride of '" << entry.name
                       << "': strides apply to Y and X only";
      return failure();
    }
    if (!inRange(entry, "stride"))
      return failure();
    shape.stride[entry.name == "Y" ? 0 : 1] = entry.size.value;
  }
  if (llvm::Error err = shape.validate()) {
    error(layer.loc) << "layer " << layer.name << ": "
                     << llvm::toString(std::move(err));
    return failure();
  }

  DataflowAttr dataflow;
  if (layer.dataflow) {
    FailureOr<DataflowAttr> imported =
        importDataflow(layer, *info, dataflowName, shape);
    if (failed(imported))
      return failure();
    dataflow = *imported;
  }

  Location layerLoc = loc(layer.loc);
  Type f32 = builder.getF32Type();
  auto makeEmpty = [&](RankedTensorType type) -> Value {
    return tensor::EmptyOp::create(builder, layerLoc, type.getShape(), f32);
  };
  RankedTensorType outputType =
      tensorType(info->outputLayout, shape, /*output=*/true, f32);
  Value input = makeEmpty(tensorType(info->inputLayout, shape, false, f32));
  Value filter = makeEmpty(tensorType(info->filterLayout, shape, false, f32));
  Value init = makeEmpty(outputType);

  SmallVector<int64_t> sizes(shape.sizes.begin(), shape.sizes.end());
  auto op = LayerOp::create(
      builder, layerLoc, outputType, builder.getStringAttr(layer.name),
      LayerKindAttr::get(context, info->kind),
      DimsAttr::get(context, ArrayRef<int64_t>(sizes)),
      LayoutAttr::get(context, info->inputLayout, info->filterLayout,
                      info->outputLayout),
      builder.getDenseI64ArrayAttr(shape.stride),
      builder.getDenseI64ArrayAttr(shape.dilation),
      builder.getDenseI64ArrayAttr(shape.padding), dataflow, CostAttr(),
      ScheduleAttrInterface(), input,
      filter, ValueRange(), init);
  return op.getResult();
}

LogicalResult Importer::importNetwork(const Network &network, ModuleOp module,
                                      StringRef dataflowName) {
  Location networkLoc = loc(network.loc);
  builder.setInsertionPointToEnd(module.getBody());
  auto func = func::FuncOp::create(builder, networkLoc, network.name,
                                   builder.getFunctionType({}, {}));
  builder.setInsertionPointToStart(func.addEntryBlock());
  SmallVector<Value> results;
  for (const Layer &layer : network.layers) {
    FailureOr<Value> result = importLayer(layer, dataflowName);
    if (failed(result))
      return failure();
    results.push_back(*result);
  }
  func::ReturnOp::create(builder, networkLoc, results);
  func.setFunctionType(
      builder.getFunctionType({}, ValueRange(results).getTypes()));
  return success();
}

OwningOpRef<ModuleOp> Importer::run(const MaestroImportOptions &options) {
  context
      ->loadDialect<AccelDialect, func::FuncDialect, tensor::TensorDialect>();
  unsigned mainId = sourceMgr.getMainFileID();
  const llvm::MemoryBuffer *main = sourceMgr.getMemoryBuffer(mainId);
  Location fileLoc =
      FileLineColLoc::get(context, main->getBufferIdentifier(), 1, 1);

  bool failedParse = false;
  std::optional<File> file =
      parseNetworkFile(sourceMgr, mainId,
                       [&](SMLoc where, const llvm::Twine &msg, bool isError) {
                         if (isError) {
                           failedParse = true;
                           error(where) << msg;
                         } else {
                           emitWarning(loc(where)) << msg;
                         }
                       });
  if (!file || failedParse)
    return nullptr;

  FailureOr<PEArrayAttr> target = importHardware(options);
  if (failed(target))
    return nullptr;

  OwningOpRef<ModuleOp> module = ModuleOp::create(fileLoc);
  (*module)->setAttr(AccelDialect::kTargetAttrName, *target);
  // Dataflows are named after the file they come from (e.g. vgg16_nlr).
  std::string dataflowName =
      llvm::sys::path::stem(main->getBufferIdentifier()).str();
  if (dataflowName.empty() || dataflowName == "-")
    dataflowName = "maestro";
  for (const Network &network : file->networks)
    if (failed(importNetwork(network, *module, dataflowName)))
      return nullptr;
  if (!transposedConvs.empty()) {
    auto [where, layerName] = transposedConvs.front();
    auto diag = emitRemark(loc(where))
                << "layer " << layerName
                << ": TRCONV is imported as a plain convolution, which is what "
                   "MAESTRO computes for it (its inner stride is never "
                   "applied)";
    if (transposedConvs.size() > 1)
      diag << "; so are " << transposedConvs.size() - 1
           << " more TRCONV layers in this file";
  }
  if (!droppedRepeats.empty()) {
    auto [where, layerName] = droppedRepeats.front();
    auto diag = emitWarning(loc(where))
                << "layer " << layerName
                << ": this map repeats a dimension already mapped at its "
                   "cluster level; MAESTRO only uses the first map of a "
                   "dimension in a level, so it is dropped";
    if (droppedRepeats.size() > 1)
      diag << " (as are " << droppedRepeats.size() - 1
           << " more such maps in this file)";
  }
  if (failed(verify(*module)))
    return nullptr;
  return module;
}

OwningOpRef<ModuleOp>
mlir::accel::importMaestro(llvm::SourceMgr &sourceMgr, MLIRContext *context,
                           const MaestroImportOptions &options) {
  return Importer(sourceMgr, context).run(options);
}

FailureOr<PEArrayAttr>
mlir::accel::importMaestroHardware(MLIRContext *context,
                                   const MaestroImportOptions &options) {
  context->loadDialect<AccelDialect>();
  llvm::SourceMgr sourceMgr;
  return Importer(sourceMgr, context).importHardware(options);
}
