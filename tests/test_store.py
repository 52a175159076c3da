"""The SQLite store: schema versions, idempotent writes, claims round-trip."""

from __future__ import annotations

import sqlite3

import pytest

from claimgraph.model import Article, Claim, Comparison, Quantity, Story
from claimgraph.store import Store, StoreError
from claimgraph.store.schema import SCHEMA_VERSION


def _article(i: str = "a1", text: str = "Officials said 12 homes flooded.") -> Article:
    return Article(id=i, text=text, title="T", outlet="Gazette", raw=text, content_hash="h" + i)


def test_new_store_is_migrated_and_in_wal_mode(tmp_path):
    with Store(tmp_path / "x.db") as s:
        assert s.schema_version == SCHEMA_VERSION
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert s.integrity_check() == "ok"


def test_newer_schema_is_refused(tmp_path):
    p = tmp_path / "future.db"
    c = sqlite3.connect(p)
    c.execute(f"PRAGMA user_version={SCHEMA_VERSION + 5}")
    c.close()
    with pytest.raises(StoreError, match="newer"):
        Store(p)


def test_not_a_database_is_a_clear_error(tmp_path):
    p = tmp_path / "junk.db"
    p.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="junk.db"):
        Store(p)


def test_documents_and_claims_round_trip(tmp_path):
    with Store(tmp_path / "x.db") as s:
        art = _article()
        with s.transaction():
            s.put_document(art, raw_hash="r1")
            q = Quantity(text="12 homes", start=15, end=23, value=12, counted="homes")
            s.put_claims("a1", [Claim(id="a1#c1", text=art.text, start=0, end=len(art.text),
                                      speaker="Officials", cue="said", via=["Wire"], quantities=[q])])
        # writing the same document again replaces, never duplicates
        with s.transaction():
            s.put_document(art, raw_hash="r1")
            s.put_claims("a1", [Claim(id="a1#c1", text=art.text, start=0, end=len(art.text),
                                      speaker="Officials", cue="said", quantities=[q])])
        assert s.count("documents") == 1 and s.count("claims") == 1 and s.count("quantities") == 1
        got = s.get_document("a1")
        assert got.claims[0].quantities[0].value == 12
        assert got.claims[0].speaker == "Officials"
        assert s.claims(speaker="offic")[0].id == "a1#c1"
        assert s.document_status("a1") == ("cleaned", "r1")


def test_stories_and_comparisons(tmp_path):
    with Store(tmp_path / "x.db") as s, s.transaction():
        s.put_document(_article("a1"), raw_hash="1")
        s.put_document(_article("a2"), raw_hash="2")
        s.put_stories([Story("s1", ["a1"], ["s2"], "One"), Story("s2", ["a2"], ["s1"], "Two")])
        s.put_comparisons([Comparison("homes", ["a1#c1", "a2#c1"], "consistent", "ok"),
                           Comparison("homes", ["a1#c1", "a2#c1"], "conflict", "no")])
    with Store(tmp_path / "x.db") as s:
        assert [st.related for st in s.stories()] == [["s2"], ["s1"]]
        assert [c.verdict for c in s.comparisons()] == ["conflict", "consistent"]
