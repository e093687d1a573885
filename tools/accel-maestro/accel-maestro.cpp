//===- accel-maestro.cpp - MAESTRO's command line on accel-mlir -----------===//
//
// Answers `maestro --HW_file=... --Mapping_file=... --print_res=true ...`
// with the same output files and console summary, from accel-mlir's cost
// model: the .m file is imported (lib/Target/Maestro), every layer costed,
// and the CSV written by --accel-cost-model's report writer (MAESTRO's
// columns first, then this project's). docs/Maestro.md says what differs.
//
//===----------------------------------------------------------------------===//

#include "ConsoleSummary.h"
#include "MaestroCommandLine.h"

#include "accel/Dialect/Accel/IR/AccelOps.h"
#include "accel/Dialect/Accel/Transforms/LayerCost.h"
#include "accel/Dialect/Accel/Transforms/Passes.h"
#include "accel/Target/Maestro/Maestro.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"

using namespace mlir;
using namespace mlir::accel;

namespace {

constexpr llvm::StringLiteral kToolName = "accel-maestro";

/// Where MAESTRO writes its CSV: the mapping path without its first two
/// '/'-separated parts, cut at its first '.', plus ".csv", relative to the
/// working directory. `data/mapping/vgg16_nlr.m` gives `vgg16_nlr.csv`.
std::string maestroCsvPath(llvm::StringRef mappingFile) {
  llvm::StringRef name = mappingFile;
  for (int part = 0; part < 2; ++part)
    if (size_t slash = name.find('/'); slash != llvm::StringRef::npos)
      name = name.substr(slash + 1);
  return (name.take_until([](char c) { return c == '.'; }) + ".csv").str();
}

/// MAESTRO's CSV path, or, when its folder does not exist (MAESTRO then
/// writes nothing, silently), the file's own stem in the working directory.
std::string csvPathFor(llvm::StringRef mappingFile) {
  std::string path = maestroCsvPath(mappingFile);
  llvm::StringRef folder = llvm::sys::path::parent_path(path);
  if (folder.empty() || llvm::sys::fs::is_directory(folder))
    return path;
  std::string fallback =
      maestroCsvPath(llvm::sys::path::filename(mappingFile));
  llvm::WithColor::warning(llvm::errs(), kToolName)
      << "MAESTRO would write '" << path << "', whose folder does not exist "
      << "(it then writes no CSV); writing '" << fallback << "' instead\n";
  return fallback;
}

/// The cost of every layer in `module`, in order; null after an error on
/// the layer.
std::optional<std::vector<CostReport>> costLayers(ModuleOp module) {
  std::vector<CostReport> reports;
  bool failed = false;
  module.walk([&](LayerOp layer) {
    if (!layer.getDataflowAttr()) {
      layer.emitError() << "layer '" << layer.getName()
                        << "' has no Dataflow block to cost";
      failed = true;
      return WalkResult::interrupt();
    }
    HardwareConfig hw = getHardwareConfig(layer);
    llvm::Expected<CostReport> report = evaluateLayerCost(layer, hw);
    if (!report) {
      layer.emitError() << "cost model on layer '" << layer.getName()
                        << "': " << llvm::toString(report.takeError());
      failed = true;
      return WalkResult::interrupt();
    }
    reports.push_back(*report);
    return WalkResult::advance();
  });
  if (failed)
    return std::nullopt;
  return reports;
}

int run(const MaestroCommandLine &commandLine) {
  for (const std::string &flag : commandLine.overriddenFlags)
    llvm::WithColor::warning(llvm::errs(), kToolName)
        << "--" << flag
        << " is ignored: --HW_file sets all the hardware, as in MAESTRO\n";
  if (commandLine.writeLog)
    llvm::WithColor::warning(llvm::errs(), kToolName)
        << "no log.txt: MAESTRO's per-case trace is not reproduced\n";

  // One thread: a run is a few milliseconds, a thread pool would cost more.
  MLIRContext context(MLIRContext::Threading::DISABLED);
  // Diagnostics point into the .m file; the IR behind them means nothing to
  // MAESTRO's users.
  context.printOpOnDiagnostic(false);
  std::string error;
  std::unique_ptr<llvm::MemoryBuffer> input =
      openInputFile(commandLine.mappingFile, &error);
  if (!input) {
    llvm::WithColor::error(llvm::errs(), kToolName)
        << "cannot read --Mapping_file '" << commandLine.mappingFile
        << "': " << error << "\n";
    return 1;
  }
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(std::move(input), llvm::SMLoc());
  SourceMgrDiagnosticHandler diagnostics(sourceMgr, &context);

  MaestroImportOptions importOptions;
  importOptions.hardwareFile = commandLine.hardwareFile;
  importOptions.hardware = commandLine.hardware;
  OwningOpRef<ModuleOp> module =
      importMaestro(sourceMgr, &context, importOptions);
  if (!module)
    return 1;
  HardwareConfig hardware = getHardwareConfig(*module);

  std::optional<std::vector<CostReport>> layers = costLayers(*module);
  if (!layers)
    return 1;
  llvm::raw_ostream &os = llvm::outs();
  if (commandLine.printResults) {
    for (const CostReport &layer : *layers)
      printLayerSummary(os, layer);
    printBufferAnalysis(os, *layers, hardware);
  }
  if (commandLine.writeCsv) {
    // The CSV is --accel-cost-model's report, one writer for both tools.
    PassManager pm(&context);
    pm.enableVerifier(false);
    AccelCostModelOptions costOptions;
    costOptions.reportPath = csvPathFor(commandLine.mappingFile);
    pm.addPass(createAccelCostModel(costOptions));
    if (failed(pm.run(*module)))
      return 1;
    printBandwidthAnalysis(os, *layers, hardware);
  }
  os.flush();
  return 0;
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM initLLVM(argc, argv);
  llvm::Expected<MaestroCommandLine> commandLine =
      parseMaestroCommandLine(argc, argv);
  if (!commandLine) {
    llvm::WithColor::error(llvm::errs(), kToolName)
        << llvm::toString(commandLine.takeError()) << "\n";
    return 1;
  }
  return run(*commandLine);
}
