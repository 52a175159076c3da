"""What the parse knows about each quantity is kept on it, stored, and written to the JSON."""

from __future__ import annotations

import pytest

import claimgraph
from claimgraph.store import Store

pytestmark = pytest.mark.model

TEXT = ("Officials said at least 525 people were killed and more than 3,700 injured in Varosh on Wednesday. "
        "There are not 23 million unemployed, the agency said. The plan would cost $90 billion. "
        "The death toll from the Orvane blast had reached 322, including 54 innocent children.")


@pytest.fixture(scope="module")
def quantities(tmp_path_factory):
    db = tmp_path_factory.mktemp("qc") / "x.db"
    result = claimgraph.analyze([{"id": "x", "text": TEXT}], db=str(db))
    with Store(db, readonly=True) as store:
        stored = [q for c in store.claims("x") for q in c.quantities]
    return {q.text: q for c in result.claims for q in c.quantities}, {q.text: q for q in stored}, result


def test_bound_counted_lemma_predicate_and_polarity(quantities):
    qs, _, _ = quantities
    killed, injured = qs["at least 525 people"], qs["more than 3,700"]
    assert killed.bound == "lower" and killed.predicate == "kill" and killed.polarity == "asserted"
    assert injured.predicate == "injure"
    assert "Varosh" in killed.places and "Wednesday" in killed.times
    assert qs["23 million"].polarity == "denied"
    assert qs["$90 billion"].polarity == "expected"
    assert qs["322"].subject == "toll"
    children = next(q for t, q in qs.items() if "54" in t)
    assert children.lemma == "child" and "innocent" in children.qualifiers


def test_parse_fields_survive_the_store_and_reach_the_json(quantities):
    qs, stored, result = quantities
    assert {t: (q.bound, q.predicate, q.polarity, q.places) for t, q in stored.items()} == \
        {t: (q.bound, q.predicate, q.polarity, q.places) for t, q in qs.items()}
    q = result.to_json()["documents"][0]["claims"][0]["quantities"][0]
    assert {"bound", "lemma", "qualifiers", "predicate", "polarity", "places", "entities", "times"} <= q.keys()


def test_a_vote_tally_is_two_counts_and_a_score_is_one():
    result = claimgraph.analyze([{"id": "t", "text": "The House passed the bill 257-167 on Tuesday. "
                                                     "The visitors were 2-0 down at half time."}])
    qs = [(q.text, q.value, q.tally) for c in result.claims for q in c.quantities]
    assert ("257", 257.0, 1) in qs and ("167", 167.0, 2) in qs
    assert ("2-0", None, None) in qs
