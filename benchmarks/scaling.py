#!/usr/bin/env python3
"""Cost as the work grows: time and peak memory of the forest, UMAP and the truncated SVD, ours and a
peer's, at growing numbers of training rows, with the exponent of time against rows.

For each step and each size n (default 7500 15000 30000 60000), runs our command on n rows and the
peer script on the same n, alternately, REPEATS times each (medians), and records:
- the step's own seconds as each tool reports them in its JSON (the forest's fit; UMAP's and the
  SVD's whole call), as compare.py times them;
- the whole process's peak resident set (os.wait4's ru_maxrss) of ours and of the peer, which is the
  fair memory comparison (it includes each tool's runtime and the full MNIST it loads before taking
  its n rows);
- our JVM's peak heap (peak_heap_mib in our --json: the sum of the heap pools' peak usage).
It fits the exponent b of seconds = a n^b by least squares on log-log, and writes a Markdown table
(scaling.md) and one log-log plot (scaling.png, drawn by R's base graphics through
benchmarks/scaling_plot.R) into --out-dir (default benchmarks/).

Steps and peers: forest (100 trees, --threads 2; scikit-learn, n_jobs 2, fit only, rows sampled with
the seed), umap (n_neighbors 15, min_dist 0.001, pca 50, 2 threads, 1 SGD thread each; R uwot), svd
(nv 30, uncentred; R irlba on the dense matrix), each on the first n rows but the forest.

Usage: /usr/bin/python3 benchmarks/scaling.py [--sizes 7500,15000,30000,60000] [--repeats 1]
       [--trees 100] [--out-dir benchmarks] [STEP ...]
For a dry run: --sizes 1000,2000 --trees 10 --out-dir /tmp/scaling. Its own checks:
`python3 -m doctest benchmarks/scaling.py`. Needs `mvn -B package` first and
the peers of compare.py. Standard library only (it shares compare.py's process runner).
"""
import argparse
import csv
import math
import os
import shutil
import statistics
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from compare import PEERS, PLOTS, PY, run_json, run_ours  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
EXPECTED = {"forest": "about n log n per tree", "umap": "about n^1.1-1.2 (NN-descent)", "svd": "linear"}
# UMAP runs 500 epochs on at most 10000 rows and 200 above (uwot's rule, which ours follows), so its
# exponent is fitted on the sizes above 10000 when there are two or more of them.
EPOCH_RULE_ROWS = 10000


def steps(trees):
    """step: (our args for n rows, our seconds, peer label, peer command, peer env for n rows, peer seconds)."""
    return {
        "forest": (lambda n: ["forest", "--train-size", str(n), "--trees", str(trees), "--threads", "2"],
                   lambda r: r["fit_seconds"], "scikit-learn (n_jobs 2)",
                   [PY, os.path.join(PEERS, "forest_sklearn.py")],
                   lambda n: {"N_TRAIN": str(n), "NTREE": str(trees), "THREADS": "2"}, lambda r: r["fit_seconds"]),
        "umap": (lambda n: ["umap", "--train-size", str(n), "--neighbors", "15", "--min-dist", "0.001", "--pca", "50",
                            "--threads", "2", "--sgd-threads", "1", "--out", PLOTS],
                 lambda r: r["seconds"], "R uwot (1 SGD thread)", ["Rscript", os.path.join(PEERS, "umap_uwot.R")],
                 lambda n: {"N_TRAIN": str(n), "SGD_THREADS": "1"}, lambda r: r["seconds"]),
        "svd": (lambda n: ["svd", "--train-size", str(n), "--components", "30", "--out", PLOTS],
                lambda r: r["seconds"], "R irlba (dense matrix)", ["Rscript", os.path.join(PEERS, "svd_irlba.R")],
                lambda n: {"N_TRAIN": str(n), "COMPONENTS": "30"}, lambda r: r["seconds"]),
    }


def exponent(ns, ts):
    """Least-squares slope of log t against log n: the b of t = a n^b; None with fewer than 2 sizes.

    >>> round(exponent([7500, 15000, 30000, 60000], [0.5, 2.0, 8.0, 32.0]), 9)
    2.0
    >>> round(exponent([1000, 2000, 4000], [1.0, 3.0, 5.0]), 6)  # ln 5 / (2 ln 2): the middle size leaves the slope
    1.160964
    >>> exponent([60000], [1.0]) is None
    True
    """
    if len(ns) < 2:
        return None
    xs = [math.log(n) for n in ns]
    ys = [math.log(t) for t in ts]
    mx, my = statistics.mean(xs), statistics.mean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def fitted(name, rows, column):
    """The exponent of one tool's seconds (column 1: ours, 2: the peer's) and the rows it was fitted on.

    >>> rows = [(7500, 6.0, 9.0), (15000, 5.0, 7.0), (30000, 10.0, 14.0), (60000, 20.0, 28.0)]
    >>> b, ns = fitted("umap", rows, 1)
    >>> round(b, 9), ns
    (1.0, [15000, 30000, 60000])
    >>> fitted("forest", rows, 2)[1]
    [7500, 15000, 30000, 60000]
    """
    above = [r for r in rows if r[0] > EPOCH_RULE_ROWS]
    use = above if name == "umap" and len(above) >= 2 and len(above) < len(rows) else rows
    return exponent([r[0] for r in use], [r[column] for r in use]), [r[0] for r in use]


