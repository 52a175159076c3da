"""The analysis JSON of ``shared/eval/README.md``: a public contract (extend, never break)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..model import Article, Comparison, Story

CONTRACT_VERSION = "1.0"


def document_json(art: Article) -> dict[str, Any]:
    return {
        "id": art.id, "title": art.title, "outlet": art.outlet, "author": art.author,
        "published": art.published, "published_raw": art.published_raw, "url": art.url, "text": art.text,
        "duplicate_of": art.duplicate_of, "content_hash": art.content_hash,
        "claims": [c.to_dict() for c in art.claims],
    }


def story_json(s: Story) -> dict[str, Any]:
    return {"id": s.id, "documents": s.documents, "related": s.related, "title": s.title, "terms": s.terms}


def comparison_json(c: Comparison) -> dict[str, Any]:
    return {"measure": c.measure, "claims": c.claims, "verdict": c.verdict, "explanation": c.explanation,
            "story": c.story, "kind": c.kind, "sources": c.sources,
            "independent_origins": c.independent_origins, "sides": c.sides, "quantities": c.quantities}


def analysis_json(documents: list[Article], stories: list[Story], comparisons: list[Comparison],
                  **extra: Any) -> dict[str, Any]:
    return {
        "claimgraph": {"contract": CONTRACT_VERSION, **extra},
        "documents": [document_json(d) for d in documents],
        "stories": [story_json(s) for s in stories],
        "comparisons": [comparison_json(c) for c in comparisons],
    }


def write_json(data: dict[str, Any], path: str | Path) -> None:
    """Write atomically: a crash never leaves a half-written analysis behind."""
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
    tmp.replace(path)
