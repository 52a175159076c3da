"""Small counts that still conflict: the lone attacker against two snipers, and one handgun against
two in the inventories of what a gunman carried (fictional outlets, people and events)."""

from __future__ import annotations

from claimgraph.link.compare import compare_story
from compare_fixtures import article, claim, q


def by_verdict(*arts):
    out: dict[str, list[list[str]]] = {}
    for c in compare_story(list(arts), "s1"):
        out.setdefault(c.verdict, []).append(sorted(c.claims))
    return out


def test_a_lone_attacker_conflicts_with_two_snipers():
    a = article(
        "a",
        "Harbor Post",
        claim(
            "The ambush began when two snipers opened fire from a garage near Korvin Square.",
            q("two snipers", 2, counted="snipers"),
        ),
    )
    # the mayor's title and the day beside "the lone attacker" name who said it, not a subgroup
    b = article(
        "b",
        "Valley Times",
        claim(
            "Brenna Mayor Ilse Varga described the gunman as the lone attacker in the ambush late Friday.",
            q("the lone attacker", 1, counted="attacker"),
            speaker="Ilse Varga",
        ),
    )
    assert by_verdict(a, b) == {"conflict": [["a#c1", "b#c1"]]}


def test_one_handgun_against_two_in_inventories_conflicts():
    a = article(
        "a",
        "Harbor Post",
        claim(
            "Kessling was armed with a rifle, a shotgun and a handgun, an official said.",
            q("a handgun", 1, counted="handgun"),
            speaker="an official",
        ),
    )
    b = article(
        "b",
        "Valley Times",
        claim(
            "Kessling was reportedly armed with a shotgun and two handguns.",
            q("two handguns", 2, counted="handguns"),
        ),
    )
    assert by_verdict(a, b) == {"conflict": [["a#c1", "b#c1"]]}


def test_inventories_that_conflict_on_one_item_are_not_also_consistent():
    # all three agree on "a shotgun", but Valley Times' claim contradicts the other two on the
    # handguns: it stands against them in the conflict and is left out of the agreement
    a = article(
        "a",
        "Harbor Post",
        claim(
            "Kessling was armed with a shotgun and a handgun.",
            q("a shotgun", 1, counted="shotgun"),
            q("a handgun", 1, counted="handgun"),
        ),
    )
    b = article(
        "b",
        "Valley Times",
        claim(
            "Kessling was armed with a shotgun and two handguns.",
            q("a shotgun", 1, counted="shotgun"),
            q("two handguns", 2, counted="handguns"),
        ),
    )
    c = article(
        "c",
        "Delta Ledger",
        claim(
            "Kessling carried a rifle, a shotgun and a handgun, police said.",
            q("a shotgun", 1, counted="shotgun"),
            q("a handgun", 1, counted="handgun"),
            speaker="police",
        ),
    )
    assert by_verdict(a, b, c) == {"conflict": [["a#c1", "b#c1", "c#c1"]], "consistent": [["a#c1", "c#c1"]]}


def test_small_counts_outside_an_inventory_stay_apart():
    # two handguns found in one place and three in another are parts, not rival counts
    a = article(
        "a",
        "Harbor Post",
        claim("Two handguns were found in the Kessling car.", q("Two handguns", 2, counted="handguns")),
    )
    b = article(
        "b",
        "Valley Times",
        claim("Three handguns were found in the Kessling house.", q("Three handguns", 3, counted="handguns")),
    )
    assert by_verdict(a, b) == {}
