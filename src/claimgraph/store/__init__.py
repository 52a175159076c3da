"""Persistence: a SQLite file by default, a PostgreSQL database for a ``postgresql://`` URL.

``Store(path_or_url)`` (or ``open_store``) picks the backend; both have the same tables and
methods. Callers that need SQL of their own use ``store.execute(sql, args)`` with SQLite-style
``?`` placeholders, which runs on either backend.
"""

from pathlib import Path

from .base import Store, StoreError, is_url
from .copy import copy_store
from .sqlite import SQLiteStore


def open_store(path_or_url: str | Path = "claimgraph.db", *, readonly: bool = False) -> Store:
    """The store at ``path_or_url``: a SQLite file, or a PostgreSQL database given by URL."""
    return Store(path_or_url, readonly=readonly)


__all__ = ["SQLiteStore", "Store", "StoreError", "copy_store", "is_url", "open_store"]
