"""Comparisons: quantity claims about one measure from different sources, and whether they agree.

Per story, mentions (see :mod:`.measures`) are blocked by counted-noun head or unit, so only
candidates that could measure the same thing are paired; across documents only values within a
factor of a few are paired (a sorted sweep), so cost stays near-linear in the corpus.

A pair of mentions is

* **consistent** when their value ranges overlap once the written precision ("4,000" is rounded
  to the thousand), approximations ("around"), bounds ("more than") and sums of parts are taken
  into account, and the words around them say they measure the same thing;
* a **conflict** only when they clearly measure the same thing (same counted noun, shared context
  or predicate) *and* nothing suggests another scope: a subgroup ("in my vehicle alone"), an
  increment ("more"), a rate, a running total ("so far", "rose to"), an expectation ("thought",
  "would"), a different time or place. False conflicts are worse than missed ones.

Connected mentions form a measure; each measure yields at most one conflict comparison (all its
claims) and one consistent comparison per group of agreeing sources.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from claimgraph.lexicon.measures import (
    CATEGORY_TOTALS,
    COMPATIBLE_PREDICATES,
    COUNTED_PERSON_NOUNS,
    DECREASE_WORDS,
    GENERIC_HEADS,
    NON_RESTRICTIVE,
    PERSON_PREDICATES,
    PREDICATE_LABELS,
    UNSPECIFIC_HEADS,
)
from claimgraph.lexicon.units import TIME_UNITS

from ..model import Article, Comparison
from .measures import (
    Mention,
    block_keys,
    distinctive,
    document_mentions,
    noun_lemma,
    places_in,
    predicate_classes,
    stem,
)
from .provenance import Provenance, independent_origins, speaker_label
from .settings import CompareOptions

# Ratios, reach of bounds, sweep limits and agreement scores: CompareOptions (link/settings.py),
# passed down as ``opts``.
DEFAULTS = CompareOptions()
SCOPE_MARKS = frozenset({"increment", "rate"})
SAME_EVENT_DAYS = 7  # figures of related stories this close in time may be about one event
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
    fa, fb = a.figure() or 0.0, b.figure() or 0.0
    if {a.bound, b.bound} & {"lower", "upper"} and min(fa, fb) > 0 and max(fa, fb) / min(fa, fb) > 2:
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
    elif a.kind in ("money", "percent") and not (ev.wide >= 1 or both_distinctive or same_phrase):
        return False
    return score >= min_score


def _scope_veto(a: Mention, b: Mention) -> str | None:
    """Why two figures cannot be one measure at one time, whatever their values (None: nothing)."""
    if a.is_sum or b.is_sum:
        return "a sum of parts only ever confirms a total"
    if (a.flags ^ b.flags) & SCOPE_MARKS:
        return "one figure is an increment or a rate, the other a total"
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
    if (a.proper - b.wide) and (b.proper - a.wide):
        return "each names something the other does not"
    if a.places and b.places and not {p.lower() for p in a.places} & {p.lower() for p in b.places}:
        return "different places"
    return None


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


def _part_larger_than_whole(a: Mention, b: Mention, ev: Evidence) -> str | None:
    """A subgroup ("children killed") contradicts its whole ("people killed") only when it is
    larger than the whole can be."""
    totals = CATEGORY_TOTALS["person"]
    for part, whole in ((a, b), (b, a)):
        if whole.head in totals and part.head in COUNTED_PERSON_NOUNS and part.head not in totals \
                and ev.predicates == "shared" and ev.context >= 1 and interval(part)[0] > interval(whole)[1]:
            return f"a part ({part.counted or part.head}) larger than its whole ({whole.counted or whole.head})"
    return None


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
    if (a.speaker and a.speaker == b.speaker) or a.source == b.source:
        return Judgement("update", "one source gave two figures: a revision", ev)
    if "revised" in (a.flags | b.flags):
        return Judgement("update", "the words say the figure was revised (\"rose to\")", ev)
    return Judgement("conflict", f"the intervals cannot both hold: {rule}", ev)


def relate(a: Mention, b: Mention, min_agree: float | None = None, opts: CompareOptions = DEFAULTS) -> str | None:
    """The relation of :func:`judge` alone."""
    return judge(a, b, min_agree, opts).relation


# ---------------------------------------------------------------- candidate pairs


def candidate_pairs(mentions: list[Mention], opts: CompareOptions = DEFAULTS) -> Iterable[tuple[int, int]]:
    """Index pairs worth relating: same block; all pairs in one document, a value sweep across."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        for key in block_keys(m):
            blocks[key].append(i)
        f = m.figure() or 0.0
        if distinctive(m) and not m.is_sum:  # "42 Senate Republicans" ~ "42 members of the caucus"
            blocks[f"value:{m.kind}:{m.unit}:{f:.6g}"].append(i)
        if m.kind == "percent" and 0 < f < 100:  # "77 percent" left ~ "a 23 percent cut"
            blocks[f"share:{min(f, 100 - f):.6g}"].append(i)
    seen: set[tuple[int, int]] = set()
    for key, members in blocks.items():
        if len(members) < 2:
            continue
        by_ratio = not key.startswith("share:")
        by_doc: dict[str, list[int]] = defaultdict(list)
        for i in members:
            by_doc[mentions[i].doc_id].append(i)
        for idx in by_doc.values():
            for i, j in combinations(idx, 2):
                if (i, j) not in seen:
                    seen.add((i, j))
                    yield i, j
        ordered = sorted(members, key=lambda i: mentions[i].figure() or 0.0)
        for pos, i in enumerate(ordered):
            fi = mentions[i].figure() or 0.0
            for j in ordered[pos + 1: pos + 1 + opts.sweep_limit]:
                fj = mentions[j].figure() or 0.0
                if by_ratio and fi > 0 and fj > fi * opts.sweep_ratio and mentions[i].bound != "lower":
                    break
                if mentions[i].doc_id == mentions[j].doc_id:
                    continue
                key = (min(i, j), max(i, j))
                if key not in seen:
                    seen.add(key)
                    yield key


