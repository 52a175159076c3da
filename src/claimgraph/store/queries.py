"""Read-only queries behind the reports and pages: counts, one page of a list, lookups by id.

Plain SQL that SQLite and PostgreSQL both run (through ``Store.execute``), returning plain data
with the stored values as they are: the presentations decide how to show an unknown outlet or an
untitled story. Lists that can be long take a page or a limit, so a store of millions of rows is
never loaded whole, and ids are looked up in chunks (a bounded number of placeholders).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..model import Story
from .base import Store

CHUNK = 500  # ids per ``IN (...)`` lookup


def _in(n: int) -> str:
    return ",".join("?" * n)


def _chunks(ids: Iterable[str]) -> Iterable[list[str]]:
    """Distinct ids, in first-seen order, ``CHUNK`` at a time."""
    unique = list(dict.fromkeys(ids))
    for i in range(0, len(unique), CHUNK):
        yield unique[i:i + CHUNK]


# ---------------------------------------------------------------------- counts
def count_duplicates(store: Store) -> int:
    """Documents stored as a duplicate of another."""
    return store.execute("SELECT COUNT(*) FROM documents WHERE duplicate_of IS NOT NULL").fetchone()[0]


def count_attributed(store: Store) -> int:
    """Claims with a speaker or a cue."""
    return store.execute("SELECT COUNT(*) FROM claims WHERE speaker IS NOT NULL OR cue IS NOT NULL").fetchone()[0]


def count_outlets(store: Store) -> int:
    """Distinct outlets of the documents (no outlet and an empty one count as one)."""
    return store.execute("SELECT COUNT(DISTINCT COALESCE(outlet, '')) FROM documents").fetchone()[0]


def verdict_counts(store: Store) -> dict[str, int]:
    """``verdict -> number of comparisons``."""
    return dict(store.execute("SELECT verdict, COUNT(*) FROM comparisons GROUP BY verdict").fetchall())


def outlet_counts(store: Store, *, limit: int, named_only: bool = False) -> list[tuple[str | None, int]]:
    """``(outlet, documents)``, most documents first, then by name; ``named_only`` leaves out
    documents with no (or an empty) outlet."""
    where = "WHERE outlet IS NOT NULL AND outlet != '' " if named_only else ""
    return [(r[0], r[1]) for r in store.execute(
        f"SELECT outlet, COUNT(*) FROM documents {where}GROUP BY outlet ORDER BY 2 DESC, 1 LIMIT ?", (limit,))]


def speaker_counts(store: Store, *, limit: int) -> list[tuple[str, int]]:
    """``(speaker, claims)`` of resolved speakers, most claims first, then by name."""
    return [(r[0], r[1]) for r in store.execute(
        "SELECT speaker, COUNT(*) FROM claims WHERE speaker IS NOT NULL GROUP BY speaker "
        "ORDER BY 2 DESC, 1 LIMIT ?", (limit,))]


def speaker_stats(store: Store, *, limit: int, q: str | None = None, offset: int = 0) -> list[dict[str, Any]]:
    """Most quoted speakers (whose name contains ``q``, any case) with their numbers of claims,
    outlets and documents; ``limit`` of them after the first ``offset``."""
    where, args = "", []
    if q:
        where, args = "AND c.speaker LIKE ?", [f"%{q}%"]
    return [{"speaker": r[0], "claims": r[1], "outlets": r[2], "documents": r[3]} for r in store.execute(
        f"""SELECT c.speaker, COUNT(*), COUNT(DISTINCT COALESCE(d.outlet, '')), COUNT(DISTINCT c.doc_id)
            FROM claims c JOIN documents d ON d.id = c.doc_id
            WHERE c.speaker IS NOT NULL AND c.speaker != '' {where}
            GROUP BY c.speaker ORDER BY 2 DESC, 1 LIMIT ? OFFSET ?""", [*args, limit, offset])]


def count_speaker_names(store: Store, q: str | None = None) -> int:
    """Distinct speaker names (containing ``q``, any case), as ``speaker_stats`` lists them."""
    where, args = "", []
    if q:
        where, args = "AND speaker LIKE ?", [f"%{q}%"]
    return store.execute(f"SELECT COUNT(DISTINCT speaker) FROM claims WHERE speaker IS NOT NULL AND speaker != '' "
                         f"{where}", args).fetchone()[0]


def claim_outlets(store: Store, **filters: Any) -> dict[str | None, int]:
    """``outlet -> claims`` of the claims ``store.claims(**filters)`` selects (all of them, not a
    page), most claims first; outlets as stored."""
    where, args = store.claim_filter(**filters)
    return {r[0]: r[1] for r in store.execute(
        f"""SELECT d.outlet, COUNT(*) FROM claims JOIN documents d ON d.id = claims.doc_id{where}
            GROUP BY d.outlet ORDER BY 2 DESC, 1""", args)}


def speaker_stands(store: Store, speaker_id: str) -> list[tuple[str, str, str, int | None]]:
    """``(comparison id, verdict, speaker entity id, side)``, once each, for every speaker of every
    conflict or agreement that uses a claim of ``speaker_id``: one grouped query through the
    indexes instead of loading every comparison of every story the speaker is in."""
    return [(r[0], r[1], r[2], r[3]) for r in store.execute(
        """SELECT m.comparison_id, k.verdict, c.speaker_id, m.side
           FROM comparisons k JOIN comparison_claims m ON m.comparison_id = k.id JOIN claims c ON c.id = m.claim_id
           WHERE k.id IN (SELECT mm.comparison_id FROM claims cc JOIN comparison_claims mm ON mm.claim_id = cc.id
                          WHERE cc.speaker_id = ?)
             AND k.verdict IN ('conflict', 'consistent') AND c.speaker_id IS NOT NULL
           GROUP BY m.comparison_id, k.verdict, c.speaker_id, m.side""", (speaker_id,))]


# ---------------------------------------------------------------------- one page of a list
@dataclass
class StorySummary:
    """A story as a list row: stored title and terms, verdict counts, and what its articles add up to."""

    id: str
    title: str | None
    terms: list[str]
    conflicts: int
    consistent: int
    documents: int = 0
    outlets: list[str | None] = field(default_factory=list)  # distinct, as stored, in ingest order
    first_title: str | None = None  # the first article title that is not blank
    first_published: str | None = None
    last_published: str | None = None
    claims: int = 0
    related: list[str] = field(default_factory=list)


def story_summaries(store: Store, *, page: int, per_page: int,
                    q: str | None = None) -> tuple[list[StorySummary], int]:
    """One page of stories (title or terms containing ``q``), most conflicts first, then in
    the order they were stored; and the number of matching stories."""
    where, args = "", []
    if q:
        where = "WHERE s.title LIKE ? OR s.terms LIKE ?"
        args = [f"%{q}%", f"%{q}%"]
    total = store.execute(f"SELECT COUNT(*) FROM stories s {where}", args).fetchone()[0]
    rows = store.execute(
        f"""SELECT s.id, s.title, s.terms, COALESCE(k.conflicts, 0), COALESCE(k.consistent, 0)
            FROM stories s LEFT JOIN (SELECT story_id,
                                             SUM(CASE WHEN verdict = 'conflict' THEN 1 ELSE 0 END) AS conflicts,
                                             SUM(CASE WHEN verdict = 'consistent' THEN 1 ELSE 0 END) AS consistent
                                      FROM comparisons GROUP BY story_id) k ON k.story_id = s.id
            {where} ORDER BY 4 DESC, s.rowid LIMIT ? OFFSET ?""",
        [*args, per_page, (page - 1) * per_page]).fetchall()
    out = [StorySummary(r[0], r[1], json.loads(r[2] or "[]"), r[3], r[4]) for r in rows]
    if not out:
        return out, total
    by_id = {s.id: s for s in out}
    ids = list(by_id)
    for sid, title, outlet, published in store.execute(
            f"""SELECT sd.story_id, d.title, d.outlet, d.published FROM story_documents sd
                JOIN documents d ON d.id = sd.doc_id WHERE sd.story_id IN ({_in(len(ids))})
                ORDER BY d.rowid""", ids):
        s = by_id[sid]
        s.documents += 1
        if outlet not in s.outlets:
            s.outlets.append(outlet)
        if s.first_title is None and (title or "").strip():
            s.first_title = title
        if published:
            s.first_published = min(filter(None, [s.first_published, published]))
            s.last_published = max(filter(None, [s.last_published, published]))
    for sid, n in store.execute(
            f"""SELECT sd.story_id, COUNT(c.id) FROM story_documents sd JOIN claims c ON c.doc_id = sd.doc_id
                WHERE sd.story_id IN ({_in(len(ids))}) GROUP BY sd.story_id""", ids):
        by_id[sid].claims = n
    for sid, rel in store.execute(
            f"SELECT story_id, related_id FROM story_links WHERE story_id IN ({_in(len(ids))}) ORDER BY 1, 2", ids):
        by_id[sid].related.append(rel)
    return out, total


def article_page(store: Store, *, page: int, per_page: int,
                 outlet: str | None = None) -> tuple[list[dict[str, Any]], int]:
    """One page of articles (of one outlet) in ingest order, with their story and number of
    claims; and the number of matching articles. Titles are as stored (possibly None)."""
    where, args = "", []
    if outlet:
        where, args = "WHERE d.outlet = ?", [outlet]
    total = store.execute(f"SELECT COUNT(*) FROM documents d {where}", args).fetchone()[0]
    rows = store.execute(
        f"""SELECT d.id, d.title, d.outlet, d.author, d.published, d.duplicate_of, sd.story_id,
                   (SELECT COUNT(*) FROM claims c WHERE c.doc_id = d.id)
            FROM documents d LEFT JOIN story_documents sd ON sd.doc_id = d.id
            {where} ORDER BY d.rowid LIMIT ? OFFSET ?""", [*args, per_page, (page - 1) * per_page])
    return [{"id": r[0], "title": r[1], "outlet": r[2], "author": r[3], "published": r[4],
             "duplicate_of": r[5], "story": r[6], "claims": r[7]} for r in rows], total


# ---------------------------------------------------------------------- lookups by id
def document_meta(store: Store, doc_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """``id -> {id, title, outlet, published, story}`` of stored documents, without text or claims
    (titles as stored); unknown ids are left out."""
    out: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(doc_ids):
        for r in store.execute(
                f"""SELECT d.id, d.title, d.outlet, d.published, sd.story_id FROM documents d
                    LEFT JOIN story_documents sd ON sd.doc_id = d.id WHERE d.id IN ({_in(len(chunk))})""", chunk):
            out[r[0]] = {"id": r[0], "title": r[1], "outlet": r[2], "published": r[3], "story": r[4]}
    return out


def story_titles(store: Store, story_ids: Sequence[str]) -> dict[str, str | None]:
    """``id -> stored title`` of the stories among ``story_ids``."""
    out: dict[str, str | None] = {}
    for chunk in _chunks(story_ids):
        out.update({r[0]: r[1] for r in store.execute(
            f"SELECT id, title FROM stories WHERE id IN ({_in(len(chunk))})", chunk)})
    return out


def copies_of(store: Store, doc_id: str, limit: int = 50) -> list[str]:
    """Ids of the documents stored as duplicates of this one, in ingest order."""
    return [r[0] for r in store.execute(
        "SELECT id FROM documents WHERE duplicate_of=? ORDER BY rowid LIMIT ?", (doc_id, limit))]


def claim_doc_ids(store: Store, claim_ids: Iterable[str]) -> dict[str, str]:
    """``claim id -> document id`` straight from the store (claim ids need not follow a pattern)."""
    out: dict[str, str] = {}
    for chunk in _chunks(claim_ids):
        out.update({r[0]: r[1] for r in store.execute(
            f"SELECT id, doc_id FROM claims WHERE id IN ({_in(len(chunk))})", chunk)})
    return out


@dataclass
class StoredComparison:
    """Where a stored comparison sits and what it compares: its story, and its claims' documents."""

    story: str
    claims: tuple[str, ...] = ()  # sorted
    documents: set[str | None] = field(default_factory=set)  # None: a claim no longer stored


