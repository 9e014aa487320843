#!/usr/bin/env python3
"""Side-by-side timing of mnistkit's CLI against the reference tools, each at its best, on the same MNIST files.

For each task, runs our command (`java -jar mnistkit.jar ... --json`) and the matching reference
script in benchmarks/peers/ in each of its configurations, alternately, REPEATS times each; reads the
one JSON object each prints; and writes a Markdown table: task, our median seconds, the reference's
fastest configuration and its median (the other configurations' medians shown beside it), the ratio
(ours / the fastest reference, below 1 means we are faster), our quality figure and theirs.

Peers at their best (a user who tunes the peer): PyTorch with 1 and with 2 threads (on a 2-core
machine its two threads can contend; the faster counts), ranger with 2 threads, scikit-learn with
n_jobs 2, uwot with 1 SGD thread (reproducible) against ours with --sgd-threads 1, and with 2 against
ours with 2.

Usage: /usr/bin/python3 benchmarks/compare.py [--repeats 3] [--quick] [--out FILE.md] [TASK ...]
Tasks: forest-3000 forest-3000-sklearn forest-60000 nn cnn svd svd-sparse-peer umap umap-sgd2 (default:
all but cnn, which takes about 5 minutes a run at full size), and spark-forest-3000 spark-forest-60000
(only when named). --quick shrinks every task (training rows, trees, epochs) for a dry run of the
harness; its figures mean nothing. Needs `mvn -B package` first, and R (ranger, irlba, uwot),
scikit-learn and PyTorch from Debian's packages (see benchmarks/peers/).
The spark-forest tasks run mnist-spark's SparkForestExample on local[2] (20 trees, 2 partitions;
its class path, Spark included, from `mvn -pl mnist-spark -am compile dependency:build-classpath`,
with the --add-opens flags of mnist-spark's POM): one run fits our forest on Spark, Spark MLlib's
RandomForestClassifier (the reference) and our local forest, so each pair comes from one JVM; the
local fit time is printed with the per-run pairs.
Standard library only; the reference scripts read the same cache folder as mnistkit.
"""
import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections import namedtuple

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "mnist-examples", "target", "mnistkit.jar")
PEERS = os.path.join(ROOT, "benchmarks", "peers")
JAVA = ["java", "-Xmx4g", "-jar", JAR]
PY = "/usr/bin/python3"
PLOTS = os.path.join(tempfile.gettempdir(), "mnistkit-compare")  # --out of svd and umap (their scatter plots)

# One process: its JSON, its wall seconds, its peak resident set in MiB, its CPU seconds (user + system).
Process = namedtuple("Process", "json wall_seconds peak_rss_mib cpu_seconds")
# One configuration of a reference tool: the label printed in the table and the environment it runs with.
Config = namedtuple("Config", "label env")
# what: the row's text; ours: our CLI arguments; ours_time / peer_time: seconds read from a JSON;
# peer: command; configs: the peer's configurations (the fastest counts); quality: key for quality().
Task = namedtuple("Task", "what ours ours_time peer configs peer_time quality")


def fit_predict(r):
    return r["fit_seconds"] + r["predict_seconds"]


def fit(r):
    return r["fit_seconds"]


def seconds(r):
    return r["seconds"]


def per_epoch(r):
    """Mean seconds per epoch; ours and the convnet peer both print epoch_seconds."""
    return statistics.mean(r["epoch_seconds"])


def threads(label, n, extra=None):
    env = {"THREADS": str(n)}
    env.update(extra or {})
    return Config(f"{label}, {n} thread{'s' if n > 1 else ''}", env)


