"""One fixture per kind of comparison real coverage needs (all names and figures are fictional).

Each kind was a miss of the earlier, veto-based comparator: slightly different exact figures, a
bound against a figure outside it, a subgroup against its whole, crowds far apart, a denial, ages,
plain measure names, updates, and the opposite error (far-apart figures called consistent).
"""

from __future__ import annotations

from claimgraph.link.compare import compare_story, judge, story_mentions
from compare_fixtures import article, claim, q


def by_verdict(*arts):
    out: dict[str, list[list[str]]] = {}
    for c in compare_story(list(arts), "s1"):
        out.setdefault(c.verdict, []).append(sorted(c.claims))
    return out


def test_exact_amounts_a_tenth_apart_for_one_fund_conflict():
    a = article("a", "Harbor Post", claim(
        "The Orvane reconstruction fund holds $4.2 billion for the rebuilding, the treasury said.",
        q("$4.2 billion", 4.2e9, kind="money", unit="USD"), speaker="the treasury"))
    b = article("b", "Valley Times", claim(
        "The Orvane reconstruction fund holds $4.3 billion for the rebuilding.",
        q("$4.3 billion", 4.3e9, kind="money", unit="USD")))
    assert by_verdict(a, b) == {"conflict": [["a#c1", "b#c1"]]}


def test_a_lower_bound_against_a_smaller_figure_conflicts():
    a = article("a", "Harbor Post", claim(
        "At least 60 people were killed in the Varosh landslide, the governor said.",
        q("At least 60 people", 60, low=60, counted="people"), speaker="the governor"))
    b = article("b", "Valley Times", claim(
        "The Varosh landslide killed 41 people, the civil defence said.",
        q("41 people", 41, counted="people"), speaker="the civil defence"))
    (c,) = compare_story([a, b], "s1")
    assert c.verdict == "conflict" and c.sides == [["b#c1"], ["a#c1"]]
    assert "At least 60 people" in c.explanation and "41 people" in c.explanation


def test_a_lower_bound_near_the_figure_agrees():
    a = article("a", "Harbor Post", claim("More than 600 people were killed in the Varosh floods.",
                                          q("More than 600 people", 600, low=600, counted="people")))
    b = article("b", "Valley Times", claim("The Varosh floods killed 638 people, the ministry said.",
                                           q("638 people", 638, counted="people"), speaker="the ministry"))
    assert by_verdict(a, b) == {"consistent": [["a#c1", "b#c1"]]}


def test_lower_bounds_far_apart_conflict():
    a = article("a", "Harbor Post", claim(
        "More than 4,000 people were killed in the Varosh crackdown, the opposition said.",
        q("More than 4,000 people", 4000, low=4000, counted="people"), speaker="the opposition"))
    b = article("b", "Valley Times", claim(
        "At least 525 people were killed in the Varosh crackdown, the health ministry said.",
        q("At least 525 people", 525, low=525, counted="people"), speaker="the health ministry"))
    assert by_verdict(a, b) == {"conflict": [["a#c1", "b#c1"]]}


def test_a_subgroup_is_not_merged_with_its_whole():
    a = article("a", "Harbor Post", claim("Twelve children were killed in the Varosh shelling.",
                                          q("Twelve children", 12, counted="children")))
    b = article("b", "Valley Times", claim("The Varosh shelling killed 40 people, officials said.",
                                           q("40 people", 40, counted="people"), speaker="officials"))
    c = article("c", "Coast Daily", claim("Forty people were killed in the Varosh shelling.",
                                          q("Forty people", 40, counted="people")))
    got = by_verdict(a, b, c)
    assert got == {"consistent": [["b#c1", "c#c1"]]}


def test_a_subgroup_larger_than_its_whole_conflicts():
    a = article("a", "Harbor Post", claim(
        "More than 50 children were killed in the Varosh shelling, the charity said.",
        q("More than 50 children", 50, low=50, counted="children"), speaker="the charity"))
    b = article("b", "Valley Times", claim(
        "The Varosh shelling killed 40 people, officials said.",
        q("40 people", 40, counted="people"), speaker="officials"))
    (c,) = compare_story([a, b], "s1")
    assert c.verdict == "conflict" and "part" in judge(*story_mentions([a, b])).rule


def test_crowds_more_than_twice_apart_conflict():
    a = article("a", "Harbor Post", claim(
        "About 5,000 protesters marched through central Varosh on Saturday, police said.",
        q("About 5,000 protesters", 5000, low=4500, high=5500, approx=True, counted="protesters"),
        speaker="police"))
    b = article("b", "Valley Times", claim(
        "Some 20,000 protesters marched through central Varosh on Saturday, the organisers said.",
        q("Some 20,000 protesters", 20000, low=18000, high=22000, approx=True, counted="protesters"),
        speaker="the organisers"))
    assert by_verdict(a, b) == {"conflict": [["a#c1", "b#c1"]]}


