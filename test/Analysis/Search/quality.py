"""Checks the searched dataflows against the library's, layer by layer.

For every network given: converts it to accel layers, costs every library
dataflow on it (--accel-assign-dataflow + --accel-cost-model) and, for each
objective, the searched dataflows (--accel-search-dataflow +
--accel-cost-model). A layer's mapping ranks as the search ranks it:
mappings whose L1/L2 requirements fit the target first, then the lower
objective (runtime, energy, or runtime x energy, exact from #accel.cost). A
library dataflow whose analysis counts fewer MACs than the layer has (the
MACs are recomputed here from the layer's dims) is not a mapping of the
layer and is left out, as the search leaves it out. Prints one line per
(network, objective) and a summary; exits 1 if any searched dataflow ranks
after the best library dataflow of its layer.

Usage: quality.py ACCEL_OPT MAX_EVALS WORKDIR MODEL...
"""
import os
import re
import subprocess
import sys

LIBRARY = ["nlr", "nvdla", "rs", "tpu_ws", "xp_ws", "yr_p", "yxp_os"]
OBJECTIVES = ["runtime", "energy", "edp"]
# #accel.pe_array defaults (docs/Dialect.md); the networks carry no target.
L1_SIZE, L2_SIZE = 512, 108000

LAYER = re.compile(r'accel\.layer "([^"]*)" \w+ dims <([^>]*)>')
COST = re.compile(r"cost = #accel\.cost<([^>]*)>")


def run(args):
    return subprocess.run(args, capture_output=True, text=True)


def layer_macs(line):
    dims = dict((k.strip(), int(v)) for k, v in
                (p.split("=") for p in LAYER.search(line).group(2).split(",")))
    def attr(name, default):
        m = re.search(name + r" = array<i64: ([0-9, ]*)>", line)
        return [int(v) for v in m.group(1).split(",")] if m else default
    pad = attr("padding", [0, 0, 0, 0])
    stride = attr("strides", [1, 1])
    dil = attr("dilations", [1, 1])
    def out(size, lo, hi, window, d, s):
        return (size + lo + hi - d * (window - 1) - 1) // s + 1
    oy = out(dims["Y"], pad[0], pad[1], dims["R"], dil[0], stride[0])
    ox = out(dims["X"], pad[2], pad[3], dims["S"], dil[1], stride[1])
    return (dims["N"] * dims["G"] * dims["K"] * dims["C"] * dims["R"] *
            dims["S"] * oy * ox)


def costs(text):
    """[(name, macs of the layer, {figure: value})] in program order."""
    layers = []
    for line in text.splitlines():
        m = LAYER.search(line)
        if not m:
            continue
        c = COST.search(line)
        figures = {}
        if c:
            for entry in c.group(1).split(","):
                k, v = entry.split("=")
                figures[k.strip()] = float(v.split(":")[0])
        layers.append((m.group(1), layer_macs(line), figures))
    return layers


def rank(figures, objective):
    fits = figures["l1_size"] <= L1_SIZE and figures["l2_size"] <= L2_SIZE
    runtime, energy = figures["runtime"], figures["energy_nj"]
    value = {"runtime": runtime, "energy": energy,
             "edp": runtime * energy}[objective]
    return (not fits, value)


def main():
    opt, max_evals, workdir = sys.argv[1], sys.argv[2], sys.argv[3]
    os.makedirs(workdir, exist_ok=True)
    total = {"layers": 0, "worse": 0, "better": 0}
    for model in sys.argv[4:]:
        name = os.path.basename(model)
        net = os.path.join(workdir, name)
        r = run([opt, model, "--convert-linalg-to-accel", "-o", net])
        if r.returncode:
            print(f"CONVERT FAILED {name}: {r.stderr[:300]}")
            sys.exit(1)
        library = {}
        skipped = []
        for lib in LIBRARY:
            r = run([opt, net, f"--accel-assign-dataflow=dataflow={lib}",
                     "--accel-cost-model"])
            if r.returncode:
                skipped.append(lib)
                continue
            library[lib] = costs(r.stdout)
        for objective in OBJECTIVES:
            r = run([opt, net, "--accel-search-dataflow=objective=" +
                     objective + " max-evals=" + max_evals,
                     "--accel-cost-model"])
            if r.returncode:
                print(f"SEARCH FAILED {name} {objective}: {r.stderr[:300]}")
                sys.exit(1)
            violations = sum(int(v) for v in
                             re.findall(r"(\d+) bound violations", r.stderr))
            searched = costs(r.stdout)
            worse = better = 0
            for i, (layer, macs, figures) in enumerate(searched):
                assert figures["macs"] >= macs, (name, layer)
                candidates = [lib_costs[i][2] for lib_costs in library.values()
                              if lib_costs[i][2]["macs"] >= macs]
                ours = rank(figures, objective)
                if not candidates:
                    continue
                best = min(rank(c, objective) for c in candidates)
                if ours > best:
                    worse += 1
                    print(f"WORSE {name} {objective} {layer}: {ours} > {best}")
                elif ours < best:
                    better += 1
            print(f"{name} {objective}: {len(searched)} layers, searched "
                  f"worse than the best library dataflow on {worse}, better "
                  f"on {better}; {violations} bound violations; library "
                  f"dataflows that fail on the network: "
                  f"{', '.join(skipped) or 'none'}")
            total["layers"] += len(searched)
            total["worse"] += worse
            total["better"] += better
            if violations:
                total["worse"] += 1
    print(f"total: {total['layers']} layer searches, worse on "
          f"{total['worse']}, better on {total['better']}")
    sys.exit(1 if total["worse"] else 0)


if __name__ == "__main__":
    main()
