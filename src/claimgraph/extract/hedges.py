"""Hedges: does a span speculate or give an opinion rather than state a fact?

Signals (any one is enough): a speculative modal ("might", "may", "could"), an epistemic verb
("seem to", "I assume", "appears"), an epistemic adverb or adjective ("perhaps", "reportedly",
"likely"), a fixed hedge phrase ("in my view"), or a rhetorical question (a sentence ending in
"?"). "would" only counts in a conditional-free main clause is too fine for a parser this size,
so it is left out of the modal test unless paired with another signal.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from claimgraph.lexicon.cues import (
    HEDGE_ADJECTIVES,
    HEDGE_ADVERBS,
    HEDGE_PHRASES,
    HEDGE_VERBS,
)

_SPECULATIVE_MODALS = frozenset({"might", "may", "could", "mightn't", "may've", "could've"})
_PHRASE_RE = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in HEDGE_PHRASES) + r")\b")
_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'"})


def _is_hedge_verb(tok: Token) -> bool:
    """Epistemic verb used as a hedge: "seems to", "appears", "I assume", "we suspect"."""
    if tok.lemma_ not in HEDGE_VERBS or tok.pos_ not in ("VERB", "AUX"):
        return False
    if tok.lemma_ in ("seem", "appear"):
        # "appear" as "show up" ("appeared on TV") has no clausal/infinitival/adjectival complement
        return any(c.dep_ in ("xcomp", "ccomp", "acomp", "attr", "oprd") for c in tok.children) or (
            tok.lemma_ == "seem")
    # other epistemic verbs hedge when the speaker is first person ("I assume", "we believe")
    # or when they are passive reports ("is believed to", "is thought to")
    subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(c.lower_ in ("i", "we") for c in subj) and tok.tag_ in ("VBP", "VB"):
        return True  # "I assume", "we believe" (not the narrative "we thought there were ...")
    return any(c.dep_ == "auxpass" for c in tok.children) and any(c.dep_ == "xcomp" for c in tok.children)


def is_hedged(span: Span) -> bool:
    """True when ``span`` speculates or voices opinion rather than stating a fact.

    Looks for speculative modals, epistemic verbs ("seem to", "I assume"), hedge adverbs and
    adjectives ("reportedly", "likely"), fixed phrases ("in my view") and questions.
    """
    if len(span) == 0:
        return False
    for tok in span:
        low = tok.lower_
        if tok.tag_ == "MD" and low in _SPECULATIVE_MODALS:
            return True
        if low in HEDGE_ADVERBS and tok.pos_ in ("ADV", "ADJ"):
            return True
        if tok.lemma_.lower() in HEDGE_ADJECTIVES and tok.pos_ == "ADJ":
            return True
        if _is_hedge_verb(tok):
            return True
    text = span.text.lower().translate(_FOLD)
    if _PHRASE_RE.search(text):
        return True
    # a question (rhetorical or not) asserts nothing
    stripped = text.rstrip(" \t\n\"'\u201d)")
    return stripped.endswith("?")
