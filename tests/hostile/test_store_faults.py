"""The store under faults, provoked for real: several `analyze` processes writing one store at once,
a PostgreSQL server stopped mid-run, a disk that fills up. After each: nothing lost, nothing twice,
stories and comparisons consistent, and a failed run says so in one line and resumes."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from pg_server import running_server

pytestmark = pytest.mark.model

TOWNS = ["Quillmere", "Harrowfield", "Saltmarsh Key", "Tembrook", "Orvale", "Widdensea"]
WHO = ["the ferry operator", "a harbour spokesperson", "the coastguard chief", "Warden Iselby"]


def fictional_corpus(path: Path, ids: list[str], seed: int, padding: int = 0) -> None:
    """Short invented reports on a few invented storms, with quotes and figures to compare."""
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as f:
        for doc_id in ids:
            town, who = rng.choice(TOWNS), rng.choice(WHO)
            k = rng.randint(3, 400)
            text = (
                f"Ferries to {town} were cancelled on Tuesday after high winds, and {k} passengers were "
                f"stranded overnight. {who.capitalize()} said that about {k * 2} vehicles were waiting "
                f'at the terminal. "We hope to sail again within {rng.randint(2, 6)} days," {who} said. '
                + "The harbour wall held through the night. " * padding
                + f"Report {doc_id}."
            )
            f.write(
                json.dumps(
                    {
                        "id": doc_id,
                        "outlet": f"Coast Courier {rng.randint(1, 4)}",
                        "title": f"Storm strands ferries at {town}",
                        "published": "2033-02-14",
                        "text": text,
                    }
                )
                + "\n"
            )


def analyze(corpus: Path, db: str, *extra: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "claimgraph", "analyze", str(corpus), "--db", db, *extra],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if "error:" in line]


def store_figures(db: str) -> dict[str, object]:
    """What a consistent store must show: counts of everything that could be lost or doubled."""
    from claimgraph.store import Store

    with Store(db, readonly=True) as s:
        q = lambda sql: s.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "integrity": s.integrity_check(),
            "ids": set(s.document_ids()),
            "documents": q("SELECT COUNT(*) FROM documents"),
            "doubled claims": q("SELECT COUNT(*) - COUNT(DISTINCT id) FROM claims"),
            "not extracted": q("SELECT COUNT(*) FROM documents WHERE status != 'extracted'"),
            "claims": q("SELECT COUNT(*) FROM claims"),
            "unplaced": q(
                "SELECT COUNT(*) FROM documents d WHERE NOT EXISTS "
                "(SELECT 1 FROM story_documents sd WHERE sd.doc_id = d.id)"
            ),
            "dangling members": q(
                "SELECT COUNT(*) FROM comparison_claims m WHERE NOT EXISTS "
                "(SELECT 1 FROM claims c WHERE c.id = m.claim_id)"
            ),
            "dangling speakers": q(
                "SELECT COUNT(*) FROM claims c WHERE speaker_id IS NOT NULL AND NOT EXISTS "
                "(SELECT 1 FROM speakers p WHERE p.id = c.speaker_id)"
            ),
            "comparisons": s.count("comparisons"),
        }


def assert_complete(db: str, ids: set[str]) -> dict[str, object]:
    f = store_figures(db)
    assert f["integrity"] == "ok"
    assert f["ids"] == ids and f["documents"] == len(ids)  # none lost, none twice
    assert f["doubled claims"] == 0 and f["not extracted"] == 0 and f["claims"] > 0
    return f


# ---------------------------------------------------------------------------------------------- writers
def test_three_writers_at_once(tmp_path, store_url):
    """Three runs started together on one new store, each with 150 documents of its own (enough for
    their reading to overlap) and three that all
    of them send: every document stored once, extracted, in one story; comparisons point at
    claims that exist. (Before: 'database is locked' tracebacks and two thirds of the documents lost.)"""
    shared = [f"shared-{i}" for i in range(3)]
    fictional_corpus(tmp_path / "shared.jsonl", shared, seed=99)  # byte-identical in every input
    corpora, ids = [], set(shared)
    for w in range(3):
        own = [f"w{w}-{i:03d}" for i in range(150)]
        ids.update(own)
        corpora.append(tmp_path / f"w{w}.jsonl")
        fictional_corpus(corpora[-1], own, seed=w)
        with open(corpora[-1], "a", encoding="utf-8") as f:
            f.write((tmp_path / "shared.jsonl").read_text(encoding="utf-8"))
    procs = [analyze(c, store_url, "--batch-size", "4") for c in corpora]
    outs = [p.communicate(timeout=900)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0], outs
    assert not any("Traceback" in o or "locked" in o for o in outs), outs
    f = assert_complete(store_url, ids)
    assert f["unplaced"] == 0 and f["dangling members"] == 0 and f["dangling speakers"] == 0
    assert f["comparisons"] > 0  # the fictional storms give figures to compare across outlets


# ---------------------------------------------------------------------------------------------- PostgreSQL
@pytest.fixture
def own_pg_server():
    """A server of the test's own: it is stopped and started again mid-run."""
    yield from running_server()


