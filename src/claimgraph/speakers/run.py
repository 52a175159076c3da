"""Speaker entities over the whole store, after the stories are known (a description such as
"the regional government" is one body within a story).

Entities are global (an acronym defined in one article names a body quoted in another; a full
name found anywhere is a possible match for a bare surname), so every run resolves every claim
again, which is cheap per claim. What grows with the store is kept instead: the acronyms each
document defines are stored with its content hash (``speaker_documents``), so a run reads only
the texts of new or changed documents; each distinct speaker string is parsed once and kept
(``speaker_parses``, see ``parses.py``), so a run parses only the speakers it has not seen; and
only the entities and claim links that changed are written, with the page figures (outlets) of
the entities they touch.
"""

from __future__ import annotations

import json
from operator import itemgetter

from ..engine.collector import collector_paused
from ..store import Store
from ..store import speaker_parses as kept_parses
from ..store import speaker_summaries as stored
from ..store.speaker_summaries import refresh
from . import parses
from .acronyms import definitions
from .resolve import SpeakerResolver, SpeakerRow

Learnt = list[tuple[str, "str | None", list[tuple[str, str]]]]  # (doc id, content hash, acronym pairs)


def _acronyms(store: Store, resolver: SpeakerResolver) -> tuple[dict[str, str | None], Learnt, bool]:
    """Feed every document's acronyms and outlet to ``resolver``, in ingest order, reading the
    texts of documents not seen before (or changed since) only. Returns ``doc id -> outlet`` in
    ingest order, what the texts read taught (for ``speaker_documents``), and whether some
    documents the stage knew are gone."""
    keep = store.schema_version >= stored.SUMMARY_VERSION  # an older schema has no place to keep them
    heads = list(store.document_heads())
    facts = stored.document_facts(store, [h[0] for h in heads]) if keep else {}
    texts = store.texts(
        [
            doc_id
            for doc_id, content_hash, _, _ in heads
            if doc_id not in facts or facts[doc_id][0] != content_hash
        ]
    )
    learnt: Learnt = []
    outlet_of: dict[str, str | None] = {}
    for doc_id, _, outlet, duplicate_of in heads:
        if doc_id in texts:
            content_hash, text = texts[doc_id]
            pairs = list(definitions(text))
            learnt.append((doc_id, content_hash, pairs))
        else:  # known (or removed since the heads were read: nothing to learn from it)
            pairs = facts.get(doc_id, (None, []))[1]
        resolver.add_document(None, outlet, doc_id=doc_id, duplicate_of=duplicate_of, acronyms=pairs)
        outlet_of[doc_id] = outlet
    gone = bool(keep and stored.count_document_facts(store) > len(facts))
    return outlet_of, learnt if keep else [], gone


def _via(text: str | None) -> list[str]:
    """A claim's stored intermediaries; most claims have none, and decoding "[]" is not free."""
    return [] if not text or text == "[]" else json.loads(text)


def _kept_parses(store: Store) -> tuple[dict[parses.Probe, parses.ProbeParse], bool]:
    """The speakers parsed by earlier runs, and whether they were made by this code (when not,
    none are used and the kept ones are replaced)."""
    if not kept_parses.available(store) or kept_parses.kept_code(store) != parses.code_version():
        return {}, False
    return dict(parses.from_row(r) for r in kept_parses.kept(store)), True


def _keep_parses(store: Store, resolver: SpeakerResolver, current: bool) -> None:
    """Keep the speakers parsed in this run (all of them when the kept ones were made by other
    code); drop those no stored claim has any more."""
    if not kept_parses.available(store):
        return
    if resolver.new_parses or not current:
        rows = [(_probe_key(p), *parses.to_row(p, pp)) for p, pp in resolver.new_parses.items()]
        kept_parses.keep(store, rows, parses.code_version(), replace=not current)
    unused = [_probe_key(p) for p in resolver.parses if p not in resolver.used]
    if unused:
        kept_parses.forget(store, unused)


def _probe_key(probe: parses.Probe) -> str:
    return json.dumps(list(probe), ensure_ascii=False)


def resolve_store(store: Store) -> int:
    """Resolve the speaker entities of every stored claim; returns how many there are."""
    with collector_paused():
        return _resolve_store(store)


def _resolve_store(store: Store) -> int:
    story_of = {d: s.id for s in store.stories() for d in s.documents}
    known, current = _kept_parses(store)
    resolver = SpeakerResolver(known)
    outlet_of, learnt, gone = _acronyms(store, resolver)
    order = {doc_id: n for n, doc_id in enumerate(outlet_of)}  # ingest order of the documents
    # claims in document order, then text order: parse workers store them in the order they
    # finish, and the entities (aliases, first names seen) must not depend on that
    last = len(order)
    rows = [  # unpacked once: a row read by column name is slow, and there are 100,000s of them
        (order.get(doc_id, last), start, claim_id, doc_id, speaker, mention, kind, via)
        for _, claim_id, doc_id, start, speaker, mention, kind, via in store.speaker_rows()
    ]
    rows.sort(key=itemgetter(0, 1, 2))  # stable: ties stay in the order read, as before
    for _, _, claim_id, doc_id, speaker, mention, kind, via in rows:
        resolver.add(
            SpeakerRow(
                claim_id=claim_id,
                doc_id=doc_id,
                speaker=speaker,
                mention=mention,
                extracted_type=kind,
                outlet=outlet_of.get(doc_id),
                story=story_of.get(doc_id),
                via=_via(via),
            )
        )
    result = resolver.resolve()
    with store.transaction():  # the writes only: the write lock is not held while resolving
        if learnt:
            stored.put_document_facts(store, learnt)
        if gone:
            stored.forget_documents(store)
        _keep_parses(store, resolver, current)
        was_fresh = stored.fresh(store)  # no speakers or comparisons written since the figures were
        touched = store.update_speakers(result.speakers, result.claim_speaker)
        # what each speaker's page shows, for the entities whose claims changed; who agrees with
        # whom again when the comparisons or any claim's entity changed
        refresh(store, sorted(touched), relations=not was_fresh or bool(touched))
    return len(result.speakers)
