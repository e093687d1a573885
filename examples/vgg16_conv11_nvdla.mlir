// VGG16 CONV11 (K 512, C 512, 3x3 on 14x14, stride 1: 12x12 outputs) with
// the NVDLA dataflow (MAESTRO's KC-P weight stationary) on a 256-PE array
// (MAESTRO's accelerator_1.m). Run: accel-opt examples/vgg16_conv11_nvdla.mlir
module attributes {accel.target = #accel.pe_array<num_pes = 256, l1_size = 100,
                                                   l2_size = 3000, noc_bw = 1000,
                                                   offchip_bw = 50>} {
  func.func @vgg16_conv11(%input: tensor<1x512x14x14xf32>,
                          %filter: tensor<512x512x3x3xf32>,
                          %init: tensor<1x512x12x12xf32>) -> tensor<1x512x12x12xf32> {
    %0 = accel.layer "CONV11" conv2d
           dims <N = 1, G = 1, K = 512, C = 512, R = 3, S = 3, Y = 14, X = 14>
           layout <"NCYX", "KCRS", "NKYX">
           ins(%input, %filter : tensor<1x512x14x14xf32>, tensor<512x512x3x3xf32>)
           outs(%init : tensor<1x512x12x12xf32>)
           dataflow <"nvdla", [
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
           -> tensor<1x512x12x12xf32>
    return %0 : tensor<1x512x12x12xf32>
  }
}
