// NLR: no local reuse (DianNao-like; MAESTRO's vgg16_nlr.m and Resnet50_nlr.m).
// Input channels spread over all PEs; nothing stays in a PE between steps,
// every operand comes over the NoC each time. Partial sums are reduced
// spatially across PEs: the input-channel-parallel (C-P) adder tree of
// DianNao.
module attributes {
  accel.dataflow_aliases = ["no_local_reuse", "diannao", "c_p", "cp"],
  accel.dataflow =
  #accel.dataflow<"nlr", [
    #accel.temporal_map<1, 1, K>,
    #accel.temporal_map<sz(R), 1, Y>,
    #accel.temporal_map<sz(S), 1, X>,
    #accel.temporal_map<sz(R), sz(R), R>,
    #accel.temporal_map<sz(S), sz(S), S>,
    #accel.spatial_map<1, 1, C>]>
} {}