# ---------------------------------------------------------------- wording


def _num(x: float) -> str:
    if abs(x) >= 1e9 and x % 1e7 == 0:
        return f"{x / 1e9:g} billion"
    if abs(x) >= 1e6 and x % 1e4 == 0:
        return f"{x / 1e6:g} million"
    return f"{x:,.2f}".rstrip("0").rstrip(".") if x != int(x) else f"{int(x):,}"


def describe(m: Mention) -> str:
    """A mention as written, with its range when the words alone do not give the number."""
    if m.is_sum:
        return f"{' + '.join(p.text for p in m.parts)} (= {_num(m.figure() or 0)})"
    if m.bound in ("approx", "range") and m.low is not None and m.high is not None and m.low < m.high:
        return f"{m.text} ({_num(m.low)}–{_num(m.high)})"
    return m.text


def _common_words(ms: list[Mention], limit: int = 3) -> list[str]:
    """Context words every mention shares, as written, in the first mention's order."""
    common = set(ms[0].context)
    for m in ms[1:]:
        common &= set(m.context)
    return [ms[0].context[s] for s in ms[0].context if s in common][:limit]


def measure_name(ms: list[Mention]) -> str:
    """A label a reader understands: what is counted and what happened to it ("people killed
    (Varosh)"), or the amount and the words around it ("USD: reconstruction fund")."""
    plain = [m for m in ms if not m.is_sum] or ms
    classes = [c for m in plain for c in sorted(m.predicates)]
    pred = min(set(classes), key=lambda c: (-classes.count(c), c)) if classes else None
    places = sorted({p for m in plain for p in m.places})
    first = plain[0]
    if first.kind == "count" or (first.kind == "measure" and first.unit not in TIME_UNITS):
        heads = [m.head for m in plain if m.head and m.head not in UNSPECIFIC_HEADS]
        counted = sorted((m.counted for m in plain if m.counted and m.head in heads), key=lambda c: (len(c), c))
        if heads and min(set(heads), key=lambda h: (-heads.count(h), h)) == "person":
            noun = "people"
        elif counted:
            noun = counted[0].lower() if not counted[0][:1].isupper() else counted[0]
        else:
            noun = "people" if pred in PERSON_PREDICATES else "number"
        name = noun + (f" {PREDICATE_LABELS[pred]}" if pred in PREDICATE_LABELS else "")
        if any(m.is_sum for m in ms):
            name = f"{name} in all"
        if name in ("number", "people"):
            words = _common_words(plain)
            name += f" ({' '.join(words)})" if words else ""
    else:
        what = {"money": f"amount ({first.unit or 'money'})", "percent": "share (%)"}.get(
            first.kind, "duration" if first.unit in TIME_UNITS else f"{first.kind} ({first.unit})")
        words = _common_words(plain)
        name = what + (f": {' '.join(words)}" if words else "") + \
            (f", {PREDICATE_LABELS[pred]}" if pred in PREDICATE_LABELS and not words else "")
    places = [p for p in places if p.lower() not in name.lower()]
    if places:
        name += f" in {' and '.join(places[:2])}"
    return name


