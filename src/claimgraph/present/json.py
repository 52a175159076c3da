"""The analysis JSON of ``shared/eval/README.md``: a public contract (extend, never break)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..extract.when import clause_day
from ..model import Article, Claim, Comparison, Speaker, Story
from .coverage import analysis_coverage

CONTRACT_VERSION = "1.0"


def document_json(art: Article) -> dict[str, Any]:
    return {
        "id": art.id, "title": art.title, "outlet": art.outlet, "author": art.author,
        "published": art.published, "published_raw": art.published_raw, "url": art.url, "text": art.text,
        "duplicate_of": art.duplicate_of, "content_hash": art.content_hash,
        "claims": [_claim_json(art, c) for c in art.claims],
    }


def _claim_json(art: Article, claim: Claim) -> dict[str, Any]:
    """A claim, each quantity with the ``day`` its clause names (resolved against the article's date)."""
    out = claim.to_dict()
    start = claim.sentence_start if claim.sentence_start is not None else claim.start
    end = claim.sentence_end if claim.sentence_end is not None else claim.end
    for q, qd in zip(claim.quantities, out["quantities"], strict=True):
        others = [(x.start, x.end) for x in claim.quantities if x is not q]
        qd["day"] = clause_day(art.text or "", start, end, q.start, q.end, others, art.published)
    return out


def story_json(s: Story) -> dict[str, Any]:
    return {"id": s.id, "documents": s.documents, "related": s.related, "title": s.title, "terms": s.terms}


def comparison_json(c: Comparison) -> dict[str, Any]:
    return {"measure": c.measure, "claims": c.claims, "verdict": c.verdict, "explanation": c.explanation,
            "story": c.story, "kind": c.kind, "sources": c.sources,
            "independent_origins": c.independent_origins, "sides": c.sides, "quantities": c.quantities,
            **({"timeline": c.timeline} if c.timeline and c.verdict == "updated" else {})}


def speaker_json(s: Speaker) -> dict[str, Any]:
    return s.to_dict()


def analysis_json(documents: list[Article], stories: list[Story], comparisons: list[Comparison],
                  speakers: list[Speaker] | None = None, **extra: Any) -> dict[str, Any]:
    timelines, coverage = analysis_coverage(stories, documents, comparisons)
    return {
        "claimgraph": {"contract": CONTRACT_VERSION, **extra},
        "documents": [document_json(d) for d in documents],
        "stories": [story_json(s) for s in stories],
        "comparisons": [comparison_json(c) for c in comparisons],
        "timelines": timelines,
        "coverage": coverage,
        "speakers": [speaker_json(s) for s in speakers or []],
    }


def write_json(data: dict[str, Any], path: str | Path) -> None:
    """Write atomically: a crash never leaves a half-written analysis behind."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
    tmp.replace(path)
