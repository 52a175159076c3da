"""Persistence: SQLite by default."""

from .sqlite import Store, StoreError

__all__ = ["Store", "StoreError"]
