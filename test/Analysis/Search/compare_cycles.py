"""Compares the simulated cycles of two --accel-simulate CSV reports of the
same layers: prints `layer: searched A <= emitted B` (or `>`) per layer and
whether the first is never slower.

Usage: compare_cycles.py SEARCHED.csv EMITTED.csv
"""
import csv
import sys


def cycles(path):
    with open(path) as f:
        return [(row["Layer Number"], int(row["Simulated Cycles"]))
                for row in csv.DictReader(f)]


searched, emitted = cycles(sys.argv[1]), cycles(sys.argv[2])
assert [n for n, _ in searched] == [n for n, _ in emitted]
ok = True
for (name, a), (_, b) in zip(searched, emitted):
    print(f"{name}: searched {a} {'<=' if a <= b else '>'} emitted {b}")
    ok &= a <= b
print(f"searched never slower: {ok}")
