"""Worker processes: a worker killed mid-run costs no document and stops nothing."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from claimgraph.extract import run
from claimgraph.extract.run import extract_documents

pytestmark = pytest.mark.model


def _pool_workers() -> list[int]:
    """Worker pids: children of this process's multiprocessing forkserver (Linux /proc)."""
    workers = []
    for task in os.listdir(f"/proc/{os.getpid()}/task"):
        with open(f"/proc/{os.getpid()}/task/{task}/children") as f:
            for child in f.read().split():
                try:
                    cmd = Path(f"/proc/{child}/cmdline").read_bytes()
                except FileNotFoundError:
                    continue
                if b"forkserver" in cmd:
                    for t in os.listdir(f"/proc/{child}/task"):
                        workers += [int(p) for p in Path(f"/proc/{child}/task/{t}/children").read_text().split()]
    return workers


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_killed_worker_loses_no_document(examples_dir, monkeypatch):
    recoveries = []
    original = run.ParsePool._recover

    def counted(self):
        recoveries.append(1)
        yield from original(self)

    monkeypatch.setattr(run.ParsePool, "_recover", counted)
    text = (Path(examples_dir) / "harbor-ledger-flood.txt").read_text(encoding="utf-8")
    items = [(f"doc{i}", text) for i in range(24)]
    results = {}
    killed = False
    for result in extract_documents(iter(items), batch_size=2, n_process=2):
        results.setdefault(result.doc_id, []).append(result)
        if not killed:
            workers = _pool_workers()
            assert workers, "no worker process found"
            os.kill(workers[0], signal.SIGKILL)
            killed = True
    assert killed and recoveries  # the pool broke, and the run recovered
    assert sorted(results) == sorted(doc_id for doc_id, _ in items)  # every document, once
    assert all(len(v) == 1 for v in results.values())
    # the killed worker's batch was not at fault: rerun in a fresh pool, it gives claims too
    assert all(v[0].ok and v[0].claims for v in results.values())
