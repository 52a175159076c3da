"""Counts written without a numeral: "the lone gunman", "multiple snipers", and the items of an
inventory of weapons ("armed with a rifle and a handgun"). Fictional sentences throughout."""

from __future__ import annotations

import pytest

from claimgraph.extract.quantities.implied import implied_counts
from claimgraph.model import Quantity


def _read(
    text: str, found: list[Quantity] | None = None
) -> list[tuple[str, float | None, float | None, str | None]]:
    out = implied_counts(text, found or [])
    for q in out:
        assert text[q.start : q.end] == q.text
    return [(q.text, q.low, q.high, q.counted) for q in out]


def test_a_lone_or_single_attacker_is_one():
    assert _read("Governor Pell called the man the lone gunman in the Varosh siege.") == [
        ("the lone gunman", 1.0, 1.0, "gunman")
    ]
    assert _read("Investigators now believe a single masked shooter fired every round.") == [
        ("a single masked shooter", 1.0, 1.0, "shooter")
    ]


def test_multiple_attackers_are_two_or_more():
    assert _read("Police first said multiple snipers fired from the rooftops.") == [
        ("multiple snipers", 2.0, None, "snipers")
    ]


def test_lone_before_a_noun_outside_the_classes_is_no_count():
    # "the lone survivor", "a single vote": words that could count anything are left alone
    assert _read("The lone survivor of the Varosh crash said a single vote decided it.") == []


def test_each_item_of_a_weapons_inventory_is_one():
    text = "Kessling was armed with a hunting rifle, a shotgun and a semi-automatic Brenn handgun."
    assert _read(text) == [
        ("a hunting rifle", 1.0, 1.0, "rifle"),
        ("a shotgun", 1.0, 1.0, "shotgun"),
        ("a semi-automatic Brenn handgun", 1.0, 1.0, "handgun"),
    ]


def test_a_weapon_described_predicatively_is_no_item():
    text = "He carried a Tollar-9, which is a light rifle, as well as a handgun."
    assert _read(text) == [("a handgun", 1.0, 1.0, "handgun")]


def test_one_weapon_named_is_no_inventory():
    # a person "carrying a knife": no list of what was carried, so no count
    assert _read("Police sought a second man carrying a knife and wearing a grey cap.") == []


def test_implied_counts_never_overlap_what_the_main_pass_found():
    text = "He was armed with a shotgun and two handguns."
    found = [
        Quantity(
            text="two handguns",
            start=text.index("two"),
            end=text.index("two") + 12,
            value=2,
            low=2,
            high=2,
            counted="handguns",
        )
    ]
    assert _read(text, found) == [("a shotgun", 1.0, 1.0, "shotgun")]


@pytest.mark.model
def test_find_quantities_adds_implied_counts_in_text_order(nlp):
    from claimgraph.extract.quantities import find_quantities

    doc = nlp("Officials said the lone attacker was armed with a rifle and two pistols.")
    assert [(q.text, q.value) for q in find_quantities(doc)] == [
        ("the lone attacker", 1.0),
        ("a rifle", 1.0),
        ("two pistols", 2.0),
    ]
