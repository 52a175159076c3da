"""Each document's link mentions as the link stage built them (``document_mentions``), with the
fingerprint they were built under (see ``claimgraph.link.mention_codec``), so that a later run
reads an older article's mentions instead of building them again.

A row whose fingerprint no longer matches (the text, the date or the code changed) is simply
built again and replaced; the data is zlib-compressed JSON.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from typing import Any

MENTIONS_VERSION = 15  # the schema that added document_mentions
CHUNK = 500  # ids per ``IN (...)`` lookup


def available(store: Any) -> bool:
    """Whether this store keeps mentions (a read-only store of an older schema does not)."""
    return store.schema_version >= MENTIONS_VERSION


def kept(store: Any, doc_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
    """``doc id -> (fingerprint, JSON)`` of the documents among ``doc_ids`` that have mentions kept."""
    out: dict[str, tuple[str, str]] = {}
    ids = list(dict.fromkeys(doc_ids))
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i:i + CHUNK]
        for doc_id, fp, data in store.execute(
                f"SELECT doc_id, fingerprint, data FROM document_mentions WHERE doc_id IN ({','.join('?' * len(chunk))})",
                chunk):
            out[doc_id] = (fp, zlib.decompress(bytes(data)).decode("utf-8"))
    return out


def keep(store: Any, rows: Iterable[tuple[str, str, str]]) -> None:
    """Store ``(doc id, fingerprint, JSON)`` rows, replacing a document's earlier ones."""
    store.executemany(store._upsert_sql("document_mentions", ["doc_id", "fingerprint", "data"], ["doc_id"]),
                      [(d, fp, zlib.compress(data.encode("utf-8"), 6)) for d, fp, data in rows])
