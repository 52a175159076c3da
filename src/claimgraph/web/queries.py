"""Read-only summary queries for the list pages (plain SQL that SQLite and PostgreSQL both accept).

The list pages aggregate over the whole store, so they run a few grouped SQL queries restricted
to one page of rows instead of loading every article (a store may hold millions).
"""

from __future__ import annotations

import json
from typing import Any

from ..present.tables import UNKNOWN_OUTLET
from ..store import Store


def _in(n: int) -> str:
    return ",".join("?" * n)


def overview(store: Store) -> dict[str, int]:
    """Counts for the page header."""
    c = store
    verdicts = dict(c.execute("SELECT verdict, COUNT(*) FROM comparisons GROUP BY verdict").fetchall())
    return {
        "documents": store.count("documents"),
        "claims": store.count("claims"),
        "stories": store.count("stories"),
        "outlets": c.execute("SELECT COUNT(DISTINCT COALESCE(outlet, '')) FROM documents").fetchone()[0],
        "conflicts": verdicts.get("conflict", 0),
        "consistent": verdicts.get("consistent", 0),
    }


def story_rows(store: Store, *, page: int, per_page: int, q: str | None = None) -> tuple[list[dict[str, Any]], int]:
    """One page of stories, conflicts first, with outlets, dates and counts; and the total."""
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
    out = [{"id": r[0], "title": r[1], "terms": json.loads(r[2] or "[]"), "conflicts": r[3], "consistent": r[4],
            "documents": 0, "outlets": [], "first_published": None, "last_published": None, "claims": 0,
            "related": []} for r in rows]
    if not out:
        return out, total
    by_id = {s["id"]: s for s in out}
    ids = list(by_id)
    for sid, title, outlet, published in store.execute(
            f"""SELECT sd.story_id, d.title, d.outlet, d.published FROM story_documents sd
                JOIN documents d ON d.id = sd.doc_id WHERE sd.story_id IN ({_in(len(ids))})
                ORDER BY d.rowid""", ids):
        s = by_id[sid]
        s["documents"] += 1
        outlet = (outlet or "").strip() or UNKNOWN_OUTLET
        if outlet not in s["outlets"]:
            s["outlets"].append(outlet)
        if not (s["title"] or "").strip() and (title or "").strip():
            s["title"] = title.strip()
        if published:
            s["first_published"] = min(filter(None, [s["first_published"], published]))
            s["last_published"] = max(filter(None, [s["last_published"], published]))
    for sid, n in store.execute(
            f"""SELECT sd.story_id, COUNT(c.id) FROM story_documents sd JOIN claims c ON c.doc_id = sd.doc_id
                WHERE sd.story_id IN ({_in(len(ids))}) GROUP BY sd.story_id""", ids):
        by_id[sid]["claims"] = n
    for sid, rel in store.execute(
            f"SELECT story_id, related_id FROM story_links WHERE story_id IN ({_in(len(ids))}) ORDER BY 1, 2", ids):
        by_id[sid]["related"].append(rel)
    for s in out:
        s["title"] = (s["title"] or "").strip() or ", ".join(s["terms"][:5]) or s["id"]
    return out, total


def article_rows(store: Store, *, page: int, per_page: int,
                 outlet: str | None = None) -> tuple[list[dict[str, Any]], int]:
    """One page of articles in ingest order, with their claim counts and stories; and the total."""
    where, args = "", []
    if outlet:
        where, args = "WHERE d.outlet = ?", [outlet]
    total = store.execute(f"SELECT COUNT(*) FROM documents d {where}", args).fetchone()[0]
    rows = store.execute(
        f"""SELECT d.id, d.title, d.outlet, d.author, d.published, d.duplicate_of, sd.story_id,
                   (SELECT COUNT(*) FROM claims c WHERE c.doc_id = d.id)
            FROM documents d LEFT JOIN story_documents sd ON sd.doc_id = d.id
            {where} ORDER BY d.rowid LIMIT ? OFFSET ?""", [*args, per_page, (page - 1) * per_page])
    return [{"id": r[0], "title": (r[1] or "").strip() or r[0], "outlet": r[2], "author": r[3],
             "published": r[4], "duplicate_of": r[5], "story": r[6], "claims": r[7]} for r in rows], total


def outlets(store: Store) -> list[dict[str, Any]]:
    """Outlets with their numbers of articles, biggest first."""
    return [{"outlet": r[0], "documents": r[1]} for r in store.execute(
        "SELECT outlet, COUNT(*) FROM documents WHERE outlet IS NOT NULL AND outlet != '' "
        "GROUP BY outlet ORDER BY 2 DESC, 1 LIMIT 500")]


def speakers(store: Store, *, limit: int, q: str | None = None) -> list[dict[str, Any]]:
    """Most quoted speakers, with how many outlets quote them."""
    where, args = "", []
    if q:
        where, args = "AND c.speaker LIKE ?", [f"%{q}%"]
    return [{"speaker": r[0], "claims": r[1], "outlets": r[2], "documents": r[3]} for r in store.execute(
        f"""SELECT c.speaker, COUNT(*), COUNT(DISTINCT COALESCE(d.outlet, '')), COUNT(DISTINCT c.doc_id)
            FROM claims c JOIN documents d ON d.id = c.doc_id
            WHERE c.speaker IS NOT NULL AND c.speaker != '' {where}
            GROUP BY c.speaker ORDER BY 2 DESC, 1 LIMIT ?""", [*args, limit])]


def docs_meta(store: Store, doc_ids: list[str]) -> dict[str, dict[str, Any]]:
    """Title/outlet/date of documents, without their text or claims."""
    out: dict[str, dict[str, Any]] = {}
    ids = list(dict.fromkeys(doc_ids))
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        for r in store.execute(
                f"""SELECT d.id, d.title, d.outlet, d.published, sd.story_id FROM documents d
                    LEFT JOIN story_documents sd ON sd.doc_id = d.id WHERE d.id IN ({_in(len(chunk))})""", chunk):
            out[r[0]] = {"id": r[0], "title": (r[1] or "").strip() or r[0], "outlet": r[2], "published": r[3],
                         "story": r[4]}
    return out


def story_titles(store: Store, story_ids: list[str]) -> dict[str, str]:
    """Titles (or ids) of stories, for links."""
    if not story_ids:
        return {}
    rows = store.execute(f"SELECT id, title FROM stories WHERE id IN ({_in(len(story_ids))})", story_ids)
    return {r[0]: (r[1] or "").strip() or r[0] for r in rows}


def copies_of(store: Store, doc_id: str, limit: int = 50) -> list[str]:
    """Documents stored as duplicates of this one."""
    return [r[0] for r in store.execute(
        "SELECT id FROM documents WHERE duplicate_of=? ORDER BY rowid LIMIT ?", (doc_id, limit))]
