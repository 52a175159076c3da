"""The SQLite store in Datasette, in-process with Datasette's own client: tables and flat views
as they are, the shipped metadata (descriptions, facets) and its canned queries."""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor

import pytest
from datasette.app import Datasette

from claimgraph.present.export import export
from claimgraph.store import Store
from claimgraph.store.datasette import metadata_for
from web_store import LEDGER, WIRE, build_store


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("ds") / "news.db")


def _get(ds: Datasette, path: str):
    async def go():
        return await ds.client.get(path)

    # a fresh loop in a worker thread: another test (Playwright's sync API) may have left a loop
    # running in this one, where asyncio.run refuses to start
    with ThreadPoolExecutor(1) as pool:
        r = pool.submit(asyncio.run, go()).result()
    assert r.status_code == 200, (path, r.status_code, r.text[:500])
    return r.json()


@pytest.fixture(scope="module")
def ds(db):
    return Datasette([str(db)], metadata=metadata_for(db))


def test_the_store_opens_as_it_is(db):
    plain = Datasette([str(db)])
    tables = {t["name"] for t in _get(plain, "/news.json")["tables"]}
    assert {"documents", "claims", "quantities", "stories", "comparisons"} <= tables
    views = {v["name"] for v in _get(plain, "/news.json")["views"]}
    assert {"claims_flat", "quantities_flat", "comparison_claims_flat"} <= views
    rows = _get(plain, "/news/claims.json?_shape=array&_size=100")
    assert len(rows) == 12


def test_canned_queries(ds):
    rows = _get(ds, "/news/conflicts_by_story.json?_shape=array")
    homes = [r for r in rows if r["measure"] == "homes flooded"]
    assert {(r["speaker"], r["figure"]) for r in homes} == {("Ana Ortiz", "120 homes"), ("Tomas Reyes", "300 homes")}
    assert {r["story"] for r in rows} == {"s1", "s2"} and all(r["story_title"] for r in rows)
    rows = _get(ds, "/news/claims_by_speaker.json?_shape=array&speaker=Reyes")
    assert len(rows) == 2 and {r["doc_id"] for r in rows} == {WIRE}
    top = _get(ds, "/news/top_speakers.json?_shape=array")
    assert top[0] == {"speaker": "Tomas Reyes", "claims": 2, "outlets": 1, "articles": 1}


def test_views_flatten_claims_with_speakers_and_quantities(ds):
    flat = {r["claim_id"]: r for r in _get(ds, "/news/claims_flat.json?_shape=array&_size=100")}
    ledger = flat[f"{LEDGER}#c1"]
    assert (ledger["speaker"], ledger["outlet"], ledger["story"], ledger["figures"]) == \
        ("Ana Ortiz", "Harbor Ledger", "s1", 1)
    figures = _get(ds, "/news/quantities_flat.json?_shape=array&_size=100")
    assert any(r["figure"] == "300 homes" and r["speaker"] == "Tomas Reyes" for r in figures)


def test_metadata_gives_descriptions_and_facets(ds):
    table = _get(ds, "/news/comparisons.json?_size=0")
    assert '"verdict"' in json.dumps(table["facet_results"])  # a facet from the metadata, not the URL
    meta = _get(ds, "/-/metadata.json")
    assert "conflicts_by_story" in meta["databases"]["news"]["queries"]


def test_export_writes_metadata_named_after_the_store(db, tmp_path):
    with Store(db) as s:
        path = export(s, "datasette", tmp_path / "metadata.json")[0]
    data = json.loads(path.read_text())
    assert list(data["databases"]) == ["news"]
    assert data["databases"]["news"]["queries"]["claims_by_speaker"]["title"] == "Claims by speaker"
