//===- FuzzSupport.cpp - Shared pieces of the fuzz targets ----------------===//

#include "FuzzCheck.h"

#include <cstdio>
#include <cstdlib>

void mlir::accel::fuzz::fail(const char *property) {
  std::fprintf(stderr, "fuzz property violated: %s\n", property);
  std::abort();
}
