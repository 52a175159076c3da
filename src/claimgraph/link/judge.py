"""How two figures relate: their intervals, the evidence that they measure one thing, and the rule.

``judge(a, b)`` returns a :class:`Judgement`: ``agree``, ``conflict``, ``denial``, ``update`` or
None, with the rule that decided (also the rule that stopped a candidate pair) and the evidence.
Each figure is an interval from its written precision and bound (:func:`interval`); two figures
conflict when they measure one thing and their intervals cannot both hold.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from claimgraph.extract.when import publication_day
from claimgraph.lexicon.measures import (
    CATEGORY_TOTALS,
    COMPATIBLE_PREDICATES,
    COUNTED_PERSON_NOUNS,
    DECREASE_WORDS,
    GENERIC_HEADS,
    NON_RESTRICTIVE,
    TOLL_PREDICATES,
    UNSPECIFIC_HEADS,
)
from claimgraph.lexicon.units import TIME_UNITS
from claimgraph.link.measures import Mention, distinctive, stem
from claimgraph.link.settings import CompareOptions

# Ratios, reach of bounds and agreement scores: CompareOptions (link/settings.py), passed as ``opts``.
DEFAULTS = CompareOptions()
SCOPE_MARKS = frozenset({"increment", "rate", "difference"})
_NON_RESTRICTIVE = frozenset(stem(w) for w in NON_RESTRICTIVE)

# ---------------------------------------------------------------- values


def interval(m: Mention) -> tuple[float, float]:
    """The values a mention allows, given its precision, approximation and bound."""
    if m.iv is None:
        m.iv = _interval(m)
    return m.iv


def _interval(m: Mention) -> tuple[float, float]:
    if m.is_sum:  # a sum of parts allows the sum of what each part allows
        ends = [interval(p) for p in m.parts]
        return sum(lo for lo, _ in ends), sum(hi for _, hi in ends)
    f = m.figure()
    assert f is not None
    tol = m.tolerance
    if m.bound == "lower":
        lo = m.low if m.low is not None else f
        return lo - tol, max(lo * m.reach, lo + tol)
    if m.bound == "upper":
        hi = m.high if m.high is not None else f
        return min(hi / m.reach, hi - tol), hi + tol
    if m.bound == "upper_figure":  # "up to 1.6 million": the figure itself is the claim
        u = m.high if m.high is not None else f
        return u - tol, u + tol
    if m.bound == "near_below":
        u = m.high if m.high is not None else f
        lo = m.low if m.low is not None and m.low < u else u * 0.85
        return lo - tol, u + tol
    lo = m.low if m.low is not None else f
    hi = m.high if m.high is not None else f
    if m.bound == "approx":
        if hi - lo < abs(f) * 0.1:  # "about 400,000" without a range from the extractor
            lo, hi = min(lo, f * 0.9 - tol), max(hi, f * 1.1 + tol)
        return lo, hi  # the extractor's range already says how vague the words are
    return lo - tol, hi + tol


def values_agree(a: Mention, b: Mention) -> bool:
    """Whether the two ranges overlap (touching ends do not: "1.5 million" vs "1.6 million")."""
    if a.tally != b.tally:
        return "different sides of a vote tally (or a tally against a single count)"
    if "tally" in (a.bound, b.bound):  # "396-9" agrees only with the same tally
        return a.bound == b.bound and (a.low, a.high, a.value) == (b.low, b.high, b.value)
    la, ha = interval(a)
    lb, hb = interval(b)
    lo, hi = max(la, lb), min(ha, hb)
    if lo < hi:
        return True
    fa, fb = a.figure(), b.figure()
    return fa is not None and fb is not None and math.isclose(fa, fb, rel_tol=1e-9, abs_tol=1e-12) \
        and a.bound == b.bound


def value_ratio(a: Mention, b: Mention) -> float:
    """How far apart two ranges are, as the ratio of their nearest ends (1.0 when they overlap)."""
    la, ha = interval(a)
    lb, hb = interval(b)
    lo, hi = max(la, lb), min(ha, hb)
    if lo <= hi:
        return 1.0
    if hi <= 0:
        return math.inf
    return lo / hi


# ---------------------------------------------------------------- evidence of one measure


@dataclass(slots=True)
class Evidence:
    head_equal: bool
    head_weak: bool  # one's head appears among the other's context or modifiers
    context: float  # shared local context words (capitalised words count double)
    wide: float  # the same over the wider windows
    sentence: int  # further shared words of the two sentences
    predicates: str  # shared | disjoint | unknown


def predicate_relation(a: Mention, b: Mention) -> str:
    if not a.predicates or not b.predicates:
        return "unknown"
    if a.predicates & b.predicates:
        return "shared"
    if any(frozenset({x, y}) in COMPATIBLE_PREDICATES for x in a.predicates for y in b.predicates):
        return "shared"
    return "disjoint"


def evidence(a: Mention, b: Mention) -> Evidence:
    shared = a.context.keys() & b.context.keys()
    ctx = sum(2.0 if (s in a.proper or s in b.proper) else 1.0 for s in shared)
    wide_shared = a.wide & b.wide
    wide = sum(2.0 if (s in a.proper or s in b.proper) else 1.0 for s in wide_shared)
    sent = len((a.sentence & b.sentence) - wide_shared - {a.head, b.head})
    head_equal = a.head is not None and a.head == b.head
    head_weak = not head_equal and a.head is not None and b.head is not None and (
        any(a.head == k or a.head == v for k, v in b.context.items()) or
        any(b.head == k or b.head == v for k, v in a.context.items()) or
        bool((a.words & b.words) - GENERIC_HEADS)) and not {a.head, b.head} & GENERIC_HEADS
    return Evidence(head_equal, head_weak, ctx, wide, sent, predicate_relation(a, b))


def units_compatible(a: Mention, b: Mention) -> bool:
    if a.kind != b.kind:
        return False
    if a.kind == "count":
        return True
    return a.unit == b.unit or (a.kind == "money" and (a.unit is None or b.unit is None))


def complements(a: Mention, b: Mention) -> bool:
    """Two percentages that add up to 100, one of them a cut: "77 percent of benefits" vs "a 23 percent cut"."""
    if a.kind != "percent" or b.kind != "percent" or a.bound != "exact" or b.bound != "exact":
        return False
    fa, fb = a.figure() or 0.0, b.figure() or 0.0
    if abs(fa + fb - 100) > a.tolerance + b.tolerance or math.isclose(fa, fb):
        return False
    cut_a, cut_b = bool(set(a.context) & DECREASE_WORDS), bool(set(b.context) & DECREASE_WORDS)
    return cut_a != cut_b and len((a.wide & b.wide) - DECREASE_WORDS) >= 1


def _nearest(m: Mention, x: float) -> float:
    """The figure of ``m`` nearest ``x``: itself, or for a range without a figure, its nearest end."""
    if m.value is None and m.low is not None and m.high is not None:
        return min(max(x, m.low), m.high)
    return m.figure() or 0.0


def _agree_edge(a: Mention, b: Mention, ev: Evidence, min_score: float = 2.5) -> bool:
    if a.kind == "age" and a.age_of and b.age_of:  # one named person's age: the name is the evidence
        return a.age_of == b.age_of
    if a.is_sum or b.is_sum:
        total = b if a.is_sum else a
        if total.is_sum or total.head not in CATEGORY_TOTALS["person"]:
            return False
        return ev.head_equal and (ev.predicates == "shared" or ev.context >= 1)
    if (a.flags ^ b.flags) & SCOPE_MARKS:  # "19 other children" does not confirm "20 children"
        return False
    if _part_and_whole(a, b):  # "hundreds of children" killed is no count of the people killed
        return False
    fa, fb = a.figure() or 0.0, b.figure() or 0.0
    na, nb = _nearest(a, fb), _nearest(b, fa)  # a vague range ("thousands") at its end nearest the other
    if {a.bound, b.bound} & {"lower", "upper"} and min(na, nb) > 0 and max(na, nb) / min(na, nb) > 2:
        return False  # "at least 544 managers" is no confirmation of "1.5 million women"
    both_distinctive = distinctive(a) and distinctive(b)
    same_words = fa == fb and a.bound == b.bound
    # the same phrase word for word ("just over $200,000"), not just the same bare number
    same_phrase = same_words and len(a.text.split()) >= 2 and a.text.lower() == b.text.lower()
    score = min(ev.wide, 4.0) + 0.5 * min(ev.sentence, 4) + (1.0 if ev.predicates == "shared" else 0.0) + \
        (1.0 if both_distinctive else 0.0) + (0.5 if same_words else 0.0) + (1.0 if same_phrase else 0.0)
    if a.kind in ("count", "measure") and a.head and b.head:
        # two known, unrelated nouns ("7 articles", "27 amendments") need a rare number and shared words
        if not (ev.head_equal or ev.head_weak or (both_distinctive and ev.wide >= 1)):
            return False
        score += 2.0 * ev.head_equal + 1.0 * ev.head_weak
    elif a.kind in ("count", "measure") and (a.head or b.head) and ev.predicates == "shared":
        score += 1.0  # a bare figure told what happened, like a counted one: "638" dead, "600 people" killed
    elif a.kind == "count" and ev.predicates == "shared":
        score += 0.5  # two bare figures of the same thing happening: "over 1,500" and "thousands" wounded
    elif a.kind in ("money", "percent") and not (ev.wide >= 1 or both_distinctive or same_phrase):
        return False
    return score >= min_score


def _scope_veto(a: Mention, b: Mention) -> str | None:
    """Why two figures cannot be one measure at one time, whatever their values (None: nothing)."""
    if a.is_sum or b.is_sum:
        return "a sum of parts only ever confirms a total"
    if (a.flags ^ b.flags) & SCOPE_MARKS:
        return "one figure is an increment, a rate or a margin, the other a total"
    if "scope" in (a.flags | b.flags):
        return "one figure counts a part of a group (\"of them\", \"alone\")"
    if ("modal" in a.flags) != ("modal" in b.flags):
        return "one figure is an expectation or a plan, the other a report"
    if a.tally != b.tally:
        return "different sides of a vote tally (or a tally against a single count)"
    if "tally" in (a.bound, b.bound):
        if a.bound != b.bound:
            return "a vote tally against a single figure"
        if not {a.low, a.high} & {b.low, b.high}:
            return "two tallies with no count in common: two different votes"
    if a.is_age or b.is_age:
        if not (a.age_of and a.age_of == b.age_of):
            return "ages of people who may be different people"
        return None
    if a.kind == "count" and min(a.figure() or 0, b.figure() or 0) < 1:
        return "a fraction, not a count"
    if (a.qualifiers - b.wide - _NON_RESTRICTIVE) or (b.qualifiers - a.wide - _NON_RESTRICTIVE):
        return "the counted nouns are qualified differently (a subgroup or another group)"
    if a.times and b.times and not a.times & b.times:
        return "different times"
    # "the lone gunman" counts everyone who took part: names beside it (who said it, when) do not
    # single out a subgroup
    if (a.proper - b.wide) and (b.proper - a.wide) and "exclusive" not in a.flags | b.flags:
        return "each names something the other does not"
    if a.places and b.places and not shares_place(a, b):
        return "different places"
    return None


def shares_place(a: Mention, b: Mention) -> bool:
    """Whether the two figures name a place in common (compared case-insensitively)."""
    return bool({p.lower() for p in a.places} & {p.lower() for p in b.places})


def _heads_match(a: Mention, b: Mention, ev: Evidence) -> bool:
    """Whether the counted nouns say the two figures count the same thing."""
    if a.kind not in ("count", "measure") or not (a.head or b.head):
        return True
    if ev.head_equal:
        return True
    if a.head is None or b.head is None or {a.head, b.head} <= UNSPECIFIC_HEADS | {None}:
        # "355" or "hundreds of others" next to "1,300 people": the predicate must say it
        return ev.predicates == "shared" and ev.wide >= 1
    return False


def _part_and_whole(a: Mention, b: Mention) -> bool:
    """One figure counts a group of people ("children"), the other everyone ("people")."""
    totals = CATEGORY_TOTALS["person"]
    return any(whole.head in totals and part.head in COUNTED_PERSON_NOUNS and part.head not in totals
               for part, whole in ((a, b), (b, a)))


def _part_larger_than_whole(a: Mention, b: Mention, ev: Evidence) -> str | None:
    """A subgroup ("children killed") contradicts its whole ("people killed") only when it is
    larger than the whole can be."""
    totals = CATEGORY_TOTALS["person"]
    for part, whole in ((a, b), (b, a)):
        if whole.head in totals and part.head in COUNTED_PERSON_NOUNS and part.head not in totals \
                and ev.predicates == "shared" and ev.context >= 1 and interval(part)[0] > interval(whole)[1]:
            return f"a part ({part.counted or part.head}) larger than its whole ({whole.counted or whole.head})"
    return None


def whole_counts(a: Mention, b: Mention) -> bool:
    """Whether two small counts each count all there was, not a part: one says there was no other
    ("the lone gunman", "a single shooter"), or both list what someone carried ("armed with a
    rifle and a handgun" against "armed with a shotgun and two handguns")."""
    return "exclusive" in a.flags | b.flags or ("inventory" in a.flags and "inventory" in b.flags)


def _conflict_rule(a: Mention, b: Mention, ev: Evidence, opts: CompareOptions = DEFAULTS) -> tuple[bool, str]:
    """Whether two figures whose intervals cannot both hold are about one measure, and why."""
    veto = _scope_veto(a, b)
    if veto is not None:
        return False, veto
    if a.kind == "age":
        return True, f"one person's age ({a.age_of}) given differently"
    if a.doc_id == b.doc_id:
        # inside one article only two named sources that say the same thing happened (same
        # predicate) about a counted noun or an amount make a conflict; percentages and
        # durations side by side in one article are nearly always different polls or periods
        if not (a.speaker and b.speaker):
            return False, "one article's own figures, not two named sources"
        if value_ratio(a, b) > opts.max_same_doc_ratio:
            return False, f"one article's figures more than {opts.max_same_doc_ratio:g} times apart"
        if a.kind not in ("count", "money") or ev.predicates != "shared":
            return False, "one article's figures without the same predicate"
    ratio = value_ratio(a, b)
    if ratio > opts.max_conflict_ratio:
        return False, f"more than {opts.max_conflict_ratio:g} times apart: another measure (a total against a margin)"
    rare = len(a.context.keys() & b.context.keys() & a.rare & b.rare)
    if a.kind == "measure" and a.unit in TIME_UNITS:  # durations: nearly always two periods
        ok = rare >= 2 and ratio <= opts.max_cross_doc_ratio
        return ok, "durations with the same rare words around them" if ok else \
            "durations are nearly always two different periods"
    if a.kind in ("count", "measure") and (a.head or b.head):
        if not _heads_match(a, b, ev):
            whole = _part_larger_than_whole(a, b, ev)
            if whole:
                return True, whole
            return False, f"different counted nouns ({a.head or '-'} vs {b.head or '-'})"
        if min(a.figure() or 0, b.figure() or 0) <= 3:
            if ev.head_equal and whole_counts(a, b):
                return True, "counts of all there was (\"the lone gunman\", an inventory of what was carried)"
            return False, "very small counts (one, two, three) are usually parts of a whole"
        if max(a.figure() or 0, b.figure() or 0) <= 12:  # "two senators" vs "three senators"
            ok = ev.context >= 2 and ev.predicates == "shared"
            return ok, "small counts with the same predicate and context" if ok else \
                "small counts need the same predicate and two context words"
        if a.head in GENERIC_HEADS and ev.head_equal:
            # "people" says nothing; what happened to them must be the same, and close or in context
            ok = ev.predicates == "shared" and (ev.context >= 1 or ratio <= opts.max_cross_doc_ratio)
            return ok, "a generic noun with the same predicate and context" if ok else \
                "a generic noun without the same predicate and context"
        if ratio > opts.max_cross_doc_ratio:  # far apart: only when the words say it is the same count
            ok = ev.predicates == "shared" and (ev.context >= 1 or ev.wide >= 2)
            return ok, "the same count and predicate, far apart" if ok else \
                f"more than {opts.max_cross_doc_ratio:g} times apart without the same predicate and context"
        ok = ev.context >= 1 or ev.predicates == "shared"
        return ok, "the same counted noun with the same predicate or context" if ok else \
            "the same counted noun but nothing else in common"
    if ratio > opts.max_cross_doc_ratio:
        return False, f"amounts more than {opts.max_cross_doc_ratio:g} times apart"
    # no counted noun (money, percentages): the words that single this amount out must match
    return (True, "amounts with two rare context words in common") if rare >= 2 else \
        (False, "amounts without two rare context words in common")


def moved_over_time(a: Mention, b: Mention, opts: CompareOptions = DEFAULTS) -> str | None:
    """Why two different figures of one measure are one figure changing over time, or None.

    Either their own words name two different days ("17 in critical condition on Monday", "12 on
    Wednesday"), or they are a running toll (the dead, the injured) reported on different days,
    the later report higher and within ``max_cross_doc_ratio`` of the earlier: a toll that rose.
    """
    if a.day and b.day and a.day != b.day:
        return f"the figures are for different days ({min(a.day, b.day)} and {max(a.day, b.day)})"
    pa, pb = publication_day(a.published), publication_day(b.published)
    if pa is None or pb is None or pa == pb:
        return None
    if not (a.predicates & TOLL_PREDICATES and b.predicates & TOLL_PREDICATES) or _part_and_whole(a, b):
        return None
    earlier, later = (a, b) if pa < pb else (b, a)
    if interval(later)[0] > interval(earlier)[1] and value_ratio(a, b) <= opts.max_cross_doc_ratio:
        return "a running toll that rose between reports published on different days"
    return None


@dataclass(slots=True)
class Judgement:
    """How two figures relate, the rule that decided, and the evidence it looked at."""

    relation: str | None  # agree | conflict | denial | update | None
    rule: str
    evidence: Evidence | None = None


def judge(a: Mention, b: Mention, min_agree: float | None = None, opts: CompareOptions = DEFAULTS) -> Judgement:
    """Relate two figures: ``agree``, ``conflict``, ``denial``, ``update`` or None, with the rule.

    ``denial``: the same figure, asserted by one and denied by the other ("there are not 23
    million"); ``update``: one source's figure revised, or a total said to be moving ("rose to").
    """
    if not units_compatible(a, b):
        return Judgement(None, f"different kinds or units ({a.kind} {a.unit or ''} vs {b.kind} {b.unit or ''})")
    if a.figure() is None or b.figure() is None:
        return Judgement(None, "no figure to compare")
    if set(a.claim_ids) & set(b.claim_ids) and a.source == b.source and (a.is_sum or b.is_sum):
        return Judgement(None, "a sum against one of its own parts")
    if complements(a, b):
        if predicate_relation(a, b) == "disjoint":
            return Judgement(None, "shares that add up to 100, but about different things")
        return Judgement("agree", "a cut and what is left add up to 100 percent")
    agree = values_agree(a, b)
    denied = a.negated != b.negated
    if denied and not agree:
        return Judgement(None, "a denial of one figure says nothing about another")
    ev = evidence(a, b)
    if ev.predicates == "disjoint":
        return Judgement(None, "different predicates (" + ", ".join(sorted(a.predicates)) + " vs "
                         + ", ".join(sorted(b.predicates)) + ")", ev)
    if agree:
        if not _agree_edge(a, b, ev, opts.agree_score if min_agree is None else min_agree):
            return Judgement(None, "the intervals overlap, but too little says it is the same measure", ev)
        if denied:
            veto = _scope_veto(a, b)
            if a.source == b.source or veto is not None:
                return Judgement(None, veto or "one source both asserts and denies", ev)
            return Judgement("denial", "one source denies the figure another asserts", ev)
        return Judgement("agree", "the intervals overlap and the words say it is the same measure", ev)
    ok, rule = _conflict_rule(a, b, ev, opts)
    if not ok:
        return Judgement(None, f"the intervals cannot both hold, but {rule}", ev)
    # a change over time needs the words to say it is the same count: the same noun or verb
    same_count = ev.head_equal or ev.predicates == "shared"
    moved = moved_over_time(a, b, opts) if same_count else None
    if moved:
        return Judgement("update", moved, ev)
    if (a.speaker and a.speaker == b.speaker) or a.source == b.source:
        if not same_count:
            return Judgement(None, "one source's two figures, not said to be the same count", ev)
        return Judgement("update", "one source gave two figures: a revision", ev)
    if "revised" in (a.flags | b.flags):
        return Judgement("update", "the words say the figure was revised (\"rose to\")", ev)
    return Judgement("conflict", f"the intervals cannot both hold: {rule}", ev)


def relate(a: Mention, b: Mention, min_agree: float | None = None, opts: CompareOptions = DEFAULTS) -> str | None:
    """The relation of :func:`judge` alone."""
    return judge(a, b, min_agree, opts).relation
