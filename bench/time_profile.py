#!/usr/bin/env python3
"""Where a program's time goes, instruction by instruction.

    python3 bench/time_profile.py [--top N] [--min-share P] -- PROGRAM ARGS...

Runs PROGRAM pinned to core 0 under `perf record -e cpu-clock` (a timer:
no hardware counters needed) and prints, per function with at least
P % of the samples:

  - its share of the time;
  - the share that lands right after an integer division (the division's
    latency: a timer sample lands on the instruction after the one that
    waits);
  - the share that lands right after a load of 16 bytes or more: where
    such a load reads bytes that narrower stores just wrote, the core
    cannot forward them and the load waits for the cache (a struct
    written field by field and then copied at once);

and the N hottest instructions of the program with the two before each.
Callgrind counts instructions and sees neither wait; near the core's issue
width they decide the time (docs/CostModel.md, "Speed", ninth round).
Builds with `-g` give source lines in `perf annotate`; without, addresses.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

SAMPLE = re.compile(r"\s+([\d.]+) :\s+([0-9a-f]+):\s+(.*)$")
DIVISION = re.compile(r"i?div[bwlq]?\s")
WIDE_LOAD = re.compile(
    r"v?(movdq[au]|movup[sd]|movap[sd])\s+-?(0x[0-9a-f]+)?\([^)]*\),\s*%[xyz]mm")


def run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout


def function_shares(data):
    shares = {}
    report = run(["perf", "report", "-i", data, "--no-children",
                  "--sort", "sym", "--stdio"])
    for line in report.splitlines():
        m = re.match(r"\s+([\d.]+)%\s+\[\.\]\s+(.*)$", line)
        if m:
            shares[m.group(2).strip()] = float(m.group(1))
    return shares


def instructions(data, symbol):
    """(percent of the function's samples, address, instruction)."""
    text = run(["perf", "annotate", "-i", data, "--stdio", "-s", symbol])
    return [(float(m.group(1)), m.group(2), m.group(3).strip())
            for m in map(SAMPLE.match, text.splitlines()) if m]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--min-share", type=float, default=1.0)
    parser.add_argument("program", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    program = [a for a in args.program if a != "--"]
    if not program:
        parser.error("give the program to run after --")
    if not shutil.which("perf"):
        sys.exit("time_profile.py: needs perf (Debian: linux-perf)")

    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "perf.data")
        print(f"recording {' '.join(program)} ...", file=sys.stderr)
        recorded = subprocess.run(["perf", "record", "-q", "-e", "cpu-clock",
                                   "-F", "20000", "-o", data, "--", "taskset",
                                   "-c", "0"] + program,
                                  stdout=subprocess.DEVNULL)
        if recorded.returncode != 0:
            sys.exit(f"time_profile.py: {program[0]} (or perf) exited with "
                     f"{recorded.returncode}")
        shares = function_shares(data)
        hottest = []
        totals = [0.0, 0.0, 0.0]
        print(f"{'time %':>7} {'after div':>9} {'after wide load':>15}  function")
        for symbol, share in sorted(shares.items(), key=lambda kv: -kv[1]):
            if share < args.min_share:
                break
            code = instructions(data, symbol)
            after_div = after_load = 0.0
            for i, (pct, addr, text) in enumerate(code):
                before = [c[2] for c in code[max(0, i - 2):i]]
                of_all = pct * share / 100
                if before and DIVISION.match(before[-1]):
                    after_div += of_all
                if any(WIDE_LOAD.match(b) for b in before):
                    after_load += of_all
                hottest.append((of_all, symbol, addr, before + [text]))
            totals = [totals[0] + share, totals[1] + after_div,
                      totals[2] + after_load]
            print(f"{share:7.2f} {after_div:9.2f} {after_load:15.2f}  "
                  f"{symbol[:90]}")
        print(f"{totals[0]:7.2f} {totals[1]:9.2f} {totals[2]:15.2f}  "
              "(the functions above)")
        print(f"\nthe {args.top} hottest instructions (% of all samples), "
              "with the two before each:")
        for of_all, symbol, addr, texts in sorted(hottest,
                                                  key=lambda h: -h[0])[:args.top]:
            print(f"{of_all:6.2f}  {symbol[:60]} @{addr}")
            for t in texts:
                print(f"          {t[:100]}")


if __name__ == "__main__":
    main()
