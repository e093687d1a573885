//===- MaestroCommandLine.cpp - MAESTRO's flags ---------------------------===//

#include "MaestroCommandLine.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"

#include <climits>

using namespace mlir::accel;
namespace cl = llvm::cl;

namespace {

cl::OptionCategory maestroCategory("MAESTRO's flags");
cl::OptionCategory compatibilityCategory(
    "MAESTRO's flags that change nothing in its command-line run (accepted "
    "for its scripts, ignored here too)");

/// Boost's spellings of a boolean, which MAESTRO's scripts may use.
struct BoostBoolParser : cl::parser<bool> {
  using cl::parser<bool>::parser;
  bool parse(cl::Option &option, llvm::StringRef, llvm::StringRef arg,
             bool &value) {
    std::string word = arg.lower();
    if (llvm::is_contained({"true", "1", "yes", "on"}, word)) {
      value = true;
      return false;
    }
    if (llvm::is_contained({"false", "0", "no", "off"}, word)) {
      value = false;
      return false;
    }
    return option.error("'" + arg +
                        "' is not a boolean (true/false, 1/0, yes/no, on/off)");
  }
};
using Bool = cl::opt<bool, false, BoostBoolParser>;

// The flags and defaults of MAESTRO's option.hpp.
cl::opt<std::string> mappingFile("Mapping_file",
                                 cl::desc("The .m file: network and mapping"),
                                 cl::value_desc("file"),
                                 cl::cat(maestroCategory));
cl::opt<std::string>
    hardwareFile("HW_file",
                 cl::desc("Hardware file (num_pes: ..., l1_size_cstr: ...); "
                          "sets all the hardware, as in MAESTRO"),
                 cl::value_desc("file"), cl::cat(maestroCategory));
Bool printResults("print_res", cl::init(true), cl::ValueRequired,
                  cl::desc("Print MAESTRO's summary on standard output"),
                  cl::cat(maestroCategory));
Bool writeCsv("print_res_csv_file", cl::init(true), cl::ValueRequired,
              cl::desc("Write the per-layer CSV (named after the mapping "
                       "file, where MAESTRO writes it)"),
              cl::cat(maestroCategory));
Bool writeLog("print_log_file", cl::init(false), cl::ValueRequired,
              cl::desc("MAESTRO's per-case trace (log.txt): not written here"),
              cl::cat(maestroCategory));

cl::opt<int> numPEs("num_pes", cl::init(7), cl::desc("Number of PEs"),
                    cl::cat(maestroCategory));
cl::opt<int> simdLanes("num_simd_lanes", cl::init(1),
                       cl::desc("ALUs per PE (vector width)"),
                       cl::cat(maestroCategory));
cl::opt<int> l1Size("l1_size_cstr", cl::init(INT_MAX),
                    cl::desc("L1 size per PE, bytes"),
                    cl::cat(maestroCategory));
cl::opt<int> l2Size("l2_size_cstr", cl::init(INT_MAX),
                    cl::desc("L2 size, bytes"), cl::cat(maestroCategory));
cl::opt<int> nocBandwidth("noc_bw_cstr", cl::init(INT_MAX),
                          cl::desc("NoC bandwidth, elements per cycle"),
                          cl::cat(maestroCategory));
cl::opt<int> offchipBandwidth("offchip_bw_cstr", cl::init(70000),
                              cl::desc("Off-chip bandwidth, elements per "
                                       "cycle"),
                              cl::cat(maestroCategory));
cl::opt<int> nocHops("noc_hops", cl::init(1),
                     cl::desc("Average number of NoC hops"),
                     cl::cat(maestroCategory));
cl::opt<int> hopLatency("noc_hop_latency", cl::init(0),
                        cl::desc("Cycles per NoC hop"),
                        cl::cat(maestroCategory));
Bool multicast("noc_mc_support", cl::init(true), cl::ValueRequired,
               cl::desc("NoC multicast (MAESTRO ignores it and always "
                        "multicasts; honoured here)"),
               cl::cat(maestroCategory));
Bool bandwidthSweep("bw_sweep", cl::init(false), cl::ValueRequired,
                    cl::desc("With --top_bw_only: MAESTRO's NoC bandwidth "
                             "sweep (not supported)"),
                    cl::cat(maestroCategory));
Bool topBandwidthOnly("top_bw_only", cl::init(false), cl::ValueRequired,
                      cl::desc("With --bw_sweep: MAESTRO's NoC bandwidth "
                               "sweep (not supported)"),
                      cl::cat(maestroCategory));

// Parsed by MAESTRO and then unused by its command-line run.
cl::opt<int> messageLevel("msg_print_lv", cl::cat(compatibilityCategory));
cl::opt<std::string> dataflowFile("dataflow_file",
                                  cl::cat(compatibilityCategory));
cl::opt<std::string> layerFile("layer_file", cl::cat(compatibilityCategory));
Bool implicitReduction("do_implicit_reduction", cl::ValueRequired,
                       cl::cat(compatibilityCategory));
Bool fineGrainedSync("do_fg_sync", cl::ValueRequired,
                     cl::cat(compatibilityCategory));
Bool reductionOp("do_reduction_op", cl::ValueRequired,
                 cl::cat(compatibilityCategory));
Bool fullBuffer("full_buffer", cl::ValueRequired,
                cl::cat(compatibilityCategory));
Bool designSpaceExploration("do_dse", cl::ValueRequired,
                            cl::cat(compatibilityCategory));
Bool verbose("verbose", cl::ValueRequired, cl::cat(compatibilityCategory));
Bool printDesignSpace("print_design_space", cl::ValueRequired,
                      cl::cat(compatibilityCategory));
Bool printSpace("print_space", cl::ValueRequired,
                cl::cat(compatibilityCategory));
cl::opt<int> minPEs("min_num_PEs", cl::cat(compatibilityCategory));
cl::opt<int> maxPEs("max_num_PEs", cl::cat(compatibilityCategory));
cl::opt<int> minNocBandwidth("min_noc_bw", cl::cat(compatibilityCategory));
cl::opt<int> maxNocBandwidth("max_noc_bw", cl::cat(compatibilityCategory));
cl::opt<int> peTick("pe_tick", cl::cat(compatibilityCategory));
cl::opt<int> bandwidthTick("bw_tick", cl::cat(compatibilityCategory));
cl::opt<double> areaConstraint("area_constraint",
                               cl::cat(compatibilityCategory));
cl::opt<double> powerConstraint("power_constraint",
                                cl::cat(compatibilityCategory));
cl::opt<std::string> optimizationTarget("optimization_target",
                                        cl::cat(compatibilityCategory));

bool isMaestroFlag(const cl::Option &option) {
  return llvm::any_of(option.Categories, [](cl::OptionCategory *category) {
    return category == &maestroCategory || category == &compatibilityCategory;
  });
}

/// `args` with every unambiguous prefix of a MAESTRO flag spelled out, as
/// Boost takes them; an error for a prefix of several.
llvm::Expected<std::vector<std::string>>
completeFlagPrefixes(llvm::ArrayRef<const char *> args) {
  const auto &registered = cl::getRegisteredOptions();
  std::vector<std::string> completed;
  for (llvm::StringRef arg : args) {
    completed.push_back(arg.str());
    if (!arg.starts_with("--"))
      continue;
    auto [name, value] = arg.drop_front(2).split('=');
    if (name.empty() || registered.count(name))
      continue;
    std::vector<llvm::StringRef> candidates;
    for (auto &[flag, option] : registered)
      if (flag.starts_with(name) && isMaestroFlag(*option))
        candidates.push_back(flag);
    if (candidates.size() == 1) {
      completed.back() = "--" + candidates.front().str() +
                         arg.substr(2 + name.size()).str();
    } else if (candidates.size() > 1) {
      llvm::sort(candidates);
      return llvm::createStringError(
          "flag '--" + name + "' is ambiguous: it could be --" +
          llvm::join(candidates, ", --"));
    }
  }
  return completed;
}

} // namespace

