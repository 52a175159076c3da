"""The type of a speaker entity: person, government or official body, agency, company or
organisation, news outlet, study or report, anonymous official, witness or resident, document."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon.speakers import (
    AGENCY_WORDS,
    DOCUMENT_WORDS,
    GOVERNMENT_WORDS,
    OFFICIAL_WORDS,
    ORGANIZATION_WORDS,
    OUTLET_WORDS,
    STUDY_WORDS,
    WITNESS_WORDS,
)
from .mention import Mention, is_acronym

_WORD = re.compile(r"[\w&'.-]+")

# Word lists tested on a description ("the company", "a police report"), most specific first.
_DESCRIPTION_ORDER: tuple[tuple[str, frozenset[str]], ...] = (
    ("study", STUDY_WORDS),
    ("document", DOCUMENT_WORDS),
    ("outlet", OUTLET_WORDS),
    ("anonymous_official", OFFICIAL_WORDS),
    ("witness", WITNESS_WORDS),
    ("government", GOVERNMENT_WORDS),
    ("agency", AGENCY_WORDS),
    ("organization", ORGANIZATION_WORDS),
)
# ... and on a proper name ("Hallam Mining", "Regional Government", "Northvale Courier").
_NAME_ORDER: tuple[tuple[str, frozenset[str]], ...] = (
    ("outlet", OUTLET_WORDS),
    ("government", GOVERNMENT_WORDS),
    ("agency", AGENCY_WORDS),
    ("organization", ORGANIZATION_WORDS),
)


@lru_cache(maxsize=1 << 16)
def words_of(text: str | None) -> tuple[str, ...]:
    """The lower-case words of ``text`` (a speaker's name, role or description), edge dots and
    apostrophes off. Cached: a resolution asks for the same few thousand names many times over."""
    return tuple(w.lower().strip(".'") for w in _WORD.findall(text or ""))


@lru_cache(maxsize=1 << 16)
def outlet_key(text: str | None) -> str:
    """An outlet's name as a key: lower-case words without articles ("The BBC" -> "bbc")."""
    return " ".join(w for w in words_of(text) if w not in ("the", "a", "an"))


def speaker_kind(m: Mention, extracted: str | None, outlets: frozenset[str] = frozenset()) -> str:
    """The entity type of one parsed speaker, from its words, the extractor's coarse type
    (person, organization, anonymous, document, group, ...) and the corpus's outlet names."""
    if outlet_key(m.name or m.description) in outlets:
        return "outlet"
    if m.name:
        words = set(words_of(m.name))
        for kind, vocab in _NAME_ORDER:
            if words & vocab:
                return kind
        if extracted in ("organization", "group") or is_acronym(m.name):
            return "organization"
        if extracted == "document":
            return "document"
        return "person"
    # a description: the head noun decides (the last word before a preposition)
    role_words = words_of(m.role)
    head = role_words[-1:] if role_words else words_of(m.description)[-1:]
    everything = set(words_of(m.description or m.text))
    for probe in (set(head), everything):
        for kind, vocab in _DESCRIPTION_ORDER:
            if probe & vocab:
                return kind
    if extracted == "document":
        return "document"
    if extracted in ("organization", "group"):
        return "organization"
    return "witness" if extracted in ("anonymous", "unknown", None) else "person"
