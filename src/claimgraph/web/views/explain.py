"""Why two claims' figures agree, conflict, were revised, or were not compared (any pair)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from ...link.explain import ExplainError, explain_claims
from ...store import Store
from .base import NotFound, doc_url, get_store, respond

router = APIRouter()


@router.get("/explain", name="explain")
def explain_page(request: Request, store: Annotated[Store, Depends(get_store)],
                 a: Annotated[str, Query(max_length=1000)], b: Annotated[str, Query(max_length=1000)]) -> Response:
    """The two figures' intervals, the evidence that they measure one thing, and the deciding rule."""
    try:
        pairs = [p.to_dict() for p in explain_claims(store, a, b)]
    except ExplainError as e:
        raise NotFound("claim pair", f"{a} / {b}: {e}") from e
    for p in pairs:
        for f in (p["a"], p["b"]):
            f["url"] = doc_url(f["claim"].rsplit("#", 1)[0], f["claim"])
    return respond(request, "explain.html", {"a": a, "b": b, "pairs": pairs})
