"""Properties of find_quantities on generated text: never crashes, offsets always point at the
quantity's own text, spans never overlap, values are finite, and it stays fast on long input."""

from __future__ import annotations

import math
import time

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.extract.quantities import find_quantities

_FRAGMENTS = [
    "4,000", "3.6 billion", "$3.6bn", "£1,200", "€5m", "HK $5.4m", "US$", "Y=590", "PS21,700", "12%",
    "per cent", "percent", "pc", "six", "twenty-five", "a dozen", "a few dozen", "hundreds of",
    "tens of thousands", "two-thirds of", "1/16", "½", "2½", "300+", "minus", "-", "–", "to", "and",
    "between", "from", "about", "around", "some", "nearly", "more than", "up to", "at least", "km",
    "kilometres", "mph", "km/h", "kg", "37m", "(121ft)", "°C", "degrees", "years", "year-old",
    "five-year", "per", "a month", "people", "fighters", "of their", "the", "One", "one", "no one",
    "March", "June 30,", "2019", "1990s", "4:30", "p.m.", "7pm", "3rd", "No.", "#", "Game", "7",
    "iPhone", "11", "555-123-4567", "42", "Harbour Road", "COVID-19", "V10", "401(k)", "\n1.", "(2)",
    ",", ".", ";", "'s", "’", '"', "(", ")", "x10", "1.99", "×10−30", ".001", "0", "1e5", "  ", "\n\n",
]

_texts = st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=6)), max_size=30).map(" ".join)


def _check(doc):
    qs = find_quantities(doc)
    last_end = -1
    for q in qs:
        assert 0 <= q.start < q.end <= len(doc.text)
        assert doc.text[q.start:q.end] == q.text
        assert q.start >= last_end
        last_end = q.end
        assert q.kind in ("count", "money", "percent", "measure")
        for v in (q.value, q.low, q.high):
            assert v is None or math.isfinite(v)
        if q.low is not None and q.high is not None:
            assert q.low <= q.high
        assert q.value is not None or q.low is not None or q.high is not None
    return qs


@pytest.fixture(scope="module")
def blank():
    """Tokenizer only: no tags, parse or entities; the extractor must cope."""
    return spacy.blank("en")


@given(_texts)
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_offsets_on_tokenizer_only_docs(blank, text):
    _check(blank(text))


@pytest.mark.model
@given(_texts)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_offsets_on_parsed_docs(nlp, text):
    _check(nlp(text))


@pytest.mark.model
def test_long_article_is_linear(nlp):
    """Thousands of numbers in one article: one pass, no quadratic rescans."""
    sentence = ("On May 3 about 4,000 people, 12% of voters, paid $3.6 billion for 6 to 7 km of road "
                "in 2019, said one of the 25 officials. ")
    small = nlp(sentence * 20)
    big = nlp(sentence * 200)
    assert len(_check(big)) == 10 * len(_check(small))

    def best(doc) -> float:  # best of three: the machine may be shared
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            find_quantities(doc)
            times.append(time.perf_counter() - t0)
        return min(times)

    # 10x the text must cost about 10x the time, not 100x
    assert best(big) < 30 * max(best(small), 1e-3)
