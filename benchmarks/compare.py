#!/usr/bin/env python3
"""Side-by-side timing of mnistkit's CLI against the reference tools on the same MNIST files.

For each task, runs our command (`java -jar mnistkit.jar ... --json`) and the matching reference
script in benchmarks/peers/ alternately, REPEATS times each, reads the one JSON object each prints,
and writes a Markdown table: task, our median seconds, the reference's median, the ratio
(ours / theirs, below 1 means we are faster), our quality figure and theirs.

Usage: /usr/bin/python3 benchmarks/compare.py [--repeats 3] [--out FILE.md] [TASK ...]
Tasks: forest-3000 forest-3000-sklearn forest-60000 nn svd svd-sparse-peer umap (default: all), and
spark-forest-3000 spark-forest-60000 (only when named). Needs `mvn -B package` first, and R
(ranger, irlba, uwot), scikit-learn and PyTorch from Debian's packages (see benchmarks/peers/).
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

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "mnist-examples", "target", "mnistkit.jar")
PEERS = os.path.join(ROOT, "benchmarks", "peers")
JAVA = ["java", "-Xmx4g", "-jar", JAR]
PY = "/usr/bin/python3"


def fit_predict(r):
    return r["fit_seconds"] + r["predict_seconds"]


# name: (our args, our time, peer name, peer command, peer env, peer time, quality key, what is timed)
TASKS = {
    "forest-3000": (["forest", "--train-size", "3000", "--trees", "500", "--threads", "2"], fit_predict,
                    "ranger (2 threads)", ["Rscript", os.path.join(PEERS, "forest_ranger.R")],
                    {"N_TRAIN": "3000", "NTREE": "500"}, fit_predict, "accuracy",
                    "random forest, 3000 images, 500 trees: fit + predict 10000"),
    "forest-3000-sklearn": (["forest", "--train-size", "3000", "--trees", "500", "--threads", "2"], fit_predict,
                            "scikit-learn (2 jobs)", [PY, os.path.join(PEERS, "forest_sklearn.py")],
                            {"N_TRAIN": "3000", "NTREE": "500"}, fit_predict, "accuracy",
                            "random forest, 3000 images, 500 trees: fit + predict 10000"),
    "forest-60000": (["forest", "--train-size", "60000", "--trees", "100", "--threads", "2"],
                     lambda r: r["fit_seconds"], "scikit-learn (2 jobs)",
                     [PY, os.path.join(PEERS, "forest_sklearn.py")], {"N_TRAIN": "60000", "NTREE": "100"},
                     lambda r: r["fit_seconds"], "accuracy", "random forest, 60000 images, 100 trees: fit"),
    "nn": (["nn", "--epochs", "5", "--batch-size", "128"], lambda r: r["fit_seconds"], "PyTorch (2 threads)",
           [PY, os.path.join(PEERS, "nn_torch.py")], {"EPOCHS": "5"}, lambda r: r["fit_seconds"], "accuracy",
           "dense 784-512-10, 5 epochs, batch 128: fit"),
    "svd": (["svd", "--components", "30"], lambda r: r["seconds"], "R irlba",
            ["Rscript", os.path.join(PEERS, "svd_irlba.R")], {"COMPONENTS": "30"}, lambda r: r["seconds"],
            "d1", "truncated SVD of 60000 x 784, nv = 30"),
    "svd-sparse-peer": (["svd", "--components", "30"], lambda r: r["seconds"], "R irlba, sparse dgCMatrix input",
                        ["Rscript", os.path.join(PEERS, "svd_irlba.R")], {"COMPONENTS": "30", "SPARSE": "1"},
                        lambda r: r["seconds"], "d1", "truncated SVD of 60000 x 784, nv = 30"),
    "umap": (["umap", "--neighbors", "15", "--min-dist", "0.001", "--pca", "50", "--sgd-threads", "1",
              "--threads", "2"], lambda r: r["seconds"], "R uwot", ["Rscript", os.path.join(PEERS, "umap_uwot.R")],
             {}, lambda r: r["seconds"], "knn15_purity", "UMAP of 60000 images (n_neighbors 15, min_dist 0.001, pca 50)"),
}


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
    e = dict(os.environ)
    e.update(env or {})
    p = subprocess.run(cmd, env=e, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"compare: {' '.join(cmd)} failed ({p.returncode}):\n{p.stderr[-2000:]}")
    lines = [l for l in p.stdout.splitlines() if l.startswith("{")]
    if not lines:
        sys.exit(f"compare: {' '.join(cmd)} printed no JSON:\n{p.stdout[-2000:]}")
    return json.loads(lines[-1])


def quality(result, key):
    if key == "d1":  # SVD: the largest singular value, on which both must agree
        v = result["singular_values"][0] if "singular_values" in result else result["d1"]
        return f"d1 {v:.4f}"
    return f"{key} {result[key]:.4f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--out", default=None, help="write the Markdown table here as well as to stdout")
    ap.add_argument("tasks", nargs="*", default=list(TASKS), help="tasks to run (default: all but spark-*)")
    a = ap.parse_args()
    if not os.path.exists(JAR):
        sys.exit(f"compare: {JAR} is missing; run `mvn -B package -DskipTests` first")
    rows = []
    for name in a.tasks:
        if name in SPARK_TASKS:
            runs = []
            for i in range(a.repeats):
                r = run_json(spark_command(SPARK_TASKS[name]))
                runs.append(r)
                print(f"{name} #{i + 1}: mnistkit on Spark {r['ours_fit_seconds']:.2f} s, Spark MLlib "
                      f"{r['mllib_fit_seconds']:.2f} s, mnistkit local {r['local_fit_seconds']:.2f} s", file=sys.stderr)
            om = statistics.median(r["ours_fit_seconds"] for r in runs)
            tm = statistics.median(r["mllib_fit_seconds"] for r in runs)
            rows.append((f"random forest on Spark local[2], {SPARK_TASKS[name]} images, 20 trees: fit", om,
                         "Spark MLlib RandomForestClassifier", tm, om / tm,
                         f"accuracy {runs[-1]['ours_accuracy']:.4f}", f"accuracy {runs[-1]['mllib_accuracy']:.4f}"))
            continue
        if name not in TASKS:
            sys.exit(f"compare: unknown task {name}; tasks: {' '.join(list(TASKS) + list(SPARK_TASKS))}")
        ours_args, ours_time, peer, peer_cmd, peer_env, peer_time, qkey, what = TASKS[name]
        ours, theirs = [], []
        for i in range(a.repeats):
            o = run_json(JAVA + ours_args + ["--json", "--quiet"])
            t = run_json(peer_cmd, peer_env)
            ours.append((ours_time(o), o))
            theirs.append((peer_time(t), t))
            print(f"{name} #{i + 1}: mnistkit {ours[-1][0]:.2f} s, {peer} {theirs[-1][0]:.2f} s", file=sys.stderr)
        om = statistics.median(x for x, _ in ours)
        tm = statistics.median(x for x, _ in theirs)
        rows.append((what, om, peer, tm, om / tm, quality(ours[-1][1], qkey), quality(theirs[-1][1], qkey)))
    cpu = os.cpu_count()
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    out = [f"Run on {datetime.date.today().isoformat()}, {platform.machine()} with {cpu} cores, {java}, "
           f"{a.repeats} alternating runs each; medians.", "",
           "| task | mnistkit s | reference | reference s | ratio | mnistkit | reference |",
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
