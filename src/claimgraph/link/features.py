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

# Entity features carry this prefix so they never collide with plain words.
ENTITY_PREFIX = "e:"

# Title words describe the event more densely than body words: count each one this many times.
TITLE_WEIGHT = 3

# News puts the event in the first sentences (inverted pyramid): the first LEAD_TOKENS content words
# of the body count LEAD_WEIGHT extra times, so a passing mention later on weighs less.
LEAD_TOKENS = 100
LEAD_WEIGHT = 2

# Function words plus verbs and nouns that every news report uses ("said", "told", "year"):
# they carry no event identity and would otherwise dominate the early, idf-poor documents.
STOPWORDS = frozenset(
    """
    a about above according across after afterwards again against ago ah all almost alone along already
    also although always am among amongst an and another any anybody anyhow anyone anything anyway
    anywhere are aren't around as ask asked asking at away back be became because become becomes been
    before began behind being below beside besides between beyond both brief but by call called came can
    cannot can't come comes could couldn't day days did didn't do does doesn't doing done don't down
    during each early either else elsewhere end enough even ever every everyone everything except far few
    first five for former four from further get gets getting give given go goes going gone good got had
    hadn't has hasn't have haven't having he he'd he'll her here here's hers herself he's him himself his
    how however i i'd if i'll i'm in including indeed instead into is isn't it its it's itself i've just
    know known last late later least less let like likely little look made make makes many may maybe me
    mean meanwhile might more moreover most mostly mr mrs ms much must my myself near nearly need never
    new next no nobody none nor not nothing now of off often on once one only onto or other others
    otherwise our ours ourselves out over own part past per perhaps put rather really recent recently
    reported reporter reporters s said same say saying says second see seem seemed seems seen several
    she she'd she'll she's should shouldn't show showed since six so some somehow someone something
    sometimes somewhere soon still such take taken tell tells than that that's the their theirs them
    themselves then there thereby therefore these they they'd they'll they're they've thing things
    think third this those though thought three through throughout thus time times to today together
    told too took toward towards two under until up upon us use used very via want wanted wants was
    wasn't way we we'd well we'll went were we're weren't we've what whatever what's when whenever where
    whereas whether which while who whoever whole who's whom whose why will with within without won't
    would wouldn't year years yes yet you you'd you'll your you're yours yourself yourselves you've
    week weeks month months monday tuesday wednesday thursday friday saturday sunday
    january february march april june july august september october november december
    percent told news article story read photo image video share comment comments click sign
    """.split()
)

# Words that open a capitalised run without belonging to the name ("President Obama" -> "Obama"
# is kept too, but "The Senate" must not become an entity "the senate").
_NAME_PREFIXES = frozenset(
    """
    mr mrs ms dr gov sen rep president senator representative governor gen general secretary sheriff
    judge justice chairman chairwoman minister prime king queen prince pope rev
    """.split()
)

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
    if len(low) < 2 or low in STOPWORDS or low.endswith("n't"):
        return None
    return _fold_plural(low)


def _fold_plural(word: str) -> str:
    """A light stemmer: fold regular plurals so "fighters" and "fighter" meet."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("xes", "ches", "shes", "sses")):  # taxes -> tax
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ous")):
        return word[:-1]
    return word


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
    while i < len(run) and _name_part(run[i]) in _SKIP_LEADING:
        i += 1
    if len(run) - i >= 2:
        names.append(ENTITY_PREFIX + "_".join(_name_part(w) for w in run[i:]))


@lru_cache(maxsize=65_536)
def _name_part(word: str) -> str:
    w = word.replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    return w.replace(".", "").lower()


# Words that open a capitalised run by position only ("The White House", "But Senator Reid").
_SKIP_LEADING = _NAME_PREFIXES | frozenset(
    """
    a an and as at but by for from he her here his how i if in it its my of on or our she so that the
    their then there these they this those to we what when where while who why with
    """.split()
)


def terms(text: str) -> list[str]:
    """Content words of ``text`` in order, normalised."""
    return scan(text)[0]


def entity_key(name: str) -> str | None:
    """Normalise an entity string to a feature name (``e:brett_mcgurk``); ``None`` if empty."""
    parts = [_name_part(m.group()) for m in _TOKEN.finditer(name)]
    parts = [p for p in parts if p]
    while parts and parts[0] in _SKIP_LEADING:
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
