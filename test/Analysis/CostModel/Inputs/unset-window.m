Network unset_window {
Layer L0 {
Type: CONV
Stride { X: 1, Y: 1 }
Dimensions { K: 16, C: 273, R: 1, S: 1, Y: 2, X: 2 }
Dataflow {
SpatialMap(Sz(R),1) Y;
TemporalMap(1,1) K;
TemporalMap(Sz(R),Sz(R)) R;
TemporalMap(Sz(S),Sz(S)) S;
TemporalMap(Sz(S),1) X;
TemporalMap(1,1) C;
Cluster(21, P);
SpatialMap(5,5) X';
}
}
}
