"""Hedge detection on fictional sentences."""

from __future__ import annotations

import pytest

from claimgraph.extract.hedges import is_hedged

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text", [
    "The levee might fail before Friday.",
    "The council may raise the fee.",
    "The figures seem to be wrong.",
    "As mayor, I assume she signed the order herself.",
    "Why is nobody asking the port authority about this?",
    "The ship reportedly carried 40 tonnes of fuel.",
    "It is likely that the bridge will close.",
    "In my view, the plan is too expensive.",
    "The fire was probably caused by a heater.",
    "Officials are believed to have known about the leak.",
])
def test_hedged(nlp, text):
    doc = nlp(text)
    assert is_hedged(doc[:]), text


@pytest.mark.parametrize("text", [
    "The levee failed on Friday.",
    "The council raised the fee by 10 percent.",
    "The mayor signed the order on Monday.",
    "The ship carried 40 tonnes of fuel.",
    "She appeared on television on Sunday.",
])
def test_not_hedged(nlp, text):
    doc = nlp(text)
    assert not is_hedged(doc[:]), text


def test_span_only_looks_at_itself(nlp):
    doc = nlp("The bridge closed in May. It might reopen in June.")
    first, second = list(doc.sents)
    assert not is_hedged(first)
    assert is_hedged(second)


def test_empty_span(nlp):
    doc = nlp("Quiet.")
    assert not is_hedged(doc[0:0])
