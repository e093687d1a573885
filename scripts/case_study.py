#!/usr/bin/env python3
"""The main job: VGG16 CONV11 with the NLR and NVDLA dataflows.

Imports ../shared/reference/vgg16_conv11_{nlr,ckp_ws}.m on MAESTRO's
accelerator_1.m, runs the cost model, prints the comparison table next to
MAESTRO's published numbers, and writes the study's three charts (L1 reuse,
L2 reuse, runtime) as SVG and PNG with matplotlib. Then runs the same layer
from linalg (the 11th convolution of ../shared/models/nelli__vgg16.mlir) and
compares.

Usage: case_study.py BUILD_DIR SHARED_DIR OUT_DIR
"""
import json
import math
import os
import subprocess
import sys

DEBIAN_PYTHON = "/usr/bin/python3"


def need_matplotlib():
    """Debian's python3-matplotlib (scripts/setup.sh) belongs to Debian's
    python3; when another python3 comes first in PATH (pyenv, a venv),
    run this script again with Debian's."""
    try:
        import matplotlib  # noqa: F401
        return
    except ImportError:
        pass
    if os.path.realpath(sys.executable) != os.path.realpath(DEBIAN_PYTHON) \
            and os.access(DEBIAN_PYTHON, os.X_OK):
        os.execv(DEBIAN_PYTHON, [DEBIAN_PYTHON] + sys.argv)
    sys.exit("case_study.py: the charts need matplotlib: install Debian's "
             "python3-matplotlib (scripts/setup.sh does)")


BUILD, SHARED, OUT = sys.argv[1:4]
TRANSLATE = os.path.join(BUILD, "bin", "accel-translate")
OPT = os.path.join(BUILD, "bin", "accel-opt")
HW = os.path.join(SHARED, "maestro", "hw", "accelerator_1.m")
CASES = [("NLR", "vgg16_conv11_nlr.m"), ("NVDLA", "vgg16_conv11_ckp_ws.m")]


def run(argv, stdin=None):
    result = subprocess.run(argv, input=stdin, capture_output=True, text=True)
    if result.returncode:
        sys.exit("%s failed:\n%s" % (" ".join(argv), result.stderr))
    return result.stdout


def cost_of_maestro_file(name):
    report = os.path.join(OUT, name + ".json")
    ir = run([TRANSLATE, "--import-maestro",
              os.path.join(SHARED, "reference", name), "--maestro-hw=" + HW])
    run([OPT, "--accel-cost-model=report=" + report, "-o", os.devnull], ir)
    with open(report) as f:
        return json.load(f)["layers"][0]


def maestro_table():
    """MAESTRO's published outputs (case-study-table.md) by metric name."""
    table = {}
    with open(os.path.join(SHARED, "reference", "case-study-table.md")) as f:
        for line in f:
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) == 3 and not cells[0].startswith(("MAESTRO", "---")):
                table[cells[0]] = (cells[1], cells[2])
    return table


def fmt(value):
    """Integers in full, other figures to six significant digits."""
    return str(int(value)) if float(value).is_integer() else "%.6g" % value


def ratio(a, b):
    return float(a) / float(b) if float(b) else 0.0


def derived(layer):
    """The study's reuse figures: L1 reuse = L1 reads / L1 writes (uses of
    each element written into a PE); L2 reuse = L1 reads / L2 reads (uses of
    each element read out of the shared buffer)."""
    return {
        "L1 input reuse": ratio(layer["input l1 read"], layer["input l1 write"]),
        "L1 weight reuse": ratio(layer["filter l1 read"], layer["filter l1 write"]),
        "L2 input reuse": ratio(layer["input l1 read"], layer["input l2 read"]),
        "L2 weight reuse": ratio(layer["filter l1 read"], layer["filter l2 read"]),
    }


# Two series that stay apart in greyscale: a dark fill and a light hatched
# one.
SERIES_STYLE = {"NLR": {"color": "#1b3a6b", "edgecolor": "black"},
                "NVDLA": {"color": "#f0c27a", "edgecolor": "black",
                          "hatch": "//"}}


def value_label(v):
    """Integers in full with thousands separators, other values to four
    significant digits."""
    return "{:,}".format(int(v)) if float(v).is_integer() else "%.4g" % v


