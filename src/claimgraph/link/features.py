"""Term and entity features of an article, for story clustering.

No model is needed: words are lower-cased, stop words dropped and plurals folded; capitalised
word runs stand in for named entities when the caller has none from spaCy. Counts stay raw here;
weighting (sublinear tf, running idf) happens in :mod:`claimgraph.link.stories`, because idf
changes as documents arrive.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from claimgraph.lexicon.inflection import singular
from claimgraph.lexicon.names import NAME_LEADING_WORDS
from claimgraph.lexicon.stopwords import STORY_STOPWORDS

# Entity features carry this prefix so they never collide with plain words.
ENTITY_PREFIX = "e:"

# Title words describe the event more densely than body words: count each one this many times.
TITLE_WEIGHT = 3

# News puts the event in the first sentences (inverted pyramid): the first LEAD_TOKENS content words
# of the body count LEAD_WEIGHT extra times, so a passing mention later on weighs less.
LEAD_TOKENS = 100
LEAD_WEIGHT = 2

# A dotted acronym (U.S., N.A.A.C.P.) or a word with an optional apostrophe tail (O'Brien, Kerry's).
# (The leading lookahead lets the regex engine skip non-letters fast.)
_TOKEN = re.compile(r"(?=[^\W\d_])(?:(?:[^\W\d_]\.){2,}|[^\W\d_][^\W_]*(?:['’][^\W\d_]+)*)")
# A run of capitalised words joined by spaces or hyphens ("Brett McGurk", "Lebanon-Syria", "U.S.
# Special Envoy"); any other punctuation ends the run. Single capitals with a dot are initials.
_CAP = r"(?:(?:[A-Z]\.){2,}|[A-Z]\.(?=[ \t])|[A-ZÀ-ÖØ-Þ][^\W_]+(?:['’][^\W\d_]+)*)"
_NAME_RUN = re.compile(rf"(?=[A-ZÀ-ÖØ-Þ]){_CAP}(?:(?:[ \t]+|-){_CAP})+")
_NAME_WORD = re.compile(_CAP)


@lru_cache(maxsize=262_144)
def normalize_token(raw: str) -> str | None:
    """Lower-case one token, fold acronyms and plurals; ``None`` when it carries no content."""
    tok = raw.replace("’", "'")
    if "." in tok:  # dotted acronym: U.S. -> us (kept even when it spells a stop word)
        return tok.replace(".", "").lower()
    if tok.endswith("'s"):
        tok = tok[:-2]
    if len(tok) >= 2 and tok.isupper():  # US, IS, NATO: acronyms are names, not stop words
        return tok.lower()
    low = tok.lower()
    if len(low) < 2 or low in STORY_STOPWORDS or low.endswith("n't"):
        return None
    return singular(low) if len(low) > 3 and low.isalpha() else low


def scan(text: str) -> tuple[list[str], list[str]]:
    """Content words of ``text`` in order, and its names.

    Names are runs of two or more capitalised words (a cheap stand-in for NER), without leading
    function words or titles ("The", "President"). Single capitalised words are left out: they are
    plain content words already, and at a sentence start they are not names.
    """
    return [t for t in map(normalize_token, _TOKEN.findall(text)) if t], names_in(text)


def names_in(text: str) -> list[str]:
    """Entity features of the capitalised runs in ``text`` (see :func:`scan`)."""
    names: list[str] = []
    for m in _NAME_RUN.finditer(text):
        _flush(_NAME_WORD.findall(m.group()), names)
    return names


def _flush(run: list[str], names: list[str]) -> None:
    i = 0
    while i < len(run) and _name_part(run[i]) in NAME_LEADING_WORDS:
        i += 1
    if len(run) - i >= 2:
        names.append(ENTITY_PREFIX + "_".join(_name_part(w) for w in run[i:]))


@lru_cache(maxsize=65_536)
def _name_part(word: str) -> str:
    w = word.replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    return w.replace(".", "").lower()


def terms(text: str) -> list[str]:
    """Content words of ``text`` in order, normalised."""
    return scan(text)[0]


def entity_key(name: str) -> str | None:
    """Normalise an entity string to a feature name (``e:brett_mcgurk``); ``None`` if empty."""
    parts = [_name_part(m.group()) for m in _TOKEN.finditer(name)]
    parts = [p for p in parts if p]
    while parts and parts[0] in NAME_LEADING_WORDS:
        parts = parts[1:]
    if not parts or (len(parts) == 1 and len(parts[0]) < 2):
        return None
    return ENTITY_PREFIX + "_".join(parts)


def doc_counts(title: str | None, text: str, entities: Iterable[str] | None = None) -> Counter[str]:
    """Raw feature counts of one article: body words, title words (weighted) and entities.

    ``entities`` are names from a real NER (spaCy) when the caller has them; otherwise
    capitalised word runs of the title and text are used.
    """
    raw = _TOKEN.findall(text)
    counts: Counter[str] = Counter()
    # Normalise each distinct surface form once (an article repeats most of its words).
    for form, n in Counter(raw).items():
        tok = normalize_token(form)
        if tok:
            counts[tok] += n
    lead = 0
    for form in raw:
        if lead >= LEAD_TOKENS:
            break
        tok = normalize_token(form)
        if tok:
            counts[tok] += LEAD_WEIGHT
            lead += 1
    if title:
        for tok in terms(title):
            counts[tok] += TITLE_WEIGHT
    if entities is None:
        # Body only: headlines are often Title Case, where every word looks like a name.
        ents = names_in(text)
    else:
        # Single-word names are plain content words already; counting them twice would double them.
        ents = [k for k in (entity_key(e) for e in entities) if k and "_" in k]
    counts.update(ents)
    return counts


def sublinear(counts: Counter[str]) -> dict[str, float]:
    """Sublinear term frequency: 1 + log(count), so one repeated word cannot dominate."""
    return {t: 1.0 + math.log(c) for t, c in counts.items() if c > 0}
