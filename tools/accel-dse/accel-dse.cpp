//===- accel-dse.cpp - Hardware design-space exploration ------------------===//
//
// `accel-dse SPEC -o DIR`: costs a network on every hardware configuration
// of SPEC's grid and writes DIR/points.csv (every point), DIR/pareto.csv and
// DIR/pareto.svg (the front over runtime, energy and area), with a summary
// line on stdout. docs/DSE.md describes the spec and the outputs.
//
// Under `mpirun -n N` (when built with MPI) the grid's chunks are dealt to
// the ranks round-robin and rank 0 merges; every chunk lands in
// DIR/journal/ as it finishes, so a rerun skips the finished ones and the
// outputs are the same bytes for any N. DIR must be on a file system all
// ranks share.
//
//===----------------------------------------------------------------------===//

#include "DseSpec.h"
#include "ParetoPlot.h"

#include "accel/Dialect/Accel/IR/AccelOps.h"
#include "accel/Dialect/Accel/Transforms/LayerCost.h"
#include "accel/InitAllAccel.h"
#include "accel/Target/Maestro/Maestro.h"

#include "mlir/Parser/Parser.h"
#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassRegistry.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Interfaces/FunctionInterfaces.h"
#include "mlir/Support/FileUtilities.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/xxhash.h"

#include <chrono>
#include <cstdio>

#ifdef ACCEL_DSE_HAVE_MPI
#include <mpi.h>

#if defined(__SANITIZE_ADDRESS__)
// OpenMPI keeps what MPI_Init allocates (some of it in components it has
// unloaded by exit, so no suppression can name it): LeakSanitizer would
// fail every sanitized run. The rest of ASan stays on.
extern "C" const char *__asan_default_options() { return "detect_leaks=0"; }
#endif
#endif

using namespace mlir;
using namespace mlir::accel;

namespace {

constexpr llvm::StringLiteral kToolName = "accel-dse";
/// Bumped when points.csv's columns or the journal's layout change.
constexpr llvm::StringLiteral kFormatVersion = "accel-dse journal 1";

llvm::cl::opt<std::string> specPath(llvm::cl::Positional,
                                    llvm::cl::desc("<spec.json>"),
                                    llvm::cl::Required);
llvm::cl::opt<std::string> outputDir("o", llvm::cl::desc("Output folder"),
                                     llvm::cl::value_desc("dir"),
                                     llvm::cl::Required);
llvm::cl::opt<uint64_t> chunkSize(
    "chunk-size",
    llvm::cl::desc("Points per journal chunk, the unit of work dealt to the "
                   "ranks and resumed (part of the journal's identity)"),
    llvm::cl::init(256));

/// This process's place among the MPI ranks (0 of 1 without MPI).
struct Ranks {
  int rank = 0;
  int size = 1;
  bool isRoot() const { return rank == 0; }

