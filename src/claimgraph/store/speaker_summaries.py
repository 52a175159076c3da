"""What a speaker's page shows about the whole store, kept in tables by the speakers stage.

A speaker quoted in a sixth of all claims has thousands of claims and comparisons: counting its
outlets and who it agrees or conflicts with at request time read all of them. The speakers stage
writes those figures here (``speaker_outlets``, ``speaker_relations``, schema 13) and the page
reads a few indexed rows. A write of speakers or comparisons marks the figures stale (the
``STATE_KEY`` state row goes) until the stage works them out again; a page that finds them stale,
or a store older than schema 13, computes them at request time as before.

The ``speaker_documents`` rows hold what the stage learnt from each document's text (the acronyms
it defines), so that a later run reads only new or changed texts.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ..speakers.relations import all_relations
from .base import SPEAKER_SUMMARIES_KEY as STATE_KEY

SUMMARY_VERSION = 13  # the schema that added these tables (schema.py)
CHUNK = 500  # ids per ``IN (...)``

# (comparison id, verdict, speaker entity id, side or None), as ``queries.speaker_stands`` gives them
Stand = tuple[str, str, str, "int | None"]


def _in(n: int) -> str:
    return ",".join("?" * n)


def _chunks(ids: Sequence[str]) -> Iterator[list[str]]:
    for i in range(0, len(ids), CHUNK):
        yield list(ids[i : i + CHUNK])


# ---------------------------------------------------------------------- freshness
def fresh(store: Any) -> bool:
    """Do the tables hold the figures of the stored speakers and comparisons?"""
    if store.schema_version < SUMMARY_VERSION:
        return False
    return store.execute("SELECT 1 FROM state WHERE key=?", (STATE_KEY,)).fetchone() is not None


def mark_fresh(store: Any) -> None:
    store.execute(store._upsert_sql("state", ["key", "value"], ["key"]), (STATE_KEY, json.dumps(True)))


# ---------------------------------------------------------------------- what the stage reads
def all_stands(store: Any) -> Iterator[Stand]:
    """Where every speaker stands in every conflict or agreement: a row per (comparison,
    speaker, side), as ``speaker_stands`` gives them for one speaker."""
    for r in store.execute(
        """SELECT m.comparison_id, k.verdict, c.speaker_id, m.side
               FROM comparisons k JOIN comparison_claims m ON m.comparison_id = k.id
               JOIN claims c ON c.id = m.claim_id
               WHERE k.verdict IN ('conflict', 'consistent') AND c.speaker_id IS NOT NULL
               GROUP BY m.comparison_id, k.verdict, c.speaker_id, m.side"""
    ):
        yield r[0], r[1], r[2], r[3]


def outlet_claims(store: Any, speaker_ids: Sequence[str] | None = None) -> list[tuple[str, str, int]]:
    """``(speaker id, outlet or '', claims)`` of every speaker (or of these)."""
    sql = (
        "SELECT c.speaker_id, COALESCE(d.outlet, ''), COUNT(*) FROM claims c JOIN documents d ON d.id = c.doc_id "
        "WHERE c.speaker_id IS NOT NULL{where} GROUP BY c.speaker_id, COALESCE(d.outlet, '')"
    )
    if speaker_ids is None:
        return [(r[0], r[1], r[2]) for r in store.execute(sql.format(where=""))]
    out: list[tuple[str, str, int]] = []
    for chunk in _chunks(list(speaker_ids)):
        out += [
            (r[0], r[1], r[2])
            for r in store.execute(sql.format(where=f" AND c.speaker_id IN ({_in(len(chunk))})"), chunk)
        ]
    return out


# ---------------------------------------------------------------------- what the stage writes
def put_outlets(
    store: Any, rows: Iterable[tuple[str, str, int]], speaker_ids: Sequence[str] | None = None
) -> None:
    """Replace the outlet counts of every speaker (or of ``speaker_ids``) with ``rows``."""
    if speaker_ids is None:
        store.execute("DELETE FROM speaker_outlets")
    else:
        for chunk in _chunks(list(speaker_ids)):
            store.execute(f"DELETE FROM speaker_outlets WHERE speaker_id IN ({_in(len(chunk))})", chunk)
    store.executemany("INSERT INTO speaker_outlets (speaker_id, outlet, claims) VALUES (?,?,?)", rows)


def put_relations(store: Any, rows: Iterable[tuple[str, str, str, int]]) -> None:
    """Replace every ``(speaker id, relation, other speaker id, comparisons)`` row."""
    store.execute("DELETE FROM speaker_relations")
    store.executemany(
        "INSERT INTO speaker_relations (speaker_id, relation, other_id, comparisons) VALUES (?,?,?,?)", rows
    )


def document_facts(store: Any, doc_ids: Sequence[str]) -> dict[str, tuple[str | None, list[tuple[str, str]]]]:
    """``doc id -> (content hash, acronym definitions)`` as the speakers stage last saw them."""
    out: dict[str, tuple[str | None, list[tuple[str, str]]]] = {}
    for chunk in _chunks(list(doc_ids)):
        for r in store.execute(
            f"SELECT doc_id, content_hash, acronyms FROM speaker_documents "
            f"WHERE doc_id IN ({_in(len(chunk))})",
            chunk,
        ):
            out[r[0]] = (r[1], [tuple(p) for p in json.loads(r[2] or "[]")])  # type: ignore[misc]
    return out


def put_document_facts(store: Any, rows: Iterable[tuple[str, str | None, list[tuple[str, str]]]]) -> None:
    """Record ``(doc id, content hash, acronym definitions)`` of documents the stage has read."""
    store.executemany(
        store._upsert_sql("speaker_documents", ["doc_id", "content_hash", "acronyms"], ["doc_id"]),
        [(d, h, json.dumps(pairs, ensure_ascii=False)) for d, h, pairs in rows],
    )


def count_document_facts(store: Any) -> int:
    """How many documents the speakers stage keeps facts of."""
    return store.execute("SELECT COUNT(*) FROM speaker_documents").fetchone()[0]


def forget_documents(store: Any) -> None:
    """Drop the facts of documents no longer stored."""
    store.execute(
        "DELETE FROM speaker_documents WHERE NOT EXISTS "
        "(SELECT 1 FROM documents d WHERE d.id = speaker_documents.doc_id)"
    )


# ---------------------------------------------------------------------- what the page reads
def stored_outlets(store: Any, speaker_id: str) -> list[tuple[str, int]]:
    """``(outlet or '', claims)`` of one speaker, most claims first, then by outlet."""
    return [
        (r[0], r[1])
        for r in store.execute(
            "SELECT outlet, claims FROM speaker_outlets WHERE speaker_id=? ORDER BY claims DESC, outlet",
            (speaker_id,),
        )
    ]


def speaker_relations(store: Any, speaker_id: str, relation: str) -> list[tuple[str, int]]:
    """``(other speaker id, comparisons)`` the speaker ``agrees`` or ``conflicts`` with, most
    comparisons first, then by the other's id."""
    return [
        (r[0], r[1])
        for r in store.execute(
            "SELECT other_id, comparisons FROM speaker_relations WHERE speaker_id=? AND relation=? "
            "ORDER BY comparisons DESC, other_id",
            (speaker_id, relation),
        )
    ]


def refresh(
    store: Any, outlets_of: Sequence[str] | None = None, *, relations: bool = True, migrating: bool = False
) -> None:
    """Store the outlet counts of ``outlets_of`` (every speaker's when None) and, with
    ``relations``, every speaker's agreements and conflicts; then mark the figures fresh. Call
    inside a transaction. A store of an older schema (a test's) has no tables for them;
    ``migrating``: the migration that adds them is running."""
    if not migrating and store.schema_version < SUMMARY_VERSION:
        return
    put_outlets(store, outlet_claims(store, outlets_of), outlets_of)
    if not relations:
        mark_fresh(store)
        return
    rel = all_relations(all_stands(store))
    put_relations(
        store,
        [
            (me, kind, other, n)
            for me, kinds in rel.items()
            for kind, counts in kinds.items()
            for other, n in counts.items()
        ],
    )
    mark_fresh(store)
