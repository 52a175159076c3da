"""Feeds end to end through the real CLI, against a site served on loopback (feed_server.py):
``analyze FEED_URL`` stores every item and a second run fetches nothing; ``watch`` picks up new
items and stops on SIGINT with exit code 0."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimgraph.cli_watch import parse_interval
from feed_server import Site, SiteServer

CLI = [sys.executable, "-m", "claimgraph"]
FLAGS = ["--allow-private-urls", "--set", "read.host_delay=0"]


def _documents(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as con:
            return con.execute("SELECT COUNT(*) FROM documents WHERE status='extracted'").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def _wait_for(db: Path, n: int, proc: subprocess.Popen, timeout: float = 300) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if _documents(db) >= n:
            return
        if proc.poll() is not None:
            raise AssertionError(f"watch ended early: {proc.stderr.read().decode()}")
        time.sleep(0.3)
    raise AssertionError(f"{_documents(db)} documents after {timeout}s, expected {n}")


def test_intervals():
    assert [parse_interval(x) for x in ("30s", "15m", "2h", "1d", "5")] == [30, 900, 7200, 86400, 300]
    for bad in ("", "soon", "-5m", "0s"):
        with pytest.raises(Exception, match="interval"):
            parse_interval(bad)


@pytest.mark.model
def test_analyze_a_feed_url_then_again(tmp_path):
    site = Site(items=20)
    db = tmp_path / "feed.db"
    with SiteServer(site) as url:
        proc = subprocess.run([*CLI, "analyze", url + "/feed.xml", "--db", str(db), "--no-link", *FLAGS],
                              capture_output=True, timeout=600)
        assert proc.returncode == 0, proc.stderr.decode()
        assert _documents(db) == 20
        site.log.clear()
        proc = subprocess.run([*CLI, "analyze", url + "/feed.xml", "--db", str(db), "--no-link", *FLAGS],
                              capture_output=True, timeout=600)
        assert proc.returncode == 0, proc.stderr.decode()
        assert "0 new" in proc.stderr.decode()
        assert site.requests("/feed.xml") == [("/feed.xml", 304)] and site.requests("/a/") == []


@pytest.mark.model
def test_watch_picks_up_new_items_and_stops_on_sigint(tmp_path):
    site = Site(items=20)
    db = tmp_path / "watch.db"
    with SiteServer(site) as url:
        proc = subprocess.Popen([*CLI, "watch", url + "/feed.xml", "--every", "1s", "--db", str(db), *FLAGS],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            _wait_for(db, 20, proc)
            site.add(5)
            _wait_for(db, 25, proc)
            time.sleep(1.5)  # at least one more round: the unchanged feed answers 304
            proc.send_signal(signal.SIGINT)
            rc = proc.wait(timeout=60)
        finally:
            if proc.poll() is None:
                proc.kill()
        stderr = proc.stderr.read().decode()
        assert rc == 0, stderr
        assert "stopped after" in stderr and "Traceback" not in stderr
    assert _documents(db) == 25
    assert sorted(p for p, _ in site.requests("/a/")) == sorted(f"/a/{i}" for i in range(25))  # each once
    assert ("/feed.xml", 304) in site.requests("/feed.xml")