def stored_comparisons_of(store: Store, story_ids: Iterable[str]) -> dict[str, StoredComparison]:
    """``comparison id -> StoredComparison`` for the comparisons stored under ``story_ids``."""
    out: dict[str, StoredComparison] = {}
    for chunk in _chunks(story_ids):
        rows = store.execute(
            "SELECT k.id, k.story_id, cc.claim_id, c.doc_id FROM comparisons k "
            "JOIN comparison_claims cc ON cc.comparison_id = k.id LEFT JOIN claims c ON c.id = cc.claim_id "
            f"WHERE k.story_id IN ({_in(len(chunk))})", chunk).fetchall()
        for k, story, claim, doc in rows:
            entry = out.setdefault(k, StoredComparison(story))
            entry.claims += (claim,)
            entry.documents.add(doc)
    for entry in out.values():
        entry.claims = tuple(sorted(set(entry.claims)))
    return out


def find_story(store: Store, story_id: str) -> Story | None:
    """The stored story with this id, or None (one indexed lookup, not a scan of every story)."""
    row = store.execute("SELECT id, title, terms FROM stories WHERE id=?", (story_id,)).fetchone()
    if row is None:
        return None
    docs = [r[0] for r in store.execute(
        "SELECT sd.doc_id FROM story_documents sd JOIN documents d ON d.id = sd.doc_id "
        "WHERE sd.story_id=? ORDER BY d.rowid", (story_id,))]
    related = [r[0] for r in store.execute(
        "SELECT related_id FROM story_links WHERE story_id=? ORDER BY 1", (story_id,))]
    return Story(id=row[0], documents=docs, related=related, title=row[1], terms=json.loads(row[2] or "[]"))


