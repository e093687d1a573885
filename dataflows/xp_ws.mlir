// X-P weight stationary (MAESTRO's vgg16_xp_ws.m / Resnet50_xp_ws.m).
// Input columns are spread over the PEs (each PE one output column); the
// current (K, C) filter stays while the rows stream through.
module attributes {
  accel.dataflow_aliases = ["x_p", "xp"],
  accel.dataflow =
  #accel.dataflow<"xp_ws", [
    #accel.temporal_map<1, 1, K>,
    #accel.temporal_map<1, 1, C>,
    #accel.temporal_map<sz(R), 1, Y>,
    #accel.spatial_map<sz(S), 1, X>,
    #accel.temporal_map<sz(R), sz(R), R>,
    #accel.temporal_map<sz(S), sz(S), S>]>
} {}
