// Row stationary (Eyeriss; MAESTRO's vgg16_rs.m). Clusters of R PEs: PE i of
// a cluster holds filter row i and input row y + i, so a cluster computes one
// output row with the partial sums reduced along it; clusters take
// neighbouring output rows. K and C are tiled (2 and 3) to reuse what the
// PEs' scratchpads hold.
module attributes {
  accel.dataflow_aliases = ["row_stationary", "eyeriss"],
  accel.dataflow =
  #accel.dataflow<"rs", [
    #accel.temporal_map<2, 2, K>,
    #accel.temporal_map<3, 3, C>,
    #accel.temporal_map<sz(R), sz(R), R>,
    #accel.spatial_map<sz(R), 1, Y>,
    #accel.temporal_map<sz(S), 1, X>,
    #accel.cluster<sz(R)>,
    #accel.spatial_map<1, 1, Y>,
    #accel.spatial_map<1, 1, R>,
    #accel.temporal_map<sz(S), sz(S), S>]>
} {}
