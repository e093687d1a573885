"""Imports, exports and re-imports MAESTRO .m files; the two imports must
print the same IR. Files MAESTRO itself rejects must be rejected too.

Usage: roundtrip_shipped.py ACCEL_TRANSLATE WORKDIR FILE...
Prints one line per file and a summary; exits non-zero on any mismatch.
Exports keep the file's name, since imported dataflows are named after it.
"""
import os
import subprocess
import sys


def run(tool, *args):
    return subprocess.run([tool, *args], capture_output=True, text=True)


def main():
    tool, workdir, files = sys.argv[1], sys.argv[2], sorted(sys.argv[3:])
    os.makedirs(workdir, exist_ok=True)
    counts = {"ok": 0, "rejected": 0, "FAILED": 0}
    for path in files:
        name = os.path.basename(path)
        first = run(tool, "--import-maestro", path)
        if first.returncode != 0:
            errors = [l for l in first.stderr.splitlines() if "error:" in l]
            reason = errors[0].split("error: ", 1)[1] if errors else first.stderr
            print("rejected %s: %s" % (name, reason))
            counts["rejected"] += 1
            continue
        exported = os.path.join(workdir, name)
        second = subprocess.run([tool, "--export-maestro", "-o", exported],
                                input=first.stdout, capture_output=True,
                                text=True)
        third = run(tool, "--import-maestro", exported)
        if second.returncode != 0 or third.returncode != 0:
            print("FAILED %s: %s%s" % (name, second.stderr, third.stderr))
            counts["FAILED"] += 1
        elif third.stdout != first.stdout:
            print("FAILED %s: the re-imported IR differs" % name)
            counts["FAILED"] += 1
        else:
            print("ok %s" % name)
            counts["ok"] += 1
    print("%d files: %d round-tripped, %d rejected, %d failed"
          % (len(files), counts["ok"], counts["rejected"], counts["FAILED"]))
    return 1 if counts["FAILED"] else 0


if __name__ == "__main__":
    sys.exit(main())