  /// Whether every rank succeeded at a collective step; rank 0 has said why
  /// when one did not.
  bool allOk(bool ok) const {
#ifdef ACCEL_DSE_HAVE_MPI
    int local = ok, all = 0;
    MPI_Allreduce(&local, &all, 1, MPI_INT, MPI_LAND, MPI_COMM_WORLD);
    return all;
#else
    return ok;
#endif
  }
  int64_t sum(int64_t value) const {
#ifdef ACCEL_DSE_HAVE_MPI
    long long local = value, total = 0;
    MPI_Reduce(&local, &total, 1, MPI_LONG_LONG, MPI_SUM, 0, MPI_COMM_WORLD);
    return total;
#else
    return value;
#endif
  }
  /// Rank 0's `values`, on every rank.
  void broadcast(std::vector<uint64_t> &values) const {
#ifdef ACCEL_DSE_HAVE_MPI
    unsigned long long count = values.size();
    MPI_Bcast(&count, 1, MPI_UNSIGNED_LONG_LONG, 0, MPI_COMM_WORLD);
    values.resize(count);
    static_assert(sizeof(uint64_t) == sizeof(unsigned long long));
    MPI_Bcast(values.data(), static_cast<int>(count), MPI_UNSIGNED_LONG_LONG,
              0, MPI_COMM_WORLD);
#else
    (void)values;
#endif
  }
};

llvm::raw_ostream &error() {
  return llvm::WithColor::error(llvm::errs(), kToolName);
}

/// The network's layers with their dataflows: a MAESTRO .m file (with its
/// own dataflows, or the spec's library one), or a linalg network converted
/// to accel layers that take the spec's library dataflow (with the mapper
/// and no library named, NVDLA's, as the search's seed).
std::optional<std::vector<DseLayer>> loadNetwork(const DseSpec &spec,
                                                 std::string &networkName) {
  const std::string &path = spec.networkPath;
  DialectRegistry registry;
  registerAllAccelDialects(registry);
  MLIRContext context(registry, MLIRContext::Threading::DISABLED);
  context.printOpOnDiagnostic(false);
  std::string message;
  std::unique_ptr<llvm::MemoryBuffer> input = openInputFile(path, &message);
  if (!input) {
    error() << "cannot read the network '" << path << "': " << message << "\n";
    return std::nullopt;
  }
  llvm::SourceMgr sourceMgr;
  sourceMgr.AddNewSourceBuffer(std::move(input), llvm::SMLoc());
  SourceMgrDiagnosticHandler diagnostics(sourceMgr, &context);
  bool isLinalg = llvm::StringRef(path).ends_with(".mlir");
  OwningOpRef<ModuleOp> module =
      isLinalg ? parseSourceFile<ModuleOp>(sourceMgr, &context)
               : importMaestro(sourceMgr, &context, MaestroImportOptions());
  if (!module)
    return std::nullopt;
  std::string dataflow = spec.libraryDataflow;
  if (isLinalg && dataflow.empty()) {
    if (!spec.mapper) {
      error() << "the linalg network '" << path
              << "' has no dataflows: name one with \"dataflow\": "
                 "{\"library\": NAME}, or search them with the mapper\n";
      return std::nullopt;
    }
    dataflow = "nvdla";
  }
  llvm::SmallVector<std::string, 2> passes;
  if (isLinalg)
    passes.push_back("convert-linalg-to-accel");
  if (!dataflow.empty())
    passes.push_back("accel-assign-dataflow{dataflow=" + dataflow + "}");
  if (!passes.empty()) {
    auto pm = PassManager::on<ModuleOp>(&context);
    if (failed(parsePassPipeline(llvm::join(passes, ","), pm)) ||
        failed(pm.run(*module)))
      return std::nullopt;
  }
  std::vector<DseLayer> layers;
  bool failed = false;
  module->walk([&](LayerOp layer) {
    DataflowAttr dataflow = layer.getDataflowAttr();
    if (!dataflow) {
      layer.emitError() << "layer '" << layer.getName()
                        << "' has no Dataflow block";
      failed = true;
      return;
    }
    if (networkName.empty())
      if (auto func = layer->getParentOfType<FunctionOpInterface>())
        networkName = func.getName().str();
    DseLayer entry;
    entry.name = layer.getName().str();
    entry.kind = costKindOf(layer.getKind());
    entry.shape = layer.getShape();
    entry.dataflowName = dataflow.getName().str();
    entry.directives.assign(dataflow.getModelDirectives());
    layers.push_back(std::move(entry));
  });
  if (failed)
    return std::nullopt;
  if (layers.empty()) {
    error() << "the network '" << path << "' has no layer\n";
    return std::nullopt;
  }
  return layers;
}

std::string num(double v) {
  char text[32];
  std::snprintf(text, sizeof(text), "%.6g", v);
  return text;
}

// points.csv: the configuration, its status, then the figures.
constexpr llvm::StringLiteral kFigureColumns =
    "status,runtime_cycles,energy_nj,area_um2,power_mw,pe_power_mw,"
    "l1_power_mw,l2_power_mw,noc_power_mw,l1_size_req,l2_size_req,"
    "peak_noc_bw_req,offchip_bw_req,macs_per_cycle";

std::string csvHeader(const DesignSpace &space) {
  std::string header = "point";
  for (unsigned axis = 0; axis < kNumSweepAxes; ++axis)
    if (!space.values(static_cast<SweepAxis>(axis)).empty())
      header += "," + sweepAxisName(static_cast<SweepAxis>(axis)).str();
  return header + "," + kFigureColumns.str();
}

/// Where the figures start in a row: after the point number and the axes.
unsigned statusColumn(const DesignSpace &space) {
  unsigned column = 1;
  for (unsigned axis = 0; axis < kNumSweepAxes; ++axis)
    column += !space.values(static_cast<SweepAxis>(axis)).empty();
  return column;
}

void appendRow(std::string &out, const DesignSpace &space, uint64_t index,
               const PointResult &r) {
  llvm::raw_string_ostream os(out);
  os << index;
  // The axis values, recovered as DesignSpace::point numbers them.
  llvm::SmallVector<int64_t, kNumSweepAxes> values;
  uint64_t rest = index;
  for (unsigned axis = kNumSweepAxes; axis-- > 0;) {
    llvm::ArrayRef<int64_t> axisValues =
        space.values(static_cast<SweepAxis>(axis));
    if (axisValues.empty())
      continue;
    values.push_back(axisValues[rest % axisValues.size()]);
    rest /= axisValues.size();
  }
  for (int64_t v : llvm::reverse(values))
    os << ',' << v;
  os << ',' << pointStatusName(r.status);
  if (r.status == PointStatus::InvalidHardware ||
      r.status == PointStatus::Unmappable) {
    os << ",,," << num(r.areaPower.area) << ',' << num(r.areaPower.power)
       << ",,,,,,,,,\n";
    return;
  }
  const AreaPowerReport &ap = r.areaPower;
  os << ',' << r.runtime << ',' << num(r.energy) << ',' << num(ap.area) << ','
     << num(ap.power) << ',' << num(ap.pePower) << ',' << num(ap.l1Power)
     << ',' << num(ap.l2Power) << ',' << num(ap.nocPower) << ','
     << r.l1SizeReq << ',' << r.l2SizeReq << ',' << r.peakNocBw << ','
     << r.offchipBw << ','
     << num(r.runtime > 0 ? static_cast<double>(r.numMACs) / r.runtime : 0.0)
     << '\n';
}

std::string journalDir() {
  llvm::SmallString<256> path(outputDir);
  llvm::sys::path::append(path, "journal");
  return path.str().str();
}

std::string chunkPath(uint64_t chunk) {
  llvm::SmallString<256> path(journalDir());
  llvm::sys::path::append(path, llvm::formatv("{0:8}.csv", chunk).str());
  // formatv pads with spaces; the names sort as numbers with zeros.
  std::string name = path.str().str();
  std::replace(name.end() - 12, name.end() - 4, ' ', '0');
  return name;
}

/// Writes `text` to `path` through a temporary file renamed into place, so
/// a chunk in the journal is whole or absent.
bool writeAtomically(const std::string &path, llvm::StringRef text) {
  std::string temporary = path + ".tmp" +
                          std::to_string(llvm::sys::Process::getProcessId());
  {
    std::error_code ec;
    llvm::raw_fd_ostream os(temporary, ec);
    if (ec) {
      error() << "cannot write '" << temporary << "': " << ec.message()
              << "\n";
      return false;
    }
    os << text;
    os.close();
    if (os.has_error()) {
      error() << "cannot write '" << temporary << "'\n";
      return false;
    }
  }
  if (std::error_code ec = llvm::sys::fs::rename(temporary, path)) {
    error() << "cannot rename '" << temporary << "': " << ec.message() << "\n";
    return false;
  }
  return true;
}

/// Rank 0: makes DIR/journal for this sweep (`fingerprint` identifies spec
/// and network) and lists the chunks still to do; fails on a journal of
/// another sweep.
bool prepareJournal(llvm::StringRef fingerprint, uint64_t numChunks,
                    std::vector<uint64_t> &pending) {
  if (std::error_code ec = llvm::sys::fs::create_directories(journalDir())) {
    error() << "cannot create '" << journalDir() << "': " << ec.message()
            << "\n";
    return false;
  }
  llvm::SmallString<256> stamp(journalDir());
  llvm::sys::path::append(stamp, "sweep.txt");
  if (llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> existing =
          llvm::MemoryBuffer::getFile(stamp)) {
    if ((*existing)->getBuffer() != fingerprint) {
      error() << "'" << outputDir
              << "' holds another sweep (its spec, network or accel-dse "
                 "differ): remove it or choose another folder\n";
      return false;
    }
  } else if (!writeAtomically(stamp.str().str(), fingerprint)) {
    return false;
  }
  for (uint64_t chunk = 0; chunk < numChunks; ++chunk)
    if (!llvm::sys::fs::exists(chunkPath(chunk)))
      pending.push_back(chunk);
  return true;
}

/// Shows rank 0's progress on a terminal.
class Progress {
public:
  Progress(bool enabled, size_t total) : enabled(enabled), total(total) {}
  void update(size_t done) {
    if (!enabled)
      return;
    llvm::errs() << llvm::formatv("\r{0}: rank 0: {1}/{2} chunks", kToolName,
                                  done, total);
  }
  ~Progress() {
    if (enabled)
      llvm::errs() << "\n";
  }

private:
  bool enabled;
  size_t total;
};

struct Row {
  uint64_t index;
  llvm::StringRef text; // without the newline
  std::string status;
  ParetoObjectives objectives;
};

/// Rank 0: points.csv from the journal, then the front and the plot;
/// returns the summary's figures.
bool mergeOutputs(const DesignSpace &space, uint64_t numChunks,
                  llvm::StringRef networkName, std::string &summary) {
  std::string points = csvHeader(space) + "\n";
  for (uint64_t chunk = 0; chunk < numChunks; ++chunk) {
    llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> text =
        llvm::MemoryBuffer::getFile(chunkPath(chunk));
    if (!text) {
      error() << "chunk '" << chunkPath(chunk)
              << "' is missing: is the output folder on a file system all "
                 "ranks share?\n";
      return false;
    }
    points += (*text)->getBuffer().str();
  }

  unsigned statusAt = statusColumn(space);
  std::vector<Row> rows;
  llvm::SmallVector<llvm::StringRef, 32> fields;
  llvm::StringRef rest = llvm::StringRef(points).split('\n').second;
  while (!rest.empty()) {
    auto [line, tail] = rest.split('\n');
    rest = tail;
    fields.clear();
    line.split(fields, ',');
    Row row{0, line, fields[statusAt].str(), {}};
    fields[0].getAsInteger(10, row.index);
    if (row.status == "ok") {
      fields[statusAt + 1].getAsDouble(row.objectives.runtime);
      fields[statusAt + 2].getAsDouble(row.objectives.energy);
      fields[statusAt + 3].getAsDouble(row.objectives.area);
    }
    rows.push_back(row);
  }
  if (rows.size() != space.size()) {
    error() << "the journal holds " << rows.size() << " points, the sweep "
            << space.size() << ": remove '" << journalDir() << "'\n";
    return false;
  }

  std::vector<size_t> candidates;
  std::vector<ParetoObjectives> objectives;
  llvm::StringMap<int64_t> byStatus;
  for (auto [i, row] : llvm::enumerate(rows)) {
    ++byStatus[row.status];
    if (row.status == "ok") {
      candidates.push_back(i);
      objectives.push_back(row.objectives);
    }
  }
  std::vector<size_t> front = paretoFront(objectives);
  // Fastest first.
  std::vector<size_t> frontByRuntime = front;
  llvm::stable_sort(frontByRuntime, [&](size_t a, size_t b) {
    return objectives[a].runtime < objectives[b].runtime;
  });

  std::string pareto = csvHeader(space) + "\n";
  for (size_t f : frontByRuntime)
    pareto += rows[candidates[f]].text.str() + "\n";

  std::string svg;
  {
    llvm::raw_string_ostream os(svg);
    writeParetoSvg(os,
                   llvm::formatv("{0}: {1} configurations within budget of "
                                 "{2}",
                                 networkName, candidates.size(), space.size())
                       .str(),
                   objectives, front);
  }
  for (auto [name, text] :
       {std::pair<const char *, const std::string *>{"points.csv", &points},
        {"pareto.csv", &pareto},
        {"pareto.svg", &svg}}) {
    llvm::SmallString<256> path(outputDir);
    llvm::sys::path::append(path, name);
    if (!writeAtomically(path.str().str(), *text))
      return false;
  }

  std::string statuses;
  for (PointStatus status :
       {PointStatus::Ok, PointStatus::L1Overflow, PointStatus::L2Overflow,
        PointStatus::OverArea, PointStatus::OverPower,
        PointStatus::InvalidHardware, PointStatus::Unmappable}) {
    int64_t count = byStatus.lookup(pointStatusName(status));
    if (count)
      statuses += llvm::formatv("{0}{1} {2}", statuses.empty() ? "" : ", ",
                                count, pointStatusName(status));
  }
  summary = llvm::formatv("{0} points ({1}), {2} on the Pareto front",
                          space.size(), statuses, front.size());
  if (!frontByRuntime.empty()) {
    const Row &fastest = rows[candidates[frontByRuntime.front()]];
    summary += llvm::formatv(", fastest point {0}: {1} cycles",
                             fastest.index,
                             num(objectives[frontByRuntime.front()].runtime));
  }
  return true;
}

int run(const Ranks &ranks) {
  auto started = std::chrono::steady_clock::now();
  std::string specText;
  std::optional<DseSpec> spec;
  if (llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> file =
          llvm::MemoryBuffer::getFile(specPath)) {
    specText = (*file)->getBuffer().str();
    llvm::Expected<DseSpec> parsed = parseDseSpec(specText, specPath);
    if (parsed)
      spec = std::move(*parsed);
    else if (ranks.isRoot())
      error() << "spec '" << specPath
              << "': " << llvm::toString(parsed.takeError()) << "\n";
    else
      llvm::consumeError(parsed.takeError());
  } else if (ranks.isRoot()) {
    error() << "cannot read the spec '" << specPath
            << "': " << file.getError().message() << "\n";
  }
  std::string networkName;
  std::optional<std::vector<DseLayer>> layers;
  if (spec)
    layers = loadNetwork(*spec, networkName);
  if (!ranks.allOk(layers.has_value()))
    return 1;

  double gridSize = 1;
  for (const std::vector<int64_t> &values : spec->axes)
    gridSize *= std::max<size_t>(values.size(), 1);
  if (gridSize > 1e12) {
    if (ranks.isRoot())
      error() << "the grid has " << gridSize << " points, more than 10^12\n";
    return 1;
  }
  DesignSpace space(spec->base, spec->axes);
  if (chunkSize == 0) {
    if (ranks.isRoot())
      error() << "--chunk-size must be positive\n";
    return 1;
  }
  uint64_t numChunks = (space.size() + chunkSize - 1) / chunkSize;

  // What the journal's chunks were computed from: the spec, the network
  // and this format.
  std::string networkText;
  if (auto file = llvm::MemoryBuffer::getFile(spec->networkPath))
    networkText = (*file)->getBuffer().str();
  std::string fingerprint =
      llvm::formatv(
          "{0}\nspec {1:x16}\nnetwork {2:x16}\npoints {3}\nchunk {4}\n",
          kFormatVersion, llvm::xxh3_64bits(specText),
          llvm::xxh3_64bits(networkText), space.size(), chunkSize.getValue())
          .str();
  std::vector<uint64_t> pending;
  bool prepared = true;
  if (ranks.isRoot())
    prepared = prepareJournal(fingerprint, numChunks, pending);
  if (!ranks.allOk(prepared))
    return 1;
  ranks.broadcast(pending);

  // The pending chunks, dealt round-robin.
  NetworkEvaluator evaluator(*layers, spec->budgets, spec->mapper);
  std::vector<uint64_t> mine;
  for (size_t i = ranks.rank; i < pending.size(); i += ranks.size)
    mine.push_back(pending[i]);
  bool ok = true;
  {
    Progress progress(ranks.isRoot() && llvm::errs().is_displayed(),
                      mine.size());
    for (auto [done, chunk] : llvm::enumerate(mine)) {
      std::string text;
      uint64_t end = std::min(space.size(), (chunk + 1) * chunkSize);
      for (uint64_t index = chunk * chunkSize; index < end; ++index)
        appendRow(text, space, index, evaluator.evaluate(space.point(index)));
      if (!writeAtomically(chunkPath(chunk), text)) {
        ok = false;
        break;
      }
      progress.update(done + 1);
    }
  }
  int64_t computed = ranks.sum(evaluator.stats().computed);
  int64_t reused = ranks.sum(evaluator.stats().reused);
  if (!ranks.allOk(ok))
    return 1;

  if (!ranks.isRoot())
    return 0;
  std::string summary;
  if (!mergeOutputs(space, numChunks, networkName, summary))
    return 1;
  double seconds = std::chrono::duration<double>(
                       std::chrono::steady_clock::now() - started)
                       .count();
  uint64_t resumedPoints = space.size();
  for (uint64_t chunk : pending)
    resumedPoints -= std::min(space.size(), (chunk + 1) * chunkSize) -
                     chunk * chunkSize;
  llvm::outs() << llvm::formatv(
      "{0}: {1} x {2} layers; {3} layer evaluations computed, {4} reused; "
      "{5} points resumed from the journal; {6} rank(s), {7:f2} s\n",
      kToolName, summary, evaluator.numLayers(), computed, reused,
      resumedPoints, ranks.size, seconds);
  return 0;
}

} // namespace

