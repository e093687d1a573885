//===- DataflowLibrary.cpp - The standard dataflows -----------------------===//

#include "accel/Dialect/Accel/Transforms/DataflowLibrary.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"

using namespace mlir;
using namespace mlir::accel;

namespace {
struct EmbeddedFile {
  const char *name;
  const char *text;
};
} // namespace

/// dataflows/*.mlir, embedded at build time (cmake/EmbedFiles.cmake).
static const EmbeddedFile kLibraryFiles[] = {
#include "DataflowLibraryFiles.inc"
};

namespace {
/// One parsed dataflow file.
struct DataflowFile {
  DataflowAttr dataflow;
  SmallVector<std::string> aliases;
};
} // namespace

/// Parses the dataflow file in `sourceMgr`; diagnostics carry its
/// file:line:col. `loc` is where to report what the parser cannot.
static FailureOr<DataflowFile> parseDataflowModule(llvm::SourceMgr &sourceMgr,
                                                   MLIRContext *context,
                                                   Location loc) {
  context->getOrLoadDialect<AccelDialect>();
  SourceMgrDiagnosticHandler handler(sourceMgr, context);
  ParserConfig config(context);
  OwningOpRef<ModuleOp> module = parseSourceFile<ModuleOp>(sourceMgr, config);
  StringRef name = sourceMgr.getMemoryBuffer(sourceMgr.getMainFileID())
                       ->getBufferIdentifier();
  if (!module)
    return emitError(loc) << "cannot read the dataflow file '" << name << "'";
  auto dataflow =
      (*module)->getAttrOfType<DataflowAttr>(AccelDialect::kDataflowAttrName);
  if (!dataflow)
    return emitError(module->getLoc())
           << "a dataflow file is a module with an '"
           << AccelDialect::kDataflowAttrName << "' attribute; '" << name
           << "' has none";
  DataflowFile file{dataflow, {}};
  if (auto aliases = (*module)->getAttrOfType<ArrayAttr>(
          AccelDialect::kDataflowAliasesAttrName))
    for (auto alias : aliases.getAsValueRange<StringAttr>())
      file.aliases.push_back(alias.str());
  return file;
}

static FailureOr<DataflowFile>
parseEmbedded(const EmbeddedFile &file, MLIRContext *context, Location loc) {
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(
      llvm::MemoryBuffer::getMemBuffer(file.text, file.name), llvm::SMLoc());
  return parseDataflowModule(sourceMgr, context, loc);
}

SmallVector<LibraryDataflowInfo>
mlir::accel::listLibraryDataflows(MLIRContext *context) {
  SmallVector<LibraryDataflowInfo> infos;
  for (const EmbeddedFile &file : kLibraryFiles) {
    FailureOr<DataflowFile> parsed =
        parseEmbedded(file, context, UnknownLoc::get(context));
    if (succeeded(parsed))
      infos.push_back({parsed->dataflow.getName().str(), parsed->aliases});
  }
  return infos;
}

FailureOr<DataflowAttr> mlir::accel::lookupLibraryDataflow(MLIRContext *context,
                                                           StringRef name,
                                                           Location loc) {
  std::string wanted = name.trim().lower();
  for (const EmbeddedFile &file : kLibraryFiles) {
    FailureOr<DataflowFile> parsed = parseEmbedded(file, context, loc);
    if (failed(parsed))
      return failure();
    if (parsed->dataflow.getName().lower() == wanted ||
        llvm::is_contained(parsed->aliases, wanted))
      return parsed->dataflow;
  }
  std::string known;
  for (const LibraryDataflowInfo &info : listLibraryDataflows(context)) {
    known += known.empty() ? "" : ", ";
    known += info.name;
    if (!info.aliases.empty())
      known += " (" + llvm::join(info.aliases, ", ") + ")";
  }
  return emitError(loc) << "no dataflow called '" << name
                        << "' in the library; it has " << known;
}

FailureOr<DataflowAttr> mlir::accel::parseDataflowFile(MLIRContext *context,
                                                       StringRef path,
                                                       Location loc) {
  auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/true);
  if (!buffer)
    return emitError(loc) << "cannot open the dataflow file '" << path
                          << "': " << buffer.getError().message();
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(std::move(*buffer), llvm::SMLoc());
  FailureOr<DataflowFile> parsed = parseDataflowModule(sourceMgr, context, loc);
  if (failed(parsed))
    return failure();
  return parsed->dataflow;
}
