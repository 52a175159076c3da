"""Persistence: a SQLite file by default, a PostgreSQL database for a ``postgresql://`` URL.

``Store(path_or_url)`` (or ``open_store``) picks the backend; both have the same tables and
methods. Every read and write of the schema lives in this package: ``Store``'s methods for the
pipeline's records, ``queries`` for the summaries and lookups that reports and pages need.
Nothing outside ``store/`` writes SQL. Both backends are imported here so that they register
with ``Store`` (psycopg itself loads only when a URL is opened).
"""

from pathlib import Path

from . import queries
from .base import Store, StoreError, StoreFailure, is_url
from .copy import copy_store
from .postgres import PostgresStore
from .sqlite import SQLiteStore


def open_store(path_or_url: str | Path = "claimgraph.db", *, readonly: bool = False) -> Store:
    """The store at ``path_or_url``: a SQLite file, or a PostgreSQL database given by URL."""
    return Store(path_or_url, readonly=readonly)


__all__ = ["PostgresStore", "SQLiteStore", "Store", "StoreError", "StoreFailure", "copy_store", "is_url", "open_store", "queries"]