int main(int argc, char **argv) {
  llvm::InitLLVM initLLVM(argc, argv);
  // The passes a linalg network goes through, by name.
  registerAllAccelPasses();
  Ranks ranks;
#ifdef ACCEL_DSE_HAVE_MPI
  MPI_Init(&argc, &argv);
  MPI_Comm_rank(MPI_COMM_WORLD, &ranks.rank);
  MPI_Comm_size(MPI_COMM_WORLD, &ranks.size);
#else
  // Started by a launcher as several processes, each would write the same
  // files: refuse.
  for (const char *variable : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE"})
    if (std::optional<std::string> size = llvm::sys::Process::GetEnv(variable))
      if (*size != "1") {
        error() << "started as " << *size
                << " MPI ranks, but built without MPI (install OpenMPI and "
                   "rebuild)\n";
        return 1;
      }
#endif
  // The MPI test (test/Tools/lit.local.cfg) asks --version.
  llvm::cl::AddExtraVersionPrinter([](llvm::raw_ostream &os) {
#ifdef ACCEL_DSE_HAVE_MPI
    os << "accel-dse: built with MPI\n";
#else
    os << "accel-dse: built without MPI\n";
#endif
  });
  llvm::cl::ParseCommandLineOptions(
      argc, argv,
      "accel-dse: hardware design-space exploration (docs/DSE.md)\n");
  int status = run(ranks);
#ifdef ACCEL_DSE_HAVE_MPI
  MPI_Finalize();
#endif
  return status;
}
