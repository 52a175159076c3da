#!/usr/bin/env python3
"""Several `claimgraph analyze` processes writing one store at the same moment.

    python benchmarks/concurrent_writers.py [--writers 3] [--docs 300] [--backend sqlite|postgresql|both]
                                            [--pg-url postgresql://...]

Each writer gets its own slice of ../shared/eval/data/bench/news-sample.jsonl (writer i: articles
i*docs .. (i+1)*docs) plus a few articles every writer shares (the same ids sent by all of them),
and all writers start together on one fresh store. Then the store is checked and one line per
backend is printed:

    sqlite 3x300: exit [0, 0, 0], integrity_check ok, lost 0, doubled 0, unplaced 0, dangling 0, ...

``lost``: input ids missing from the store; ``doubled``: rows beyond one per id (documents, claims)
plus documents in more than one story; ``unplaced``: extracted documents in no story; ``dangling``:
comparison members, story rows or speaker links that point at nothing. Without --pg-url a throwaway
PostgreSQL server is started (tests/pg_server.py). Skips cleanly when ../shared is not there.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "eval" / "data" / "bench" / "news-sample.jsonl"
SHARED_DOCS = 5  # articles every writer sends: the same ids written concurrently

sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "src"))


def write_slices(source: Path, folder: Path, writers: int, docs: int) -> tuple[list[Path], set[str]]:
    """One JSONL input per writer; returns the files and every id they hold."""
    records = []
    with open(source, encoding="utf-8") as f:
        for line in f:
            if len(records) >= writers * docs + SHARED_DOCS:
                break
            records.append(line)
    shared = records[writers * docs :]
    files, ids = [], set()
    for i in range(writers):
        part = records[i * docs : (i + 1) * docs] + shared
        path = folder / f"writer{i}.jsonl"
        path.write_text("".join(part), encoding="utf-8")
        files.append(path)
        ids.update(json.loads(r)["id"] for r in part)
    return files, ids


def run_writers(files: list[Path], db: str, extra: list[str]) -> tuple[list[int], list[str], float]:
    """Start one `analyze` per file at once; their exit codes, stderr tails and the wall time."""
    t0 = time.perf_counter()
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "claimgraph", "analyze", str(f), "--db", db, "--quiet", *extra],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        )
        for f in files
    ]
    outs = [p.communicate()[1] for p in procs]
    return [p.returncode for p in procs], outs, time.perf_counter() - t0


def check_store(db: str, ids: set[str]) -> dict[str, object]:
    """Integrity, lost and doubled rows, and the consistency of stories, comparisons and speakers."""
    from claimgraph.store import Store

    with Store(db, readonly=True) as s:
        q = lambda sql: s.execute(sql).fetchone()[0]  # noqa: E731
        stored = set(s.document_ids())
        doubled = (
            q("SELECT COUNT(*) - COUNT(DISTINCT id) FROM documents")
            + q("SELECT COUNT(*) - COUNT(DISTINCT id) FROM claims")
            + q("SELECT COUNT(*) - COUNT(DISTINCT doc_id) FROM story_documents")
        )
        dangling = (
            q(
                "SELECT COUNT(*) FROM comparison_claims m WHERE NOT EXISTS "
                "(SELECT 1 FROM claims c WHERE c.id = m.claim_id)"
            )
            + q(
                "SELECT COUNT(*) FROM story_documents sd WHERE NOT EXISTS "
                "(SELECT 1 FROM stories t WHERE t.id = sd.story_id)"
            )
            + q(
                "SELECT COUNT(*) FROM story_documents sd WHERE NOT EXISTS "
                "(SELECT 1 FROM documents d WHERE d.id = sd.doc_id)"
            )
            + q(
                "SELECT COUNT(*) FROM claims c WHERE speaker_id IS NOT NULL AND NOT EXISTS "
                "(SELECT 1 FROM speakers p WHERE p.id = c.speaker_id)"
            )
        )
        return {
            "integrity_check": s.integrity_check(),
            "lost": len(ids - stored),
            "doubled": doubled,
            "unplaced": q(
                "SELECT COUNT(*) FROM documents d WHERE status = 'extracted' AND NOT EXISTS "
                "(SELECT 1 FROM story_documents sd WHERE sd.doc_id = d.id)"
            ),
            "not extracted": q("SELECT COUNT(*) FROM documents WHERE status NOT IN ('extracted', 'failed')"),
            "dangling": dangling,
            "documents": len(stored),
            "claims": s.count("claims"),
            "stories": s.count("stories"),
            "comparisons": s.count("comparisons"),
        }


def bench(backend: str, db: str, files: list[Path], ids: set[str], docs: int, extra: list[str]) -> bool:
    rcs, errs, wall = run_writers(files, db, extra)
    figures = check_store(db, ids)
    print(
        f"{backend} {len(files)}x{docs}: exit {rcs}, "
        + ", ".join(f"{k} {v}" for k, v in figures.items())
        + f", wall {wall:.0f} s",
        flush=True,
    )
    for i, e in enumerate(errs):
        tail = [line for line in e.splitlines() if line.strip()][-3:]
        if tail:
            print(f"  writer {i}: " + " | ".join(tail)[:600], flush=True)
    return (
        all(rc == 0 for rc in rcs)
        and figures["integrity_check"] == "ok"
        and figures["lost"] == 0
        and figures["doubled"] == 0
        and figures["unplaced"] == 0
        and figures["dangling"] == 0
        and figures["not extracted"] == 0
    )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--writers", type=int, default=3)
    ap.add_argument("--docs", type=int, default=300, help="articles per writer")
    ap.add_argument("--backend", choices=["sqlite", "postgresql", "both"], default="both")
    ap.add_argument("--pg-url", help="an empty PostgreSQL database (default: start a throwaway server)")
    ap.add_argument("--no-link", action="store_true", help="skip stories and comparisons")
    args = ap.parse_args()
    if not BENCH.exists():
        print(f"skipped: {BENCH} not found")
        return 0
    extra = ["--no-link"] if args.no_link else []
    ok = True
    with tempfile.TemporaryDirectory(prefix="cg-writers-") as tmp:
        files, ids = write_slices(BENCH, Path(tmp), args.writers, args.docs)
        if args.backend in ("sqlite", "both"):
            ok &= bench("sqlite", str(Path(tmp) / "store.db"), files, ids, args.docs, extra)
        if args.backend in ("postgresql", "both"):
            server = None
            url = args.pg_url
            if url is None:
                from pg_server import start_server

                try:
                    server = start_server()
                except RuntimeError as e:
                    print(f"postgresql skipped: {e}")
                    return 0 if ok else 1
                url = server.new_database()
            try:
                ok &= bench("postgresql", url, files, ids, args.docs, extra)
            finally:
                if server is not None:
                    server.stop()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
