"""Comparisons: consistent vs conflict, conservative about scope, time and updates."""

from __future__ import annotations

import time

from claimgraph.link.compare import candidate_pairs, compare_story, interval, story_mentions, values_agree
from claimgraph.link.measures import Mention
from compare_fixtures import article, claim, q


def verdicts(*arts):
    return [(c.verdict, sorted(c.claims)) for c in compare_story(list(arts), "s1")]


def test_overlapping_ranges_are_consistent():
    a = article("a", "Harbor Post", claim("Between 40 and 60 protesters were detained at the port.",
                                          q("Between 40 and 60 protesters", None, low=40, high=60,
                                            counted="protesters")))
    b = article("b", "Valley Times", claim("About 50 protesters were detained at the port, police said.",
                                           q("About 50 protesters", 50, low=45, high=55, approx=True,
                                             counted="protesters")))
    (c,) = compare_story([a, b], "s1")
    assert c.verdict == "consistent" and sorted(c.claims) == ["a#c1", "b#c1"]
    assert c.sources == ["Harbor Post", "Valley Times"] and c.independent_origins == 2
    assert "50" in c.explanation and "Harbor Post" in c.explanation


def test_rounding_and_approximation_are_consistent():
    a = article("a", "Harbor Post", claim("The mayor bought a $43,350 gold watch with campaign money.",
                                          q("$43,350", 43350, kind="money", unit="USD")))
    b = article("b", "Valley Times", claim("He paid for a $43,000 gold watch from campaign money.",
                                           q("$43,000", 43000, kind="money", unit="USD")))
    assert verdicts(a, b) == [("consistent", ["a#c1", "b#c1"])]
    c = article("c", "Harbor Post", claim("Around 4,000 residents fled the valley overnight.",
                                          q("Around 4,000 residents", 4000, low=3500, high=4500, approx=True,
                                            counted="residents")))
    d = article("d", "Valley Times", claim("Some 3,800 residents fled the valley overnight.",
                                           q("Some 3,800 residents", 3800, low=3420, high=4180, approx=True,
                                             counted="residents")))
    assert verdicts(c, d) == [("consistent", ["c#c1", "d#c1"])]


def test_sum_of_parts_matches_a_total():
    art = article(
        "a", "Harbor Post",
        claim("We took out around 4,000 people in our trucks.",
              q("around 4,000 people", 4000, low=3500, high=4500, approx=True, counted="people"),
              speaker="a truck driver"),
        claim("Some 250 rebels were allowed to leave Varosh, with 3,500 of their family members.",
              q("Some 250 rebels", 250, low=225, high=275, approx=True, counted="rebels"),
              q("3,500 of their family members", 3500, counted="family members"), speaker="the alliance"))
    comps = compare_story([art], "s1")
    assert [(c.verdict, sorted(c.claims)) for c in comps] == [("consistent", ["a#c1", "a#c2"])]
    assert "add up" in comps[0].explanation and "3,750" in comps[0].explanation


def test_clear_disagreement_is_a_conflict():
    art = article(
        "a", "Harbor Post",
        claim("Only a few dozen rebels had been able to leave, the council said.",
              q("a few dozen rebels", None, low=24, high=72, approx=True, counted="rebels"),
              speaker="the council"),
        claim("Some 250 rebels were allowed to leave Varosh.",
              q("Some 250 rebels", 250, low=225, high=275, approx=True, counted="rebels"),
              speaker="the alliance"))
    (c,) = compare_story([art], "s1")
    assert c.verdict == "conflict" and sorted(c.claims) == ["a#c1", "a#c2"]
    assert "the council" in c.explanation and "Some 250 rebels" in c.explanation


def test_close_figures_across_outlets_conflict():
    a = article("a", "Harbor Post", claim(
        "The outage hit up to 2.4 million customers of the Orvane utility.",
        q("up to 2.4 million customers", None, high=2.4e6, counted="customers")))
    b = article("b", "Valley Times", claim(
        "The outage hit 2.1 million customers of the Orvane utility.",
        q("2.1 million customers", 2.1e6, counted="customers")))
    c = article("c", "Coast Daily", claim(
        "The outage hit 2.1 million customers of the Orvane utility, officials said.",
        q("2.1 million customers", 2.1e6, counted="customers")))
    got = verdicts(a, b, c)
    assert ("conflict", ["a#c1", "b#c1", "c#c1"]) in got
    assert ("consistent", ["b#c1", "c#c1"]) in got


