// NVDLA: KC-P weight stationary (MAESTRO's vgg16_ckp_ws.m; the NVDLA-style
// dataflow of the VGG16 CONV11 case study). Clusters of 64 PEs take one
// input channel each; inside a cluster each PE takes one output channel.
// A PE keeps its R x S weights while every output position streams past.
module attributes {
  accel.dataflow_aliases = ["kcp_ws", "ckp_ws", "kc_p", "kcp"],
  accel.dataflow =
  #accel.dataflow<"nvdla", [
    #accel.spatial_map<1, 1, C>,
    #accel.temporal_map<64, 64, K>,
    #accel.temporal_map<sz(R), sz(R), R>,
    #accel.temporal_map<sz(S), sz(S), S>,
    #accel.temporal_map<1, 1, OY>,
    #accel.temporal_map<1, 1, OX>,
    #accel.cluster<64>,
    #accel.spatial_map<1, 1, K>,
    #accel.temporal_map<sz(R), sz(R), R>,
    #accel.temporal_map<sz(S), sz(S), S>]>
} {}
