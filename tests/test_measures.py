"""Measures: counted-noun heads, predicates, precision, bounds, scope flags and sums of parts."""

from __future__ import annotations

from claimgraph.link.measures import (
    block_keys,
    bound_of,
    document_mentions,
    head_of,
    noun_lemma,
    stem,
    written_tolerance,
)
from claimgraph.model import Quantity
from compare_fixtures import article, claim, q


def test_noun_lemma_and_stem():
    assert noun_lemma("families") == "family"
    assert noun_lemma("people") == "person"
    assert noun_lemma("women") == "woman"
    assert noun_lemma("fighters") == "fighter"
    assert noun_lemma("status") == "status"
    assert stem("closed") == stem("closure")
    assert stem("elected") == stem("election")


def test_counted_head_ignores_names_and_numbers():
    for counted in ("IS fighters", "ISIS fighters", "fighters"):
        head, _, _ = head_of(Quantity(text="250 " + counted, start=0, end=0, counted=counted), "")
        assert head == "fighter"
    head, _, mods = head_of(Quantity(text="42 members", start=0, end=0,
                                     counted="members of the Republican caucus"), "")
    assert head == "member" and "caucus" in mods


def test_written_precision():
    def tol(text: str, value: float) -> float:
        return written_tolerance(Quantity(text=text, start=0, end=0, value=value), value)

    assert tol("4,000", 4000) == 400  # half the thousand, capped at 10 %
    assert tol("3,500", 3500) == 50
    assert tol("1.6 million", 1.6e6) == 50_000
    assert abs(tol("$5,687.75", 5687.75) - 0.005) < 1e-9
    assert tol("two", 2) == 0.2


def test_bounds_read_from_the_words():
    def bound(text: str, before: str = "", **kw) -> str:
        return bound_of(Quantity(text=text, start=0, end=0, **kw), before)

    assert bound("up to 1.6 million women", high=1.6e6) == "upper_figure"
    assert bound("as many as 900 workers", high=900) == "upper_figure"
    assert bound("fewer than 90 seats", high=90) == "upper"
    assert bound("nearly 90 professors", low=81, high=90) == "near_below"
    assert bound("more than $10,000", low=10_000) == "lower"
    assert bound("300+ fighters", value=300, low=300) == "lower"
    assert bound("about 70 boats", value=70, low=63, high=77, approx=True) == "approx"
    assert bound("70 boats", value=70, low=70, high=70) == "exact"
    assert bound("396-9 vote", low=9, high=396) == "tally"  # a vote count, not a range
    assert bound("eight days", "over the", value=8, low=8, high=8) == "exact"  # "over" is no bound here
    assert bound("eight days", "it lasted over", value=8, low=8, high=8) == "lower"


def test_predicates_places_and_flags():
    art = article(
        "d1", "The Ledger",
        claim("Some 250 rebels were allowed to leave Varosh, with 3,500 of their family members.",
              q("Some 250 rebels", 250, low=225, high=275, approx=True, counted="rebels"),
              q("3,500 of their family members", 3500, counted="family members"), speaker="the alliance"),
        claim("In my truck alone, I took 112 people.", q("112 people", 112, counted="people"),
              speaker="a driver"),
        claim("When we arrived, we thought there were 200 people to collect.",
              q("200 people", 200, counted="people"), speaker="a driver"),
        claim("Two days later another 40 people were killed in Varosh.", q("40 people", 40, counted="people")),
    )
    ms = {m.text: m for m in document_mentions(art)}
    rebels = ms["Some 250 rebels"]
    assert rebels.head == "rebel" and "depart" in rebels.predicates
    assert ms["112 people"].flags >= {"scope"}
    assert "modal" in ms["200 people"].flags
    killed = ms["40 people"]
    assert "die" in killed.predicates and "increment" in killed.flags and "Varosh" in killed.places
    # the sum of parts: rebels + family members = people in all
    sums = [m for m in ms.values() if m.is_sum]
    assert len(sums) == 1 and sums[0].head == "person" and sums[0].value == 3750
    assert set(sums[0].claim_ids) == {"d1#c1"}
    assert "count::rebel" in block_keys(rebels)


def test_no_sum_for_a_subset():
    art = article("d2", "The Ledger", claim(
        "The ferry carried 400 passengers including 90 children.",
        q("400 passengers", 400, counted="passengers"), q("90 children", 90, counted="children")))
    assert not [m for m in document_mentions(art) if m.is_sum]


def test_measure_uses_normalised_values():
    art = article("d3", "The Ledger", claim(
        "The convoy was six to seven kilometres long.",
        q("six to seven kilometres", None, low=6, high=7, kind="measure", unit="kilometres",
          normalized={"value": None, "low": 6000.0, "high": 7000.0, "unit": "meter"})))
    (m,) = document_mentions(art)
    assert (m.low, m.high, m.unit) == (6000.0, 7000.0, "meter")
