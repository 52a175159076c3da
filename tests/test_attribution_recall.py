"""Attribution constructions PolNeAR annotates that the extractor once missed or cut short,
on short fictional texts, one construction per test (issue 16)."""

from __future__ import annotations

import pytest

from claimgraph.extract.attribution import find_attributions

pytestmark = pytest.mark.model


def _contents(nlp, text: str) -> dict[str, str]:
    """Content -> speaker mention of every attribution in ``text``."""
    doc = nlp(text)
    return {doc.text[a.content_start : a.content_end]: a.speaker_mention for a in find_attributions(doc)}


def test_noun_phrase_content_runs_over_an_argument_preposition(nlp):
    got = _contents(nlp, "A new harbour poll shows Tamsin Ferries with a lead of four points.")
    assert "Tamsin Ferries with a lead of four points" in got


def test_noun_phrase_content_stops_before_a_circumstance(nlp):
    got = _contents(nlp, "Councillor Brenna Vole attacked the ferry operator in a late-night post.")
    assert got.get("the ferry operator") == "Councillor Brenna Vole"
