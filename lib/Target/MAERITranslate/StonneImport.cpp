//===- StonneImport.cpp - STONNE's command line as accel IR ---------------===//
//
// STONNE (Munoz-Matrinez et al., IISWC 2021) runs one MAERI layer from its
// command line. Its CONV names X/Y the input rows/columns and X'/Y' the
// output ones (ours: Y/X, OY/OX); C and K count all channels (ours: per
// group); its tiles are visited N, G, K, X', Y', C, R, S (outermost
// first). Its dense GEMM (`-FC` and `-DenseGEMM` run the same code) is a
// convolution of an M x K image with N filters of 1 x K, and is imported
// as that convolution so that VNs sit on the same multiplier switches as
// in STONNE.
//
//===----------------------------------------------------------------------===//

#include "accel/Target/MAERI/StonneImport.h"

#include "accel/Dialect/Accel/IR/AccelDialect.h"
#include "accel/Dialect/Accel/IR/AccelOps.h"
#include "accel/InitAllTargets.h"
#include "accel/Target/MAERI/IR/MaeriAttributes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/SourceMgr.h"

using namespace mlir;
using namespace mlir::accel;

namespace {

enum class StonneOp { Conv, Gemm };

/// One `-name=value` argument and where it starts.
struct Argument {
  std::string name;
  std::string value;
  unsigned column;
};

class StonneImporter {
public:
  StonneImporter(StringRef text, MLIRContext *context)
      : text(text), context(context) {}

  OwningOpRef<ModuleOp> run();

private:
  Location locAt(unsigned column) {
    return FileLineColLoc::get(context, "<stonne arguments>", 1, column);
  }
  InFlightDiagnostic error(unsigned column) {
    return emitError(locAt(column));
  }
  /// The integer value of `name` (its default when absent).
  FailureOr<int64_t> integer(StringRef name, int64_t defaultValue,
                             int64_t min = 1);

