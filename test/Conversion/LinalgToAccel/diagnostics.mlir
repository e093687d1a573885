// RUN: accel-opt %s --convert-linalg-to-accel -split-input-file -verify-diagnostics

func.func @dynamic(%in: tensor<?x4x6x6xf32>, %w: tensor<8x4x3x3xf32>, %out: tensor<?x8x4x4xf32>) -> tensor<?x8x4x4xf32> {
  // expected-error @below {{'linalg.conv_2d_nchw_fchw' has dynamic dimensions; accel.layer needs static shapes (--canonicalize often makes them static)}}
  %0 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>}
         ins(%in, %w : tensor<?x4x6x6xf32>, tensor<8x4x3x3xf32>) outs(%out : tensor<?x8x4x4xf32>) -> tensor<?x8x4x4xf32>
  return %0 : tensor<?x8x4x4xf32>
}

// -----

func.func @conv1d(%in: tensor<1x8x4xf32>, %w: tensor<3x4x16xf32>, %out: tensor<1x6x16xf32>) -> tensor<1x6x16xf32> {
  // expected-remark @below {{'linalg.conv_1d_nwc_wcf' 1-D convolution left as it is: accel.layer models 2-D convolutions}}
  %0 = linalg.conv_1d_nwc_wcf {dilations = dense<1> : tensor<1xi64>, strides = dense<1> : tensor<1xi64>}
         ins(%in, %w : tensor<1x8x4xf32>, tensor<3x4x16xf32>) outs(%out : tensor<1x6x16xf32>) -> tensor<1x6x16xf32>
  return %0 : tensor<1x6x16xf32>
}

// -----

func.func @conv3d(%in: tensor<1x6x6x6x4xf32>, %w: tensor<3x3x3x4x8xf32>, %out: tensor<1x4x4x4x8xf32>) -> tensor<1x4x4x4x8xf32> {
  // expected-remark @below {{'linalg.conv_3d_ndhwc_dhwcf' 3-D convolution left as it is: accel.layer models 2-D convolutions}}
  %0 = linalg.conv_3d_ndhwc_dhwcf {dilations = dense<1> : tensor<3xi64>, strides = dense<1> : tensor<3xi64>}
         ins(%in, %w : tensor<1x6x6x6x4xf32>, tensor<3x3x3x4x8xf32>) outs(%out : tensor<1x4x4x4x8xf32>) -> tensor<1x4x4x4x8xf32>
  return %0 : tensor<1x4x4x4x8xf32>
}

// -----

func.func @matvec(%a: tensor<16x64xf32>, %x: tensor<64xf32>, %y: tensor<16xf32>) -> tensor<16xf32> {
  // expected-remark @below {{'linalg.matvec' not converted: only matrix products (one m, n and k loop, at most one batch loop) become GEMM layers}}
  %0 = linalg.matvec ins(%a, %x : tensor<16x64xf32>, tensor<64xf32>) outs(%y : tensor<16xf32>) -> tensor<16xf32>
  return %0 : tensor<16xf32>
}

// -----

// An input larger than the windows need (linalg allows it; a layer's
// output follows from its input).
func.func @oversized_input(%in: tensor<1x4x8x8xf32>, %w: tensor<8x4x3x3xf32>, %out: tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32> {
  // expected-remark @below {{'linalg.conv_2d_nchw_fchw' not converted: its output (4x4) is smaller than its input allows (6x6)}}
  %0 = linalg.conv_2d_nchw_fchw {dilations = dense<1> : vector<2xi64>, strides = dense<1> : vector<2xi64>}
         ins(%in, %w : tensor<1x4x8x8xf32>, tensor<8x4x3x3xf32>) outs(%out : tensor<1x8x4x4xf32>) -> tensor<1x8x4x4xf32>
  return %0 : tensor<1x8x4x4xf32>
}

// -----

// index arithmetic is not data an accelerator multiplies: left in linalg.
#mk = affine_map<(m, n, k) -> (m, k)>
#kn = affine_map<(m, n, k) -> (k, n)>
#mn = affine_map<(m, n, k) -> (m, n)>
func.func @index_matmul(%a: tensor<4x8xindex>, %b: tensor<8x16xindex>, %c: tensor<4x16xindex>) -> tensor<4x16xindex> {
  // expected-remark @below {{'linalg.generic' not converted: element type index is not one accel.layer takes (signless integers and floats)}}
  %0 = linalg.generic {indexing_maps = [#mk, #kn, #mn], iterator_types = ["parallel", "parallel", "reduction"]}
         ins(%a, %b : tensor<4x8xindex>, tensor<8x16xindex>) outs(%c : tensor<4x16xindex>) {
  ^bb0(%x: index, %y: index, %acc: index):
    %p = arith.muli %x, %y : index
    %s = arith.addi %acc, %p : index
    linalg.yield %s : index
  } -> tensor<4x16xindex>
  return %0 : tensor<4x16xindex>
}
