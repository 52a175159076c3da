"""Speakers: the entities most quoted, filtered by type and role, and one entity's page: its
aliases and role, its claims across outlets grouped by story, and who it agrees or conflicts with."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response

from ...lexicon.speakers import SPEAKER_TYPE_LABELS
from ...model import Speaker
from ...speakers.relations import relations_from_stands
from ...store import Store
from .. import queries
from .base import MAX_QUERY, PER_PAGE, NotFound, get_store, pages, respond, speaker_url, story_url
from .claims import claim_rows

router = APIRouter()


def _entity_row(s: Speaker) -> dict[str, Any]:
    row = s.to_dict()
    row.update(url=speaker_url(s.name, s.id), type_label=SPEAKER_TYPE_LABELS.get(s.type, s.type), speaker=s.name)
    return row


@router.get("/speakers", name="speakers")
def speakers_page(request: Request, store: Annotated[Store, Depends(get_store)],
                  q: Annotated[str, Query(max_length=MAX_QUERY)] = "",
                  type: Annotated[str, Query(max_length=40)] = "",
                  role: Annotated[str, Query(max_length=MAX_QUERY)] = "",
                  page: Annotated[int, Query(ge=1, le=1_000_000)] = 1) -> Response:
    """The most quoted speaker entities (optionally matching ``q``, of one ``type``, with ``role``),
    a page at a time."""
    filters = {"type": type or None, "q": q.strip() or None, "role": role.strip() or None}
    entities = store.speakers(**filters, limit=PER_PAGE, offset=(page - 1) * PER_PAGE)
    data: dict[str, Any] = {"q": q, "type": type, "role": role, "types": SPEAKER_TYPE_LABELS,
                            **pages(store.count_speakers(**filters), page, request=request),
                            "entities": [_entity_row(s) for s in entities]}
    no_entities = store.schema_version < 5 or not store.count("speakers")
    if no_entities:  # a store without entities: the speaker names as written
        rows = queries.speakers(store, limit=PER_PAGE, q=q.strip() or None, offset=(page - 1) * PER_PAGE)
        for r in rows:
            r["url"] = speaker_url(r["speaker"])
        data.update(pages(queries.count_speakers(store, q=q.strip() or None), page, request=request))
        data["speakers"] = rows
    return respond(request, "speakers.html", data)


def _by_story(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Claim rows grouped by story (documents in no story last), each with its outlets."""
    groups: dict[str | None, list[dict[str, Any]]] = {}
    for r in rows:
        groups.setdefault((r["doc"] or {}).get("story"), []).append(r)
    titles = queries.story_titles(store, [k for k in groups if k])
    out = []
    for sid, claims in groups.items():
        outlets = list(dict.fromkeys((c["doc"] or {}).get("outlet") or "unknown outlet" for c in claims))
        out.append({"id": sid, "title": titles.get(sid, sid) if sid else "Not in a story",
                    "url": story_url(sid) if sid else None, "outlets": outlets, "claims": claims})
    return out


def _find_entity(store: Store, id: str, name: str) -> Speaker | None:
    """The entity with this ``id``; else the one whose name or an alias is ``name`` (any case)."""
    found = store.speakers([id]) if id else []
    if found:
        return found[0]
    if name.strip():
        want = name.strip().casefold()
        return next((s for s in store.speakers(q=name.strip(), limit=50)
                     if s.name.casefold() == want or want in (a.casefold() for a in s.aliases)), None)
    return None


@router.get("/speaker", name="speaker")
def speaker_page(request: Request, store: Annotated[Store, Depends(get_store)],
                 id: Annotated[str, Query(max_length=MAX_QUERY)] = "",
                 name: Annotated[str, Query(max_length=MAX_QUERY)] = "",
                 page: Annotated[int, Query(ge=1, le=1_000_000)] = 1) -> Response:
    """One speaker entity (``id``; or the entity, else the bare name, ``name``) with its claims,
    a page at a time, grouped by story."""
    if not id.strip() and not name.strip():
        raise HTTPException(422, "give a speaker id or name")
    entity = _find_entity(store, id, name)
    if entity is not None:
        filters: dict[str, Any] = {"speaker_id": entity.id}
    elif name.strip():
        filters = {"speaker_name": name.strip()}
    else:
        raise NotFound("speaker", id)
    total = store.count_claims(**filters)
    if not total:
        raise NotFound("speaker", id or name)
    claims = store.claims(**filters, limit=PER_PAGE, offset=(page - 1) * PER_PAGE)
    rows = claim_rows(store, claims)
    # a much-quoted speaker has thousands of claims and comparisons: the speakers stage stored
    # what the page shows of them (a store older than that, or changed since, counts them here)
    stored = entity is not None and queries.summaries_fresh(store)
    counts = queries.speaker_outlets(store, entity.id) if stored and entity else queries.claim_outlets(store, **filters)
    outlets = {o or "unknown outlet": n for o, n in counts.items()}
    first = claims[0] if claims else store.claims(**filters, limit=1)[0]
    data: dict[str, Any] = {"speaker": entity.name if entity else (first.speaker or name.strip()),
                            "entity": _entity_row(entity) if entity else None, "claims": rows,
                            **pages(total, page, request=request),
                            "stories": _by_story(store, rows), "outlets": outlets,
                            "truncated": len(rows) < total, "agrees": [], "conflicts": []}
    if entity is not None:
        if stored:
            rel = queries.speaker_relation_counts(store, entity.id)
        else:
            counted = relations_from_stands(entity.id, queries.speaker_stands(store, entity.id))
            rel = {k: counted[k].most_common() for k in ("agrees", "conflicts")}
        others = {s.id: s for s in store.speakers(sorted({k for pairs in rel.values() for k, _ in pairs}))}
        for key in ("agrees", "conflicts"):
            data[key] = [{**_entity_row(others[k]), "comparisons": n} for k, n in rel[key] if k in others]
    return respond(request, "speaker.html", data)
