"""Overlapped stages: with several workers, ``Pipeline.run`` starts the parse pool while it reads.

The workers clean documents while the main process is still reading, load the pipeline while it
deduplicates, and the same pool parses; the store ends up exactly as a stage-by-stage run leaves it.
"""

from __future__ import annotations

import json
import time
from concurrent.futures import Future
from dataclasses import replace
from pathlib import Path

import pytest

from claimgraph import pipeline as pipeline_mod
from claimgraph.extract import run as extract_run
from claimgraph.model import RawDoc
from claimgraph.options import ExtractOptions, Options, ReadOptions
from claimgraph.pipeline import Pipeline, clean_outcome
from claimgraph.store import Store

pytestmark = pytest.mark.model

FOOTER = "The Lantern Gazette is printed at the old mill on Wick Street in Fennmoor."


def _article(i: int, outlet: str) -> dict[str, str]:
    """A fictional short news item; the Lantern Gazette's carry the outlet's footer."""
    town = ["Fennmoor", "Otterbridge", "Saltmarsh", "Greyhollow"][i % 4]
    text = (
        f"{town} council votes on the harbour budget\n\n"
        f"The {town} council met on Tuesday to vote on the harbour budget, number {i}. "
        f"Council treasurer Mara Quill said the repairs would cost {12 + i} million crowns, "
        f"and that {40 + i} boats use the harbour every day."
    )
    if outlet == "Lantern Gazette":
        text += f"\n\n{FOOTER}"
    return {
        "id": f"doc-{i}",
        "outlet": outlet,
        "published": "2024-05-0" + str(1 + i % 9),
        "title": "",
        "text": text,
    }


def _corpus(path: Path) -> Path:
    """Nine articles, an exact duplicate, a repeated id, an over-long text and a broken line."""
    recs = [_article(i, "Lantern Gazette" if i % 2 else "Marsh Courier") for i in range(9)]
    recs.append({**recs[3], "id": "doc-3-copy"})
    lines = [json.dumps(r) for r in recs]
    lines.insert(4, json.dumps({**recs[1], "text": "other text"}))  # doc-1 again: skipped, said
    lines.insert(6, json.dumps({"id": "long", "text": "The harbour. " * 400}))  # over --max-text-chars
    lines.insert(8, "{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _options(db: Path, n_process: int) -> Options:
    options = Options(
        read=ReadOptions(max_text_chars=3000), extract=ExtractOptions(n_process=n_process, batch_size=2)
    )
    return replace(options, store=replace(options.store, db=str(db)))


def _run(db: Path, corpus: Path, n_process: int) -> tuple[list[str], list[str], list[tuple], list[tuple]]:
    with Store(db) as store:
        pl = Pipeline(store, _options(db, n_process))
        run_ids, stats = pl.run([str(corpus)])
        assert pl._pool is None  # closed by the run
        docs = [(a.id, a.text, a.duplicate_of, tuple(a.removed)) for a in store.documents(with_claims=False)]
        claims = sorted((c.id, c.start, c.end, c.text, c.speaker) for c in store.claims(limit=10_000))
    return run_ids, [str(e) for e in stats.errors], docs, claims


def test_overlapped_run_stores_what_a_stage_by_stage_run_stores(tmp_path, monkeypatch):
    corpus = _corpus(tmp_path / "in.jsonl")
    one = _run(tmp_path / "one.db", corpus, 1)
    pools: list[extract_run.ParsePool] = []
    calls: list[str] = []
    init, call = extract_run.ParsePool.__init__, extract_run.ParsePool.call

    def spy_init(self, *a, **k):
        pools.append(self)
        init(self, *a, **k)

    def spy_call(self, fn, *a):
        calls.append(fn.__name__)
        return call(self, fn, *a)

    monkeypatch.setattr(extract_run.ParsePool, "__init__", spy_init)
    monkeypatch.setattr(extract_run.ParsePool, "call", spy_call)
    two = _run(tmp_path / "two.db", corpus, 2)
    assert len(pools) == 1  # one pool: started while reading, then parsing
    assert "clean_outcome" in calls and calls.count("_warm") == 2
    assert two == one
    run_ids, errors, docs, claims = one
    # the fixture does what it says: errors in input order, footer stripped, duplicate marked
    assert len(errors) == 3, errors
    assert "duplicate document id 'doc-1'" in errors[0] and "'long' skipped" in errors[1]
    assert not any(FOOTER in text for _, text, _, _ in docs)
    assert dict((d, dup) for d, _, dup, _ in docs)["doc-3-copy"] == "doc-3"
    assert claims and "long" not in run_ids


def test_workers_clean_while_the_main_process_is_still_reading(tmp_path, monkeypatch):
    futures: list[Future] = []
    call = extract_run.ParsePool.call

    def spy_call(self, fn, *a):
        fut = call(self, fn, *a)
        if fn is clean_outcome:
            futures.append(fut)
        return fut

    first_done_while_reading = []

    def slow_reader(inputs, options, fetcher):
        """A reader that takes its time: before its last document, the first is cleaned already."""
        for i in range(8):
            if i == 7:
                deadline = time.monotonic() + 120
                while futures and not futures[0].done() and time.monotonic() < deadline:
                    time.sleep(0.05)
                first_done_while_reading.append(bool(futures) and futures[0].done())
            rec = _article(i, "Marsh Courier")
            yield RawDoc(id=rec["id"], content=rec["text"], source="slow", line=i + 1, outlet=rec["outlet"])

    monkeypatch.setattr(extract_run.ParsePool, "call", spy_call)
    monkeypatch.setattr(pipeline_mod, "iter_sources", slow_reader)
    db = tmp_path / "s.db"
    with Store(db) as store:
        run_ids, stats = Pipeline(store, _options(db, 2)).run(["unused"])
    assert first_done_while_reading == [True]  # cleaned in a worker, not in the reading process
    assert futures[0].result()[0] == "ok"
    assert len(run_ids) == 8 and stats.extracted == 8 and stats.claims


def test_one_process_starts_no_pool(tmp_path, monkeypatch):
    def no_pool(self, *a, **k):
        raise AssertionError("-j 1 started a process pool")

    monkeypatch.setattr(extract_run.ParsePool, "__init__", no_pool)
    run_ids, errors, docs, claims = _run(tmp_path / "one.db", _corpus(tmp_path / "in.jsonl"), 1)
    assert len(run_ids) == 10 and claims


def test_the_early_pool_is_closed_when_a_later_stage_fails(tmp_path, monkeypatch):
    pools: list[extract_run.ParsePool] = []
    init = extract_run.ParsePool.__init__

    def spy_init(self, *a, **k):
        pools.append(self)
        init(self, *a, **k)

    def broken_dedup(self, stats):
        raise RuntimeError("dedup broke")

    monkeypatch.setattr(extract_run.ParsePool, "__init__", spy_init)
    monkeypatch.setattr(Pipeline, "dedup", broken_dedup)
    db = tmp_path / "f.db"
    with Store(db) as store:
        pl = Pipeline(store, _options(db, 2))
        with pytest.raises(RuntimeError, match="dedup broke"):
            pl.run([str(_corpus(tmp_path / "in.jsonl"))])
        assert pl._pool is None
        # what was read is kept (the next run resumes from it)
        assert len(store.document_ids(status="cleaned")) == 10
    assert len(pools) == 1 and pools[0].pool._shutdown_thread
