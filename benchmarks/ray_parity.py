"""Local engine vs Ray engine on the same articles: are claims, stories and comparisons identical?

Runs the whole pipeline twice on the first N articles (default 200, in two batches: the second
goes through the incremental path) of
``../shared/eval/data/bench/news-sample.jsonl`` (or the path given), once with the local engine and
once with ``engine="ray"`` (a local Ray instance unless ``RAY_ADDRESS`` is set), each into its own
SQLite store, and compares the two stores: claim ids, offsets, speakers and quantities, the stories
and the comparisons. ``--db-url postgresql://...`` runs the Ray engine into that (empty)
PostgreSQL database instead, which checks both backends at once. Exits 1 when anything differs;
prints a message and exits 0 when the data file or Ray is absent. Prints figures; it is not a test.

    python benchmarks/ray_parity.py [PATH] [-n 200] [--batches 2] [--workers 2] [--db-url URL]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from claimgraph.engine.ray import ray_available
from claimgraph.options import ExtractOptions, Options, StoreOptions
from claimgraph.pipeline import Pipeline
from claimgraph.store import Store

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "eval" / "data" / "bench" / "news-sample.jsonl"


def sample(path: Path, n: int, outs: list[Path]) -> int:
    """Copy the first ``n`` records with text, split in equal parts, to ``outs``; returns how many."""
    k = 0
    files = [out.open("w", encoding="utf-8") for out in outs]
    per = -(-n // len(outs))
    with path.open(encoding="utf-8") as src:
        for line in src:
            if k >= n:
                break
            if line.strip() and json.loads(line).get("text"):
                files[k // per].write(line)
                k += 1
    for f in files:
        f.close()
    return k


def run(corpora: list[Path], db: str, engine: str, workers: int) -> tuple[dict[str, Any], float]:
    """Analyze each of ``corpora`` into ``db`` in turn (the first batch, then the incremental
    ones) with ``engine``; the store's contents and the wall time."""
    t0 = time.perf_counter()
    with Store(db) as store:
        extract = ExtractOptions(engine=engine, n_process=workers if engine == "ray" else 1)
        for corpus in corpora:
            Pipeline(store, Options(store=StoreOptions(db=db), extract=extract)).run([str(corpus)])
        wall = time.perf_counter() - t0
        claims = {}
        for c in store.claims():
            claims[c.id] = c
        return {"claims": claims, "stories": store.stories(), "comparisons": store.comparisons(),
                "documents": store.document_ids()}, wall


def differences(a: dict[str, Any], b: dict[str, Any]) -> dict[str, int]:
    """How many claims differ in each respect, and whether stories/comparisons match."""
    ca, cb = a["claims"], b["claims"]
    common = ca.keys() & cb.keys()
    out = {
        "claim ids": len(ca.keys() ^ cb.keys()),
        "offsets": sum((ca[i].start, ca[i].end) != (cb[i].start, cb[i].end) for i in common),
        "speakers": sum((ca[i].speaker, ca[i].speaker_mention) != (cb[i].speaker, cb[i].speaker_mention)
                        for i in common),
        "quantities": sum([asdict(q) for q in ca[i].quantities] != [asdict(q) for q in cb[i].quantities]
                          for i in common),
        "other claim fields": sum(asdict(ca[i]) != asdict(cb[i]) for i in common),
        "documents": int(a["documents"] != b["documents"]),
        "stories": int(a["stories"] != b["stories"]),
        "comparisons": int(a["comparisons"] != b["comparisons"]),
    }
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("-n", type=int, default=200, help="articles to run")
    ap.add_argument("--workers", type=int, default=2, help="Ray actors")
    ap.add_argument("--batches", type=int, default=2, help="runs the articles are split into (the "
                    "second and later go through the incremental path)")
    ap.add_argument("--db-url", help="an empty PostgreSQL database for the Ray run")
    args = ap.parse_args(argv)
    if not args.path.exists():
        print(f"ray_parity: {args.path} not found; skipping.")
        return 0
    if not ray_available():
        print("ray_parity: Ray is not installed (pip install 'claimgraph[ray]'); skipping.")
        return 0
    with tempfile.TemporaryDirectory(prefix="cg-parity-") as tmp:
        os.environ.setdefault("RAY_TMPDIR", tmp)
        corpora = [Path(tmp) / f"batch{i}.jsonl" for i in range(1, max(1, args.batches) + 1)]
        n = sample(args.path, args.n, corpora)
        local, t_local = run(corpora, str(Path(tmp) / "local.db"), "local", 1)
        remote, t_ray = run(corpora, args.db_url or str(Path(tmp) / "ray.db"), "ray", args.workers)
    diff = differences(local, remote)
    print(f"articles: {n} in {len(corpora)} batches; claims: {len(local['claims'])} local, {len(remote['claims'])} ray; "
          f"stories: {len(local['stories'])}; comparisons: {len(local['comparisons'])}")
    print(f"wall time: local {t_local:.1f} s, ray {t_ray:.1f} s ({args.workers} actors, "
          f"{'RAY_ADDRESS' if os.environ.get('RAY_ADDRESS') else 'local instance'}"
          f"{', PostgreSQL store' if args.db_url else ''})")
    for what, k in diff.items():
        print(f"  {what:20s} {'identical' if k == 0 else f'{k} differ'}")
    same = not any(diff.values())
    print("IDENTICAL" if same else "DIFFERENT")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