def _said(m: Mention) -> str:
    return f"{m.source_label or 'the article'} said {describe(m)}"


def conflict_explanation(measure: str, a: Mention, b: Mention, rest: list[Mention]) -> str:
    others = [m for m in rest if m is not a and m is not b and m.source != a.source and m.source != b.source]
    tail = "".join(f"; {_said(m)}" for m in others[:2])
    return f"On {measure}, {_said(a)}, but {_said(b)}{tail}."


def denial_explanation(measure: str, deniers: list[Mention], asserters: list[Mention]) -> str:
    d, a = deniers[0], asserters[0]
    others = [m for m in asserters[1:] if m.source != a.source][:2]
    tail = "".join(f"; {_said(m)}" for m in others)
    return f"On {measure}, {d.source_label or 'the article'} denied {describe(d)}, but {_said(a)}{tail}."


def timeline_order(ms: list[Mention]) -> list[Mention]:
    """Reports in time order: publication date, then position in the article."""
    return sorted(ms, key=lambda m: (m.published or "9999", m.doc_id, m.start))


def update_explanation(measure: str, ms: list[Mention]) -> str:
    ordered = timeline_order(ms)
    first, last = ordered[0], ordered[-1]
    return (f"On {measure}, the figure changed between reports: {_said(first)}{_dated(first)}, "
            f"later {_said(last)}{_dated(last)}; an update, not a contradiction.")


def _dated(m: Mention) -> str:
    return f" ({m.published})" if m.published else ""


def consistent_explanation(measure: str, ms: list[Mention]) -> str:
    sums = [m for m in ms if m.is_sum]
    shown = []
    for m in ms:
        if m.source not in {x.source for x in shown}:
            shown.append(m)
    said = ", and ".join(_said(m) for m in shown[:3])
    if sums:
        why = "the parts add up to a figure inside the total's range"
    elif len({m.figure() for m in ms}) == 1 and len({m.bound for m in ms}) == 1:
        why = "the same figure"
    else:
        why = "the ranges overlap once rounding, approximations and bounds are allowed for"
    return f"On {measure}, {said}: {why}."


# ---------------------------------------------------------------- comparisons


class _Union:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def _claims(ms: Iterable[Mention]) -> list[str]:
    ordered = sorted(ms, key=lambda m: (m.doc_id, m.start))
    return list(dict.fromkeys(c for m in ordered for c in m.claim_ids))


def _comparison(verdict: str, ms: list[Mention], explanation: str, measure: str,
                story: str | None, sides: list[list[Mention]] | None = None) -> Comparison:
    sources = list(dict.fromkeys(m.source_label for m in sorted(ms, key=lambda m: (m.doc_id, m.start))))
    claims = _claims(ms) if verdict != "updated" else list(dict.fromkeys(c for m in ms for c in m.claim_ids))
    return Comparison(measure=measure, claims=claims, verdict=verdict,  # type: ignore[arg-type]
                      explanation=explanation, story=story, kind="numeric", sources=sources,
                      independent_origins=independent_origins(m.origin for m in ms),
                      sides=[_claims(side) for side in sides or []], quantities=_quantities(ms))


def story_mentions(articles: list[Article], opts: CompareOptions = DEFAULTS) -> list[Mention]:
    """Mentions of every article of a story, with sources, origins and copy groups filled in."""
    prov = Provenance(articles)
    out: list[Mention] = []
    for art in articles:
        claims = {c.id: c for c in art.claims}
        for m in document_mentions(art, opts):
            m.reach = opts.bound_reach
            claim = claims[m.claim_ids[0]]
            m.source, m.source_label = prov.source(claim, art)
            m.speaker = prov.speaker_key(claim)
            # the speaker's own name beside the number says who, not what
            m.proper = m.proper - {stem(w) for w in re.findall(r"[\w'-]+", speaker_label(claim))}
            m.copy_group, m.origin = prov.copy_group_and_origin(claim, art, m.sentence_text)
            m.published = art.published
            out.append(m)
    return out


