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


def test_two_reports_of_a_handgun_are_no_agreement():
    # "a handgun" read as one is no figure a source put forward: it joins a conflict, never
    # confirms another "a handgun"
    a = article(
        "a",
        "Harbor Post",
        claim("Kessling was armed with a rifle and a handgun.", q("a handgun", 1, counted="handgun")),
    )
    b = article(
        "b",
        "Valley Times",
        claim(
            "Kessling carried a shotgun and a handgun, police said.",
            q("a handgun", 1, counted="handgun"),
            speaker="police",
        ),
    )
    assert by_verdict(a, b) == {}


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
