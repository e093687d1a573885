//===- Pipelines.h - The registered accel pipelines -------------*- C++ -*-===//
//
// `accel-analyze` (convert, assign or search a dataflow, cost model, report)
// and `accel-maeri` (convert, assign or search, MAERI schedule, simulate,
// report): what a compiler runs instead of spelling out the passes.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_PIPELINES_PIPELINES_H
#define ACCEL_PIPELINES_PIPELINES_H

#include "mlir/Pass/PassManager.h"
#include "mlir/Pass/PassOptions.h"

#include <string>

namespace mlir::accel {

/// The options both pipelines take: the dataflow, the report, and the
/// hardware (accel-set-target's; none keeps the module's `accel.target`).
template <typename Derived>
struct AccelPipelineOptionsBase : public PassPipelineOptions<Derived> {
  ::mlir::detail::PassOptions::Option<std::string> dataflow{
      *this, "dataflow",
      llvm::cl::desc("The dataflow of every layer: a library name or alias "
                     "(nvdla, rs, ...), `search` (accel-search-dataflow), or "
                     "`keep` (the layers' own)"),
      llvm::cl::init("nvdla")};
  ::mlir::detail::PassOptions::Option<std::string> report{
      *this, "report",
      llvm::cl::desc("Write the report: a .csv or .json path, or - for CSV "
                     "on standard output")};
  ::mlir::detail::PassOptions::Option<std::string> hwFile{
      *this, "hw-file",
      llvm::cl::desc("accel-set-target file=: a MAESTRO hardware file (.m) "
                     "or an MLIR file holding a target attribute")};
  ::mlir::detail::PassOptions::Option<std::string> target{
      *this, "target",
      llvm::cl::desc("accel-set-target target=: the target attribute")};
  ::mlir::detail::PassOptions::Option<int64_t> numPes{
      *this, "num-pes", llvm::cl::desc("accel-set-target num-pes="),
      llvm::cl::init(-1)};
  ::mlir::detail::PassOptions::Option<int64_t> l1Size{
      *this, "l1-size", llvm::cl::desc("accel-set-target l1-size="),
      llvm::cl::init(-1)};
  ::mlir::detail::PassOptions::Option<int64_t> l2Size{
      *this, "l2-size", llvm::cl::desc("accel-set-target l2-size="),
      llvm::cl::init(-1)};
  ::mlir::detail::PassOptions::Option<int64_t> nocBw{
      *this, "noc-bw", llvm::cl::desc("accel-set-target noc-bw="),
      llvm::cl::init(-1)};
  ::mlir::detail::PassOptions::Option<int64_t> offchipBw{
      *this, "offchip-bw", llvm::cl::desc("accel-set-target offchip-bw="),
      llvm::cl::init(-1)};
};

struct AccelAnalyzeOptions
    : public AccelPipelineOptionsBase<AccelAnalyzeOptions> {};

struct AccelMaeriOptions : public AccelPipelineOptionsBase<AccelMaeriOptions> {
  ::mlir::detail::PassOptions::Option<std::string> schedule{
      *this, "schedule",
      llvm::cl::desc("How layers get their MAERI schedule: `derive` "
                     "(accel-emit-maeri-schedule) or `search` "
                     "(accel-search-maeri-schedule)"),
      llvm::cl::init("derive")};
  ::mlir::detail::PassOptions::Option<bool> timingOnly{
      *this, "timing-only",
      llvm::cl::desc("accel-simulate timing-only=: cycles without data"),
      llvm::cl::init(false)};
};

void buildAccelAnalyzePipeline(OpPassManager &pm,
                               const AccelAnalyzeOptions &options);
void buildAccelMaeriPipeline(OpPassManager &pm,
                             const AccelMaeriOptions &options);

/// Registers `accel-analyze` and `accel-maeri`.
void registerAccelPipelines();

} // namespace mlir::accel

#endif // ACCEL_PIPELINES_PIPELINES_H