def mark_rare_context(mentions: list[Mention]) -> None:
    """Mark the context words of each mention that few mentions of its kind and unit share.

    "worth" or "campaign" next to every amount of a story tells two amounts apart no better
    than nothing; "Martha's Vineyard" next to two of them does.
    """
    by_kind: dict[tuple[str, str | None], list[Mention]] = defaultdict(list)
    for m in mentions:
        by_kind[(m.kind, m.unit)].append(m)
    for ms in by_kind.values():
        df: dict[str, int] = defaultdict(int)
        for m in ms:
            for s in m.context:
                df[s] += 1
        limit = 3  # the same item told by three outlets; a word around more amounts is generic
        for m in ms:
            m.rare = frozenset(s for s in m.context if df[s] <= limit)


def sides_of(ms: list[Mention]) -> list[list[Mention]]:
    """Split figures into sides: groups whose intervals share a point (fewest groups, greedy).

    Two figures on one side can both hold; a figure on one side and one on another cannot.
    """
    groups: list[list[Mention]] = []
    cur: list[Mention] = []
    top = -math.inf
    for m in sorted(ms, key=lambda m: (interval(m)[0], interval(m)[1], m.doc_id, m.start)):
        lo, hi = interval(m)
        if cur and (lo < top or lo == hi == top):
            cur.append(m)
            top = min(top, hi)
        else:
            if cur:
                groups.append(cur)
            cur, top = [m], hi
    if cur:
        groups.append(cur)
    return groups


def _quantities(ms: Iterable[Mention]) -> list[dict[str, object]]:
    """The exact figures compared: claim id and quantity index, sums split into their parts."""
    out: list[dict[str, object]] = []
    for m in sorted(ms, key=lambda m: (m.doc_id, m.start)):
        for part in m.parts or (m,):
            ref = {"claim": part.claim_ids[0], "index": part.index}
            if ref not in out:
                out.append(ref)
    return out


def _agreeing_clusters(idx: list[int], agree_edges: list[tuple[int, int]]) -> list[list[int]]:
    """Connected groups of ``idx`` by agreement edges (both ends inside ``idx``)."""
    pos = {k: n for n, k in enumerate(idx)}
    uf = _Union(len(idx))
    for i, j in agree_edges:
        if i in pos and j in pos:
            uf.union(pos[i], pos[j])
    out: dict[int, list[int]] = defaultdict(list)
    for k in idx:
        out[uf.find(pos[k])].append(k)
    return [v for v in out.values() if len(v) >= 2]


def same_event(a: Mention, b: Mention) -> bool:
    """Whether two figures from related stories are said of one event: a shared named place, or
    two shared names and a rare word around them (a different figure in a related story is
    usually another event, so the evidence must be strong)."""
    if a.places and b.places and {p.lower() for p in a.places} & {p.lower() for p in b.places}:
        return True
    names = (a.proper & b.wide) | (b.proper & a.wide)
    if len(names) >= 2 and bool(a.context.keys() & b.context.keys() & a.rare & b.rare):
        return True
    # the same group, the same thing happening to it, within days ("54 children" killed and
    # "hundreds of innocent children" killed)
    return bool(a.head and a.head == b.head and a.head not in GENERIC_HEADS and a.predicates & b.predicates
                and _days_apart(a.published, b.published) <= SAME_EVENT_DAYS)


def _days_apart(x: str | None, y: str | None) -> float:
    try:
        return abs((date.fromisoformat((x or "")[:10]) - date.fromisoformat((y or "")[:10])).days)
    except ValueError:
        return math.inf


def _independent(ms: list[Mention]) -> bool:
    """Two sources, and not only one article with its own reprints."""
    return len({m.source for m in ms}) >= 2 and len({m.copy_group for m in ms}) >= 2


