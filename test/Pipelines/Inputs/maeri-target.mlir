// A target attribute alone, as --accel-set-target file= reads it.
#accel.maeri<ms = 32, dn_bw = 4, rn_bw = 4>
