"""Counts a text gives without a numeral, for nouns whose number reports tell one way or another.

* "the lone gunman", "a single shooter": one attacker (exclusive: there was no other);
* "multiple snipers": two or more attackers;
* each item of an inventory of weapons: "armed with a rifle, a shotgun and a handgun" is one
  handgun (an inventory says what someone carried, all of it, so "a" counts).

Only the word classes in :mod:`claimgraph.lexicon.quantities` (attackers, weapons): "a" or "the
only" before any noun would make a count of every other phrase.
"""

from __future__ import annotations

import re

from claimgraph.lexicon.quantities import (
    ATTACKER_NOUNS,
    EXCLUSIVE_COUNT_WORDS,
    INVENTORY_CUES,
    PLURAL_COUNT_WORDS,
    WEAPON_NOUNS,
)
from claimgraph.model import Quantity


def _alts(words: frozenset[str] | tuple[str, ...]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_MOD = r"(?:[a-z][a-z'-]*\s+){0,2}?"  # up to two modifiers between ("the lone rifle-toting gunman")
_EXCLUSIVE_RE = re.compile(
    rf"\b(?:(?:a|an|the|one)\s+)?(?:{_alts(EXCLUSIVE_COUNT_WORDS)})\s+{_MOD}(?P<noun>{_alts(ATTACKER_NOUNS)})\b(?!-)",
    re.I,
)
_PLURAL_RE = re.compile(
    rf"\b(?:{_alts(PLURAL_COUNT_WORDS)})\s+{_MOD}(?P<noun>{_alts(ATTACKER_NOUNS)})\b(?!-)", re.I
)
_CUE_RE = re.compile(rf"\b(?:{_alts(INVENTORY_CUES)})\b", re.I)
_WEAPON_RE = re.compile(rf"\b(?:{_alts(WEAPON_NOUNS)})\b(?!-)", re.I)
# one item of the inventory: "a"/"an", up to three modifiers ("a semi-automatic Glock handgun");
# "one rifle" is read by the main pass already
_ITEM_RE = re.compile(rf"\b(?:an?)\s+(?:[\w'-]+\s+){{0,3}}?(?P<noun>{_alts(WEAPON_NOUNS)})\b(?!-)", re.I)
_SENTENCE_END = re.compile(r"[.!?](?=[\s\"'”’)]|$)|\n")
_PREDICATIVE = re.compile(r"\b(?:is|was|are|were|be|been)\s*\Z", re.I)  # "which is a rifle": no item
_INVENTORY_REACH = 250  # characters an inventory runs on after its cue, at most


def _count(text: str, start: int, end: int, noun: str, low: float, high: float | None) -> Quantity:
    exact = high is not None
    return Quantity(
        text=text[start:end],
        start=start,
        end=end,
        value=low if exact else None,
        low=low,
        high=high,
        kind="count",
        counted=noun,
        bound="exact" if exact else "lower",
    )


def implied_counts(text: str, found: list[Quantity]) -> list[Quantity]:
    """Counts written without a numeral (see the module doc), none overlapping ``found``."""
    out: list[Quantity] = []
    for m in _EXCLUSIVE_RE.finditer(text):
        out.append(_count(text, m.start(), m.end(), m.group("noun"), 1.0, 1.0))
    for m in _PLURAL_RE.finditer(text):
        out.append(_count(text, m.start(), m.end(), m.group("noun"), 2.0, None))
    read = 0  # items up to here were read from an earlier cue's inventory
    for cue in _CUE_RE.finditer(text):
        end = _SENTENCE_END.search(text, cue.end(), cue.end() + _INVENTORY_REACH)
        stop = end.start() if end else min(len(text), cue.end() + _INVENTORY_REACH)
        weapons = _WEAPON_RE.finditer(text, cue.end(), stop)
        if next(weapons, None) is None or next(weapons, None) is None:
            continue  # one weapon named is no inventory ("one carrying a handgun and wearing ...")
        for m in _ITEM_RE.finditer(text, max(cue.end(), read), stop):
            read = m.end()
            if _PREDICATIVE.search(text, max(0, m.start() - 12), m.start()):
                continue
            out.append(_count(text, m.start(), m.end(), m.group("noun"), 1.0, 1.0))
    # one sweep in start order: drop what overlaps the main pass or an earlier implied count
    spans = sorted((q.start, q.end) for q in found)
    keep: list[Quantity] = []
    k = 0
    for q in sorted(out, key=lambda q: (q.start, -q.end)):
        while k < len(spans) and spans[k][1] <= q.start:
            k += 1
        j, hit = k, False
        while j < len(spans) and spans[j][0] < q.end and not hit:  # spans starting inside q (few)
            hit = spans[j][1] > q.start
            j += 1
        if not hit and not (keep and keep[-1].end > q.start):
            keep.append(q)
    return keep
