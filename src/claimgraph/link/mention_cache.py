"""Each document's mentions built once per link run, handed out as fresh copies.

A document's mentions depend on its text and claims only, but a story fills in fields of its own
(source, copy group, reach, the rare context words), and one document is compared in its story and
again in every related pair its story is in. Rebuilding them for each grew with the number of
related pairs, not documents (28,316 builds for 5,000 documents); a cache scoped to one run builds
each once. With the store behind it, a later run reads the mentions of older articles instead of
building them (``store/document_mentions.py``, ``link/mention_codec.py``).
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from ..model import Article
from ..store import document_mentions as document_mentions_store
from .measures import Mention, document_mentions
from .mention_codec import dumps, fingerprint, loads
from .settings import CompareOptions

KEEP_DOCUMENTS = 600  # documents whose mentions one process keeps in memory, the last used


class MentionCache:
    """Mentions by document for one link run (the documents must not change during it).

    Keyed by document id and a fingerprint of its text and claims, so an article loaded twice
    meets its own mentions, and a changed one is rebuilt. With a ``store`` that keeps mentions
    (schema 15), a document's kept mentions are read instead of built when their fingerprint
    still holds, and what this run built is kept by :meth:`save`.
    """

    def __init__(self, opts: CompareOptions, store: Any = None) -> None:
        self.opts = opts
        self._store = store if store is not None and document_mentions_store.available(store) else None
        self._built: dict[str, tuple[tuple[int, int], list[Mention]]] = {}
        self._fresh: dict[str, tuple[str, str]] = {}  # doc id -> (fingerprint, JSON) built this run
        self.builds = 0  # documents whose mentions were built (not copied or read), for tests and benchmarks
        self.read = 0  # documents whose mentions were read from the store

    def mentions(self, art: Article) -> list[Mention]:
        """A fresh copy of ``art``'s mentions: the caller may set any field of any of them."""
        key = (hash(art.text), hash(tuple((c.id, len(c.quantities)) for c in art.claims)))
        hit = self._built.pop(art.id, None)
        if hit is None or hit[0] != key:
            hit = (key, self._kept_or_built(art))
        self._built[art.id] = hit  # most recently used last
        if len(self._built) > KEEP_DOCUMENTS:  # memory stays flat on a big store: read again if needed
            del self._built[next(iter(self._built))]
        return copies(hit[1])

    def _kept_or_built(self, art: Article) -> list[Mention]:
        if self._store is None:
            self.builds += 1
            return document_mentions(art, self.opts)
        fp = fingerprint(art, self.opts)
        row = document_mentions_store.kept(self._store, [art.id]).get(art.id)
        if row is not None and row[0] == fp:
            self.read += 1
            return loads(row[1])
        self.builds += 1
        built = document_mentions(art, self.opts)
        self._fresh[art.id] = (fp, dumps(built))
        return built

    def take_fresh(self) -> list[tuple[str, str, str]]:
        """The ``(doc id, fingerprint, JSON)`` rows built since the last call (a worker sends them back)."""
        rows = [(d, fp, data) for d, (fp, data) in self._fresh.items()]
        self._fresh.clear()
        return rows

    def adopt(self, rows: list[tuple[str, str, str]]) -> None:
        """Rows another process built for this run, kept by :meth:`save` like this cache's own."""
        if self._store is not None:
            self._fresh.update({d: (fp, data) for d, fp, data in rows})

    def save(self) -> None:
        """Keep the mentions built this run in the store (call inside the run's write transaction)."""
        if self._store is not None and self._fresh:
            document_mentions_store.keep(self._store, [(d, fp, data) for d, (fp, data) in self._fresh.items()])
            self._fresh.clear()


def mention_row(art: Article, opts: CompareOptions) -> tuple[str, str, str]:
    """``(doc id, fingerprint, JSON)`` of ``art``'s mentions, for the store to keep; built as
    soon as its claims are, so that the link stage reads them."""
    return art.id, fingerprint(art, opts), dumps(document_mentions(art, opts))


_SLOTS = tuple(f.name for f in fields(Mention))


def _clone(m: Mention) -> Mention:
    """A shallow copy with an empty interval cache (copy.copy is several times slower on slots)."""
    c = object.__new__(Mention)
    for name in _SLOTS:
        object.__setattr__(c, name, getattr(m, name))
    c.iv = None
    return c


def copies(mentions: list[Mention]) -> list[Mention]:
    """Shallow copies of ``mentions``; a sum's parts are the copies of its parts, as built.

    Fields are replaced, never changed in place, so sharing the frozensets and the context dict
    is safe; the interval cache is cleared because it depends on the story's reach.
    """
    new = {id(m): _clone(m) for m in mentions}
    for c in new.values():
        if c.parts:
            c.parts = tuple(new[id(p)] if id(p) in new else _clone(p) for p in c.parts)
    return [new[id(m)] for m in mentions]
