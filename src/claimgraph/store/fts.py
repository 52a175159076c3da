"""Full-text search over claim text and article titles, on each backend's own engine.

SQLite: FTS5 tables (``claims_fts``, ``documents_fts``) that index the ``claims``/``documents``
rows without copying them (external content), kept in sync by triggers, so every write path
(``put_claims``, ``put_document``, a cascade delete) updates them. PostgreSQL: GIN indexes on
``to_tsvector('english', ...)`` queried with ``plainto_tsquery``. Both stem English words, so
"homes" finds "home".

``match`` turns what a reader typed into a query that cannot be a syntax error; text with no
word in it (``"7%"``, ``"$"``) has no full-text query, and the caller falls back on ``LIKE``.
"""

from __future__ import annotations

import re
from typing import Any

# FTS5 over external content: the table holds only the index; rows are read from the content table.
_SQLITE = [
    "CREATE VIRTUAL TABLE claims_fts USING fts5(text, content='claims', content_rowid='rowid', "
    "tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN "
    "INSERT INTO claims_fts(rowid, text) VALUES (new.rowid, new.text); END",
    "CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN "
    "INSERT INTO claims_fts(claims_fts, rowid, text) VALUES ('delete', old.rowid, old.text); END",
    # only a change of the text touches the index (speaker ids are updated often)
    "CREATE TRIGGER claims_fts_update AFTER UPDATE OF text ON claims BEGIN "
    "INSERT INTO claims_fts(claims_fts, rowid, text) VALUES ('delete', old.rowid, old.text); "
    "INSERT INTO claims_fts(rowid, text) VALUES (new.rowid, new.text); END",
    "INSERT INTO claims_fts(claims_fts) VALUES ('rebuild')",
    "CREATE VIRTUAL TABLE documents_fts USING fts5(title, content='documents', content_rowid='rowid', "
    "tokenize='porter unicode61 remove_diacritics 2')",
    # put_document replaces a row with INSERT OR REPLACE, whose implicit delete fires no delete
    # trigger: take the old title out of the index before the new row goes in
    "CREATE TRIGGER documents_fts_replace BEFORE INSERT ON documents BEGIN "
    "INSERT INTO documents_fts(documents_fts, rowid, title) "
    "SELECT 'delete', rowid, title FROM documents WHERE id = new.id; END",
    "CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN "
    "INSERT INTO documents_fts(rowid, title) VALUES (new.rowid, new.title); END",
    "CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN "
    "INSERT INTO documents_fts(documents_fts, rowid, title) VALUES ('delete', old.rowid, old.title); END",
    "CREATE TRIGGER documents_fts_update AFTER UPDATE OF title ON documents BEGIN "
    "INSERT INTO documents_fts(documents_fts, rowid, title) VALUES ('delete', old.rowid, old.title); "
    "INSERT INTO documents_fts(rowid, title) VALUES (new.rowid, new.title); END",
    "INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')",
]
_POSTGRES = [
    "CREATE INDEX claims_text_fts ON claims USING GIN (to_tsvector('english', text))",
    "CREATE INDEX documents_title_fts ON documents USING GIN (to_tsvector('english', COALESCE(title, '')))",
]

_WORD = re.compile(r"\w+")
FTS_VERSION = 10  # the schema migration that adds full-text search (``schema.MIGRATIONS``)


def create(store: Any) -> None:
    """The migration step: the full-text tables and triggers (SQLite) or indexes (PostgreSQL),
    filled from the rows already stored."""
    for statement in _POSTGRES if is_postgres(store) else _SQLITE:
        store.execute(statement)


def is_postgres(store: Any) -> bool:
    return getattr(store, "address", "") == "url"


def available(store: Any) -> bool:
    """True when the store's schema has full-text search (a read-only older store has not)."""
    return store.schema_version >= FTS_VERSION


def match(q: str) -> str | None:
    """An FTS5 query for the words of ``q``: each word a quoted prefix term, all required;
    None when ``q`` holds no word."""
    words = _WORD.findall(q)
    if not words:
        return None
    return " ".join('"' + w.replace('"', '""') + '"*' for w in words)


def claim_condition(store: Any, q: str, alias: str = "claims") -> tuple[str, list[Any]] | None:
    """A WHERE condition on ``alias`` (the claims table) for claims whose text matches ``q``,
    with its arguments; None when ``q`` has no full-text query (the caller uses ``LIKE``)."""
    if not available(store) or match(q) is None:
        return None
    if is_postgres(store):
        return f"to_tsvector('english', {alias}.text) @@ plainto_tsquery('english', ?)", [q]
    return f"{alias}.rowid IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)", [match(q)]


def title_condition(store: Any, q: str, alias: str = "d") -> tuple[str, list[Any]] | None:
    """Like ``claim_condition``, for documents whose title matches ``q``."""
    if not available(store) or match(q) is None:
        return None
    if is_postgres(store):
        return f"to_tsvector('english', COALESCE({alias}.title, '')) @@ plainto_tsquery('english', ?)", [q]
    return f"{alias}.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?)", [match(q)]


def count_matches(store: Any, q: str) -> int | None:
    """How many claims match ``q``, counted in the SQLite full-text index alone (it holds one entry
    per claim); None where that does not apply (PostgreSQL, no full-text search, no word)."""
    if is_postgres(store) or not available(store) or match(q) is None:
        return None
    return store.execute("SELECT COUNT(*) FROM claims_fts WHERE claims_fts MATCH ?", [match(q)]).fetchone()[0]
