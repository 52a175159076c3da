"""The source of a figure stated with a verb of counting or reporting, not of speech.

"Reuters counted 228 bodies", "the Alabama secretary of state tallied 22,780 votes", "the
group Doctors Without Borders put the death toll at 355", "activists reporting between 322 and
1,300 killed": the subject of the verb that governs the figure is who the figure comes from,
though nobody "says" anything. Only named or described people and bodies qualify, never the
counted thing itself ("Three people were killed") nor a pronoun.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from ..lexicon.cues import PERSONAL_PRONOUNS
from .speakers import SpeakerResolver, classify, speaker_bounds

# Lemmas of verbs whose subject is the source of the figure they govern.
SOURCE_VERBS: frozenset[str] = frozenset({
    "count", "tally", "put", "report", "identify", "estimate", "record", "document", "confirm", "list",
    "register", "calculate", "tabulate", "project", "number", "log", "tot",
})
_SOURCE_KINDS = frozenset({"person", "organization", "anonymous", "document", "group"})
_MAX_HOPS = 4
_MAX_SOURCE_TOKENS = 8  # "the Alabama secretary of state"; longer is a misparse


def _governing_verb(tok: Token, sent: Span) -> tuple[Token, Token] | None:
    """The nearest verb above ``tok`` inside its sentence (through nouns and prepositions), and
    the verb's child on the way down to ``tok``."""
    cur = tok
    for _ in range(_MAX_HOPS):
        if cur.head is cur or not (sent.start <= cur.head.i < sent.end):
            return None
        child, cur = cur, cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur, child
    return None


def figure_source(sent: Span, start: int, end: int,
                  resolver: Callable[[], SpeakerResolver]) -> tuple[str, str, str, str] | None:
    """``(speaker, mention, type, cue)`` for the figure at characters [start, end) of ``sent``;
    ``resolver`` gives the document's speaker resolver (built only when a figure needs it)."""
    doc = sent.doc
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    found = _governing_verb(span.root, sent)
    if found is None or found[0].lemma_.lower() not in SOURCE_VERBS:
        return None
    verb, child = found
    if verb.lemma_.lower() == "put" and not (child.dep_ == "prep" and child.lower_ == "at"):
        return None  # "put the toll at 355", not "put 40 boats at risk"
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lower_ in PERSONAL_PRONOUNS or subj.pos_ == "PRON":
        return None
    if span.start <= subj.i < span.end or subj.like_num or any(c.dep_ == "nummod" for c in subj.children):
        return None  # the counted thing ("27 companies reported 16,389 subsidiaries"), not a source
    lo, hi = speaker_bounds(subj)
    if hi - lo + 1 > _MAX_SOURCE_TOKENS or any(t.like_num for t in doc[lo:hi + 1]):
        return None  # a misparse that takes the whole list ("police identified all 12 victims: ...")
    kind = classify(subj, lo, hi)
    if kind == "unknown" and subj.pos_ in ("NOUN", "PROPN") and doc[lo].lower_ == "the":
        kind = "organization"  # "the valley fire brigade counted 94 homes": a body by description
    if kind not in _SOURCE_KINDS:
        return None
    mention = doc[lo:hi + 1].text
    names = resolver()
    name = names.resolve(subj, lo, hi, kind)
    return name, mention, names.kind_of(name, kind), verb.text
