"""HTTP state of fetched URLs, kept in the store: ETag and Last-Modified for conditional GETs, the
last status, the feed that listed the URL. Written in the reading transaction, so the state and
the documents it stands for are committed together (``BufferedFetchState`` holds both until then)."""

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


class BufferedFetchState(StoreFetchState):
    """Fetch state kept in memory until ``write`` stores it, in the transaction that stores the
    documents fetched with it: the reader holds no transaction (and no lock) while it fetches and
    cleans, and a validator is never committed without its document (a 304 would then hide it)."""

    def __init__(self, store: Store):
        super().__init__(store)
        self.pending: dict[str, FetchState] = {}
        self.pending_documents: set[str] = set()  # ids read in this batch, not yet stored

    def get(self, url: str) -> FetchState | None:
        return self.pending.get(url) or super().get(url)

    def put(self, state: FetchState) -> None:
        self.pending[state.url] = state

    def has_document(self, url: str) -> bool:
        return url in self.pending_documents or super().has_document(url)

    def write(self) -> None:
        """Store the pending states (inside the caller's transaction; safe to run again)."""
        for state in self.pending.values():
            super().put(state)

    def clear(self) -> None:
        """Forget what ``write`` stored once its transaction has committed."""
        self.pending.clear()
        self.pending_documents.clear()
