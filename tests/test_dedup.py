"""Exact and near-duplicate detection."""

from __future__ import annotations

from claimgraph.dedup import Deduplicator, content_hash

BODY = ("The harbour authority said on Monday that forty-two fishing boats had been damaged by the storm, "
        "and that repairs to the northern pier would take at least three months. Fishermen told reporters "
        "they had received no warning before the surge reached the quay. The mayor promised a review of "
        "the alert system and compensation for owners whose boats could not be insured in time.")


def test_exact_hash_ignores_case_and_spacing():
    assert content_hash("Hello,  World!") == content_hash("hello world")


def test_exact_and_near_duplicates_point_to_the_original():
    d = Deduplicator()
    assert d.check("a", BODY)[0] is None
    assert d.check("b", BODY.upper())[0] == "a"
    wire = "PORTVILLE (Wire) - " + BODY + " Read more at the Gazette."
    assert d.check("c", wire)[0] == "a"
    other = "A completely different article about a school concert with many words " * 5
    assert d.check("d", other)[0] is None


def test_known_signatures_survive_a_restart():
    d1 = Deduplicator()
    _, h, sig = d1.check("a", BODY)
    d2 = Deduplicator()
    d2.add_known("a", h, sig)
    assert d2.check("b", BODY + " Extra.")[0] == "a"


def test_short_texts_are_not_near_duplicates():
    d = Deduplicator()
    d.check("a", "Officials said 12 homes flooded.")
    assert d.check("b", "Officials said 14 homes flooded.")[0] is None
