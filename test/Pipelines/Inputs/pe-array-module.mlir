// A module whose accel.target --accel-set-target file= takes.
module attributes {accel.target = #accel.pe_array<num_pes = 16, l1_size = 64>} {}
