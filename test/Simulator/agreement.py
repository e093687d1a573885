#!/usr/bin/env python3
"""The executor's cycles against the analytical MAERI model's, for every
layer of a matrix and every library dataflow (and the default mapping).

Prints one line per case and a summary; exits 1 when fewer than 90% of the
cases that MAERI can run agree within 5%, or when a case that runs reports
anything but sane figures. Layers a dataflow cannot run on MAERI are listed
as such (their diagnostics are the pass's)."""

import csv
import io
import re
import subprocess
import sys

DATAFLOWS = ["nlr", "nvdla", "xp_ws", "yxp_os", "rs", "yr_p", "tpu_ws", None]


def run(accel_opt, layers, dataflow):
    cmd = [accel_opt, "--split-input-file", layers]
    if dataflow:
        cmd.append("--accel-assign-dataflow=dataflow=" + dataflow)
    cmd += ["--accel-emit-maeri-schedule",
            "--accel-simulate=report=- timing-only=true", "-o", "/dev/null"]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    rows = [r for r in csv.DictReader(
        io.StringIO("\n".join(l for i, l in enumerate(proc.stdout.splitlines())
                              if i == 0 or not l.startswith("Layer Number"))))]
    refused = re.findall(r"MAERI cannot run layer '(\w+)'", proc.stderr)
    other = [l for l in proc.stderr.splitlines()
             if "error:" in l and "MAERI cannot run" not in l]
    if other:
        sys.exit("unexpected diagnostics for %s:\n%s" % (dataflow, "\n".join(other)))
    return rows, refused


def main():
    accel_opt, layers = sys.argv[1], sys.argv[2]
    agree = total = 0
    for dataflow in DATAFLOWS:
        rows, refused = run(accel_opt, layers, dataflow)
        for row in rows:
            sim = int(row["Simulated Cycles"])
            est = int(row["Cost Model Cycles"])
            if sim <= 0 or est <= 0 or int(row["Num MACs"]) <= 0:
                sys.exit("bad figures: %s" % row)
            ratio = sim / est
            ok = abs(ratio - 1) <= 0.05
            agree += ok
            total += 1
            print("%-8s %-10s sim %10d model %10d ratio %.3f %s" %
                  (dataflow or "default", row["Layer Number"], sim, est, ratio,
                   "ok" if ok else "DIFFERS"))
        for layer in refused:
            print("%-8s %-10s does not fit MAERI" % (dataflow or "default", layer))
    print("within 5%%: %d of %d cases (%.1f%%)" % (agree, total, 100.0 * agree / total))
    if agree < 0.9 * total:
        sys.exit("fewer than 90% of the cases agree within 5%")


if __name__ == "__main__":
    main()
