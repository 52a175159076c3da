"""The outlet boilerplate statistics kept in the store, so that a batch costs what it holds.

The outlet learner (:class:`~claimgraph.clean.corpus.OutletBoilerplate`) needs, for every line of an article, in how many
of the outlet's articles that line appeared, and how many articles the outlet has. Both are kept
in the ``outlet_docs`` and ``outlet_lines`` tables and updated with each batch's counts; a batch's
learner then loads only its outlets and the hashes of its own lines. Adding N articles to a store
of M reads and writes O(N) rows, and every article is judged against the counts a run over all
M + N articles at once would have given it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..clean.corpus import OutletBoilerplate, outlet_key
from ..model import Article

CHUNK = 500  # hashes per ``IN (...)`` lookup
_TOP = 1 << 63


def signed(h: int) -> int:
    """A 64-bit line hash as the signed integer a BIGINT column holds."""
    return h - (1 << 64) if h >= _TOP else h


def unsigned(v: int) -> int:
    """The line hash back from its stored signed form."""
    return v + (1 << 64) if v < 0 else v


def record(store: Any, batch: OutletBoilerplate) -> None:
    """Add a batch's counts (articles per outlet, articles per line) to the stored statistics."""
    store.executemany(
        "INSERT INTO outlet_docs (outlet, docs) VALUES (?, ?) "
        "ON CONFLICT (outlet) DO UPDATE SET docs = outlet_docs.docs + excluded.docs",
        [(o, batch.documents(o)) for o in batch.outlets()],
    )
    store.executemany(
        "INSERT INTO outlet_lines (outlet, line, docs) VALUES (?, ?, ?) "
        "ON CONFLICT (outlet, line) DO UPDATE SET docs = outlet_lines.docs + excluded.docs",
        [(o, signed(h), n) for o in batch.outlets() for h, n in batch.line_counts(o).items()],
    )


def load_totals(store: Any, batch: OutletBoilerplate) -> OutletBoilerplate:
    """A learner holding the stored totals of the batch's outlets, for the batch's lines only."""
    out = OutletBoilerplate(batch.min_docs, batch.min_share, batch.min_chars, batch.max_lines)
    for outlet in batch.outlets():
        row = store.execute("SELECT docs FROM outlet_docs WHERE outlet=?", (outlet,)).fetchone()
        hashes = [signed(h) for h in batch.line_counts(outlet)]
        counts: dict[int, int] = {}
        for i in range(0, len(hashes), CHUNK):
            chunk = hashes[i : i + CHUNK]
            for r in store.execute(
                f"SELECT line, docs FROM outlet_lines WHERE outlet=? AND line IN "
                f"({','.join('?' * len(chunk))})",
                [outlet, *chunk],
            ):
                counts[unsigned(r[0])] = r[1]
        out.set_counts(outlet, row[0] if row else 0, counts)
    return out


def learn_batch(store: Any, docs: Iterable[tuple[str, str]]) -> OutletBoilerplate:
    """Count a batch's ``(outlet key, text)`` into the store and return a learner that judges its
    articles against every article counted so far (call inside a transaction)."""
    batch = OutletBoilerplate()
    for key, text in docs:
        batch.add(key, text)
    record(store, batch)
    return load_totals(store, batch)


COUNTED_KEY = "outlet_counts_pending"  # documents counted in but not yet deduplicated


def learn_pending(store: Any, docs: Iterable[tuple[str, str, str]]) -> OutletBoilerplate:
    """Like :func:`learn_batch` for ``(doc id, outlet key, text)`` of documents that may already
    have been counted in by a run that stopped before it deduplicated them all (deduplication
    commits a chunk at a time): those are judged but not counted twice. The ids counted in stay in
    the store's state until :func:`done_pending` (call inside a transaction)."""
    counted = set(store.get_state(COUNTED_KEY) or [])
    judged, fresh = OutletBoilerplate(), OutletBoilerplate()
    new_ids = []
    for doc_id, key, text in docs:
        judged.add(key, text)
        if doc_id not in counted:
            fresh.add(key, text)
            new_ids.append(doc_id)
    record(store, fresh)
    store.set_state(COUNTED_KEY, sorted(counted | set(new_ids)))
    return load_totals(store, judged)


def done_pending(store: Any) -> None:
    """Every counted document is deduplicated: forget the pending list (inside a transaction)."""
    store.set_state(COUNTED_KEY, [])


def count_stored_documents(store: Any) -> None:
    """Fill the statistics from the documents a store already holds (a store made before they
    were kept): each one's stored text with the lines cleaning removed from it, which together are
    the lines the learner saw."""
    import json

    batch = OutletBoilerplate()
    for r in store.execute("SELECT outlet, url, text, removed FROM documents ORDER BY rowid").fetchall():
        art = Article(id="", text="", outlet=r[0], url=r[1])
        lines = [r[2] or "", *json.loads(r[3] or "[]")]
        batch.add(outlet_key(art), "\n".join(lines))
    record(store, batch)
