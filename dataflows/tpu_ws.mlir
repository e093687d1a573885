// TPU-like weight-stationary systolic array (Jouppi et al., ISCA 2017):
// columns of 16 PEs; each column holds one output channel, each PE of a
// column one input channel of it. The weights stay while all output
// positions stream through; partial sums accumulate down a column (a
// spatial reduction over C). A TPU feeds a filter's taps through the array
// one after another (im2col); a temporal map on R or S must hold the whole
// filter (MAESTRO's rule, docs/CostModel.md), so here a PE keeps all R x S
// taps of its (output, input) channel pair.
module attributes {
  accel.dataflow_aliases = ["tpu", "systolic_ws"],
  accel.dataflow =
  #accel.dataflow<"tpu_ws", [
    #accel.temporal_map<sz(R), sz(R), R>,
    #accel.temporal_map<sz(S), sz(S), S>,
    #accel.spatial_map<1, 1, K>,
    #accel.temporal_map<16, 16, C>,
    #accel.temporal_map<1, 1, OY>,
    #accel.temporal_map<1, 1, OX>,
    #accel.cluster<16>,
    #accel.spatial_map<1, 1, C>]>
} {}
