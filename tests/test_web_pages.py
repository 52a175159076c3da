"""The web UI on a bigger store: every list a page at a time (HTML links and JSON), and the
single-item pages answered through indexes, never by scanning a whole table."""

from __future__ import annotations

import sqlite3
import warnings
from urllib.parse import quote

import pytest

from claimgraph.model import Article, Claim, Comparison, Quantity, Speaker, Story
from claimgraph.speakers.relations import relations, relations_from_stands
from claimgraph.store import Store
from claimgraph.store.queries import claim_outlets, speaker_stands
from claimgraph.web.app import create_app
from claimgraph.web.views import base as views_base

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

OUTLETS = ["Tern Gazette", "Saltmarsh Courier", "Ridge Echo"]
VOICES = ["Warden Lio Pax", "Assessor Wen Ota", "Skipper Mai Rue"]
DOCS = 60


def build(path) -> None:
    """60 fictional articles in 20 stories; each quotes the three voices on a count of boats."""
    with Store(path) as s, s.transaction():
        claim_speaker, stories, comps = {}, [], []
        for i in range(DOCS):
            doc = f"harbour/{i:03d}.txt"
            sents = [f"{v} said {10 + i + k} boats ran aground near pier {k}." for k, v in enumerate(VOICES)]
            sents.append(f"Warden Lio Pax said the tide gauge read {i} metres.")
            text, claims, pos = " ".join(sents), [], 0
            for n, sent in enumerate(sents, 1):
                who = VOICES[n - 1] if n <= 3 else VOICES[0]
                num = sent.split(" said ")[1].split()[0] if n <= 3 else str(i)
                q0 = pos + sent.index(" " + num + " ") + 1
                claims.append(
                    Claim(
                        id=f"{doc}#c{n}",
                        text=sent,
                        start=pos,
                        end=pos + len(sent),
                        speaker=who,
                        speaker_mention=who,
                        cue="said",
                        quantities=[Quantity(text=num, start=q0, end=q0 + len(num), value=float(num))],
                    )
                )
                claim_speaker[f"{doc}#c{n}"] = f"sp{VOICES.index(who)}"
                pos += len(sent) + 1
            s.put_document(
                Article(
                    id=doc,
                    text=text,
                    title=f"Boats aground, day {i}",
                    outlet=OUTLETS[i % 3],
                    published=f"2025-02-{1 + i % 20:02d}",
                ),
                raw_hash=str(i),
                status="extracted",
            )
            s.put_claims(doc, claims)
        for k in range(DOCS // 3):
            docs = [f"harbour/{i:03d}.txt" for i in range(3 * k, 3 * k + 3)]
            stories.append(Story(f"st{k}", docs, title=f"Grounding {k}"))
            # the warden and the assessor disagree; the assessor and the skipper agree
            comps.append(
                Comparison(
                    "boats aground",
                    [f"{docs[0]}#c1", f"{docs[1]}#c2"],
                    "conflict",
                    "x",
                    story=f"st{k}",
                    sides=[[f"{docs[0]}#c1"], [f"{docs[1]}#c2"]],
                )
            )
            comps.append(
                Comparison(
                    "boats aground", [f"{docs[1]}#c2", f"{docs[2]}#c3"], "consistent", "x", story=f"st{k}"
                )
            )
        s.put_stories(stories)
        s.put_comparisons(comps)
        people = [
            Speaker(
                id=f"sp{n}",
                name=v,
                type="person",
                aliases=[v],
                role="harbour official" if n < 2 else None,
                claims=sum(1 for x in claim_speaker.values() if x == f"sp{n}"),
            )
            for n, v in enumerate(VOICES)
        ]
        people += [
            Speaker(id=f"extra{n:02d}", name=f"Bystander {n:02d}", type="witness", claims=0)
            for n in range(70)
        ]
        s.put_speakers(people, claim_speaker)


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("pages") / "pages.db"
    build(path)
    return path


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db)) as c:
        yield c


def test_search_results_come_a_page_at_a_time(client):
    first = client.get("/search?q=boats&limit=50&format=json").json()
    assert (first["total"], first["pages"], first["page"], len(first["claims"])) == (180, 4, 1, 50)
    assert first["prev"] is None and first["next"] == "/search?q=boats&limit=50&format=json&page=2"
    assert [c["id"] for c in first["claims"][:2]] == [
        "harbour/059.txt#c3",
        "harbour/059.txt#c2",
    ]  # newest first
    last = client.get(first["next"].replace("page=2", "page=4")).json()
    assert len(last["claims"]) == 30 and last["next"] is None and "page=3" in last["prev"]
    seen = {
        c["id"]
        for p in range(1, 5)
        for c in client.get(f"/search?q=boats&limit=50&page={p}&format=json").json()["claims"]
    }
    assert len(seen) == 180  # the pages do not overlap
    html = client.get("/search?q=boats&limit=50&page=2").text
    assert 'rel="next"' in html and 'rel="prev"' in html and "180 claims" in html
    assert '<mark class="hit">boats</mark>' in html
    assert (
        client.post("/api/search", json={"q": "boats", "limit": 50, "page": 4}).json()["claims"]
        == last["claims"]
    )