def test_a_denial_conflicts_with_the_figure_it_denies():
    a = article("a", "Harbor Post", claim(
        "The senator said the plan would cost $90 billion.",
        q("$90 billion", 9e10, kind="money", unit="USD"), speaker="the senator"))
    b = article("b", "Valley Times", claim(
        "The plan does not cost $90 billion, the budget office said.",
        q("$90 billion", 9e10, kind="money", unit="USD"), speaker="the budget office"))
    c = article("c", "Coast Daily", claim(
        "The senator repeated that the plan would cost $90 billion.",
        q("$90 billion", 9e10, kind="money", unit="USD"), speaker="the senator"))
    comps = compare_story([a, b, c], "s1")
    (conflict,) = [x for x in comps if x.verdict == "conflict"]
    assert conflict.sides == [["b#c1"], ["a#c1", "c#c1"]]
    assert "denied" in conflict.explanation
    assert all("b#c1" not in x.claims for x in comps if x.verdict == "consistent")


def test_one_persons_age_given_differently_conflicts():
    a = article("a", "Harbor Post", claim(
        "The driver, Mara Quist, 34, was arrested at the scene.",
        q("34", 34, counted=None)))
    b = article("b", "Valley Times", claim(
        "Police arrested Mara Quist, 36, at the scene.",
        q("36", 36, counted=None)))
    c = article("c", "Coast Daily", claim(
        "A second suspect, Ivo Brandt, 36, was arrested later.",
        q("36", 36, counted=None)))
    got = by_verdict(a, b, c)
    assert got == {"conflict": [["a#c1", "b#c1"]]}


def test_a_revised_toll_is_an_update():
    a = article("a", "Harbor Post", claim("The Varosh flood killed 31 people, officials said.",
                                          q("31 people", 31, counted="people"), speaker="officials"),
                published="2031-05-04")
    b = article("b", "Valley Times", claim("The death toll from the Varosh flood rose to 44 people.",
                                           q("44 people", 44, counted="people")), published="2031-05-05")
    (c,) = compare_story([a, b], "s1")
    assert c.verdict == "updated" and c.claims == ["a#c1", "b#c1"]
    assert "2031-05-04" in c.explanation and "2031-05-05" in c.explanation


def test_measure_names_say_what_is_counted():
    a = article("a", "Harbor Post", claim("The Varosh floods killed 638 people, the ministry said.",
                                          q("638 people", 638, counted="people"), speaker="the ministry"))
    b = article("b", "Valley Times", claim("638 people were killed in the Varosh floods.",
                                           q("638 people", 638, counted="people")))
    (c,) = compare_story([a, b], "s1")
    assert c.measure.startswith("people killed")


def test_an_official_toll_and_far_larger_estimates_are_not_consistent():
    a = article("a", "Harbor Post", claim("The army said 12 people were killed in Varosh.",
                                          q("12 people", 12, counted="people"), speaker="the army"))
    b = article("b", "Valley Times", claim(
        "Rights groups said between 500 and 800 people were killed in Varosh.",
        q("between 500 and 800 people", None, low=500, high=800, counted="people"), speaker="rights groups"))
    c = article("c", "Coast Daily", claim("Residents said 600 people were killed in Varosh.",
                                          q("600 people", 600, counted="people"), speaker="residents"))
    comps = compare_story([a, b, c], "s1")
    assert not [x for x in comps if x.verdict == "consistent" and "a#c1" in x.claims]
    assert [x for x in comps if x.verdict == "consistent" and sorted(x.claims) == ["b#c1", "c#c1"]]


def test_judge_says_why_a_pair_is_not_a_conflict():
    a = article("a", "Harbor Post", claim("The blast killed 12 workers at the Orvane mill.",
                                          q("12 workers", 12, counted="workers")))
    b = article("b", "Valley Times", claim("The blast injured 15 workers at the Orvane mill.",
                                           q("15 workers", 15, counted="workers")))
    j = judge(*story_mentions([a, b]))
    assert j.relation is None and "different predicates" in j.rule


