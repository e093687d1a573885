#!/usr/bin/env python3
"""The main job: VGG16 CONV11 with the NLR and NVDLA dataflows.

Imports ../shared/reference/vgg16_conv11_{nlr,ckp_ws}.m on MAESTRO's
accelerator_1.m, runs the cost model, prints the comparison table next to
MAESTRO's published numbers, and writes the study's three charts (L1 reuse,
L2 reuse, runtime) as SVG. Then runs the same layer from linalg (the 11th
convolution of ../shared/models/nelli__vgg16.mlir) and compares.

Usage: case_study.py BUILD_DIR SHARED_DIR OUT_DIR
"""
import json
import os
import subprocess
import sys

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


def svg_bars(path, title, unit, groups, log=False):
    """A grouped bar chart: groups = [(label, [(series, value), ...]), ...]."""
    import math
    width, height, left, bottom, top = 520, 320, 70, 50, 40
    series = [s for s, _ in groups[0][1]]
    colors = ["#4e79a7", "#f28e2b"]
    values = [v for _, bars in groups for _, v in bars]
    vmax = max(values) * 1.15
    scale = (lambda v: math.log10(max(v, 1)) / math.log10(max(vmax, 10))) \
        if log else (lambda v: v / vmax)
    plot_h = height - bottom - top
    group_w = (width - left - 20) / len(groups)
    bar_w = group_w / (len(series) + 1)
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
           'font-family="sans-serif" font-size="12">' % (width, height),
           '<rect width="100%" height="100%" fill="white"/>',
           '<text x="%d" y="22" font-size="15" text-anchor="middle">%s</text>'
           % (width / 2, title),
           '<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="black"/>'
           % (left, height - bottom, width - 10, height - bottom),
           '<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="black"/>'
           % (left, top, left, height - bottom),
           '<text x="14" y="%d" transform="rotate(-90 14 %d)" '
           'text-anchor="middle">%s</text>'
           % (top + plot_h / 2, top + plot_h / 2, unit)]
    for gi, (label, bars) in enumerate(groups):
        x0 = left + gi * group_w + bar_w / 2
        for bi, (name, value) in enumerate(bars):
            h = scale(value) * plot_h
            x = x0 + bi * bar_w
            y = height - bottom - h
            out.append('<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" '
                       'fill="%s"><title>%s %s: %s</title></rect>'
                       % (x, y, bar_w * 0.9, h, colors[bi % 2], label, name,
                          value))
            out.append('<text x="%.1f" y="%.1f" text-anchor="middle" '
                       'font-size="10">%s</text>'
                       % (x + bar_w * 0.45, y - 4, "%.4g" % value))
        out.append('<text x="%.1f" y="%d" text-anchor="middle">%s</text>'
                   % (left + gi * group_w + group_w / 2, height - bottom + 18,
                      label))
    for si, name in enumerate(series):
        out.append('<rect x="%d" y="%d" width="12" height="12" fill="%s"/>'
                   '<text x="%d" y="%d">%s</text>'
                   % (width - 130, top + si * 18, colors[si % 2],
                      width - 113, top + 10 + si * 18, name))
    out.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


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

    svg_bars(os.path.join(OUT, "l1_reuse.svg"), "L1 reuse (VGG16 CONV11)",
             "L1 reads / L1 writes",
             [(name, [(lab, reuse[lab]["L1 %s reuse" % name]) for lab in
                      ("NLR", "NVDLA")]) for name in ("weight", "input")],
             log=True)
    svg_bars(os.path.join(OUT, "l2_reuse.svg"), "L2 reuse (VGG16 CONV11)",
             "L1 reads / L2 reads",
             [(name, [(lab, reuse[lab]["L2 %s reuse" % name]) for lab in
                      ("NLR", "NVDLA")]) for name in ("weight", "input")],
             log=True)
    svg_bars(os.path.join(OUT, "runtime.svg"), "Total runtime (VGG16 CONV11)",
             "cycles",
             [("runtime", [(lab, ours[lab]["Runtime (Cycles)"]) for lab in
                           ("NLR", "NVDLA")])])
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
