"""The store on both backends: schema versions, idempotent writes, order, round trips, transactions.

Every test taking ``store_url`` runs twice: on a SQLite file and on a fresh database of a real
PostgreSQL server (skipped when PostgreSQL is not installed; see pg_server.py).
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3

import pytest

from claimgraph.model import Article, Claim, Comparison, Quantity, Story
from claimgraph.store import SQLiteStore, Store, StoreError, base, is_url, open_store
from claimgraph.store import postgres as postgres_store
from claimgraph.store import sqlite as sqlite_store
from claimgraph.store.schema import MIGRATIONS, SCHEMA_VERSION


def _article(i: str = "a1", text: str = "Officials said 12 homes flooded.", **kw) -> Article:
    fields = {"title": "T", "outlet": "Gazette", "raw": text, "content_hash": "h" + i, **kw}
    return Article(id=i, text=text, **fields)


def _claim(doc_id: str, n: int = 1, **kw) -> Claim:
    return Claim(id=f"{doc_id}#c{n}", text="12 homes flooded", start=15, end=31, **kw)


# ---------------------------------------------------------------------- both backends
def test_backend_is_chosen_by_address(store_url):
    with open_store(store_url) as s:
        assert isinstance(s, Store)
        assert type(s).__name__ == ("PostgresStore" if is_url(store_url) else "SQLiteStore")
        assert s.schema_version == SCHEMA_VERSION
        assert s.integrity_check() == "ok"
    with Store(store_url) as s:  # reopening migrates nothing and loses nothing
        assert s.schema_version == SCHEMA_VERSION


def test_documents_and_claims_round_trip(store_url):
    with Store(store_url) as s:
        art = _article()
        q = Quantity(text="12 homes", start=15, end=23, value=12, counted="homes",
                     normalized={"value": 12.0, "unit": "home"})
        with s.transaction():
            s.put_document(art, raw_hash="r1")
            s.put_claims("a1", [_claim("a1", speaker="Officials", cue="said", via=["Wire"], quantities=[q])])
        # writing the same document again replaces, never duplicates
        with s.transaction():
            s.put_document(art, raw_hash="r1")
            s.put_claims("a1", [_claim("a1", speaker="Officials", cue="said", hedged=True, quantities=[q])])
        assert s.count("documents") == 1 and s.count("claims") == 1 and s.count("quantities") == 1
        got = s.get_document("a1")
        assert got.text == art.text and got.outlet == "Gazette" and got.content_hash == "ha1"
        c = got.claims[0]
        assert (c.speaker, c.cue, c.hedged, c.via, c.start, c.end) == ("Officials", "said", True, [], 15, 31)
        assert c.quantities[0] == q
        assert s.claims(speaker="offic")[0].id == "a1#c1"  # case-insensitive on both backends
        assert s.claims(search="HOMES")[0].id == "a1#c1"
        assert s.claims(speaker="nobody") == []
        assert s.document_status("a1") == ("cleaned", "r1")
        assert s.document_status("zz") is None
        assert s.get_document("zz") is None


def test_put_document_drops_old_claims(store_url):
    with Store(store_url) as s, s.transaction():
        s.put_document(_article(), raw_hash="r1")
        s.put_claims("a1", [_claim("a1", quantities=[Quantity("12 homes", 15, 23, value=12)])])
        s.put_document(_article(text="Changed."), raw_hash="r2")
        assert s.count("claims") == 0 and s.count("quantities") == 0


def test_floats_and_odd_text_survive(store_url):
    value = 0.1 + 2e-12  # more digits than a 4-byte float holds
    text = "Zoë said “12 000 €” — 50 % of 🙂 homes.\tok"
    with Store(store_url) as s:
        with s.transaction():
            s.put_document(_article(text=text), raw_hash="r", signature=bytes(range(256)))
            s.put_claims("a1", [_claim("a1", quantities=[Quantity("x", 0, 1, value=value, low=-1e300, high=1e300)])])
        q = s.claims()[0].quantities[0]
        assert (q.value, q.low, q.high) == (value, -1e300, 1e300)
        assert s.get_document("a1").text == text


def test_nul_characters_keep_offsets(store_url):
    raw = "A\x00B said 3."
    with Store(store_url) as s, s.transaction():
        s.put_document(Article(id="n", text="B said 3.", raw=raw), raw_hash="r")
        got = s.get_document("n").raw
        assert len(got) == len(raw) and got[0] == "A" and got[2:] == raw[2:]


def test_ingest_order_and_replace_moves_to_end(store_url):
    with Store(store_url) as s:
        with s.transaction():
            for i in ("c", "a", "b"):
                s.put_document(_article(i), raw_hash=i)
            s.put_document(_article("c"), raw_hash="c2")  # like SQLite's REPLACE: now the newest
            s.set_status("a", "deduped")
        assert s.document_ids() == ["a", "b", "c"]
        assert [a.id for a in s.documents(with_claims=False)] == ["a", "b", "c"]
        assert [a.id for a in s.documents(["b", "zz", "a"])] == ["b", "a"]
        assert s.document_ids(status="deduped") == ["a"]
        assert s.document_status("c") == ("cleaned", "c2")


def test_scans_page_through_big_tables(store_url, monkeypatch):
    monkeypatch.setattr(base, "PAGE", 3)
    ids = [f"d{i:02d}" for i in range(8)]
    with Store(store_url) as s:
        with s.transaction():
            for i in ids:
                s.put_document(_article(i), raw_hash=i, signature=i.encode())
                s.set_status(i, "deduped")
        assert [a.id for a in s.documents(with_claims=False)] == ids
        assert list(s.known_signatures()) == [(i, "h" + i, i.encode()) for i in ids]


def test_dedup_fields(store_url):
    with Store(store_url) as s:
        with s.transaction():
            s.put_document(_article("a"), raw_hash="1")
            s.put_document(_article("b"), raw_hash="2")
            s.update_text("b", "New text.", ["Subscribe now"], "hb2", "a", b"\x01\x02", "Other")
            s.set_status("b", "extracted")
        b = s.get_document("b", with_claims=False)
        assert (b.text, b.removed, b.content_hash, b.duplicate_of, b.outlet) == \
            ("New text.", ["Subscribe now"], "hb2", "a", "Other")
        assert list(s.known_signatures()) == [("b", "hb2", b"\x01\x02")]


def test_claims_are_ordered_by_code_point(store_url):
    ids = ["b", "B", "é", "a", "Z"]
    with Store(store_url) as s:
        with s.transaction():
            for i in ids:
                s.put_document(_article(i), raw_hash=i)
                s.put_claims(i, [_claim(i)])
        assert [c.id.split("#")[0] for c in s.claims()] == sorted(ids)
        assert len(s.claims(limit=2)) == 2


def test_claims_at_one_offset_keep_their_order(store_url):
    """Claims starting at the same character come back as stored, on both backends."""
    starts = [(n * 37) % 101 // 2 for n in range(101)]  # stored out of order, with ties
    with Store(store_url) as s, s.transaction():
        s.put_document(_article("a1", text="x" * 200), raw_hash="1")
        s.put_claims("a1", [Claim(id=f"a1#c{n}", text="x", start=start, end=start + 1)
                            for n, start in enumerate(starts)])
    with Store(store_url) as s:
        expected = sorted(range(len(starts)), key=lambda n: starts[n])  # stable: ties in stored order
        assert [c.id for c in s.claims(doc_id="a1")] == [f"a1#c{n}" for n in expected]


def test_stories_and_comparisons(store_url):
    with Store(store_url) as s, s.transaction():
        # the columns version 1 had (put_document writes today's)
        s.executemany("INSERT INTO documents (id, text, title, outlet, raw, raw_hash, content_hash) "
                      "VALUES (?,?,?,?,?,?,?)",
                      [(a.id, a.text, a.title, a.outlet, a.raw, n, a.content_hash)
                       for n, a in (("1", _article("a1")), ("2", _article("a2")))])
        s.put_stories([Story("s1", ["a1"], ["s2"], "One", ["flood"]), Story("s2", ["a2"], ["s1", "s1"], "Two")])
        s.put_comparisons([Comparison("homes", ["a1#c1", "a2#c1"], "consistent", "ok", story="s1"),
                           Comparison("homes", ["a1#c1", "a2#c1"], "conflict", "no", story="s2",
                                      sources=["A", "B"], independent_origins=2)])
    with Store(store_url) as s:
        stories = s.stories()
        assert [(st.id, st.documents, st.related, st.title) for st in stories] == \
            [("s1", ["a1"], ["s2"], "One"), ("s2", ["a2"], ["s1"], "Two")]
        assert stories[0].terms == ["flood"]
        comps = s.comparisons()
        assert [c.verdict for c in comps] == ["conflict", "consistent"]
        assert (comps[0].sources, comps[0].independent_origins) == (["A", "B"], 2)
        assert [c.verdict for c in s.comparisons("s1")] == ["consistent"]
        with s.transaction():  # replacing the view replaces, never appends
            s.put_stories([Story("s3", ["a1", "a2"], [], "Both")])
            s.put_comparisons([])
        assert [(st.id, st.documents) for st in s.stories()] == [("s3", ["a1", "a2"])]
        assert s.comparisons() == [] and s.count("stories") == 1


def test_state(store_url):
    with Store(store_url) as s:
        assert s.get_state("k") is None
        with s.transaction():
            s.set_state("k", {"a": [1, 2.5, None]})
            s.set_state("k", {"a": [3]})
        assert s.get_state("k") == {"a": [3]}


def test_transaction_rolls_back_on_error(store_url):
    with Store(store_url) as s:
        with pytest.raises(ZeroDivisionError), s.transaction():
            s.put_document(_article(), raw_hash="r")
            1 / 0  # noqa: B018
        assert s.count("documents") == 0
        with s.transaction():
            s.put_document(_article(), raw_hash="r")
        assert s.count("documents") == 1


def test_begin_commit_rollback(store_url):
    with Store(store_url) as s:
        s.begin()
        s.put_document(_article("a"), raw_hash="1")
        s.commit()
        s.begin()
        s.put_document(_article("b"), raw_hash="2")
        s.rollback()
    with Store(store_url) as s:
        assert s.document_ids() == ["a"]


def test_foreign_keys_hold(store_url):
    with Store(store_url) as s, pytest.raises(Exception), s.transaction():  # noqa: B017  (backend's own error)
        s.put_claims("missing", [_claim("missing")])


def test_portable_execute(store_url):
    with Store(store_url) as s:
        with s.transaction():
            s.put_document(_article("a", title="50% Off"), raw_hash="1")
            s.put_document(_article("b"), raw_hash="2")
        row = s.execute("SELECT id, title FROM documents WHERE title LIKE ? AND id <> '%' ORDER BY rowid",
                        ["%off%"]).fetchone()
        assert (row[0], row["title"]) == ("a", "50% Off")
        assert s.execute("SELECT COUNT(*) FROM documents WHERE id IN (?,?)", ("a", "b")).fetchone()[0] == 2
        assert s.execute("SELECT COUNT(*) FROM documents WHERE title LIKE '50%'").fetchone()[0] == 1
        assert [r[0] for r in s.execute("SELECT id FROM documents ORDER BY rowid LIMIT ? OFFSET ?", [1, 1])] == ["b"]
        assert dict(s.execute("SELECT id, status FROM documents").fetchall()) == {"a": "cleaned", "b": "cleaned"}


def test_newer_schema_is_refused(store_url):
    with Store(store_url):
        pass
    if is_url(store_url):
        import psycopg

        with psycopg.connect(store_url, autocommit=True) as c:
            c.execute("UPDATE claimgraph_meta SET value=%s WHERE key='schema_version'", (str(SCHEMA_VERSION + 5),))
    else:
        with sqlite3.connect(store_url) as c:
            c.execute(f"PRAGMA user_version={SCHEMA_VERSION + 5}")
    with pytest.raises(StoreError, match="newer"):
        Store(store_url)


def test_readonly_store_reads_but_never_writes(store_url):
    with Store(store_url) as s, s.transaction():
        s.put_document(_article(), raw_hash="r")
    with Store(store_url, readonly=True) as s:
        assert s.document_ids() == ["a1"] and s.schema_version == SCHEMA_VERSION
        with pytest.raises(Exception), s.transaction():  # noqa: B017
            s.set_status("a1", "deduped")


def _version_1_store(store_url: str, monkeypatch: pytest.MonkeyPatch) -> list[Comparison]:
    """A store as schema version 1 left it (comparison claims as JSON text); its comparisons."""
    for backend in (sqlite_store, postgres_store):
        monkeypatch.setattr(backend, "SCHEMA_VERSION", 1)
    comps = [Comparison("homes", ["a1#c1", "a2#c1"], "consistent", "ok", story="s1"),
             Comparison("people", ["a2#c1", "a1#c1", "gone#c9"], "conflict", "no", story="s2",
                        sources=["A", "B"], independent_origins=2)]
    with Store(store_url) as s, s.transaction():
        assert s.schema_version == 1
        # the columns version 1 had (put_document writes today's)
        s.executemany("INSERT INTO documents (id, text, title, outlet, raw, raw_hash, content_hash) "
                      "VALUES (?,?,?,?,?,?,?)",
                      [(a.id, a.text, a.title, a.outlet, a.raw, n, a.content_hash)
                       for n, a in (("1", _article("a1")), ("2", _article("a2")))])
        s.executemany("INSERT INTO comparisons (id, story_id, measure, verdict, explanation, kind, claims, "
                      "sources, independent_origins) VALUES (?,?,?,?,?,?,?,?,?)",
                      [(f"k{i}", c.story, c.measure, c.verdict, c.explanation, c.kind, json.dumps(c.claims),
                        json.dumps(c.sources), c.independent_origins) for i, c in enumerate(comps, 1)])
    monkeypatch.undo()
    return [comps[1], comps[0]]  # conflicts first


def _columns(s: Store, table: str) -> list[str]:
    return [d[0] for d in s.execute(f"SELECT * FROM {table} WHERE 1=0").description]


def test_version_1_comparisons_become_membership_rows(store_url, monkeypatch):
    expected = _version_1_store(store_url, monkeypatch)
    with Store(store_url, readonly=True) as s:  # read-only: not migrated, still readable
        assert s.schema_version == 1 and s.comparisons() == expected
    with Store(store_url) as s:
        assert s.schema_version == SCHEMA_VERSION and s.integrity_check() == "ok"
        assert s.comparisons() == expected
        assert [c.claims for c in s.comparisons("s2")] == [["a2#c1", "a1#c1", "gone#c9"]]
        assert "claims" not in _columns(s, "comparisons")
        assert s.count("comparison_claims") == 5
        assert s.comparison_members("s1") == {"k1": [("a1#c1", None), ("a2#c1", None)]}


def test_a_failed_migration_leaves_the_store_as_it_was(store_url, monkeypatch):
    expected = _version_1_store(store_url, monkeypatch)

    def broken(store: Store) -> None:
        raise RuntimeError("disk on fire")

    migrations = [*MIGRATIONS[:1], dataclasses.replace(MIGRATIONS[1], convert=broken), *MIGRATIONS[2:]]
    for backend in (sqlite_store, postgres_store):
        monkeypatch.setattr(backend, "MIGRATIONS", migrations)
    with pytest.raises(RuntimeError, match="disk on fire"):
        Store(store_url)
    monkeypatch.undo()
    with Store(store_url, readonly=True) as s:
        assert s.schema_version == 1 and s.comparisons() == expected
        assert "claims" in _columns(s, "comparisons")
    with Store(store_url) as s:  # and the next open migrates it
        assert s.schema_version == SCHEMA_VERSION and s.comparisons() == expected


def test_membership_rows_replace_json_text(store_url):
    with Store(store_url) as s, s.transaction():
        s.put_comparisons([Comparison("homes", ["x#c2", "x#c1"], "conflict", "no", story="s1")])
    with Store(store_url) as s:
        assert "claims" not in _columns(s, "comparisons")
        assert s.comparison_members() == {"k1": [("x#c2", None), ("x#c1", None)]}
        with s.transaction():
            s.put_comparisons([])
        assert s.count("comparison_claims") == 0


def test_store_modules_import_no_cycle():
    """Neither the base class nor a backend imports its way back (imports inside functions count)."""
    import ast
    from pathlib import Path

    import claimgraph.store

    package = Path(claimgraph.store.__file__).parent
    graph: dict[str, set[str]] = {}
    for path in package.glob("*.py"):
        names = set()
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.level == 1:
                names |= {node.module} if node.module else {a.name for a in node.names}
        graph[path.stem] = {n for n in names if (package / f"{n}.py").exists()}
    # the backends register themselves; base never imports them (fts: full-text SQL, and
    # dedup_index: the near-duplicate keys, import no other store module)
    assert graph["base"] <= {"schema", "fts", "dedup_index"} and not graph["fts"] and not graph["dedup_index"]

    def visit(module: str, path: tuple[str, ...]) -> None:
        assert module not in path, " -> ".join((*path, module))
        for target in graph.get(module, ()):
            visit(target, (*path, module))

    for module in graph:
        if module != "__init__":
            visit(module, ())


# ---------------------------------------------------------------------- SQLite only
def test_sqlite_store_is_in_wal_mode(tmp_path):
    with Store(tmp_path / "x.db") as s:
        assert isinstance(s, SQLiteStore)
        assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_two_processes_creating_one_file_both_get_a_store(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    def open_it(_: int) -> int:
        with Store(tmp_path / "race.db") as s:
            return s.schema_version

    with ThreadPoolExecutor(4) as pool:  # one connection each, as separate processes would have
        assert list(pool.map(open_it, range(4))) == [SCHEMA_VERSION] * 4


def test_not_a_database_is_a_clear_error(tmp_path):
    p = tmp_path / "junk.db"
    p.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="junk.db"):
        Store(p)


# ---------------------------------------------------------------------- PostgreSQL only
def test_postgres_unreachable_is_a_clear_error_without_the_password():
    pytest.importorskip("psycopg")
    import socket

    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(StoreError, match="cannot open") as e:
        Store(f"postgresql://someone:s3cret@127.0.0.1:{port}/db")
    assert "s3cret" not in str(e.value) and "***" in str(e.value)


def test_postgres_refuses_a_foreign_database(pg_server):
    import psycopg

    url = pg_server.new_database()
    with psycopg.connect(url, autocommit=True) as c:
        c.execute("CREATE TABLE documents (x INTEGER)")  # someone else's table with our name
    with pytest.raises(StoreError, match="not a claimgraph database"):
        Store(url)


def test_schemas_match(tmp_path, pg_server):
    """Same tables, same columns, same order on both backends (PostgreSQL adds only ``rowid``)."""
    import psycopg

    url = pg_server.new_database()
    Store(url).close()
    Store(tmp_path / "x.db").close()
    lite = sqlite3.connect(tmp_path / "x.db")
    # full-text search is each backend's own: FTS5 tables on SQLite, GIN indexes on PostgreSQL
    fts_tables = [r[0] for r in lite.execute("SELECT name FROM sqlite_master WHERE type='table' AND "
                                             "(sql LIKE 'CREATE VIRTUAL TABLE%fts5%' OR name LIKE '%!_fts!_%' "
                                             "ESCAPE '!')")]
    assert {"claims_fts", "documents_fts"} <= set(fts_tables)
    tables = [r[0] for r in lite.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
              if r[0] not in fts_tables]
    with psycopg.connect(url) as pg:
        pg_tables = [r[0] for r in pg.execute("SELECT table_name FROM information_schema.tables WHERE "
                                               "table_schema='public' AND table_type='BASE TABLE' "
                                               "ORDER BY table_name")]
        assert sorted(pg_tables) == sorted([*tables, "claimgraph_meta"])
        lite_views = [r[0] for r in lite.execute("SELECT name FROM sqlite_master WHERE type='view' ORDER BY name")]
        pg_views = [r[0] for r in pg.execute("SELECT table_name FROM information_schema.views WHERE "
                                              "table_schema='public' ORDER BY table_name")]
        assert pg_views == lite_views and lite_views
        for t in tables:
            lite_cols = [r[1] for r in lite.execute(f"PRAGMA table_info({t})")]
            pg_cols = [r[0] for r in pg.execute("SELECT column_name FROM information_schema.columns WHERE "
                                                "table_name=%s ORDER BY ordinal_position", (t,))]
            # PostgreSQL adds rowid at creation, so columns a later migration adds come after it
            assert [c for c in pg_cols if c != "rowid"] == lite_cols and "rowid" in pg_cols, t
        lite_idx = {r[0] for r in lite.execute("SELECT name FROM sqlite_master WHERE type='index' "
                                               "AND name NOT LIKE 'sqlite_%'")}
        pg_idx = {r[0] for r in pg.execute("SELECT indexname FROM pg_indexes WHERE schemaname='public'")}
        assert lite_idx <= pg_idx
        assert {"claims_text_fts", "documents_title_fts"} <= pg_idx


def test_postgres_integrity_check_finds_orphans(pg_server):
    url = pg_server.new_database()
    with Store(url) as s:
        with s.transaction():
            s.put_document(_article(), raw_hash="r")
            s.put_stories([Story("s1", ["a1", "gone"])])
        assert "1 story_documents rows without their document" in s.integrity_check()