def story_of(store: Store, doc_id: str) -> str | None:
    """The id of the story a document belongs to, if any."""
    row = store.execute("SELECT story_id FROM story_documents WHERE doc_id=?", (doc_id,)).fetchone()
    return row[0] if row else None


def placed_document_ids(store: Store) -> set[str]:
    """Ids of the documents some story holds (the story index has seen them)."""
    return {r[0] for r in store.execute("SELECT doc_id FROM story_documents")}


def unplaced_document_ids(store: Store) -> list[str]:
    """Ids of the documents no story holds yet (the story index has not seen them), in ingest order."""
    return [r[0] for r in store.execute(
        "SELECT d.id FROM documents d WHERE NOT EXISTS "
        "(SELECT 1 FROM story_documents sd WHERE sd.doc_id = d.id) ORDER BY d.rowid")]


def in_ingest_order(store: Store, doc_ids: Iterable[str]) -> list[str]:
    """The stored documents among ``doc_ids``, in ingest order (the order ``Store.stories`` gives)."""
    rows: list[tuple[int, str]] = []
    for chunk in _chunks(doc_ids):
        rows += [(r[1], r[0]) for r in store.execute(
            f"SELECT id, rowid FROM documents WHERE id IN ({_in(len(chunk))})", chunk)]
    return [doc_id for _, doc_id in sorted(rows)]
