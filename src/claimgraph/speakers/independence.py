"""Independence: how many reports, and how many independent sources, stand behind some claims.

A *report* is an article. A *source* is where the words started: the speaker entity for an
attributed claim (whoever relays it: "the driver told the BBC" quoted by Mother Jones is the
driver; one press release or one study quoted by three outlets is one speaker entity), else the
last intermediary named, else the outlet of the original article (a wire copy counts as its
original). Three outlets running one wire story are "3 reports, 1 independent source".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Article, Claim


@dataclass(frozen=True, slots=True)
class Independence:
    """``reports`` articles and ``sources`` independent origins behind some claims."""

    reports: int
    sources: int

    def label(self) -> str:
        """"3 reports, 1 independent source"."""
        return (f"{self.reports} report{'s' if self.reports != 1 else ''}, "
                f"{self.sources} independent source{'s' if self.sources != 1 else ''}")

    def to_dict(self) -> dict[str, int | str]:
        return {"reports": self.reports, "sources": self.sources, "label": self.label()}


def _key(text: str | None) -> str:
    return re.sub(r"\W+", " ", (text or "").casefold()).strip()


def canonical_document(art: Article, articles: dict[str, Article]) -> Article:
    """The original a wire copy was taken from (following ``duplicate_of``), else the article."""
    seen = {art.id}
    while art.duplicate_of and art.duplicate_of in articles and art.duplicate_of not in seen:
        art = articles[art.duplicate_of]
        seen.add(art.id)
    return art


def origin(claim: Claim, art: Article, articles: dict[str, Article] | None = None) -> str:
    """Where one claim's words started (see the module docstring)."""
    if claim.speaker_id:
        return "speaker:" + claim.speaker_id
    if claim.speaker:
        return "speaker:" + _key(claim.speaker)
    vias = [v for v in claim.via if v]
    if vias:
        return "via:" + _key(vias[-1])
    canon = canonical_document(art, articles or {})
    if canon is art and art.duplicate_of:
        return "copy:" + art.duplicate_of  # a copy of an article we do not hold
    return "outlet:" + (_key(canon.outlet) or "doc:" + canon.id)


def independence(claims: Iterable[tuple[Claim, Article]], articles: dict[str, Article] | None = None) -> Independence:
    """Reports and independent sources behind ``(claim, article)`` pairs."""
    docs: set[str] = set()
    origins: set[str] = set()
    for claim, art in claims:
        docs.add(art.id)
        origins.add(origin(claim, art, articles))
    return Independence(len(docs), len(origins))