def bar_chart(path, title, ylabel, groups, log=False):
    """A grouped bar chart written as SVG and PNG beside it.

    groups = [(label, [(series, value), ...]), ...]. With `log` the y axis
    is logarithmic with decade ticks, starts below 1 so that a value of 1
    (no reuse) still shows as a bar, and says so in its label.
    """
    import matplotlib
    matplotlib.use("Agg")
    # Text stays text in the SVG: searchable, and small.
    matplotlib.rcParams["svg.fonttype"] = "none"
    import matplotlib.pyplot as plt
    from matplotlib.ticker import LogLocator, FuncFormatter, MaxNLocator

    series = [name for name, _ in groups[0][1]]
    fig, ax = plt.subplots(figsize=(6.4, 4.0), dpi=100)
    width = 0.8 / len(series)
    values = [v for _, bars in groups for _, v in bars]
    for si, name in enumerate(series):
        xs = [gi + (si - (len(series) - 1) / 2) * width
              for gi in range(len(groups))]
        vs = [dict(bars)[name] for _, bars in groups]
        base = 0.5 if log else 0
        bars = ax.bar(xs, [v - base for v in vs], width * 0.92, bottom=base,
                      label=name, **SERIES_STYLE[name])
        ax.bar_label(bars, labels=[value_label(v) for v in vs], padding=3,
                     fontsize=10)
    ax.set_xticks(range(len(groups)), [label for label, _ in groups],
                  fontsize=11)
    if log:
        ax.set_yscale("log")
        top = 10 ** math.ceil(math.log10(max(values) * 3))
        ax.set_ylim(0.5, top)
        ax.yaxis.set_major_locator(LogLocator(base=10))
        ax.yaxis.set_major_formatter(FuncFormatter(
            lambda v, _: "%g" % v if v >= 1 else ""))
        ylabel += " (log scale; 1 = no reuse)"
    else:
        ax.set_ylim(0, max(values) * 1.15)
        ax.yaxis.set_major_locator(MaxNLocator(6))
        millions = max(values) >= 1e6
        ax.yaxis.set_major_formatter(FuncFormatter(
            lambda v, _: "%gM" % (v / 1e6) if millions and v else "%g" % v))
    ax.set_ylabel(ylabel, fontsize=11)
    ax.set_title(title, fontsize=13)
    ax.grid(axis="y", which="major", color="#cccccc", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.spines[["top", "right"]].set_visible(False)
    # The legend outside the bars, right of the plot.
    ax.legend(title="dataflow", loc="upper left", bbox_to_anchor=(1.01, 1),
              frameon=False)
    fig.tight_layout()
    for ext in ("svg", "png"):
        fig.savefig(os.path.splitext(path)[0] + "." + ext,
                    metadata={"Date": None} if ext == "svg" else None)
    plt.close(fig)


def linalg_conv11(dataflow):
    """VGG16's 11th conv from torch-mlir, on the same hardware."""
    model = os.path.join(SHARED, "models", "nelli__vgg16.mlir")
    report = os.path.join(OUT, "linalg_%s.json" % dataflow)
    run([OPT, model, "--accel-analyze=dataflow=%s hw-file=%s report=%s"
         % (dataflow, HW, report), "-o", os.devnull])
    with open(report) as f:
        layers = json.load(f)["layers"]
    return next(l for l in layers if l["Layer Number"] == "conv_11")


def main():
    need_matplotlib()
    os.makedirs(OUT, exist_ok=True)
    ours = {label: cost_of_maestro_file(f) for label, f in CASES}
    theirs = maestro_table()
    rows = ["Runtime (Cycles)", "Throughput (MACs/Cycle)", "Num MACs",
            "input reuse factor", "filter reuse factor",
            "input l1 write", "input l2 read", "filter l1 write",
            "filter l2 read", "output l2 write",
            "L1 SRAM Size Req (Bytes)", "L2 SRAM Size Req (Bytes)",
            "Peak BW Req", "Avg BW Req", "Offchip BW Req (Elements/cycle)",
            "Activity count-based Energy (nJ)", "Avg number of utilized PEs"]
    print("VGG16 CONV11 (K 512, C 512, 3x3, 14x14 -> 12x12) on accelerator_1.m")
    print("(256 PEs, L1 100 B, L2 3000 B, NoC 1000, off-chip 50)\n")
    print("| metric | NLR | NVDLA | MAESTRO NLR | MAESTRO NVDLA |")
    print("|---|---|---|---|---|")
    for metric in rows:
        ref = theirs.get(metric, ("", ""))
        print("| %s | %s | %s | %s | %s |" % (
            metric, fmt(ours["NLR"][metric]), fmt(ours["NVDLA"][metric]),
            ref[0], ref[1]))
    reuse = {label: derived(layer) for label, layer in ours.items()}
    for name in ["L1 input reuse", "L1 weight reuse", "L2 input reuse",
                 "L2 weight reuse"]:
        print("| %s | %.4g | %.4g | | |" % (name, reuse["NLR"][name],
                                             reuse["NVDLA"][name]))
    speedup = ours["NLR"]["Runtime (Cycles)"] / ours["NVDLA"]["Runtime (Cycles)"]
    print("\nNVDLA is %.2fx faster than NLR." % speedup)

    bar_chart(os.path.join(OUT, "l1_reuse.svg"), "L1 reuse (VGG16 CONV11)",
              "L1 reads per L1 write",
              [(name, [(lab, reuse[lab]["L1 %s reuse" % name]) for lab in
                       ("NLR", "NVDLA")]) for name in ("weight", "input")],
              log=True)
    bar_chart(os.path.join(OUT, "l2_reuse.svg"), "L2 reuse (VGG16 CONV11)",
              "L1 reads per L2 read",
              [(name, [(lab, reuse[lab]["L2 %s reuse" % name]) for lab in
                       ("NLR", "NVDLA")]) for name in ("weight", "input")],
              log=True)
    bar_chart(os.path.join(OUT, "runtime.svg"), "Runtime (VGG16 CONV11)",
              "cycles",
              [("total runtime", [(lab, ours[lab]["Runtime (Cycles)"])
                                  for lab in ("NLR", "NVDLA")])])
    print("Charts: %s" % ", ".join(os.path.join(OUT, n) for n in
                                    ("l1_reuse.svg", "l2_reuse.svg",
                                     "runtime.svg")))

    print("\nThe same layer from linalg (torch-mlir VGG16, conv_11: padding 1,"
          " so 14x14 outputs):\n")
    print("| metric | NLR | NVDLA |")
    print("|---|---|---|")
    linalg = {df: linalg_conv11(df) for df in ("nlr", "nvdla")}
    for metric in ["Runtime (Cycles)", "Num MACs", "input l2 read",
                   "filter l2 read", "Activity count-based Energy (nJ)"]:
        print("| %s | %s | %s |" % (metric, fmt(linalg["nlr"][metric]),
                                    fmt(linalg["nvdla"][metric])))


if __name__ == "__main__":
    main()