  StringRef text;
  MLIRContext *context;
  llvm::StringMap<Argument> arguments;
};

FailureOr<int64_t> StonneImporter::integer(StringRef name,
                                           int64_t defaultValue, int64_t min) {
  auto it = arguments.find(name);
  if (it == arguments.end())
    return defaultValue;
  int64_t value;
  if (StringRef(it->second.value).getAsInteger(10, value) || value < min ||
      value > LayerShape::kMaxDimSize) {
    error(it->second.column) << "STONNE argument -" << name << "='"
                             << it->second.value << "' must be an integer in ["
                             << min << ", " << LayerShape::kMaxDimSize << "]";
    return failure();
  }
  return value;
}

OwningOpRef<ModuleOp> StonneImporter::run() {
  // Split into arguments, remembering columns for the diagnostics.
  std::optional<StonneOp> op;
  unsigned opColumn = 1;
  for (size_t pos = 0; pos < text.size();) {
    size_t start = text.find_first_not_of(" \t\r\n", pos);
    if (start == StringRef::npos)
      break;
    size_t end = text.find_first_of(" \t\r\n", start);
    if (end == StringRef::npos)
      end = text.size();
    pos = end;
    StringRef token = text.slice(start, end);
    unsigned column = static_cast<unsigned>(start) + 1;
    if (token == "-CONV" || token == "-FC" || token == "-DenseGEMM") {
      if (op) {
        error(column) << "STONNE runs one operation; '" << token
                      << "' follows another";
        return nullptr;
      }
      op = token == "-CONV" ? StonneOp::Conv : StonneOp::Gemm;
      opColumn = column;
      continue;
    }
    if (token == "-SparseGEMM" || token == "-SparseDense") {
      error(column) << "STONNE's " << token
                    << " is not modelled: accel-mlir runs dense MAERI layers "
                       "(-CONV, -FC, -DenseGEMM)";
      return nullptr;
    }
    auto [name, value] = token.split('=');
    if (!name.starts_with("-") || name.size() < 2 ||
        !token.contains('=')) {
      error(column) << "expected a STONNE argument -name=value, found '"
                    << token << "'";
      return nullptr;
    }
    name = name.drop_front();
    if (arguments.count(name)) {
      error(column) << "STONNE argument -" << name << " is given twice";
      return nullptr;
    }
    arguments[name] = Argument{name.str(), value.str(), column};
  }
  if (!op) {
    error(1) << "STONNE arguments name no operation: expected -CONV, -FC or "
                "-DenseGEMM";
    return nullptr;
  }

  // Every argument must be one this operation understands.
  static const char *const kHardware[] = {
      "num_ms", "dn_bw", "rn_bw", "rn_type", "accumulation_buffer",
      "print_stats", "layer_name"};
  static const char *const kConv[] = {
      "R",   "S",   "C",   "K",   "G",   "N",   "X",    "Y",    "strides",
      "T_R", "T_S", "T_C", "T_K", "T_G", "T_N", "T_X_", "T_Y_"};
  static const char *const kGemm[] = {"M", "N", "K", "T_M", "T_N", "T_K"};
  SmallVector<const Argument *> unknown;
  for (const auto &entry : arguments) {
    StringRef name = entry.getKey();
    bool known = llvm::is_contained(kHardware, name) ||
                 (*op == StonneOp::Conv ? llvm::is_contained(kConv, name)
                                        : llvm::is_contained(kGemm, name));
    if (!known)
      unknown.push_back(&entry.getValue());
  }
  if (!unknown.empty()) {
    llvm::sort(unknown, [](const Argument *a, const Argument *b) {
      return a->column < b->column;
    });
    auto diag = error(unknown.front()->column)
                << "STONNE argument" << (unknown.size() > 1 ? "s " : " ");
    llvm::interleaveComma(unknown, diag,
                          [&](const Argument *a) { diag << "-" << a->name; });
    diag << (unknown.size() > 1 ? " are" : " is") << " not understood for "
         << (*op == StonneOp::Conv ? "-CONV" : "-FC/-DenseGEMM");
    if (llvm::any_of(unknown, [](const Argument *a) {
          return a->name == "generate_tile" || a->name == "generator";
        }))
      diag << " (STONNE's own mapper is not modelled: give the tile with "
              "the -T_ arguments)";
    return nullptr;
  }

  // The machine.
  FailureOr<int64_t> ms = integer("num_ms", 64), dnBw = integer("dn_bw", 4),
                     rnBw = integer("rn_bw", 4),
                     rnType = integer("rn_type", 0, 0),
                     accumulation = integer("accumulation_buffer", 0, 0),
                     printStats = integer("print_stats", 1, 0);
  if (failed(ms) || failed(dnBw) || failed(rnBw) || failed(rnType) ||
      failed(accumulation) || failed(printStats))
    return nullptr;
  for (auto [name, value] : {std::pair<StringRef, int64_t>{"num_ms", *ms},
                             {"dn_bw", *dnBw},
                             {"rn_bw", *rnBw}})
    if (!llvm::isPowerOf2_64(static_cast<uint64_t>(value))) {
      error(arguments[name].column)
          << "STONNE argument -" << name << "=" << value
          << " must be a power of two";
      return nullptr;
    }
  if (*accumulation > 1) {
    // STONNE reads it as a flag; any other value is a typo, not a size.
    error(arguments["accumulation_buffer"].column)
        << "STONNE argument -accumulation_buffer=" << *accumulation
        << " must be 0 or 1 (whether STONNE's accumulation buffer is on)";
    return nullptr;
  }
  if (*rnType != 0) {
    error(arguments["rn_type"].column)
        << "-rn_type=" << *rnType
        << " is not modelled: accel-mlir's MAERI reduces in the augmented "
           "reduction tree (-rn_type=0, ASNETWORK)";
    return nullptr;
  }

  // The layer and its tile.
  LayerShape shape;
  MaeriSchedule schedule;
  auto setTile = [&](TileDim t, int64_t v) {
    schedule.tile[static_cast<unsigned>(t)] = v;
  };
  LayerKind kind;
  StringRef inputLayout, filterLayout, outputLayout;
  if (*op == StonneOp::Conv) {
    FailureOr<int64_t> r = integer("R", 1), s = integer("S", 3),
                       c = integer("C", 1), k = integer("K", 1),
                       g = integer("G", 1), n = integer("N", 1),
                       x = integer("X", 1), y = integer("Y", 3),
                       strides = integer("strides", 1), tr = integer("T_R", 1),
                       ts = integer("T_S", 3), tc = integer("T_C", 1),
                       tk = integer("T_K", 1), tg = integer("T_G", 1),
                       tn = integer("T_N", 1), tx = integer("T_X_", 1),
                       ty = integer("T_Y_", 1);
    for (FailureOr<int64_t> v :
         {r, s, c, k, g, n, x, y, strides, tr, ts, tc, tk, tg, tn, tx, ty})
      if (failed(v))
        return nullptr;
    for (auto [name, total] :
         {std::pair<StringRef, int64_t>{"C", *c}, {"K", *k}})
      if (total % *g != 0) {
        auto it = arguments.find(name);
        error(it == arguments.end() ? opColumn : it->second.column)
            << "STONNE argument -" << name << "=" << total
            << " must be a multiple of the groups (-G=" << *g << ")";
        return nullptr;
      }
    shape.setSize(Dim::N, *n);
    shape.setSize(Dim::G, *g);
    shape.setSize(Dim::K, *k / *g);
    shape.setSize(Dim::C, *c / *g);
    shape.setSize(Dim::R, *r);
    shape.setSize(Dim::S, *s);
    shape.setSize(Dim::Y, *x);
    shape.setSize(Dim::X, *y);
    shape.stride = {*strides, *strides};
    setTile(TileDim::R, *tr);
    setTile(TileDim::S, *ts);
    setTile(TileDim::C, *tc);
    setTile(TileDim::K, *tk);
    setTile(TileDim::G, *tg);
    setTile(TileDim::N, *tn);
    setTile(TileDim::OY, *tx);
    setTile(TileDim::OX, *ty);
    schedule.order = {Dim::N,  Dim::G, Dim::K, Dim::OY,
                      Dim::OX, Dim::C, Dim::R, Dim::S};
    if (*g == 1) {
      kind = LayerKind::Conv2d;
      inputLayout = "NCYX";
      filterLayout = "KCRS";
      outputLayout = "NKYX";
    } else {
      kind = LayerKind::Grouped;
      inputLayout = "NGCYX";
      filterLayout = "GKCRS";
      outputLayout = "NGKYX";
    }
  } else {
    FailureOr<int64_t> m = integer("M", 1), n = integer("N", 1),
                       k = integer("K", 3), tm = integer("T_M", 1),
                       tn = integer("T_N", 1), tk = integer("T_K", 1);
    for (FailureOr<int64_t> v : {m, n, k, tm, tn, tk})
      if (failed(v))
        return nullptr;
    // STONNE runs it as a convolution of an M x K image with N filters of
    // 1 x K: M output rows of one column.
    shape.setSize(Dim::Y, *m);
    shape.setSize(Dim::X, *k);
    shape.setSize(Dim::K, *n);
    shape.setSize(Dim::S, *k);
    setTile(TileDim::OY, *tm);
    setTile(TileDim::K, *tn);
    setTile(TileDim::S, *tk);
    schedule.order = {Dim::N,  Dim::G, Dim::K, Dim::OY,
                      Dim::OX, Dim::C, Dim::R, Dim::S};
    kind = LayerKind::Conv2d;
    inputLayout = "NCYX";
    filterLayout = "KCRS";
    outputLayout = "NKYX";
  }
  if (llvm::Error err = shape.validate()) {
    error(opColumn) << "the STONNE layer is invalid: "
                    << llvm::toString(std::move(err));
    return nullptr;
  }

  llvm::Expected<MaeriTargetModel> target =
      MaeriTargetModel::get(MaeriConfig{*ms, *dnBw, *rnBw});
  if (!target) {
    error(opColumn) << llvm::toString(target.takeError());
    return nullptr;
  }
  if (llvm::Error err = verifySchedule(schedule, shape, *target)) {
    error(opColumn) << "MAERI cannot run the STONNE tile: "
                    << llvm::toString(std::move(err));
    return nullptr;
  }
  if (*accumulation == 0 && schedule.folds(shape) > 1) {
    error(arguments.count("accumulation_buffer")
              ? arguments["accumulation_buffer"].column
              : opColumn)
        << "the tile folds (" << schedule.folds(shape)
        << " partial sums per output) and STONNE without its accumulation "
           "buffer keeps them in an extra multiplier switch per VN, which "
           "accel-mlir does not model: add -accumulation_buffer=1";
    return nullptr;
  }

  // The module: the target, a function with the layer on empty operands
  // (--accel-simulate fills them from its pattern).
  context->loadDialect<AccelDialect, func::FuncDialect,
                       tensor::TensorDialect>();
  OpBuilder builder(context);
  Location loc = locAt(opColumn);
  OwningOpRef<ModuleOp> module = ModuleOp::create(loc);
  (*module)->setAttr(AccelDialect::kTargetAttrName,
                     MaeriAttr::get(context, *target));
  std::string name = "TestLayer";
  if (auto it = arguments.find("layer_name"); it != arguments.end())
    name = it->second.value;
  Type f32 = builder.getF32Type();
  auto tensorOf = [&](StringRef layout, bool output) {
    return RankedTensorType::get(shape.tensorSizes(layout, output), f32);
  };
  RankedTensorType outputType = tensorOf(outputLayout, true);
  builder.setInsertionPointToEnd(module->getBody());
  auto func = func::FuncOp::create(builder, loc, "stonne",
                                   builder.getFunctionType({}, {outputType}));
  builder.setInsertionPointToStart(func.addEntryBlock());
  auto empty = [&](RankedTensorType type) -> Value {
    return tensor::EmptyOp::create(builder, loc, type.getShape(), f32);
  };
  Value input = empty(tensorOf(inputLayout, false));
  Value filter = empty(tensorOf(filterLayout, false));
  Value init = empty(outputType);
  SmallVector<int64_t> sizes(shape.sizes.begin(), shape.sizes.end());
  auto layer = LayerOp::create(
      builder, loc, outputType, builder.getStringAttr(name),
      LayerKindAttr::get(context, kind),
      DimsAttr::get(context, ArrayRef<int64_t>(sizes)),
      LayoutAttr::get(context, inputLayout, filterLayout, outputLayout),
      builder.getDenseI64ArrayAttr(shape.stride),
      builder.getDenseI64ArrayAttr(shape.dilation),
      builder.getDenseI64ArrayAttr(shape.padding), DataflowAttr(), CostAttr(),
      MaeriScheduleAttr::get(context, schedule, shape), input, filter,
      ValueRange(), init);
  func::ReturnOp::create(builder, loc, layer.getResult());
  if (failed(verify(*module)))
    return nullptr;
  return module;
}

} // namespace

