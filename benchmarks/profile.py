#!/usr/bin/env python3
"""Where one mnistkit command spends its time: the evidence behind RESULTS.md's explained misses.

Runs `java -jar mnist-examples/target/mnistkit.jar ARGS --json` once in a fresh JVM, as
compare.py does, with Java Flight Recorder sampling the Java threads (settings=profile: every
10-20 ms per thread) and HotSpot's -XX:+CITime counting the JIT compilers' time, then prints:
- the command's own figures from --json (the *_seconds keys);
- the JIT: seconds the C1 and C2 compilers ran (on their own threads, competing with the work
  on a 2-core machine), and how many methods each compiled;
- Java execution samples per thread group and the hottest methods by self samples (the frame on
  top of the stack). Time in native code (OpenBLAS, libnd4j) is not sampled by JFR: use
  `perf record -g` for that (docs/convnet-profile.md shows how).

Usage (after `mvn -B package -DskipTests`):
    python3 benchmarks/profile.py [--top N] -- forest --train-size 3000 --trees 500 --threads 2

Needs the JDK's `jfr` tool next to `java` (JDK 17 has it).
"""
import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "mnist-examples", "target", "mnistkit.jar")


def run(args, jfr_file):
    cmd = ["java", "-XX:+CITime", f"-XX:StartFlightRecording=filename={jfr_file},settings=profile",
           "-jar", JAR] + args + ["--json"]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"profile.py: {' '.join(cmd)} exited {p.returncode}:\n{p.stderr[-2000:]}")
    # JFR's "Started recording" line comes before the JSON; -XX:+CITime's report after it
    result, _ = json.JSONDecoder().raw_decode(p.stdout[p.stdout.index("{"):])
    return result, p.stdout + p.stderr


def jit_seconds(text):
    """C1 and C2 seconds and methods from -XX:+CITime's 'Individual compiler times' lines."""
    out = {}
    for tier in ("C1", "C2"):
        m = re.search(tier + r" \{speed:[^;]*; standard:\s*([\d.]+) s, \d+ bytes, (\d+) methods; osr:\s*([\d.]+) s, "
                      r"\d+ bytes, (\d+) methods", text)
        if m:
            out[tier] = (float(m.group(1)) + float(m.group(3)), int(m.group(2)) + int(m.group(4)))
    return out


def samples(jfr_file):
    java = shutil.which("java")
    if java is None:
        sys.exit("profile.py: no `java` on the PATH")
    jfr = os.path.join(os.path.dirname(os.path.realpath(java)), "jfr")
    p = subprocess.run([jfr, "print", "--json", "--events", "jdk.ExecutionSample", jfr_file],
                       capture_output=True, text=True, check=True)
    events = json.loads(p.stdout)["recording"]["events"]
    by_thread = collections.Counter()
    by_method = collections.Counter()
    ours = 0
    for e in events:
        v = e["values"]
        name = (v.get("sampledThread") or {}).get("javaName") or "?"
        by_thread[re.sub(r"[-#]?\d+$", "-N", name)] += 1
        frames = (v.get("stackTrace") or {}).get("frames") or []
        if frames:
            m = frames[0]["method"]
            by_method[m["type"]["name"].replace("/", ".") + "." + m["name"]] += 1
            ours += m["type"]["name"].startswith("org/mnistkit/")
    return len(events), by_thread, by_method, ours


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--top", type=int, default=12, help="hottest methods to list (default 12)")
    ap.add_argument("args", nargs=argparse.REMAINDER, help="-- then the mnistkit command and its options")
    ns = ap.parse_args()
    args = ns.args[1:] if ns.args[:1] == ["--"] else ns.args
    if not args:
        ap.error("give the mnistkit command after --, e.g. -- svd --components 30")
    if not os.path.exists(JAR):
        sys.exit(f"profile.py: {JAR} is missing; run `mvn -B package -DskipTests` first")
    with tempfile.TemporaryDirectory() as tmp:
        jfr_file = os.path.join(tmp, "run.jfr")
        result, text = run(args, jfr_file)
        n, by_thread, by_method, ours = samples(jfr_file)
    print("mnistkit " + " ".join(args))
    print("figures: " + ", ".join(f"{k} {v:.3f}" for k, v in result.items()
                                  if k.endswith("seconds") and isinstance(v, (int, float))))
    for tier, (secs, methods) in jit_seconds(text).items():
        print(f"JIT {tier}: {secs:.2f} s compiling {methods} methods")
    print(f"Java execution samples: {n}; top frame in org.mnistkit: {ours} ({100 * ours / max(n, 1):.0f}%)")
    print("by thread: " + ", ".join(f"{t} {c}" for t, c in by_thread.most_common(6)))
    for method, c in by_method.most_common(ns.top):
        print(f"{100 * c / n:5.1f}%  {method}")


if __name__ == "__main__":
    main()
