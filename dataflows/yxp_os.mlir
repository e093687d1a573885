// YX-P output stationary (ShiDianNao-like; MAESTRO's vgg16_yxp_os.m /
// Resnet50_yxp_os.m). Clusters take output rows, the 8 PEs of a cluster take
// 8 neighbouring output columns; each PE accumulates its output while K, C
// and the filter window stream past. Written in output coordinates (OY, OX)
// so one dataflow fits every filter size and stride; MAESTRO's files write
// the same in input coordinates with sizes for a given filter
// (TemporalMap(14,8) X, valid for S <= 7).
module attributes {
  accel.dataflow_aliases = ["yx_p", "yxp", "shidiannao"],
  accel.dataflow =
  #accel.dataflow<"yxp_os", [
    #accel.temporal_map<1, 1, K>,
    #accel.temporal_map<1, 1, C>,
    #accel.spatial_map<1, 1, OY>,
    #accel.temporal_map<8, 8, OX>,
    #accel.cluster<8>,
    #accel.spatial_map<1, 1, OX>,
    #accel.temporal_map<sz(R), sz(R), R>,
    #accel.temporal_map<sz(S), sz(S), S>]>
} {}