OwningOpRef<ModuleOp>
mlir::accel::importStonneArguments(llvm::StringRef arguments,
                                   MLIRContext *context) {
  // The module holds a #accel.maeri target: make sure its attributes are
  // registered, whatever the caller's context has (found by the fuzzer).
  DialectRegistry registry;
  registry.insert<AccelDialect, func::FuncDialect, tensor::TensorDialect>();
  registerAllAccelTargets(registry);
  context->appendDialectRegistry(registry);
  return StonneImporter(arguments, context).run();
}

void mlir::accel::registerStonneTranslation() {
  static llvm::cl::opt<std::string> stonneArgs(
      "stonne-args",
      llvm::cl::desc("STONNE's arguments for --import-stonne (otherwise read "
                     "from the input, which must then be empty)"),
      llvm::cl::value_desc("arguments"), llvm::cl::init(""));
  TranslateToMLIRRegistration importer(
      "import-stonne",
      "a STONNE command line (-CONV/-FC/-DenseGEMM with its tile and "
      "-num_ms/-dn_bw/-rn_bw) as a MAERI target, layer and schedule",
      [](llvm::SourceMgr &sourceMgr, MLIRContext *context) {
        const llvm::MemoryBuffer *input =
            sourceMgr.getMemoryBuffer(sourceMgr.getMainFileID());
        if (stonneArgs.getNumOccurrences() == 0)
          return OwningOpRef<Operation *>(
              importStonneArguments(input->getBuffer(), context).release());
        // Two sources of arguments: refuse rather than let one silently win
        // (llvm::cl itself lets the last of repeated options win).
        if (stonneArgs.getNumOccurrences() > 1) {
          emitError(UnknownLoc::get(context))
              << "--stonne-args given " << stonneArgs.getNumOccurrences()
              << " times; give it once";
          return OwningOpRef<Operation *>();
        }
        if (!input->getBuffer().trim().empty()) {
          emitError(FileLineColLoc::get(context, input->getBufferIdentifier(),
                                        1, 1))
              << "STONNE arguments given twice: by --stonne-args and in "
                 "the input; give one";
          return OwningOpRef<Operation *>();
        }
        StringRef text = stonneArgs;
        return OwningOpRef<Operation *>(
            importStonneArguments(text, context).release());
      },
      [](DialectRegistry &registry) {
        registry
            .insert<AccelDialect, func::FuncDialect, tensor::TensorDialect>();
        registerAllAccelTargets(registry);
      });
}
