//===- SearchDataflow.cpp - The best dataflow of every layer --------------===//

#include "accel/Analysis/Search/DataflowSearch.h"
#include "accel/Dialect/Accel/IR/AccelOps.h"
#include "accel/Dialect/Accel/Transforms/DataflowLibrary.h"
#include "accel/Dialect/Accel/Transforms/Passes.h"
#include "accel/Dialect/Accel/Transforms/LayerCost.h"
#include "accel/Dialect/Accel/Transforms/SearchDriver.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"

#include <map>

namespace mlir::accel {
#define GEN_PASS_DEF_ACCELSEARCHDATAFLOW
#include "accel/Dialect/Accel/Transforms/Passes.h.inc"
} // namespace mlir::accel

using namespace mlir;
using namespace mlir::accel;

namespace {

DataflowAttr dataflowAttrOf(MLIRContext *context, StringRef name,
                            ArrayRef<Directive> directives) {
  SmallVector<DirectiveAttrInterface> attrs;
  for (const Directive &d : directives) {
    Attribute attr;
    switch (d.kind) {
    case DirectiveKind::SpatialMap:
      attr = SpatialMapAttr::get(context, d.size, d.offset, d.dim);
      break;
    case DirectiveKind::TemporalMap:
      attr = TemporalMapAttr::get(context, d.size, d.offset, d.dim);
      break;
    case DirectiveKind::Cluster:
      attr = ClusterAttr::get(context, d.size, d.clusterKind);
      break;
    }
    attrs.push_back(cast<DirectiveAttrInterface>(attr));
  }
  return DataflowAttr::get(context, name, attrs);
}

/// What identifies a search: layers that agree on it get the same result.
std::string searchKey(LayerOp layer, const HardwareConfig &hw) {
  LayerShape shape = layer.getShape();
  std::string key = stringifyLayerKind(layer.getKind()).str();
  appendShapeKey(key, shape);
  for (int64_t v : {hw.numPEs, hw.simdLanes, hw.l1Size, hw.l2Size,
                    hw.nocBandwidth, hw.nocHops, hw.hopLatency,
                    int64_t(hw.multicast), hw.offchipBandwidth,
                    hw.elementSize})
    key += " h" + std::to_string(v);
  return key;
}

std::string describeFigures(const CostReport &r, const MappingScore &score) {
  return llvm::formatv("runtime {0} cycles, energy {1:f3} nJ{2}", r.runtime,
                       r.energy,
                       score.fits ? "" : " (exceeds the L1/L2 sizes)");
}

std::string describeDirectives(ArrayRef<Directive> directives) {
  SmallVector<std::string> parts;
  for (const Directive &d : directives)
    parts.push_back(describe(d));
  return "[" + llvm::join(parts, ", ") + "]";
}

struct SearchDataflowPass
    : public accel::impl::AccelSearchDataflowBase<SearchDataflowPass> {
  using Base::Base;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    MLIRContext *context = &getContext();
    std::optional<SearchObjective> parsedObjective =
        parseObjectiveOption(module, getArgument(), objective);
    if (!parsedObjective)
      return signalPassFailure();
    if (levels < 1 || levels > 2) {
      module.emitError() << "accel-search-dataflow: levels="
                         << static_cast<unsigned>(levels)
                         << " must be 1 or 2";
      return signalPassFailure();
    }
    if (maxEvaluations < 0) {
      module.emitError() << "accel-search-dataflow: max-evals must be >= 0";
      return signalPassFailure();
    }
    DataflowSearchOptions options;
    options.objective = *parsedObjective;
    options.maxEvaluations = maxEvaluations;
    options.seed = seed;
    options.levels = levels;

    // The library dataflows are the seeds.
    std::vector<NamedDataflow> seeds;
    for (const LibraryDataflowInfo &info : listLibraryDataflows(context)) {
      FailureOr<DataflowAttr> dataflow =
          lookupLibraryDataflow(context, info.name, module.getLoc());
      if (failed(dataflow))
        return signalPassFailure();
      NamedDataflow seed{info.name, {}};
      for (const Directive &d : dataflow->getModelDirectives())
        seed.directives.push_back(d);
      seeds.push_back(std::move(seed));
    }

    // One search per distinct (layer, machine).
    SmallVector<LayerOp> layers;
    SmallVector<HardwareConfig> machines;
    std::vector<size_t> searchOf;
    std::vector<DataflowSearch> searches;
    std::vector<std::string> names;
    std::map<std::string, size_t> byKey;
    module.walk([&](LayerOp layer) {
      HardwareConfig hw = getHardwareConfig(layer);
      auto [it, inserted] = byKey.try_emplace(searchKey(layer, hw),
                                              searches.size());
      if (inserted) {
        searches.emplace_back(costKindOf(layer.getKind()), layer.getShape(),
                              hw, seeds, options);
        names.push_back(layer.getName().str());
      }
      layers.push_back(layer);
      machines.push_back(hw);
      searchOf.push_back(it->second);
    });

    runSearches(context, getArgument(), searches, names, progress,
                [](const DataflowSearch &search) {
                  DataflowSearchResult r = search.result();
                  if (!r.found())
                    return std::string("no mapping applies");
                  return llvm::formatv("best {0}; {1} mappings evaluated, {2} "
                                       "pruned",
                                       describeFigures(r.report, r.score),
                                       r.stats.evaluated, r.stats.pruned)
                      .str();
                });

    std::vector<DataflowSearchResult> results;
    for (const DataflowSearch &search : searches) {
      results.push_back(search.result());
      numEvaluated += results.back().stats.evaluated;
      numPruned += results.back().stats.pruned;
    }
    bool failedAny = false;
    for (auto [i, layer] : llvm::enumerate(layers)) {
      const DataflowSearchResult &r = results[searchOf[i]];
      if (!r.found()) {
        layer.emitError() << "accel-search-dataflow: no mapping of the search "
                             "space and no library dataflow applies to layer '"
                          << layer.getName() << "'";
        failedAny = true;
        continue;
      }
      layer.setDataflowAttr(dataflowAttrOf(context, "searched", r.directives));
      std::string comparison;
      if (!r.seedName.empty())
        comparison = llvm::formatv("kept library dataflow '{0}', nothing "
                                   "searched ranks better",
                                   r.seedName);
      else if (!r.bestSeedName.empty())
        comparison = llvm::formatv(
            "best library dataflow '{0}': {1}; {2} {3:f2}x better",
            r.bestSeedName,
            describeFigures(r.bestSeedReport, r.bestSeedScore),
            stringifySearchObjective(options.objective),
            r.bestSeedScore.fits == r.score.fits && r.score.primary > 0
                ? r.bestSeedScore.primary / r.score.primary
                : 0.0);
      else
        comparison = "no library dataflow applies";
      const DataflowSearchStats &st = r.stats;
      emitRemark(layer.getLoc()) << llvm::formatv(
          "layer '{0}' ({1}): {2} {3}; {4}; {5} mappings evaluated, {6} "
          "pruned by bounds, {7} unvisited (budget), {8} rejected by the "
          "cost model, {9} computing fewer MACs than the layer, of {10} in "
          "the space and {11} library dataflows; {12} bound violations",
          layer.getName(), stringifySearchObjective(options.objective),
          describeDirectives(r.directives), describeFigures(r.report, r.score),
          comparison, st.evaluated, st.pruned, st.unvisited, st.invalid,
          st.incomplete, st.spaceSize, seeds.size(), st.boundViolations);
    }
    if (failedAny)
      signalPassFailure();
  }
};

} // namespace
