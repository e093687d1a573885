"""Checks the cost model against MAESTRO's own outputs.

Reads ../shared/reference/maestro-reference.csv and reference/small/*.csv in
place; for every
(mapping file, hardware) group, writes the hardware file, imports the mapping
with accel-translate --import-maestro, runs accel-opt --accel-cost-model and
compares the figures layer by layer. Prints per-metric agreement (within 1%),
every row that disagrees, and a summary line.

Usage: fidelity.py ACCEL_TRANSLATE ACCEL_OPT SHARED_DIR WORKDIR
"""
import csv
import os
import subprocess
import sys
from collections import OrderedDict

METRICS = [
    "Runtime (Cycles)",
    "input l1 read", "input l1 write", "input l2 read", "input l2 write",
    "filter l1 read", "filter l1 write", "filter l2 read", "filter l2 write",
    "output l1 read", "output l1 write", "output l2 read", "output l2 write",
    "L1 SRAM Size Req (Bytes)", "L2 SRAM Size Req (Bytes)",
    "NoC BW Req (Elements/cycle)", "Avg BW Req", "Peak BW Req",
    "Offchip BW Req (Elements/cycle)",
]
TOLERANCE = 0.01


def agrees(ours, theirs):
    a, b = float(ours), float(theirs)
    if a == b:
        return True
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b))


def main():
    translate, opt, shared, workdir = sys.argv[1:5]
    os.makedirs(workdir, exist_ok=True)
    with open(os.path.join(shared, "reference", "maestro-reference.csv")) as f:
        reader = csv.reader(f)
        header = [h.strip() for h in next(reader)]
        rows = [dict(zip(header, [v.strip() for v in row])) for row in reader]
    groups = OrderedDict()
    for row in rows:
        groups.setdefault((row["mapping_file"], row["hw"]), []).append(row)

    # The small cases of reference/small: NAME_bwN.csv is NAME.m on
    # hw_bwN.m.
    small = os.path.join(shared, "reference", "small")
    for name in sorted(os.listdir(small)):
        if not name.endswith(".csv"):
            continue
        stem, bw = name[:-4].rsplit("_", 1)
        with open(os.path.join(small, name)) as f:
            reader = csv.reader(f)
            header = [h.strip() for h in next(reader)]
            for values in reader:
                row = dict(zip(header, [v.strip() for v in values]))
                row["mapping_path"] = os.path.join(small, stem + ".m")
                row["hw_path"] = os.path.join(small, "hw_%s.m" % bw)
                row["mapping_file"] = stem + ".m"
                row["hw"] = bw
                groups.setdefault((stem + ".m", bw), []).append(row)

    per_metric = {m: 0 for m in METRICS}
    rows_ok = rows_total = 0
    for (mapping, hw), ref_rows in groups.items():
        first = ref_rows[0]
        if "hw_path" in first:
            hw_file, mapping_path = first["hw_path"], first["mapping_path"]
        else:
            hw_file = os.path.join(workdir, hw + ".m")
            mapping_path = os.path.join(shared, "maestro", "mapping", mapping)
            with open(hw_file, "w") as f:
                f.write("num_pes: %s\nl1_size_cstr: %s\nl2_size_cstr: %s\n"
                        "noc_bw_cstr: %s\noffchip_bw_cstr: %s\n"
                        % (first["hw_num_pes"], first["hw_l1"], first["hw_l2"],
                           first["hw_noc_bw"], first["hw_offchip_bw"]))
        report = os.path.join(workdir, "%s.%s.csv" % (mapping, hw))
        imported = subprocess.run(
            [translate, "--import-maestro", mapping_path,
             "--maestro-hw=" + hw_file], capture_output=True, text=True)
        costed = subprocess.run(
            [opt, "--accel-cost-model=report=" + report, "-o", os.devnull],
            input=imported.stdout, capture_output=True, text=True)
        if imported.returncode or costed.returncode:
            print("FAILED %s on %s: %s%s" % (mapping, hw, imported.stderr,
                                             costed.stderr))
            rows_total += len(ref_rows)
            continue
        with open(report) as f:
            ours = list(csv.DictReader(f))
        for ref, mine in zip(ref_rows, ours):
            rows_total += 1
            bad = []
            for metric in METRICS:
                if agrees(mine[metric], ref[metric]):
                    per_metric[metric] += 1
                else:
                    bad.append("%s %s vs %s" % (metric, mine[metric],
                                                ref[metric]))
            if bad:
                print("DIFF %s %s %s: %s" % (mapping, hw, ref["Layer Number"],
                                             "; ".join(bad)))
            else:
                rows_ok += 1
    for metric in METRICS:
        print("%-35s %d/%d agree within 1%%" % (metric, per_metric[metric],
                                               rows_total))
    print("rows agreeing on every metric: %d/%d (%.1f%%)"
          % (rows_ok, rows_total, 100.0 * rows_ok / max(rows_total, 1)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
