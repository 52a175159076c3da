"""One speaker as written, taken apart: the proper name, the role and the affiliation.

"A Hallam Mining spokesperson, Greta Voss" -> name "Greta Voss", role "spokesperson",
affiliation "Hallam Mining"; "Washington Mayor Vincent Gray" -> "Vincent Gray", "mayor",
"Washington"; "The regional governor" -> no name, role "regional governor".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lexicon.cues import TITLE_WORDS
from ..lexicon.speakers import AFFILIATION_PREPS, DESCRIPTION_OPENERS, OFFICIAL_WORDS, WITNESS_WORDS

_PARTICLES = frozenset(
    {
        "de",
        "da",
        "del",
        "della",
        "di",
        "van",
        "von",
        "der",
        "den",
        "la",
        "le",
        "bin",
        "al",
        "ibn",
        "du",
        "dos",
        "das",
        "al-",
        "el",
    }
)
_SPLIT = re.compile(r"\s*[,;(]\s*|\s+[\u2013\u2014-]\s+")
_EDGE = " \t\n.,;:()\"'\u201c\u201d\u2018\u2019"
_POSSESSIVE = re.compile(r"[\u2019']s$")
_COMMON = OFFICIAL_WORDS | WITNESS_WORDS
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9.&]{1,7}$")


@dataclass(slots=True)
class Mention:
    """What one speaker string says: ``name`` (a proper name or None), ``role``, ``affiliation``,
    and ``description`` (the speaker with no proper name: "officials", "the company")."""

    text: str
    name: str | None = None
    role: str | None = None
    affiliation: str | None = None
    description: str | None = None


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit() or word.lower() in _PARTICLES


def is_acronym(word: str) -> bool:
    """ "SDF", "U.N.", "MSF": a short run of capitals."""
    return bool(_ACRONYM.match(word)) and sum(c.isalpha() for c in word) >= 2


def _is_name(words: list[str]) -> bool:
    """A run of capitalised words with no description opener in front ("Greta Voss", "Hallam Mining");
    not a common noun capitalised at the start of a sentence ("Officials", "Residents of Varnow")."""
    first = words[0].lower() if words else ""
    common = first in _COMMON and (first not in TITLE_WORDS or len(words) == 1)
    return (
        bool(words)
        and first not in DESCRIPTION_OPENERS
        and not common
        and all(_capitalised(w) for w in words)
    )


def _trailing_name(words: list[str]) -> int:
    """Index where a trailing personal name starts in a description ("acting chief of staff Mick
    Mulvaney" -> 4), or len(words) when none does."""
    k = len(words)
    while k > 0 and _capitalised(words[k - 1]) and words[k - 1].lower() not in TITLE_WORDS:
        k -= 1
    ok = len(words) - k >= 2 and k > 0 and not _capitalised(words[k - 1])
    return k if ok and words[k - 1].lower() not in AFFILIATION_PREPS else len(words)


def _strip_opener(words: list[str]) -> list[str]:
    k = 0  # one slice at the end: a long speaker string is stripped at every word of it
    while k < len(words) and words[k].lower() in DESCRIPTION_OPENERS:
        k += 1
    return words[k:]


def _role_and_affiliation(words: list[str]) -> tuple[str | None, str | None]:
    """Role and affiliation of a description: "Hallam Mining spokesperson" -> ("spokesperson",
    "Hallam Mining"); "spokesperson for Hallam Mining" -> the same; "regional governor" -> role."""
    words = _strip_opener(words)
    for i, w in enumerate(words):
        after = _strip_opener(words[i + 1 :])
        if i and w.lower() in AFFILIATION_PREPS and after and _capitalised(after[0]):
            role, aff = _role_and_affiliation(words[:i])
            return role, " ".join(after)
    # capitalised words in front of lower-case ones are the affiliation ("Hallam Mining spokesperson")
    k = 0
    while (
        k < len(words)
        and _capitalised(words[k])
        and words[k].lower() not in TITLE_WORDS
        and words[k].lower() not in _COMMON
    ):
        k += 1
    aff = " ".join(words[:k]) or None
    role = " ".join(w.lower() for w in words[k:]) or None
    return role, aff if role else None


def _titled_name(words: list[str]) -> tuple[str | None, str | None, str | None]:
    """Name, title and place of "Washington Mayor Vincent Gray" (None when there is no title)."""
    last_title = max((i for i, w in enumerate(words) if w.lower().rstrip(".") in TITLE_WORDS), default=-1)
    if last_title < 0 or last_title >= len(words) - 1:
        return None, None, None
    first_title = last_title
    while first_title > 0 and words[first_title - 1].lower().rstrip(".") in TITLE_WORDS:
        first_title -= 1
    name = words[last_title + 1 :]
    title = " ".join(w.lower().rstrip(".") for w in words[first_title : last_title + 1])
    place = " ".join(words[:first_title]) or None
    return " ".join(name), title, place


def parse_mention(speaker: str, mention: str | None = None, *, person: bool = True) -> Mention:
    """Take one resolved speaker (and its mention as written, for a title) apart; ``person``
    says whether a title in front of a name may be split off ("Mayor Vincent Gray")."""
    text = speaker.strip(_EDGE)
    out = Mention(text=text)
    names, descriptions = [], []
    for part in _SPLIT.split(text):
        words = [_POSSESSIVE.sub("", w) for w in part.strip(_EDGE).split()]
        words = [w for w in words if w]
        if not words:
            continue
        if _is_name(words):
            names.append(words)
            continue
        k = _trailing_name(words)
        if k < len(words):
            names.append(words[k:])
            words = words[:k]
        descriptions.append(words)
    if names:
        words = names[0]
        name, title, place = _titled_name(words) if person else (None, None, None)
        out.name = name or " ".join(words)
        if title:
            out.role, out.affiliation = title, place
    for words in descriptions:
        role, aff = _role_and_affiliation(words)
        out.role = out.role or role
        out.affiliation = out.affiliation or aff
        if not names:
            out.description = " ".join(words)
    if names and len(names) > 1 and not out.affiliation:
        out.affiliation = " ".join(names[1])  # "Greta Voss, Hallam Mining"
    if mention and person and not out.role and out.name:
        # "Governor Ines Kalder" resolved to "Ines Kalder": the title is in the mention
        m_words = [w for w in mention.strip(_EDGE).split() if w]
        _, title, place = _titled_name(m_words)
        if title:
            out.role, out.affiliation = title, out.affiliation or place
    return out