def tasks(quick):
    """The tasks at full size, or shrunk for a dry run of the harness when quick."""
    small, big = ("500", "3000") if quick else ("3000", "60000")
    trees_small, trees_big = ("20", "10") if quick else ("500", "100")
    epochs = "1" if quick else "5"
    nn_rows = "2000" if quick else "60000"
    cnn_rows = "512" if quick else "60000"
    eda_rows = "2000" if quick else "60000"
    forest_small = ["forest", "--train-size", small, "--trees", trees_small, "--threads", "2"]
    sizes = {"N_TRAIN": small, "NTREE": trees_small}
    svd = ["svd", "--components", "30", "--train-size", eda_rows, "--out", PLOTS]
    umap = ["umap", "--neighbors", "15", "--min-dist", "0.001", "--pca", "50", "--threads", "2",
            "--train-size", eda_rows, "--out", PLOTS]
    torch = [PY, os.path.join(PEERS, "nn_torch.py")]
    uwot = ["Rscript", os.path.join(PEERS, "umap_uwot.R")]
    irlba = ["Rscript", os.path.join(PEERS, "svd_irlba.R")]
    sklearn = [PY, os.path.join(PEERS, "forest_sklearn.py")]
    return {
        "forest-3000": Task(f"random forest, {small} images, {trees_small} trees: fit + predict 10000", forest_small,
                            fit_predict, ["Rscript", os.path.join(PEERS, "forest_ranger.R")],
                            [threads("ranger", 2, sizes)], fit_predict, "accuracy"),
        "forest-3000-sklearn": Task(f"random forest, {small} images, {trees_small} trees: fit + predict 10000",
                                    forest_small, fit_predict, sklearn,
                                    [Config("scikit-learn, n_jobs 2", dict(sizes, THREADS="2"))], fit_predict,
                                    "accuracy"),
        "forest-60000": Task(f"random forest, {big} images, {trees_big} trees: fit",
                             ["forest", "--train-size", big, "--trees", trees_big, "--threads", "2"], fit, sklearn,
                             [Config("scikit-learn, n_jobs 2", {"N_TRAIN": big, "NTREE": trees_big, "THREADS": "2"})],
                             fit, "accuracy"),
        "nn": Task(f"dense 784-512-10, {nn_rows} images, {epochs} epoch{'s' if epochs != '1' else ''}, batch 128: fit",
                   ["nn", "--epochs", epochs, "--batch-size", "128", "--train-size", nn_rows], fit, torch,
                   [threads("PyTorch", n, {"EPOCHS": epochs, "N_TRAIN": nn_rows}) for n in (1, 2)], fit, "accuracy"),
        "cnn": Task(f"convnet (conv 32, pool, conv 64, pool, dropout, dense 10), {cnn_rows} images, batch 128: "
                    "seconds per epoch (1 epoch)",
                    ["nn", "--model", "cnn", "--epochs", "1", "--batch-size", "128", "--train-size", cnn_rows],
                    per_epoch, [PY, os.path.join(PEERS, "cnn_torch.py")],
                    [threads("PyTorch", n, {"EPOCHS": "1", "N_TRAIN": cnn_rows}) for n in (1, 2)], per_epoch,
                    "accuracy"),
        "svd": Task(f"truncated SVD of {eda_rows} x 784, nv = 30", svd, seconds, irlba,
                    [Config("R irlba, dense matrix", {"COMPONENTS": "30", "N_TRAIN": eda_rows})], seconds, "d1"),
        "svd-sparse-peer": Task(f"truncated SVD of {eda_rows} x 784, nv = 30", svd, seconds, irlba,
                                [Config("R irlba, sparse dgCMatrix input",
                                        {"COMPONENTS": "30", "N_TRAIN": eda_rows, "SPARSE": "1"})], seconds, "d1"),
        "umap": Task(f"UMAP of {eda_rows} images (n_neighbors 15, min_dist 0.001, pca 50), 1 SGD thread each "
                     "(reproducible)", umap + ["--sgd-threads", "1"], seconds, uwot,
                     [Config("R uwot, n_sgd_threads 1", {"N_TRAIN": eda_rows, "SGD_THREADS": "1"})], seconds,
                     "knn15_purity"),
        "umap-sgd2": Task(f"UMAP of {eda_rows} images (n_neighbors 15, min_dist 0.001, pca 50), 2 SGD threads each",
                          umap + ["--sgd-threads", "2"], seconds, uwot,
                          [Config("R uwot, n_sgd_threads 2", {"N_TRAIN": eda_rows, "SGD_THREADS": "2"})], seconds,
                          "knn15_purity"),
    }


DEFAULT_TASKS = ["forest-3000", "forest-3000-sklearn", "forest-60000", "nn", "svd", "svd-sparse-peer", "umap",
                 "umap-sgd2"]
SPARK_TASKS = {
    "spark-forest-3000": "3000",
    "spark-forest-60000": "60000",
}


def spark_command(train_size):
    """java ... SparkForestExample for one training size, its class path built once by Maven."""
    cp_file = os.path.join(ROOT, "mnist-spark", "target", "compare-classpath.txt")
    if not os.path.exists(cp_file):
        p = subprocess.run(["mvn", "-B", "-q", "-pl", "mnist-spark", "-am", "compile",
                            "dependency:build-classpath", "-Dmdep.includeScope=compile",
                            f"-Dmdep.outputFile={cp_file}"], cwd=ROOT, capture_output=True, text=True)
        if p.returncode != 0:
            sys.exit(f"compare: could not build mnist-spark's class path:\n{p.stdout[-2000:]}")
    with open(cp_file) as f:
        cp = os.path.join(ROOT, "mnist-spark", "target", "classes") + os.pathsep + f.read().strip()
    with open(os.path.join(ROOT, "mnist-spark", "pom.xml")) as f:
        pom = f.read()
    opens = pom.split("<spark.addOpens>")[1].split("</spark.addOpens>")[0].split()
    return (["java", "-Xmx10g"] + opens + ["-cp", cp, "org.mnistkit.spark.examples.SparkForestExample",
            "--master", "local[2]", "--train-size", train_size, "--trees", "20", "--partitions", "2",
            "--json"])


