"""An article: the cleaned text with every claim highlighted at its offsets."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from ...model import Article
from ...present.json import document_json
from ...present.markup import claim_anchor, highlight_article, safe_http_url
from ...present.tables import claim_dict, doc_title, outlet_label
from ...store import Store
from ...store.queries import copies_of, story_of
from .. import queries
from .base import NotFound, doc_url, get_store, respond, speaker_url, story_url

router = APIRouter()


def _comparisons(store: Store, art: Article, story_id: str | None) -> list[dict[str, Any]]:
    """Comparisons of the story that use a claim of this article, with the row to link to."""
    if story_id is None:
        return []
    mine = {c.id for c in art.claims}
    out = []
    for i, comp in enumerate(store.comparisons(story_id), 1):  # same order as the story page rows
        used = [x for x in comp.claims if x in mine]
        if used:
            # figures this article ran that had already been superseded when it was published
            outdated = sorted({e["claim"] for e in comp.timeline if e.get("outdated") and e["claim"] in mine})
            out.append({"measure": comp.measure, "verdict": comp.verdict, "explanation": comp.explanation,
                        "claims": used, "outdated": outdated, "row": f"{story_url(story_id)}#m-{i}"})
    return out


@router.get("/doc/{doc_id:path}", name="doc")
def doc_page(doc_id: str, request: Request, store: Annotated[Store, Depends(get_store)]) -> Response:
    """One article; ``#claim-…`` fragments scroll to a claim and highlight it."""
    art = store.get_document(doc_id)
    if art is None:
        raise NotFound("article", doc_id)
    story_id = story_of(store, art.id)
    comps = _comparisons(store, art, story_id)
    flagged: dict[str, str] = {}
    for c in comps:
        for x in c["claims"]:
            if flagged.get(x) != "conflict":  # a claim in any conflict shows as conflicting
                flagged[x] = c["verdict"]
    data = document_json(replace(art, claims=[]))  # the contract's fields; claims built faster below
    data["claims"] = [claim_dict(c) for c in art.claims]
    for c in data["claims"]:
        c["anchor"] = claim_anchor(c["id"])
        c["url"] = doc_url(art.id, c["id"])
        c["verdict"] = flagged.get(c["id"])
        c["outdated"] = any(c["id"] in x["outdated"] for x in comps)
        c["speaker_url"] = speaker_url(c["speaker"], c.get("speaker_id")) if c["speaker"] else None
    titles = queries.story_titles(store, [story_id] if story_id else [])
    data["story"] = {"id": story_id, "title": titles.get(story_id, story_id), "url": story_url(story_id)} \
        if story_id else None
    data["comparisons"] = comps
    data["copies"] = [{"id": d, "url": doc_url(d)} for d in copies_of(store, art.id)]
    data["removed"] = art.removed
    return respond(request, "doc.html", data, title=doc_title(art), outlet=outlet_label(art), body=highlight_article(art.text, art.claims, flagged=flagged),
                   link=safe_http_url(art.url), original_url=doc_url(art.duplicate_of) if art.duplicate_of else None)
