"""The store as flat tables for other tools (Parquet, GraphML): one row per document, claim,
quantity, speaker, story, comparison and comparison member, as plain dicts.

Plain SQL that SQLite and PostgreSQL both run; JSON columns come back decoded (lists, dicts), so
the writers only choose a file format. Rows stream where the table can be long.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from .base import Store

TABLES = ("documents", "claims", "quantities", "speakers", "stories", "comparisons", "comparison_claims")


def _rows(store: Store, sql: str, args: tuple[Any, ...] = ()) -> Iterator[dict[str, Any]]:
    cur = store.execute(sql, args)
    names = [d[0] for d in cur.description]
    for r in cur:
        yield dict(zip(names, tuple(r), strict=True))


def documents(store: Store) -> Iterator[dict[str, Any]]:
    """Documents with their story (text included; raw input left out)."""
    yield from _rows(store, """
        SELECT d.id, sd.story_id AS story, d.url, d.outlet, d.title, d.author, d.published, d.published_raw,
               d.kind, d.source, d.duplicate_of, d.content_hash, d.status, d.text
        FROM documents d LEFT JOIN story_documents sd ON sd.doc_id = d.id ORDER BY d.rowid""")


def claims(store: Store) -> Iterator[dict[str, Any]]:
    """Claims with the outlet, date and story of their article; ``via`` as a list."""
    for r in _rows(store, """
            SELECT c.id, c.doc_id, sd.story_id AS story, d.outlet, d.published, c.start_char, c.end_char, c.text,
                   c.speaker, c.speaker_id, c.speaker_mention, c.speaker_type, c.cue, c.via, c.hedged, c.kind
            FROM claims c JOIN documents d ON d.id = c.doc_id
            LEFT JOIN story_documents sd ON sd.doc_id = c.doc_id
            ORDER BY d.rowid, c.start_char, c.id"""):
        r["via"] = json.loads(r["via"] or "[]")
        r["hedged"] = bool(r["hedged"])
        yield r


def quantities(store: Store) -> Iterator[dict[str, Any]]:
    """Every figure of every claim (``parse`` as JSON text: its keys vary by figure)."""
    for r in _rows(store, """
            SELECT q.claim_id, q.idx, q.doc_id, q.start_char, q.end_char, q.text, q.value, q.low, q.high,
                   q.approx, q.unit, q.counted, q.kind, q.parse
            FROM quantities q ORDER BY q.doc_id, q.claim_id, q.idx"""):
        r["approx"] = bool(r["approx"])
        yield r


def speakers(store: Store) -> Iterator[dict[str, Any]]:
    """One row per speaker entity (see ``claimgraph.speakers``): its canonical name, type, role,
    affiliation and aliases, and how many claims and articles quote it."""
    for sp in store.speakers():
        yield {"id": sp.id, "name": sp.name, "type": sp.type, "role": sp.role, "affiliation": sp.affiliation,
               "aliases": sp.aliases, "claims": sp.claims, "documents": sp.documents}


def stories(store: Store) -> Iterator[dict[str, Any]]:
    """Stories with their documents, related stories and terms as lists."""
    for s in store.stories():
        yield {"id": s.id, "title": s.title, "documents": s.documents, "n_documents": len(s.documents),
               "related": s.related, "terms": s.terms}


def comparisons(store: Store) -> Iterator[dict[str, Any]]:
    """Comparisons (conflicts first) with their claims and sources as lists, a conflict's sides as lists
    of claim ids."""
    ids = [r[0] for r in store.execute("SELECT id FROM comparisons ORDER BY verdict='consistent', rowid")]
    for k, c in zip(ids, store.comparisons(), strict=True):
        yield {"id": k, "story": c.story, "measure": c.measure, "verdict": c.verdict, "kind": c.kind,
               "explanation": c.explanation, "sources": c.sources, "independent_origins": c.independent_origins,
               "claims": c.claims, "sides": c.sides}


def comparison_claims(store: Store) -> Iterator[dict[str, Any]]:
    """One row per figure compared: the link table from comparisons to claims (``side`` in conflicts)."""
    yield from _rows(store, """
        SELECT comparison_id, position, claim_id, quantity_idx, side FROM comparison_claims
        ORDER BY comparison_id, position""")


def table_rows(store: Store, name: str) -> Iterator[dict[str, Any]]:
    """Rows of one of ``TABLES``."""
    if name not in TABLES:
        raise KeyError(f"unknown table {name!r} (choose from {', '.join(TABLES)})")
    return globals()[name](store)
