"""Each document's mentions built once per link run, handed out as fresh copies.

A document's mentions depend on its text and claims only, but a story fills in fields of its own
(source, copy group, reach, the rare context words), and one document is compared in its story and
again in every related pair its story is in. Rebuilding them for each grew with the number of
related pairs, not documents (28,316 builds for 5,000 documents); a cache scoped to one run builds
each once.
"""

from __future__ import annotations

import copy

from ..model import Article
from .measures import Mention, document_mentions
from .settings import CompareOptions


class MentionCache:
    """Mentions by document for one link run (the documents must not change during it).

    Keyed by document id and a fingerprint of its text and claims, so an article loaded twice
    meets its own mentions, and a changed one is rebuilt.
    """

    def __init__(self, opts: CompareOptions) -> None:
        self.opts = opts
        self._built: dict[str, tuple[tuple[int, int], list[Mention]]] = {}
        self.builds = 0  # documents whose mentions were built (not copied), for tests and benchmarks

    def mentions(self, art: Article) -> list[Mention]:
        """A fresh copy of ``art``'s mentions: the caller may set any field of any of them."""
        key = (hash(art.text), hash(tuple((c.id, len(c.quantities)) for c in art.claims)))
        hit = self._built.get(art.id)
        if hit is None or hit[0] != key:
            hit = (key, document_mentions(art, self.opts))
            self._built[art.id] = hit
            self.builds += 1
        return copies(hit[1])


def copies(mentions: list[Mention]) -> list[Mention]:
    """Shallow copies of ``mentions``; a sum's parts are the copies of its parts, as built.

    Fields are replaced, never changed in place, so sharing the frozensets and the context dict
    is safe; the interval cache is cleared because it depends on the story's reach.
    """
    new: dict[int, Mention] = {}
    for m in mentions:
        c = copy.copy(m)
        c.iv = None
        new[id(m)] = c
    for c in new.values():
        if c.parts:
            c.parts = tuple(new[id(p)] if id(p) in new else _alone(p) for p in c.parts)
    return [new[id(m)] for m in mentions]


def _alone(m: Mention) -> Mention:
    c = copy.copy(m)
    c.iv = None
    return c
