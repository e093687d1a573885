#!/usr/bin/env python3
"""The simulated MAERI's cycles against STONNE's on random STONNE command
lines (../shared/reference/stonne-random.csv: stonne-simulator/stonne
22634b8, -O3).

Every command line goes through one accel-translate and one accel-opt run
(--split-input-file), with data: each layer's functional check must pass,
including those STONNE itself gets wrong (aborts on VN size 1 with
folding, wrong outputs with stride 2 and T_X_/T_Y_ > 1). On the cases
STONNE passed, it prints the shares within 10% and 5% of STONNE's cycles
and the ratio's percentiles, and exits 1 when a share is below its floor
(the floors are the goals of issue 15, which the model reaches; the
goals are printed beside them)."""

import csv
import io
import subprocess
import sys

FLOOR_10, FLOOR_5 = 0.95, 0.85
GOAL_10, GOAL_5 = 0.95, 0.85


def main():
    translate, opt, table = sys.argv[1:4]
    cases = list(csv.DictReader(open(table)))
    source = "\n// -----\n".join(
        c["args"] + " -layer_name=" + c["case"] for c in cases)
    modules = subprocess.run(
        [translate, "--split-input-file", "--output-split-marker=// -----",
         "--import-stonne"], input=source, capture_output=True, text=True)
    if modules.returncode:
        sys.exit("accel-translate failed:\n" + modules.stderr)
    sim = subprocess.run(
        [opt, "--split-input-file", "--accel-simulate=report=-", "-o",
         "/dev/null"], input=modules.stdout, capture_output=True, text=True)
    if sim.returncode:
        sys.exit("accel-opt failed:\n" + sim.stderr)
    lines = sim.stdout.splitlines()
    rows = {r["Layer Number"]: r for r in csv.DictReader(io.StringIO("\n".join(
        [lines[0]] + [l for l in lines[1:] if not l.startswith("Layer Number")
                      and not l.startswith("//")])))}
    if len(rows) != len(cases):
        sys.exit("%d layers simulated for %d cases" % (len(rows), len(cases)))
    failed = [c for c, r in rows.items() if r["Functional Check"] != "passed"]
    if failed:
        sys.exit("functional check failed: " + ", ".join(failed))
    ratios = sorted(int(rows[c["case"]]["Simulated Cycles"]) /
                    int(c["stonne_cycles"])
                    for c in cases if c["stonne_passed"] == "True")
    n = len(ratios)
    within10 = sum(abs(r - 1) <= 0.10 for r in ratios) / n
    within5 = sum(abs(r - 1) <= 0.05 for r in ratios) / n
    print("functional check passed on all %d cases (%d STONNE failed)" %
          (len(cases), len(cases) - n))
    print("STONNE-passed cases: %d" % n)
    print("within 10%%: %.1f%% (floor %.0f%%, goal %.0f%%)" %
          (100 * within10, 100 * FLOOR_10, 100 * GOAL_10))
    print("within 5%%: %.1f%% (floor %.0f%%, goal %.0f%%)" %
          (100 * within5, 100 * FLOOR_5, 100 * GOAL_5))
    print("ratio p10 %.3f median %.3f p90 %.3f" %
          (ratios[n // 10], ratios[n // 2], ratios[9 * n // 10]))
    if within10 < FLOOR_10 or within5 < FLOOR_5:
        sys.exit("below the floor")


if __name__ == "__main__":
    main()
