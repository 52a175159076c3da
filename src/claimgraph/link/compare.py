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
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

from ..model import Article, Comparison
from . import lexicon as lx
from .measures import Mention, block_keys, distinctive, document_mentions
from .provenance import Provenance, independent_origins

# Across documents, figures further apart than this are taken as different measures, not a conflict.
MAX_CROSS_DOC_RATIO = 2.0
# Inside one article, two named sources may differ more (an article sets them side by side).
MAX_SAME_DOC_RATIO = 5.0
# How far the sorted sweep looks for candidates across documents (ratio of figures).
SWEEP_RATIO = 2.5
SWEEP_LIMIT = 60  # neighbours per mention at most, so one crowded block cannot go quadratic
SCOPE_FLAGS = frozenset({"scope", "increment", "rate", "negated", "running"})

# ---------------------------------------------------------------- values


def interval(m: Mention) -> tuple[float, float]:
    """The values a mention allows, given its precision, approximation and bound."""
    if m.is_sum:  # a sum of parts allows the sum of what each part allows
        ends = [interval(p) for p in m.parts]
        return sum(lo for lo, _ in ends), sum(hi for _, hi in ends)
    f = m.figure()
    assert f is not None
    tol = m.tolerance
    if m.bound == "lower":
        return (m.low if m.low is not None else f) - tol, math.inf
    if m.bound == "upper":
        return min(0.0, f), (m.high if m.high is not None else f) + tol
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
    sentence: int  # further shared words of the two sentences
    predicates: str  # shared | disjoint | unknown


def predicate_relation(a: Mention, b: Mention) -> str:
    if not a.predicates or not b.predicates:
        return "unknown"
    if a.predicates & b.predicates:
        return "shared"
    if any(frozenset({x, y}) in lx.COMPATIBLE_PREDICATES for x in a.predicates for y in b.predicates):
        return "shared"
    return "disjoint"


def evidence(a: Mention, b: Mention) -> Evidence:
    shared = a.context.keys() & b.context.keys()
    ctx = sum(2.0 if (s in a.proper or s in b.proper) else 1.0 for s in shared)
    sent = len((a.sentence & b.sentence) - shared - {a.head, b.head})
    head_equal = a.head is not None and a.head == b.head
    head_weak = not head_equal and a.head is not None and b.head is not None and (
        any(a.head == k or a.head == v for k, v in b.context.items()) or
        any(b.head == k or b.head == v for k, v in a.context.items()) or
        bool((a.words & b.words) - lx.GENERIC_HEADS))
    return Evidence(head_equal, head_weak, ctx, sent, predicate_relation(a, b))


def units_compatible(a: Mention, b: Mention) -> bool:
    if a.kind != b.kind:
        return False
    if a.kind == "count":
        return True
    return a.unit == b.unit or (a.kind == "money" and (a.unit is None or b.unit is None))


def _agree_edge(a: Mention, b: Mention, ev: Evidence) -> bool:
    if a.is_sum or b.is_sum:
        total = b if a.is_sum else a
        if total.is_sum or total.head not in lx.CATEGORY_TOTALS["person"]:
            return False
        return ev.head_equal and (ev.predicates == "shared" or ev.context >= 1)
    both_distinctive = distinctive(a) and distinctive(b)
    score = ev.context + 0.5 * min(ev.sentence, 4) + (1.0 if ev.predicates == "shared" else 0.0) + \
        (1.0 if both_distinctive else 0.0)
    if a.kind in ("count", "measure") and (a.head or b.head):
        if not (ev.head_equal or ev.head_weak or (both_distinctive and ev.context >= 1)):
            return False
        return score + 2.0 * ev.head_equal + ev.head_weak >= 2.5
    return score >= 2.5 and (ev.context >= 1 or both_distinctive)


