"""The SQLite store: one file, WAL, versioned schema, idempotent re-ingest.

Every write happens inside ``transaction()`` (or ``begin()``/``commit()``); a crash loses at most
the open batch, never what was committed before (WAL + ``synchronous=NORMAL``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .base import Store, StoreError
from .schema import MIGRATIONS, SCHEMA_VERSION


def _statements(script: str) -> list[str]:
    """The statements of a DDL script, for ``execute`` (``executescript`` would commit the open
    transaction first). The schema has no ``;`` inside a literal."""
    return [part.strip() for part in script.split(";") if part.strip()]


class SQLiteStore(Store):
    """A claimgraph database file."""

    address = "path"

    conn: sqlite3.Connection

    def __init__(self, path: str | Path = "claimgraph.db", *, readonly: bool = False):
        self.path = str(path)
        self.readonly = readonly
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

    def _migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: schema version {version} is newer than this claimgraph "
                             f"({SCHEMA_VERSION}); upgrade claimgraph")
        for i in range(version, SCHEMA_VERSION):
            step = MIGRATIONS[i]
            # one transaction per migration, all or nothing; IMMEDIATE takes the write lock first,
            # so a second process opening the file waits and then finds the work done
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                if self.conn.execute("PRAGMA user_version").fetchone()[0] > i:
                    self.conn.rollback()
                    continue
                for statement in _statements(step.ddl):
                    self.conn.execute(statement)
                if step.convert is not None:
                    step.convert(self)
                for statement in _statements(step.after):
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version={i + 1}")
                self.conn.commit()
            except BaseException:
                self.conn.rollback()
                raise

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def execute(self, sql: str, args: Sequence[Any] = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, args)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self.conn.executemany(sql, rows)

    def _upsert_sql(self, table: str, cols: Sequence[str], key: Sequence[str], *, replace: bool = True) -> str:
        verb = "REPLACE" if replace else "IGNORE"
        return f"INSERT OR {verb} INTO {table} ({', '.join(cols)}) VALUES ({','.join('?' * len(cols))})"

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        with self.conn:
            yield self

    def integrity_check(self) -> str:
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0]
