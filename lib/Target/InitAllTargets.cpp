//===- InitAllTargets.cpp - The registration list of targets --------------===//

#include "accel/InitAllTargets.h"
#include "accel/Target/MAERI/IR/MaeriAttributes.h"

void mlir::accel::registerAllAccelTargets(DialectRegistry &registry) {
  registerMaeriTarget(registry);
}
