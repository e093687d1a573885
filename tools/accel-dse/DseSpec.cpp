//===- DseSpec.cpp - accel-dse's sweep specification ----------------------===//

#include "DseSpec.h"

#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"

#include <cmath>

using namespace mlir::accel;
using llvm::json::Object;
using llvm::json::Value;

namespace {

llvm::Error specError(const llvm::Twine &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 message.str());
}

/// Replaces every ${NAME} with the environment variable NAME; an error
/// names an unset one.
llvm::Expected<std::string> expandVariables(llvm::StringRef text) {
  std::string out;
  while (!text.empty()) {
    size_t start = text.find("${");
    if (start == llvm::StringRef::npos) {
      out += text.str();
      break;
    }
    size_t end = text.find('}', start);
    if (end == llvm::StringRef::npos)
      return specError("unterminated ${ in '" + text + "'");
    out += text.substr(0, start).str();
    llvm::StringRef name = text.slice(start + 2, end);
    std::optional<std::string> value = llvm::sys::Process::GetEnv(name);
    if (!value)
      return specError("the environment variable " + name +
                       " is not set (named in \"network\")");
    out += *value;
    text = text.substr(end + 1);
  }
  return out;
}

/// An axis: a number, a list of numbers, or {"from", "to"} with "step" (an
/// arithmetic range) or "factor" (a geometric one).
llvm::Expected<std::vector<int64_t>> parseAxis(llvm::StringRef name,
                                               const Value &value) {
  auto positive = [&](std::optional<int64_t> v) -> llvm::Expected<int64_t> {
    if (!v || *v <= 0)
      return specError(llvm::formatv(
          "hardware.{0}: values must be positive integers", name));
    return *v;
  };
  std::vector<int64_t> values;
  if (value.getAsInteger()) {
    llvm::Expected<int64_t> v = positive(value.getAsInteger());
    if (!v)
      return v.takeError();
    values.push_back(*v);
  } else if (const llvm::json::Array *list = value.getAsArray()) {
    for (const Value &item : *list) {
      llvm::Expected<int64_t> v = positive(item.getAsInteger());
      if (!v)
        return v.takeError();
      values.push_back(*v);
    }
  } else if (const Object *range = value.getAsObject()) {
    llvm::Expected<int64_t> from = positive(range->getInteger("from"));
    if (!from)
      return from.takeError();
    llvm::Expected<int64_t> to = positive(range->getInteger("to"));
    if (!to)
      return to.takeError();
    std::optional<int64_t> step = range->getInteger("step");
    std::optional<int64_t> factor = range->getInteger("factor");
    if (step.has_value() == factor.has_value() ||
        (step && *step <= 0) || (factor && *factor <= 1))
      return specError(llvm::formatv(
          "hardware.{0}: a range needs either \"step\" > 0 or \"factor\" > 1",
          name));
    for (int64_t v = *from; v <= *to; v = step ? v + *step : v * *factor)
      values.push_back(v);
  } else {
    return specError(llvm::formatv(
        "hardware.{0}: expected a number, a list or a range", name));
  }
  if (values.empty())
    return specError(llvm::formatv("hardware.{0}: no values", name));
  if (values.size() > (1u << 20))
    return specError(llvm::formatv("hardware.{0}: too many values", name));
  return values;
}

llvm::Error parseBudgets(const Object &spec, DseBudgets &budgets) {
  const Value *value = spec.get("budgets");
  if (!value)
    return llvm::Error::success();
  const Object *object = value->getAsObject();
  if (!object)
    return specError("budgets: expected an object");
  for (const auto &[key, item] : *object) {
    std::optional<double> v = item.getAsNumber();
    if (!v || !(*v > 0))
      return specError("budgets." + key.str() + ": expected a positive number");
    if (key == "area_um2")
      budgets.maxArea = *v;
    else if (key == "power_mw")
      budgets.maxPower = *v;
    else
      return specError("budgets." + key.str() +
                       ": unknown (area_um2, power_mw)");
  }
  return llvm::Error::success();
}

