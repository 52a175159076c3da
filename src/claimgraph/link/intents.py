"""A stated intent about all of a group in a place, against a reported outcome there
("all fighters in X would die in X" against "250 fighters were allowed to leave X")."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from claimgraph.lexicon.measures import (
    COMPATIBLE_PREDICATES,
)
from claimgraph.link.judge import SCOPE_MARKS
from claimgraph.link.measures import Mention, noun_lemma, places_in, predicate_classes
from claimgraph.link.provenance import Provenance, independent_origins
from claimgraph.model import Article, Comparison

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
            if not m:  # the cheap tests first: few claims speak of all of a group
                continue
            preds = predicate_classes(c.text[m.end():])
            places = places_in(c.text) if preds else []
            if not places or not preds:
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
