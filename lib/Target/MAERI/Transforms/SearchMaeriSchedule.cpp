//===- SearchMaeriSchedule.cpp - The best MAERI schedule of every layer ---===//

#include "accel/Analysis/Search/MaeriScheduleSearch.h"
#include "accel/Dialect/Accel/IR/AccelOps.h"
#include "accel/Target/MAERI/Transforms/Passes.h"
#include "accel/Target/MAERI/IR/MaeriAttributes.h"
#include "accel/Dialect/Accel/Transforms/SearchDriver.h"

#include "llvm/Support/FormatVariadic.h"

#include <map>

namespace mlir::accel {
#define GEN_PASS_DEF_ACCELSEARCHMAERISCHEDULE
#include "accel/Target/MAERI/Transforms/Passes.h.inc"
} // namespace mlir::accel

using namespace mlir;
using namespace mlir::accel;

namespace {

std::string describeSchedule(const MaeriSchedule &s,
                             const LayerShape &shape) {
  std::string order;
  for (Dim d : s.order)
    order += (order.empty() ? "" : " ") + stringifyDim(d).str();
  return llvm::formatv("VN {0}x{1}x{2} (T_R x T_S x T_C) x {3} VNs (T_K {4}, "
                       "T_Y' {5}, T_X' {6}, T_N {7}, T_G {8}), {9} folds, "
                       "order {10}",
                       s[TileDim::R], s[TileDim::S], s[TileDim::C],
                       s.numVNs(), s[TileDim::K], s[TileDim::OY],
                       s[TileDim::OX], s[TileDim::N], s[TileDim::G],
                       s.folds(shape), order);
}

struct SearchMaeriSchedulePass
    : public accel::impl::AccelSearchMaeriScheduleBase<
          SearchMaeriSchedulePass> {
  using Base::Base;

  void getDependentDialects(DialectRegistry &registry) const override {
    Base::getDependentDialects(registry);
    registerMaeriTarget(registry);
  }

  void runOnOperation() override {
    ModuleOp module = getOperation();
    MLIRContext *context = &getContext();
    std::optional<SearchObjective> parsedObjective =
        parseObjectiveOption(module, getArgument(), objective);
    if (!parsedObjective)
      return signalPassFailure();
    if (*parsedObjective != SearchObjective::Runtime) {
      module.emitError() << "accel-search-maeri-schedule: the MAERI cycle "
                            "model gives cycles only, so objective="
                         << objective
                         << " cannot be ranked; use objective=runtime";
      return signalPassFailure();
    }
    if (maxEvaluations < 0) {
      module.emitError()
          << "accel-search-maeri-schedule: max-evals must be >= 0";
      return signalPassFailure();
    }
    MaeriScheduleSearchOptions options;
    options.maxEvaluations = maxEvaluations;
    options.seed = seed;

    SmallVector<LayerOp> layers;
    std::vector<size_t> searchOf;
    std::vector<MaeriScheduleSearch> searches;
    std::vector<std::string> names;
    std::map<std::string, size_t> byKey;
    bool failedAny = false;
    module.walk([&](LayerOp layer) {
      FailureOr<MaeriTargetModel> maeri = getMaeriTargetModelOrEmit(layer);
      if (failed(maeri)) {
        failedAny = true;
        return;
      }
      LayerShape shape = layer.getShape();
      // The seeds: what --accel-emit-maeri-schedule attaches (the
      // dataflow's schedule when MAERI can run it), and the default.
      SmallVector<NamedSchedule, 2> seeds;
      std::string key;
      if (DataflowAttr dataflow = layer.getDataflowAttr()) {
        llvm::Expected<MaeriSchedule> derived =
            deriveSchedule(dataflow.getModelDirectives(), shape, *maeri);
        if (derived)
          seeds.push_back({"dataflow '" + dataflow.getName().str() + "'",
                           *derived});
        else
          llvm::consumeError(derived.takeError());
        llvm::raw_string_ostream os(key);
        os << dataflow;
      }
      seeds.push_back({"default", defaultSchedule(shape, *maeri)});
      key += llvm::formatv(" {0} {1} {2} {3}", maeri->numMultipliers(),
                           maeri->distributionBandwidth(),
                           maeri->reductionBandwidth(),
                           MaeriScheduleAttr::get(context, seeds.back().schedule,
                                                  shape));
      appendShapeKey(key, shape);
      auto [it, inserted] = byKey.try_emplace(key, searches.size());
      if (inserted) {
        searches.emplace_back(shape, *maeri, seeds, options);
        names.push_back(layer.getName().str());
      }
      layers.push_back(layer);
      searchOf.push_back(it->second);
    });
    if (failedAny)
      return signalPassFailure();

    runSearches(context, getArgument(), searches, names, progress,
                [](const MaeriScheduleSearch &search) {
                  MaeriScheduleSearchResult r = search.result();
                  return llvm::formatv("best {0} cycles; {1} schedules "
                                       "evaluated, {2} pruned",
                                       r.cycles, r.stats.evaluated,
                                       r.stats.pruned)
                      .str();
                });

    std::vector<MaeriScheduleSearchResult> results;
    for (const MaeriScheduleSearch &search : searches)
      results.push_back(search.result());
    for (auto [i, layer] : llvm::enumerate(layers)) {
      const MaeriScheduleSearchResult &r = results[searchOf[i]];
      LayerShape shape = layer.getShape();
      if (!r.found()) {
        layer.emitError() << "accel-search-maeri-schedule: no schedule runs "
                             "layer '"
                          << layer.getName() << "' on this MAERI";
        failedAny = true;
        continue;
      }
      layer.setScheduleAttr(MaeriScheduleAttr::get(context, r.schedule, shape));
      std::string comparison =
          r.seedName.empty()
              ? llvm::formatv("{0:f2}x faster than the {1} schedule ({2} "
                              "cycles)",
                              double(r.bestSeedCycles) / double(r.cycles),
                              r.bestSeedName, r.bestSeedCycles)
                    .str()
              : "kept the " + r.seedName +
                    " schedule, nothing searched is faster";
      const MaeriScheduleSearchStats &st = r.stats;
      emitRemark(layer.getLoc()) << llvm::formatv(
          "layer '{0}': {1}: {2} cycles; {3}; {4} schedules evaluated, {5} "
          "pruned by bounds, {6} unvisited (budget), {7} rejected, of {8} in "
          "the space; {9} bound violations",
          layer.getName(), describeSchedule(r.schedule, shape), r.cycles,
          comparison, st.evaluated, st.pruned, st.unvisited, st.invalid,
          st.spaceSize, st.boundViolations);
    }
    if (failedAny)
      signalPassFailure();
  }
};

} // namespace