def test_exact_amounts_that_differ_conflict():
    a = article("a", "Harbor Post", claim(
        "Expenses included $5,687.75 on the Blue Heron Lake Lodge.",
        q("$5,687.75", 5687.75, kind="money", unit="USD")))
    b = article("b", "Valley Times", claim(
        "He used the money for a $5,587.75 stay at the Blue Heron Lake Lodge.",
        q("$5,587.75", 5587.75, kind="money", unit="USD")))
    assert verdicts(a, b) == [("conflict", ["a#c1", "b#c1"])]


def test_subgroup_and_expectation_are_not_conflicts():
    art = article(
        "a", "Harbor Post",
        claim("In my truck alone, I took 112 people.", q("112 people", 112, counted="people"),
              speaker="a truck driver"),
        claim("We thought there were 200 people to collect.", q("200 people", 200, counted="people"),
              speaker="a truck driver"),
        claim("About 4,000 people were taken out of the city, the alliance said.",
              q("About 4,000 people", 4000, low=3500, high=4500, approx=True, counted="people"),
              speaker="the alliance"))
    assert all(c.verdict != "conflict" for c in compare_story([art], "s1"))


def test_different_times_and_updated_tolls_are_not_conflicts():
    a = article("a", "Harbor Post", claim("Police made 40 arrests in the square on Monday.",
                                          q("40 arrests", 40, counted="arrests")))
    b = article("b", "Valley Times", claim("Police made 55 arrests in the square on Tuesday.",
                                           q("55 arrests", 55, counted="arrests")))
    assert all(c.verdict != "conflict" for c in compare_story([a, b], "s1"))
    c = article("c", "Harbor Post", claim("The flood killed 31 people in the delta.",
                                          q("31 people", 31, counted="people")))
    d = article("d", "Valley Times", claim("The death toll from the flood rose to 44 people in the delta.",
                                           q("44 people", 44, counted="people")))
    assert all(x.verdict != "conflict" for x in compare_story([c, d], "s1"))


def test_other_predicates_and_other_subgroups_are_not_conflicts():
    a = article("a", "Harbor Post", claim("The blast killed 12 workers at the Orvane mill.",
                                          q("12 workers", 12, counted="workers")))
    b = article("b", "Valley Times", claim("The blast injured 15 workers at the Orvane mill.",
                                           q("15 workers", 15, counted="workers")))
    assert verdicts(a, b) == []
    c = article("c", "Harbor Post", claim("Four sailors died when the Aster sank.",
                                          q("Four sailors", 4, counted="sailors")))
    d = article("d", "Valley Times", claim("Three other sailors died when the Aster sank.",
                                           q("Three other sailors", 3, counted="other sailors")))
    assert all(x.verdict != "conflict" for x in compare_story([c, d], "s1"))


def test_far_apart_figures_across_outlets_are_other_measures():
    a = article("a", "Harbor Post", claim("The district has 900 teachers on strike.",
                                          q("900 teachers", 900, counted="teachers")))
    b = article("b", "Valley Times", claim("The district has 90 teachers on strike at one school.",
                                           q("90 teachers", 90, counted="teachers")))
    assert all(x.verdict != "conflict" for x in compare_story([a, b], "s1"))


def test_one_outlet_alone_makes_no_comparison():
    a = article("a", "Harbor Post",
                claim("The council approved 300 new homes.", q("300 new homes", 300, counted="homes")),
                claim("The council approved 300 new homes again.", q("300 new homes", 300, counted="homes")))
    assert compare_story([a], "s1") == []


def test_intervals_touching_do_not_agree():
    def m(text: str, value: float) -> Mention:
        art = article("x" + text, "P", claim(f"The suit covers {text} women.", q(text, value, counted="women")))
        (mention,) = story_mentions([art])
        return mention

    a, b = m("1.5 million", 1.5e6), m("1.6 million", 1.6e6)
    assert interval(a)[1] <= interval(b)[0] + 1e-6
    assert not values_agree(a, b)


