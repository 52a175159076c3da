"""The store's public API, written once for every backend.

``Store(path_or_url)`` opens a SQLite file (the default) or, for a ``postgresql://`` URL, a
PostgreSQL database: the class picks its backend subclass itself, so every caller that wrote
``Store(db)`` works with both. The methods below use only ``execute``/``executemany`` with
SQLite-style SQL (``?`` placeholders, ``rowid`` for ingest order) that each backend runs as it
must; backends supply connections, upserts, migrations and transactions.

Backends register themselves when their class is defined (``address = "path"`` or ``"url"``), and
the package imports both: this module never imports a backend, so there is no import cycle.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ClassVar, TypeVar

from ..model import Article, Claim, Comparison, Quantity, Speaker, Story
from . import dedup_index

URL_SCHEMES = ("postgresql://", "postgres://")
PAGE = 1000  # rows per page when streaming big tables (bounded memory on any backend)
DOC_CHUNK = 200  # articles loaded per query by ``documents(ids)``
ENTITIES_VERSION = 11  # the schema that added document_entities (see schema.py)
DEDUP_BANDS_VERSION = 13  # the schema that added dedup_bands
RETRY_SECONDS = 60.0  # how long a write waits out a lock or a lost connection before the run stops
# the state row saying the speaker pages' stored figures are up to date (speaker_summaries.py)
SPEAKER_SUMMARIES_KEY = "speaker_summaries"
LOCK_SECONDS = 900.0  # how long a run waits for another one's store-wide stage (dedup, link, speakers)

log = logging.getLogger(__name__)
T = TypeVar("T")


class StoreError(RuntimeError):
    """The store cannot be opened, is not a claimgraph store, is newer than this claimgraph, or
    failed mid-run (disk full, a lock or a lost connection that outlasted the retry budget)."""


class StoreFailure(StoreError):
    """The store failed rather than being the wrong one: its disk is full, or a lock or a lost
    connection outlasted the retry budget, at any point of a run, opening included. What was
    committed is kept and the same command resumes once the cause is gone (the CLI exits 1, where
    a store that is not claimgraph's or is too new is a usage error, exit 2)."""


def is_url(path_or_url: str | Path) -> bool:
    """True for a PostgreSQL connection URL, False for a SQLite path."""
    return str(path_or_url).startswith(URL_SCHEMES)


class Store:
    """A claimgraph store: documents, claims, quantities, stories, comparisons and small state."""

    path: str
    conn: Any
    readonly: bool
    # What a backend opens: "path" (a file) or "url" (a postgresql:// address); "" for no backend.
    address: ClassVar[str] = ""
    _backends: ClassVar[dict[str, type[Store]]] = {}
    # the driver's exception classes (sqlite3.Error, psycopg.Error): what ``describe`` explains
    driver_errors: ClassVar[tuple[type[BaseException], ...]] = ()
    retry_seconds: float = RETRY_SECONDS
    lock_seconds: float = LOCK_SECONDS
    _retrying = 0  # depth of ``retry`` calls: only the outermost one retries

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if cls.address:  # the first class for an address is its backend (subclasses inherit it)
            Store._backends.setdefault(cls.address, cls)

    def __new__(cls, path: str | Path = "claimgraph.db", *, readonly: bool = False) -> Store:
        if cls is Store:  # pick the backend from the address
            address = "url" if is_url(path) else "path"
            if address not in Store._backends:
                raise StoreError(f"no store backend for {address}s (import claimgraph.store)")
            cls = Store._backends[address]
        return super().__new__(cls)

    def __init__(self, path: str | Path = "claimgraph.db", *, readonly: bool = False) -> None:
        raise NotImplementedError  # the backends open their connections

    # ------------------------------------------------------------------ backend hooks
    def execute(self, sql: str, args: Sequence[Any] = ()) -> Any:
        """Run one statement (SQLite-style ``?`` placeholders); returns a DB-API cursor."""
        raise NotImplementedError

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one statement for each row of arguments."""
        raise NotImplementedError

    def _upsert_sql(self, table: str, cols: Sequence[str], key: Sequence[str], *, replace: bool = True) -> str:
        """INSERT that replaces (or, with ``replace=False``, ignores) a row with the same ``key``."""
        raise NotImplementedError

    @property
    def schema_version(self) -> int:
        raise NotImplementedError

    def integrity_check(self) -> str:
        """``"ok"``, or what is wrong with the store."""
        raise NotImplementedError

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """Commit what runs inside the block, or roll all of it back on an exception."""
        raise NotImplementedError
        yield self  # pragma: no cover

    def transient(self, exc: BaseException) -> bool:
        """Is ``exc`` worth another try: a lock held by another writer, a deadlock, a lost connection?"""
        return False

    def full(self, exc: BaseException) -> bool:
        """Is ``exc`` a full disk (which waiting does not mend, but freeing space does)?"""
        return False

    def recover(self) -> None:
        """Make the connection usable again after a transient error (roll back, reconnect)."""

    def describe(self, exc: BaseException) -> str:
        """One line saying what went wrong with the store (for the command line)."""
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        return f"{self.path}: {first}"

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Hold the store-wide stage lock: one process at a time deduplicates, links and resolves
        speakers, so each sees what the previous one wrote. Writers of single documents do not wait
        for it. Waits at most ``lock_seconds``, then raises ``StoreError``."""
        yield

    def retry(self, fn: Callable[[], T], what: str) -> T:
        """``fn()``, run again after a transient failure (see ``transient``) until ``retry_seconds``
        have passed; then ``StoreError`` names ``what`` failed and why. Other errors pass through.

        ``fn`` must be safe to run twice: a whole transaction, or a read. Inside another ``retry``,
        ``fn`` runs once: the outermost call owns the budget (no retries multiplied by nesting).
        """
        if self._retrying:
            return fn()
        deadline = time.monotonic() + self.retry_seconds
        delay, attempt = 0.05, 0
        self._retrying += 1
        try:
            while True:
                try:
                    return fn()
                except Exception as e:
                    if not self.transient(e):
                        raise
                    attempt += 1
                    if time.monotonic() + delay > deadline:
                        raise StoreFailure(f"{self.describe(e)} (while {what}; gave up after {attempt} "
                                         f"attempts in {self.retry_seconds:g} s)") from e
                    log.info("store: %s, attempt %d failed (%s); retrying", what, attempt, self.describe(e))
                    time.sleep(delay)
                    delay = min(delay * 2, 2.0)
                    try:
                        self.recover()
                    except Exception as again:  # still down: the next attempt fails and waits again
                        if not self.transient(again):
                            raise
        finally:
            self._retrying -= 1

    def atomic(self, fn: Callable[[], T], what: str) -> T:
        """``fn()`` inside one transaction, the whole transaction retried on a transient failure."""
        def once() -> T:
            with self.transaction():
                return fn()

        return self.retry(once, what)

    def begin(self) -> None:
        """Open a transaction explicitly (for batches that commit every N writes)."""
        self.execute("BEGIN")

    def commit(self) -> None:
        """Commit the transaction opened by ``begin``."""
        self.execute("COMMIT")

    def rollback(self) -> None:
        """Abandon the transaction opened by ``begin``."""
        self.execute("ROLLBACK")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.path!r})"

    def _paged(self, sql: str, args: Sequence[Any] = ()) -> Iterator[Any]:
        """Rows of ``SELECT rowid, ... {sql} ORDER BY rowid`` a page at a time, by keyset.

        ``sql`` holds a ``{after}`` slot for the ``rowid > ?`` condition. PostgreSQL's client
        cursors fetch a whole result at once; pages keep a million-document scan in bounded memory.
        """
        last = -1
        while True:
            rows = self.execute(sql.format(after="rowid > ?") + f" ORDER BY rowid LIMIT {PAGE}",
                                [*args, last]).fetchall()
            yield from rows
            if len(rows) < PAGE:
                return
            last = rows[-1]["rowid"]

    # ------------------------------------------------------------------ documents
    def document_status(self, doc_id: str) -> tuple[str, str | None] | None:
        """``(status, raw_hash)`` of a stored document, or None."""
        row = self.execute("SELECT status, raw_hash FROM documents WHERE id=?", (doc_id,)).fetchone()
        return (row["status"], row["raw_hash"]) if row else None

    def put_document(self, art: Article, *, raw_hash: str, encoding: str | None = None,
                     signature: bytes | None = None, line: int | None = None,
                     extra: dict[str, Any] | None = None, status: str = "cleaned") -> None:
        """Insert or replace a document; its old claims go with it (they will be re-extracted)."""
        self.execute("DELETE FROM claims WHERE doc_id=?", (art.id,))
        if self.schema_version >= ENTITIES_VERSION:
            self.execute("DELETE FROM document_entities WHERE doc_id=?", (art.id,))
        self.execute(
            self._upsert_sql("documents", DOCUMENT_COLUMNS, ["id"]),
            (art.id, art.source, line, art.url, art.outlet, art.title, art.author, art.published,
             art.kind, encoding, art.raw, raw_hash, art.text, art.content_hash, art.duplicate_of,
             signature, json.dumps(art.removed), json.dumps(extra or {}), status, art.published_raw))

    def update_text(self, doc_id: str, text: str, removed: list[str], content_hash: str,
                    duplicate_of: str | None, signature: bytes | None, outlet: str | None) -> None:
        """The deduplicated text of a document, with its hash, signature and duplicate link."""
        self.execute(
            "UPDATE documents SET text=?, removed=?, content_hash=?, duplicate_of=?, signature=?, outlet=? "
            "WHERE id=?", (text, json.dumps(removed), content_hash, duplicate_of, signature, outlet, doc_id))
        if self.schema_version >= DEDUP_BANDS_VERSION:  # its near-duplicate lookup keys go with it
            dedup_index.put_bands(self, doc_id, signature)

    def set_status(self, doc_id: str, status: str) -> None:
        self.execute("UPDATE documents SET status=? WHERE id=?", (status, doc_id))

    def put_extraction(self, doc_id: str, content_hash: str, claims: list[Claim] | None,
                       entities: list[dict[str, Any]] | None = None) -> bool:
        """Store the claims (and the parse's names) of a document and mark it extracted (``claims``
        None: mark it failed), unless it changed since its text was read: another run replaced or
        removed it, and that run extracts it. Returns whether anything was written. Call inside a
        transaction."""
        row = self.execute("SELECT content_hash FROM documents WHERE id=?", (doc_id,)).fetchone()
        if row is None or (row[0] or "") != content_hash:
            return False
        if claims is None:
            self.set_status(doc_id, "failed")
        else:
            self.put_claims(doc_id, claims)
            if entities is not None:
                self.put_entities(doc_id, entities)
            self.set_status(doc_id, "extracted")
        return True

    def document_ids(self, status: str | None = None) -> list[str]:
        """Ids of the stored documents (with this status), in ingest order."""
        if status:
            rows = self.execute("SELECT id FROM documents WHERE status=? ORDER BY rowid", (status,))
        else:
            rows = self.execute("SELECT id FROM documents ORDER BY rowid")
        return [r[0] for r in rows]

    def known_signatures(self) -> Iterator[tuple[str, str, bytes | None]]:
        """``(id, content_hash, signature)`` of every deduplicated document, oldest first."""
        for r in self._paged("SELECT rowid, id, content_hash, signature FROM documents "
                             "WHERE status IN ('deduped', 'extracted') AND {after}"):
            sig = r["signature"]
            yield r["id"], r["content_hash"], bytes(sig) if sig is not None else None

    # the near-duplicate index (``dedup.KnownDocuments``): a batch looks up the documents it may copy
    def use_band_scheme(self, scheme: tuple[int, int, int]) -> None:
        """Make the stored LSH band keys follow ``scheme``: recut them all once if they do not."""
        if dedup_index.scheme_of(self) != tuple(scheme):
            with self.transaction():
                dedup_index.recut(self, scheme)

    def original_by_hash(self, content_hash: str) -> str | None:
        """The first-ingested deduplicated document with this content hash."""
        return dedup_index.original_by_hash(self, content_hash)

    def near_candidates(self, keys: Sequence[int]) -> list[tuple[str, bytes]]:
        """``(id, signature)`` of the deduplicated documents sharing an LSH band key, in ingest order."""
        return dedup_index.near_candidates(self, keys)

    def _article(self, r: Any, with_claims: bool) -> Article:
        art = Article(id=r["id"], text=r["text"] or "", title=r["title"], outlet=r["outlet"],
                      author=r["author"], published=r["published"], url=r["url"], source=r["source"] or "",
                      raw=r["raw"] or "", kind=r["kind"] or "text", content_hash=r["content_hash"] or "",
                      duplicate_of=r["duplicate_of"], removed=json.loads(r["removed"] or "[]"),
                      # a read-only store of an older schema has no published_raw column
                      published_raw=r["published_raw"] if "published_raw" in r.keys() else None)
        if with_claims:
            art.claims = self.claims(doc_id=art.id)
        return art

    def get_document(self, doc_id: str, with_claims: bool = True) -> Article | None:
        r = self.execute("SELECT * FROM documents WHERE id=?", (doc_id,)).fetchone()
        return self._article(r, with_claims) if r else None

    def documents(self, ids: Iterable[str] | None = None, with_claims: bool = True) -> Iterator[Article]:
        """Stored articles, in ingest order (or in the order of ``ids``)."""
        if ids is None:
            for r in self._paged("SELECT rowid, * FROM documents WHERE {after}"):
                yield self._article(r, with_claims)
        else:  # a chunk of articles, and all their claims, a query each (not three per article)
            ids = list(ids)
            for i in range(0, len(ids), DOC_CHUNK):
                chunk = ids[i:i + DOC_CHUNK]
                unique = list(dict.fromkeys(chunk))
                marks = ",".join("?" * len(unique))
                arts = {r["id"]: self._article(r, False)
                        for r in self.execute(f"SELECT * FROM documents WHERE id IN ({marks})", unique)}
                if with_claims and arts:
                    for c, doc_id in self._claims_where(f" WHERE claims.doc_id IN ({marks})", unique):
                        arts[doc_id].claims.append(c)
                yield from (arts[d] for d in chunk if d in arts)

    def count(self, table: str) -> int:
        assert table in {"documents", "claims", "quantities", "stories", "comparisons", "comparison_claims",
                         "speakers"}
        return self.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    # ------------------------------------------------------------------ entities
    def put_entities(self, doc_id: str, entities: list[dict[str, Any]]) -> None:
        """Replace the names the parse found in one document (``{"text", "label", "mentions"}``)."""
        self.execute("DELETE FROM document_entities WHERE doc_id=?", (doc_id,))
        self.executemany(
            "INSERT INTO document_entities (doc_id, text, label, mentions) VALUES (?,?,?,?)",
            [(doc_id, e["text"], e["label"], int(e.get("mentions", 1))) for e in entities])

    def entities(self, doc_id: str) -> list[dict[str, Any]]:
        """The names of one document in the order they were stored; none before schema 11."""
        if self.schema_version < ENTITIES_VERSION:  # a read-only store of an older schema
            return []
        rows = self.execute("SELECT text, label, mentions FROM document_entities WHERE doc_id=? ORDER BY rowid",
                            (doc_id,))
        return [{"text": r[0], "label": r[1], "mentions": r[2]} for r in rows]

    # ------------------------------------------------------------------ claims
    def put_claims(self, doc_id: str, claims: list[Claim]) -> None:
        """Replace the claims (and their quantities) of one document."""
        self.execute("DELETE FROM claims WHERE doc_id=?", (doc_id,))
        self.executemany(
            """INSERT INTO claims (id, doc_id, start_char, end_char, text, speaker, speaker_mention,
               speaker_type, cue, via, hedged, kind, sentence_start, sentence_end)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            [(c.id, doc_id, c.start, c.end, c.text, c.speaker, c.speaker_mention, c.speaker_type, c.cue,
              json.dumps(c.via), int(c.hedged), c.kind, c.sentence_start, c.sentence_end) for c in claims])
        self.executemany(
            """INSERT INTO quantities (claim_id, idx, doc_id, start_char, end_char, text, value, low, high,
               approx, unit, counted, kind, normalized, parse) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            [(c.id, i, doc_id, q.start, q.end, q.text, q.value, q.low, q.high, int(q.approx), q.unit,
              q.counted, q.kind, json.dumps(q.normalized) if q.normalized else None, _parse_json(q))
             for c in claims for i, q in enumerate(c.quantities)])

    def claim_filter(self, doc_id: str | None = None, speaker: str | None = None, search: str | None = None,
                     speaker_id: str | None = None, speaker_type: str | None = None,
                     speaker_role: str | None = None, speaker_name: str | None = None) -> tuple[str, list[Any]]:
        """The WHERE clause (empty, or starting with `` WHERE``) on the ``claims`` table for the
        filters of ``claims``, with its arguments."""
        where, args = [], []
        if doc_id is not None:
            where.append("claims.doc_id=?")
            args.append(doc_id)
        if speaker_id is not None:
            where.append("claims.speaker_id=?")
            args.append(speaker_id)
        if speaker_type or speaker_role:
            sub, sub_args = [], []
            if speaker_type:
                sub.append("type=?")
                sub_args.append(speaker_type)
            if speaker_role:
                sub.append("LOWER(role) LIKE ?")
                sub_args.append(f"%{speaker_role.lower()}%")
            where.append("claims.speaker_id IN (SELECT id FROM speakers WHERE " + " AND ".join(sub) + ")")
            args += sub_args
        if speaker is not None:
            where.append("(claims.speaker LIKE ? OR claims.speaker_mention LIKE ?)")
            args += [f"%{speaker}%", f"%{speaker}%"]
        if speaker_name is not None:  # the name, or the mention of a claim without a resolved name
            where.append("(LOWER(claims.speaker) = LOWER(?) "
                         "OR (claims.speaker IS NULL AND LOWER(claims.speaker_mention) = LOWER(?)))")
            args += [speaker_name, speaker_name]
        if search:
            from .fts import claim_condition

            cond = claim_condition(self, search)  # full-text when the store has it, else a substring
            if cond is None:  # the characters as typed: % and _ are no wildcards here
                where.append("claims.text LIKE ? ESCAPE '!'")
                args.append("%" + search.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%")
            else:
                where.append(cond[0])
                args += cond[1]
        return (" WHERE " + " AND ".join(where) if where else ""), args

    def claims(self, doc_id: str | None = None, speaker: str | None = None,
               search: str | None = None, limit: int | None = None, speaker_id: str | None = None,
               speaker_type: str | None = None, speaker_role: str | None = None, *, offset: int = 0,
               speaker_name: str | None = None, newest_first: bool = False) -> list[Claim]:
        """Claims with their quantities, by document then offset (``limit`` of them after the first
        ``offset``); ``speaker`` matches case-insensitively anywhere in the speaker, ``speaker_name``
        is the whole name in any case; ``search`` finds the words of the claim text (full-text,
        stemmed, as prefixes; a substring in a store without full-text search or for a query with
        no word); ``speaker_id`` is one entity, ``speaker_type`` its type and ``speaker_role`` a word
        of its role. ``newest_first``: the claims stored last first instead (search results: the
        full-text index hands them over in that order, with no sort of every match)."""
        where, args = self.claim_filter(doc_id, speaker, search, speaker_id, speaker_type, speaker_role,
                                        speaker_name)
        return [c for c, _ in self._claims_where(where, args, limit, offset, newest_first)]

    def _claims_where(self, where: str, args: Sequence[Any], limit: int | None = None, offset: int = 0,
                      newest_first: bool = False) -> list[tuple[Claim, str]]:
        """``(claim with its quantities, document id)`` of ``SELECT * FROM claims{where}``, by
        document then offset (or the last stored first); ``limit`` of them after the first ``offset``."""
        sql = "SELECT * FROM claims" + where
        # rowid: ties in ingest order on both backends
        sql += " ORDER BY rowid DESC" if newest_first else " ORDER BY doc_id, start_char, rowid"
        if limit:
            sql += f" LIMIT {int(limit)}" + (f" OFFSET {int(offset)}" if offset else "")
        rows = self.execute(sql, args).fetchall()
        version = self.schema_version  # once, not per row
        out = [self._claim(r, version) for r in rows]
        if out:
            by_id = {c.id: c for c in out}
            qsql = "SELECT * FROM quantities WHERE claim_id IN (%s) ORDER BY claim_id, idx"
            ids = list(by_id)
            for i in range(0, len(ids), 500):
                chunk = ids[i:i + 500]
                for q in self.execute(qsql % ",".join("?" * len(chunk)), chunk):
                    parse = json.loads(q["parse"]) if version >= 4 and q["parse"] else {}
                    by_id[q["claim_id"]].quantities.append(Quantity(
                        text=q["text"], start=q["start_char"], end=q["end_char"], value=q["value"],
                        low=q["low"], high=q["high"], approx=bool(q["approx"]), unit=q["unit"],
                        counted=q["counted"], kind=q["kind"] or "count",
                        normalized=json.loads(q["normalized"]) if q["normalized"] else None,
                        **{k: v for k, v in parse.items() if k in Quantity.PARSE_FIELDS}))
        return [(c, r["doc_id"]) for c, r in zip(out, rows, strict=True)]

    def count_claims(self, doc_id: str | None = None, speaker: str | None = None, search: str | None = None,
                     speaker_id: str | None = None, speaker_type: str | None = None,
                     speaker_role: str | None = None, *, speaker_name: str | None = None) -> int:
        """How many claims ``claims`` would give with these filters and no limit."""
        if search and not any((doc_id, speaker, speaker_id, speaker_type, speaker_role, speaker_name)):
            from .fts import count_matches

            n = count_matches(self, search)  # the full-text index alone, without reading a claim
            if n is not None:
                return n
        where, args = self.claim_filter(doc_id, speaker, search, speaker_id, speaker_type, speaker_role,
                                        speaker_name)
        return self.execute("SELECT COUNT(*) FROM claims" + where, args).fetchone()[0]

    def _claim(self, r: Any, version: int | None = None) -> Claim:
        return Claim(id=r["id"], text=r["text"], start=r["start_char"], end=r["end_char"],
                     speaker=r["speaker"], speaker_mention=r["speaker_mention"],
                     speaker_type=r["speaker_type"], cue=r["cue"], via=json.loads(r["via"] or "[]"),
                     hedged=bool(r["hedged"]), kind=r["kind"] or "own_voice",
                     sentence_start=r["sentence_start"], sentence_end=r["sentence_end"],
                     speaker_id=r["speaker_id"] if (version or self.schema_version) >= 5 else None)

    # ------------------------------------------------------------------ speaker entities
    def speaker_rows(self) -> Iterator[Any]:
        """``(id, doc_id, start_char, speaker, speaker_mention, speaker_type, via)`` of every claim with
        a speaker or an intermediary, a page at a time (``via`` as stored: JSON text)."""
        yield from self._paged("SELECT rowid, id, doc_id, start_char, speaker, speaker_mention, speaker_type, via "
                               "FROM claims "
                               "WHERE (speaker IS NOT NULL OR via != '[]') AND {after}")

    def document_texts(self) -> Iterator[tuple[str, str, str | None, str | None]]:
        """``(id, text, outlet, duplicate_of)`` of every stored document, a page at a time."""
        for r in self._paged("SELECT rowid, id, text, outlet, duplicate_of FROM documents WHERE {after}"):
            yield r["id"], r["text"] or "", r["outlet"], r["duplicate_of"]

    def document_heads(self) -> Iterator[tuple[str, str | None, str | None, str | None]]:
        """``(id, content_hash, outlet, duplicate_of)`` of every stored document in ingest order, a
        page at a time: ``document_texts`` without the texts."""
        for r in self._paged("SELECT rowid, id, content_hash, outlet, duplicate_of FROM documents WHERE {after}"):
            yield r["id"], r["content_hash"], r["outlet"], r["duplicate_of"]

    def texts(self, doc_ids: Iterable[str]) -> dict[str, tuple[str | None, str]]:
        """``id -> (content_hash, text)`` of these stored documents (a chunk of ids per query; the
        hash read with the text it is the hash of)."""
        ids, out = list(dict.fromkeys(doc_ids)), {}
        for i in range(0, len(ids), DOC_CHUNK):
            chunk = ids[i:i + DOC_CHUNK]
            out.update({r[0]: (r[1], r[2] or "") for r in self.execute(
                f"SELECT id, content_hash, text FROM documents WHERE id IN ({','.join('?' * len(chunk))})", chunk)})
        return out

    def put_speakers(self, speakers: list[Speaker], claim_speaker: dict[str, str]) -> None:
        """Replace the speaker entities and point every claim to its entity (None when it has none)."""
        self._speaker_summaries_stale()
        self.execute("DELETE FROM speakers")
        self.executemany(
            "INSERT INTO speakers (id, name, type, role, affiliation, aliases, possible, claims, documents) "
            "VALUES (?,?,?,?,?,?,?,?,?)",
            [(s.id, s.name, s.type, s.role, s.affiliation, json.dumps(s.aliases, ensure_ascii=False),
              json.dumps(s.possible, ensure_ascii=False), s.claims, s.documents) for s in speakers])
        self.execute("UPDATE claims SET speaker_id=NULL WHERE speaker_id IS NOT NULL")
        self.executemany("UPDATE claims SET speaker_id=? WHERE id=?",
                         [(sid, cid) for cid, sid in claim_speaker.items()])

    def update_speakers(self, speakers: list[Speaker], claim_speaker: dict[str, str]) -> set[str]:
        """What ``put_speakers`` leaves, writing only what differs from the stored entities and
        claim links (a run that adds a few articles changes a few entities, not every claim's row).
        Returns the ids of the entities whose row or claims changed, gone ones included."""
        self._speaker_summaries_stale()
        cols = ["id", "name", "type", "role", "affiliation", "aliases", "possible", "claims", "documents"]
        new = {s.id: (s.id, s.name, s.type, s.role, s.affiliation, _json_list(s.aliases), _json_list(s.possible),
                      s.claims, s.documents) for s in speakers}
        old = {r[0]: tuple(r) for r in self.execute(f"SELECT {', '.join(cols)} FROM speakers")}
        gone = [k for k in old if k not in new]
        changed = [row for k, row in new.items() if old.get(k) != row]
        for i in range(0, len(gone), 500):
            chunk = gone[i:i + 500]
            self.execute(f"DELETE FROM speakers WHERE id IN ({','.join('?' * len(chunk))})", chunk)
        self.executemany(self._upsert_sql("speakers", cols, ["id"]), changed)
        linked = {r[0]: r[1] for r in self.execute("SELECT id, speaker_id FROM claims WHERE speaker_id IS NOT NULL")}
        unlink = [cid for cid in linked if cid not in claim_speaker]
        relink = [(sid, cid) for cid, sid in claim_speaker.items() if linked.get(cid) != sid]
        self.executemany("UPDATE claims SET speaker_id=NULL WHERE id=?", [(cid,) for cid in unlink])
        self.executemany("UPDATE claims SET speaker_id=? WHERE id=?", relink)
        touched = set(gone) | {row[0] for row in changed} | {linked[cid] for cid in unlink}
        touched |= {sid for sid, _ in relink} | {linked[cid] for _, cid in relink if cid in linked}
        return touched

    def _speaker_summaries_stale(self) -> None:
        """Speakers or comparisons change: the stored figures of the speaker pages no longer hold."""
        self.execute("DELETE FROM state WHERE key=?", (SPEAKER_SUMMARIES_KEY,))

    def claim_speaker_ids(self, claim_ids: Sequence[str]) -> dict[str, str | None]:
        """``claim id -> speaker entity id`` (None for the article's own voice)."""
        out: dict[str, str | None] = {}
        if self.schema_version < 5:
            return out
        ids = list(claim_ids)
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            for r in self.execute(f"SELECT id, speaker_id FROM claims WHERE id IN ({','.join('?' * len(chunk))})",
                                  chunk):
                out[r[0]] = r[1]
        return out

    def _speaker_filter(self, ids: list[str] | None, type: str | None, q: str | None,
                        role: str | None) -> tuple[str, list[Any]]:
        where, args = [], []
        if ids is not None:
            where.append(f"id IN ({','.join('?' * len(ids))})")
            args += ids
        if type:
            where.append("type=?")
            args.append(type)
        if q:
            where.append("(LOWER(name) LIKE ? OR LOWER(aliases) LIKE ?)")
            args += [f"%{q.lower()}%"] * 2
        if role:
            where.append("LOWER(role) LIKE ?")
            args.append(f"%{role.lower()}%")
        return (" WHERE " + " AND ".join(where) if where else ""), args

    def speakers(self, ids: Iterable[str] | None = None, *, type: str | None = None,
                 q: str | None = None, limit: int | None = None, role: str | None = None,
                 offset: int = 0) -> list[Speaker]:
        """Speaker entities (these ``ids``, of one ``type``, whose name or alias holds ``q``, whose
        role holds ``role``), the most quoted first; ``limit`` of them after the first ``offset``."""
        if self.schema_version < 5:
            return []
        if ids is not None:
            ids = list(ids)
            if not ids:
                return []
        where, args = self._speaker_filter(ids, type, q, role)
        sql = "SELECT * FROM speakers" + where
        sql += " ORDER BY claims DESC, name, id"
        if limit:
            sql += f" LIMIT {int(limit)}" + (f" OFFSET {int(offset)}" if offset else "")
        return [Speaker(id=r["id"], name=r["name"], type=r["type"], role=r["role"], affiliation=r["affiliation"],
                        aliases=json.loads(r["aliases"] or "[]"), possible=json.loads(r["possible"] or "[]"),
                        claims=r["claims"], documents=r["documents"])
                for r in self.execute(sql, args).fetchall()]

    def count_speakers(self, *, type: str | None = None, q: str | None = None, role: str | None = None) -> int:
        """How many speaker entities ``speakers`` would give with these filters and no limit."""
        if self.schema_version < 5:
            return 0
        where, args = self._speaker_filter(None, type, q, role)
        return self.execute("SELECT COUNT(*) FROM speakers" + where, args).fetchone()[0]

    # ------------------------------------------------------------------ stories and comparisons
    def put_stories(self, stories: list[Story]) -> None:
        """Replace the story tables with the clusterer's current view."""
        self.execute("DELETE FROM stories")
        self.execute("DELETE FROM story_documents")
        self.execute("DELETE FROM story_links")
        self.executemany("INSERT INTO stories (id, title, terms) VALUES (?,?,?)",
                         [(s.id, s.title, json.dumps(s.terms)) for s in stories])
        self.executemany(self._upsert_sql("story_documents", ["doc_id", "story_id"], ["doc_id"]),
                         [(d, s.id) for s in stories for d in s.documents])
        self.executemany(self._upsert_sql("story_links", ["story_id", "related_id"], ["story_id", "related_id"],
                                          replace=False),
                         [(s.id, r) for s in stories for r in s.related])

    def stories(self) -> list[Story]:
        """Every story with its documents (in ingest order) and related stories."""
        docs: dict[str, list[str]] = {}
        for r in self.execute("SELECT sd.story_id, sd.doc_id FROM story_documents sd "
                              "JOIN documents d ON d.id = sd.doc_id ORDER BY d.rowid"):
            docs.setdefault(r[0], []).append(r[1])
        links: dict[str, list[str]] = {}
        for r in self.execute("SELECT story_id, related_id FROM story_links ORDER BY 1, 2"):
            links.setdefault(r[0], []).append(r[1])
        return [Story(id=r["id"], documents=docs.get(r["id"], []), related=links.get(r["id"], []),
                      title=r["title"], terms=json.loads(r["terms"] or "[]"))
                for r in self.execute("SELECT * FROM stories ORDER BY rowid")]

    def put_comparisons(self, comparisons: list[Comparison]) -> None:
        """Replace the comparisons: a membership row per figure compared (claim, quantity index and,
        in a conflict, the side it stands on), in the comparison's order."""
        self._speaker_summaries_stale()
        self.execute("DELETE FROM comparison_claims")
        self.execute("DELETE FROM comparisons")
        self._insert_comparisons(comparisons)

    def _insert_comparisons(self, comparisons: list[Comparison], first: int = 1) -> None:
        """Insert comparisons with ids ``k{first}``, ``k{first + 1}``, ... and their membership rows."""
        ids = [f"k{i}" for i in range(first, first + len(comparisons))]
        self.executemany(
            """INSERT INTO comparisons (id, story_id, measure, verdict, explanation, kind, sources,
               independent_origins, timeline) VALUES (?,?,?,?,?,?,?,?,?)""",
            [(k, c.story, c.measure, c.verdict, c.explanation, c.kind, json.dumps(c.sources), c.independent_origins,
              json.dumps(c.timeline) if c.timeline else None)
             for k, c in zip(ids, comparisons, strict=True)])
        self.executemany(
            "INSERT INTO comparison_claims (comparison_id, position, claim_id, quantity_idx, side) VALUES (?,?,?,?,?)",
            [(k, i, claim, idx, side) for k, c in zip(ids, comparisons, strict=True)
             for i, (claim, idx, side) in enumerate(membership_rows(c))])

    def replace_stories(self, changed: list[Story], removed: Iterable[str]) -> None:
        """Rewrite the ``changed`` stories (rows, documents, links) and delete the ``removed`` ones;
        every other story stays as stored (an incremental link run touches only these). A story
        already stored keeps its row, so stories stay in the order they were created."""
        removed = list(removed)
        ids = list(dict.fromkeys([s.id for s in changed] + removed))
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            self.execute(f"DELETE FROM story_documents WHERE story_id IN ({marks})", chunk)
            self.execute(f"DELETE FROM story_links WHERE story_id IN ({marks})", chunk)
        for i in range(0, len(removed), 500):
            chunk = removed[i:i + 500]
            self.execute(f"DELETE FROM stories WHERE id IN ({','.join('?' * len(chunk))})", chunk)
        self.executemany("UPDATE stories SET title=?, terms=? WHERE id=?",
                         [(s.title, json.dumps(s.terms), s.id) for s in changed])
        self.executemany(self._upsert_sql("stories", ["id", "title", "terms"], ["id"], replace=False),
                         [(s.id, s.title, json.dumps(s.terms)) for s in changed])
        self.executemany(self._upsert_sql("story_documents", ["doc_id", "story_id"], ["doc_id"]),
                         [(d, s.id) for s in changed for d in s.documents])
        self.executemany(self._upsert_sql("story_links", ["story_id", "related_id"], ["story_id", "related_id"],
                                          replace=False),
                         [(s.id, r) for s in changed for r in s.related])

    def replace_comparisons(self, story_ids: Iterable[str], comparisons: list[Comparison]) -> None:
        """Delete the comparisons stored under ``story_ids`` and add ``comparisons`` after the others
        (new ids follow the largest stored one); the other stories' comparisons stay as they are."""
        self._speaker_summaries_stale()
        ids = list(dict.fromkeys(story_ids))
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            self.execute("DELETE FROM comparison_claims WHERE comparison_id IN "
                         f"(SELECT id FROM comparisons WHERE story_id IN ({marks}))", chunk)
            self.execute(f"DELETE FROM comparisons WHERE story_id IN ({marks})", chunk)
        top = self.execute("SELECT MAX(CAST(SUBSTR(id, 2) AS INTEGER)) FROM comparisons").fetchone()[0]
        self._insert_comparisons(comparisons, first=(top or 0) + 1)

    def update_comparisons(self, drop: Iterable[str], comparisons: list[Comparison]) -> None:
        """Delete the comparisons whose ids are in ``drop`` and add ``comparisons`` after the others
        (new ids follow the largest stored one); every other comparison keeps its row and id."""
        self._speaker_summaries_stale()
        ids = list(dict.fromkeys(drop))
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            self.execute(f"DELETE FROM comparison_claims WHERE comparison_id IN ({marks})", chunk)
            self.execute(f"DELETE FROM comparisons WHERE id IN ({marks})", chunk)
        top = self.execute("SELECT MAX(CAST(SUBSTR(id, 2) AS INTEGER)) FROM comparisons").fetchone()[0]
        self._insert_comparisons(comparisons, first=(top or 0) + 1)

    def comparisons(self, story: str | None = None) -> list[Comparison]:
        """Comparisons (of one story), conflicts first, then in the order they were stored."""
        sql, args = "SELECT * FROM comparisons", []
        if story:
            sql += " WHERE story_id=?"
            args.append(story)
        rows = self.execute(sql + " ORDER BY verdict='consistent', rowid", args).fetchall()
        members = self._comparison_rows(story)
        out = []
        for r in rows:
            claims, quantities, sides = members_of(members.get(r["id"], []))
            out.append(Comparison(measure=r["measure"], claims=claims, verdict=r["verdict"],
                                  explanation=r["explanation"] or "", story=r["story_id"],
                                  kind=r["kind"] or "numeric", sources=json.loads(r["sources"] or "[]"),
                                  independent_origins=r["independent_origins"], sides=sides,
                                  quantities=quantities,
                                  timeline=json.loads(r["timeline"] or "[]") if "timeline" in r.keys() else []))
        return out

    def comparison_members(self, story: str | None = None) -> dict[str, list[tuple[str, int | None]]]:
        """``comparison id -> [(claim id, quantity index or None), ...]`` in each comparison's order."""
        return {k: [(claim, idx) for claim, idx, _ in rows] for k, rows in self._comparison_rows(story).items()}

    def _comparison_rows(self, story: str | None) -> dict[str, list[tuple[str, int | None, int | None]]]:
        """``comparison id -> [(claim id, quantity index, side), ...]``; a store of an older version
        opened read-only (never migrated) has the claims as JSON text, or no sides."""
        args: list[Any] = []
        if self.schema_version < 2:
            sql = "SELECT id, claims FROM comparisons"
            if story:
                sql += " WHERE story_id=?"
                args.append(story)
            return {r[0]: [(c, None, None) for c in json.loads(r[1])] for r in self.execute(sql, args)}
        side = "m.side" if self.schema_version >= 3 else "NULL"
        sql = (f"SELECT m.comparison_id, m.claim_id, m.quantity_idx, {side} FROM comparison_claims m "
               "JOIN comparisons k ON k.id = m.comparison_id")
        if story:
            sql += " WHERE k.story_id=?"
            args.append(story)
        out: dict[str, list[tuple[str, int | None, int | None]]] = {}
        for r in self.execute(sql + " ORDER BY m.comparison_id, m.position", args):
            out.setdefault(r[0], []).append((r[1], r[2], r[3]))
        return out

    # ------------------------------------------------------------------ small state (e.g. the story index)
    def get_state(self, key: str) -> Any:
        r = self.execute("SELECT value FROM state WHERE key=?", (key,)).fetchone()
        return json.loads(r[0]) if r else None

    def set_state(self, key: str, value: Any) -> None:
        self.set_state_text(key, json.dumps(value))

    def set_state_text(self, key: str, text: str) -> None:
        """Store a value already serialised as JSON (``text``), as :meth:`get_state` reads it back."""
        self.execute(self._upsert_sql("state", ["key", "value"], ["key"]), (key, text))


_JSON_TEXT = json.JSONEncoder(ensure_ascii=False).encode  # what json.dumps(ensure_ascii=False) makes anew per call


def _json_list(values: list[Any]) -> str:
    """``json.dumps(values, ensure_ascii=False)``: one encoder for the 10,000s of entities, none for
    the many empty lists."""
    return _JSON_TEXT(values) if values else "[]"


def _parse_json(q: Quantity) -> str | None:
    """The parse-derived fields of a quantity that say something, as JSON (None when none do)."""
    known = {k: getattr(q, k) for k in Quantity.PARSE_FIELDS if getattr(q, k)}
    return json.dumps(known, ensure_ascii=False) if known else None


def membership_rows(c: Comparison) -> list[tuple[str, int | None, int | None]]:
    """A comparison's membership rows ``(claim id, quantity index, side)``: one per figure it
    compares, then any claim it names without a figure (a stated intent), sides numbered from 0."""
    side_of = {claim: n for n, side in enumerate(c.sides) for claim in side}
    rows = [(str(q["claim"]), q.get("index"), side_of.get(str(q["claim"]))) for q in c.quantities]
    named = {claim for claim, _, _ in rows}
    rows += [(claim, None, side_of.get(claim)) for claim in c.claims if claim not in named]
    order = {claim: i for i, claim in enumerate(c.claims)}
    return sorted(rows, key=lambda r: (order.get(r[0], len(order)), -1 if r[1] is None else r[1]))


def members_of(rows: list[tuple[str, int | None, int | None]]) -> tuple[list[str], list[dict[str, Any]], list[list[str]]]:
    """Claims (in order), figures and sides of a comparison from its membership rows."""
    claims = list(dict.fromkeys(claim for claim, _, _ in rows))
    quantities = [{"claim": claim, "index": idx} for claim, idx, _ in rows if idx is not None]
    sides: dict[int, list[str]] = {}
    for claim, _, side in rows:
        if side is not None and claim not in sides.setdefault(side, []):
            sides[side].append(claim)
    return claims, quantities, [sides[k] for k in sorted(sides)]


DOCUMENT_COLUMNS = ["id", "source", "line", "url", "outlet", "title", "author", "published", "kind", "encoding",
                    "raw", "raw_hash", "text", "content_hash", "duplicate_of", "signature", "removed", "extra",
                    "status", "published_raw"]
