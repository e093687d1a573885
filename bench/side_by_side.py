#!/usr/bin/env python3
"""Compares two builds of one Google Benchmark program, side by side.

Runs OLD and NEW (two binaries of the same benchmark program, say
build-old/bin/accel-bench-cost-model and build/bin/accel-bench-cost-model)
in rounds: both pinned to one core, one after the other, the order swapped
every round. Prints, per benchmark, the median over the rounds of the ratio
NEW / OLD of each round's time (or, where the benchmark reports it, its
`s/eval` counter), the smallest and largest ratio, and each side's median.

Why so: a machine shared with others runs in phases (a whole run can be
half again slower than the next one), and its cores need not be alike, so
neither an unpinned benchmark nor two runs far apart in time compare two
builds. Within a round both builds meet the same phase on the same core;
the median over rounds drops the rounds a phase change split.

Usage: bench/side_by_side.py OLD NEW [--filter REGEX] [--rounds N]
                             [--min-time SECONDS] [--core K]
"""
import argparse
import json
import shutil
import statistics
import subprocess
import sys


def run(binary, args):
    """One run of `binary`: {benchmark name: time}, in its own unit."""
    command = [binary, "--benchmark_format=json",
               "--benchmark_filter=" + args.filter,
               "--benchmark_min_time=" + str(args.min_time)]
    if args.core is not None:
        command = ["taskset", "-c", str(args.core)] + command
    out = subprocess.run(command, check=True, capture_output=True,
                         text=True).stdout
    times = {}
    for b in json.loads(out)["benchmarks"]:
        if b.get("run_type") == "aggregate":
            continue
        name = b["name"] + (" " + b["label"] if b.get("label") else "")
        times[name] = b["s/eval"] if "s/eval" in b else b["real_time"]
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--filter", default=".")
    parser.add_argument("--rounds", type=int, default=8)
    parser.add_argument("--min-time", type=float, default=0.2,
                        help="--benchmark_min_time of each run, seconds")
    parser.add_argument("--core", type=int, default=0,
                        help="the core both run on (-1: not pinned)")
    args = parser.parse_args()
    if args.core < 0:
        args.core = None
    elif not shutil.which("taskset"):
        sys.exit("side_by_side: taskset (util-linux) is needed to pin runs")
    ratios, old_times, new_times = {}, {}, {}
    for k in range(args.rounds):
        first, second = (args.old, args.new) if k % 2 == 0 else (args.new,
                                                                 args.old)
        results = {first: run(first, args), second: run(second, args)}
        for name, old in results[args.old].items():
            new = results[args.new].get(name)
            if new is None or old <= 0:
                continue
            ratios.setdefault(name, []).append(new / old)
            old_times.setdefault(name, []).append(old)
            new_times.setdefault(name, []).append(new)
        print(f"round {k + 1} of {args.rounds}", file=sys.stderr)
    width = max((len(n) for n in ratios), default=0)
    print(f"{'benchmark':{width}}  new/old  (min-max)      old med   new med")
    for name, r in ratios.items():
        print(f"{name:{width}}  {statistics.median(r):7.3f}  "
              f"({min(r):.3f}-{max(r):.3f})  "
              f"{statistics.median(old_times[name]):9.4g} "
              f"{statistics.median(new_times[name]):9.4g}")


if __name__ == "__main__":
    main()
