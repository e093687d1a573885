// An int8 quantized NHWC convolution with zero points, stride 2 (C = 4,
// K = 3, 7x7 image, 3x3 filter), on the default MAERI mapping: bit-exact
// against mlir-runner's execution of linalg.conv_2d_nhwc_hwcf_q.
// RUN: accel-opt %s --convert-linalg-to-accel  --accel-emit-maeri-schedule '--accel-simulate=print-output=true' -o /dev/null \
// RUN:   | FileCheck %s
// RUN: mlir-opt %s --one-shot-bufferize="bufferize-function-boundaries" --convert-linalg-to-loops --convert-scf-to-cf --convert-cf-to-llvm --expand-strided-metadata --lower-affine --finalize-memref-to-llvm --convert-arith-to-llvm --convert-func-to-llvm --reconcile-unrealized-casts \
// RUN:   | mlir-runner -e main -entry-point-result=void -shared-libs=%mlir_runner_libs \
// RUN:   | FileCheck %s

func.func private @printMemrefI32(tensor<*xi32>)
func.func @main() {
  %in = arith.constant dense<[[[[35, 30, 25, 15], [9, -1, -6, -11], [-21, -27, -32, -42], [-47, -57, 58, 53], [43, 38, 28, 22], [17, 7, 2, -3], [-14, -19, -29, -34]], [[-39, -50, -55, -60], [51, 46, 36, 30], [25, 15, 10, 0], [-6, -11, -21, -26], [-31, -42, -47, -57], [59, 54, 43, 38], [33, 23, 18, 7]], [[2, -3, -13, -18], [-29, -34, -39, -49], [-54, -60, 51, 46], [36, 31, 25, 15], [10, 0, -5, -11], [-21, -26, -31, -41], [-47, -57, 59, 54]], [[44, 38, 33, 23], [18, 8, 2, -3], [-13, -18, -28, -34], [-39, -49, -54, -59], [51, 46, 36, 31], [26, 16, 10, 0], [-5, -10, -20, -26]], [[-31, -41, -46, -56], [59, 54, 44, 39], [34, 23, 18, 8], [3, -2, -13, -18], [-28, -33, -38, -49], [-54, -59, 52, 47], [36, 31, 26, 16]], [[11, 5, -5, -10], [-20, -25, -31, -41], [-46, -56, 60, 54], [44, 39, 34, 24], [18, 8, 3, -2], [-12, -18, -28, -33], [-38, -48, -54, -59]], [[52, 47, 37, 31], [26, 16, 11, 6], [-4, -10, -20, -25], [-30, -40, -46, -56], [60, 55, 45, 39], [34, 24, 19, 9], [3, -2, -12, -17]]]]> : tensor<1x7x7x4xi8>
  %w = arith.constant dense<[[[[-14, -78, -62], [74, 10, 26], [-38, 99, -87], [50, 66, 2]], [[-62, -47, 90], [26, 42, -22], [-6, -71, 66], [82, 18, 34]], [[-31, -95, -79], [58, -6, 9], [-55, -39, 98], [34, 49, -15]]], [[[-79, -63, 74], [89, 25, -39], [-23, -87, -72], [65, 1, 17]], [[-47, 89, -96], [41, 57, -7], [-72, -56, 81], [97, 33, -32]], [[-16, -80, 57], [73, 8, 24], [-40, 97, -88], [48, -16, 0]]], [[[-64, -48, 88], [24, 40, -24], [-8, -73, 64], [80, 16, -48]], [[-33, -97, -81], [56, -8, 8], [-57, -41, 96], [32, 48, -17]], [[-81, -65, 72], [88, 23, -41], [-25, -89, 48], [63, -1, 15]]]]> : tensor<3x3x4x3xi8>
  %izp = arith.constant 3 : i32
  %wzp = arith.constant -2 : i32
  %init = arith.constant dense<0> : tensor<1x3x3x3xi32>
  %out = linalg.conv_2d_nhwc_hwcf_q {dilations = dense<1> : tensor<2xi64>, strides = dense<2> : tensor<2xi64>} ins(%in, %w, %izp, %wzp : tensor<1x7x7x4xi8>, tensor<3x3x4x3xi8>, i32, i32) outs(%init : tensor<1x3x3x3xi32>) -> tensor<1x3x3x3xi32>
  %u = tensor.cast %out : tensor<1x3x3x3xi32> to tensor<*xi32>
  call @printMemrefI32(%u) : (tensor<*xi32>) -> ()
  return
}

// CHECK: rank = 4 offset = 0 sizes = [1, 3, 3, 3] strides = [27, 9, 3, 1] data =
// CHECK-NEXT: {{\[\[\[\[}}-7153,     13991,     -4887],
// CHECK-NEXT: [-426,     -23079,     3664],
// CHECK-NEXT: [-4421,     11323,     -2944]],
// CHECK-NEXT: {{\[\[}}-13726,     -5500,     1339],
// CHECK-NEXT: [-11071,     7883,     2478],
// CHECK-NEXT: [-14099,     5471,     10990]],
// CHECK-NEXT: {{\[\[}}-12270,     -10286,     6456],
// CHECK-NEXT: [-3074,     15,     -8792],
// CHECK-NEXT: [-6584,     -21865,     10300]]]]
