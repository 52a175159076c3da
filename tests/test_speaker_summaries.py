"""The figures the speakers stage stores for the speaker pages (claims per outlet, who agrees or
conflicts with whom) are the ones the page used to work out per request, on fictional fixtures."""

from __future__ import annotations

import warnings

import pytest

from claimgraph.model import Article, Claim, Comparison, Speaker, Story
from claimgraph.speakers.relations import all_relations, relations_from_stands
from claimgraph.speakers.run import resolve_store
from claimgraph.store import Store
from claimgraph.store import sqlite as sqlite_store
from claimgraph.store.queries import claim_outlets, speaker_stands
from claimgraph.store.speaker_summaries import fresh, speaker_relations, stored_outlets
from speaker_store import build_speaker_store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

# (comparison, verdict, speaker, side): a three-sided conflict, a conflict without sides, an
# agreement, a figure revised (neither), and a speaker alone in a comparison
STANDS = [
    ("k1", "conflict", "mara", 0),
    ("k1", "conflict", "idris", 0),
    ("k1", "conflict", "selin", 1),
    ("k1", "conflict", "oskar", 2),
    ("k1", "conflict", "mara", 1),
    ("k2", "conflict", "mara", None),
    ("k2", "conflict", "selin", None),
    ("k3", "consistent", "idris", None),
    ("k3", "consistent", "selin", 0),
    ("k3", "consistent", "mara", None),
    ("k4", "updated", "mara", None),
    ("k4", "updated", "oskar", None),
    ("k5", "conflict", "wren", 0),
]


def test_all_relations_are_each_speakers_relations():
    every = all_relations(STANDS)
    for me in ("mara", "idris", "selin", "oskar", "wren"):
        alone = relations_from_stands(me, STANDS)
        mine = every.get(me, {"agrees": {}, "conflicts": {}})
        assert {k: dict(v) for k, v in mine.items()} == {k: dict(v) for k, v in alone.items()}, me
    # mara stands on both sides 0 and 1 of k1: she agrees with idris and selin there
    assert every["mara"]["agrees"] == {"idris": 2, "selin": 2}
    assert every["mara"]["conflicts"] == {"oskar": 1, "selin": 1}


def _check_stored(store: Store) -> None:
    assert fresh(store)
    ids = [s.id for s in store.speakers()]
    assert ids
    for sid in ids:
        computed = relations_from_stands(sid, speaker_stands(store, sid))
        for kind in ("agrees", "conflicts"):
            assert dict(speaker_relations(store, sid, kind)) == dict(computed[kind]), (sid, kind)
        assert dict(stored_outlets(store, sid)) == {
            o or "": n for o, n in claim_outlets(store, speaker_id=sid).items()
        }


@pytest.fixture
def entity_store(store_url):
    with build_speaker_store(store_url) as store:
        yield store


def test_the_speakers_stage_stores_outlets_and_relations(entity_store):
    store = entity_store
    _check_stored(store)
    lotte = store.speakers(q="Lotte")[0]
    officials = store.speakers(q="Officials")[0]
    assert stored_outlets(store, lotte.id) == [("Harbor Ledger", 1), ("Valley Post", 1)]
    assert speaker_relations(store, lotte.id, "conflicts") == [(officials.id, 1)]
    assert speaker_relations(store, lotte.id, "agrees") == []
    # new comparisons: the figures are stale until the stage runs again
    with store.transaction():
        store.put_comparisons(
            [Comparison("ships sank", ["ledger#c1", "post#c1", "ledger#c2"], "consistent", "x", story="s1")]
        )
    assert not fresh(store)
    resolve_store(store)
    _check_stored(store)
    assert speaker_relations(store, lotte.id, "agrees") == [(officials.id, 1)]
    assert speaker_relations(store, lotte.id, "conflicts") == []


def _page(client: TestClient, sid: str) -> dict:
    data = client.get(f"/speaker?id={sid}&format=json").json()
    assert client.get(f"/speaker?id={sid}").status_code == 200
    return data


def test_the_page_shows_the_same_from_stored_figures_and_computed_ones(tmp_path):
    from claimgraph.web.app import create_app

    db = tmp_path / "outlets.db"
    docs = [("a", "Harbor Ledger"), ("b", None), ("c", "Valley Post"), ("d", "Valley Post")]
    with Store(db) as store, store.transaction():
        for n, (doc, outlet) in enumerate(docs):
            text = f"Warden Ilse Vale said {10 + n} boats ran aground. Skipper Noor Pike said {20 + n} did."
            store.put_document(
                Article(id=doc, text=text, outlet=outlet, title=f"Boats {doc}"),
                raw_hash=doc,
                status="extracted",
            )
            store.put_claims(
                doc,
                [
                    Claim(f"{doc}#c1", text[:44], 0, 44, speaker="Ilse Vale", speaker_id="vale"),
                    Claim(f"{doc}#c2", text[45:], 45, len(text), speaker="Noor Pike", speaker_id="pike"),
                ],
            )
        store.put_stories([Story("s1", [d for d, _ in docs], title="Boats aground")])
        store.put_comparisons(
            [
                Comparison(
                    "boats", ["a#c1", "a#c2"], "conflict", "x", story="s1", sides=[["a#c1"], ["a#c2"]]
                ),
                Comparison("boats", ["c#c1", "d#c2"], "consistent", "x", story="s1"),
            ]
        )
        store.put_speakers(
            [
                Speaker("vale", "Ilse Vale", "person", claims=4, documents=4),
                Speaker("pike", "Noor Pike", "person", claims=4, documents=4),
            ],
            {f"{d}#c1": "vale" for d, _ in docs} | {f"{d}#c2": "pike" for d, _ in docs},
        )
    with TestClient(create_app(db)) as client:
        computed = _page(client, "vale")  # put_speakers alone: the page works the figures out
        with Store(db) as store:
            assert not fresh(store)
            resolve_store_summaries(store)
        stored = _page(client, "vale")
    assert stored == computed
    assert stored["outlets"] == {"Valley Post": 2, "unknown outlet": 1, "Harbor Ledger": 1}
    assert [(s["id"], s["comparisons"]) for s in stored["agrees"]] == [("pike", 1)]
    assert [(s["id"], s["comparisons"]) for s in stored["conflicts"]] == [("pike", 1)]


def resolve_store_summaries(store: Store) -> None:
    from claimgraph.store.speaker_summaries import refresh

    with store.transaction():
        refresh(store)
    assert fresh(store)


def test_a_store_of_schema_12_gets_the_figures_when_migrated(tmp_path, monkeypatch):
    db = tmp_path / "old.db"
    monkeypatch.setattr(sqlite_store, "SCHEMA_VERSION", 12)
    build_speaker_store(str(db)).close()
    with Store(db, readonly=True) as store:
        assert store.schema_version == 12 and not fresh(store)
    monkeypatch.undo()
    with Store(db) as store:
        _check_stored(store)