llvm::Error parseDataflow(const Object &spec, DseSpec &result) {
  const Value *value = spec.get("dataflow");
  if (!value || value->getAsString() == std::optional<llvm::StringRef>("fixed"))
    return llvm::Error::success();
  const Object *object = value->getAsObject();
  if (object && object->size() == 1) {
    if (std::optional<llvm::StringRef> name = object->getString("library")) {
      result.libraryDataflow = name->str();
      return llvm::Error::success();
    }
  }
  const Object *mapper = object ? object->getObject("mapper") : nullptr;
  if (!mapper)
    return specError("dataflow: expected \"fixed\", {\"library\": NAME} or "
                     "{\"mapper\": {...}}");
  DataflowSearchOptions options;
  for (const auto &[key, item] : *mapper) {
    if (key == "objective") {
      std::optional<llvm::StringRef> name = item.getAsString();
      std::optional<SearchObjective> objective =
          name ? parseSearchObjective(*name) : std::nullopt;
      if (!objective)
        return specError("dataflow.mapper.objective: unknown objective");
      options.objective = *objective;
    } else if (key == "max_evaluations") {
      std::optional<int64_t> v = item.getAsInteger();
      if (!v || *v < 0)
        return specError(
            "dataflow.mapper.max_evaluations: expected an integer >= 0");
      options.maxEvaluations = *v;
    } else if (key == "levels") {
      std::optional<int64_t> v = item.getAsInteger();
      if (!v || (*v != 1 && *v != 2))
        return specError("dataflow.mapper.levels: expected 1 or 2");
      options.levels = static_cast<unsigned>(*v);
    } else {
      return specError("dataflow.mapper." + key.str() +
                       ": unknown (objective, max_evaluations, levels)");
    }
  }
  result.mapper = options;
  return llvm::Error::success();
}

} // namespace

llvm::Expected<DseSpec> mlir::accel::parseDseSpec(llvm::StringRef text,
                                                  llvm::StringRef specPath) {
  llvm::Expected<Value> parsed = llvm::json::parse(text);
  if (!parsed)
    return parsed.takeError();
  const Object *spec = parsed->getAsObject();
  if (!spec)
    return specError("expected a JSON object");
  for (const auto &entry : *spec)
    if (!llvm::is_contained({"network", "hardware", "dataflow", "budgets",
                             "description"},
                            entry.first.str()))
      return specError("unknown key \"" + entry.first.str() +
                       "\" (network, hardware, dataflow, budgets, "
                       "description)");

  DseSpec result;
  std::optional<llvm::StringRef> network = spec->getString("network");
  if (!network)
    return specError("\"network\": the network's path (.m or linalg .mlir) "
                     "is missing");
  llvm::Expected<std::string> expanded = expandVariables(*network);
  if (!expanded)
    return expanded.takeError();
  llvm::SmallString<256> path(*expanded);
  if (llvm::sys::path::is_relative(path)) {
    llvm::SmallString<256> folder = llvm::sys::path::parent_path(specPath);
    llvm::sys::path::append(folder, path);
    path = folder;
  }
  llvm::sys::path::remove_dots(path, /*remove_dot_dot=*/true);
  result.networkPath = path.str().str();

  const Object *hardware = spec->getObject("hardware");
  if (!hardware)
    return specError("\"hardware\": the axes to sweep are missing");
  for (const auto &[key, value] : *hardware) {
    unsigned axis = 0;
    while (axis < kNumSweepAxes &&
           sweepAxisName(static_cast<SweepAxis>(axis)) != key.str())
      ++axis;
    if (axis < kNumSweepAxes) {
      llvm::Expected<std::vector<int64_t>> values = parseAxis(key, value);
      if (!values)
        return values.takeError();
      result.axes[axis] = std::move(*values);
      continue;
    }
    std::optional<int64_t> v = value.getAsInteger();
    if (key == "noc_hops" && v)
      result.base.nocHops = *v;
    else if (key == "hop_latency" && v)
      result.base.hopLatency = *v;
    else if (key == "multicast" && value.getAsBoolean())
      result.base.multicast = *value.getAsBoolean();
    else
      return specError("hardware." + key.str() +
                       ": unknown, or not a number (axes: num_pes, "
                       "simd_lanes, l1_size, l2_size, noc_bandwidth, "
                       "offchip_bandwidth, maeri_switches, "
                       "maeri_dn_bandwidth, maeri_rn_bandwidth; fixed: "
                       "noc_hops, hop_latency, multicast)");
  }
  unsigned maeriAxes = 0;
  for (SweepAxis axis :
       {SweepAxis::MaeriSwitches, SweepAxis::MaeriDistributionBandwidth,
        SweepAxis::MaeriReductionBandwidth})
    maeriAxes += !result.axes[static_cast<unsigned>(axis)].empty();
  if (maeriAxes != 0 && maeriAxes != 3)
    return specError("hardware: the MAERI axes (maeri_switches, "
                     "maeri_dn_bandwidth, maeri_rn_bandwidth) go together");

  if (llvm::Error err = parseBudgets(*spec, result.budgets))
    return std::move(err);
  if (llvm::Error err = parseDataflow(*spec, result))
    return std::move(err);
  return result;
}
