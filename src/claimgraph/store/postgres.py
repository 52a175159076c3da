"""The PostgreSQL store: the same tables and methods as the SQLite one, for many writers and big corpora.

Opened with ``Store("postgresql://user@host:port/dbname")`` (psycopg 3). The schema comes from
the same migrations as SQLite's, translated by ``dialect.pg_ddl``; a ``claimgraph_meta`` table
records the schema version (SQLite keeps it in ``PRAGMA user_version``). The connection runs in
autocommit mode: ``transaction()`` and ``begin()``/``commit()`` group writes explicitly.

A lost connection (the server restarted, a network cut) is transient: a statement outside a
transaction reconnects and runs again, a transaction run by ``Store.atomic`` or ``Store.retry`` is
run again whole, both within ``retry_seconds``; after that the run stops with one ``StoreError``.
Store-wide stages hold a session advisory lock (``exclusive``), which the server releases when the
connection goes.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from .base import Store, StoreError, StoreFailure
from .dialect import pg_ddl, to_pyformat
from .schema import MIGRATIONS, SCHEMA_VERSION

log = logging.getLogger(__name__)

META_TABLE = "claimgraph_meta"
MIGRATION_LOCK = 0x636C6169  # pg_advisory_xact_lock key: two processes never migrate at once
STAGE_LOCK = 0x636C6173  # pg_advisory_lock key of the store-wide stages (dedup, link, speakers)
CONNECT_TIMEOUT = 10  # seconds
# Cheap consistency checks: what the foreign keys do not already guarantee.
CHECKS = {
    "story_documents rows without their document":
        "SELECT COUNT(*) FROM story_documents sd WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = sd.doc_id)",
    "quantities filed under another document than their claim":
        "SELECT COUNT(*) FROM quantities q JOIN claims c ON c.id = q.claim_id WHERE q.doc_id <> c.doc_id",
    "claims with offsets out of order": "SELECT COUNT(*) FROM claims WHERE start_char < 0 OR end_char < start_char",
}


def redact(url: str) -> str:
    """The URL without its password (for messages and ``Store.path``)."""
    return re.sub(r"(://[^:/@]*):[^@/]*@", r"\1:***@", url)


class Row(tuple):
    """A result row readable by position and by column name, like ``sqlite3.Row``."""

    _names: dict[str, int]

    def __new__(cls, values: Sequence[Any], names: dict[str, int]) -> Row:
        row = super().__new__(cls, values)
        row._names = names
        return row

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
        if isinstance(key, str):
            return tuple.__getitem__(self, self._names[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._names)


def _row_factory(cursor: Any) -> Any:
    names: dict[str, int] = {}
    for i, d in enumerate(cursor.description or ()):
        names.setdefault(d.name, i)
    return lambda values: Row(values, names)


def _clean(args: Sequence[Any]) -> Sequence[Any]:
    """PostgreSQL text cannot hold NUL: store U+FFFD instead (one character for one, offsets hold)."""
    if any(isinstance(a, str) and "\x00" in a for a in args):
        return [a.replace("\x00", "\ufffd") if isinstance(a, str) else a for a in args]
    return args


class PostgresStore(Store):
    """A claimgraph store in a PostgreSQL database."""

    address = "url"

    def __init__(self, path: str | Path = "", *, readonly: bool = False):
        import psycopg

        url = str(path)
        self._url = url  # kept to reconnect; never printed (``path`` has no password)
        self.path = redact(url)
        self.readonly = readonly
        self.driver_errors = (psycopg.Error,)
        self._columns: dict[str, list[str]] = {}
        self._in_tx = 0  # depth of transaction() and begin(): statements there are not retried alone
        self._locked = 0  # depth of exclusive()
        try:
            self.conn = self._connect()
        except psycopg.Error as e:
            raise StoreError(f"{self.path}: cannot open database ({str(e).strip()})") from e
        if not readonly:
            try:
                self._migrate()
            except psycopg.Error as e:
                self.conn.close()
                if self.full(e):  # the server's disk, full while the schema was being created
                    raise StoreFailure(self.describe(e)) from e
                raise StoreError(f"{self.path}: not a claimgraph database ({str(e).strip()})") from e
            except BaseException:
                self.conn.close()
                raise

    def _connect(self) -> Any:
        import psycopg

        options = "-c default_transaction_read_only=on" if self.readonly else None
        return psycopg.connect(self._url, autocommit=True, row_factory=_row_factory,
                               connect_timeout=CONNECT_TIMEOUT, options=options)

    # ------------------------------------------------------------------ failures and concurrency
    def transient(self, exc: BaseException) -> bool:
        """A lost connection, a server shutting down, a deadlock or a serialization failure; not a
        full disk, which waiting does not mend."""
        import psycopg
        from psycopg import errors

        return isinstance(exc, psycopg.OperationalError) and not isinstance(exc, errors.DiskFull)

    def recover(self) -> None:
        """Reconnect when the connection is gone; else roll back a failed transaction."""
        if self.conn.closed or self.conn.broken:
            self.conn.close()
            self.conn = self._connect()  # raises OperationalError while the server is still down
            self._in_tx = 0
            log.warning("store: reconnected to %s", self.path)
            if self._locked:  # the stage lock went with the old session: take it again
                self._lock_stage()
        elif self._in_tx == 0 and self.conn.info.transaction_status != 0:  # 0: IDLE
            self.conn.rollback()

    def full(self, exc: BaseException) -> bool:
        from psycopg import errors

        return isinstance(exc, errors.DiskFull)

    def describe(self, exc: BaseException) -> str:
        if self.full(exc):
            return (f"{self.path}: the server's disk is full ({str(exc).strip().splitlines()[0]}); what was "
                    "committed before is kept: free some space and run the same command again to resume")
        return super().describe(exc)

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """The store-wide stage lock: a session advisory lock, polled for at most ``lock_seconds``."""
        if self.readonly:
            yield
            return
        if self._locked == 0:
            self.retry(self._lock_stage, "taking the store's lock")
        self._locked += 1
        try:
            yield
        finally:
            self._locked -= 1
            if self._locked == 0:
                try:
                    self.execute("SELECT pg_advisory_unlock(?)", (STAGE_LOCK,))
                except Exception:  # the connection is gone, and the server released the lock with it
                    log.debug("store: stage lock not released by hand", exc_info=True)

    def _lock_stage(self) -> None:
        deadline = time.monotonic() + self.lock_seconds
        # straight on the connection: called by recover() too, where execute() would recurse
        while not self.conn.execute("SELECT pg_try_advisory_lock(%s)", (STAGE_LOCK,)).fetchone()[0]:
            if time.monotonic() > deadline:
                raise StoreFailure(f"{self.path}: another claimgraph process has held the store's lock for "
                                 f"over {self.lock_seconds:g} s; let it finish, or stop it, and run again")
            time.sleep(0.1)

    # ------------------------------------------------------------------ schema
    def _version(self) -> int:
        if self.conn.execute("SELECT to_regclass(%s)", (META_TABLE,)).fetchone()[0] is None:
            return 0
        row = self.conn.execute(f"SELECT value FROM {META_TABLE} WHERE key='schema_version'").fetchone()
        return int(row[0]) if row else 0

    def _migrate(self) -> None:
        with self.conn.transaction():
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            version = self._version()
            if version > SCHEMA_VERSION:
                raise StoreError(f"{self.path}: schema version {version} is newer than this claimgraph "
                                 f"({SCHEMA_VERSION}); upgrade claimgraph")
            if version < SCHEMA_VERSION:
                self.conn.execute(f"CREATE TABLE IF NOT EXISTS {META_TABLE} "
                                  "(key TEXT PRIMARY KEY, value TEXT NOT NULL)")
            for i in range(version, SCHEMA_VERSION):
                step = MIGRATIONS[i]
                self.conn.execute(pg_ddl(step.ddl))  # several statements, no parameters
                if step.convert is not None:
                    step.convert(self)
                if step.after:
                    self.conn.execute(pg_ddl(step.after))
                self.conn.execute(f"INSERT INTO {META_TABLE} (key, value) VALUES ('schema_version', %s) "
                                  "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", (str(i + 1),))

    @property
    def schema_version(self) -> int:
        return self._version() if self._in_tx else self.retry(self._version, "reading the schema version")

    def integrity_check(self) -> str:
        """``"ok"``, or the problems found by a few cheap consistency queries."""
        problems = []
        version = self._version()
        if version != SCHEMA_VERSION:
            problems.append(f"schema version {version}, expected {SCHEMA_VERSION}")
        else:
            for what, sql in CHECKS.items():
                n = self.conn.execute(sql).fetchone()[0]
                if n:
                    problems.append(f"{n} {what}")
        return "; ".join(problems) or "ok"

    # ------------------------------------------------------------------ statements
    def execute(self, sql: str, args: Sequence[Any] = ()) -> Any:
        sql, args = to_pyformat(sql), _clean(args)
        if self._in_tx:  # part of a transaction: only the whole transaction can be run again
            return self.conn.execute(sql, args)
        # alone it is its own transaction (autocommit): run it again on a new connection if need be
        return self.retry(lambda: self.conn.execute(sql, args), "running a query")

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = [_clean(r) for r in rows]
        if rows:
            def run() -> None:
                with self.conn.cursor() as cur:
                    cur.executemany(to_pyformat(sql), rows)

            if self._in_tx:
                run()
            else:
                self.retry(run, "running a query")

    def _table_columns(self, table: str) -> list[str]:
        if table not in self._columns:
            self._columns[table] = [r[0] for r in self.conn.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = %s "
                "AND table_schema = current_schema() ORDER BY ordinal_position", (table,))]
        return self._columns[table]

    def _upsert_sql(self, table: str, cols: Sequence[str], key: Sequence[str], *, replace: bool = True) -> str:
        insert = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({','.join('?' * len(cols))}) "
        if not replace:
            return insert + "ON CONFLICT DO NOTHING"
        # SQLite's REPLACE deletes the old row and inserts a new one: every other column takes its
        # default again, and the row moves to the end of the ingest order (a new rowid).
        sets = [f"{c} = EXCLUDED.{c}" for c in self._table_columns(table) if c not in key]
        return insert + f"ON CONFLICT ({', '.join(key)}) DO UPDATE SET {', '.join(sets)}"

    # ------------------------------------------------------------------ transactions
    @contextmanager
    def transaction(self) -> Iterator[Store]:
        self._in_tx += 1
        try:
            with self.conn.transaction():
                yield self
        finally:
            self._in_tx = max(self._in_tx - 1, 0)

    def begin(self) -> None:
        self.conn.execute("BEGIN")
        self._in_tx += 1

    def commit(self) -> None:
        self._in_tx = max(self._in_tx - 1, 0)
        self.conn.execute("COMMIT")

    def rollback(self) -> None:
        self._in_tx = max(self._in_tx - 1, 0)
        self.conn.execute("ROLLBACK")

    def close(self) -> None:
        if not self.conn.closed:
            self.conn.close()
