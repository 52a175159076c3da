"""The list pages' data: the store's summaries (``store/queries.py``) shaped for the pages.

The list pages aggregate over the whole store, so they use grouped queries restricted to one page
of rows instead of loading every article (a store may hold millions). This module holds no SQL:
it labels unknown outlets, falls back on a title for untitled stories and articles, and returns
JSON-ready dicts.
"""

from __future__ import annotations

from typing import Any

from ..present.tables import UNKNOWN_OUTLET
from ..store import Store
from ..store.queries import (
    article_page,
    count_outlets,
    count_speaker_names,
    document_meta,
    outlet_counts,
    speaker_stats,
    story_summaries,
    verdict_counts,
)
from ..store.queries import claim_outlets as stored_claim_outlets
from ..store.queries import speaker_stands as stored_speaker_stands
from ..store.queries import story_titles as stored_story_titles
from ..store.speaker_summaries import fresh, speaker_relations, stored_outlets


def summaries_fresh(store: Store) -> bool:
    """Does the store hold the speakers' outlet and relation figures, up to date?"""
    return fresh(store)


def speaker_outlets(store: Store, speaker_id: str) -> dict[str | None, int]:
    """``outlet -> claims`` of one speaker entity, as the speakers stage stored them (most claims
    first; '' for no outlet): ``claim_outlets(speaker_id=...)`` without reading its claims."""
    return dict(stored_outlets(store, speaker_id))


def speaker_relation_counts(store: Store, speaker_id: str) -> dict[str, list[tuple[str, int]]]:
    """``{"agrees": [(other speaker id, comparisons), ...], "conflicts": [...]}``, most first, as
    the speakers stage stored them."""
    return {kind: speaker_relations(store, speaker_id, kind) for kind in ("agrees", "conflicts")}


def _title(title: str | None, fallback: str) -> str:
    return (title or "").strip() or fallback


def overview(store: Store) -> dict[str, int]:
    """Counts for the page header."""
    verdicts = verdict_counts(store)
    return {
        "documents": store.count("documents"),
        "claims": store.count("claims"),
        "stories": store.count("stories"),
        "outlets": count_outlets(store),
        "conflicts": verdicts.get("conflict", 0),
        "consistent": verdicts.get("consistent", 0),
    }


def story_rows(store: Store, *, page: int, per_page: int, q: str | None = None) -> tuple[list[dict[str, Any]], int]:
    """One page of stories, conflicts first, with outlets, dates and counts; and the total."""
    summaries, total = story_summaries(store, page=page, per_page=per_page, q=q)
    rows = []
    for s in summaries:
        # an untitled story takes its first article's title, else its key terms, else its id
        title = _title(s.title, "") or _title(s.first_title, "") or ", ".join(s.terms[:5]) or s.id
        outlets = list(dict.fromkeys(_title(o, UNKNOWN_OUTLET) for o in s.outlets))
        rows.append({"id": s.id, "title": title, "terms": s.terms, "conflicts": s.conflicts,
                     "consistent": s.consistent, "documents": s.documents, "outlets": outlets,
                     "first_published": s.first_published, "last_published": s.last_published,
                     "claims": s.claims, "related": s.related})
    return rows, total


def article_rows(store: Store, *, page: int, per_page: int,
                 outlet: str | None = None) -> tuple[list[dict[str, Any]], int]:
    """One page of articles in ingest order, with their claim counts and stories; and the total."""
    rows, total = article_page(store, page=page, per_page=per_page, outlet=outlet)
    for r in rows:
        r["title"] = _title(r["title"], r["id"])
    return rows, total


def outlets(store: Store) -> list[dict[str, Any]]:
    """Outlets with their numbers of articles, biggest first."""
    return [{"outlet": name, "documents": n} for name, n in outlet_counts(store, limit=500, named_only=True)]


def speakers(store: Store, *, limit: int, q: str | None = None, offset: int = 0) -> list[dict[str, Any]]:
    """Most quoted speaker names, with how many outlets quote them (``limit`` after ``offset``)."""
    return speaker_stats(store, limit=limit, q=q, offset=offset)


def count_speakers(store: Store, q: str | None = None) -> int:
    """How many speaker names ``speakers`` lists."""
    return count_speaker_names(store, q)


def claim_outlets(store: Store, **filters: Any) -> dict[str | None, int]:
    """``outlet -> claims`` over every claim these ``Store.claims`` filters select."""
    return stored_claim_outlets(store, **filters)


def speaker_stands(store: Store, speaker_id: str) -> list[tuple[str, str, str, int | None]]:
    """Where every speaker stands in the comparisons that use a claim of the speaker entity."""
    return stored_speaker_stands(store, speaker_id)


def docs_meta(store: Store, doc_ids: list[str]) -> dict[str, dict[str, Any]]:
    """Title/outlet/date of documents, without their text or claims."""
    meta = document_meta(store, doc_ids)
    for d in meta.values():
        d["title"] = _title(d["title"], d["id"])
    return meta


def story_titles(store: Store, story_ids: list[str]) -> dict[str, str]:
    """Titles (or ids) of stories, for links."""
    return {sid: _title(title, sid) for sid, title in stored_story_titles(store, story_ids).items()}
