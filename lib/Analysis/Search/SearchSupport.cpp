//===- SearchSupport.cpp - What the mapping searches share ----------------===//

#include "accel/Analysis/Search/SearchSupport.h"

#include "llvm/ADT/StringSwitch.h"

#include <numeric>

using namespace mlir::accel;

std::optional<SearchObjective>
mlir::accel::parseSearchObjective(llvm::StringRef name) {
  return llvm::StringSwitch<std::optional<SearchObjective>>(name)
      .Case("runtime", SearchObjective::Runtime)
      .Case("energy", SearchObjective::Energy)
      .Case("edp", SearchObjective::EnergyDelay)
      .Default(std::nullopt);
}

llvm::StringRef mlir::accel::stringifySearchObjective(SearchObjective o) {
  switch (o) {
  case SearchObjective::Runtime:
    return "runtime";
  case SearchObjective::Energy:
    return "energy";
  case SearchObjective::EnergyDelay:
    return "edp";
  }
  return "runtime";
}

uint64_t mlir::accel::mixSeed(uint64_t value) {
  value += 0x9e3779b97f4a7c15ULL;
  value = (value ^ (value >> 30)) * 0xbf58476d1ce4e5b9ULL;
  value = (value ^ (value >> 27)) * 0x94d049bb133111ebULL;
  return value ^ (value >> 31);
}

SpreadOrder::SpreadOrder(uint64_t size, uint64_t seed) : size(size) {
  if (size < 2)
    return;
  uint64_t mixed = mixSeed(seed);
  start = mixed % size;
  // A stride near size / golden ratio spreads the first visits evenly;
  // step up to the next one coprime with size so that every index comes.
  stride = std::max<uint64_t>(1, (size * 0x9e3779b9ULL >> 32) +
                                     (mixed >> 32) % 7);
  stride %= size;
  if (stride == 0)
    stride = 1;
  while (std::gcd(stride, size) != 1)
    stride = stride + 1 == size ? 1 : stride + 1;
}
