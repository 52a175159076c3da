"""The per-document token index that every attribution pass shares.

spaCy recomputes ``doc.text`` and ``Token.sent`` on each access (the latter walks the whole
document), so an article's passes would be quadratic in its length. The index is built once per
Doc by ``find_attributions`` and passed explicitly to every pass that needs it.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span, Token


class TokenIndex:
    """One parsed article's text, token start offsets and sentences, for constant-time look-ups."""

    __slots__ = ("doc", "text", "starts", "_sent_starts", "_sents")

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text: str = doc.text
        # character offset of every token, for bisecting from characters to tokens
        self.starts: list[int] = doc.to_array("IDX").tolist() if len(doc) else []
        self._sent_starts: list[int] | None = None
        self._sents: list[Span] = []

    def sent(self, tok: Token) -> Span:
        """The sentence of ``tok`` (sentences are listed on first use: many articles need none)."""
        if self._sent_starts is None:
            self._sents = list(self.doc.sents)
            self._sent_starts = [s.start for s in self._sents]
        return self._sents[bisect.bisect_right(self._sent_starts, tok.i) - 1]
