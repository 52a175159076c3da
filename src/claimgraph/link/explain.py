"""Why two claims' figures agree, conflict, were revised, or were not compared at all.

``explain_claims(store, a, b)`` rebuilds the figures of both claims the way the linker sees them
(inside their stories, so rare-word statistics match) and judges every pair of figures with
:func:`claimgraph.link.compare.judge`: the two intervals, the evidence that they measure one thing,
and the rule that decided, including the rule that stopped a candidate pair from being a conflict.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from ..model import Article
from ..store import Store
from . import render
from .compare import mark_rare_context, story_mentions
from .judge import Judgement, interval, judge
from .measures import Mention
from .settings import CompareOptions


class ExplainError(LookupError):
    """A claim id that is not in the store, or a claim without figures."""


@dataclass(frozen=True)
class PairExplanation:
    """One figure of each claim, and how the linker relates them."""

    a: dict[str, Any]
    b: dict[str, Any]
    relation: str | None  # agree | conflict | denial | update | None (not compared)
    rule: str
    evidence: dict[str, Any] | None
    comparisons: list[dict[str, Any]]  # stored comparisons that hold both claims

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "relation": self.relation, "rule": self.rule,
                "evidence": self.evidence, "comparisons": self.comparisons}


def _finite(x: float) -> float | None:
    return x if math.isfinite(x) else None


def shown_interval(m: Mention) -> str:
    """The figure's interval in the unit it was written in ("10.8–13.2 ft", "at least 500")."""
    lo, hi = interval(m)
    if not math.isfinite(hi):
        return f"at least {render.value(m.shown.shown(lo), m.shown)}"
    return render.span(m.shown.shown(lo), m.shown.shown(hi), m.shown)


def figure_dict(m: Mention) -> dict[str, Any]:
    """What the linker knows of one figure, in the units it compares (see ``unit``); ``shown`` is
    the interval in the unit the figure was written in."""
    lo, hi = interval(m)
    return {"claim": m.claim_ids[0], "index": m.index, "text": m.text, "source": m.source_label,
            "published": m.published, "kind": m.kind, "unit": m.unit, "bound": m.bound,
            "interval": [_finite(lo), _finite(hi)], "shown": shown_interval(m),
            "written_unit": m.shown.label or None, "counted": m.counted, "head": m.head,
            "predicates": sorted(m.predicates), "qualifiers": sorted(m.qualifiers),
            "places": sorted(m.places), "times": sorted(m.times), "flags": sorted(m.flags),
            "age_of": m.age_of, "sentence": m.sentence_text.strip()}


def _doc_of(store: Store, claim_id: str) -> Article:
    doc_id = claim_id.rsplit("#", 1)[0]
    art = store.get_document(doc_id, with_claims=True)
    if art is None or not any(c.id == claim_id for c in art.claims):
        raise ExplainError(f"no claim {claim_id!r} in the store")
    return art


def _story_articles(store: Store, doc_ids: set[str]) -> list[Article]:
    """The articles of every story holding one of ``doc_ids`` (the documents alone if unclustered)."""
    wanted = set(doc_ids)
    for story in store.stories():
        if wanted & set(story.documents):
            wanted |= set(story.documents)
    return list(store.documents(sorted(wanted), with_claims=True))


def explain_claims(store: Store, claim_a: str, claim_b: str,
                   opts: CompareOptions | None = None) -> list[PairExplanation]:
    """Every pair of figures of ``claim_a`` and ``claim_b``, judged as the linker judges them."""
    opts = opts or CompareOptions()
    docs = {_doc_of(store, claim_a).id, _doc_of(store, claim_b).id}
    mentions = story_mentions(_story_articles(store, docs), opts)
    mark_rare_context(mentions)
    first = [m for m in mentions if claim_a in m.claim_ids and not m.is_sum]
    second = [m for m in mentions if claim_b in m.claim_ids and not m.is_sum]
    if not first or not second:
        missing = claim_a if not first else claim_b
        raise ExplainError(f"claim {missing!r} has no figure to compare")
    stored = [{"verdict": c.verdict, "measure": c.measure, "explanation": c.explanation, "sides": c.sides}
              for c in store.comparisons() if claim_a in c.claims and claim_b in c.claims]
    out = []
    for a in first:
        for b in second:
            j: Judgement = judge(a, b, None, opts)
            ev = None if j.evidence is None else {
                "same_counted_noun": j.evidence.head_equal, "related_counted_noun": j.evidence.head_weak,
                "shared_context": j.evidence.context, "shared_wider_context": j.evidence.wide,
                "shared_sentence_words": j.evidence.sentence, "predicates": j.evidence.predicates}
            out.append(PairExplanation(figure_dict(a), figure_dict(b), j.relation, j.rule, ev, stored))
    return out


def describe_pair(p: PairExplanation) -> str:
    """A few plain lines for the terminal."""
    def side(f: dict[str, Any]) -> str:
        what = f"{f['counted'] or f['head'] or f['kind']}" + (f", {', '.join(f['predicates'])}" if f["predicates"] else "")
        return f"{f['claim']} [{f['index']}] {f['text']!r} ({f['source']}): {f['shown']} — {what}"
    verdict = p.relation or "not compared"
    lines = [side(p.a), side(p.b), f"  => {verdict}: {p.rule}"]
    if p.evidence:
        lines.append("  evidence: " + ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in p.evidence.items()))
    for c in p.comparisons:
        lines.append(f"  stored: {c['verdict']} on {c['measure']}")
    return "\n".join(lines)