def compare_mentions(mentions: list[Mention], story: str | None = None, *,
                     across: Callable[[Mention, Mention], bool] | None = None,
                     min_agree: float | None = None, opts: CompareOptions = DEFAULTS) -> list[Comparison]:
    """Group mentions into measures and judge each measure's sources.

    Figures joined by evidence that they measure one thing form a measure. Inside a measure the
    asserted figures fall into sides by their intervals (:func:`sides_of`): a conflict stands the
    sides that contradict each other against each other, a denial stands those who deny a figure
    against those who assert it, an update is one source's figure revised (or a running total), and
    each side's agreeing sources are reported as consistent.

    With ``across``, only pairs it accepts are related, and only agreement or a conflict about one
    event (:func:`same_event`) is reported (used between two related stories, where a different
    figure may well be another event).
    """
    mark_rare_context(mentions)
    uf = _Union(len(mentions))
    edges: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for i, j in candidate_pairs(mentions, opts):
        if across is not None and not across(mentions[i], mentions[j]):
            continue
        rel = relate(mentions[i], mentions[j], min_agree, opts)
        if rel is None or (across is not None and rel != "agree"
                           and not (rel == "conflict" and same_event(mentions[i], mentions[j]))):
            continue
        uf.union(i, j)
        edges[rel].append((i, j))
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(mentions)):
        groups[uf.find(i)].append(i)
    by_root: dict[str, dict[int, list[tuple[int, int]]]] = {k: defaultdict(list) for k in edges}
    for rel, pairs in edges.items():
        for i, j in pairs:
            by_root[rel][uf.find(i)].append((i, j))
    out: list[Comparison] = []
    seen: set[tuple[str, tuple[str, ...]]] = set()

    def emit(c: Comparison) -> None:
        key = (c.verdict, tuple(sorted(c.claims)))
        if key not in seen and len(c.claims) >= 2:
            seen.add(key)
            out.append(c)

    for root, idx in groups.items():
        if len(idx) < 2:
            continue
        agree = by_root.get("agree", {}).get(root, [])
        asserted = [k for k in idx if not mentions[k].negated]
        side_of: dict[int, int] = {}
        sides = sides_of([mentions[k] for k in asserted])
        ids = {id(m): k for k, m in ((k, mentions[k]) for k in asserted)}
        for n, side in enumerate(sides):
            for m in side:
                side_of[ids[id(m)]] = n
        conflicts = [(i, j) for i, j in by_root.get("conflict", {}).get(root, [])
                     if side_of.get(i) != side_of.get(j)]
        if conflicts:
            out_sides = sorted({side_of[k] for p in conflicts for k in p})
            taking = [m for n in out_sides for m in sides[n]]
            i, j = max(conflicts, key=lambda p: value_ratio(mentions[p[0]], mentions[p[1]]))
            a, b = sorted((mentions[i], mentions[j]), key=lambda m: (m.doc_id, m.start))
            involved = {mentions[k].id for p in conflicts for k in p}
            rest = sorted((m for m in taking if m is not a and m is not b),
                          key=lambda m: (m.id not in involved, m.doc_id, m.start))
            measure = measure_name(taking)
            emit(_comparison("conflict", taking, conflict_explanation(measure, a, b, rest), measure, story,
                             sides=[sides[n] for n in out_sides]))
        denials = by_root.get("denial", {}).get(root, [])
        if denials:
            deniers = [mentions[k] for k in dict.fromkeys(k for p in denials for k in p) if mentions[k].negated]
            asserters = [mentions[k] for k in dict.fromkeys(k for p in denials for k in p)
                         if not mentions[k].negated]
            measure = measure_name(deniers + asserters)
            emit(_comparison("conflict", deniers + asserters, denial_explanation(measure, deniers, asserters),
                             measure, story, sides=[deniers, asserters]))
        updates = by_root.get("update", {}).get(root, [])
        if updates:
            ms = [mentions[k] for k in dict.fromkeys(k for p in updates for k in p)]
            measure = measure_name(ms)
            emit(_comparison("updated", timeline_order(ms), update_explanation(measure, ms), measure, story))
        # a cut and what is left ("23 percent cut", "77 percent"): agreement across sides
        for i, j in agree:
            if side_of.get(i) != side_of.get(j) and complements(mentions[i], mentions[j]):
                pair = [mentions[i], mentions[j]]
                if _independent(pair):
                    name = measure_name(pair)
                    emit(_comparison("consistent", pair, consistent_explanation(name, pair), name, story))
        denied_idx = [k for k in idx if mentions[k].negated]
        for part in [[k for k in asserted if side_of[k] == n] for n in range(len(sides))] + [denied_idx]:
            for cl_idx in _agreeing_clusters(part, agree):
                cl = [mentions[k] for k in cl_idx]
                if _independent(cl):
                    name = measure_name(cl)
                    emit(_comparison("consistent", cl, consistent_explanation(name, cl), name, story))
    return out


# ---------------------------------------------------------------- stated intent vs reported outcome

_UNIVERSAL = re.compile(r"\b(?:all|every)\s+(?:of\s+)?(?:the\s+|these\s+|those\s+|its\s+|their\s+)?"
                        r"((?:[A-Z][\w-]*\s+)*)([a-z]+)\b")
_INTENT = re.compile(r"\b(?:would|will|must|should|shall|ensure|ensures|vow\w*|promis\w*|pledg\w*)\b", re.I)


