"""Plain data behind the tables every presentation shares (web pages, dossier, CSV).

The measure table has one row per comparison and one column per source. A "source" is the
outlet when the claims come from several outlets (the usual cross-outlet case, with the speaker
shown inside the cell), and the speaker when every claim comes from one outlet (e.g. an article
that quotes two officials who disagree).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from typing import Any

from ..model import Article, Claim, Comparison, Quantity, Story
from ..store import Store
from ..store.queries import claim_doc_ids

UNKNOWN_OUTLET = "unknown outlet"
_WORD = re.compile(r"[a-z]+")
_CLAIM_FIELDS = [f.name for f in fields(Claim)]
_QUANTITY_FIELDS = [f.name for f in fields(Quantity)]


def claim_dict(c: Claim) -> dict[str, Any]:
    """The same dict as ``Claim.to_dict()``, built shallowly: ``dataclasses.asdict`` deep-copies
    every field and was most of the time of a search page."""
    d = {k: getattr(c, k) for k in _CLAIM_FIELDS}
    d["via"] = list(c.via)
    qs = []
    for q in c.quantities:
        qd = {k: getattr(q, k) for k in _QUANTITY_FIELDS}
        if qd.get("normalized") is not None:
            qd["normalized"] = dict(qd["normalized"])
        qs.append(qd)
    d["quantities"] = qs
    return d


def outlet_label(doc: Article | None) -> str:
    """The outlet name to show for a document (never empty)."""
    if doc is None:
        return UNKNOWN_OUTLET
    return (doc.outlet or "").strip() or UNKNOWN_OUTLET


def claim_source(claim: Claim, doc: Article | None) -> str:
    """Who a claim comes from: its speaker when attributed, else the outlet's own voice."""
    return (claim.speaker or claim.speaker_mention or "").strip() or outlet_label(doc)


def doc_title(doc: Article) -> str:
    """A title to show even for untitled documents."""
    return (doc.title or "").strip() or doc.id


def story_title(story: Story, docs: Iterable[Article] = ()) -> str:
    """The story's title, else its first article's, else its key terms, else its id."""
    if story.title and story.title.strip():
        return story.title.strip()
    for d in docs:
        if d.title and d.title.strip():
            return d.title.strip()
    return ", ".join(story.terms[:5]) or story.id


def _words(text: str) -> set[str]:
    # crude plural folding, enough to match "homes" in a measure with "home" in ``counted``
    return {w[:-1] if len(w) > 3 and w.endswith("s") else w for w in _WORD.findall(text.lower())}


def compared_quantity(claim: Claim, comp: Comparison) -> Quantity | None:
    """The quantity of ``claim`` that ``comp`` compares: the one it names, or (for comparisons
    stored before they named their figures) the likeliest by its measure's words."""
    for ref in comp.quantities:
        idx = ref.get("index")
        if ref.get("claim") == claim.id and isinstance(idx, int) and 0 <= idx < len(claim.quantities):
            return claim.quantities[idx]
    return pick_quantity(claim, comp.measure)


def side_of(claim_id: str, comp: Comparison) -> int | None:
    """Which side of a conflict a claim stands on (0, 1, ...), None outside conflicts."""
    for n, side in enumerate(comp.sides):
        if claim_id in side:
            return n
    return None


def pick_quantity(claim: Claim, measure: str) -> Quantity | None:
    """The quantity of ``claim`` that a comparison about ``measure`` most likely refers to."""
    if not claim.quantities:
        return None
    want = _words(measure)
    best, best_score = None, -1.0
    for q in claim.quantities:
        have = _words(f"{q.counted or ''} {q.unit or ''} {q.text}")
        score = len(want & have) + (0.5 if quantity_value(q) is not None else 0.0)
        if score > best_score:  # first best wins: text order breaks ties
            best, best_score = q, score
    return best


def quantity_value(q: Quantity | None) -> float | None:
    """One number for a quantity: normalized value, value, or the middle of its range."""
    if q is None:
        return None
    norm = q.normalized or {}
    v = norm.get("value")
    if isinstance(v, int | float) and not isinstance(v, bool):
        return float(v)
    if q.value is not None:
        return float(q.value)
    if q.low is not None and q.high is not None:
        return (q.low + q.high) / 2
    return q.low if q.low is not None else q.high


@dataclass
class Cell:
    """One claim inside a measure row."""

    claim: Claim
    doc: Article
    quantity: Quantity | None
    source: str
    side: int | None = None  # in a conflict: which side this claim stands on (0, 1, ...)

    @property
    def value(self) -> float | None:
        return quantity_value(self.quantity)

    @property
    def shown(self) -> str:
        """What the cell shows: the quantity as written, else the claim itself."""
        if self.quantity is not None:
            return self.quantity.text
        text = self.claim.text.strip()
        return text if len(text) <= 140 else text[:137].rstrip() + "…"

    def to_json(self) -> dict[str, Any]:
        q = self.quantity
        return {"claim": self.claim.id, "doc": self.doc.id, "outlet": self.doc.outlet, "source": self.source,
                "speaker": self.claim.speaker or self.claim.speaker_mention, "cue": self.claim.cue,
                "hedged": self.claim.hedged, "text": self.claim.text,
                "quantity": q.text if q else None, "value": self.value,
                "low": q.low if q else None, "high": q.high if q else None, "side": self.side}


