num_pes: 1
l1_size_cstr: 1
l2_size_cstr: 1
noc_bw_cstr: 1
offchip_bw_cstr: 1
