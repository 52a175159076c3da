"""The SQLite store: one file, WAL, versioned schema, idempotent re-ingest.

Every write happens inside ``transaction()``; a crash loses at most the open batch, never what
was committed before (WAL + ``synchronous=NORMAL``).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ..model import Article, Claim, Comparison, Quantity, Story
from .schema import MIGRATIONS, SCHEMA_VERSION


class StoreError(RuntimeError):
    """The store file cannot be opened or is newer than this claimgraph."""


class Store:
    """A claimgraph database file."""

    def __init__(self, path: str | Path = "claimgraph.db", *, readonly: bool = False):
        self.path = str(path)
        try:
            if readonly:
                uri = f"file:{Path(self.path).resolve()}?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            else:
                self.conn = sqlite3.connect(self.path, check_same_thread=False)
        except sqlite3.Error as e:
            raise StoreError(f"{self.path}: cannot open database ({e})") from e
        self.conn.row_factory = sqlite3.Row
        try:
            if not readonly:
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            self.conn.execute("PRAGMA busy_timeout=10000")
            if not readonly:
                self._migrate()
        except sqlite3.DatabaseError as e:
            raise StoreError(f"{self.path}: not a claimgraph database ({e})") from e

    # ------------------------------------------------------------------ lifecycle
    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: schema version {version} is newer than this claimgraph "
                             f"({SCHEMA_VERSION}); upgrade claimgraph")
        for i in range(version, SCHEMA_VERSION):
            with self.conn:
                self.conn.executescript("BEGIN;" + MIGRATIONS[i] + f";PRAGMA user_version={i + 1};COMMIT;")

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with self.conn:
            yield self.conn

    # ------------------------------------------------------------------ documents
    def document_status(self, doc_id: str) -> tuple[str, str | None] | None:
        """``(status, raw_hash)`` of a stored document, or None."""
        row = self.conn.execute("SELECT status, raw_hash FROM documents WHERE id=?", (doc_id,)).fetchone()
        return (row["status"], row["raw_hash"]) if row else None

    def put_document(self, art: Article, *, raw_hash: str, encoding: str | None = None,
                     signature: bytes | None = None, line: int | None = None,
                     extra: dict[str, Any] | None = None, status: str = "cleaned") -> None:
        """Insert or replace a document; its old claims go with it (they will be re-extracted)."""
        self.conn.execute("DELETE FROM claims WHERE doc_id=?", (art.id,))
        self.conn.execute(
            """INSERT OR REPLACE INTO documents (id, source, line, url, outlet, title, author, published,
               kind, encoding, raw, raw_hash, text, content_hash, duplicate_of, signature, removed, extra,
               status) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            (art.id, art.source, line, art.url, art.outlet, art.title, art.author, art.published,
             art.kind, encoding, art.raw, raw_hash, art.text, art.content_hash, art.duplicate_of,
             signature, json.dumps(art.removed), json.dumps(extra or {}), status))

    def update_text(self, doc_id: str, text: str, removed: list[str], content_hash: str,
                    duplicate_of: str | None, signature: bytes | None, outlet: str | None) -> None:
        self.conn.execute(
            "UPDATE documents SET text=?, removed=?, content_hash=?, duplicate_of=?, signature=?, outlet=? "
            "WHERE id=?", (text, json.dumps(removed), content_hash, duplicate_of, signature, outlet, doc_id))

    def set_status(self, doc_id: str, status: str) -> None:
        self.conn.execute("UPDATE documents SET status=? WHERE id=?", (status, doc_id))

    def document_ids(self, status: str | None = None) -> list[str]:
        if status:
            rows = self.conn.execute("SELECT id FROM documents WHERE status=? ORDER BY rowid", (status,))
        else:
            rows = self.conn.execute("SELECT id FROM documents ORDER BY rowid")
        return [r[0] for r in rows]

    def known_signatures(self) -> Iterator[tuple[str, str, bytes | None]]:
        """``(id, content_hash, signature)`` of every deduplicated document, oldest first."""
        rows = self.conn.execute("SELECT id, content_hash, signature FROM documents "
                                 "WHERE status IN ('deduped', 'extracted') ORDER BY rowid")
        for r in rows:
            yield r[0], r[1], r[2]

    def _article(self, r: sqlite3.Row, with_claims: bool) -> Article:
        art = Article(id=r["id"], text=r["text"] or "", title=r["title"], outlet=r["outlet"],
                      author=r["author"], published=r["published"], url=r["url"], source=r["source"] or "",
                      raw=r["raw"] or "", kind=r["kind"] or "text", content_hash=r["content_hash"] or "",
                      duplicate_of=r["duplicate_of"], removed=json.loads(r["removed"] or "[]"))
        if with_claims:
            art.claims = self.claims(doc_id=art.id)
        return art

    def get_document(self, doc_id: str, with_claims: bool = True) -> Article | None:
        r = self.conn.execute("SELECT * FROM documents WHERE id=?", (doc_id,)).fetchone()
        return self._article(r, with_claims) if r else None

    def documents(self, ids: Iterable[str] | None = None, with_claims: bool = True) -> Iterator[Article]:
        """Stored articles, in ingest order (or in the order of ``ids``)."""
        if ids is None:
            for r in self.conn.execute("SELECT * FROM documents ORDER BY rowid"):
                yield self._article(r, with_claims)
        else:
            for doc_id in ids:
                art = self.get_document(doc_id, with_claims)
                if art is not None:
                    yield art

    def count(self, table: str) -> int:
        assert table in {"documents", "claims", "quantities", "stories", "comparisons"}
        return self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    # ------------------------------------------------------------------ claims
    def put_claims(self, doc_id: str, claims: list[Claim]) -> None:
        self.conn.execute("DELETE FROM claims WHERE doc_id=?", (doc_id,))
        self.conn.executemany(
            """INSERT INTO claims (id, doc_id, start_char, end_char, text, speaker, speaker_mention,
               speaker_type, cue, via, hedged, kind, sentence_start, sentence_end)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            [(c.id, doc_id, c.start, c.end, c.text, c.speaker, c.speaker_mention, c.speaker_type, c.cue,
              json.dumps(c.via), int(c.hedged), c.kind, c.sentence_start, c.sentence_end) for c in claims])
        self.conn.executemany(
            """INSERT INTO quantities (claim_id, idx, doc_id, start_char, end_char, text, value, low, high,
               approx, unit, counted, kind, normalized) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            [(c.id, i, doc_id, q.start, q.end, q.text, q.value, q.low, q.high, int(q.approx), q.unit,
              q.counted, q.kind, json.dumps(q.normalized) if q.normalized else None)
             for c in claims for i, q in enumerate(c.quantities)])

    def claims(self, doc_id: str | None = None, speaker: str | None = None,
               search: str | None = None, limit: int | None = None) -> list[Claim]:
        where, args = [], []
        if doc_id is not None:
            where.append("doc_id=?")
            args.append(doc_id)
        if speaker is not None:
            where.append("(speaker LIKE ? OR speaker_mention LIKE ?)")
            args += [f"%{speaker}%", f"%{speaker}%"]
        if search:
            where.append("text LIKE ?")
            args.append(f"%{search}%")
        sql = "SELECT * FROM claims" + (" WHERE " + " AND ".join(where) if where else "")
        sql += " ORDER BY doc_id, start_char"
        if limit:
            sql += f" LIMIT {int(limit)}"
        rows = self.conn.execute(sql, args).fetchall()
        out = [self._claim(r) for r in rows]
        if out:
            by_id = {c.id: c for c in out}
            qsql = "SELECT * FROM quantities WHERE claim_id IN (%s) ORDER BY claim_id, idx"
            ids = list(by_id)
            for i in range(0, len(ids), 500):
                chunk = ids[i:i + 500]
                for q in self.conn.execute(qsql % ",".join("?" * len(chunk)), chunk):
                    by_id[q["claim_id"]].quantities.append(Quantity(
                        text=q["text"], start=q["start_char"], end=q["end_char"], value=q["value"],
                        low=q["low"], high=q["high"], approx=bool(q["approx"]), unit=q["unit"],
                        counted=q["counted"], kind=q["kind"] or "count",
                        normalized=json.loads(q["normalized"]) if q["normalized"] else None))
        return out

    @staticmethod
    def _claim(r: sqlite3.Row) -> Claim:
        return Claim(id=r["id"], text=r["text"], start=r["start_char"], end=r["end_char"],
                     speaker=r["speaker"], speaker_mention=r["speaker_mention"],
                     speaker_type=r["speaker_type"], cue=r["cue"], via=json.loads(r["via"] or "[]"),
                     hedged=bool(r["hedged"]), kind=r["kind"] or "own_voice",
                     sentence_start=r["sentence_start"], sentence_end=r["sentence_end"])

    # ------------------------------------------------------------------ stories and comparisons
    def put_stories(self, stories: list[Story]) -> None:
        """Replace the story tables with the clusterer's current view."""
        self.conn.execute("DELETE FROM stories")
        self.conn.execute("DELETE FROM story_documents")
        self.conn.execute("DELETE FROM story_links")
        self.conn.executemany("INSERT INTO stories (id, title, terms) VALUES (?,?,?)",
                              [(s.id, s.title, json.dumps(s.terms)) for s in stories])
        self.conn.executemany("INSERT OR REPLACE INTO story_documents (doc_id, story_id) VALUES (?,?)",
                              [(d, s.id) for s in stories for d in s.documents])
        self.conn.executemany("INSERT OR IGNORE INTO story_links (story_id, related_id) VALUES (?,?)",
                              [(s.id, r) for s in stories for r in s.related])

    def stories(self) -> list[Story]:
        docs: dict[str, list[str]] = {}
        for r in self.conn.execute("SELECT sd.story_id, sd.doc_id FROM story_documents sd "
                                   "JOIN documents d ON d.id = sd.doc_id ORDER BY d.rowid"):
            docs.setdefault(r[0], []).append(r[1])
        links: dict[str, list[str]] = {}
        for r in self.conn.execute("SELECT story_id, related_id FROM story_links ORDER BY 1, 2"):
            links.setdefault(r[0], []).append(r[1])
        return [Story(id=r["id"], documents=docs.get(r["id"], []), related=links.get(r["id"], []),
                      title=r["title"], terms=json.loads(r["terms"] or "[]"))
                for r in self.conn.execute("SELECT * FROM stories ORDER BY rowid")]

    def put_comparisons(self, comparisons: list[Comparison]) -> None:
        self.conn.execute("DELETE FROM comparisons")
        self.conn.executemany(
            """INSERT INTO comparisons (id, story_id, measure, verdict, explanation, kind, claims, sources,
               independent_origins) VALUES (?,?,?,?,?,?,?,?,?)""",
            [(f"k{i}", c.story, c.measure, c.verdict, c.explanation, c.kind, json.dumps(c.claims),
              json.dumps(c.sources), c.independent_origins) for i, c in enumerate(comparisons, 1)])

    def comparisons(self, story: str | None = None) -> list[Comparison]:
        sql, args = "SELECT * FROM comparisons", []
        if story:
            sql += " WHERE story_id=?"
            args.append(story)
        rows = self.conn.execute(sql + " ORDER BY verdict='consistent', rowid", args)
        return [Comparison(measure=r["measure"], claims=json.loads(r["claims"]), verdict=r["verdict"],
                           explanation=r["explanation"] or "", story=r["story_id"], kind=r["kind"] or "numeric",
                           sources=json.loads(r["sources"] or "[]"),
                           independent_origins=r["independent_origins"]) for r in rows]

    # ------------------------------------------------------------------ small state (e.g. the story index)
    def get_state(self, key: str) -> Any:
        r = self.conn.execute("SELECT value FROM state WHERE key=?", (key,)).fetchone()
        return json.loads(r[0]) if r else None

    def set_state(self, key: str, value: Any) -> None:
        self.conn.execute("INSERT OR REPLACE INTO state (key, value) VALUES (?,?)", (key, json.dumps(value)))

    def integrity_check(self) -> str:
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0]