@dataclass
class MeasureRow:
    """A comparison laid out by source."""

    index: int
    comparison: Comparison
    cells: dict[str, list[Cell]]
    missing: list[str] = field(default_factory=list)  # claim ids the store no longer has

    @property
    def conflict(self) -> bool:
        return self.comparison.verdict == "conflict"

    def explain_pair(self) -> list[str] | None:
        """Two claims whose figures decided this row (one from each of the first two sides, or the
        first two claims), for ``claimgraph explain`` and the explain page."""
        c = self.comparison
        if len(c.sides) >= 2 and c.sides[0] and c.sides[1]:
            return [c.sides[0][0], c.sides[1][0]]
        distinct = list(dict.fromkeys(c.claims))
        return distinct[:2] if len(distinct) >= 2 else None

    def all_cells(self) -> list[Cell]:
        return [c for cells in self.cells.values() for c in cells]

    def to_json(self, columns: list[str]) -> dict[str, Any]:
        c = self.comparison
        return {"index": self.index, "measure": c.measure, "verdict": c.verdict, "explanation": c.explanation,
                "kind": c.kind, "story": c.story, "claims": c.claims, "sources": c.sources,
                "independent_origins": c.independent_origins, "missing": self.missing,
                "sides": c.sides, "quantities": c.quantities, "timeline": c.timeline, "explain": self.explain_pair(),
                "cells": {col: [x.to_json() for x in self.cells.get(col, [])] for col in columns}}


@dataclass
class MeasureTable:
    """Rows of comparisons, one column per source; ``by`` says whether columns are outlets or speakers."""

    columns: list[str]
    rows: list[MeasureRow]
    by: str  # "outlet" | "source"

    def to_json(self) -> dict[str, Any]:
        return {"by": self.by, "columns": self.columns, "rows": [r.to_json(self.columns) for r in self.rows]}


ClaimIndex = dict[str, tuple[Claim, Article]]


def index_claims(docs: Iterable[Article]) -> ClaimIndex:
    """``claim id -> (claim, its article)`` for documents loaded with their claims."""
    return {c.id: (c, d) for d in docs for c in d.claims}


def load_claims(store: Store, claim_ids: Iterable[str], known: ClaimIndex | None = None) -> ClaimIndex:
    """Claims by id with their articles, reusing ``known`` and loading only the missing documents."""
    index: ClaimIndex = dict(known or {})
    wanted = [c for c in claim_ids if c not in index]
    if wanted:
        doc_ids = sorted(set(claim_doc_ids(store, wanted).values()))
        index.update(index_claims(store.documents(doc_ids)))
    return index


def measure_table(comparisons: list[Comparison], claims: ClaimIndex,
                  outlet_order: Iterable[str] = ()) -> MeasureTable:
    """Lay comparisons out with a column per source (see the module docstring for what a source is)."""
    outlets = {outlet_label(claims[x][1]) for c in comparisons for x in c.claims if x in claims}
    by = "outlet" if len(outlets) > 1 else "source"
    columns: list[str] = [o for o in dict.fromkeys(outlet_order) if o in outlets] if by == "outlet" else []
    rows = []
    for i, comp in enumerate(comparisons, 1):
        cells: dict[str, list[Cell]] = {}
        missing = []
        for cid in comp.claims:
            if cid not in claims:
                missing.append(cid)
                continue
            claim, doc = claims[cid]
            source = claim_source(claim, doc)
            col = outlet_label(doc) if by == "outlet" else source
            if col not in columns:
                columns.append(col)
            cells.setdefault(col, []).append(Cell(claim, doc, compared_quantity(claim, comp), source,
                                                 side_of(cid, comp)))
        rows.append(MeasureRow(i, comp, cells, missing))
    return MeasureTable(columns, rows, by)


@dataclass
class StoryView:
    """Everything a story page or dossier section shows."""

    story: Story
    title: str
    docs: list[Article]
    comparisons: list[Comparison]
    table: MeasureTable
    claims: ClaimIndex

    @property
    def outlets(self) -> list[str]:
        return list(dict.fromkeys(outlet_label(d) for d in self.docs))

    @property
    def conflicts(self) -> int:
        return sum(c.verdict == "conflict" for c in self.comparisons)

    def speakers(self) -> list[dict[str, Any]]:
        """Speakers quoted in the story, most claims first, with the outlets that quote them."""
        by: dict[str, dict[str, Any]] = {}
        for d in self.docs:
            for c in d.claims:
                name = (c.speaker or "").strip()
                if name:
                    e = by.setdefault(name, {"speaker": name, "claims": 0, "outlets": []})
                    e["claims"] += 1
                    if outlet_label(d) not in e["outlets"]:
                        e["outlets"].append(outlet_label(d))
        return sorted(by.values(), key=lambda e: (-e["claims"], e["speaker"].lower()))


def story_view(store: Store, story: Story, comparisons: list[Comparison] | None = None) -> StoryView:
    """Load a story's articles (with claims) and lay out its comparisons."""
    docs = list(store.documents(story.documents))
    comps = store.comparisons(story.id) if comparisons is None else comparisons
    claims = load_claims(store, [x for c in comps for x in c.claims], index_claims(docs))
    table = measure_table(comps, claims, (outlet_label(d) for d in docs))
    return StoryView(story, story_title(story, docs), docs, comps, table, claims)
