"""Acronyms defined in running text: "the Syrian Democratic Forces (SDF)" or "SDF (Syrian
Democratic Forces)". A definition in one article holds across the corpus unless another article
defines the same letters differently."""

from __future__ import annotations

import re
from collections.abc import Iterable

_LONG = r"((?:[A-Z][\w'’.&-]*\s+(?:(?:of|for|and|the|on|de|du|des|al)\s+)*){1,8}[A-Z][\w'’.&-]*)"
_ACR = r"([A-Z][A-Za-z0-9.&]{1,9})"
_LONG_FIRST = re.compile(_LONG + r"\s*\(\s*" + _ACR + r"\s*\)")
_ACR_FIRST = re.compile(r"\b" + _ACR + r"\s*\(\s*" + _LONG + r"\s*\)")
_SKIP = frozenset({"of", "for", "and", "the", "on", "de", "du", "des", "al"})


def _fits(acronym: str, long: str) -> tuple[bool, str]:
    """Whether the acronym's letters are the initials of the long form's words (kept from the
    first initial that starts it), and that trimmed long form."""
    letters = [c.lower() for c in acronym if c.isalpha()]
    words = long.split()
    # the long form may start with words that are not in the acronym ("Syrian Democratic Forces" in
    # "the US-backed Syrian Democratic Forces")
    while words and words[0].lower() in _SKIP:
        words = words[1:]
    for start in range(len(words)):
        if words[start].lower() in _SKIP:
            continue
        tail = [w for w in words[start:] if w.lower() not in _SKIP]
        initials = [w[0].lower() for w in tail]
        if initials == letters:
            return True, " ".join(words[start:])
        # "Médecins Sans Frontières (MSF)" fits; allow the skip words to count too
        if [w[0].lower() for w in words[start:]] == letters:
            return True, " ".join(words[start:])
    return False, ""


def definitions(text: str) -> Iterable[tuple[str, str]]:
    """``(acronym, long form)`` pairs defined in one text."""
    for m in _LONG_FIRST.finditer(text):
        ok, long = _fits(m.group(2), m.group(1))
        if ok:
            yield m.group(2).replace(".", ""), long
    for m in _ACR_FIRST.finditer(text):
        ok, long = _fits(m.group(1), m.group(2))
        if ok:
            yield m.group(1).replace(".", ""), long


class AcronymTable:
    """Acronym -> long form over a corpus; an acronym defined two ways is ambiguous and unused."""

    def __init__(self) -> None:
        self._long: dict[str, str] = {}
        self._ambiguous: set[str] = set()

    def add_text(self, text: str) -> None:
        self.add_definitions(definitions(text))

    def add_definitions(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Learn ``(acronym, long form)`` pairs, as ``definitions`` gives them for one text (a
        store keeps them per document, so that a later run need not read the text again)."""
        for acr, long in pairs:
            key = acr.upper()
            seen = self._long.get(key)
            if seen is None:
                self._long[key] = long
            elif seen.lower() != long.lower():
                self._ambiguous.add(key)

    def expand(self, acronym: str) -> str | None:
        """The long form of ``acronym``, or None when unknown or ambiguous."""
        key = acronym.replace(".", "").upper()
        return None if key in self._ambiguous else self._long.get(key)
