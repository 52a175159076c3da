"""kill -9 in the middle of `claimgraph analyze`, then the same command again: nothing lost, nothing twice."""

from __future__ import annotations

import json
import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

pytestmark = pytest.mark.model

TOWNS = ["Brellin", "Ostara", "Kemwick", "Dunmoor", "Hallow Bay", "Farrowgate", "Lindqvist", "Marrow End"]
WHO = ["the mayor", "a council spokesperson", "the fire chief", "Inspector Vale", "the harbour master"]


def synthetic_corpus(path, n: int, seed: int = 7) -> None:
    """Short fictional news records with quotes and numbers (generated, not copied)."""
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            town, who = rng.choice(TOWNS), rng.choice(WHO)
            k = rng.randint(2, 900)
            text = (f"Residents of {town} were told on Monday that {k} homes had lost power after the storm. "
                    f"{who.capitalize()} said that about {k * 3} people had been moved to shelters. "
                    f"\"We expect the lines to be repaired within {rng.randint(2, 9)} days,\" {who} said. "
                    f"Record {i} of a generated test corpus.")
            f.write(json.dumps({"id": f"doc-{i:05d}", "outlet": f"Gazette {i % 7}", "title": f"Storm in {town}",
                                "published": f"2031-05-{1 + i % 28:02d}", "text": text}) + "\n")


def count(db, sql):
    try:
        c = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return c.execute(sql).fetchone()[0]
        finally:
            c.close()
    except sqlite3.Error:
        return 0


@pytest.mark.parametrize("stage_sql", [
    "SELECT COUNT(*) FROM documents",                              # killed while reading
    "SELECT COUNT(*) FROM documents WHERE status='extracted'",     # killed while extracting
])
def test_kill_9_then_resume(tmp_path, stage_sql):
    n = 1000
    corpus, db = tmp_path / "corpus.jsonl", tmp_path / "cg.db"
    synthetic_corpus(corpus, n)
    cmd = [sys.executable, "-m", "claimgraph", "analyze", str(corpus), "--db", str(db), "--quiet",
           "--batch-size", "16", "--no-link"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.time() + 300
    while time.time() < deadline and proc.poll() is None and count(db, stage_sql) < 40:
        time.sleep(0.05)
    killed = proc.poll() is None
    if killed:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert killed, "the run finished before it could be killed"
    done_before = count(db, "SELECT COUNT(*) FROM documents WHERE status='extracted'")
    assert done_before < n

    c = sqlite3.connect(db)
    assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    c.close()

    proc = subprocess.run([x for x in cmd if x != "--quiet"], capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr
    c = sqlite3.connect(db)
    assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert c.execute("SELECT COUNT(*), COUNT(DISTINCT id) FROM documents").fetchone() == (n, n)
    assert c.execute("SELECT COUNT(*) FROM documents WHERE status != 'extracted'").fetchone()[0] == 0
    # every document's claims exist exactly once
    assert c.execute("SELECT COUNT(*) FROM claims").fetchone()[0] == \
        c.execute("SELECT COUNT(DISTINCT id) FROM claims").fetchone()[0]
    c.close()
    # the second run only extracted what the first did not finish
    m = re.search(r"(\d+) unchanged, .*?(\d+) extracted", proc.stderr)
    assert m, proc.stderr
    assert int(m.group(2)) == n - done_before
