"""Checks every dataflow file of the library: it verifies on its own, its
name and aliases clash with no other's, and it binds to every layer of
Inputs/layers.mlir through --accel-assign-dataflow.

Usage: check_library.py ACCEL_OPT LAYERS.mlir DATAFLOW.mlir...
"""
import re
import subprocess
import sys


def main():
    accel_opt, layers, files = sys.argv[1], sys.argv[2], sorted(sys.argv[3:])
    seen = {}
    failures = 0
    for path in files:
        text = open(path).read()
        name = re.search(r'#accel\.dataflow<"([^"]+)"', text).group(1)
        aliases = re.findall(r'"([^"]+)"', re.search(
            r"accel\.dataflow_aliases = \[([^\]]*)\]", text).group(1)) \
            if "accel.dataflow_aliases" in text else []
        problems = []
        for spelling in [name.lower()] + aliases:
            if spelling in seen:
                problems.append("'%s' is also %s" % (spelling, seen[spelling]))
            seen[spelling] = name
        alone = subprocess.run([accel_opt, path, "--verify-roundtrip"],
                               capture_output=True, text=True)
        if alone.returncode:
            problems.append(alone.stderr)
        bound = subprocess.run(
            [accel_opt, layers, "--accel-assign-dataflow=file=" + path],
            capture_output=True, text=True)
        if bound.returncode:
            problems.append(bound.stderr)
        elif bound.stdout.count('dataflow <"%s"' % name) != 7:
            problems.append("not every layer got the dataflow")
        if problems:
            failures += 1
            print("FAILED %s: %s" % (name, "; ".join(problems)))
        else:
            print("ok %s (%s)" % (name, ", ".join(aliases)))
    print("%d dataflows, %d failed" % (len(files), failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
