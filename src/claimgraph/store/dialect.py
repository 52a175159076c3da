"""SQL written for SQLite, run on PostgreSQL: placeholders, LIKE, and the schema's DDL.

The store and its callers write one SQL dialect, SQLite's, restricted to what PostgreSQL also
understands (``?`` placeholders, ``LIKE``, ``rowid`` for ingest order). These functions make the
few mechanical changes PostgreSQL needs, so no caller has to know which backend it talks to.
"""

from __future__ import annotations

import re
from functools import lru_cache

# Words outside string literals and quoted identifiers; literals are kept as they are.
_TOKENS = re.compile(r"""('(?:[^']|'')*')|("(?:[^"]|"")*")|(\?)|(%)|\b(LIKE)\b""", re.IGNORECASE)


@lru_cache(maxsize=512)
def to_pyformat(sql: str) -> str:
    """SQLite-style SQL → psycopg's: ``?`` → ``%s``, ``%`` → ``%%``, ``LIKE`` → ``ILIKE``.

    SQLite's LIKE ignores ASCII case and PostgreSQL's does not; ILIKE keeps searches behaving
    the same on both backends.
    """
    def sub(m: re.Match[str]) -> str:
        if m.group(1):
            return m.group(1).replace("%", "%%")
        if m.group(2):
            return m.group(2).replace("%", "%%")
        if m.group(3):
            return "%s"
        if m.group(4):
            return "%%"
        return "ILIKE"

    return _TOKENS.sub(sub, sql)


_TYPE_MAP = [
    (re.compile(r"\bBLOB\b"), "BYTEA"),
    (re.compile(r"\bREAL\b"), "DOUBLE PRECISION"),  # PostgreSQL's REAL is 4 bytes; SQLite's is 8
    # byte order, like SQLite's BINARY collation, so ORDER BY gives the same rows on both backends
    (re.compile(r"\bTEXT\b"), 'TEXT COLLATE "C"'),
    (re.compile(r"\bDEFAULT CURRENT_TIMESTAMP\b"),
     "DEFAULT (to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'))"),
]
_CREATE_TABLE = re.compile(r"CREATE TABLE (IF NOT EXISTS )?(\w+)\s*\(", re.IGNORECASE)


def _close_paren(sql: str, start: int) -> int:
    """Index of the parenthesis closing the one just before ``start``."""
    depth = 1
    for i in range(start, len(sql)):
        if sql[i] == "(":
            depth += 1
        elif sql[i] == ")":
            depth -= 1
            if depth == 0:
                return i
    raise ValueError("unbalanced parentheses in DDL")


def pg_ddl(sql: str) -> str:
    """A schema migration written for SQLite, in PostgreSQL's DDL.

    Types are mapped (upper-case type names only; column names are lower case), and every new
    table gets a ``rowid BIGSERIAL`` column: SQLite's implicit rowid, which the store and its
    callers use for ingest order (``ORDER BY rowid``).
    """
    for pattern, repl in _TYPE_MAP:
        sql = pattern.sub(repl, sql)
    out, pos = [], 0
    for m in _CREATE_TABLE.finditer(sql):
        end = _close_paren(sql, m.end())
        out.append(sql[pos:end] + ",\n        rowid BIGSERIAL")
        pos = end
    out.append(sql[pos:])
    return "".join(out)
