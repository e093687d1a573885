//===- MaestroLayerTypes.cpp - MAESTRO layer types vs accel kinds ---------===//

#include "MaestroLayerTypes.h"

#include "llvm/ADT/STLExtras.h"

using namespace mlir::accel;
using namespace mlir::accel::maestro;

// MAESTRO couples DSCONV's input, filter and output all to C: C is the
// channel count, which is what groups are (one input channel each).
// GEMM (M x K) * (K x N): M -> Y, N -> K, K -> C, as in MAESTRO's own
// gnmt_*.m files that write GEMMs as CONV layers.
static const DimName kConvDims[] = {{"N", Dim::N}, {"K", Dim::K}, {"C", Dim::C},
                                    {"R", Dim::R}, {"S", Dim::S}, {"Y", Dim::Y},
                                    {"X", Dim::X}};
static const DimName kDepthwiseDims[] = {
    {"N", Dim::N}, {"K", Dim::K}, {"C", Dim::G}, {"R", Dim::R},
    {"S", Dim::S}, {"Y", Dim::Y}, {"X", Dim::X}};
static const DimName kGroupedDims[] = {
    {"N", Dim::N}, {"G", Dim::G}, {"K", Dim::K}, {"C", Dim::C},
    {"R", Dim::R}, {"S", Dim::S}, {"Y", Dim::Y}, {"X", Dim::X}};
static const DimName kGemmDims[] = {
    {"M", Dim::Y}, {"N", Dim::K}, {"K", Dim::C}};

static const LayerTypeInfo kLayerTypes[] = {
    {"CONV", LayerKind::Conv2d, kConvDims, true, "NCYX", "KCRS", "NKYX"},
    {"DSCONV", LayerKind::Depthwise, kDepthwiseDims, true, "NGYX", "GKRS",
     "NGKYX"},
    {"NGCONV", LayerKind::Grouped, kGroupedDims, true, "NGCYX", "GKCRS",
     "NGKYX"},
    {"GEMM", LayerKind::Gemm, kGemmDims, false, "YC", "CK", "YK"},
};

const LayerTypeInfo *
mlir::accel::maestro::lookupLayerType(llvm::StringRef type) {
  if (type == "TRCONV")
    type = "CONV";
  for (const LayerTypeInfo &info : kLayerTypes)
    if (info.type == type)
      return &info;
  return nullptr;
}

const LayerTypeInfo &mlir::accel::maestro::layerTypeFor(LayerKind kind) {
  for (const LayerTypeInfo &info : kLayerTypes)
    if (info.kind == kind)
      return info;
  llvm_unreachable("every LayerKind has a MAESTRO type");
}

std::optional<Dim> mlir::accel::maestro::toCanonical(const LayerTypeInfo &info,
                                                     llvm::StringRef name) {
  if (info.hasOutputDims) {
    if (name == "Y'")
      return Dim::OY;
    if (name == "X'")
      return Dim::OX;
  }
  for (const DimName &entry : info.dims)
    if (entry.maestro == name)
      return entry.dim;
  return std::nullopt;
}

std::optional<std::string>
mlir::accel::maestro::toMaestro(const LayerTypeInfo &info, Dim dim) {
  if (info.hasOutputDims && dim == Dim::OY)
    return std::string("Y'");
  if (info.hasOutputDims && dim == Dim::OX)
    return std::string("X'");
  for (const DimName &entry : info.dims)
    if (entry.dim == dim)
      return entry.maestro.str();
  return std::nullopt;
}

std::string mlir::accel::maestro::listDims(const LayerTypeInfo &info) {
  std::string list;
  for (const DimName &entry : info.dims) {
    if (!list.empty())
      list += ", ";
    list += entry.maestro;
  }
  return list;
}