def test_vote_tallies_compare_side_by_side():
    def tally(doc_id: str, outlet: str, sentence: str, first: int, second: int):
        a, b = sentence.index(str(first)), sentence.index(str(second))
        spec = claim(sentence, q(str(first), first, counted="vote"), q(str(second), second, counted="vote"))
        art = article(doc_id, outlet, spec)
        for quantity, n in zip(art.claims[0].quantities, (1, 2), strict=True):
            quantity.tally = n
        assert a < b
        return art

    x = tally("x", "Harbor Post", "The chamber passed the Orvane budget 257-157 in a late vote.", 257, 157)
    y = tally("y", "Valley Times", "The Orvane budget passed the chamber 257-167 in a late vote.", 257, 167)
    z = tally("z", "Delta Ledger", "The Orvane budget cleared the chamber 257-167 in a late vote.", 257, 167)
    # a tally is said as a whole: x conflicts with y and z on the votes against, so its equal
    # votes for are not shown as agreeing with theirs; y and z agree on both sides
    assert by_verdict(x, y, z) == {"conflict": [["x#c1", "y#c1", "z#c1"]], "consistent": [["y#c1", "z#c1"]]}
    (conflict,) = [c for c in compare_story([x, y], "s1") if c.verdict == "conflict"]
    assert conflict.quantities == [{"claim": "x#c1", "index": 1}, {"claim": "y#c1", "index": 1}]


def test_a_figure_split_from_its_side_still_agrees_with_the_wide_bound():
    # "fewer than 9,000" holds both "about 5,000" (another count) and "8,812"; the sides put the
    # bound with the first, and the exact margin must still be reported as agreeing with it
    a = article("a", "Harbor Post", claim(
        "Tamsin Oduya won the Varosh county race by fewer than 9,000 votes.",
        q("fewer than 9,000 votes", 9000, high=9000, counted="votes")))
    b = article("b", "Valley Times", claim(
        "Tamsin Oduya won the Varosh county race by 8,812 votes.", q("8,812 votes", 8812, counted="votes")),
        claim("About 5,000 votes in the Varosh county race were write-ins.",
              q("About 5,000 votes", 5000, approx=True, low=4500, high=5500, counted="votes")))
    got = by_verdict(a, b)
    assert ["a#c1", "b#c1"] in got.get("consistent", [])
    assert "conflict" not in got


def test_others_wounded_after_a_death_count_is_no_increment():
    a = article("a", "Harbor Post", claim(
        "The shelling of Varosh killed 31 people and wounded hundreds more, medics said.",
        q("31 people", 31, counted="people"), q("hundreds", None, low=200, high=999), speaker="medics"))
    b = article("b", "Valley Times", claim(
        "Hundreds of people were wounded in the shelling of Varosh.",
        q("Hundreds of people", None, low=200, high=999, counted="people")))
    m = [x for x in story_mentions([a, b]) if x.text == "hundreds"][0]
    assert "increment" not in m.flags and m.predicates == {"injure"}
    got = by_verdict(a, b)
    assert ["a#c1", "b#c1"] in got.get("consistent", [])


def test_more_of_the_same_stays_an_increment():
    a = article("a", "Harbor Post", claim(
        "Five people died in Varosh on Monday and three more died on Tuesday, medics said.",
        q("Five people", 5, counted="people"), q("three", 3), speaker="medics"))
    m = [x for x in story_mentions([a]) if x.text == "three"][0]
    assert "increment" in m.flags


def test_percentage_points_and_percent_margins_compare():
    a = article("a", "Harbor Post", claim(
        "A recount is required when the Varosh county margin is within 0.5 percentage points.",
        q("0.5 percentage points", 0.5, kind="measure", unit="percentage points",
          normalized={"unit": "percentage point", "value": 0.5})))
    b = article("b", "Valley Times", claim(
        "The Varosh county recount is required when the margin is 0.5 percent or less.",
        q("0.5 percent", 0.5, kind="percent", unit="percent")))
    assert judge(*story_mentions([a, b])).relation == "agree"


def test_a_part_does_not_confirm_its_whole():
    a = article("a", "Harbor Post", claim("Hundreds of children were killed in the Varosh shelling.",
                                          q("Hundreds of children", None, low=200, high=999, counted="children")))
    b = article("b", "Valley Times", claim("The Varosh shelling killed 355 people, officials said.",
                                           q("355 people", 355, counted="people"), speaker="officials"))
    assert judge(*story_mentions([a, b])).relation is None


def test_a_toll_rising_over_days_across_outlets_is_an_update_with_a_timeline():
    day1 = article("a", "Harbor Post", claim("The Varosh flood killed 31 people, officials said.",
                                             q("31 people", 31, counted="people"), speaker="officials"),
                   published="2031-05-04")
    day2 = article("b", "Valley Times", claim("The Varosh flood has killed 44 people, rescuers said.",
                                              q("44 people", 44, counted="people"), speaker="rescuers"),
                   published="2031-05-05")
    day3 = article("c", "Coast Daily", claim("The Varosh flood killed 31 people, the paper said.",
                                             q("31 people", 31, counted="people")), published="2031-05-06")
    got = [c for c in compare_story([day1, day2, day3], "s1") if c.verdict == "updated"]
    assert len(got) == 1
    roles = [(e["document"], e["date"], e["role"], e["outdated"]) for e in got[0].timeline]
    assert roles == [("a", "2031-05-04", "first", False), ("b", "2031-05-05", "revision", False),
                     ("c", "2031-05-06", "repeat", True)]
    assert "superseded" in got[0].explanation
    assert not [c for c in compare_story([day1, day2], "s1") if c.verdict == "conflict"]


