// TPU-like weight-stationary systolic array (Jouppi et al., ISCA 2017):
// columns of 16 PEs; each column holds one output channel, each PE of a
// column one input channel of the current filter tap (R, S). The weights
// stay while all output positions stream through; partial sums accumulate
// down a column (a spatial reduction over C).
module attributes {
  accel.dataflow_aliases = ["tpu", "systolic_ws"],
  accel.dataflow =
  #accel.dataflow<"tpu_ws", [
    #accel.temporal_map<1, 1, R>,
    #accel.temporal_map<1, 1, S>,
    #accel.spatial_map<1, 1, K>,
    #accel.temporal_map<16, 16, C>,
    #accel.temporal_map<1, 1, OY>,
    #accel.temporal_map<1, 1, OX>,
    #accel.cluster<16>,
    #accel.spatial_map<1, 1, C>]>
} {}
