// RUN: accel-opt %s --split-input-file --verify-diagnostics '--accel-simulate=report=%t.txt'

// A report that is neither CSV nor JSON is an error before anything runs.
// expected-error@+1 {{accel-simulate: report '}}
module attributes {accel.target = #accel.pe_array<num_pes = 32, maeri_ms = 32, maeri_dn_bw = 4, maeri_rn_bw = 1>} {
}
