"""What the parse knows about each quantity, kept on the quantity for the link stage.

``annotate(doc, quantities)`` adds, from the spaCy parse of the article:

* ``bound``: how the words bound the number (exact, approx, range, lower, upper, upper_figure,
  near_below, tally), read from the quantity's own words and the words right before it;
* ``lemma`` and ``qualifiers``: the counted noun's lemma and the lemmas of its modifiers
  ("hundreds of innocent children" -> child, [innocent]);
* ``predicate``: the lemma of the verb that governs the figure ("were killed" -> kill), and
  ``subject`` its subject's lemma ("the death toll reached 322" -> toll);
* ``polarity``: asserted, denied ("there are not 23 million"), expected ("would cost") or
  hypothetical ("if 40 people died");
* ``places``, ``entities`` and ``times``: named places, other named entities and date or time
  expressions of the quantity's sentence, as written.

Everything is read from the tokens the extractor already has; nothing is parsed again.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING

from claimgraph.lexicon.bounds import (
    LOWER_BOUND_MODIFIERS,
    NEAR_BELOW_MODIFIERS,
    UPPER_BOUND_MODIFIERS,
    UPPER_FIGURE_MODIFIERS,
)
from claimgraph.model import Quantity

if TYPE_CHECKING:  # types only: the link stage reads this module's phrase rules without spaCy
    from spacy.tokens import Doc, Span, Token

_NOUNS = frozenset({"NOUN", "PROPN"})
_NUMBER_DEPS = frozenset({"nummod", "quantmod", "compound", "amod", "nmod", "det"})
_MODALS = frozenset({"will", "would", "could", "might", "may", "should", "shall", "must", "'ll", "wo", "ca"})
_CONDITIONS = frozenset({"if", "unless", "whether"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_ENTITY_LABELS = frozenset({"ORG", "PERSON", "NORP", "EVENT", "LAW"})
_TIME_LABELS = frozenset({"DATE", "TIME"})


@lru_cache(maxsize=64)
def phrase_regex(phrases: tuple[str, ...]) -> re.Pattern[str]:
    alts = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(r"(?<![a-z])(?:" + alts + r")(?![a-z])")


@lru_cache(maxsize=64)
def phrase_regex_end(phrases: tuple[str, ...]) -> re.Pattern[str]:
    alts = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(r"(?<![a-z])(?:" + alts + r")$")


def has_phrase(low_text: str, phrases: tuple[str, ...]) -> bool:
    """Whether any of ``phrases`` occurs in ``low_text`` as whole words (one compiled regex per list)."""
    return phrase_regex(phrases).search(low_text) is not None


_LOWER_BOUNDS = LOWER_BOUND_MODIFIERS + ("+",)
_TALLY = re.compile(r"\b(\d+)\s*[-–]\s*(\d+)\b")


def bound_of(q: Quantity, before: str) -> str:
    """How a quantity bounds its number, from its words and the words right before it."""
    own = (q.text or "").lower()
    tail = before.lower().rstrip()

    def has(phrases: tuple[str, ...]) -> bool:
        # a modifier inside the quantity, or ending right where the number starts ("over" in
        # "over the eight days" is not a bound)
        return has_phrase(own, phrases) or phrase_regex_end(phrases).search(tail) is not None

    tally = _TALLY.search(own)
    if tally and int(tally.group(1)) > int(tally.group(2)):  # "voted 396-9": a tally, not a range
        return "tally"
    if q.low is not None and q.high is None:
        return "lower"
    if q.high is not None and q.low is None:
        if has(UPPER_FIGURE_MODIFIERS):
            return "upper_figure"
        return "near_below" if has(NEAR_BELOW_MODIFIERS) else "upper"
    if q.low is not None and q.high is not None and q.low < q.high:
        if has(NEAR_BELOW_MODIFIERS):
            return "near_below"
        return "approx" if q.approx and q.value is not None else "range"
    if has(UPPER_FIGURE_MODIFIERS):
        return "upper_figure"
    if has(NEAR_BELOW_MODIFIERS):
        return "near_below"
    if has(_LOWER_BOUNDS) or own.rstrip().endswith("+"):
        return "lower"
    if has(UPPER_BOUND_MODIFIERS):
        return "upper"
    return "approx" if q.approx else "exact"


def _counted_noun(span: Span, numbers: set[int]) -> Token | None:
    """The noun the figure counts: the span's own head noun, else the noun its number modifies."""
    root = span.root
    if root.pos_ in _NOUNS and root.i not in numbers:
        return root
    for i in sorted(numbers):
        t = span.doc[i]
        if t.dep_ in _NUMBER_DEPS and t.head.pos_ in _NOUNS and t.head.i not in numbers:
            return t.head
    return None


