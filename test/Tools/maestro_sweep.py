"""Runs accel-maestro on every shipped mapping file with every hardware
configuration, as MAESTRO's users run it: from a folder holding data/ (a link
to the shared MAESTRO files, read in place). The configurations are each
hw/*.m file and the reference's 64-PE one given as flags.

Prints one line per run: `OK mapping hw: N rows` (exit 0 and a CSV of one row
per layer, each with a positive runtime), `ERROR mapping hw: the first error` (exit 1 with a diagnostic), or
`CRASH mapping hw: ...` (anything else: a signal, another exit code, exit 0
without such a CSV). Then `runs: N, ok: N, errors: N, crashes: N`.

Usage: maestro_sweep.py ACCEL_MAESTRO MAESTRO_DIR WORKDIR
"""
import csv
import glob
import os
import re
import shutil
import subprocess
import sys

PE64_FLAGS = ["--num_pes=64", "--l1_size_cstr=512", "--l2_size_cstr=108000",
              "--noc_bw_cstr=64", "--offchip_bw_cstr=16"]


def main():
    tool, maestro, workdir = sys.argv[1:4]
    # The runs start in workdir: find the tool from here.
    tool = os.path.abspath(shutil.which(tool) or tool)
    shutil.rmtree(workdir, ignore_errors=True)
    os.makedirs(workdir)
    os.symlink(os.path.abspath(maestro), os.path.join(workdir, "data"))
    configurations = [(os.path.basename(hw), ["--HW_file=data/hw/" +
                                              os.path.basename(hw)])
                      for hw in sorted(glob.glob(os.path.join(maestro, "hw",
                                                              "*.m")))]
    configurations.append(("pe64-flags", PE64_FLAGS))
    mappings = sorted(os.path.basename(m) for m in
                      glob.glob(os.path.join(maestro, "mapping", "*.m")))
    counts = {"OK": 0, "ERROR": 0, "CRASH": 0}
    for mapping in mappings:
        stem = mapping.split(".")[0]
        with open(os.path.join(maestro, "mapping", mapping)) as f:
            text = re.sub(r"//[^\n]*", "", f.read())
        layers = len(re.findall(r"\bLayer\s+\S+\s*\{", text))
        for hw, flags in configurations:
            report = os.path.join(workdir, stem + ".csv")
            if os.path.exists(report):
                os.remove(report)
            run = subprocess.run(
                [tool, "--Mapping_file=data/mapping/" + mapping,
                 "--print_res=false"] + flags,
                cwd=workdir, capture_output=True, text=True)
            errors = [line for line in run.stderr.splitlines()
                      if "error:" in line]
            rows = []
            if run.returncode == 0 and os.path.exists(report):
                with open(report) as f:
                    rows = list(csv.DictReader(f))
            if rows and len(rows) == layers and all(
                    int(row["Runtime (Cycles)"]) > 0 for row in rows):
                verdict, detail = "OK", "%d rows" % len(rows)
            elif run.returncode == 1 and errors:
                verdict, detail = "ERROR", errors[0]
            else:
                verdict = "CRASH"
                detail = "exit %d: %s" % (run.returncode,
                                          run.stderr.strip()[-300:])
            counts[verdict] += 1
            print("%s %s %s: %s" % (verdict, mapping, hw, detail))
    print("runs: %d, ok: %d, errors: %d, crashes: %d"
          % (sum(counts.values()), counts["OK"], counts["ERROR"],
             counts["CRASH"]))
    return 1 if counts["CRASH"] else 0


if __name__ == "__main__":
    sys.exit(main())
