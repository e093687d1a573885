//===- Dim.cpp - Canonical loop dimensions --------------------------------===//

#include "accel/Model/Dim.h"

#include "llvm/ADT/StringSwitch.h"

namespace mlir::accel {

llvm::StringRef stringifyDim(Dim dim) {
  switch (dim) {
  case Dim::N:
    return "N";
  case Dim::G:
    return "G";
  case Dim::K:
    return "K";
  case Dim::C:
    return "C";
  case Dim::R:
    return "R";
  case Dim::S:
    return "S";
  case Dim::Y:
    return "Y";
  case Dim::X:
    return "X";
  case Dim::OY:
    return "OY";
  case Dim::OX:
    return "OX";
  }
  llvm_unreachable("unknown Dim");
}

std::optional<Dim> symbolizeDim(llvm::StringRef name) {
  return llvm::StringSwitch<std::optional<Dim>>(name)
      .Case("N", Dim::N)
      .Case("G", Dim::G)
      .Case("K", Dim::K)
      .Case("C", Dim::C)
      .Case("R", Dim::R)
      .Case("S", Dim::S)
      .Case("Y", Dim::Y)
      .Case("X", Dim::X)
      .Cases({"OY", "Y'"}, Dim::OY)
      .Cases({"OX", "X'"}, Dim::OX)
      .Default(std::nullopt);
}

} // namespace mlir::accel
