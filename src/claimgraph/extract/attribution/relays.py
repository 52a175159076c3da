"""Relayed passages: an excerpt the article quotes from an outlet, whose "we" is the outlet.

A line ending in ":" that names an outlet but reports nobody saying anything introduces the next
paragraph as an excerpt; paragraphs after it that open with an ellipsis continue the excerpt.
Speakers inside the excerpt get the outlet in ``via``.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Span

from claimgraph.lexicon import cues

from .tokens import TokenIndex


def _last_name_in(span: Span) -> str | None:
    """The last proper name in ``span``: an entity, or a run of capitalised proper nouns the
    small NER model missed ("this Harbor Gazette investigation" -> "Harbor Gazette")."""
    doc = span.doc
    best: tuple[int, str] | None = None
    i = span.start + 1  # a capitalised first word is no evidence of a name
    while i < span.end:
        if doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper():
            j = i
            while j < span.end and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper():
                j += 1
            best = (doc[i].idx, doc[i:j].text)
            i = j
        else:
            i += 1
    for e in span.ents:
        if e.label_ in ("ORG", "PERSON", "GPE", "NORP") and (best is None or e.start_char >= best[0]):
            best = (e.start_char, e.text)
    if best is None:
        return None
    name = best[1]
    return name[4:] if name.lower().startswith("the ") else name


def find_relays(index: TokenIndex, paras: list[tuple[int, int]],
                cue_starts: list[int]) -> list[tuple[int, int, str]]:
    """Passages the article relays from an outlet: (start, end, outlet).

    A paragraph that ends with ":" and names an organisation but reports nobody saying anything
    introduces the next paragraph as an excerpt; following paragraphs that open with an ellipsis
    ("….") belong to the same excerpt.
    """
    out = []
    doc = index.doc
    text = index.text
    for k, (ps, pe) in enumerate(paras[:-1]):
        if not text[ps:pe].endswith(":"):
            continue
        span = doc.char_span(ps, pe, alignment_mode="expand")
        if span is None:
            continue
        j = bisect.bisect_left(cue_starts, ps)
        if j < len(cue_starts) and cue_starts[j] < pe:
            continue  # "X said:" introduces X's words, an attribution of its own
        outlet = _last_name_in(span)
        if outlet is None:
            continue
        end = paras[k + 1][1]
        j = k + 2
        while j < len(paras) and any(text.startswith(m, paras[j][0]) for m in cues.ELLIPSIS_MARKS):
            end = paras[j][1]
            j += 1
        out.append((paras[k + 1][0], end, outlet))
    return out
