"""Incremental runs on the benchmark articles: same results as one run, cost of a batch vs store size.

1. **Identity.** The first ``--first + --second`` articles (default 800 + 200) analysed in one run,
   and in two runs into one store: are the stories, comparisons, texts and claims the same?
2. **Ratio.** ``--add`` new articles (default 500) added to a store of ``--base`` (default 4,500)
   against the same articles analysed into an empty store, wall time, with each stage's time.
   Target: at most 1.3. The base store is built once (``--base-store`` reuses an analysed one).

Both use the real pipeline (``Pipeline``, as ``claimgraph analyze`` runs it, default ``-j``).
Wall times on a shared machine are noisy; parsing is most of them and does not grow with the store.
Reads ``../shared/eval/data/bench/news-sample.jsonl``; prints a message and exits 0 when absent.

    python benchmarks/incremental.py [--first 800 --second 200] [--base 4500 --add 500]
                                     [--base-store FILE] [--skip-identity] [--skip-ratio] [--workdir DIR]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from claimgraph.options import Options
from claimgraph.pipeline import Pipeline, RunStats
from claimgraph.store import Store

BENCH = Path(__file__).resolve().parents[2] / "shared" / "eval" / "data" / "bench" / "news-sample.jsonl"
STAGES = ("ingest", "dedup", "extract", "link", "speakers")


def records(path: Path, start: int, n: int) -> list[dict[str, Any]]:
    """Records ``start`` .. ``start + n`` (those with text) of a JSONL file."""
    out: list[dict[str, Any]] = []
    k = 0
    with path.open(encoding="utf-8") as f:
        for line in f:
            if not line.strip() or not json.loads(line).get("text"):
                continue
            if k >= start:
                out.append(json.loads(line))
                if len(out) >= n:
                    break
            k += 1
    return out


def timed_run(db: Path, recs: list[dict[str, Any]]) -> dict[str, float]:
    """One ``analyze`` of ``recs`` into ``db`` (the pipeline's stages in order), seconds per stage."""
    times: dict[str, float] = {}
    with Store(db) as store:
        pipe = Pipeline(store, Options())
        stats = RunStats()
        steps = {
            "ingest": lambda: pipe.ingest(recs, stats),
            "dedup": lambda: pipe.dedup(stats),
            "extract": lambda: pipe.extract(stats),
            "link": pipe.link,
            "speakers": pipe.speakers,
        }
        for name in STAGES:
            t0 = time.perf_counter()
            steps[name]()
            times[name] = time.perf_counter() - t0
    times["total"] = sum(times[s] for s in STAGES)
    return times


def snapshot(db: Path) -> dict[str, Any]:
    """What a run produced, independent of row order and of story and comparison ids."""
    with Store(db, readonly=True) as store:
        stories = store.stories()
        docs_of = {s.id: tuple(sorted(s.documents)) for s in stories}
        return {
            "stories": {docs_of[s.id] for s in stories},
            "comparisons": sorted(
                (docs_of.get(c.story or ""), c.measure, c.verdict, tuple(sorted(c.claims)))
                for c in store.comparisons()
            ),
            "texts": {a.id: a.text for a in store.documents(with_claims=False)},
            "claims": sorted((c.id, c.start, c.end, c.speaker or "") for c in store.claims()),
        }


def identity(work: Path, first: int, second: int) -> None:
    a, b = records(BENCH, 0, first), records(BENCH, first, second)
    t = timed_run(work / "once.db", a + b)
    print(f"one run of {first + second}: {t['total']:.1f} s")
    timed_run(work / "twice.db", a)
    t = timed_run(work / "twice.db", b)
    print(f"{second} added to {first}: {t['total']:.1f} s")
    once, twice = snapshot(work / "once.db"), snapshot(work / "twice.db")
    for key in ("stories", "comparisons", "texts", "claims"):
        x, y = once[key], twice[key]
        if key == "texts":
            same = sum(x[k] == y.get(k) for k in x)
            print(f"  texts:       {same}/{len(x)} documents identical")
            continue
        xs, ys = set(x), set(y)
        print(
            f"  {key + ':':<12} one run {len(xs)}, two runs {len(ys)}, in both {len(xs & ys)}"
            f"{'  IDENTICAL' if xs == ys else ''}"
        )


def ratio(work: Path, base: int, add: int, base_store: Path | None) -> None:
    grown = work / "grown.db"
    if base_store is not None:
        shutil.copy(base_store, grown)
    else:
        t = timed_run(grown, records(BENCH, 0, base))
        print(f"base store of {base}: {t['total']:.1f} s")
    new = records(BENCH, base, add)
    empty = timed_run(work / "empty.db", new)
    into = timed_run(grown, new)
    for name, t in ((f"{add} into an empty store", empty), (f"{add} into a store of {base}", into)):
        print(f"{name:>28}: {t['total']:7.1f} s  (" + ", ".join(f"{s} {t[s]:.1f}" for s in STAGES) + ")")
    print(
        f"ratio add {add} to {base} / {add} into empty: {into['total'] / empty['total']:.2f} (target <= 1.3)"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--first", type=int, default=800)
    ap.add_argument("--second", type=int, default=200)
    ap.add_argument("--base", type=int, default=4500)
    ap.add_argument("--add", type=int, default=500)
    ap.add_argument("--base-store", type=Path, help="an analysed store of the first --base articles (copied)")
    ap.add_argument("--skip-identity", action="store_true")
    ap.add_argument("--skip-ratio", action="store_true")
    ap.add_argument("--workdir", type=Path, help="keep the stores here")
    args = ap.parse_args(argv)
    if not BENCH.exists():
        print(f"incremental: {BENCH} not found; skipping.")
        return 0
    work = args.workdir or Path(tempfile.mkdtemp(prefix="cg-incr-"))
    work.mkdir(parents=True, exist_ok=True)
    if not args.skip_identity:
        identity(work, args.first, args.second)
    if not args.skip_ratio:
        ratio(work, args.base, args.add, args.base_store)
    return 0


if __name__ == "__main__":
    sys.exit(main())
