"""Findings credited to a poll by "in": "In the latest poll, Brack led Voss by 5 points",
"Voss did well in online polls", "Brack's gains in some polls".

A poll is where the finding comes from, though no verb of saying names it: PolNeAR takes the
poll for the source, "in" for the cue and the rest of the clause (or the noun phrase the
preposition hangs on) for the content.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimgraph.extract.speakers import speaker_bounds

from .spans import Cand, span_chars, trim
from .tokens import TokenIndex

_POLL_NOUNS = frozenset({"poll", "survey"})


def _content(index: TokenIndex, prep: Token) -> tuple[int, int] | None:
    """Token bounds of what the poll found: the clause or noun phrase "in <poll>" hangs on,
    without the preposition's own phrase."""
    head = prep.head
    sent = index.sent(prep)
    plo, phi = prep.left_edge.i, prep.right_edge.i
    if head.pos_ in ("NOUN", "PROPN") and head.i < plo:
        lo, hi = head.left_edge.i, plo - 1  # "Brack's recent gains [in some polls]"
    elif head.pos_ in ("VERB", "AUX"):
        lo, hi = max(head.left_edge.i, sent.start), min(head.right_edge.i, sent.end - 1)
        if plo <= lo + 1:
            lo = phi + 1  # "In the latest poll, X led Y"
        elif phi >= hi - 1:
            hi = plo - 1  # "X did well in online polls."
        else:
            return None  # a poll in the middle of its clause: no clean content
    else:
        return None
    return trim(index.doc, lo, hi)


def poll_candidates(index: TokenIndex) -> list[Cand]:
    """Candidates for findings credited to a poll with "in"."""
    out = []
    for t in index.doc:
        if t.lower_ != "in" or t.dep_ != "prep":
            continue
        obj = next((g for g in t.children if g.dep_ == "pobj"), None)
        if obj is None or obj.lemma_.lower() not in _POLL_NOUNS:
            continue
        got = _content(index, t)
        if got is None or got[1] - got[0] < 2:
            continue
        s, e = span_chars(index.doc, *got)
        slo, shi = speaker_bounds(obj)
        out.append(Cand(s, e, t.i, t.i, obj, slo, shi, kind="according_to"))
    return out
