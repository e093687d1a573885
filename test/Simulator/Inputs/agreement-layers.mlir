// The agreement matrix of test/Simulator/agreement.test: one layer per
// chunk on a 256-switch MAERI (dn_bw = rn_bw = 32).
// 3x3 with folding (VGG16 CONV11), 1x1, 7x7 stride 2 padded, depthwise,
// GEMM, grouped, and dimensions the tiles do not divide.

module attributes {accel.target = #accel.maeri<ms = 256, dn_bw = 32, rn_bw = 32>} {
func.func @conv11(%a0: tensor<1x512x14x14xf32>, %w0: tensor<512x512x3x3xf32>, %o0: tensor<1x512x12x12xf32>) -> tensor<1x512x12x12xf32> {
  %0 = accel.layer "conv11" conv2d dims <K = 512, C = 512, R = 3, S = 3, Y = 14, X = 14> layout <"NCYX", "KCRS", "NKYX">
         ins(%a0, %w0 : tensor<1x512x14x14xf32>, tensor<512x512x3x3xf32>) outs(%o0 : tensor<1x512x12x12xf32>) -> tensor<1x512x12x12xf32>
  return %0 : tensor<1x512x12x12xf32>
}
}

// -----

module attributes {accel.target = #accel.maeri<ms = 256, dn_bw = 32, rn_bw = 32>} {
func.func @pointwise(%a1: tensor<1x64x56x56xf32>, %w1: tensor<256x64x1x1xf32>, %o1: tensor<1x256x56x56xf32>) -> tensor<1x256x56x56xf32> {
  %0 = accel.layer "pointwise" conv2d dims <K = 256, C = 64, Y = 56, X = 56> layout <"NCYX", "KCRS", "NKYX">
         ins(%a1, %w1 : tensor<1x64x56x56xf32>, tensor<256x64x1x1xf32>) outs(%o1 : tensor<1x256x56x56xf32>) -> tensor<1x256x56x56xf32>
  return %0 : tensor<1x256x56x56xf32>
}
}

// -----

module attributes {accel.target = #accel.maeri<ms = 256, dn_bw = 32, rn_bw = 32>} {
func.func @stem(%a2: tensor<1x3x224x224xf32>, %w2: tensor<64x3x7x7xf32>, %o2: tensor<1x64x112x112xf32>) -> tensor<1x64x112x112xf32> {
  %0 = accel.layer "stem" conv2d dims <K = 64, C = 3, R = 7, S = 7, Y = 224, X = 224> layout <"NCYX", "KCRS", "NKYX">
         ins(%a2, %w2 : tensor<1x3x224x224xf32>, tensor<64x3x7x7xf32>) outs(%o2 : tensor<1x64x112x112xf32>)
         {strides = array<i64: 2, 2>, padding = array<i64: 3, 2, 3, 2>} -> tensor<1x64x112x112xf32>
  return %0 : tensor<1x64x112x112xf32>
}
}

// -----

module attributes {accel.target = #accel.maeri<ms = 256, dn_bw = 32, rn_bw = 32>} {
func.func @depthwise(%a3: tensor<1x32x16x16xf32>, %w3: tensor<32x3x3xf32>, %o3: tensor<1x32x14x14xf32>) -> tensor<1x32x14x14xf32> {
  %0 = accel.layer "depthwise" depthwise dims <G = 32, R = 3, S = 3, Y = 16, X = 16> layout <"NGYX", "GRS", "NGYX">
         ins(%a3, %w3 : tensor<1x32x16x16xf32>, tensor<32x3x3xf32>) outs(%o3 : tensor<1x32x14x14xf32>) -> tensor<1x32x14x14xf32>
  return %0 : tensor<1x32x14x14xf32>
}
}

// -----

module attributes {accel.target = #accel.maeri<ms = 256, dn_bw = 32, rn_bw = 32>} {
func.func @fc(%a4: tensor<384x512xf32>, %w4: tensor<512x128xf32>, %o4: tensor<384x128xf32>) -> tensor<384x128xf32> {
  %0 = accel.layer "fc" gemm dims <K = 128, C = 512, Y = 384> layout <"YC", "CK", "YK">
         ins(%a4, %w4 : tensor<384x512xf32>, tensor<512x128xf32>) outs(%o4 : tensor<384x128xf32>) -> tensor<384x128xf32>
  return %0 : tensor<384x128xf32>
}
}

// -----

module attributes {accel.target = #accel.maeri<ms = 256, dn_bw = 32, rn_bw = 32>} {
func.func @grouped(%a5: tensor<1x4x8x9x9xf32>, %w5: tensor<4x8x8x3x3xf32>, %o5: tensor<1x4x8x7x7xf32>) -> tensor<1x4x8x7x7xf32> {
  %0 = accel.layer "grouped" grouped dims <G = 4, K = 8, C = 8, R = 3, S = 3, Y = 9, X = 9> layout <"NGCYX", "GKCRS", "NGKYX">
         ins(%a5, %w5 : tensor<1x4x8x9x9xf32>, tensor<4x8x8x3x3xf32>) outs(%o5 : tensor<1x4x8x7x7xf32>) -> tensor<1x4x8x7x7xf32>
  return %0 : tensor<1x4x8x7x7xf32>
}
}

// -----

module attributes {accel.target = #accel.maeri<ms = 256, dn_bw = 32, rn_bw = 32>} {
func.func @odd(%a6: tensor<1x5x11x13xf32>, %w6: tensor<7x5x3x3xf32>, %o6: tensor<1x7x9x11xf32>) -> tensor<1x7x9x11xf32> {
  %0 = accel.layer "odd" conv2d dims <K = 7, C = 5, R = 3, S = 3, Y = 11, X = 13> layout <"NCYX", "KCRS", "NKYX">
         ins(%a6, %w6 : tensor<1x5x11x13xf32>, tensor<7x5x3x3xf32>) outs(%o6 : tensor<1x7x9x11xf32>) -> tensor<1x7x9x11xf32>
  return %0 : tensor<1x7x9x11xf32>
}
}
