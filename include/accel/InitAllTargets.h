//===- InitAllTargets.h - The registration list of targets ------*- C++ -*-===//
//
// Every accelerator target this project builds, registered in one place: a
// new target (lib/Target/<Name>/IR) adds its registration call here and its
// library to MLIRAccelAllTargets (docs/Dialect.md, "Adding a target").
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_INITALLTARGETS_H
#define ACCEL_INITALLTARGETS_H

namespace mlir {
class DialectRegistry;
namespace accel {

/// Adds every target's attributes to the accel dialect wherever `registry`
/// loads it.
void registerAllAccelTargets(DialectRegistry &registry);

} // namespace accel
} // namespace mlir

#endif // ACCEL_INITALLTARGETS_H
