"""One speaker string's parse in a form that holds whatever the corpus's outlets are, so that it can
be kept in the store and reused by later runs (``store/speaker_parses.py``).

A claim's speaker is parsed from its ``(speaker, mention, extracted type)`` alone, except for one
question: is the name a news outlet of the corpus? ``speaker_kind`` answers it first, by looking up
``outlet_key(name or description)`` in the outlet names, and the rest of its answer does not read
the outlets. So a kept parse holds that key and the kind the words give; ``choose`` puts the two
together with this run's outlets and gives exactly what parsing again would.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .kinds import outlet_key, speaker_kind
from .mention import Mention, parse_mention

Probe = tuple[str, "str | None", "str | None"]  # (speaker, mention, extracted type): what a parse reads

_NO_OUTLETS: frozenset[str] = frozenset()


@dataclass(slots=True, frozen=True)
class ProbeParse:
    """A speaker parsed as a person could be (``first``) and, when it has a name, as a body, whose
    titles are part of its name (``second``); each with its outlet key and its kind without outlets."""

    first: Mention
    first_key: str
    first_kind: str
    second: Mention | None = None
    second_key: str = ""
    second_kind: str = ""


def parse_probe(speaker: str, mention: str | None, extracted: str | None) -> ProbeParse:
    """Parse one speaker the way ``choose`` needs it, without the corpus's outlets."""
    person_like = extracted in ("person", None, "unknown")
    first = parse_mention(speaker, mention, person=person_like)
    f_kind = speaker_kind(first, extracted, _NO_OUTLETS)
    if not first.name:  # no name: parsed as a body or not, the words are the same
        return ProbeParse(first, outlet_key(first.name or first.description), f_kind)
    # not person-like: the first parse already is the body's (same arguments, same result)
    second = parse_mention(speaker, mention, person=False) if person_like else first
    s_kind = f_kind if second is first else speaker_kind(second, extracted, _NO_OUTLETS)
    return ProbeParse(
        first, outlet_key(first.name), f_kind, second, outlet_key(second.name or second.description), s_kind
    )


def choose(p: ProbeParse, outlets: frozenset[str]) -> tuple[Mention, str]:
    """The mention and kind of a speaker, given the corpus's outlet keys: a named speaker that is
    not a person is read again as a body (as ``SpeakerResolver`` always did)."""
    kind = "outlet" if p.first_key in outlets else p.first_kind
    if p.first.name and kind != "person" and p.second is not None:
        return p.second, "outlet" if p.second_key in outlets else p.second_kind
    return p.first, kind


Row = tuple[Any, ...]  # what ``to_row`` gives: see ``store/speaker_parses.py`` COLUMNS


def to_row(probe: Probe, p: ProbeParse) -> Row:
    """A probe and its parse as one flat row (plain columns: a run reads tens of thousands)."""
    f, s = p.first, p.second
    second = 0 if s is None else (1 if s is p.first else 2)
    s2 = s if second == 2 else None
    return (
        *probe,
        f.text,
        f.name,
        f.role,
        f.affiliation,
        f.description,
        p.first_key,
        p.first_kind,
        second,
        *((s2.text, s2.name, s2.role, s2.affiliation, s2.description) if s2 else (None,) * 5),
        p.second_key,
        p.second_kind,
    )


def from_row(r: Row) -> tuple[Probe, ProbeParse]:
    """What ``to_row`` gave."""
    first = Mention(r[3], r[4], r[5], r[6], r[7])
    second = None if r[10] == 0 else (first if r[10] == 1 else Mention(r[11], r[12], r[13], r[14], r[15]))
    return (r[0], r[1], r[2]), ProbeParse(first, r[8], r[9], second, r[16], r[17])


# What a parse is made by: these modules and the word lists. They import nothing else of
# claimgraph (tests/test_speaker_parses.py checks), so a change anywhere else keeps the parses.
PARSE_SOURCES = ("speakers/parses.py", "speakers/kinds.py", "speakers/mention.py", "lexicon")


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the code and word lists a parse depends on (``PARSE_SOURCES``): parses kept by
    other code are made again."""
    root = Path(__file__).resolve().parents[1]
    h = hashlib.sha1()
    for source in PARSE_SOURCES:
        top = root / source
        for path in sorted(top.rglob("*")) if top.is_dir() else [top]:
            if path.is_file() and path.suffix in (".py", ".json", ".txt"):
                h.update(path.relative_to(root).as_posix().encode())
                h.update(path.read_bytes())
    return h.hexdigest()[:16]