def _extracted(url: str) -> int:
    import psycopg

    try:
        with psycopg.connect(url, connect_timeout=5) as c:
            return c.execute("SELECT COUNT(*) FROM documents WHERE status='extracted'").fetchone()[0]
    except psycopg.Error:
        return 0


def _stop_when_extracted(proc: subprocess.Popen, server, url: str, n: int) -> None:
    deadline = time.time() + 600
    while time.time() < deadline and proc.poll() is None and _extracted(url) < n:
        time.sleep(0.1)
    assert proc.poll() is None, "the run finished before the server could be stopped"
    server.pause()


@pytest.mark.parametrize("down_for", ["short", "past the retry budget"])
def test_postgres_restart_mid_run(tmp_path, own_pg_server, down_for):
    """The server stops mid-run. Back within the retry budget: the run reconnects and finishes.
    Gone for longer: the run stops with one error line and exit 1. Either way the next run
    resumes with nothing lost and nothing twice."""
    n = 120
    ids = [f"pg-{i:04d}" for i in range(n)]
    corpus, url = tmp_path / "corpus.jsonl", own_pg_server.new_database()
    fictional_corpus(corpus, ids, seed=5)
    budget = "20" if down_for == "short" else "3"
    cmd = ["--batch-size", "8", "--no-link", "--set", f"store.retry_seconds={budget}"]
    proc = analyze(corpus, url, *cmd)
    _stop_when_extracted(proc, own_pg_server, url, 16)
    if down_for == "short":
        time.sleep(3)
        own_pg_server.resume()
        stderr = proc.communicate(timeout=900)[1]
        assert proc.returncode == 0, stderr  # reconnected
    else:
        stderr = proc.communicate(timeout=300)[1]
        own_pg_server.resume()
        assert proc.returncode == 1, stderr
        lines = error_lines(stderr)
        assert len(lines) == 1 and "Traceback" not in stderr, stderr
        assert "postgresql://postgres@127.0.0.1" in lines[0], lines  # names the store
    again = analyze(corpus, url, *cmd)
    stderr = again.communicate(timeout=900)[1]
    assert again.returncode == 0, stderr
    assert_complete(url, set(ids))


# ---------------------------------------------------------------------------------------------- disk full
@pytest.fixture
def small_disk():
    """A 2 MB tmpfs the test mounts (root only); ``grow()`` frees space by enlarging it."""
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a small filesystem needs root (the in-process test simulates it instead)")
    mnt = Path(tempfile.mkdtemp(prefix="cg-full-"))
    r = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mnt)], capture_output=True, text=True
    )
    if r.returncode:
        mnt.rmdir()
        pytest.skip(f"cannot mount a tmpfs here: {r.stderr.strip()}")

    class Disk:
        path = mnt

        @staticmethod
        def grow() -> None:
            subprocess.run(["mount", "-o", "remount,size=64m", str(mnt)], check=True)

    try:
        yield Disk
    finally:
        subprocess.run(["umount", "-l", str(mnt)], capture_output=True)
        shutil.rmtree(mnt, ignore_errors=True)


