"""The SQLite store: one file, WAL, versioned schema, idempotent re-ingest.

Every write happens inside ``transaction()`` (or ``begin()``/``commit()``); a crash loses at most
the open batch, never what was committed before (WAL + ``synchronous=NORMAL``).

Several processes may write one file at once. Readers never wait (WAL); a transaction takes the
write lock when it begins (``BEGIN IMMEDIATE``), so it waits for another writer (busy timeout)
instead of failing half-way when it finds its snapshot stale; ``Store.retry`` tries again when even
that wait runs out. Store-wide stages take a file lock beside the database (``<file>-lock``, see
``exclusive``), released by the system when its process ends, even on kill -9.
"""

from __future__ import annotations

import fcntl
import os
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .base import Store, StoreError, StoreFailure
from .schema import MIGRATIONS, SCHEMA_VERSION

BUSY_SECONDS = 15.0  # one wait for another process's write lock (a batch of writes takes far less)


def _statements(script: str) -> list[str]:
    """The statements of a DDL script, for ``execute`` (``executescript`` would commit the open
    transaction first). The schema has no ``;`` inside a literal."""
    return [part.strip() for part in script.split(";") if part.strip()]


class SQLiteStore(Store):
    """A claimgraph database file."""

    address = "path"
    driver_errors = (sqlite3.Error,)

    conn: sqlite3.Connection

    def __init__(self, path: str | Path = "claimgraph.db", *, readonly: bool = False):
        self.path = str(path)
        self.readonly = readonly
        self._lock_depth = 0
        self._lock_file: Any = None
        try:
            # timeout= is the busy timeout from the first statement on: a new file's journal mode
            # and schema are set up by whichever process comes first, the others wait for it
            if readonly:
                uri = f"file:{Path(self.path).resolve()}?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=BUSY_SECONDS)
            else:
                self.conn = sqlite3.connect(self.path, check_same_thread=False, timeout=BUSY_SECONDS)
        except sqlite3.Error as e:
            raise StoreError(f"{self.path}: cannot open database ({e})") from e
        self.conn.row_factory = sqlite3.Row
        try:
            if not readonly:
                self.retry(lambda: self.conn.execute("PRAGMA journal_mode=WAL"), "setting the journal mode")
                self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            if not readonly:
                self.retry(self._migrate, "creating the schema")
        except sqlite3.DatabaseError as e:
            if self.full(e):  # a new file on a full disk is not "not a claimgraph database"
                self.conn.close()
                raise StoreFailure(self.describe(e)) from e
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
        if not self.conn.in_transaction:
            # the write lock now, not at the first write: a deferred transaction that read first
            # fails at once ("database is locked") when another process committed in between
            self.conn.execute("BEGIN IMMEDIATE")
        with self.conn:  # commits, or rolls back on an exception
            yield self

    def begin(self) -> None:
        self.conn.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        self.conn.commit()

    def rollback(self) -> None:
        self.conn.rollback()

    def integrity_check(self) -> str:
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0]

    # ------------------------------------------------------------------ failures and concurrency
    def transient(self, exc: BaseException) -> bool:
        """Another process held the write lock longer than the busy timeout."""
        if not isinstance(exc, sqlite3.OperationalError):
            return False
        name = getattr(exc, "sqlite_errorname", "") or ""
        return name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in str(exc)

    def recover(self) -> None:
        if self.conn.in_transaction:
            self.conn.rollback()

    def full(self, exc: BaseException) -> bool:
        name = getattr(exc, "sqlite_errorname", "") or ""
        return isinstance(exc, sqlite3.Error) and (name == "SQLITE_FULL" or "database or disk is full" in str(exc))

    def describe(self, exc: BaseException) -> str:
        if self.full(exc):
            return (f"{self.path}: disk full ({exc}); what was committed before is kept: free some space "
                    "and run the same command again to resume")
        return super().describe(exc)

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """The store-wide stage lock: ``flock`` on ``<file>-lock`` (nothing for ``:memory:``)."""
        if self.readonly or self.path in ("", ":memory:") or self.path.startswith("file:"):
            yield
            return
        if self._lock_depth == 0:
            self._lock_file = self._acquire(self.path + "-lock")
        self._lock_depth += 1
        try:
            yield
        finally:
            self._lock_depth -= 1
            if self._lock_depth == 0:
                self._lock_file.close()  # closing the file releases the lock
                self._lock_file = None

    def _acquire(self, lock_path: str) -> Any:
        f = open(lock_path, "a+b")  # noqa: SIM115 - held open for as long as the lock is held
        deadline = time.monotonic() + self.lock_seconds
        while True:
            try:
                fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return f
            except BlockingIOError:
                if time.monotonic() > deadline:
                    f.close()
                    raise StoreFailure(f"{self.path}: another claimgraph process has held the store's lock "
                                     f"({os.path.basename(lock_path)}) for over {self.lock_seconds:g} s; "
                                     "let it finish, or stop it, and run again") from None
                time.sleep(0.1)

    def close(self) -> None:
        if self._lock_file is not None:
            self._lock_file.close()
            self._lock_file = None
        self.conn.close()
