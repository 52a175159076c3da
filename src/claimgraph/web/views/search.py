"""Search over claim text (and speaker), as a page and as a small JSON API."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from ...lexicon.speakers import SPEAKER_TYPE_LABELS
from ...present.markup import highlight_terms
from ...store import Store
from .base import MAX_QUERY, PER_PAGE, get_store, pages, respond
from .claims import claim_rows

router = APIRouter()
MAX_BODY = 16 * 1024  # a search request is a few words; anything bigger is refused with 413
MAX_RESULTS = 500


def search_data(store: Store, q: str, speaker: str, limit: int, type: str = "", role: str = "", page: int = 1,
                request: Request | None = None) -> dict[str, Any]:
    """Claims containing the words of ``q``, by a speaker matching ``speaker``, whose speaker entity
    is of ``type`` and has ``role`` (officials against witnesses against studies): page ``page`` of
    ``limit`` results, the claims stored last first, with the total (and, given the request,
    next/previous page links)."""
    q, speaker, type, role = q.strip(), speaker.strip(), type.strip(), role.strip()
    data: dict[str, Any] = {"q": q, "speaker": speaker, "type": type, "role": role, "limit": limit,
                            "types": SPEAKER_TYPE_LABELS, **pages(0, page, limit, request), "claims": []}
    if q or speaker or type or role:
        filters: dict[str, Any] = {"search": q or None, "speaker": speaker or None, "speaker_type": type or None,
                                   "speaker_role": role or None}
        claims = store.claims(**filters, limit=limit, offset=(page - 1) * limit, newest_first=True)
        data.update(pages(store.count_claims(**filters), page, limit, request))
        data["claims"] = claim_rows(store, claims)
    return data


@router.get("/search", name="search")
def search_page(request: Request, store: Annotated[Store, Depends(get_store)],
                q: Annotated[str, Query(max_length=MAX_QUERY)] = "",
                speaker: Annotated[str, Query(max_length=MAX_QUERY)] = "",
                limit: Annotated[int, Query(ge=1, le=MAX_RESULTS)] = PER_PAGE,
                type: Annotated[str, Query(max_length=40)] = "",
                role: Annotated[str, Query(max_length=MAX_QUERY)] = "",
                page: Annotated[int, Query(ge=1, le=1_000_000)] = 1) -> Response:
    """Claims whose text holds the words of ``q`` (and whose speaker contains ``speaker``; whose
    speaker entity is of ``type``, with ``role``), ``limit`` a page."""
    data = search_data(store, q, speaker, limit, type, role, page, request)
    hits = {c["id"]: highlight_terms(c["text"], data["q"]) for c in data["claims"]}
    return respond(request, "search.html", data, hits=hits)


async def _json_body(request: Request) -> Any:
    """The request body as JSON, refusing more than ``MAX_BODY`` bytes whatever the headers say."""
    length = request.headers.get("content-length")
    if length is not None and (not length.isdigit() or int(length) > MAX_BODY):
        raise HTTPException(413, f"request body over {MAX_BODY} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_BODY:
            raise HTTPException(413, f"request body over {MAX_BODY} bytes")
    try:
        return json.loads(body or b"{}")
    except (ValueError, UnicodeDecodeError) as e:
        raise HTTPException(400, "body is not JSON") from e


@router.post("/api/search", name="api_search")
async def search_api(request: Request, body: Annotated[Any, Depends(_json_body)]) -> Response:
    """``{"q": ..., "speaker": ..., "limit": ...}`` -> the search page's JSON."""
    if not isinstance(body, dict):
        raise HTTPException(422, "body must be a JSON object")
    q, speaker, limit, page = body.get("q", ""), body.get("speaker", ""), body.get("limit", PER_PAGE), body.get("page", 1)
    if not isinstance(q, str) or not isinstance(speaker, str) or len(q) > MAX_QUERY or len(speaker) > MAX_QUERY:
        raise HTTPException(422, f"q and speaker must be strings of at most {MAX_QUERY} characters")
    if not isinstance(limit, int) or isinstance(limit, bool) or not 1 <= limit <= MAX_RESULTS:
        raise HTTPException(422, f"limit must be an integer from 1 to {MAX_RESULTS}")
    if not isinstance(page, int) or isinstance(page, bool) or not 1 <= page <= 1_000_000:
        raise HTTPException(422, "page must be an integer from 1 to 1000000")
    def run() -> dict[str, Any]:
        store = Store(request.app.state.db_path, readonly=True)
        try:
            return search_data(store, q, speaker, limit, page=page)
        finally:
            store.close()

    return JSONResponse(await run_in_threadpool(run))
