Network windowless_edge {
Layer L0 {
Type: CONV
Stride { X: 1, Y: 4 }
Dimensions { N: 61, K: 4, C: 4, R: 3, S: 1, Y: 4, X: 4 }
Dataflow {
SpatialMap(Sz(N),1) N;
}
}
}
