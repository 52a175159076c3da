"""Fictional coverage of two events for the timeline and coverage tests (all names invented).

* A flood toll that rises over three days across four outlets: Harbor Post 31 (day 1), Valley
  Times 44 (day 2), Coast Daily 58 (day 3), and Ridge Gazette still giving 31 on day 3. Harbor
  Post and Valley Times also report 200 residents rescued; Coast Daily and Ridge Gazette never do.
* A port strike where the union's 2,400 strikers are carried by two outlets and the employer's
  1,500 by a third.

The comparisons come from the real link stage (``compare_story``), not from hand-made verdicts.
"""

from __future__ import annotations

from pathlib import Path

from claimgraph.link.compare import compare_story
from claimgraph.model import Article, Story
from claimgraph.store import Store
from compare_fixtures import article, claim, q

FLOOD = "s-flood"
STRIKE = "s-strike"


def flood_articles() -> list[Article]:
    day1 = article("flood-harbor", "Harbor Post",
                   claim("The Varosh flood killed 31 people, officials said.",
                         q("31 people", 31, counted="people"), speaker="officials"),
                   claim("Rescuers saved 200 residents from the Varosh flood, officials said.",
                         q("200 residents", 200, counted="residents"), speaker="officials"),
                   published="2031-05-04")
    day2 = article("flood-valley", "Valley Times",
                   claim("The Varosh flood has killed 44 people, rescuers said.",
                         q("44 people", 44, counted="people"), speaker="rescuers"),
                   claim("Some 200 residents were saved from the Varosh flood by rescuers.",
                         q("Some 200 residents", 200, approx=True, low=180, high=220, counted="residents")),
                   published="2031-05-05")
    day3 = article("flood-coast", "Coast Daily",
                   claim("The Varosh flood has killed 58 people, the governor said.",
                         q("58 people", 58, counted="people"), speaker="the governor"),
                   published="2031-05-06")
    stale = article("flood-ridge", "Ridge Gazette",
                    claim("The Varosh flood killed 31 people, the Gazette was told.",
                          q("31 people", 31, counted="people")),
                    published="2031-05-06")
    return [day1, day2, day3, stale]


def strike_articles() -> list[Article]:
    union = "The Varosh port union said 2,400 dock workers walked out."
    return [
        article("strike-harbor", "Harbor Post", claim(union, q("2,400 dock workers", 2400, counted="dock workers"),
                                                      speaker="The Varosh port union"), published="2031-06-01"),
        article("strike-valley", "Valley Times", claim(union, q("2,400 dock workers", 2400, counted="dock workers"),
                                                       speaker="The Varosh port union"), published="2031-06-01"),
        article("strike-coast", "Coast Daily",
                claim("The Varosh port authority said 1,500 dock workers walked out.",
                      q("1,500 dock workers", 1500, counted="dock workers"), speaker="The Varosh port authority"),
                published="2031-06-01"),
    ]


def stories() -> list[Story]:
    return [Story(FLOOD, [a.id for a in flood_articles()], title="Varosh flood"),
            Story(STRIKE, [a.id for a in strike_articles()], title="Varosh port strike")]


def comparisons():
    return compare_story(flood_articles(), FLOOD) + compare_story(strike_articles(), STRIKE)


def build_store(path: str | Path) -> Path:
    """Write both stories, with their real comparisons, to a store at ``path``."""
    path = Path(path)
    with Store(path) as store, store.transaction():
        for art in flood_articles() + strike_articles():
            claims, art.claims = art.claims, []
            store.put_document(art, raw_hash="r-" + art.id, status="extracted")
            store.put_claims(art.id, claims)
        store.put_stories(stories())
        store.put_comparisons(comparisons())
    return path
