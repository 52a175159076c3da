"""Claims as list rows (search results, a speaker's claims), with their articles."""

from __future__ import annotations

from typing import Any

from ...model import Claim
from ...present.tables import claim_dict
from ...store import Store
from ...store.queries import claim_doc_ids
from .. import queries
from .base import doc_url, speaker_url, story_url


def claim_rows(store: Store, claims: list[Claim]) -> list[dict[str, Any]]:
    """Each claim as JSON-ready data with its article's title, outlet, date and links."""
    doc_of = claim_doc_ids(store, [c.id for c in claims])
    meta = queries.docs_meta(store, list(doc_of.values()))
    rows = []
    for c in claims:
        d = dict(meta.get(doc_of.get(c.id, ""), {}))
        if d:
            d["url"] = doc_url(d["id"])
            d["story_url"] = story_url(d["story"]) if d.get("story") else None
        row = claim_dict(c)
        row.update(doc=d or None, url=doc_url(d["id"], c.id) if d else None,
                   speaker_url=speaker_url(c.speaker, c.speaker_id) if c.speaker else None)
        rows.append(row)
    return rows