def measure(name, step, sizes, repeats):
    """Rows of one step: (n, ours s, peer s, our peak heap MiB, our peak RSS MiB, peer peak RSS MiB), medians."""
    ours_args, ours_time, label, peer, peer_env, peer_time = step
    rows = []
    for n in sizes:
        o_runs, p_runs = [], []
        for i in range(repeats):
            o = run_ours(ours_args(n))
            p = run_json(peer, peer_env(n))
            o_runs.append(o)
            p_runs.append(p)
            print(f"{name} n={n} #{i + 1}: mnistkit {ours_time(o.json):.2f} s (heap {o.json['peak_heap_mib']:.0f} MiB, "
                  f"process {o.peak_rss_mib:.0f} MiB), {label} {peer_time(p.json):.2f} s "
                  f"(process {p.peak_rss_mib:.0f} MiB)", file=sys.stderr)
        med = statistics.median
        rows.append((n, med(ours_time(o.json) for o in o_runs), med(peer_time(p.json) for p in p_runs),
                     med(o.json["peak_heap_mib"] for o in o_runs), med(o.peak_rss_mib for o in o_runs),
                     med(p.peak_rss_mib for p in p_runs)))
    return rows


def markdown(results, labels, repeats):
    out = [f"Time and peak memory against training rows ({repeats} alternating run{'s' if repeats > 1 else ''} "
           "each; medians). Seconds are the step's own, as each tool reports them; peak RSS is the whole "
           "process's (runtime and the full MNIST loaded included); our peak heap is the JVM's.", "",
           "| step | rows | mnistkit s | peer | peer s | ratio | mnistkit peak heap MiB | mnistkit peak RSS MiB "
           "| peer peak RSS MiB |", "|---|---:|---:|---|---:|---:|---:|---:|---:|"]
    for name, rows in results.items():
        for n, ot, pt, heap, orss, prss in rows:
            out.append(f"| {name} | {n} | {ot:.2f} | {labels[name]} | {pt:.2f} | {ot / pt:.2f} | {heap:.0f} "
                       f"| {orss:.0f} | {prss:.0f} |")
    out += ["", "Exponent b of seconds = a n^b, least squares on log-log:", "",
            "| step | mnistkit b | peer | peer b | fitted on rows | expected |", "|---|---:|---|---:|---|---|"]
    for name, rows in results.items():
        (bo, ns), (bp, _) = fitted(name, rows, 1), fitted(name, rows, 2)
        fmt = ["-" if x is None else f"{x:.2f}" for x in (bo, bp)]
        note = ("" if len(ns) == len(rows)
                else f" (the {EPOCH_RULE_ROWS}-row epoch rule: 500 epochs at or below, 200 above)")
        out.append(f"| {name} | {fmt[0]} | {labels[name]} | {fmt[1]} | {', '.join(map(str, ns))}{note} "
                   f"| {EXPECTED[name]} |")
    return "\n".join(out) + "\n"


def plot(results, labels, out_dir):
    """Writes scaling.csv and draws scaling.png from it with R; returns the PNG's path or None without R."""
    data = os.path.join(out_dir, "scaling.csv")
    with open(data, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["step", "tool", "rows", "seconds"])
        for name, rows in results.items():
            for column, tool in ((1, "mnistkit"), (2, labels[name])):
                b, _ = fitted(name, rows, column)
                label = tool if b is None else f"{tool} (b = {b:.2f})"
                for r in rows:
                    w.writerow([name, label, r[0], f"{r[column]:.6g}"])
    if shutil.which("Rscript") is None:
        print("scaling: no Rscript, so no scaling.png (the table and scaling.csv are written)", file=sys.stderr)
        return None
    png = os.path.join(out_dir, "scaling.png")
    p = subprocess.run(["Rscript", os.path.join(HERE, "scaling_plot.R"), data, png], capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"scaling: the plot failed:\n{p.stderr[-2000:]}")
    return png


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="7500,15000,30000,60000", help="training rows, comma-separated")
    ap.add_argument("--repeats", type=int, default=1, help="alternating runs at each size (default 1)")
    ap.add_argument("--trees", type=int, default=100, help="forest trees (default 100)")
    ap.add_argument("--out-dir", default=HERE, help="folder for scaling.md, scaling.csv, scaling.png")
    ap.add_argument("steps", nargs="*", default=["forest", "umap", "svd"], help="forest umap svd (default: all)")
    a = ap.parse_args()
    try:
        sizes = sorted({int(s) for s in a.sizes.split(",")})
    except ValueError:
        sys.exit(f"scaling: --sizes must be comma-separated whole numbers, got {a.sizes}")
    if sizes[0] < 100 or sizes[-1] > 60000:
        sys.exit(f"scaling: --sizes must be in 100..60000, got {a.sizes}")
    if a.repeats < 1 or a.trees < 1:
        sys.exit(f"scaling: --repeats and --trees must be >= 1, got {a.repeats} and {a.trees}")
    table = steps(a.trees)
    unknown = [s for s in a.steps if s not in table]
    if unknown:
        sys.exit(f"scaling: unknown step {' '.join(unknown)}; steps: {' '.join(table)}")
    os.makedirs(a.out_dir, exist_ok=True)
    results = {name: measure(name, table[name], sizes, a.repeats) for name in a.steps}
    labels = {name: table[name][2] for name in a.steps}
    text = markdown(results, labels, a.repeats)
    print(text)
    with open(os.path.join(a.out_dir, "scaling.md"), "w") as f:
        f.write(text)
    png = plot(results, labels, a.out_dir)
    if png:
        print(f"plot: {png}", file=sys.stderr)


if __name__ == "__main__":
    main()
