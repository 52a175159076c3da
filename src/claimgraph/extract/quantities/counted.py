"""The counted noun phrase after a number ("IS fighters", "3,500 of their family members")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimgraph.extract.quantities.patterns import MAX_NP, SUSPENDED_RE
from claimgraph.extract.quantities.reading import Amount, TokenIndex
from claimgraph.lexicon.numbers import SCALE_WORDS, SMALL_NUMBERS, TENS
from claimgraph.lexicon.quantities import NOT_NP_START, NP_SKIP_FIRST


def _numberish(t: Token) -> bool:
    """Digits or a cardinal number word (spaCy's like_num also accepts ordinals like "first")."""
    low = t.lower_
    return any(c.isdigit() for c in low) or low in SMALL_NUMBERS or low in TENS or low in SCALE_WORDS


def _np_token(t: Token, doc: Doc) -> bool:
    """Can ``t`` sit inside the counted noun phrase?"""
    if t.pos_ in ("ADJ", "NOUN", "PROPN"):
        return True
    if t.pos_ == "VERB" and t.tag_ in ("VBN", "VBG") and t.dep_ in ("amod", "compound", "nmod"):
        return True  # "recorded songs", "rushing yards"
    if len(t.text) >= 2 and t.text.isupper() and t.text.isalpha():
        return True  # acronyms the tagger sometimes reads as verbs: "IS fighters"
    if t.text in ("-", "‑") and t.i + 1 < len(doc) and t.whitespace_ == "":
        return True
    if _numberish(t) and t.i > 0 and doc[t.i - 1].text[:1].isupper() and doc[t.i - 1].pos_ in ("PROPN", "NOUN"):
        return True  # "Model 3s"
    if _numberish(t) and t.i + 1 < len(doc) and doc[t.i + 1].text[:1].isupper():
        return True  # "737 Max jets"
    return False


def _np_run(doc: Doc, i: int) -> tuple[int, int] | None:
    """The noun phrase starting at token ``i``: (first, head) token indices, head = last noun."""
    if _numberish(doc[i]) or doc[i].is_punct or doc[i].lower_ in NOT_NP_START:
        return None  # "30 40 50" is a list of numbers; "2.1 last year" a time
    j = i
    head = -1
    n = len(doc)
    while j < n and j - i < MAX_NP:
        t = doc[j]
        if not _np_token(t, doc):
            # "digital and physical sales": a conjunction inside the phrase, before its noun
            if not (t.pos_ == "CCONJ" and head < i and j + 1 < n and doc[j + 1].pos_ in ("ADJ", "NOUN", "PROPN")):
                break
        elif t.pos_ in ("NOUN", "PROPN") or (t.text.isupper() and len(t.text) >= 2) or (_numberish(t) and j > i):
            head = j
        if t.pos_ == "NOUN" and t.tag_ == "NNS" and not (j + 1 < n and doc[j + 1].pos_ in ("NOUN", "PROPN")):
            break  # a plural noun ends the phrase: "22 goals in ..."
        j += 1
    if head < i:
        return None
    return i, head


def counted_phrase(ti: TokenIndex, amt: Amount, text: str) -> tuple[str | None, int | None, Token | None]:
    """(counted noun phrase, char end to extend the quantity's text to, head token)."""
    sm = SUSPENDED_RE.match(text, amt.end)
    if sm:  # "four-, five- and six-cylinder engines": the noun comes after the last number
        return sm.group(1), None, None
    nxt = ti.first_from(amt.end)
    if nxt is None:
        return None, None, None
    if nxt.text in ("-", "‑") and nxt.idx == amt.end and nxt.i + 1 < len(ti.doc):
        nxt = ti.doc[nxt.i + 1]  # "three-point range", "six-cylinder"
    if text[amt.end:nxt.idx].strip(" -"):
        return None, None, None
    if nxt.lower_ == "of":
        return counted_of(ti, nxt)
    run = _np_run(ti.doc, nxt.i)
    if run is None:
        return None, None, None
    first, head = run
    span = ti.doc[first:head + 1]
    return span.text, span.end_char, ti.doc[head]


def counted_of(ti: TokenIndex, of: Token) -> tuple[str | None, int | None, Token | None]:
    """"3,500 of their family members" -> "family members"; the quantity's text is extended
    over the phrase unless it holds another number ("two-thirds of the 4.3M sales")."""
    doc = ti.doc
    j = of.i + 1
    has_num = False
    while j < len(doc) and j - of.i <= 4 and (
            doc[j].lower_ in NP_SKIP_FIRST or doc[j].tag_ == "PRP$" or _numberish(doc[j])
            or (doc[j].pos_ == "ADV" and not (j + 1 < len(doc) and doc[j + 1].text == "-"))):
        has_num = has_num or _numberish(doc[j])
        j += 1
    if j >= len(doc):
        return None, None, None
    run = _np_run(doc, j)
    if run is None:
        return None, None, None
    first, head = run
    if head + 2 < len(doc) and doc[head + 1].tag_ == "POS" and doc[head + 2].lower_ != "worth":
        # "one of Trump's nominees": the possessor is not what is counted
        k = head + 2
        while k < len(doc) and k - head < 5 and (_numberish(doc[k]) or doc[k].lower_ in NP_SKIP_FIRST):
            has_num = has_num or _numberish(doc[k])
            k += 1
        run2 = _np_run(doc, k) if k < len(doc) else None
        if run2 is not None:
            first, head = run2
    span = doc[first:head + 1]
    has_num = has_num or any(_numberish(t) for t in span)
    return span.text, (None if has_num else span.end_char), doc[head]

