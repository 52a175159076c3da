"""Reports inserted with "as": "Hawaii, as one adviser pointed out, rarely sees two hurricanes",
"As the report notes, the pier is closed", "The pier is closed, as the mayor said."

The small parser has no reading for these: it takes "as" for a preposition and the cue verb for
the main verb, so the finders that start from the verb's dependents find nothing or the wrong
clause. The construction is read off the surface instead: "as", a short noun phrase (the
speaker), a verb of saying, thinking or showing, an optional particle, addressee or
prepositional phrase ("as he told reporters", "as she said in a statement"), and a comma or the
sentence end. The content is the rest of the sentence: after the insertion when it opens the
sentence, before it when it closes the sentence, and the whole clause around it otherwise (as for
"The test, officials said, was ...").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimgraph.lexicon import cues

from .spans import Cand, span_chars, trim
from .tokens import TokenIndex

# Verbs an "as" insertion reports with: saying, thinking and showing ("as polls show").
_AS_CUES = cues.SPEECH_VERBS | cues.COGNITION_VERBS | cues.EVIDENCE_VERBS | {"put"}
_SPEAKER_POS = frozenset({"NOUN", "PROPN", "PRON"})
# What a speaker phrase may hold: "one of Mr. Obama's climate advisers", "the 2014 report".
_NP_POS = _SPEAKER_POS | {"DET", "ADJ", "NUM", "PART", "ADP", "CCONJ"}
_MAX_SPEAKER = 8  # tokens; longer is a clause, not a speaker
_MAX_TAIL = 6  # tokens between the cue and the comma: "in a statement on Friday"
_OPENING_QUOTES = frozenset({"\u201c", '"', "``", "'", "\u2018"})
_CLOSERS = frozenset({",", ".", "!", "?", ";", "\u2014", "--", ")"})


def _verbal(t: Token) -> bool:
    """A verb, or a verb form tagged as a plural noun in a verb's place ("As the report notes,":
    the parser makes "notes" a noun heading a clause)."""
    return t.pos_ == "VERB" or (t.tag_ == "NNS" and t.dep_ in ("advcl", "ROOT", "ccomp", "parataxis"))


def _speaker_span(doc, lo: int, hi: int) -> tuple[int, int] | None:
    """[lo, hi] when tokens lo..hi are a short noun phrase with a noun or pronoun (auxiliaries
    at its end belong to the verb: "as he has said")."""
    while hi >= lo and doc[hi].pos_ == "AUX":
        hi -= 1
    if hi < lo or hi - lo + 1 > _MAX_SPEAKER:
        return None
    toks = doc[lo : hi + 1]
    if any(t.pos_ not in _NP_POS and not t.is_punct for t in toks) or any(t.text in _CLOSERS for t in toks):
        return None
    if not any(t.pos_ in _SPEAKER_POS for t in toks) or toks[0].pos_ in ("ADP", "CCONJ", "PART"):
        return None
    return lo, hi


def _tail_end(doc, verb: Token, end: int) -> int | None:
    """Index of the comma or sentence end that closes the insertion after ``verb``, or None when
    something else follows (an object: "As he wrote the letter, ..." is a time clause)."""
    j = verb.i + 1
    if j < end and doc[j].dep_ == "prt":
        j += 1
    if j < end and verb.lemma_ == "put":
        if doc[j].lower_ != "it":
            return None  # "as he put it", not "as he put the bill"
        j += 1
    elif verb.lemma_ == "put":
        return None
    if j < end and verb.lemma_ == "tell" and doc[j].pos_ in ("NOUN", "PRON", "PROPN"):
        j += 1  # the addressee: "as she told reporters"
    if j < end and doc[j].text not in _CLOSERS and doc[j].pos_ != "ADP":
        return None
    k = j
    while k < end and doc[k].text not in _CLOSERS:
        if doc[k].pos_ in ("VERB", "AUX") or k - j >= _MAX_TAIL:
            return None
        k += 1
    if k < end:
        return k
    return end - 1 if doc[end - 1].is_punct else end


def _insertion(index: TokenIndex, as_tok: Token) -> Cand | None:
    doc = index.doc
    sent: Span = index.sent(as_tok)
    if not (as_tok.i == sent.start or doc[as_tok.i - 1].text in (",", "\u2014", "--", "(")):
        return None
    verb = next(
        (t for t in doc[as_tok.i + 1 : min(sent.end, as_tok.i + _MAX_SPEAKER + 3)] if _verbal(t)), None
    )
    if verb is None or verb.lemma_.lower() not in _AS_CUES:
        return None
    sp = _speaker_span(doc, as_tok.i + 1, verb.i - 1)
    close = _tail_end(doc, verb, sent.end) if sp is not None else None
    if sp is None or close is None:
        return None
    last = sent.end - 1
    opener = all(
        t.pos_ in ("ADV", "CCONJ", "SCONJ", "INTJ") or t.is_punct for t in doc[sent.start : as_tok.i]
    )
    if opener:
        lo, hi = close + 1, last  # "As the report notes, ...", "Yet, as X observed, ..."
    elif close >= last or doc[close].text in (".", "!", "?"):
        lo, hi = sent.start, as_tok.i - 1  # "..., as the mayor said."
    elif doc[close + 1].text in _OPENING_QUOTES:
        lo, hi = close + 1, last  # "seen, as the magazine put it, “the operator.”": the words quoted
    else:
        lo, hi = sent.start, last  # "X, as one adviser pointed out, is ..."
    got = trim(doc, lo, hi)
    if got is None or got[1] - got[0] < 2:
        return None
    s, e = span_chars(doc, *got)
    toks = doc[sp[0] : sp[1] + 1]
    head = next((t for t in toks if t.pos_ in _SPEAKER_POS and not (sp[0] <= t.head.i <= sp[1])), None)
    if head is None or head.pos_ not in _SPEAKER_POS:
        head = [t for t in toks if t.pos_ in _SPEAKER_POS][-1]
    cue_hi = verb.i
    while cue_hi + 1 < close and (doc[cue_hi + 1].dep_ == "prt" or doc[cue_hi + 1].lower_ == "it"):
        cue_hi += 1  # "pointed out", "put it"
    return Cand(s, e, verb.i, cue_hi, head, sp[0], sp[1], kind="reported", verb_i=verb.i)


def as_insertion_candidates(index: TokenIndex, cands: list[Cand]) -> list[Cand]:
    """Candidates for "as X said" insertions; they replace what the verb finders made of the
    same cue verb (``cands`` is edited in place)."""
    found = [c for t in index.doc if t.lower_ == "as" and (c := _insertion(index, t)) is not None]
    if found:
        verbs = {c.verb_i for c in found}
        cands[:] = [c for c in cands if not (c.cue_lo >= 0 and any(c.cue_lo <= v <= c.cue_hi for v in verbs))]
    return found
