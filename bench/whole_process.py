#!/usr/bin/env python3
"""Times whole-process runs of accel-mlir tools: start-up included, as a
user's script sees them. Prints one line per case: min, median and max wall
time in ms and the median peak memory (MiB) of the process.

With --maestro SRC, also builds MAESTRO with g++ -O3 (as its reference
figures were made, ../shared/reference/README.md) from SRC, a checkout or a
bare git directory of maestro-project/maestro, into --maestro-build (outside
the project; nothing of MAESTRO is kept here), and times it against
accel-maestro on the same command line, the two alternating run by run.
Without it, accel-maestro's figures are printed alone.

Usage: bench/whole_process.py [BUILD_DIR] [SHARED_DIR] [--maestro SRC]
                              [--maestro-build DIR] [--runs N]
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# MAESTRO's SConstruct: its include folders, sources and libraries.
MAESTRO_INCLUDES = [
    ".", "cost-model/include", "cost-model/include/base",
    "cost-model/include/tools", "cost-model/include/user-api",
    "cost-model/include/dataflow-analysis",
    "cost-model/include/dataflow-specification-language",
    "cost-model/include/design-space-exploration",
    "cost-model/include/cost-analysis",
    "cost-model/include/abstract-hardware-model", "cost-model/src",
]
MAESTRO_SOURCES = ["maestro-top.cpp", "cost-model/src/BASE_base-objects.cpp"]
MAESTRO_LIBS = ["-lboost_program_options", "-lboost_filesystem",
                "-lboost_system"]

# MAESTRO's run_example.sh, run from a folder holding data/hw and
# data/mapping: the program is the only word that differs.
RUN_EXAMPLE = ["--HW_file=data/hw/accelerator_1.m",
               "--Mapping_file=data/mapping/Resnet50_kcp_ws.m",
               "--print_res=true", "--print_res_csv_file=true",
               "--print_log_file=false"]
RUN_EXAMPLE_CSV = "Resnet50_kcp_ws.csv"


def run_once(argv, cwd=None, remove=None):
    """Wall ms and peak MiB of one run (its output thrown away)."""
    if remove and os.path.exists(remove):
        os.remove(remove)
    start = time.perf_counter()
    process = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = (time.perf_counter() - start) * 1e3
    process.returncode = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_maxrss / 1024.0, process.returncode


# A child's peak memory cannot read below what it inherits at fork: this
# script's own size, measured on `true` in main().
PEAK_FLOOR = [0.0]


def summary(name, runs):
    walls = [w for w, _, _ in runs]
    peak = statistics.median(p for _, p, _ in runs)
    at_floor = "<=" if peak <= PEAK_FLOOR[0] * 1.02 else "  "
    print("%-58s min %6.1f ms  median %6.1f ms  max %6.1f ms  peak %s%5.1f "
          "MiB" % (name, min(walls), statistics.median(walls), max(walls),
                   at_floor, peak))
    return statistics.median(walls)


def time_case(name, argv, runs, cwd=None, remove=None):
    run_once(argv, cwd, remove)  # warm the file cache
    return summary(name, [run_once(argv, cwd, remove) for _ in range(runs)])


def build_maestro(source, build):
    """MAESTRO -O3 from a checkout or a bare git directory; returns the
    binary (rebuilt only when missing)."""
    binary = os.path.join(build, "maestro")
    if os.path.exists(binary):
        return binary
    tree = source
    if not os.path.exists(os.path.join(source, "maestro-top.cpp")):
        tree = os.path.join(build, "src")
        os.makedirs(tree, exist_ok=True)
        archive = subprocess.run(["git", "--git-dir", source, "archive",
                                  "HEAD"], check=True, capture_output=True)
        subprocess.run(["tar", "-x", "-C", tree], input=archive.stdout,
                       check=True)
    os.makedirs(build, exist_ok=True)
    print("building MAESTRO (g++ -O3) in %s" % build, file=sys.stderr)
    subprocess.run(
        ["g++", "-O3", "-std=c++17"] +
        ["-I" + os.path.join(tree, d) for d in MAESTRO_INCLUDES] +
        [os.path.join(tree, s) for s in MAESTRO_SOURCES] +
        ["-o", binary] + MAESTRO_LIBS, check=True)
    return binary


def compare_with_maestro(ours, maestro, shared, runs):
    """run_example.sh through both, alternating; each run starts without the
    CSV (MAESTRO appends to an existing one)."""
    scratch = tempfile.mkdtemp(prefix="accel-bench-")
    os.symlink(os.path.join(shared, "maestro"), os.path.join(scratch, "data"))
    csv = os.path.join(scratch, RUN_EXAMPLE_CSV)
    ours_argv, maestro_argv = [ours] + RUN_EXAMPLE, [maestro] + RUN_EXAMPLE
    for argv in (ours_argv, maestro_argv):
        _, _, code = run_once(argv, scratch, csv)
        if code != 0:
            sys.exit("%s exited with %d" % (argv[0], code))
    ours_runs, maestro_runs = [], []
    for _ in range(runs):
        ours_runs.append(run_once(ours_argv, scratch, csv))
        maestro_runs.append(run_once(maestro_argv, scratch, csv))
    mine = summary("ResNet-50 kcp_ws, run_example.sh: accel-maestro",
                   ours_runs)
    theirs = summary("ResNet-50 kcp_ws, run_example.sh: MAESTRO -O3",
                     maestro_runs)
    ratios = [a[0] / b[0] for a, b in zip(ours_runs, maestro_runs)]
    print("accel-maestro / MAESTRO: %.2fx (medians), %.2fx (median of "
          "paired runs)" % (mine / theirs, statistics.median(ratios)))


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("build", nargs="?", default=os.path.join(ROOT,
                                                                 "build"))
    parser.add_argument("shared", nargs="?",
                        default=os.path.join(ROOT, "..", "shared"))
    parser.add_argument("--maestro", help="MAESTRO's sources (checkout or "
                        "bare git directory)")
    parser.add_argument("--maestro-build",
                        default=os.path.join(tempfile.gettempdir(),
                                             "accel-bench-maestro"),
                        help="where MAESTRO is built (outside the project)")
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    build = os.path.abspath(args.build)
    tool = lambda name: os.path.join(build, "bin", name)
    shared = os.path.abspath(args.shared)
    mapping = lambda name: os.path.join(shared, "maestro", "mapping", name)

    PEAK_FLOOR[0] = run_once(["true"])[1]
    print("peak memory floor (what a child inherits): %.1f MiB; '<=' marks "
          "a peak at it" % PEAK_FLOOR[0])
    empty = os.path.join(tempfile.mkdtemp(prefix="accel-bench-"), "empty")
    for suffix in (".mlir", ".m"):
        open(empty + suffix, "w").close()
    time_case("start-up: accel-opt on an empty module",
              [tool("accel-opt"), empty + ".mlir"], args.runs)
    time_case("start-up: accel-maestro on an empty .m (an error)",
              [tool("accel-maestro"), "--Mapping_file=" + empty + ".m"],
              args.runs)
    time_case("ResNet-50 (66 layers): accel-translate | accel-opt",
              ["sh", "-c", "%s --import-maestro %s | %s --accel-cost-model "
               "-o /dev/null" % (tool("accel-translate"),
                                 mapping("Resnet50_kcp_ws.m"),
                                 tool("accel-opt"))], args.runs)
    time_case("import Transformer_Complete.m (largest shipped .m)",
              [tool("accel-translate"), "--import-maestro",
               mapping("Transformer_Complete.m"), "-o", "/dev/null"],
              args.runs)
    time_case("convert MobileBERT (554 matmuls) with convert-linalg-to-accel",
              [tool("accel-opt"), "--convert-linalg-to-accel",
               os.path.join(shared, "models", "tpp-mlir__mobilebert-linalg-"
                            "stripped.upgraded.mlir"), "-o", "/dev/null"],
              args.runs)
    if args.maestro:
        maestro = build_maestro(os.path.abspath(args.maestro),
                                args.maestro_build)
        compare_with_maestro(tool("accel-maestro"), maestro, shared,
                             args.runs)
    else:
        scratch = tempfile.mkdtemp(prefix="accel-bench-")
        os.symlink(os.path.join(shared, "maestro"),
                   os.path.join(scratch, "data"))
        time_case("ResNet-50 kcp_ws, run_example.sh: accel-maestro",
                  [tool("accel-maestro")] + RUN_EXAMPLE, args.runs,
                  cwd=scratch, remove=os.path.join(scratch, RUN_EXAMPLE_CSV))


if __name__ == "__main__":
    main()
