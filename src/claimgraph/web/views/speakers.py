"""Speakers: the entities most quoted, filtered by type and role, and one entity's page: its
aliases and role, its claims across outlets grouped by story, and who it agrees or conflicts with."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import Response

from ...lexicon.speakers import SPEAKER_TYPE_LABELS
from ...model import Claim, Speaker
from ...speakers.relations import relations
from ...store import Store
from .. import queries
from .base import MAX_QUERY, NotFound, get_store, respond, speaker_url, story_url
from .claims import claim_rows

router = APIRouter()
MAX_CLAIMS = 1000


def _entity_row(s: Speaker) -> dict[str, Any]:
    row = s.to_dict()
    row.update(url=speaker_url(s.name, s.id), type_label=SPEAKER_TYPE_LABELS.get(s.type, s.type), speaker=s.name)
    return row


@router.get("/speakers", name="speakers")
def speakers_page(request: Request, store: Annotated[Store, Depends(get_store)],
                  q: Annotated[str, Query(max_length=MAX_QUERY)] = "",
                  type: Annotated[str, Query(max_length=40)] = "",
                  role: Annotated[str, Query(max_length=MAX_QUERY)] = "") -> Response:
    """The most quoted speaker entities (optionally matching ``q``, of one ``type``, with ``role``)."""
    entities = store.speakers(type=type or None, q=q.strip() or None, limit=None if role else 300)
    if role.strip():
        want = role.strip().casefold()
        entities = [s for s in entities if want in (s.role or "").casefold()][:300]
    data: dict[str, Any] = {"q": q, "type": type, "role": role, "types": SPEAKER_TYPE_LABELS,
                            "entities": [_entity_row(s) for s in entities]}
    no_entities = store.schema_version < 5 or not store.count("speakers")
    if no_entities:
        rows = queries.speakers(store, limit=300, q=q.strip() or None)  # a store without entities
        for r in rows:
            r["url"] = speaker_url(r["speaker"])
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


def _name_claims(store: Store, name: str) -> list[Claim]:
    """Claims of one speaker name (exact, any case), for a store without entities."""
    want = name.strip().casefold()
    return [c for c in store.claims(speaker=name.strip(), limit=5 * MAX_CLAIMS)
            if (c.speaker or "").casefold() == want
            or (not c.speaker and (c.speaker_mention or "").casefold() == want)][:MAX_CLAIMS]


@router.get("/speaker", name="speaker")
def speaker_page(request: Request, store: Annotated[Store, Depends(get_store)],
                 id: Annotated[str, Query(max_length=MAX_QUERY)] = "",
                 name: Annotated[str, Query(max_length=MAX_QUERY)] = "") -> Response:
    """One speaker entity (``id``; or the entity, else the bare name, ``name``) with its claims."""
    if not id.strip() and not name.strip():
        raise HTTPException(422, "give a speaker id or name")
    entity = store.speakers([id])[0] if id and store.speakers([id]) else None
    if entity is None and name.strip():
        want = name.strip().casefold()
        entity = next((s for s in store.speakers(q=name.strip(), limit=50)
                       if s.name.casefold() == want or want in (a.casefold() for a in s.aliases)), None)
    if entity is not None:
        claims = store.claims(speaker_id=entity.id, limit=MAX_CLAIMS)
    else:
        claims = _name_claims(store, name) if name.strip() else []
    if not claims:
        raise NotFound("speaker", id or name)
    rows = claim_rows(store, claims)
    outlets: dict[str, int] = {}
    for r in rows:
        o = (r["doc"] or {}).get("outlet") or "unknown outlet"
        outlets[o] = outlets.get(o, 0) + 1
    data: dict[str, Any] = {"speaker": entity.name if entity else (claims[0].speaker or name),
                            "entity": _entity_row(entity) if entity else None, "claims": rows,
                            "stories": _by_story(store, rows), "outlets": outlets,
                            "truncated": len(claims) == MAX_CLAIMS, "agrees": [], "conflicts": []}
    if entity is not None:
        stories = {(r["doc"] or {}).get("story") for r in rows} - {None}
        comparisons = [c for sid in sorted(stories) for c in store.comparisons(sid)]
        speaker_of = store.claim_speaker_ids(sorted({x for c in comparisons for x in c.claims}))
        rel = relations(entity.id, comparisons, speaker_of)
        others = {s.id: s for s in store.speakers(sorted(set(rel["agrees"]) | set(rel["conflicts"])))}
        for key in ("agrees", "conflicts"):
            data[key] = [{**_entity_row(others[k]), "comparisons": n} for k, n in rel[key].most_common()
                         if k in others]
    return respond(request, "speaker.html", data)
