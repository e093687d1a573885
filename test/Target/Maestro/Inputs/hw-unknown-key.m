num_pes: 64
l1_size_cstr: 512
simd_width: 4
