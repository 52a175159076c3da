"""The story summary: one sentence per measure, conflicts first, and honest article counts."""

from __future__ import annotations

import pytest

from claimgraph.present.summary import coverage, headline, summary
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


def test_coverage_separates_related_articles(view):
    c = coverage(view)
    assert (c.articles, c.outlets) == (2, ["North Gazette", "Lakeside Times"])
    assert c.other_articles == 4
    assert c.other_outlets == ["Coast Courier", "Hill Observer", "River Daily", "Plains Record"]
