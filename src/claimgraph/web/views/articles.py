"""All articles in ingest order (including those no story holds)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from ...store import Store
from .. import queries
from .base import MAX_QUERY, PER_PAGE, doc_url, get_store, pages, respond, story_url

router = APIRouter()


@router.get("/articles", name="articles")
def articles_page(request: Request, store: Annotated[Store, Depends(get_store)],
                  page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
                  outlet: Annotated[str, Query(max_length=MAX_QUERY)] = "") -> Response:
    """One page of articles, optionally of one outlet."""
    rows, total = queries.article_rows(store, page=page, per_page=PER_PAGE, outlet=outlet or None)
    for r in rows:
        r["url"] = doc_url(r["id"])
        r["story_url"] = story_url(r["story"]) if r["story"] else None
        r["duplicate_url"] = doc_url(r["duplicate_of"]) if r["duplicate_of"] else None
    data = {"outlet": outlet, **pages(total, page, request=request), "outlets": queries.outlets(store), "articles": rows}
    return respond(request, "articles.html", data)