def test_a_lower_figure_later_is_not_an_update_but_a_conflict():
    a = article("a", "Harbor Post", claim("The Varosh flood killed 44 people, officials said.",
                                          q("44 people", 44, counted="people"), speaker="officials"),
                published="2031-05-04")
    b = article("b", "Valley Times", claim("The Varosh flood killed 31 people, rescuers said.",
                                           q("31 people", 31, counted="people"), speaker="rescuers"),
                published="2031-05-05")
    assert by_verdict(a, b) == {"conflict": [["a#c1", "b#c1"]]}


def test_figures_for_two_named_days_are_an_update():
    a = article("a", "Harbor Post", claim(
        "Seventeen people were in critical condition in Varosh on Monday, the hospital said.",
        q("Seventeen people", 17, counted="people"), speaker="the hospital"), published="2031-05-07")
    b = article("b", "Valley Times", claim(
        "Twelve people remained in critical condition in Varosh on Wednesday, doctors said.",
        q("Twelve people", 12, counted="people"), speaker="doctors"), published="2031-05-07")
    j = judge(*story_mentions([a, b]))
    assert j.relation in ("update", None) and j.relation != "conflict"


def test_a_competing_count_on_the_timeline_is_no_revision():
    from claimgraph.link.timeline import build_timeline, ordered_reports
    day1 = article("a", "Harbor Post", claim("The Varosh flood killed 31 people, officials said.",
                                             q("31 people", 31, counted="people"), speaker="officials"),
                   published="2031-05-04")
    day2 = article("b", "Valley Times", claim("The Varosh flood has killed 44 people, rescuers said.",
                                              q("44 people", 44, counted="people"), speaker="rescuers"),
                   published="2031-05-05")
    rival = article("c", "Coast Daily", claim("The Varosh flood killed 38 people, a charity said.",
                                              q("38 people", 38, counted="people"), speaker="a charity"),
                    published="2031-05-05")
    entries = build_timeline(ordered_reports(story_mentions([day1, day2, rival])))
    assert [(e["document"], e["role"]) for e in entries] == [("a", "first"), ("b", "revision"), ("c", "differs")]


def test_interchangeable_counted_nouns_are_one_measure():
    a = article("a", "Harbor Post", claim("The Varosh gunman's magazines held 30 bullets each.",
                                          q("30 bullets", 30, counted="bullets")))
    b = article("b", "Valley Times", claim("The Varosh gunman carried magazines of 30 rounds.",
                                           q("30 rounds", 30, counted="rounds")))
    j = judge(*story_mentions([a, b]))
    assert j.relation == "agree" and j.evidence.head_equal


def test_a_verb_across_a_comma_belongs_to_the_clause_before():
    a = article("a", "Harbor Post", claim(
        "Besides the 13 people who were killed in Varosh, eight people were injured, police said.",
        q("13 people", 13, counted="people"), q("eight people", 8, counted="people"), speaker="police"))
    by_text = {m.text: m for m in story_mentions([a])}
    assert by_text["13 people"].predicates == {"die"}
    assert by_text["eight people"].predicates == {"injure"}


def test_a_winning_margin_is_not_a_total():
    a = article("a", "Harbor Post", claim(
        "Tamsin Oduya beat Bram Keller by fewer than 9,000 votes in the Varosh county race.",
        q("fewer than 9,000 votes", 9000, high=9000, counted="votes")))
    b = article("b", "Valley Times", claim(
        "Officials in the Varosh county race tallied 9,780 votes for write-in candidates.",
        q("9,780 votes", 9780, counted="votes"), speaker="Officials"))
    m = [x for x in story_mentions([a, b]) if x.doc_id == "a"][0]
    assert "difference" in m.flags
    assert judge(*story_mentions([a, b])).relation is None


def test_a_place_after_an_age_is_not_whose_age_it_is():
    from claimgraph.link.measures import age_owner
    from claimgraph.model import Quantity

    def owner(text, figure):
        i = text.index(figure)
        return age_owner(text, Quantity(text=figure, start=i, end=i + len(figure), value=float(figure.split("-")[0])))

    assert owner("said Tam Oduya, a 24-year-old clerk and lifelong Varosh resident.", "24-year-old") is None
    assert owner("a 20-year-old Varosh, Conn., resident named Bram Keller", "20-year-old") is None
    assert owner("the shooter, 20-year-old Bram Keller, fled", "20-year-old") == "keller"
    assert owner("his 6-year-old sister Mira", "6-year-old") == "mira"