def _conflict_edge(a: Mention, b: Mention, ev: Evidence) -> bool:
    if a.is_sum or b.is_sum:  # sums of parts only ever confirm a total
        return False
    if (a.flags | b.flags) & SCOPE_FLAGS or ("modal" in a.flags) != ("modal" in b.flags):
        return False
    if {a.bound, b.bound} & {"lower", "upper"}:  # a limit is not a figure: "at most 3 years"
        return False
    if a.doc_id == b.doc_id:
        # inside one article only two named sources set side by side make a conflict
        if not (a.speaker and b.speaker) or value_ratio(a, b) > MAX_SAME_DOC_RATIO:
            return False
    elif value_ratio(a, b) > MAX_CROSS_DOC_RATIO:
        return False
    # "three state senators" is not "two senators": a lower-case qualifier must be in both
    if (a.qualifiers - b.context.keys()) or (b.qualifiers - a.context.keys()):
        return False
    if a.times and b.times and not a.times & b.times:
        return False
    if a.places and b.places and not a.places & b.places:
        return False
    if a.kind in ("count", "measure") and (a.head or b.head):
        if not ev.head_equal:
            return False
        if a.head in lx.GENERIC_HEADS:
            return ev.predicates == "shared" and ev.context >= 1
        small = max(a.figure() or 0, b.figure() or 0) <= 12
        if small and a.doc_id != b.doc_id:  # "two senators" vs "three senators" are often two groups
            return ev.context >= 2 and ev.predicates == "shared"
        return ev.context >= 1 or ev.predicates == "shared"
    # no counted noun (money, percentages): the words that single this amount out must match
    rare = len(a.context.keys() & b.context.keys() & a.rare & b.rare)
    return rare >= 2


def relate(a: Mention, b: Mention) -> str | None:
    """``"agree"``, ``"conflict"`` or None (not the same measure, or nothing safe to say)."""
    if not units_compatible(a, b) or a.figure() is None or b.figure() is None:
        return None
    if set(a.claim_ids) & set(b.claim_ids) and a.source == b.source and (a.is_sum or b.is_sum):
        return None  # a sum against one of its own parts
    ev = evidence(a, b)
    if ev.predicates == "disjoint":
        return None
    if values_agree(a, b):
        return "agree" if _agree_edge(a, b, ev) else None
    if a.source == b.source:
        return None
    return "conflict" if _conflict_edge(a, b, ev) else None


# ---------------------------------------------------------------- candidate pairs


