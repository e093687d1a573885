//===- FuzzContext.h - An MLIRContext that fuzz targets share ---*- C++ -*-===//
//
// Making an MLIRContext per input would dominate a fuzzer's time; one context
// for all inputs grows without bound (attributes are uniqued forever). So the
// context is renewed every few thousand inputs. Diagnostics are swallowed:
// a diagnostic is a correct answer to bad input, a crash is not.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_FUZZ_FUZZCONTEXT_H
#define ACCEL_FUZZ_FUZZCONTEXT_H

#include "FuzzCheck.h"

#include "accel/Dialect/Accel/IR/AccelDialect.h"
#include "accel/InitAllTargets.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/Diagnostics.h"
#include "mlir/IR/MLIRContext.h"

#include <memory>

namespace mlir::accel::fuzz {

class FuzzContext {
public:
  mlir::MLIRContext &get() {
    if (!context || ++uses > kRenewEvery) {
      handler.reset();
      // The accel dialect with every target's attributes, as the tools
      // register it.
      mlir::DialectRegistry registry;
      registry.insert<mlir::accel::AccelDialect, mlir::func::FuncDialect,
                      mlir::tensor::TensorDialect, mlir::arith::ArithDialect>();
      mlir::accel::registerAllAccelTargets(registry);
      context = std::make_unique<mlir::MLIRContext>(
          registry, mlir::MLIRContext::Threading::DISABLED);
      context->loadAllAvailableDialects();
      handler = std::make_unique<mlir::ScopedDiagnosticHandler>(
          context.get(), [](mlir::Diagnostic &) { return mlir::success(); });
      uses = 0;
    }
    return *context;
  }

private:
  static constexpr unsigned kRenewEvery = 4096;
  std::unique_ptr<mlir::MLIRContext> context;
  std::unique_ptr<mlir::ScopedDiagnosticHandler> handler;
  unsigned uses = 0;
};

} // namespace mlir::accel::fuzz

#endif // ACCEL_FUZZ_FUZZCONTEXT_H