llvm::Expected<MaestroCommandLine>
mlir::accel::parseMaestroCommandLine(int argc, char **argv) {
  llvm::Expected<std::vector<std::string>> args =
      completeFlagPrefixes(llvm::ArrayRef(argv, argc));
  if (!args)
    return args.takeError();
  std::vector<const char *> argPointers;
  for (const std::string &arg : *args)
    argPointers.push_back(arg.c_str());
  cl::HideUnrelatedOptions({&maestroCategory, &compatibilityCategory});
  cl::ParseCommandLineOptions(
      argPointers.size(), argPointers.data(),
      "MAESTRO's command line on accel-mlir's cost model\n\n"
      "  accel-maestro --HW_file=HW.m --Mapping_file=NET.m [--print_res=...]\n"
      "\nWrites NET.csv where MAESTRO does (docs/Maestro.md, \"Switching "
      "from MAESTRO\").\n");

  if (mappingFile.empty())
    return llvm::createStringError("no --Mapping_file given");
  if (bandwidthSweep && topBandwidthOnly)
    return llvm::createStringError(
        "MAESTRO's NoC bandwidth sweep (--bw_sweep with --top_bw_only) is not "
        "supported: run once per bandwidth with --noc_bw_cstr");

  MaestroCommandLine result;
  result.mappingFile = mappingFile;
  result.hardwareFile = hardwareFile;
  result.printResults = printResults;
  result.writeCsv = writeCsv;
  result.writeLog = writeLog;

  HardwareConfig &hw = result.hardware;
  hw.simdLanes = simdLanes;
  hw.multicast = multicast;
  if (hardwareFile.empty()) {
    hw.numPEs = numPEs;
    hw.l1Size = l1Size;
    hw.l2Size = l2Size;
    hw.nocBandwidth = nocBandwidth;
    hw.offchipBandwidth = offchipBandwidth;
    hw.nocHops = nocHops;
    hw.hopLatency = hopLatency;
    if (llvm::Error error = hw.validate())
      return llvm::createStringError("invalid hardware flags: " +
                                     llvm::toString(std::move(error)));
    return result;
  }
  // What MAESTRO assumes for a key its hardware file leaves out; its NoC
  // latency is then the file's hop count, one cycle a hop.
  hw.numPEs = 1;
  hw.l1Size = hw.l2Size = hw.nocBandwidth = hw.offchipBandwidth = INT_MAX;
  hw.nocHops = 1;
  hw.hopLatency = 1;
  for (const cl::opt<int> *flag : {&numPEs, &l1Size, &l2Size, &nocBandwidth,
                                   &offchipBandwidth, &nocHops, &hopLatency})
    if (flag->getNumOccurrences())
      result.overriddenFlags.push_back(flag->ArgStr.str());
  return result;
}
