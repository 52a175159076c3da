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
from .base import MAX_QUERY, get_store, respond
from .claims import claim_rows

router = APIRouter()
MAX_BODY = 16 * 1024  # a search request is a few words; anything bigger is refused with 413
MAX_RESULTS = 500


def search_data(store: Store, q: str, speaker: str, limit: int, type: str = "", role: str = "") -> dict[str, Any]:
    """Claims containing ``q``, by a speaker matching ``speaker``, whose speaker entity is of
    ``type`` and has ``role`` (officials against witnesses against studies)."""
    q, speaker, type, role = q.strip(), speaker.strip(), type.strip(), role.strip()
    data: dict[str, Any] = {"q": q, "speaker": speaker, "type": type, "role": role, "limit": limit,
                            "types": SPEAKER_TYPE_LABELS, "claims": []}
    if q or speaker or type or role:
        claims = store.claims(search=q or None, speaker=speaker or None, limit=limit,
                              speaker_type=type or None, speaker_role=role or None)
        data["claims"] = claim_rows(store, claims)
    return data


@router.get("/search", name="search")
def search_page(request: Request, store: Annotated[Store, Depends(get_store)],
                q: Annotated[str, Query(max_length=MAX_QUERY)] = "",
                speaker: Annotated[str, Query(max_length=MAX_QUERY)] = "",
                limit: Annotated[int, Query(ge=1, le=MAX_RESULTS)] = 100,
                type: Annotated[str, Query(max_length=40)] = "",
                role: Annotated[str, Query(max_length=MAX_QUERY)] = "") -> Response:
    """Claims whose text contains ``q`` (and whose speaker contains ``speaker``; whose speaker
    entity is of ``type``, with ``role``)."""
    data = search_data(store, q, speaker, limit, type, role)
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
    q, speaker, limit = body.get("q", ""), body.get("speaker", ""), body.get("limit", 100)
    if not isinstance(q, str) or not isinstance(speaker, str) or len(q) > MAX_QUERY or len(speaker) > MAX_QUERY:
        raise HTTPException(422, f"q and speaker must be strings of at most {MAX_QUERY} characters")
    if not isinstance(limit, int) or isinstance(limit, bool) or not 1 <= limit <= MAX_RESULTS:
        raise HTTPException(422, f"limit must be an integer from 1 to {MAX_RESULTS}")
    def run() -> dict[str, Any]:
        store = Store(request.app.state.db_path, readonly=True)
        try:
            return search_data(store, q, speaker, limit)
        finally:
            store.close()

    return JSONResponse(await run_in_threadpool(run))
