//===- MaestroCommandLine.h - MAESTRO's flags -------------------*- C++ -*-===//
//
// MAESTRO's command line (maestro-top.cpp and its option.hpp, Boost
// program_options): `--name=value` or `--name value`, booleans spelled
// true/false, 1/0, yes/no or on/off, and any unambiguous prefix of a flag
// name standing for the flag (MAESTRO's own run_eval.sh passes `--l1_size`).
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_TOOLS_ACCEL_MAESTRO_MAESTROCOMMANDLINE_H
#define ACCEL_TOOLS_ACCEL_MAESTRO_MAESTROCOMMANDLINE_H

#include "accel/Model/Hardware.h"

#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace mlir::accel {

/// What MAESTRO's flags ask for.
struct MaestroCommandLine {
  std::string mappingFile;
  std::string hardwareFile; // empty: the hardware flags alone
  /// The hardware the flags give; with a hardware file, the values the
  /// file's keys override (MAESTRO's defaults for a file, not the flags).
  HardwareConfig hardware;
  bool printResults = true;
  bool writeCsv = true;
  bool writeLog = false;
  /// Hardware flags a hardware file overrides (MAESTRO ignores them then).
  std::vector<std::string> overriddenFlags;
};

/// Parses `argv` (exits with a message naming the flag on an unknown or
/// malformed one, as llvm::cl does); an error for flag combinations that
/// cannot run.
llvm::Expected<MaestroCommandLine> parseMaestroCommandLine(int argc,
                                                           char **argv);

} // namespace mlir::accel

#endif // ACCEL_TOOLS_ACCEL_MAESTRO_MAESTROCOMMANDLINE_H