def _governing_verb(token: Token) -> Token | None:
    """The nearest verb above ``token`` in the parse (at most six steps up)."""
    t = token
    for _ in range(6):
        if t.pos_ == "VERB" or (t.pos_ == "AUX" and t.dep_ == "ROOT"):
            return t
        if t.head is t:
            return None
        t = t.head
    return None


class _Children:
    """What the extractors ask of a token's children, gathered in one pass over the Doc.

    A flat parse of a long list of figures can hang thousands of children on one token; walking
    ``token.children`` once per quantity was then quadratic. Children keep document order, as
    ``token.children`` gives them.
    """

    def __init__(self, doc: Doc) -> None:
        self.neg: dict[int, list[int]] = {}
        self.mark: dict[int, list[str]] = {}
        self.aux: dict[int, list[str]] = {}
        self.subj: dict[int, Token] = {}
        self.mods: dict[int, list[Token]] = {}
        for t in doc:
            h, dep = t.head.i, t.dep_
            if h == t.i:
                continue  # a root is not its own child
            if dep == "neg":
                self.neg.setdefault(h, []).append(t.i)
            elif dep == "mark":
                self.mark.setdefault(h, []).append(t.lower_)
            elif dep == "aux":
                self.aux.setdefault(h, []).append(t.lower_)
            elif dep in ("nsubj", "nsubjpass"):
                self.subj.setdefault(h, t)
            elif dep in ("amod", "compound"):
                self.mods.setdefault(h, []).append(t)


def _polarity(verb: Token | None, tokens: list[Token], kids: _Children) -> str:
    inside = {t.i for t in tokens}
    # "not 23 million"; a negation inside the quantity is a bound ("no more than 5")
    if any(c not in inside for t in tokens for c in kids.neg.get(t.i, ())):
        return "denied"
    if verb is None:
        return "asserted"
    if verb.i in kids.neg:
        return "denied"
    clause = [verb, *islice(verb.ancestors, 2)]  # not the whole chain up: it can be the document
    if any(w in _CONDITIONS for t in clause for w in kids.mark.get(t.i, ())):
        return "hypothetical"
    if any(w in _MODALS for t in clause for w in kids.aux.get(t.i, ())):
        return "expected"
    return "asserted"


def annotate(doc: Doc, quantities: list[Quantity]) -> None:
    """Fill each quantity's parse-derived fields (see the module docstring) in place."""
    text = doc.text
    # sentences and entities once per document: ``span.sent`` walks back to the sentence start
    # and ``sent.ents`` goes through every entity of the document, so asking per quantity was
    # quadratic on a long run of figures
    sents = list(doc.sents) if quantities else []
    sent_starts = [s.start for s in sents]
    ents = list(doc.ents) if quantities else []
    ent_starts = [e.start for e in ents]
    kids = _Children(doc) if quantities else None
    named: dict[int, tuple[list[str], list[str], list[str]]] = {}  # places, entities, times by sentence
    for q in quantities:
        q.bound = bound_of(q, text[max(0, q.start - 30) : q.start])
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        tokens = list(span)
        numbers = {t.i for t in tokens if t.like_num or t.pos_ == "NUM"}
        noun = _counted_noun(span, numbers)
        if noun is not None:
            q.lemma = noun.lemma_.lower()
            q.qualifiers = sorted(
                {
                    c.lemma_.lower()
                    for c in kids.mods.get(noun.i, ())
                    if c.i not in numbers and c.pos_ in ("ADJ", "NOUN", "PROPN")
                }
            )
        verb = _governing_verb(noun if noun is not None else span.root)
        if verb is not None:
            q.predicate = verb.lemma_.lower()
            subject = kids.subj.get(verb.i)
            if subject is not None and subject.i not in {t.i for t in tokens}:
                q.subject = subject.lemma_.lower()
        q.polarity = _polarity(verb, tokens if noun is None or noun in tokens else [*tokens, noun], kids)
        sent = sents[bisect.bisect_right(sent_starts, span.start) - 1]
        if sent.start not in named:
            lo = bisect.bisect_left(ent_starts, sent.start)
            hi = bisect.bisect_left(ent_starts, sent.end, lo)
            in_sent = [e for e in ents[lo:hi] if e.end <= sent.end]  # what ``sent.ents`` gives
            named[sent.start] = tuple(
                sorted({e.text for e in in_sent if e.label_ in labels})
                for labels in (_PLACE_LABELS, _ENTITY_LABELS, _TIME_LABELS)
            )
        places, entities, times = named[sent.start]
        q.places, q.entities, q.times = list(places), list(entities), list(times)
