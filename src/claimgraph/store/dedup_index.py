"""The near-duplicate index kept in the store: LSH band keys of each deduplicated document's
signature (``dedup_bands``), so that a new batch looks up its candidates instead of loading every
signature of the store.

The keys are cut by a banding scheme (``dedup.band_scheme``: it follows the duplicate threshold),
recorded in the ``state`` table; a run with another threshold recuts every key once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the cutting functions are imported where used: reading a store needs no datasketch
    from ..dedup import BandScheme

SCHEME_KEY = "dedup_band_scheme"
DEFAULT_THRESHOLD = 0.8  # Options' default duplicate threshold: the keys a migrated store gets
CHUNK = 500  # keys per ``IN (...)`` lookup
KNOWN = "status IN ('deduped', 'extracted')"  # as ``Store.known_signatures``


def scheme_of(store: Any) -> BandScheme | None:
    """The scheme the stored keys were cut with (None: no keys yet)."""
    value = store.get_state(SCHEME_KEY)
    return tuple(value) if value else None  # type: ignore[return-value]


def put_bands(store: Any, doc_id: str, signature: bytes | None) -> None:
    """Replace a document's band keys with those of ``signature`` (none when it has none).

    The first keys of a store are cut for the default threshold and that scheme recorded (a
    store records a scheme exactly when it may hold keys); a deduplicator of another threshold
    recuts them (:func:`recut`).
    """
    from ..dedup import band_keys, band_scheme

    store.execute("DELETE FROM dedup_bands WHERE doc_id=?", (doc_id,))
    if not signature:
        return
    scheme = scheme_of(store)
    if scheme is None:
        scheme = band_scheme(DEFAULT_THRESHOLD)
        store.set_state(SCHEME_KEY, list(scheme))
    store.executemany(
        "INSERT INTO dedup_bands (key, doc_id) VALUES (?, ?)",
        [(k, doc_id) for k in band_keys(bytes(signature), scheme)],
    )


def recut(store: Any, scheme: BandScheme) -> None:
    """Cut every stored signature's keys with ``scheme`` and record it (a page of documents at a time)."""
    from ..dedup import band_keys

    store.execute("DELETE FROM dedup_bands")
    store.set_state(SCHEME_KEY, list(scheme))
    last = -1
    while True:
        rows = store.execute(
            "SELECT rowid, id, signature FROM documents WHERE rowid > ? AND signature IS NOT NULL "
            "ORDER BY rowid LIMIT 1000",
            (last,),
        ).fetchall()
        if not rows:
            return
        store.executemany(
            "INSERT INTO dedup_bands (key, doc_id) VALUES (?, ?)",
            [(k, r[1]) for r in rows for k in band_keys(bytes(r[2]), scheme)],
        )
        last = rows[-1][0]


def migrate(store: Any) -> None:
    """Schema 14: the keys of the documents stored before, cut for the default threshold (a new,
    empty store records no scheme yet: it stays empty, as ``copy_store`` wants its target)."""
    from ..dedup import band_scheme

    if store.execute("SELECT 1 FROM documents WHERE signature IS NOT NULL LIMIT 1").fetchone():
        recut(store, band_scheme(DEFAULT_THRESHOLD))


def original_by_hash(store: Any, content_hash: str) -> str | None:
    """The first-ingested deduplicated document with this content hash."""
    row = store.execute(
        f"SELECT id FROM documents WHERE content_hash=? AND {KNOWN} ORDER BY rowid LIMIT 1", (content_hash,)
    ).fetchone()
    return row[0] if row else None


def near_candidates(store: Any, keys: Sequence[int]) -> list[tuple[str, bytes]]:
    """``(id, signature)`` of the deduplicated documents sharing one of ``keys``, in ingest order."""
    found: dict[str, tuple[int, bytes]] = {}
    keys = list(keys)
    for i in range(0, len(keys), CHUNK):
        chunk = keys[i : i + CHUNK]
        for r in store.execute(
            f"SELECT d.rowid, d.id, d.signature FROM dedup_bands k JOIN documents d ON d.id = k.doc_id "
            f"WHERE k.key IN ({','.join('?' * len(chunk))}) AND d.{KNOWN} AND d.signature IS NOT NULL",
            chunk,
        ):
            found[r[1]] = (r[0], bytes(r[2]))
    return [(doc_id, sig) for doc_id, (_, sig) in sorted(found.items(), key=lambda kv: kv[1][0])]
