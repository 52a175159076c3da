"""Inflected forms of the words in the lexicon (verb forms, noun plurals), and singulars of any noun.

The forms of lexicon words come from ``inflections.json``, a table generated with the lemminflect
library by :mod:`claimgraph.lexicon.build_inflections` (no import-time cost of the library in the
extraction workers). A word missing from the table is an error: regenerate the table after adding
a word to a list (``tests/test_lexicon.py`` checks that it is complete and current).

:func:`singular` folds the plurals of running text (story features, counted nouns and context
words of the link stage) with lemminflect itself, imported on first use: no suffix rules here.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, list[str]]]:
    text = resources.files("claimgraph.lexicon").joinpath("inflections.json").read_text(encoding="utf-8")
    return json.loads(text)


def _lookup(part: str, word: str) -> tuple[str, ...]:
    try:
        return tuple(_table()[part][word])
    except KeyError:
        raise KeyError(f"{word!r} is not in the {part} table of claimgraph/lexicon/inflections.json: "
                       "run `python -m claimgraph.lexicon.build_inflections`") from None


def verb_forms(lemma: str) -> tuple[str, ...]:
    """Every form of a verb, the lemma first ("admit" -> admit, admits, admitted, admitting)."""
    return _lookup("verbs", lemma)


def word_forms(word: str) -> tuple[str, ...]:
    """Every inflected form of a word of any part of speech ("death" -> death, deaths)."""
    return _lookup("words", word)


def plurals(noun: str) -> tuple[str, ...]:
    """The plural forms of a noun or a noun phrase ("square foot" -> square feet)."""
    return _lookup("plurals", noun)


@lru_cache(maxsize=131072)
def singular(word: str) -> str:
    """The singular of a lower-case noun ("families" -> "family", "crises" -> "crisis"); a word
    that is not a plural comes back as it is. lemminflect's dictionary, and its own rules for words
    it has never seen."""
    from lemminflect import getLemma  # on first use: importing it takes about a second

    lemmas = getLemma(word, upos="NOUN")
    return lemmas[0] if lemmas and lemmas[0] else word
