"""Quote and paragraph scanning (no model needed)."""

from __future__ import annotations

from claimgraph.extract.attribution import find_quotes, paragraphs


def _quoted(text: str) -> list[str]:
    return [text[s:e] for s, e in find_quotes(text)]


def test_paragraphs_skip_blank_lines_and_strip():
    text = "  First line.\n\n Second line. \n"
    assert [text[s:e] for s, e in paragraphs(text)] == ["First line.", "Second line."]


def test_curly_and_straight_double_quotes():
    text = 'He said \u201cthe dam held\u201d and she said "the gate failed" too.'
    assert _quoted(text) == ["\u201cthe dam held\u201d", '"the gate failed"']


def test_two_single_quotes_as_double_marks():
    text = "''I think every candidate should,'' the economist said."
    assert _quoted(text) == ["''I think every candidate should,''"]


def test_apostrophes_are_not_quotes():
    text = "The mayor\u2019s office and the voters' choice don't pair up."
    assert _quoted(text) == []


def test_single_quotes_in_headline():
    text = "Ruiz Calls Plan \u2018A Disgrace\u2019 After Vote."
    assert _quoted(text) == ["\u2018A Disgrace\u2019"]


def test_block_quote_continues_over_paragraphs():
    text = "\u201cFirst paragraph of the statement.\n\u201cSecond paragraph ends it.\u201d\nAfter."
    assert _quoted(text) == ["\u201cFirst paragraph of the statement.\n\u201cSecond paragraph ends it.\u201d"]


def test_unclosed_quote_stops_at_paragraph_end():
    text = "\u201cNever closed here.\nA new paragraph without a mark."
    assert _quoted(text) == ["\u201cNever closed here."]


def test_reversed_curly_opening_mark():
    text = "\u201dWe will rebuild the pier.\u201d \u2015 Lena Park"
    assert _quoted(text) == ["\u201dWe will rebuild the pier.\u201d"]
