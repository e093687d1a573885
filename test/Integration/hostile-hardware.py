"""Every shared MAESTRO file and network through the whole pipeline on
hardware at the edges: 1 PE, a PE count that is not a power of two, and
bandwidths of 1. Each run must exit 0, or exit non-zero with an `error:`
diagnostic; never a crash, a signal, an LLVM fatal error or silence.

usage: hostile-hardware.py ACCEL_TRANSLATE ACCEL_OPT SHARED_DIR WORK_DIR
"""
import concurrent.futures
import os
import re
import subprocess
import sys

translate, opt, shared, work = sys.argv[1:5]
os.makedirs(work, exist_ok=True)

# name: MAESTRO hardware file text (imported by accel-translate, set on
# converted networks by --accel-set-target)
HARDWARE = {
    "one-pe": "num_pes: 1\nl1_size_cstr: 64\nl2_size_cstr: 1024\n"
              "noc_bw_cstr: 1\noffchip_bw_cstr: 1\n",
    "seven-pes": "num_pes: 7\nl1_size_cstr: 100\nl2_size_cstr: 3000\n"
                 "noc_bw_cstr: 3\noffchip_bw_cstr: 5\n",
    "bandwidth-one": "num_pes: 256\nl1_size_cstr: 512\nl2_size_cstr: 108000\n"
                     "noc_bw_cstr: 1\noffchip_bw_cstr: 1\n",
}

# After a layer has a dataflow: cost it, schedule it for MAERI, run the
# schedule's timing (data for every layer would take minutes; layers of more
# than 2^16 tiles take the analytical model, so both paths run), write the
# MAESTRO file back.
BACK_END = ["--accel-cost-model", "--accel-emit-maeri-schedule",
            "--accel-simulate=timing-only=true max-walk-tiles=65536"]


def run(command, stdin=None):
    proc = subprocess.run(command, input=stdin, capture_output=True)
    return proc.returncode, proc.stdout, proc.stderr.decode(errors="replace")


def verdict(label, status, stderr):
    """None when the outcome is acceptable, else what was wrong."""
    if status < 0:
        return f"{label}: killed by signal {-status}"
    if re.search(r"Stack dump|LLVM ERROR|PLEASE submit|Assertion|"
                 r"AddressSanitizer|runtime error:", stderr):
        return f"{label}: crashed:\n{stderr[:2000]}"
    if status != 0 and "error:" not in stderr:
        return f"{label}: exit {status} without a diagnostic:\n{stderr[:500]}"
    return None


def maestro_case(mapping, hw):
    hw_file = os.path.join(work, hw + ".m")
    label = f"{os.path.basename(mapping)} on {hw}"
    status, ir, err = run([translate, "--import-maestro", mapping,
                           "--maestro-hw=" + hw_file])
    if status != 0:
        return status, verdict(label + " (import)", status, err)
    status, out, err = run([opt, "-", *BACK_END], ir)
    problem = verdict(label, status, err)
    if status == 0 and not problem:
        status, _, err = run([translate, "--export-maestro"], out)
        problem = verdict(label + " (export)", status, err)
    return status, problem


def network_case(model, hw):
    label = f"{os.path.basename(model)} on {hw}"
    status, ir, err = run([opt, model, "--convert-linalg-to-accel",
                           "--accel-assign-dataflow=dataflow=nvdla"])
    if status != 0:
        return status, verdict(label + " (convert)", status, err)
    hw_file = os.path.join(work, hw + ".m")
    status, _, err = run([opt, "-", "--accel-set-target=file=" + hw_file,
                          *BACK_END, "-o", os.devnull], ir)
    return status, verdict(label, status, err)


def main():
    for name, m_text in HARDWARE.items():
        with open(os.path.join(work, name + ".m"), "w") as f:
            f.write(m_text)
    mapping_dir = os.path.join(shared, "maestro", "mapping")
    model_dir = os.path.join(shared, "models")
    jobs = []
    for hw in HARDWARE:
        for name in sorted(os.listdir(mapping_dir)):
            if name.endswith(".m"):
                jobs.append((maestro_case, os.path.join(mapping_dir, name), hw))
        for name in sorted(os.listdir(model_dir)):
            if name.endswith(".mlir"):
                jobs.append((network_case, os.path.join(model_dir, name), hw))
    ok = diagnosed = 0
    problems = []
    with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        for status, problem in pool.map(lambda j: j[0](j[1], j[2]), jobs):
            if problem:
                problems.append(problem)
            elif status == 0:
                ok += 1
            else:
                diagnosed += 1
    for problem in problems:
        print("PROBLEM", problem)
    print(f"{len(jobs)} runs: {ok} exit 0, {diagnosed} diagnosed, "
          f"{len(problems)} problems")
    return 1 if problems else 0


sys.exit(main())
