//===- TargetModel.cpp - What the analyses know of a machine --------------===//

#include "accel/Model/TargetModel.h"

using namespace mlir::accel;

char AcceleratorTargetModel::ID = 0;
char PEArrayTargetModel::ID = 0;
