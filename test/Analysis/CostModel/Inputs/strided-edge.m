Network strided_edge {
Layer NGCONV_X {
Type: NGCONV
Stride { X: 3, Y: 1 }
Dimensions { N: 19, G: 39, K: 36, C: 54, R: 7, S: 1, Y: 56, X: 7 }
Dataflow {
SpatialMap(19,1) N;
}
}
Layer CONV_YX {
Type: CONV
Stride { X: 3, Y: 4 }
Dimensions { N: 60, K: 60, C: 60, R: 7, S: 7, Y: 60, X: 60 }
Dataflow {
SpatialMap(60,1) N;
}
}
Layer CONV1x1_X {
Type: CONV
Stride { X: 2, Y: 2 }
Dimensions { N: 1, K: 4, C: 8, R: 1, S: 1, Y: 1, X: 7 }
Dataflow {
SpatialMap(1,1) K;
}
}
}
