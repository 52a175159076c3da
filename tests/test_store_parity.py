"""A PostgreSQL store answers every caller exactly as the SQLite one does.

The fictional web store (web_store.py) is written to SQLite, copied into PostgreSQL with
``copy_store``, and then every read path the report, the exports and the web pages use is run on
both and compared. With the model, the whole pipeline runs on both backends too.
"""

from __future__ import annotations

import json
from dataclasses import asdict

import pytest

from claimgraph.analysis import Analysis
from claimgraph.options import ExtractOptions, Options, StoreOptions
from claimgraph.pipeline import Pipeline
from claimgraph.present.claimreview import claimreview_items
from claimgraph.present.dossier import render_dossier
from claimgraph.present.export import claim_lines
from claimgraph.present.report import report_data
from claimgraph.store import Store, StoreError, copy_store
from claimgraph.store import queries as store_queries
from claimgraph.web import queries
from web_store import EVIL, LEDGER, build_store


@pytest.fixture
def both(tmp_path, pg_server):
    """The web fixture store on SQLite and, copied, on PostgreSQL."""
    lite = Store(build_store(tmp_path / "web.db"))
    pg = Store(pg_server.new_database())
    counts = copy_store(lite, pg)
    assert counts["documents"] == lite.count("documents") and counts["claims"] == lite.count("claims")
    yield lite, pg
    lite.close()
    pg.close()


def _same(lite: Store, pg: Store, fn, *args, **kw) -> None:
    a, b = fn(lite, *args, **kw), fn(pg, *args, **kw)
    assert a == b, fn.__name__


def test_store_api_is_identical(both):
    lite, pg = both
    assert [asdict(a) for a in lite.documents()] == [asdict(a) for a in pg.documents()]
    assert lite.document_ids() == pg.document_ids()
    assert lite.stories() == pg.stories()
    assert lite.comparisons() == pg.comparisons()
    assert lite.claims(speaker="ortiz") == pg.claims(speaker="ortiz") != []
    assert list(lite.known_signatures()) == list(pg.known_signatures())
    assert Analysis.from_store(lite).to_json() == Analysis.from_store(pg).to_json()


def test_report_and_web_queries_are_identical(both):
    lite, pg = both
    a, b = report_data(lite), report_data(pg)
    assert a.pop("store") != b.pop("store")
    assert a == b
    _same(lite, pg, queries.overview)
    for q in (None, "flood", "FLOOD", "nothing"):
        _same(lite, pg, queries.story_rows, page=1, per_page=10, q=q)
    _same(lite, pg, queries.article_rows, page=1, per_page=2)
    _same(lite, pg, queries.article_rows, page=2, per_page=2, outlet="Harbor Ledger")
    _same(lite, pg, queries.outlets)
    _same(lite, pg, queries.speakers, limit=10)
    _same(lite, pg, queries.speakers, limit=10, q="REY")
    _same(lite, pg, queries.docs_meta, [LEDGER, EVIL, "missing"])
    _same(lite, pg, queries.story_titles, ["s1", "s2"])


def test_store_queries_are_identical(both):
    lite, pg = both
    _same(lite, pg, store_queries.count_duplicates)
    _same(lite, pg, store_queries.count_attributed)
    _same(lite, pg, store_queries.count_outlets)
    _same(lite, pg, store_queries.verdict_counts)
    _same(lite, pg, store_queries.outlet_counts, limit=50)
    _same(lite, pg, store_queries.outlet_counts, limit=2, named_only=True)
    _same(lite, pg, store_queries.speaker_counts, limit=20)
    _same(lite, pg, store_queries.speaker_stats, limit=5, q="reyes")
    for q in (None, "flood"):
        _same(lite, pg, store_queries.story_summaries, page=1, per_page=10, q=q)
    _same(lite, pg, store_queries.article_page, page=1, per_page=3)
    _same(lite, pg, store_queries.document_meta, [LEDGER, EVIL, "missing"])
    _same(lite, pg, store_queries.story_titles, ["s1", "s2", "nope"])
    _same(lite, pg, store_queries.copies_of, LEDGER)
    _same(lite, pg, store_queries.placed_document_ids)
    _same(lite, pg, Store.comparison_members)
    _same(lite, pg, Store.comparison_members, "s1")


def test_presentations_are_identical(both):
    lite, pg = both
    _same(lite, pg, store_queries.find_story, "s1")
    _same(lite, pg, store_queries.story_of, LEDGER)
    _same(lite, pg, store_queries.claim_doc_ids, [f"{LEDGER}#c1", f"{EVIL}#c1"])
    _same(lite, pg, render_dossier)
    _same(lite, pg, claimreview_items)
    assert list(claim_lines(lite)) == list(claim_lines(pg))


def test_copy_back_and_refuse_a_full_store(both, tmp_path):
    lite, pg = both
    with Store(tmp_path / "back.db") as back:
        copy_store(pg, back)
        assert [asdict(a) for a in back.documents()] == [asdict(a) for a in lite.documents()]
        assert back.comparisons() == lite.comparisons()
    with pytest.raises(StoreError, match="not empty"):
        copy_store(lite, pg)


@pytest.mark.model
def test_pipeline_gives_the_same_analysis_on_both(examples_dir, tmp_path, pg_server):
    out = {}
    for name, db in (("sqlite", str(tmp_path / "p.db")), ("postgresql", pg_server.new_database())):
        with Store(db) as store:
            pipe = Pipeline(store, Options(store=StoreOptions(db=db), extract=ExtractOptions(batch_size=2)))
            run_ids, _ = pipe.run([str(examples_dir)])
            again, stats = pipe.run([str(examples_dir)])  # a second run changes nothing
            assert again == run_ids and stats.unchanged == len(run_ids) and stats.new == 0
            out[name] = json.dumps(Analysis.from_store(store, run_ids).to_json(), sort_keys=True)
            assert store.integrity_check() == "ok"
    assert out["sqlite"] == out["postgresql"]
    data = json.loads(out["sqlite"])
    assert data["stories"] and sum(len(d.get("claims", [])) for d in data["documents"]) > 0
