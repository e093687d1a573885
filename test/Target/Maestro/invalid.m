// RUN: accel-translate --import-maestro %s -split-input-file -verify-diagnostics
// Bad MAESTRO input: one diagnostic with a location each, never a crash.

// expected-error @below {{unterminated /* comment}}
/* never closed

// -----

// expected-error @below {{the Layer block opened here is never closed (reached the end of the file)}}
Network net { Layer L1 {
  Type: CONV
  Dimensions { K: 4, C: 4, R: 1, S: 1, Y: 4, X: 4 }

// -----

Network net {
  Layer L1 {
    Type: CONV
    // expected-error @below {{unknown keyword 'Padding' in layer L1; expected Type, Stride, Dimensions or Dataflow}}
    Padding { X: 1 }
  }
}

// -----

Network net {
  Layer L1 {
    Type: CONV
    // expected-error @below {{unknown dimension 'Q' for a CONV layer; expected N, K, C, R, S, Y, X}}
    Dimensions { K: 4, C: 4, Q: 2, R: 1, S: 1, Y: 4, X: 4 }
  }
}

// -----

Network net {
  Layer L1 {
    Type: CONV
    // expected-error @below {{dimension K given twice in Dimensions, as 4 and as 8}}
    Dimensions { K: 4, C: 4, K: 8, R: 1, S: 1, Y: 4, X: 4 }
  }
}

// -----

Network net {
  Layer L1 {
    Type: CONV
    // expected-warning @below {{dimension K given twice in Dimensions (same size 4)}}
    Dimensions { K: 4, C: 4, K: 4, R: 1, S: 1, Y: 4, X: 4 }
  }
}

// -----

Network net {
  Layer L1 {
    Type: CONV
    // expected-error @below {{size of C must be positive, got 0}}
    Dimensions { K: 4, C: 0, R: 1, S: 1, Y: 4, X: 4 }
  }
}

// -----

Network net {
  Layer L1 {
    Type: CONV
    // expected-error @below {{size of Y must be positive, got -4}}
    Dimensions { K: 4, C: 4, R: 1, S: 1, Y: -4, X: 4 }
  }
}

// -----

Network net {
  Layer L1 {
    Type: CONV
    // expected-error @below {{size of K '99999999999999999999' does not fit in 64 bits}}
    Dimensions { K: 99999999999999999999, C: 4, R: 1, S: 1, Y: 4, X: 4 }
  }
}

// -----

Network net {
  Layer L1 {
    Type: CONV
    // expected-error @below {{size of K must be in [1, 2147483648], got 9223372036854775807}}
    Dimensions { K: 9223372036854775807, C: 4, R: 1, S: 1, Y: 4, X: 4 }
  }
}

// -----

Network net {
  Layer L1 {
    Type: CONV
    Dimensions { K: 4, C: 4, R: 1, S: 1, Y: 4, X: 4 }
    Dataflow {
      // expected-error @below {{directive on G, but layer L1 (CONV) has no such dimension (its dimensions: N, K, C, R, S, Y, X, and Y', X')}}
      SpatialMap(1,1) G;
    }
  }
}

// -----

Network net {
  Layer L1 {
    Type: CONV
    Dimensions { K: 4, C: 4, R: 1, S: 1, Y: 4, X: 4 }
    Dataflow {
      // expected-error @below {{directive on N, but layer L1 (CONV) has no such dimension}}
      SpatialMap(1,1) N;
    }
  }
}

// -----

Network net {
  Layer L1 {
    Type: GEMM
    Dimensions { M: 8, N: 8, K: 8 }
    Dataflow {
      // expected-error @below {{directive on Y', but layer L1 (GEMM) has no such dimension (its dimensions: M, N, K)}}
      SpatialMap(1,1) Y';
    }
  }
}

// -----

Network net {
  Layer L1 {
    Type: CONV
    Dimensions { K: 4, C: 4, R: 1, S: 1, Y: 4, X: 4 }
    Dataflow {
      // expected-error @below {{Sz(G): layer L1 has no dimension G (its dimensions: N, K, C, R, S, Y, X)}}
      SpatialMap(Sz(G),1) K;
    }
  }
}

// -----

Network net {
  Layer L1 {
    Type: CONV
    Dimensions { K: 4, C: 4, R: 1, S: 1, Y: 4, X: 4 }
    Dataflow {
      // expected-error @below {{unknown constant 'Tile' (declare it with 'Constant Tile <value>;')}}
      SpatialMap(Tile,1) K;
    }
  }
}

// -----

Network net {
  Layer L1 {
    Type: CONV
    Dimensions { K: 4, C: 4, R: 1, S: 1, Y: 4, X: 4 }
    Dataflow {
      // expected-error @below {{unknown directive 'SpatialMapping'; expected SpatialMap, TemporalMap or Cluster}}
      SpatialMapping(1,1) K;
    }
  }
}

// -----

Network net {
  Layer L1 {
    Type: CONV
    Dimensions { K: 4, C: 4, R: 1, S: 1, Y: 4, X: 4 }
    Dataflow {
      // expected-error @below {{expected cluster type P or L, found 'Q'}}
      Cluster(2, Q);
    }
  }
}

// -----

Network net {
  Layer L1 {
    Type: CONV
    Dimensions { K: 4, C: 4, R: 1, S: 1, Y: 4, X: 4 }
    // expected-error @below {{dataflow 'invalid': level 1 is empty: every cluster must have directives both above and below it}}
    Dataflow {
      SpatialMap(1,1) K;
      Cluster(2, P);
    }
  }
}

// -----

Network net {
  Layer L1 {
    Type: CONV
    Dimensions { K: 4, C: 4, R: 1, S: 1, Y: 4, X: 4 }
    Dataflow {
      // expected-error @below {{spatial_map<2, 3, K>: offset 3 exceeds size 2, so the elements of K between two chunks would never be mapped}}
      SpatialMap(2,3) K;
    }
  }
}

// -----

Network net {
  // expected-error @below {{'accel.layer' op 'L1': dataflow 'invalid' does not fit: directive #1 (cluster<512>): a cluster of 512 PEs does not fit the array of 256 PEs}}
  Layer L1 {
    Type: CONV
    Dimensions { K: 4, C: 4, R: 1, S: 1, Y: 4, X: 4 }
    Dataflow {
      SpatialMap(1,1) K;
      Cluster(512, P);
      SpatialMap(1,1) C;
    }
  }
}

// -----

Network net {
  Layer L1 {
    Type: CONV
    Dimensions { K: 4, C: 4, R: 3, S: 3, Y: 4, X: 4 }
    Dataflow {
      SpatialMap(1,1) K;
      // expected-error @below {{invalid mapping (a rule of MAESTRO's): a TemporalMap on S must cover the whole filter, so its size (1) and offset (1) must both equal the size of S (3)}}
      TemporalMap(1,1) S;
    }
  }
}

// -----

Network net {
  Layer L1 {
    // expected-error @below {{unknown layer type 'CONV3D'; expected CONV, DSCONV, NGCONV, TRCONV or GEMM}}
    Type: CONV3D
    Dimensions { K: 4, C: 4 }
  }
}

// -----

Network net {
  Layer L1 {
    // expected-error @below {{layer type POOL is not supported: MAESTRO parses it but has no cost model for it; use GEMM for fully connected layers}}
    Type: POOL
    Dimensions { K: 4, C: 4 }
  }
}

// -----

Network net {
  // expected-error @below {{layer L1 has no Dimensions}}
  Layer L1 {
    Type: CONV
  }
}

// -----

Network net {
  Layer L1 {
    Type: CONV
    // expected-error @below {{stride of 'K': strides apply to Y and X only}}
    Stride { K: 2 }
    Dimensions { K: 4, C: 4, R: 1, S: 1, Y: 4, X: 4 }
  }
}

// -----

Network net {
  // expected-error @below {{layer L1: the filter window (5 rows, dilation 1) does not fit the 4 input rows (padding 0+0)}}
  Layer L1 {
    Type: CONV
    Dimensions { K: 4, C: 4, R: 5, S: 1, Y: 4, X: 4 }
  }
}

// -----

// expected-error @below {{network net has no layers}}
Network net {
}

// -----

Constant Size 4;
// expected-error @below {{expected 'Network' or 'Constant', found 'Layer'}}
Layer L1 { }

// -----

Network net {
  Layer L1 {
    Type: CONV
    // expected-error @below {{unexpected character '#'}}
    Dimensions { K: #4 }
  }
}

// -----

Network net {
  Layer L1 {
    Type: CONV
    Dimensions { K: 4, C: 4, R: 1, S: 1, Y: 4, X: 4 }
    Dataflow {
      SpatialMap(1,1) K
      // expected-error @below {{expected ';' after the directive, found 'TemporalMap'}}
      TemporalMap(4,4) C;
    }
  }
}

// -----

Network net {
  Layer L1 {
    Type: CONV
    // expected-error @below {{'0x10' is not a decimal integer (MAESTRO sizes are written in decimal digits)}}
    Dimensions { K: 0x10, C: 4, R: 1, S: 1, Y: 4, X: 4 }
  }
}

// -----

Network net {
  Layer L1 {
    Type: CONV
    // expected-error @below {{'64KB' is not a decimal integer (MAESTRO sizes are written in decimal digits)}}
    Dimensions { K: 64KB, C: 4, R: 1, S: 1, Y: 4, X: 4 }
  }
}

// -----

Network net {
  Layer L1 {
    Type: CONV
    // expected-error @below {{stride of X must be in [1, 2147483648], got 1099511627776}}
    Stride { X: 1099511627776, Y: 1 }
    Dimensions { K: 4, C: 4, R: 1, S: 1, Y: 4, X: 4 }
  }
}

// -----

Network net {
  Layer L1 {
    Type: CONV
    // expected-error @below {{size of Y must be in [1, 2147483648], got 2147483649}}
    Dimensions { K: 4, C: 4, R: 1, S: 1, Y: 2147483649, X: 4 }
  }
}
