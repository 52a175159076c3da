"""Text built to make regexes backtrack goes through every cleaning and extraction path and comes
out (issue 19, part 5). Hypothesis draws long runs of digits, commas, spaces, quotes and unit
words, glued or mixed; each path must finish and keep its contract. Nothing here is timed:
``benchmarks/regex_fuzz.py`` measures ms per KB; these tests catch a path that raises or hangs
on such text (the super-linear ones found by the benchmark take minutes at these sizes)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.clean.dates import normalize_date
from claimgraph.clean.patterns import COUNTER
from claimgraph.clean.text import clean_text
from claimgraph.extract.attribution.quotes import find_quotes, paragraphs
from claimgraph.extract.condense import _SENT_END, condense
from claimgraph.extract.numbers import parse_number, parse_vague, words_read
from claimgraph.extract.punct_runs import break_punctuation_runs
from claimgraph.extract.when import days_named

# the pieces a hostile text repeats: what number, unit, quote and sentence regexes look for
PIECES = [
    "7",
    "1,",
    ",",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\t",
    ".",
    "-",
    "'",
    '"',
    "\u201c",
    "\u201d",
    "(",
    "/",
    "%",
    "$",
    "km",
    " km ",
    "million ",
    "per cent ",
    "twenty-five ",
    "hundred and ",
    "March 3, ",
    "said ",
    "according to ",
    "Ana ",
    "a",
    "\u00a0",
]


@st.composite
def hostile_text(draw: st.DrawFn, max_run: int = 3000) -> str:
    """A few long runs of one piece each, maybe with a short mixed tail: "7777...", ",,,,",
    "million million ...", a run of quotes, then e.g. " km said"."""
    runs = draw(st.lists(st.tuples(st.sampled_from(PIECES), st.integers(1, max_run)), min_size=1, max_size=3))
    text = "".join(piece * (n // max(1, len(piece))) for piece, n in runs)
    tail = draw(st.lists(st.sampled_from(PIECES), max_size=6))
    return text + "".join(tail)


FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(hostile_text())
def test_cleaning_finishes_and_keeps_only_what_was_there(text):
    for extracted in (False, True):
        out = clean_text(text, extracted=extracted)
        assert len(out.text) <= len(text) + text.count("\n") + 8  # cleaning removes, it does not invent
        assert 0 <= out.body_start <= len(out.text)


@FAST
@given(hostile_text())
def test_quotes_paragraphs_and_sentences_stay_inside_the_text(text):
    for start, end in [*paragraphs(text), *find_quotes(text)]:
        assert 0 <= start <= end <= len(text)
    cond = condense(text)
    if cond is not None:
        assert len(cond.text) <= len(text)


@FAST
@given(hostile_text(max_run=400))
def test_numbers_and_dates_never_raise(text):
    value = parse_number(text)
    assert value is None or isinstance(value, float)
    vague = parse_vague(text)
    assert vague is None or vague[0] <= vague[1]
    assert 0 <= words_read(text) <= len(text.split()) + text.count("-")
    normalize_date(text)
    days_named(text, "2031-04-16T10:00:00+00:00")


def test_long_punctuation_runs_are_broken_in_place():
    run, sep, under = "," * 200, "=" * 60, "_" * 70  # "(" + 60 + ")": 62, under the limit
    text = f'He said "no" {run} and ({sep}) {under} https://x.org/a,b'
    out = break_punctuation_runs(text)
    assert len(out) == len(text)
    assert max(len(w) for w in out.split()) < 64  # no run left that the tokenizer pays n² for
    assert out.startswith('He said "no" ') and f"({sep})" in out  # text and short runs untouched
    assert out.endswith(" https://x.org/a,b")
    changed = [i for i, c in enumerate(out) if c != text[i]]
    first, last = text.index(run), text.index(under)
    assert changed == [first + k for k in range(31, 200, 32)] + [last + 31, last + 63]
    assert all(out[i] == " " for i in changed)


def test_the_rewritten_patterns_match_as_before():
    """The linear forms of the patterns the benchmark found quadratic keep their matches."""
    assert COUNTER.search("567 Words") and COUNTER.search("10,197 members") and COUNTER.search("3 Pages")
    assert COUNTER.search("It has 1.5.2 pages") and not COUNTER.search("v1.2 pages")
    assert [m.group(0) for m in _SENT_END.finditer('He left... "Then 4 came." Bye?! No')] == [
        "... ",
        '." ',
        "?! ",
    ]
    assert not _SENT_END.search("a" + "." * 5000)
    assert words_read("million million") == 1 and words_read("two hundred and five") == 4


@pytest.mark.model
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_text(max_run=1000))
def test_extractors_finish_on_a_parsed_hostile_text(nlp, text):
    from claimgraph.extract.run import extract_doc

    doc = nlp(text)
    assert len(doc.text) == len(text)  # punctuation runs are broken up in place
    for claim in extract_doc(doc, "fuzz"):
        assert 0 <= claim.start <= claim.end <= len(text)
        for q in claim.quantities:
            assert doc.text[q.start : q.end] == q.text
