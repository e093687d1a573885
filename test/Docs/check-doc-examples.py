"""Runs every ```mlir example of a Markdown file through accel-opt.

Blocks that start with `module` or `func.func` are parsed as they are; blocks
of `#accel.` attributes are parsed one attribute at a time, attached to an
empty function. Op snippets (starting with `%`) need surrounding values and
are skipped. Prints one line per example and exits non-zero on any failure.
Usage: check-doc-examples.py ACCEL_OPT FILE.md...
"""
import re
import subprocess
import sys


def examples(text):
    for match in re.finditer(r"```mlir\n(.*?)```", text, re.S):
        block = match.group(1)
        line = text.count("\n", 0, match.start()) + 2
        stripped = block.lstrip()
        if stripped.startswith(("module", "func.func")):
            yield line, block
        elif stripped.startswith("#accel."):
            for attr in re.split(r"\n(?=#accel\.)", stripped):
                yield line, "func.func @f() attributes {a = %s} { return }\n" % attr


def main():
    accel_opt, files = sys.argv[1], sys.argv[2:]
    failures = checked = 0
    for path in files:
        with open(path) as f:
            text = f.read()
        for line, source in examples(text):
            checked += 1
            run = subprocess.run([accel_opt, "-"], input=source, text=True,
                                 capture_output=True)
            if run.returncode != 0:
                failures += 1
                print("FAIL %s:%d\n%s" % (path, line, run.stderr))
            else:
                print("ok %s:%d" % (path, line))
    print("%d examples checked, %d failed" % (checked, failures))
    return 1 if failures or not checked else 0


if __name__ == "__main__":
    sys.exit(main())
