//===- MaeriAttributes.cpp - MAERI target attributes ----------------------===//

#include "accel/Target/MAERI/IR/MaeriAttributes.h"
#include "accel/Dialect/Accel/IR/AccelOps.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::accel;

//===----------------------------------------------------------------------===//
// MaeriAttr
//===----------------------------------------------------------------------===//

MaeriConfig MaeriAttr::getConfig() const {
  return MaeriConfig{getMs(), getDnBw(), getRnBw()};
}

/// The PE array of a MAERI without one of its own: a PE per switch.
static HardwareConfig defaultPEArray(int64_t ms) {
  HardwareConfig hardware;
  hardware.numPEs = ms;
  return hardware;
}

HardwareConfig MaeriAttr::getHardwareConfig() const {
  if (PEArrayAttr array = getPeArray())
    return array.getHardwareConfig();
  return defaultPEArray(getMs());
}

std::unique_ptr<AcceleratorTargetModel> MaeriAttr::getTargetModel() const {
  return std::make_unique<MaeriTargetModel>(
      llvm::cantFail(MaeriTargetModel::get(getConfig(), getHardwareConfig())));
}

MaeriAttr MaeriAttr::get(MLIRContext *context, const MaeriTargetModel &model) {
  MaeriConfig config = model.getConfig();
  const HardwareConfig &hardware = model.getHardware();
  PEArrayAttr array;
  if (PEArrayAttr::get(context, hardware) !=
      PEArrayAttr::get(context, defaultPEArray(config.multiplierSwitches)))
    array = PEArrayAttr::get(context, hardware);
  return get(context, config.multiplierSwitches, config.distributionBandwidth,
             config.reductionBandwidth, array);
}

LogicalResult MaeriAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                int64_t ms, int64_t dnBw, int64_t rnBw,
                                PEArrayAttr) {
  if (llvm::Error err = MaeriConfig{ms, dnBw, rnBw}.validate())
    return emitError() << llvm::toString(std::move(err));
  return success();
}

//===----------------------------------------------------------------------===//
// MaeriScheduleAttr
//===----------------------------------------------------------------------===//

MaeriSchedule MaeriScheduleAttr::getSchedule() const {
  MaeriSchedule s;
  auto set = [&](TileDim t, int64_t v) {
    s.tile[static_cast<unsigned>(t)] = v;
  };
  set(TileDim::N, getTN());
  set(TileDim::G, getTG());
  set(TileDim::K, getTK());
  set(TileDim::C, getTC());
  set(TileDim::R, getTR());
  set(TileDim::S, getTS());
  set(TileDim::OY, getTOy());
  set(TileDim::OX, getTOx());
  s.order.assign(getOrder().begin(), getOrder().end());
  return s;
}

MaeriScheduleAttr MaeriScheduleAttr::get(MLIRContext *context,
                                         const MaeriSchedule &s,
                                         const LayerShape &shape) {
  return get(context, s[TileDim::N], s[TileDim::G], s[TileDim::K],
             s[TileDim::C], s[TileDim::R], s[TileDim::S], s[TileDim::OY],
             s[TileDim::OX], s.order, s.vnSize(), s.numVNs(), s.folds(shape),
             s.usesForwarding(shape));
}

LogicalResult MaeriScheduleAttr::verifySchedule(
    Operation *op, const AcceleratorTargetModel &target) const {
  auto layer = cast<LayerOp>(op);
  StringRef name = layer.getName();
  llvm::Expected<MaeriTargetModel> maeri = getMaeriTargetModel(target);
  if (!maeri)
    return layer.emitOpError() << "'" << name << "': no MAERI target: "
                               << llvm::toString(maeri.takeError());
  LayerShape shape = layer.getShape();
  MaeriSchedule schedule = getSchedule();
  if (llvm::Error err = mlir::accel::verifySchedule(schedule, shape, *maeri))
    return layer.emitOpError() << "'" << name << "': MAERI schedule: "
                               << llvm::toString(std::move(err));
  if (getFolds() != schedule.folds(shape))
    return layer.emitOpError()
           << "'" << name << "': MAERI schedule: folds " << getFolds()
           << " but the tiles need " << schedule.folds(shape);
  if (getForwarding() != schedule.usesForwarding(shape))
    return layer.emitOpError()
           << "'" << name << "': MAERI schedule: forwarding is "
           << (schedule.usesForwarding(shape) ? "" : "not ")
           << "what this tile order does";
  return success();
}

LogicalResult
MaeriScheduleAttr::verify(llvm::function_ref<InFlightDiagnostic()> emitError,
                          int64_t tN, int64_t tG, int64_t tK, int64_t tC,
                          int64_t tR, int64_t tS, int64_t tOy, int64_t tOx,
                          ArrayRef<Dim> order, int64_t vnSize, int64_t numVNs,
                          int64_t folds, bool forwarding) {
  for (int64_t t : {tN, tG, tK, tC, tR, tS, tOy, tOx})
    if (t < 1 || t > LayerShape::kMaxDimSize)
      return emitError() << "tile sizes must be in [1, "
                         << LayerShape::kMaxDimSize << "], got " << t;
  if (vnSize != tR * tS * tC)
    return emitError() << "vn_size " << vnSize
                       << " is not t_r * t_s * t_c = " << tR * tS * tC;
  if (numVNs != tN * tG * tK * tOy * tOx)
    return emitError() << "num_vns " << numVNs
                       << " is not t_n * t_g * t_k * t_oy * t_ox = "
                       << tN * tG * tK * tOy * tOx;
  if (folds < 1)
    return emitError() << "folds must be positive, got " << folds;
  return success();
}

//===----------------------------------------------------------------------===//
// The MAERI of a target
//===----------------------------------------------------------------------===//

llvm::Expected<MaeriTargetModel>
mlir::accel::getMaeriTargetModel(const AcceleratorTargetModel &target) {
  if (const auto *maeri = llvm::dyn_cast<MaeriTargetModel>(&target))
    return *maeri;
  return MaeriTargetModel::derive(target.getHardware());
}

llvm::Expected<MaeriTargetModel>
mlir::accel::getMaeriTargetModel(Operation *op) {
  return getMaeriTargetModel(*getTargetModel(op));
}

FailureOr<MaeriTargetModel>
mlir::accel::getMaeriTargetModelOrEmit(LayerOp layer) {
  llvm::Expected<MaeriTargetModel> maeri = getMaeriTargetModel(layer);
  if (!maeri) {
    layer.emitError() << "no MAERI target for layer '" << layer.getName()
                      << "': " << llvm::toString(maeri.takeError());
    return failure();
  }
  return *maeri;
}

//===----------------------------------------------------------------------===//
// Registration
//===----------------------------------------------------------------------===//

// The generated dialect-wide parser and printer go unused: the accel
// dialect dispatches to each attribute by mnemonic (addTargetAttributes).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#define GET_ATTRDEF_CLASSES
#include "accel/Target/MAERI/IR/MaeriAttributes.cpp.inc"
#pragma GCC diagnostic pop

void mlir::accel::registerMaeriTarget(DialectRegistry &registry) {
  registry.addExtension(+[](MLIRContext *, AccelDialect *dialect) {
    dialect->addTargetAttributes<MaeriAttr, MaeriScheduleAttr>();
  });
}
