// Read by ../accel-translate.mlir.
module attributes {accel.target = #accel.pe_array<num_pes = -3>} {}