def test_disk_full_then_resume(tmp_path, small_disk):
    """The store's filesystem fills up mid-run: one error line saying so, exit 1, a store that passes
    integrity_check with every committed document whole; after space is freed the same command
    finishes the job."""
    n = 400
    ids = [f"full-{i:04d}" for i in range(n)]
    corpus, db = tmp_path / "corpus.jsonl", str(small_disk.path / "cg.db")
    fictional_corpus(corpus, ids, seed=11, padding=12)  # ~5 KB a document stored twice (raw and text)
    proc = analyze(corpus, db, "--batch-size", "8", "--no-link")
    stderr = proc.communicate(timeout=900)[1]
    assert proc.returncode == 1, stderr
    lines = error_lines(stderr)
    assert len(lines) == 1 and "disk full" in lines[0] and "Traceback" not in stderr, stderr
    f = store_figures(db)
    assert f["integrity"] == "ok" and 0 < f["documents"] < n
    assert f["doubled claims"] == 0
    small_disk.grow()
    again = analyze(corpus, db, "--batch-size", "8", "--no-link")
    stderr = again.communicate(timeout=900)[1]
    assert again.returncode == 0, stderr
    assert_complete(db, set(ids))


def test_disk_full_at_the_first_open(tmp_path, small_disk):
    """A new store on a disk already full: the schema cannot be written. One line saying the disk is
    full and naming the file, exit 1 as for a full disk mid-run (it said "not a claimgraph
    database", exit 2); once space is freed the same command stores everything."""
    filler = small_disk.path / "filler"
    with open(filler, "wb") as f:  # fill the 2 MB filesystem to the last block
        try:
            while True:
                f.write(bytes(64 * 1024))
                f.flush()
        except OSError:
            pass
    ids = [f"first-{i:02d}" for i in range(20)]
    corpus, db = tmp_path / "corpus.jsonl", str(small_disk.path / "cg.db")
    fictional_corpus(corpus, ids, seed=5)
    proc = analyze(corpus, db, "--no-link")
    stderr = proc.communicate(timeout=300)[1]
    assert proc.returncode == 1, stderr
    lines = error_lines(stderr)
    assert len(lines) == 1 and "disk full" in lines[0] and db in lines[0], stderr
    assert "not a claimgraph database" not in stderr and "Traceback" not in stderr
    filler.unlink()
    again = analyze(corpus, db, "--no-link")
    stderr = again.communicate(timeout=900)[1]
    assert again.returncode == 0, stderr
    assert_complete(db, set(ids))


def test_disk_full_at_the_write_call(tmp_path):
    """The same, simulated where no filesystem can be mounted: SQLite's own page limit makes the
    write call fail with SQLITE_FULL, as a full disk does; the store stays whole and a run with room
    completes it."""
    from claimgraph.options import ExtractOptions, LinkOptions, Options
    from claimgraph.pipeline import Pipeline
    from claimgraph.store import Store, StoreError

    n = 60
    ids = [f"cap-{i:03d}" for i in range(n)]
    corpus, db = tmp_path / "corpus.jsonl", str(tmp_path / "cg.db")
    fictional_corpus(corpus, ids, seed=3, padding=12)
    options = Options(extract=ExtractOptions(batch_size=8), link=LinkOptions(enabled=False))
    with Store(db) as store:
        pages = store.execute("PRAGMA page_count").fetchone()[0]
        store.execute(f"PRAGMA max_page_count={pages + 40}")  # ~160 KB more, then 'disk full'
        with pytest.raises(Exception) as failed:
            Pipeline(store, options).run([str(corpus)])
        message = str(failed.value) if isinstance(failed.value, StoreError) else store.describe(failed.value)
        assert "disk full" in message
    f = store_figures(db)
    assert f["integrity"] == "ok" and f["doubled claims"] == 0
    assert f["documents"] < n or f["not extracted"] > 0  # stopped part of the way
    with Store(db) as store:  # a new connection has no page limit: space was freed
        Pipeline(store, options).run([str(corpus)])
    assert_complete(db, set(ids))
