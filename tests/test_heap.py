"""A long-lived worker gives its freed heap back between batches (engine/heap.py)."""

from __future__ import annotations

import sys

import pytest

from claimgraph.engine.heap import release_free_memory
from claimgraph.engine.workers import resident_mb


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc_trim")
def test_freed_heap_pages_go_back_to_the_system():
    chunks = [bytearray(60_000) for _ in range(4000)]  # ~240 MB on the heap (under the mmap threshold)
    keep = chunks[::16]  # a live chunk here and there: the freed ones are holes, not the heap's top
    del chunks
    before = resident_mb()
    assert release_free_memory()
    after = resident_mb()
    assert before is not None and after is not None and before - after > 100
    assert len(keep) == 250


def test_a_parse_worker_releases_memory_after_each_batch(monkeypatch):
    from claimgraph.extract import run

    calls: list[str] = []
    monkeypatch.setattr(run, "extract_batch", lambda batch, **kw: calls.append("batch") or [])
    monkeypatch.setattr(run, "release_free_memory", lambda: calls.append("release"))
    run._worker_batch(([("d1", "Some text.")], False, 32))
    assert calls == ["batch", "release"]
