"""Speakers: the noun phrase that says something, what kind of source it is, and who it is.

``speaker_bounds`` cuts the speaker's noun phrase out of the parse; ``SpeakerResolver`` maps a
mention to a fuller name seen earlier in the same document ("he" -> the last person quoted or
named, "McGurk" -> "Brett McGurk", "the Post" -> "The New York Post", "the mayor" -> the person
introduced earlier with that title). Look-ups use per-document indexes and ``bisect``, so
resolving every speaker of an article costs O(n log n).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from claimgraph.extract.cues import (
    DOCUMENT_NOUNS,
    INDEFINITE_MARKERS,
    ORG_NOUNS,
    PERSON_NOUNS,
    PERSONAL_PRONOUNS,
)

_PERSON_LABELS = frozenset({"PERSON"})
_ORG_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC"})
_NP_LEFT_DEPS = frozenset({"det", "compound", "amod", "poss", "nummod", "nmod", "quantmod", "case", "predet"})
_NP_RIGHT_DEPS = frozenset({"appos", "compound", "prep", "case", "nummod", "flat"})
_EDGE_PUNCT = frozenset({",", ";", ":", "-", "\u2014", "\u2013", "(", ")", "'s", "\u2019s"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
# Pronoun-type speakers with no referent in the document keep the pronoun as written.
_MAX_PRONOUN_LOOKBACK = 2500  # characters; a "he" this far from any name is left unresolved


def speaker_bounds(head: Token) -> tuple[int, int]:
    """Token bounds [lo, hi] (inclusive) of the noun phrase headed by ``head``.

    Keeps determiners, compounds, modifiers, possessors and appositions ("Scott Pruitt, the
    attorney general of Oklahoma"); drops relative and participial clauses and edge punctuation.
    """
    lo = head.i
    for child in head.lefts:
        if child.dep_ in _NP_LEFT_DEPS:
            lo = min(lo, child.left_edge.i)
    hi = head.i
    for child in head.rights:
        if child.dep_ in _NP_RIGHT_DEPS:
            hi = max(hi, child.right_edge.i)
        elif child.dep_ in ("relcl", "acl", "advcl"):
            break
    doc = head.doc
    while lo < head.i and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi > head.i and (doc[hi].is_punct or doc[hi].is_space or doc[hi].text in _EDGE_PUNCT):
        hi -= 1
    return lo, hi


def _entity_of(tok: Token) -> tuple[str, str] | None:
    """(label, text) of the named entity that ``tok`` belongs to, if any."""
    if not tok.ent_type_:
        return None
    doc = tok.doc
    lo = tok.i
    while lo > 0 and doc[lo].ent_iob_ == "I":
        lo -= 1
    hi = tok.i + 1
    while hi < len(doc) and doc[hi].ent_iob_ == "I":
        hi += 1
    return tok.ent_type_, doc[lo:hi].text


def _strip_det(words: list[str]) -> list[str]:
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    if words and words[-1].lower() in ("'s", "\u2019s"):
        words = words[:-1]
    return words


def classify(head: Token, lo: int, hi: int) -> str:
    """Speaker type of the phrase doc[lo..hi] headed by ``head``.

    person | organization | anonymous | document | group | self | unknown
    """
    low = head.lower_
    if head.pos_ == "PRON" or low in PERSONAL_PRONOUNS:
        kind = PERSONAL_PRONOUNS.get(low, "unknown")
        return {"thing": "organization"}.get(kind, kind)
    doc = head.doc
    span = doc[lo:hi + 1]
    names = [t for t in span if t.ent_type_ in _PERSON_LABELS]
    orgs = [t for t in span if t.ent_type_ in _ORG_LABELS]
    lemma = head.lemma_.lower()
    if head.ent_type_ in _PERSON_LABELS or (names and head.pos_ == "PROPN"):
        return "person"
    if head.ent_type_ in _ORG_LABELS:
        return "organization"
    if lemma in DOCUMENT_NOUNS:
        return "document"
    if lemma in PERSON_NOUNS or low in PERSON_NOUNS:
        if names:
            return "person"
        return "anonymous"
    if lemma in ORG_NOUNS or orgs:
        return "organization"
    if head.pos_ == "PROPN":
        return "person" if head.is_title and len(span) <= 4 else "organization"
    if any(t.lower_ in INDEFINITE_MARKERS for t in span):
        return "anonymous"
    return "unknown"


@dataclass(slots=True)
class _Index:
    """Sorted positions with parallel values, for "latest before position" look-ups."""

    pos: list[int] = field(default_factory=list)
    val: list[str] = field(default_factory=list)

    def add(self, p: int, v: str) -> None:
        if self.pos and p < self.pos[-1]:
            i = bisect.bisect_right(self.pos, p)
            self.pos.insert(i, p)
            self.val.insert(i, v)
        else:
            self.pos.append(p)
            self.val.append(v)

    def before(self, p: int, max_dist: int | None = None) -> str | None:
        i = bisect.bisect_left(self.pos, p) - 1
        if i < 0:
            return None
        if max_dist is not None and p - self.pos[i] > max_dist:
            return None
        return self.val[i]


class SpeakerResolver:
    """Resolves speaker mentions to names introduced earlier in one document."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.persons = _Index()
        self.orgs = _Index()
        self.by_word: dict[str, _Index] = {}  # last word of a name -> earlier full names
        self.by_title: dict[str, _Index] = {}  # "mayor" -> names written with that title
        self.speakers = _Index()  # resolved person speakers, in text order
        self.group_speakers = _Index()
        for ent in doc.ents:
            if ent.label_ in _PERSON_LABELS:
                self._add_name(ent.start_char, ent.text, self.persons)
                # titles written before the name: "Mayor Bill de Blasio", "the mayor, Bill ..."
                head = ent.root
                for t in list(head.lefts) + list(head.head.lefts if head.dep_ == "appos" else []):
                    if t.i < ent.start and t.pos_ in ("PROPN", "NOUN") and t.is_alpha:
                        self.by_title.setdefault(t.lower_, _Index()).add(ent.start_char, ent.text)
                if head.dep_ == "appos" and head.head.pos_ == "NOUN":
                    self.by_title.setdefault(head.head.lemma_.lower(), _Index()).add(ent.start_char, ent.text)
                for t in head.children:
                    if t.dep_ == "appos" and t.pos_ == "NOUN":
                        self.by_title.setdefault(t.lemma_.lower(), _Index()).add(ent.start_char, ent.text)
            elif ent.label_ in _ORG_LABELS:
                self._add_name(ent.start_char, ent.text, self.orgs)

    def _add_name(self, pos: int, text: str, index: _Index) -> None:
        index.add(pos, text)
        words = _strip_det(text.split())
        if len(words) >= 2:
            self.by_word.setdefault(words[-1].lower(), _Index()).add(pos, " ".join(words))

    def note_speaker(self, pos: int, name: str, kind: str) -> None:
        """Record a resolved speaker so later pronouns can point back to it."""
        if kind == "person":
            self.speakers.add(pos, name)
        elif kind in ("organization", "group", "anonymous"):
            self.group_speakers.add(pos, name)

    def resolve(self, head: Token, lo: int, hi: int, kind: str) -> str:
        """Best name for the speaker phrase doc[lo..hi] (the phrase itself when nothing fits)."""
        doc = self.doc
        span = doc[lo:hi + 1]
        pos = span.start_char
        low = head.lower_
        if head.pos_ == "PRON" or low in PERSONAL_PRONOUNS:
            if kind == "person":
                return (self.speakers.before(pos, _MAX_PRONOUN_LOOKBACK)
                        or self.persons.before(pos, _MAX_PRONOUN_LOOKBACK) or head.text)
            if kind == "group":
                return self.group_speakers.before(pos, _MAX_PRONOUN_LOOKBACK) or head.text
            if kind == "organization":
                return self.orgs.before(pos, _MAX_PRONOUN_LOOKBACK) or head.text
            return head.text
        ent = _entity_of(head)
        if ent is not None:
            label, text = ent
            words = _strip_det(text.split())
            if words:
                earlier = self.by_word.get(words[-1].lower())
                full = earlier.before(pos) if earlier else None
                if full and len(full.split()) > len(words) and all(
                        w.lower() in full.lower().split() for w in words):
                    return full
            return " ".join(words) or text
        if head.pos_ == "PROPN":
            words = _strip_det([t.text for t in span if t.pos_ == "PROPN"])
            if words:
                earlier = self.by_word.get(words[-1].lower())
                full = earlier.before(pos) if earlier else None
                if full and len(full.split()) > len(words):
                    return full
                return " ".join(words)
        # "the mayor" -> the person introduced as Mayor X; "the Post" handled above
        first = span[0].lower_ if len(span) else ""
        if first == "the" and kind in ("anonymous", "person") and len(span) <= 3:
            titled = self.by_title.get(head.lemma_.lower()) or self.by_title.get(low)
            if titled is not None:
                name = titled.before(pos, _MAX_PRONOUN_LOOKBACK * 2)
                if name:
                    return name
        return span.text