@dataclass(slots=True)
class Intent:
    """A stated intent about all of a group in a place ("all fighters in X would die in X")."""

    claim_id: str
    doc_id: str
    text: str
    head: str
    predicates: frozenset[str]
    places: frozenset[str]
    source: str
    source_label: str
    origin: str


def story_intents(articles: list[Article]) -> list[Intent]:
    """Attributed claims that state what will happen to *all* of a group in a named place."""
    prov = Provenance(articles)
    out = []
    for art in articles:
        for c in art.claims:
            if not (c.speaker or c.speaker_mention) or not _INTENT.search(c.text):
                continue
            m = _UNIVERSAL.search(c.text)
            places = places_in(c.text)
            preds = predicate_classes(c.text[m.end():] if m else "")
            if not m or not places or not preds:
                continue
            source, label = prov.source(c, art)
            out.append(Intent(c.id, art.id, c.text, noun_lemma(m.group(2)), preds,
                              frozenset(p.lower() for p in places), source, label, prov.origin(c, art)))
    return out


def intent_conflicts(intents: list[Intent], mentions: list[Mention], story: str | None,
                     across: Callable[[str, str], bool] | None = None) -> list[Comparison]:
    """A stated intent against a reported outcome: "all would die in X" vs "250 were allowed to leave X"."""
    by_head: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.kind == "count" and m.head and not m.is_sum:
            by_head[m.head].append(m)
    out = []
    for it in intents:
        outcomes = []
        for m in by_head.get(it.head, []):
            if across is not None and not across(it.doc_id, m.doc_id):
                continue
            if m.source == it.source or m.flags & ({"modal", "negated"} | SCOPE_MARKS) or not m.predicates:
                continue
            if (m.figure() or 0) <= 0 or not any(p in m.sentence_text.lower() for p in it.places):
                continue
            shared = it.predicates & m.predicates or any(
                frozenset({x, y}) in COMPATIBLE_PREDICATES for x in it.predicates for y in m.predicates)
            if not shared:
                outcomes.append(m)
        if not outcomes:
            continue
        # the most specific report first: a figure rather than a vague amount
        outcomes.sort(key=lambda m: (m.bound not in ("exact", "approx"), m.doc_id, m.start))
        first = outcomes[0]
        said = first.sentence_text.strip()
        said = said if len(said) <= 160 else said[:157].rstrip() + "…"
        more = f" ({len(outcomes) - 1} more report{'s' if len(outcomes) > 2 else ''} agree)" \
            if len(outcomes) > 1 else ""
        claims = list(dict.fromkeys([it.claim_id] + [c for m in outcomes for c in m.claim_ids]))
        out.append(Comparison(
            measure=f"{first.counted or it.head} in {', '.join(sorted(it.places)).title()}",
            claims=claims, verdict="conflict",
            explanation=f"{it.source_label} said “{it.text.strip()}”, but {first.source_label} "
                        f"reported: “{said}”{more}.",
            story=story, kind="intent_vs_outcome",
            sources=list(dict.fromkeys([it.source_label] + [m.source_label for m in outcomes])),
            independent_origins=independent_origins([it.origin] + [m.origin for m in outcomes])))
    return out


def compare_story(articles: list[Article], story: str | None = None,
                  opts: CompareOptions = DEFAULTS) -> list[Comparison]:
    """All comparisons of one story's articles (within each article and across them)."""
    mentions = story_mentions(articles, opts)
    return compare_mentions(mentions, story, opts=opts) + intent_conflicts(story_intents(articles), mentions, story)


def compare_related(first: list[Article], second: list[Article], story: str | None = None,
                    opts: CompareOptions = DEFAULTS) -> list[Comparison]:
    """Agreement between two related stories (same topic; maybe one event split in two).

    Figures that agree, with stronger evidence than inside a story, are reported; a different
    figure in a related story is more likely another event, so a conflict only when both are said
    of the same place or names (:func:`same_event`). A stated intent about a named place and an
    outcome reported there are compared as well.
    """
    ids = {a.id for a in first}
    mentions = story_mentions(first + second, opts)
    out = compare_mentions(mentions, story, across=lambda a, b: (a.doc_id in ids) != (b.doc_id in ids),
                           min_agree=opts.related_agree_score, opts=opts)
    return out + intent_conflicts(story_intents(first + second), mentions, story,
                                  across=lambda a, b: (a in ids) != (b in ids))