def test_speaker_claims_are_paginated_with_totals_over_all_pages(client):
    data = client.get("/speaker?id=sp0&format=json").json()
    assert (data["total"], data["pages"], len(data["claims"])) == (
        120,
        3,
        50,
    )  # 60 boat counts + 60 tide readings
    assert sum(data["outlets"].values()) == 120 and set(data["outlets"]) == set(OUTLETS)
    assert data["truncated"] and data["next"].endswith("page=2")
    page3 = client.get("/speaker?id=sp0&page=3&format=json").json()
    assert len(page3["claims"]) == 20 and not page3["next"]
    assert {c["id"] for c in data["claims"]}.isdisjoint(c["id"] for c in page3["claims"])
    # relations are counted over every comparison, not only the page shown
    assert [(x["id"], x["comparisons"]) for x in data["conflicts"]] == [("sp1", 20)]
    html = client.get("/speaker?id=sp0").text
    assert "120 claims" in html and 'rel="next"' in html
    by_name = client.get("/speaker?name=skipper+mai+rue&format=json").json()
    assert by_name["entity"]["id"] == "sp2" and by_name["total"] == 60


def test_speaker_relations_match_a_reading_of_every_comparison(db):
    with Store(db, readonly=True) as s:
        everything = s.comparisons()
        speaker_of = s.claim_speaker_ids([x for c in everything for x in c.claims])
        for sid in ("sp0", "sp1", "sp2"):
            assert relations_from_stands(sid, speaker_stands(s, sid)) == relations(
                sid, everything, speaker_of
            )
        assert relations("sp1", everything, speaker_of) == {"agrees": {"sp2": 20}, "conflicts": {"sp0": 20}}


def test_speaker_queries_agree_on_postgresql(db, pg_server):
    url = pg_server.new_database()
    build(url)
    with Store(db, readonly=True) as lite, Store(url) as pg:
        for sid in ("sp0", "sp1", "sp2"):
            assert relations_from_stands(sid, speaker_stands(pg, sid)) == relations_from_stands(
                sid, speaker_stands(lite, sid)
            )
            assert claim_outlets(pg, speaker_id=sid) == claim_outlets(lite, speaker_id=sid)
        for kw in ({"speaker_name": "SKIPPER MAI RUE"}, {"search": "boats", "speaker": "wen"}):
            assert pg.count_claims(**kw) == lite.count_claims(**kw) > 0
        page = {"search": "boats", "limit": 5, "offset": 5, "newest_first": True}
        assert [c.id for c in pg.claims(**page)] == [c.id for c in lite.claims(**page)]
        assert [s.id for s in pg.speakers(role="harbour", limit=5)] == ["sp0", "sp1"]


def test_speaker_list_is_paginated_and_filtered_in_the_query(client):
    first = client.get("/speakers?format=json").json()
    assert (first["total"], first["pages"], len(first["entities"])) == (73, 2, 50)
    assert [e["id"] for e in first["entities"][:3]] == ["sp0", "sp1", "sp2"]  # most quoted first
    second = client.get(first["next"]).json()
    assert len(second["entities"]) == 23 and second["prev"] == "/speakers?format=json&page=1"
    role = client.get("/speakers?role=HARBOUR&format=json").json()
    assert [e["id"] for e in role["entities"]] == ["sp0", "sp1"] and role["total"] == 2
    assert 'rel="next"' in client.get("/speakers").text


def _scans(sql: str, plan: sqlite3.Connection) -> list[str]:
    """The steps of ``sql``'s plan that read a whole table, row by row with no index (full-text
    tables and FTS5's own bookkeeping aside)."""
    rows = [r[3] for r in plan.execute("EXPLAIN QUERY PLAN " + sql).fetchall()]
    return [
        r
        for r in rows
        if r.startswith("SCAN ")
        and "USING" not in r
        and "VIRTUAL TABLE" not in r
        and not r.startswith("SCAN main.")
    ]


@pytest.mark.parametrize(
    "url",
    [
        "/story/st3",
        "/doc/" + quote("harbour/007.txt", safe=""),
        "/speaker?id=sp1",
        "/speaker?name=Skipper+Mai+Rue&page=2",
        "/search?q=tide+gauge",
        "/search?q=boats&speaker=wen&page=2",
        "/speakers?page=2",
    ],
)
def test_single_item_pages_read_through_indexes(db, url, monkeypatch):
    statements: list[str] = []

    class Traced:  # the store each request opens, with every statement it runs recorded
        def __new__(cls, *args, **kwargs):
            store = Store(*args, **kwargs)
            store.conn.set_trace_callback(statements.append)
            return store

    monkeypatch.setattr(views_base, "Store", Traced)
    with TestClient(create_app(db)) as c:
        assert c.get(url).status_code == 200
    plan = sqlite3.connect(db)
    selects = [s for s in dict.fromkeys(statements) if s.lstrip().upper().startswith("SELECT")]
    assert selects
    scans = {s: v for s in selects if (v := _scans(s, plan))}
    assert not scans, scans


def test_story_and_article_lists_link_their_pages_in_json(client):
    stories = client.get("/?format=json").json()
    assert (stories["total"], stories["pages"], stories["next"], stories["prev"]) == (20, 1, None, None)
    articles = client.get("/articles?format=json").json()
    assert (articles["total"], articles["pages"]) == (60, 2)
    assert articles["next"] == "/articles?format=json&page=2" and articles["prev"] is None
    beyond = client.get("/articles?page=9&format=json").json()
    assert beyond["articles"] == [] and beyond["prev"] == "/articles?page=2&format=json"
