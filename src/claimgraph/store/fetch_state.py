"""HTTP state of fetched URLs, kept in the store: ETag and Last-Modified for conditional GETs, the
last status, the feed that listed the URL. Written in the reading transaction, so the state and
the documents it stands for are committed together."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from .base import Store

COLUMNS = ["url", "etag", "last_modified", "status", "kind", "feed", "fetched_at"]


@dataclass(frozen=True, slots=True)
class FetchState:
    """What the store knows of one URL."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    status: int | None = None
    kind: str | None = None  # "feed" (RSS, Atom, sitemap) or "article"
    feed: str | None = None
    fetched_at: str | None = None


class StoreFetchState:
    """``get``/``put`` of ``FetchState`` and whether a URL is already a stored document."""

    def __init__(self, store: Store):
        self.store = store

    def get(self, url: str) -> FetchState | None:
        r = self.store.execute("SELECT * FROM fetch_state WHERE url=?", (url,)).fetchone()
        return FetchState(**{c: r[c] for c in COLUMNS}) if r else None

    def put(self, state: FetchState) -> None:
        now = state.fetched_at or datetime.now(UTC).isoformat(timespec="seconds")
        self.store.execute(self.store._upsert_sql("fetch_state", COLUMNS, ["url"]),
                           (state.url, state.etag, state.last_modified, state.status, state.kind, state.feed, now))

    def has_document(self, url: str) -> bool:
        """Is ``url`` already a stored document (its id)? Feed items seen before are not fetched again."""
        return self.store.document_status(url) is not None
