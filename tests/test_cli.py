"""End to end through the real CLI: example corpus, re-runs, bad inputs and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from claimgraph.store import Store

pytestmark = pytest.mark.model
CLI = [sys.executable, "-m", "claimgraph"]


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], capture_output=True, input=stdin, timeout=600)


@pytest.fixture(scope="module")
def example_run(tmp_path_factory, examples_dir):
    work = tmp_path_factory.mktemp("cli")
    db, out = work / "cg.db", work / "out.json"
    proc = run("analyze", str(examples_dir), "--db", str(db), "--json", str(out))
    return proc, db, out


def test_example_corpus_exits_0_and_writes_contract_json(example_run):
    proc, db, out = example_run
    assert proc.returncode == 0, proc.stderr.decode()
    # the number of parser processes is chosen (a small corpus: one) and said in one line
    assert b"parsing with 1 process (of " in proc.stderr
    data = json.loads(out.read_text())
    ids = [d["id"] for d in data["documents"]]
    assert "harbor-ledger-flood.txt" in ids and "coastline-wire-0416" in ids
    for key in ("documents", "stories", "comparisons"):
        assert isinstance(data[key], list)
    for d in data["documents"]:
        for field in ("id", "title", "outlet", "author", "published", "text", "claims"):
            assert field in d
        for c in d["claims"]:
            assert d["text"][c["start"]:c["end"]] == c["text"]
            for q in c["quantities"]:
                assert d["text"][q["start"]:q["end"]] == q["text"]


def test_example_corpus_is_cleaned_and_deduplicated(example_run):
    _, _, out = example_run
    docs = {d["id"]: d for d in json.loads(out.read_text())["documents"]}
    ledger = docs["harbor-ledger-flood.txt"]["text"]
    assert "â€" not in ledger
    assert "Local journalism costs money" not in ledger
    assert "Sign up for the free" not in ledger
    assert "about 120 families" in ledger
    assert docs["valley-post-0416"]["duplicate_of"] == "coastline-wire-0416"
    assert docs["northvale-daily-flood.html"]["outlet"] == "Northvale Daily"


def test_rerun_stores_nothing_twice(example_run):
    _, db, _ = example_run
    with Store(db) as s:
        before = (s.count("documents"), s.count("claims"))
    proc = run("analyze", str(Path(db).parent.parent / "x"), "--db", str(db))  # missing path: exit 1
    assert proc.returncode == 1
    from tests.conftest import EXAMPLES

    proc = run("analyze", str(EXAMPLES), "--db", str(db))
    assert proc.returncode == 0
    assert b"0 new" in proc.stderr and b"unchanged" in proc.stderr
    with Store(db) as s:
        assert (s.count("documents"), s.count("claims")) == before


def test_bad_inputs_exit_1_with_one_line_each_and_good_ones_stored(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "good.txt").write_text("Harbour Chief\n\nThe harbour chief said 14 boats sank.\n")
    (tmp_path / "in" / "empty.txt").write_text("")
    (tmp_path / "in" / "junk.bin").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "in" / "recs.jsonl").write_text('{"id": "r1", "text": "Fine text here."}\n{oops\n')
    db = tmp_path / "cg.db"
    proc = run("analyze", str(tmp_path / "in"), "--db", str(db), "--quiet")
    assert proc.returncode == 1
    lines = proc.stderr.decode().strip().splitlines()
    assert len(lines) == 3  # --quiet: the errors only, not the parser processes chosen
    assert any("empty.txt" in x for x in lines) and any("recs.jsonl:2" in x for x in lines)
    with Store(db) as s:
        assert sorted(s.document_ids()) == ["good.txt", "r1"]


def test_stdin_and_usage_errors(tmp_path):
    proc = run("analyze", "-", "--db", str(tmp_path / "s.db"), "--json", str(tmp_path / "o.json"),
               stdin=b"Storm Report\n\nThe mayor said 30 trees fell.\n")
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads((tmp_path / "o.json").read_text())["documents"][0]["id"] == "stdin"
    assert run("analyze").returncode == 2
    assert run("analyze", "x", "--field", "nonsense").returncode == 2
    assert run("report", "--db", str(tmp_path / "missing.db")).returncode == 2


def test_report_and_claims_commands(example_run):
    _, db, _ = example_run
    proc = run("report", "--db", str(db), "--json")
    assert proc.returncode == 0
    data = json.loads(proc.stdout)
    assert data["documents"] == 4 and data["claims"] > 0
    proc = run("claims", "--db", str(db), "--speaker", "Kalder", "--json")
    assert proc.returncode == 0 and json.loads(proc.stdout)
