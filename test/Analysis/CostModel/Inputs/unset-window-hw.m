num_pes: 64
l1_size_cstr: 256
l2_size_cstr: 1048576
noc_bw_cstr: 8
offchip_bw_cstr: 4
