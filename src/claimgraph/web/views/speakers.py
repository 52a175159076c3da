"""Speakers: the most quoted ones, and every claim of one speaker across outlets."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from ...store import Store
from .. import queries
from .base import MAX_QUERY, NotFound, get_store, respond, speaker_url
from .claims import claim_rows

router = APIRouter()
MAX_CLAIMS = 1000


@router.get("/speakers", name="speakers")
def speakers_page(request: Request, store: Annotated[Store, Depends(get_store)],
                  q: Annotated[str, Query(max_length=MAX_QUERY)] = "") -> Response:
    """The most quoted speakers (optionally matching ``q``)."""
    rows = queries.speakers(store, limit=300, q=q.strip() or None)
    for r in rows:
        r["url"] = speaker_url(r["speaker"])
    return respond(request, "speakers.html", {"q": q, "speakers": rows})


@router.get("/speaker", name="speaker")
def speaker_page(request: Request, store: Annotated[Store, Depends(get_store)],
                 name: Annotated[str, Query(min_length=1, max_length=MAX_QUERY)]) -> Response:
    """All claims by one speaker (exact name, any case), grouped by outlet."""
    want = name.strip().casefold()
    # the store matches substrings; keep only this speaker (or an unresolved mention of it)
    claims = [c for c in store.claims(speaker=name.strip(), limit=5 * MAX_CLAIMS)
              if (c.speaker or "").casefold() == want
              or (not c.speaker and (c.speaker_mention or "").casefold() == want)][:MAX_CLAIMS]
    if not claims:
        raise NotFound("speaker", name)
    rows = claim_rows(store, claims)
    outlets: dict[str, int] = {}
    for r in rows:
        o = (r["doc"] or {}).get("outlet") or "unknown outlet"
        outlets[o] = outlets.get(o, 0) + 1
    data = {"speaker": claims[0].speaker or name, "claims": rows, "outlets": outlets,
            "truncated": len(claims) == MAX_CLAIMS}
    return respond(request, "speaker.html", data)
