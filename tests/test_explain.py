"""Sides, figures and updates survive the store; `explain` says why on any pair (CLI, API, web).

All articles, people and figures here are fictional.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from claimgraph.link.compare import compare_story
from claimgraph.link.explain import ExplainError, explain_claims
from claimgraph.model import Story
from claimgraph.store import Store
from compare_fixtures import article, claim, q


def _articles():
    return [
        article("a", "Harbor Post", claim(
            "At least 60 people were killed in the Varosh landslide, the governor said.",
            q("At least 60 people", 60, low=60, counted="people"), speaker="the governor"),
            claim("The landslide injured 15 workers at the Varosh mill.", q("15 workers", 15, counted="workers")),
            published="2031-05-04"),
        article("b", "Valley Times", claim(
            "The Varosh landslide killed 41 people, the civil defence said.",
            q("41 people", 41, counted="people"), speaker="the civil defence"),
            claim("The landslide killed 12 workers at the Varosh mill.", q("12 workers", 12, counted="workers")),
            published="2031-05-04"),
        article("c", "Coast Daily", claim("The death toll from the Varosh landslide rose to 44 people.",
                                          q("44 people", 44, counted="people")), published="2031-05-06"),
    ]


@pytest.fixture()
def db(tmp_path):
    arts = _articles()
    path = tmp_path / "x.db"
    with Store(path) as store, store.transaction():
        for art in arts:
            store.put_document(art, raw_hash="r-" + art.id, status="extracted")
            store.put_claims(art.id, art.claims)
        store.put_stories([Story("s1", [a.id for a in arts])])
        store.put_comparisons(compare_story(arts, "s1"))
    return path


def test_sides_figures_and_updates_round_trip_through_the_store(db):
    expected = compare_story(_articles(), "s1")
    with Store(db, readonly=True) as store:
        got = store.comparisons("s1")
    assert sorted((c.verdict, c.claims, c.sides, c.quantities) for c in got) == \
        sorted((c.verdict, c.claims, c.sides, c.quantities) for c in expected)
    conflict = next(c for c in got if c.verdict == "conflict")
    assert conflict.sides == [["b#c1"], ["a#c1"]]
    assert conflict.quantities == [{"claim": "a#c1", "index": 0}, {"claim": "b#c1", "index": 0}]
    assert any(c.verdict == "updated" for c in got)


def test_explain_gives_the_rule_for_a_conflict_and_for_a_pair_not_compared(db):
    with Store(db, readonly=True) as store:
        (p,) = explain_claims(store, "a#c1", "b#c1")
        assert p.relation == "conflict" and "cannot both hold" in p.rule
        assert p.a["interval"][0] < 60 < p.a["interval"][1] and p.b["bound"] == "exact"
        assert "conflict" in [c["verdict"] for c in p.comparisons]
        (q_,) = explain_claims(store, "a#c2", "b#c2")
        assert q_.relation is None and "different predicates" in q_.rule
        with pytest.raises(ExplainError):
            explain_claims(store, "a#c1", "nope#c9")


def test_explain_command_prints_and_writes_json(db):
    cmd = [sys.executable, "-m", "claimgraph", "explain", "a#c1", "b#c1", "--db", str(db)]
    text = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert text.returncode == 0 and "conflict" in text.stdout and "At least 60 people" in text.stdout
    out = subprocess.run([*cmd, "--json"], capture_output=True, text=True, timeout=300)
    assert json.loads(out.stdout)[0]["relation"] == "conflict"
    bad = subprocess.run(cmd[:4] + ["a#c1", "zz#c1", "--db", str(db)], capture_output=True, text=True, timeout=300)
    assert bad.returncode == 2 and "zz#c1" in bad.stderr


def test_explain_page_and_story_page_link(db):
    from fastapi.testclient import TestClient

    from claimgraph.web.app import create_app

    with TestClient(create_app(db)) as client:
        story = client.get("/story/s1").text
        assert "Why this verdict?" in story and "side A" in story
        page = client.get("/explain", params={"a": "a#c2", "b": "b#c2"})
        assert page.status_code == 200 and "different predicates" in page.text
        data = client.get("/explain", params={"a": "a#c1", "b": "b#c1", "format": "json"}).json()
        assert data["pairs"][0]["relation"] == "conflict"
        assert client.get("/explain", params={"a": "a#c1", "b": "x#c1"}).status_code == 404