def run_json(cmd, env=None):
    """Runs cmd to its end and returns its Process: the last JSON line of its stdout, and what the kernel
    measured of that one process (os.wait4: peak RSS of it and the children it waited for)."""
    e = dict(os.environ)
    e.update(env or {})
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, env=e, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if p.returncode != 0:
        sys.exit(f"compare: {' '.join(cmd)} failed ({p.returncode}):\n{stderr[-2000:]}")
    lines = [l for l in stdout.splitlines() if l.startswith("{")]
    if not lines:
        sys.exit(f"compare: {' '.join(cmd)} printed no JSON:\n{stdout[-2000:]}")
    return Process(json.loads(lines[-1]), wall, usage.ru_maxrss / 1024.0, usage.ru_utime + usage.ru_stime)


def run_ours(args):
    return run_json(JAVA + args + ["--json", "--quiet"])


def quality(result, key):
    if key == "d1":  # SVD: the largest singular value, on which both must agree
        v = result["singular_values"][0] if "singular_values" in result else result["d1"]
        return f"d1 {v:.4f}"
    return f"{key} {result[key]:.4f}"


def run_task(name, task, repeats):
    """Runs one task; returns its table row (what, ours s, reference text, reference s, ratio, quality x 2)."""
    ours = []
    theirs = {c.label: [] for c in task.configs}
    for i in range(repeats):
        o = run_ours(task.ours)
        ours.append((task.ours_time(o.json), o))
        pairs = [f"mnistkit {ours[-1][0]:.2f} s ({o.wall_seconds:.1f} s, {o.peak_rss_mib:.0f} MiB process)"]
        for c in task.configs:
            t = run_json(task.peer, c.env)
            theirs[c.label].append((task.peer_time(t.json), t))
            pairs.append(f"{c.label} {theirs[c.label][-1][0]:.2f} s ({t.wall_seconds:.1f} s, "
                         f"{t.peak_rss_mib:.0f} MiB process)")
        print(f"{name} #{i + 1}: " + ", ".join(pairs), file=sys.stderr)
    om = statistics.median(x for x, _ in ours)
    medians = {label: statistics.median(x for x, _ in runs) for label, runs in theirs.items()}
    best = min(medians, key=medians.get)
    others = [f"{label}: {m:.2f} s" for label, m in medians.items() if label != best]
    peer_text = best + (f" (fastest; {'; '.join(others)})" if others else "")
    return (task.what, om, peer_text, medians[best], om / medians[best], quality(ours[-1][1].json, task.quality),
            quality(theirs[best][-1][1].json, task.quality))


def run_spark(name, repeats):
    runs = []
    for i in range(repeats):
        r = run_json(spark_command(SPARK_TASKS[name])).json
        runs.append(r)
        print(f"{name} #{i + 1}: mnistkit on Spark {r['ours_fit_seconds']:.2f} s, Spark MLlib "
              f"{r['mllib_fit_seconds']:.2f} s, mnistkit local {r['local_fit_seconds']:.2f} s", file=sys.stderr)
    om = statistics.median(r["ours_fit_seconds"] for r in runs)
    tm = statistics.median(r["mllib_fit_seconds"] for r in runs)
    return (f"random forest on Spark local[2], {SPARK_TASKS[name]} images, 20 trees: fit", om,
            "Spark MLlib RandomForestClassifier", tm, om / tm, f"accuracy {runs[-1]['ours_accuracy']:.4f}",
            f"accuracy {runs[-1]['mllib_accuracy']:.4f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeats", type=int, default=3, help="alternating runs of each command (default 3)")
    ap.add_argument("--quick", action="store_true", help="small sizes for a dry run of the harness")
    ap.add_argument("--out", default=None, help="write the Markdown table here as well as to stdout")
    ap.add_argument("tasks", nargs="*", default=DEFAULT_TASKS, help="tasks to run (default: all but cnn and spark-*)")
    a = ap.parse_args()
    if a.repeats < 1:
        sys.exit(f"compare: --repeats must be >= 1, got {a.repeats}")
    table = tasks(a.quick)
    unknown = [t for t in a.tasks if t not in table and t not in SPARK_TASKS]
    if unknown:
        sys.exit(f"compare: unknown task {' '.join(unknown)}; tasks: {' '.join(list(table) + list(SPARK_TASKS))}")
    if not os.path.exists(JAR):
        sys.exit(f"compare: {JAR} is missing; run `mvn -B package -DskipTests` first")
    rows = [run_spark(n, a.repeats) if n in SPARK_TASKS else run_task(n, table[n], a.repeats) for n in a.tasks]
    cpu = os.cpu_count()
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    out = [f"Run on {datetime.date.today().isoformat()}, {platform.machine()} with {cpu} cores, {java}, "
           f"{a.repeats} alternating runs each; medians{' (--quick: dry-run sizes)' if a.quick else ''}.", "",
           "| task | mnistkit s | reference (configuration) | reference s | ratio | mnistkit | reference |",
           "|---|---:|---|---:|---:|---|---|"]
    for what, om, peer, tm, ratio, q1, q2 in rows:
        out.append(f"| {what} | {om:.2f} | {peer} | {tm:.2f} | {ratio:.2f} | {q1} | {q2} |")
    text = "\n".join(out) + "\n"
    print(text)
    if a.out:
        with open(a.out, "w") as f:
            f.write(text)


if __name__ == "__main__":
    main()
