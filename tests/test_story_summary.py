"""The story summary: one sentence per measure, conflicts first, and honest article counts."""

from __future__ import annotations

import pytest

from claimgraph.present.summary import article_counts, headline, summary
from claimgraph.present.tables import story_view
from claimgraph.store import Store
from claimgraph.store.queries import find_story
from story_store import SUMMARY, build_story_store


@pytest.fixture(scope="module")
def view(tmp_path_factory):
    db = build_story_store(tmp_path_factory.mktemp("summary") / "story.db")
    with Store(db, readonly=True) as store:
        yield story_view(store, find_story(store, "t1"))


def test_sentences_conflicts_then_updates_then_agreement(view):
    sentences = summary(view)
    assert [s.kind for s in sentences] == ["conflict", "updated", "consistent"]
    assert [s.text for s in sentences] == SUMMARY
    assert [s.row for s in sentences] == [1, 2, 3]


def test_headline_counts(view):
    assert headline(summary(view)) == ("1 conflict, 1 figure changed over time, 1 figure all sources agree on.")


def test_counts_separate_related_articles(view):
    c = article_counts(view)
    assert (c.articles, c.outlets) == (2, ["North Gazette", "Lakeside Times"])
    assert c.other_articles == 4
    assert c.other_outlets == ["Coast Courier", "Hill Observer", "River Daily", "Plains Record"]


def test_many_sides_are_summed_up_by_their_ends(view):
    from dataclasses import replace

    from claimgraph.present.tables import measure_table
    from story_store import COURIER, GAZETTE, LAKESIDE, comparisons

    deaths = comparisons()[0]
    three = replace(deaths, sides=[[f"{LAKESIDE}#c1"], [f"{GAZETTE}#c1"], [f"{COURIER}#c1"]])
    table = measure_table([three], view.claims, view.outlets)
    text = summary(replace(view, comparisons=[three], table=table))[0].text
    assert text.startswith(f"{deaths.measure[0].upper()}{deaths.measure[1:]}: 3 different counts, from 355 people "
                           "according to Tallow Relief Fund (North Gazette) to more than 1,300 people according to "
                           "Opposition councillors (Lakeside Times).")


def test_figures_differing_only_in_case_are_named_once():
    from claimgraph.present.summary import _figures

    assert _figures(["Eight others", "eight others", "14 others"], " or ") == "eight others or 14 others"


def test_story_json_carries_the_summary(tmp_path):
    import warnings

    from claimgraph.web.app import create_app

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    db = build_story_store(tmp_path / "story.db")
    with TestClient(create_app(db)) as client:
        data = client.get("/story/t1?format=json").json()
    assert [s["text"] for s in data["summary"]] == SUMMARY
    assert [s["url"] for s in data["summary"]] == ["#m-1", "#m-2", "#m-3"]
    assert data["counts"]["other_outlets"] == ["Coast Courier", "Hill Observer", "River Daily", "Plains Record"]
    assert data["headline"].startswith("1 conflict")
