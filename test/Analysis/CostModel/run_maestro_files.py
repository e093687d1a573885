"""Imports MAESTRO files and runs the cost model on each; prints one line per
file with its layer count and total runtime, or why it failed.

Usage: run_maestro_files.py ACCEL_TRANSLATE ACCEL_OPT FILE...
"""
import csv
import io
import os
import subprocess
import sys


def main():
    translate, opt, files = sys.argv[1], sys.argv[2], sorted(sys.argv[3:])
    for path in files:
        name = os.path.basename(path)
        imported = subprocess.run([translate, "--import-maestro", path],
                                  capture_output=True, text=True)
        costed = subprocess.run([opt, "--accel-cost-model=report=-",
                                 "-o", os.devnull], input=imported.stdout,
                                capture_output=True, text=True)
        if imported.returncode or costed.returncode:
            print("FAILED %s: %s%s" % (name, imported.stderr, costed.stderr))
            continue
        rows = list(csv.DictReader(io.StringIO(costed.stdout)))
        runtimes = [int(r["Runtime (Cycles)"]) for r in rows]
        print("%s: %d layers, all runtimes positive: %s"
              % (name, len(rows), all(t > 0 for t in runtimes)))


if __name__ == "__main__":
    sys.exit(main())
