"""Provenance: who cites whom, and how many independent origins stand behind a figure.

A claim's *source* is who says it where: the speaker in one outlet, or the outlet's own voice.
Its *origin* is where the words started: the speaker (whoever relays them: "the driver told
the BBC" quoted by Mother Jones still has one origin, the driver), or for the own voice the
outlet that first ran the text. A wire copy (``duplicate_of``) and a sentence copied word for
word from an earlier article keep the origin of the first one, so a reprint is never counted as
a second, independent source.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from functools import lru_cache

from ..model import Article, Claim

_TITLES = re.compile(r"^(?:the|a|an|one|mr\.?|mrs\.?|ms\.?|dr\.?|sen\.?|rep\.?|gov\.?|gen\.?|col\.?|"
                     r"lt\.?|sgt\.?|president|senator|governor|mayor|minister|prime|secretary|judge|"
                     r"justice|chief|general|colonel|commissioner|spokesman|spokeswoman|spokesperson|"
                     r"special|envoy|ambassador|representative|congressman|congresswoman|us|u\.s\.)\s+",
                     re.I)
_MIN_COPY_CHARS = 40


def norm_name(name: str | None) -> str:
    """A name as a key: lower case, no article or title in front, single spaces."""
    return _norm_name(name or "")


@lru_cache(maxsize=65536)  # a story's few names are keyed for each of its figures, in every pair
def _norm_name(name: str) -> str:
    s = re.sub(r"[’']s\b", "", name.strip())
    s = re.sub(r"\s+", " ", s)
    prev = None
    while prev != s:
        prev, s = s, _TITLES.sub("", s)
    return s.strip(" .,;:").lower()


def outlet_name(art: Article | None) -> str:
    """The outlet as a key (falls back on the document id when the outlet is unknown)."""
    if art is None:
        return ""
    return norm_name(art.outlet) or f"doc:{art.id}"


def outlet_label(art: Article | None) -> str:
    return (art.outlet or "").strip() if art is not None and art.outlet else (art.id if art else "")


def speaker_label(claim: Claim) -> str:
    return (claim.speaker or claim.speaker_mention or "").strip()


def citation_chain(claim: Claim, art: Article) -> list[str]:
    """Who cites whom for one claim, outermost first: outlet, intermediaries, speaker."""
    chain = [outlet_label(art)] + [v for v in claim.via if v]
    if speaker_label(claim):
        chain.append(speaker_label(claim))
    return chain


def _norm_sentence(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


class Provenance:
    """Sources, origins and copy groups of the claims of one story (or one document)."""

    def __init__(self, articles: Iterable[Article]):
        self.articles = {a.id: a for a in articles}
        # sentence hash -> (copy group, origin, original document) of its first printing
        self._first_copy: dict[str, tuple[str, str, str]] = {}

    def canonical(self, doc_id: str) -> str:
        """The original a document is a copy of (following ``duplicate_of``), else itself."""
        seen = set()
        cur = doc_id
        while cur not in seen:
            seen.add(cur)
            art = self.articles.get(cur)
            if art is None or not art.duplicate_of or art.duplicate_of == cur:
                return cur
            cur = art.duplicate_of
        return cur

    @staticmethod
    def speaker_key(claim: Claim) -> str:
        """The speaker as a key ("" for the outlet's own voice)."""
        return norm_name(speaker_label(claim))

    def source(self, claim: Claim, art: Article) -> tuple[str, str]:
        """``(key, label)`` of who says it where: one per speaker per outlet, or the outlet's voice."""
        outlet = outlet_name(art)
        speaker = norm_name(speaker_label(claim))
        if speaker:
            label = f"{speaker_label(claim)} ({outlet_label(art)})" if art.outlet else speaker_label(claim)
            return f"{outlet}|{speaker}", label
        return outlet, outlet_label(art)

    def origin(self, claim: Claim, art: Article) -> str:
        """Where the words started: the named speaker, else the last intermediary, else the outlet."""
        canon = self.articles.get(self.canonical(art.id), art)
        if speaker_label(claim):
            # unnamed speakers ("officials", "a driver") are merged by name too: when unsure,
            # count fewer independent origins, never more
            return norm_name(speaker_label(claim))
        vias = [v for v in claim.via if v]
        if vias:
            return norm_name(vias[-1])
        if canon is art and art.duplicate_of:  # copy of a document we do not hold
            return f"copy:{art.duplicate_of}"
        return outlet_name(canon)

    def copy_group_and_origin(self, claim: Claim, art: Article, sentence: str) -> tuple[str, str]:
        """The copy group and the origin of one claim.

        The copy group is the original document (a wire copy joins its original's group) and the
        speaker: claims of one group are one report, never a comparison on their own. The origin
        of a sentence printed word for word by an earlier article is that article's origin (call
        in reading order: the first document to print a sentence owns it).
        """
        canon = self.canonical(art.id)
        group = f"{canon}|{self.speaker_key(claim)}"
        origin = self.origin(claim, art)
        norm = _norm_sentence(sentence)
        if len(norm) >= _MIN_COPY_CHARS:
            h = hashlib.sha1(norm.encode()).hexdigest()
            first = self._first_copy.setdefault(h, (group, origin, canon))
            if first[2] != canon:
                return group, first[1]
        return group, origin


def independent_origins(origins: Iterable[str]) -> int:
    """How many independent origins: repeats of one origin count once.

    A name that ends another ("varga" in "ilse varga") is taken as the same origin.
    """
    kept: list[str] = []
    for o in sorted({o for o in origins if o}, key=len):
        if not any(o == k or o.endswith(" " + k) for k in kept):
            kept.append(o)
    return len(kept)
