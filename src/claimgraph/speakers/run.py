"""Speaker entities over the whole store, after the stories are known (a description such as
"the regional government" is one body within a story)."""

from __future__ import annotations

import json

from ..store import Store
from .resolve import SpeakerResolver, SpeakerRow
from .summaries import refresh


def resolve_store(store: Store) -> int:
    """Rebuild the speaker entities of every stored claim; returns how many there are."""
    story_of = {d: s.id for s in store.stories() for d in s.documents}
    resolver = SpeakerResolver()
    outlet_of: dict[str, str | None] = {}
    order: dict[str, int] = {}  # ingest order of the documents
    for doc_id, text, outlet, duplicate_of in store.document_texts():
        resolver.add_document(text, outlet, doc_id=doc_id, duplicate_of=duplicate_of)
        outlet_of[doc_id] = outlet
        order[doc_id] = len(order)
    # claims in document order, then text order: parse workers store them in the order they finish,
    # and the entities (aliases, first names seen) must not depend on that
    rows = sorted(store.speaker_rows(), key=lambda r: (order.get(r["doc_id"], len(order)), r["start_char"], r["id"]))
    for r in rows:
        resolver.add(SpeakerRow(claim_id=r["id"], doc_id=r["doc_id"], speaker=r["speaker"],
                                mention=r["speaker_mention"], extracted_type=r["speaker_type"],
                                outlet=outlet_of.get(r["doc_id"]), story=story_of.get(r["doc_id"]),
                                via=json.loads(r["via"] or "[]")))
    result = resolver.resolve()
    with store.transaction():
        store.put_speakers(result.speakers, result.claim_speaker)
        refresh(store)  # what each speaker's page shows, with the entities it counts
    return len(result.speakers)
