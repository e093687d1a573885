// RUN: accel-opt %s --split-input-file --verify-diagnostics '--accel-simulate=report=%t.txt'

// A report that is neither CSV nor JSON is an error before anything runs.
// expected-error@+1 {{accel-simulate: report '}}
module attributes {accel.target = #accel.maeri<ms = 32, dn_bw = 4, rn_bw = 1>} {
}