def candidate_pairs(mentions: list[Mention]) -> Iterable[tuple[int, int]]:
    """Index pairs worth relating: same block; all pairs in one document, a value sweep across."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        for key in block_keys(m):
            blocks[key].append(i)
        if distinctive(m) and not m.is_sum:  # "42 Senate Republicans" ~ "42 members of the caucus"
            blocks[f"value:{m.kind}:{m.unit}:{m.figure():.6g}"].append(i)
    seen: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) < 2:
            continue
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
            for j in ordered[pos + 1: pos + 1 + SWEEP_LIMIT]:
                fj = mentions[j].figure() or 0.0
                if fi > 0 and fj > fi * SWEEP_RATIO and mentions[i].bound != "lower":
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


def measure_name(ms: list[Mention]) -> str:
    """A short name for what the mentions measure: counted noun, predicate and place, or unit."""
    plain = [m for m in ms if not m.is_sum] or ms
    counted = sorted((m.counted for m in plain if m.counted), key=lambda c: (len(c), c))
    preds = [w for m in plain for w in m.predicate_words]
    places = sorted({p for m in plain for p in m.places})
    if plain[0].kind == "count":
        name = counted[0] if counted else (plain[0].head or "count")
        if any(m.is_sum for m in ms):
            name = f"{name} in all"
    else:
        unit = plain[0].unit or plain[0].kind
        common = set(plain[0].context)
        for m in plain[1:]:
            common &= set(m.context)
        words = [plain[0].context[s] for s in plain[0].context if s in common][:4]
        name = f"{plain[0].kind} ({unit})" + (f": {' '.join(words)}" if words else "")
    if preds:
        name += f" — {preds[0].lower()}"
    if places:
        name += f" ({', '.join(places[:2]).title()})"
    return name


def _said(m: Mention) -> str:
    return f"{m.source_label or 'the article'} said {describe(m)}"


def conflict_explanation(measure: str, a: Mention, b: Mention, rest: list[Mention]) -> str:
    others = [m for m in rest if m is not a and m is not b and m.source != a.source and m.source != b.source]
    tail = "".join(f"; {_said(m)}" for m in others[:2])
    return f"On {measure}, {_said(a)}, but {_said(b)}{tail}."


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
                story: str | None) -> Comparison:
    sources = list(dict.fromkeys(m.source_label for m in sorted(ms, key=lambda m: (m.doc_id, m.start))))
    return Comparison(measure=measure, claims=_claims(ms), verdict=verdict,  # type: ignore[arg-type]
                      explanation=explanation, story=story, kind="numeric", sources=sources,
                      independent_origins=independent_origins(m.origin for m in ms))


def story_mentions(articles: list[Article]) -> list[Mention]:
    """Mentions of every article of a story, with sources, origins and copy groups filled in."""
    prov = Provenance(articles)
    out: list[Mention] = []
    for art in articles:
        claims = {c.id: c for c in art.claims}
        for m in document_mentions(art):
            claim = claims[m.claim_ids[0]]
            m.source, m.source_label = prov.source(claim, art)
            m.speaker = prov.speaker_key(claim)
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


def compare_mentions(mentions: list[Mention], story: str | None = None) -> list[Comparison]:
    """Group mentions into measures and judge each measure's sources."""
    mark_rare_context(mentions)
    uf, agree_uf = _Union(len(mentions)), _Union(len(mentions))
    conflicts: list[tuple[int, int]] = []
    agreements: list[tuple[int, int]] = []
    for i, j in candidate_pairs(mentions):
        rel = relate(mentions[i], mentions[j])
        if rel is None:
            continue
        uf.union(i, j)
        if rel == "agree":
            agree_uf.union(i, j)
            agreements.append((i, j))
        else:
            conflicts.append((i, j))
    # per measure, the pairs of sources that agree somewhere
    agreeing_sources = {(uf.find(i), frozenset({mentions[i].source, mentions[j].source})) for i, j in agreements}
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(mentions)):
        groups[uf.find(i)].append(i)
    out: list[Comparison] = []
    seen: set[tuple[str, tuple[str, ...]]] = set()

    def emit(c: Comparison) -> None:
        key = (c.verdict, tuple(sorted(c.claims)))
        if key not in seen and len(c.claims) >= 2:
            seen.add(key)
            out.append(c)

    by_root_conflicts: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for i, j in conflicts:
        # a source that agrees with the other somewhere (another scope, a second figure) is no conflict
        if (uf.find(i), frozenset({mentions[i].source, mentions[j].source})) not in agreeing_sources:
            by_root_conflicts[uf.find(i)].append((i, j))
    for root, idx in groups.items():
        if len(idx) < 2:
            continue
        ms = [mentions[i] for i in idx]
        measure = measure_name(ms)
        pairs = by_root_conflicts.get(root)
        if pairs:
            i, j = max(pairs, key=lambda p: value_ratio(mentions[p[0]], mentions[p[1]]))
            a, b = sorted((mentions[i], mentions[j]), key=lambda m: (m.doc_id, m.start))
            involved = {mentions[k].id for p in pairs for k in p}
            rest = [m for m in ms if m is not a and m is not b]
            rest.sort(key=lambda m: (m.id not in involved, m.doc_id, m.start))
            emit(_comparison("conflict", ms, conflict_explanation(measure, a, b, rest), measure, story))
        clusters: dict[int, list[Mention]] = defaultdict(list)
        for i in idx:
            clusters[agree_uf.find(i)].append(mentions[i])
        for cl in clusters.values():
            # two sources, and not only one article with its own reprints
            if len({m.source for m in cl}) < 2 or len({m.copy_group for m in cl}) < 2:
                continue
            name = measure_name(cl)
            emit(_comparison("consistent", cl, consistent_explanation(name, cl), name, story))
    return out


def compare_story(articles: list[Article], story: str | None = None) -> list[Comparison]:
    """All comparisons of one story's articles (within each article and across them)."""
    return compare_mentions(story_mentions(articles), story)
