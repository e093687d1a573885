// YR-P (MAESTRO paper, MICRO 2019, Table 3): output rows across clusters of
// R PEs, filter rows (with their input rows) across the PEs of a cluster,
// one output channel and input channel at a time. Row stationary without
// Eyeriss's K/C tiling.
module attributes {
  accel.dataflow_aliases = ["yrp"],
  accel.dataflow =
  #accel.dataflow<"yr_p", [
    #accel.temporal_map<1, 1, K>,
    #accel.temporal_map<1, 1, C>,
    #accel.spatial_map<sz(R), 1, Y>,
    #accel.temporal_map<sz(S), 1, X>,
    #accel.cluster<sz(R)>,
    #accel.spatial_map<1, 1, Y>,
    #accel.spatial_map<1, 1, R>,
    #accel.temporal_map<sz(S), sz(S), S>]>
} {}
