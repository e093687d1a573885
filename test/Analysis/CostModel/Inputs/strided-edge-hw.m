num_pes: 1
l1_size_cstr: 100000
l2_size_cstr: 10000000
noc_bw_cstr: 64
offchip_bw_cstr: 64
