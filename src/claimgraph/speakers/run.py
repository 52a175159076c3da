"""Speaker entities over the whole store, after the stories are known (a description such as
"the regional government" is one body within a story).

Entities are global (an acronym defined in one article names a body quoted in another; a full
name found anywhere is a possible match for a bare surname), so every run resolves every claim
again, which is cheap per claim. What grows with the store is kept instead: the acronyms each
document defines are stored with its content hash (``speaker_documents``), so a run reads only
the texts of new or changed documents; and only the entities and claim links that changed are
written, with the page figures (outlets) of the entities they touch.
"""

from __future__ import annotations

import json

from ..store import Store
from ..store import speaker_summaries as stored
from .acronyms import definitions
from .resolve import SpeakerResolver, SpeakerRow
from .summaries import refresh


def _acronyms(store: Store, resolver: SpeakerResolver) -> dict[str, str | None]:
    """Feed every document's acronyms and outlet to ``resolver``, in ingest order; the texts of
    documents not seen before (or changed since) are read and their acronyms recorded. Returns
    ``doc id -> outlet``, in ingest order."""
    keep = store.schema_version >= stored.SUMMARY_VERSION  # an older schema has no place to keep them
    heads = list(store.document_heads())
    facts = stored.document_facts(store, [h[0] for h in heads]) if keep else {}
    unseen = [
        doc_id
        for doc_id, content_hash, _, _ in heads
        if doc_id not in facts or facts[doc_id][0] != content_hash
    ]
    texts = store.texts(unseen)
    learnt: list[tuple[str, str | None, list[tuple[str, str]]]] = []
    outlet_of: dict[str, str | None] = {}
    for doc_id, content_hash, outlet, duplicate_of in heads:
        if doc_id in texts:
            pairs = list(definitions(texts[doc_id]))
            learnt.append((doc_id, content_hash, pairs))
        else:
            pairs = facts[doc_id][1]
        resolver.add_document(None, outlet, doc_id=doc_id, duplicate_of=duplicate_of, acronyms=pairs)
        outlet_of[doc_id] = outlet
    if keep:
        stored.put_document_facts(store, learnt)
        if len(facts) + len(learnt) > len(heads):  # some documents went since the last run
            stored.forget_documents(store)
    return outlet_of


def resolve_store(store: Store) -> int:
    """Resolve the speaker entities of every stored claim; returns how many there are."""
    story_of = {d: s.id for s in store.stories() for d in s.documents}
    resolver = SpeakerResolver()
    with store.transaction():
        outlet_of = _acronyms(store, resolver)
        order = {doc_id: n for n, doc_id in enumerate(outlet_of)}  # ingest order of the documents
        # claims in document order, then text order: parse workers store them in the order they
        # finish, and the entities (aliases, first names seen) must not depend on that
        rows = sorted(
            store.speaker_rows(), key=lambda r: (order.get(r["doc_id"], len(order)), r["start_char"], r["id"])
        )
        for r in rows:
            resolver.add(
                SpeakerRow(
                    claim_id=r["id"],
                    doc_id=r["doc_id"],
                    speaker=r["speaker"],
                    mention=r["speaker_mention"],
                    extracted_type=r["speaker_type"],
                    outlet=outlet_of.get(r["doc_id"]),
                    story=story_of.get(r["doc_id"]),
                    via=json.loads(r["via"] or "[]"),
                )
            )
        result = resolver.resolve()
        was_fresh = stored.fresh(store)  # no comparison written since the figures were stored
        touched = store.update_speakers(result.speakers, result.claim_speaker)
        # what each speaker's page shows, for the entities whose claims changed; who agrees with
        # whom again when the comparisons or any claim's entity changed
        refresh(store, sorted(touched), relations=not was_fresh or bool(touched))
    return len(result.speakers)
