//===- FuzzCheck.h - How fuzz targets report a broken property --*- C++ -*-===//

#ifndef ACCEL_FUZZ_FUZZCHECK_H
#define ACCEL_FUZZ_FUZZCHECK_H

namespace mlir::accel::fuzz {

/// A property the fuzzer checks does not hold: reported as a crash, as
/// libFuzzer expects, with the property on stderr.
[[noreturn]] void fail(const char *property);

} // namespace mlir::accel::fuzz

#endif // ACCEL_FUZZ_FUZZCHECK_H
