"""Full-text search in the store: FTS5 on SQLite (kept in sync by triggers), tsvector on PostgreSQL."""

from __future__ import annotations

from claimgraph.model import Article, Claim
from claimgraph.store import Store
from claimgraph.store import sqlite as sqlite_store
from claimgraph.store.fts import FTS_VERSION, match

TEXTS = {
    "quarry": ["Engineers said 40 homes near the quarry cracked.", "The council counted 7% more complaints."],
    "ferry": [
        "The ferry operator said 300 passengers waited at the pier.",
        "A deckhand said the ramp had failed.",
    ],
}


def _fill(store: Store) -> None:
    with store.transaction():
        for doc_id, sentences in TEXTS.items():
            text = " ".join(sentences)
            store.put_document(
                Article(id=doc_id, text=text, title=f"The {doc_id} report", outlet="Tern Gazette"),
                raw_hash=doc_id,
            )
            claims, pos = [], 0
            for n, s in enumerate(sentences, 1):
                claims.append(
                    Claim(id=f"{doc_id}#c{n}", text=s, start=pos, end=pos + len(s), speaker="Ines Brook")
                )
                pos += len(s) + 1
            store.put_claims(doc_id, claims)


def _ids(store: Store, q: str) -> list[str]:
    return [c.id for c in store.claims(search=q)]


def _fts_ok(store: Store) -> None:
    """FTS5's own check that the index holds exactly what the content tables hold."""
    for table in ("claims_fts", "documents_fts"):
        store.execute(f"INSERT INTO {table}({table}, rank) VALUES ('integrity-check', 1)")


def test_match_quotes_every_word_and_has_no_query_without_words():
    assert match('homes "flooded" OR NEAR(') == '"homes"* "flooded"* "OR"* "NEAR"*'
    assert match("7%") == '"7"*'
    assert match("%% -- !") is None


def test_search_finds_words_stemmed_as_prefixes_in_any_order(tmp_path):
    with Store(tmp_path / "s.db") as s:
        _fill(s)
        assert _ids(s, "home") == ["quarry#c1"]  # stem
        assert _ids(s, "cracked homes") == ["quarry#c1"]  # both words, any order
        assert _ids(s, "passeng") == ["ferry#c1"]  # a prefix
        assert _ids(s, "SAID") == ["ferry#c1", "ferry#c2", "quarry#c1"]
        assert _ids(s, "homes ferry") == []
        assert _ids(s, "AND OR NOT") == []  # query syntax is taken as words, never an error
        assert _ids(s, "%") == ["quarry#c2"]  # no word: a substring, and % is no wildcard
        assert s.count_claims(search="said") == 3 == len(s.claims(search="said"))  # counted in the index alone
        assert s.count_claims(search="said", speaker="brook") == 3 and s.count_claims(search="said", doc_id="ferry") == 2
        assert [c.id for c in s.claims(search="said", limit=2, newest_first=True)] == ["ferry#c2", "ferry#c1"]
        assert [c.id for c in s.claims(search="said", limit=2, offset=1)] == ["ferry#c2", "quarry#c1"]


def test_full_text_index_follows_every_write(tmp_path):
    with Store(tmp_path / "s.db") as s:
        _fill(s)
        with s.transaction():  # re-extracted claims replace the old ones
            s.put_claims(
                "quarry", [Claim(id="quarry#c9", text="Geologists said the slope moved.", start=0, end=32)]
            )
        assert _ids(s, "homes") == [] and _ids(s, "geologists") == ["quarry#c9"]
        with (
            s.transaction()
        ):  # a re-ingested article replaces its row (INSERT OR REPLACE) and drops its claims
            s.put_document(Article(id="ferry", text="Timetable.", title="Winter timetable"), raw_hash="x")
        assert _ids(s, "passengers") == []
        titles = [
            r[0]
            for r in s.execute(
                "SELECT d.id FROM documents d WHERE d.rowid IN "
                "(SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)",
                (match("ferry report"),),
            )
        ]
        assert titles == []
        assert [
            r[0]
            for r in s.execute(
                "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?", (match("timetable"),)
            )
        ]
        with s.transaction():  # a deleted article takes its claims (cascade) out of the index
            s.execute("DELETE FROM documents WHERE id='quarry'")
        assert _ids(s, "geologists") == []
        _fts_ok(s)


def test_migration_indexes_what_an_older_store_holds(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    monkeypatch.setattr(sqlite_store, "SCHEMA_VERSION", FTS_VERSION - 1)
    with Store(path) as s:
        _fill(s)
    with Store(path, readonly=True) as old:  # an old store opened read-only still searches (a substring)
        assert old.schema_version == FTS_VERSION - 1
        assert _ids(old, "homes") == ["quarry#c1"] and _ids(old, "home near") == []
    monkeypatch.undo()
    with Store(path) as s:
        assert s.schema_version >= FTS_VERSION
        assert _ids(s, "home near") == ["quarry#c1"]
        _fts_ok(s)


def test_postgres_searches_with_its_full_text_index(pg_server):
    with Store(pg_server.new_database()) as s:
        _fill(s)
        assert _ids(s, "home") == ["quarry#c1"]
        assert _ids(s, "cracked homes") == ["quarry#c1"]
        assert _ids(s, "AND OR NOT") == []
        assert s.count_claims(search="said") == 3
        assert _ids(s, "%") == ["quarry#c2"]
        assert (
            s.execute("SELECT COUNT(*) FROM pg_indexes WHERE indexname='claims_text_fts'").fetchone()[0] == 1
        )
