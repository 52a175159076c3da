"""Grammar helpers over the parse: who a cue verb's speaker is, and where its content stops."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from claimgraph.lexicon import cues

from .authors import document_author
from .tokens import TokenIndex


def subject(index: TokenIndex, verb: Token, depth: int = 0) -> Token | None:
    """The speaker of ``verb``: its subject, a passive "by" agent, the subject of the verb it
    continues ("said ..., adding that"), or the noun a relative clause hangs on."""
    passive = False
    for c in verb.children:
        if c.dep_ == "nsubj":
            if c.lower_ in cues.RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return verb.head
            if c.pos_ == "NOUN":
                # "A former prosecutor, Kerry delivered ...": a fronted description parsed as a
                # second subject; the name next to the verb is who it is
                named = [d for d in verb.children if d.dep_ == "nsubj" and c.i < d.i < verb.i and d.pos_ == "PROPN"]
                if named:
                    return named[-1]
            return c
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
        if c.dep_ in ("nsubjpass", "auxpass"):
            passive = True
    if passive:
        return None
    if is_trailing_participle(verb):
        # "X said A, citing B": the parser hangs "citing" on A, but X is the one citing
        outer = verb.head.head
        return subject(index, outer, depth + 1)
    outer = misattached_conj(verb)
    if outer is not None and depth < 3:
        return subject(index, outer, depth + 1)
    if verb.dep_ == "xcomp":
        # object control: "required candidates to disclose" -> the candidates disclose
        obj = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i]
        if obj:
            return obj[0]
    if depth < 3 and verb.dep_ in ("conj", "advcl", "xcomp", "pcomp"):
        head = verb.head
        if head.pos_ in ("VERB", "AUX"):
            return subject(index, head, depth + 1)
        if verb.dep_ == "pcomp" and head.head.pos_ in ("VERB", "AUX"):
            return subject(index, head.head, depth + 1)
    author = document_author(verb)
    if author is not None:
        return author
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return _left_neighbour_subject(index, verb)


def _left_neighbour_subject(index: TokenIndex, verb: Token) -> Token | None:
    """A name right before a main-clause verb the parser failed to make its subject
    ("... of the Washington Post Trump said that ...")."""
    if verb.dep_ != "ROOT":
        return None
    j = verb.i - 1
    doc = verb.doc
    while j >= 0 and doc[j].dep_ in ("aux", "neg", "advmod") and doc[j].head.i == verb.i:
        j -= 1
    if j < 0 or doc[j].pos_ not in ("PROPN", "PRON") or index.sent(doc[j]).start != index.sent(verb).start:
        return None
    return doc[j]


def is_trailing_participle(verb: Token) -> bool:
    """A subjectless "-ing" cue the parser hung inside the clause another cue verb reports:
    "X said A, citing B" (X cites)."""
    if verb.dep_ not in ("advcl", "conj", "xcomp") or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    head = verb.head
    if not (head.dep_ in ("ccomp", "xcomp") and head.head.lemma_ in cues.CUE_VERBS and head.head.pos_ == "VERB"):
        return False
    prev = verb.doc[verb.i - 1].text if verb.i > 0 else ""
    return verb.tag_ == "VBG" and prev in (",", "\u2014", "--")


def misattached_conj(verb: Token) -> Token | None:
    """The cue verb that a subjectless coordinated cue really continues: "X tweeted that A was
    B and encouraged C" -> "encouraged" is coordinated with "tweeted", not with "was"."""
    if verb.dep_ != "conj" or verb.pos_ != "VERB" or verb.lemma_ not in cues.CUE_VERBS:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    head = verb.head
    if head.pos_ == "VERB" and head.lemma_ in cues.CUE_VERBS and head.tag_ == verb.tag_:
        return None  # an ordinary "said A and warned B"
    anc = head.head if head.dep_ != "ROOT" else None
    steps = 0
    while anc is not None and steps < 4:
        if anc.pos_ == "VERB" and anc.lemma_ in cues.CUE_VERBS and anc.tag_ == verb.tag_:
            return anc
        if anc.dep_ == "ROOT":
            break
        anc = anc.head
        steps += 1
    return None


def cut_misattached(doc: Doc, lo: int, hi: int) -> int:
    """End the content before a coordinated cue that belongs to the reporting clause."""
    for t in doc[lo:hi + 1]:
        if t.dep_ == "conj" and t.pos_ == "VERB" and misattached_conj(t) is not None:
            cut = t.left_edge.i - 1
            for c in t.head.children:
                if c.dep_ == "cc" and c.i < t.i:
                    cut = min(cut, c.i - 1) if c.i > lo else cut
            return max(lo, min(hi, cut))
    return hi


def cue_tokens(verb: Token, extra: list[Token]) -> tuple[int, int]:
    """Cue tokens (inclusive) of a cue verb: with its particle, a perfect "have", and ``extra``."""
    lo = hi = verb.i
    for c in verb.children:
        if c.dep_ in ("prt", "aux", "neg") and abs(c.i - verb.i) <= 3:
            if c.dep_ == "prt":
                hi = max(hi, c.i)
            elif c.i < verb.i and c.dep_ == "aux" and c.lemma_ == "have":
                lo = min(lo, c.i)
    for c in extra:
        hi = max(hi, c.i)
    return lo, hi


_DASH_ASIDE_RE = re.compile("\\s(?:\u2014|\u2013|--?)\\s")


def cut_dash_aside(text: str, s: int, e: int) -> int:
    """End a noun-phrase content before a dashed aside: "the rules to “burning the
    Constitution” - a charge that might have stung"."""
    m = _DASH_ASIDE_RE.search(text, s, e)
    if m and len(text[s:m.start()].split()) >= 2:
        return m.start()
    return e


# Quantifier pronouns that name a source when they take a group: "one of the advisers said".
_PARTITIVE = frozenset({"one", "both", "each", "some", "many", "several", "most", "none"})


def is_skipped_speaker(tok: Token, skip: frozenset[str]) -> bool:
    """Is ``tok`` (a subject) in ``skip`` and no more than that? "One of Mr. Obama's advisers"
    names a source even though a bare "one" ("one might think") does not."""
    low = tok.lower_
    if low not in skip:
        return False
    if low in _PARTITIVE:
        return not any(c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" for g in c.children)
                       for c in tok.children)
    return True
