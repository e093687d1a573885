#!/usr/bin/env python3
"""Times whole-process runs of accel-mlir tools (median of N runs).

Usage: bench/whole_process.py [BUILD_DIR] [SHARED_DIR]
Prints one line per case: name, min, median and max wall time in ms.
"""
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build")
SHARED = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "..", "shared")
RUNS = 30

CASES = [
    ("ResNet-50 (54 layers): import + cost model",
     ["sh", "-c",
      "{bin}/accel-translate --import-maestro "
      "{shared}/maestro/mapping/Resnet50_kcp_ws.m | "
      "{bin}/accel-opt --accel-cost-model -o /dev/null"]),
    ("convert MobileBERT (554 matmuls) with convert-linalg-to-accel",
     ["accel-opt", "--convert-linalg-to-accel",
      "models/tpp-mlir__mobilebert-linalg-stripped.upgraded.mlir",
      "-o", "/dev/null"]),
    ("import Transformer_Complete.m (largest shipped .m)",
     ["accel-translate", "--import-maestro",
      "maestro/mapping/Transformer_Complete.m", "-o", "/dev/null"]),
    ("import Resnet50_kcp_ws.m (54 layers)",
     ["accel-translate", "--import-maestro",
      "maestro/mapping/Resnet50_kcp_ws.m", "-o", "/dev/null"]),
]


def main():
    for name, args in CASES:
        if args[0] == "sh":
            argv = args[:2] + [args[2].format(bin=os.path.join(BUILD, "bin"),
                                              shared=SHARED)]
        else:
            tool = os.path.join(BUILD, "bin", args[0])
            argv = [tool] + [os.path.join(SHARED, a)
                             if a.endswith((".m", ".mlir")) else a
                             for a in args[1:]]
        subprocess.run(argv, check=True)  # warm the file cache
        times = []
        for _ in range(RUNS):
            start = time.perf_counter()
            subprocess.run(argv, check=True)
            times.append((time.perf_counter() - start) * 1e3)
        print("%-55s min %6.1f ms  median %6.1f ms  max %6.1f ms"
              % (name, min(times), statistics.median(times), max(times)))


if __name__ == "__main__":
    main()
