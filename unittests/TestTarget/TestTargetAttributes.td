//===- TestTargetAttributes.td - A target that counts MACs -*- tablegen -*-===//
//
// The smallest accelerator target: proof that a target is a folder of its
// own plus a registration (docs/Dialect.md, "Adding a target"). Nothing in
// the core names it.
//
//===----------------------------------------------------------------------===//

#ifndef ACCEL_UNITTESTS_TESTTARGET_TESTTARGETATTRIBUTES_TD
#define ACCEL_UNITTESTS_TESTTARGET_TESTTARGETATTRIBUTES_TD

include "accel/Dialect/Accel/IR/AccelAttrBase.td"
include "accel/Dialect/Accel/IR/AccelInterfaces.td"

def Test_MacCounterAttr : Accel_Attr<"TestMacCounter", "test_mac_counter",
    [DeclareAttrInterfaceMethods<Accel_TargetAttrInterface>]> {
  let summary = "a machine that does `macs_per_cycle` MACs a cycle";
  let parameters = (ins "int64_t":$macs_per_cycle);
  let assemblyFormat = "`<` struct(params) `>`";
}

def Test_MacCountAttr : Accel_Attr<"TestMacCount", "test_mac_count",
    [DeclareAttrInterfaceMethods<Accel_ScheduleAttrInterface>]> {
  let summary = "a layer's schedule on it: its MACs and cycles";
  let parameters = (ins "int64_t":$macs, "int64_t":$cycles);
  let assemblyFormat = "`<` struct(params) `>`";
}

#endif // ACCEL_UNITTESTS_TESTTARGET_TESTTARGETATTRIBUTES_TD
