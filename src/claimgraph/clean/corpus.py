"""Boilerplate that the corpus itself reveals: lines recurring across many articles of one outlet.

A newsletter box, a copyright line or a "Fox News Flash top headlines" teaser is written once per
article by the site template, so it shows up in a large share of that outlet's articles. Real
content rarely does: even wire copy that several articles share repeats across a handful of
articles, not across most of them.

Two passes: :meth:`OutletBoilerplate.add` every article first, then
:meth:`OutletBoilerplate.strip` each one. Memory is bounded: lines are kept as 8-byte hashes
and each outlet's table is pruned of one-off lines when it grows past ``max_lines``.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from urllib.parse import urlsplit

from ..model import Article
from . import patterns
from .boilerplate import is_prose, norm_key

_DIGITS = re.compile(r"\d+")
_YEARS = re.compile(r"\b(?:19|20)\d\d\b")
# Lines this short have every number folded ("Slideshow (3 Images)"); longer ones only years,
# so that content lines differing in their figures stay distinct.
_FOLD_ALL_DIGITS_WORDS = 6


def line_hash(line: str) -> int:
    """Stable 64-bit hash of a line's comparison key (case and punctuation ignored).

    Years are folded so that "Copyright 2019 ..." and "Copyright 2020 ..." count as one line;
    in very short lines every number is.
    """
    key = norm_key(line)
    key = _DIGITS.sub("0", key) if key.count(" ") < _FOLD_ALL_DIGITS_WORDS else _YEARS.sub("0", key)
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big")


class OutletBoilerplate:
    """Count lines per outlet across a corpus, then strip those recurring in many articles.

    A line is boilerplate for an outlet when it appears in at least ``min_docs`` of its articles
    and in at least ``min_share`` of them. Lines shorter than ``min_chars`` (after trimming) are
    ignored: "Advertisement" is caught by the per-line rules anyway, and tiny lines collide.
    """

    def __init__(self, min_docs: int = 3, min_share: float = 0.3, min_chars: int = 12,
                 max_lines: int = 200_000) -> None:
        self.min_docs = min_docs
        self.min_share = min_share
        self.min_chars = min_chars
        self.max_lines = max_lines
        self._counts: dict[str, Counter[int]] = {}
        self._docs: Counter[str] = Counter()
        self._pruned_below: dict[str, int] = {}

    def _hashes(self, text: str) -> set[int]:
        return {line_hash(x) for x in text.split("\n") if len(x.strip()) >= self.min_chars}

    def add(self, outlet_key: str, text: str) -> None:
        """Count the distinct lines of one article of ``outlet_key``.

        An empty key (outlet unknown) is ignored: articles of unrelated sites, or many outlets'
        reports of one event quoting the same statement, must not teach each other boilerplate.
        """
        if not outlet_key:
            return
        counts = self._counts.setdefault(outlet_key, Counter())
        counts.update(self._hashes(text))
        self._docs[outlet_key] += 1
        if len(counts) > self.max_lines:
            # Drop the rarest lines; a line that recurs in many articles soon comes back above
            # the floor. Remember the floor so thresholds stay conservative.
            floor = self._pruned_below.get(outlet_key, 1)
            while len(counts) > self.max_lines // 2:
                for h in [h for h, c in counts.items() if c <= floor]:
                    del counts[h]
                floor += 1
            self._pruned_below[outlet_key] = floor

    def outlets(self) -> list[str]:
        """The outlets with counted articles."""
        return list(self._docs)

    def line_counts(self, outlet_key: str) -> Counter[int]:
        """``line hash -> articles`` of one outlet (empty for an unknown outlet)."""
        return self._counts.get(outlet_key, Counter())

    def set_counts(self, outlet_key: str, documents: int, counts: dict[int, int]) -> None:
        """Replace one outlet's statistics (kept elsewhere, e.g. in the store): its number of
        articles and the counts of the lines that will be asked about."""
        self._docs[outlet_key] = documents
        self._counts[outlet_key] = Counter(counts)

    def documents(self, outlet_key: str) -> int:
        """How many articles of this outlet were added."""
        return self._docs[outlet_key]

    def threshold(self, outlet_key: str) -> int:
        """Minimum number of articles a line must appear in to count as boilerplate."""
        n = self._docs[outlet_key]
        return max(self.min_docs, math.ceil(self.min_share * n))

    def is_boilerplate(self, outlet_key: str, line: str) -> bool:
        """Does this line recur in enough articles of the outlet?

        A line that reads like reporting (prose with a quote or a "said") must recur in twice the
        share: an outlet's follow-up stories repeat such paragraphs, its template does not.
        """
        if len(line.strip()) < self.min_chars or outlet_key not in self._counts:
            return False
        seen = self._counts[outlet_key][line_hash(line)]
        need = self.threshold(outlet_key)
        if seen >= need and is_prose(line) and (patterns.QUOTE_CHARS.search(line) or patterns.REPORTING.search(line)):
            need = max(need, self.min_docs + 2, math.ceil(min(1.0, 2 * self.min_share) * self._docs[outlet_key]))
        return seen >= need

    def strip(self, outlet_key: str, text: str) -> tuple[str, list[str]]:
        """Remove the outlet's recurring lines; return the text and the removed lines.

        Kept lines are returned unchanged and in order; blank-line runs left behind collapse to one.
        """
        if self._docs[outlet_key] < self.min_docs:
            return text, []
        kept: list[str] = []
        removed: list[str] = []
        for x in text.split("\n"):
            if self.is_boilerplate(outlet_key, x):
                removed.append(x.strip())
                continue
            if not x.strip() and (not kept or not kept[-1].strip()):
                continue
            kept.append(x)
        while kept and not kept[-1].strip():
            kept.pop()
        return "\n".join(kept), removed


def outlet_key(art: Article) -> str:
    """Whose statistics an article counts in: its outlet, else its URL's host."""
    if art.outlet:
        return art.outlet.lower()
    if art.url:
        return urlsplit(art.url).netloc.lower().removeprefix("www.")
    return ""
