"""The home page: stories, conflicts first, with outlets, dates and counts."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from ...store import Store
from .. import queries
from .base import MAX_QUERY, PER_PAGE, get_store, pages, respond, story_url

router = APIRouter()


@router.get("/", name="stories")
def stories_page(request: Request, store: Annotated[Store, Depends(get_store)],
                 page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
                 q: Annotated[str, Query(max_length=MAX_QUERY)] = "") -> Response:
    """Every story with its outlets, dates, numbers of claims and conflicts."""
    rows, total = queries.story_rows(store, page=page, per_page=PER_PAGE, q=q.strip() or None)
    for r in rows:
        r["url"] = story_url(r["id"])
    data = {"overview": queries.overview(store), "q": q, **pages(total, page, request=request), "stories": rows}
    return respond(request, "stories.html", data)