def test_candidate_pairs_stay_near_linear():
    arts = []
    nouns = ["rebels", "boats", "homes", "votes", "trucks", "workers", "schools", "bridges"]
    for d in range(50):
        claims = [claim(f"Officials counted {d * 37 + k * 11 + 13} {nouns[k % len(nouns)]} in zone {k}.",
                        q(f"{d * 37 + k * 11 + 13} {nouns[k % len(nouns)]}", d * 37 + k * 11 + 13,
                          counted=nouns[k % len(nouns)]))
                  for k in range(20)]
        arts.append(article(f"d{d}", f"Outlet {d % 7}", *claims))
    ms = story_mentions(arts)
    t = time.perf_counter()
    pairs = list(candidate_pairs(ms))
    n = len(ms)
    assert n == 1000
    assert len(pairs) < n * n / 2 / 10  # far from all pairs
    compare_story(arts, "s1")
    assert time.perf_counter() - t < 15


def test_stated_intent_against_reported_outcome():
    from claimgraph.link.compare import compare_related

    pledge = article("p", "Harbor Post", claim(
        "the alliance would ensure all rebels in Varosh would die in Varosh",
        speaker="Envoy Mara Quist"))
    report = article("r", "Valley Times", claim(
        "Some 250 rebels were allowed to leave Varosh, with their families.",
        q("Some 250 rebels", 250, low=225, high=275, approx=True, counted="rebels"), speaker="the alliance"))
    (c,) = [x for x in compare_related([pledge], [report], "s1") if x.kind == "intent_vs_outcome"]
    assert c.verdict == "conflict" and c.claims == ["p#c1", "r#c1"]
    assert "Envoy Mara Quist" in c.explanation and "250" in c.explanation
    # the same pledge against a report of deaths there is no conflict
    deaths = article("d", "Valley Times", claim(
        "Some 250 rebels were killed in Varosh.",
        q("Some 250 rebels", 250, low=225, high=275, approx=True, counted="rebels"), speaker="the alliance"))
    assert not [x for x in compare_related([pledge], [deaths], "s1") if x.kind == "intent_vs_outcome"]


def test_related_stories_report_agreement_only():
    from claimgraph.link.compare import compare_related

    a = article("a", "Harbor Post", claim("The Orvane bridge repair will cost $447 million, the agency said.",
                                          q("$447 million", 447e6, kind="money", unit="USD")))
    b = article("b", "Valley Times", claim("Repairing the Orvane bridge will cost $447 million.",
                                           q("$447 million", 447e6, kind="money", unit="USD")))
    c = article("c", "Valley Times", claim("Repairing the Orvane bridge will cost $512 million.",
                                           q("$512 million", 512e6, kind="money", unit="USD")))
    assert [x.verdict for x in compare_related([a], [b], "s1")] == ["consistent"]
    assert compare_related([a], [c], "s1") == []


def test_a_cut_and_what_is_left_are_consistent():
    a = article("a", "Harbor Post", claim("After 2041 the fund can pay only 77 percent of promised pensions.",
                                          q("77 percent", 77, kind="percent", unit="percent")))
    b = article("b", "Valley Times", claim("Retirees would face a 23 percent cut in pensions after 2041.",
                                           q("23 percent", 23, kind="percent", unit="percent")))
    assert verdicts(a, b) == [("consistent", ["a#c1", "b#c1"])]


def test_tallies_match_only_the_same_tally():
    a = article("a", "Harbor Post", claim("The chamber passed the bill in a 301-12 vote.",
                                          q("301-12 vote", None, low=12, high=301, counted="vote")))
    b = article("b", "Valley Times", claim("Lawmakers voted 301-12 to pass the bill.",
                                           q("301-12", None, low=12, high=301)))
    c = article("c", "Coast Daily", claim("Lawmakers voted 290-20 to pass the bill.",
                                          q("290-20", None, low=20, high=290)))
    got = verdicts(a, b, c)
    assert ("consistent", ["a#c1", "b#c1"]) in got and all(v != "conflict" for v, _ in got)
