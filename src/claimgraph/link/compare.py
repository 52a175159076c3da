"""Comparisons: figures about one measure from different sources, and whether they agree.

Per story, mentions (see :mod:`.measures`) are blocked by counted noun, predicate or unit, so only
candidates that could measure the same thing are paired; across documents a sorted sweep pairs
figures within a bounded ratio, so cost stays near-linear in the corpus.

Each pair is judged by :func:`claimgraph.link.judge.judge` (intervals, evidence, the deciding
rule). Pairs judged one measure form a measure; inside it the asserted figures fall into sides by
their intervals (:func:`sides_of`), and a measure yields

* a **conflict** standing the sides that contradict each other against each other (``sides``),
  or those who deny a figure against those who assert it;
* an **updated** timeline when one source revised its figure, or a total is said to have moved;
* a **consistent** comparison per side for its agreeing, independent sources (never chained:
  agreement inside a side only, whose intervals share a point).

Every comparison names the exact figures it compares (``quantities``: claim id and index).
Wording lives in :mod:`.wording`, stated intents against outcomes in :mod:`.intents`.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date
from itertools import combinations

from claimgraph.lexicon.measures import (
    GENERIC_HEADS,
)
from claimgraph.link.intents import intent_conflicts, story_intents
from claimgraph.link.judge import (
    DEFAULTS,
    Judgement,
    complements,
    interval,
    judge,
    relate,
    shares_place,
    value_ratio,
    values_agree,
)
from claimgraph.link.wording import (
    conflict_explanation,
    consistent_explanation,
    denial_explanation,
    describe,
    measure_name,
)
from claimgraph.model import Article, Comparison

from .measures import Mention, block_keys, distinctive, document_mentions, stem
from .mention_cache import MentionCache
from .provenance import Provenance, independent_origins, speaker_label
from .settings import CompareOptions
from .timeline import build_timeline, ordered_reports, stale_repeat, timeline_explanation

SAME_EVENT_DAYS = 7  # figures of related stories this close in time may be about one event
# the names other modules and the tests import from here
__all__ = ["Judgement", "candidate_pairs", "compare_mentions", "compare_related", "compare_story", "describe",
           "interval", "judge", "mark_rare_context", "relate", "sides_of", "story_mentions", "values_agree"]

# ---------------------------------------------------------------- candidate pairs


def candidate_pairs(mentions: list[Mention], opts: CompareOptions = DEFAULTS, *,
                    within_documents: bool = True) -> Iterable[tuple[int, int]]:
    """Index pairs worth relating: same block; all pairs in one document (unless
    ``within_documents`` is false: two related stories only relate figures across them), a value
    sweep across."""
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
        for idx in by_doc.values() if within_documents else ():
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
                story: str | None, sides: list[list[Mention]] | None = None,
                timeline: list[dict[str, object]] | None = None) -> Comparison:
    sources = list(dict.fromkeys(m.source_label for m in sorted(ms, key=lambda m: (m.doc_id, m.start))))
    claims = _claims(ms) if verdict != "updated" else list(dict.fromkeys(c for m in ms for c in m.claim_ids))
    return Comparison(measure=measure, claims=claims, verdict=verdict,  # type: ignore[arg-type]
                      explanation=explanation, story=story, kind="numeric", sources=sources,
                      independent_origins=independent_origins(m.origin for m in ms),
                      sides=[_claims(side) for side in sides or []], quantities=_quantities(ms),
                      timeline=timeline if timeline is not None else build_timeline(ordered_reports(ms)))


def story_mentions(articles: list[Article], opts: CompareOptions = DEFAULTS,
                   cache: MentionCache | None = None) -> list[Mention]:
    """Mentions of every article of a story, with sources, origins and copy groups filled in.

    With ``cache`` (one per link run), each document's mentions are built once and copied here.
    """
    prov = Provenance(articles)
    out: list[Mention] = []
    for art in articles:
        claims = {c.id: c for c in art.claims}
        for m in cache.mentions(art) if cache is not None else document_mentions(art, opts):
            m.reach = opts.bound_reach
            claim = claims[m.claim_ids[0]]
            m.source, m.source_label = prov.source(claim, art)
            m.speaker = prov.speaker_key(claim)
            # the speaker's own name beside the number says who, not what
            m.proper = m.proper - {stem(w) for w in re.findall(r"[\w'-]+", speaker_label(claim))}
            m.copy_group, m.origin = prov.copy_group_and_origin(claim, art, m.sentence_text)
            m.published = art.published
            m.outlet = art.outlet or ""
            m.speaker_name = claim.speaker or ""
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
    if shares_place(a, b):
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
    for i, j in candidate_pairs(mentions, opts, within_documents=across is None):
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

    agreeing: list[list[Mention]] = []  # emitted once every conflict is known (see _without_opposed)
    opposed: set[frozenset[str]] = set()
    for root, idx in groups.items():
        if len(idx) < 2:
            continue
        agree = by_root.get("agree", {}).get(root, [])
        asserted = [k for k in idx if not mentions[k].negated]
        sides = sides_of([mentions[k] for k in asserted])
        side_by_id = {m.id: n for n, side in enumerate(sides) for m in side}
        side_of = {k: side_by_id[mentions[k].id] for k in asserted}
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
            if all(_part_of_statement(m) for m in taking):
                for x, y in combinations(out_sides, 2):
                    opposed.update(frozenset((p, q)) for m in sides[x] for n in sides[y]
                                   for p in m.claim_ids for q in n.claim_ids if p != q)
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
            core = set(k for p in updates for k in p)
            ms = [mentions[k] for k in sorted(core) if not mentions[k].negated]
            measure = measure_name(ms)
            # a report that agrees with one of these figures joins the timeline when it repeats
            # a figure that was already superseded (who kept repeating the old figure)
            for k in sorted({k for p in agree if set(p) & core for k in p} - core):
                if not mentions[k].negated and stale_repeat(ms, mentions[k]):
                    ms.append(mentions[k])
            ms = ordered_reports(ms)
            timeline = build_timeline(ms)
            emit(_comparison("updated", ms, timeline_explanation(measure, timeline, ms), measure, story,
                             timeline=timeline))
        denied_idx = [k for k in idx if mentions[k].negated]
        covered: set[int] = set()
        for part in [[k for k in asserted if side_of[k] == n] for n in range(len(sides))] + [denied_idx]:
            for cl_idx in _agreeing_clusters(part, agree):
                cl = [mentions[k] for k in cl_idx]
                if _independent(cl):
                    covered.update(cl_idx)
                    agreeing.append(cl)
        # agreement the sides split: a cut and what is left ("23 percent cut", "77 percent"), or a
        # figure left alone on its side because a wide one it agrees with was grouped with another
        # ("20,715" beside "fewer than 21,000", which went with "about 14,000")
        for i, j in agree:
            if side_of.get(i) == side_of.get(j):
                continue
            pair = [mentions[i], mentions[j]]
            if complements(*pair) or (values_agree(*pair) is True and not {i, j} <= covered):
                if _independent(pair):
                    agreeing.append(pair)
    for cl in agreeing:
        if all(_part_of_statement(m) for m in cl):
            cl = _without_opposed(cl, opposed)
        if _independent(cl):
            name = measure_name(cl)
            emit(_comparison("consistent", cl, consistent_explanation(name, cl), name, story))
    return out


def _part_of_statement(m: Mention) -> bool:
    """A figure that is one part of a statement with several: a side of a vote tally ("257-167"),
    an item of an inventory ("armed with a shotgun and two handguns")."""
    return m.tally is not None or "inventory" in m.flags


def _without_opposed(ms: list[Mention], opposed: set[frozenset[str]]) -> list[Mention]:
    """An agreeing group without the figures whose claims conflict with another member's claim on
    another part of the same statement (``opposed``: claim pairs on opposite sides of such a conflict).

    A tally or an inventory is said as a whole: "257-157" agrees with "257-167" on the votes for
    and conflicts on the votes against, so the two reports are shown as a conflict, not also as
    consistent. The figure with the most such clashes goes first; the rest still agree.
    """
    if not opposed:
        return ms
    ms = list(ms)
    while True:
        clash = {id(m): sum(frozenset((c, d)) in opposed for c in m.claim_ids for o in ms if o is not m
                            for d in o.claim_ids) for m in ms}
        worst = max(ms, key=lambda m: (clash[id(m)], m.doc_id, m.start))
        if not clash[id(worst)]:
            return ms
        ms.remove(worst)


# ---------------------------------------------------------------- stated intent vs reported outcome


def compare_story(articles: list[Article], story: str | None = None,
                  opts: CompareOptions = DEFAULTS, cache: MentionCache | None = None) -> list[Comparison]:
    """All comparisons of one story's articles (within each article and across them)."""
    mentions = story_mentions(articles, opts, cache)
    return compare_mentions(mentions, story, opts=opts) + intent_conflicts(story_intents(articles), mentions, story)


def compare_related(first: list[Article], second: list[Article], story: str | None = None,
                    opts: CompareOptions = DEFAULTS, cache: MentionCache | None = None) -> list[Comparison]:
    """Agreement between two related stories (same topic; maybe one event split in two).

    Figures that agree, with stronger evidence than inside a story, are reported; a different
    figure in a related story is more likely another event, so a conflict only when both are said
    of the same place or names (:func:`same_event`). A stated intent about a named place and an
    outcome reported there are compared as well.
    """
    ids = {a.id for a in first}
    mentions = story_mentions(first + second, opts, cache)
    out = compare_mentions(mentions, story, across=lambda a, b: (a.doc_id in ids) != (b.doc_id in ids),
                           min_agree=opts.related_agree_score, opts=opts)
    return out + intent_conflicts(story_intents(first + second), mentions, story,
                                  across=lambda a, b: (a in ids) != (b in ids))
