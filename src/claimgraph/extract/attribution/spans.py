"""Candidate attributions while they are being built, and the span helpers every pass uses.

A ``Cand`` holds token and character positions only; speakers are named and offsets turned into
an ``Attribution`` at assembly.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from claimgraph.lexicon.attribution import BAD_CONTENT, EDGE_CHARS, TRIM_PUNCT


@dataclass(slots=True)
class Cand:
    """One candidate attribution: its content (characters), cue and speaker (tokens)."""

    start: int  # content, characters
    end: int
    cue_lo: int  # cue tokens (inclusive); -1 when there is no cue token
    cue_hi: int
    sp_head: Token | None
    sp_lo: int = -1
    sp_hi: int = -1
    kind: str = "reported"
    np_content: bool = False  # content is a bare noun phrase ("admits the part it played")
    speaker: str | None = None
    speaker_mention: str | None = None
    speaker_type: str | None = None
    via: list[str] = field(default_factory=list)
    hedged_cue: bool = False
    parent: Cand | None = None  # for continuations: the attribution they continue
    verb_i: int = -1  # the cue verb's token index, when the cue is a verb
    mention_tok: Token | None = None  # a relative pronoun standing for the speaker ("who said")
    skipped: bool = False
    sp_chars: tuple[int, int] | None = None  # speaker written inside glued tokens ("”―Name")
    cue_chars: tuple[int, int] | None = None


def span_chars(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    """Character span of tokens lo..hi (inclusive)."""
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def trim(doc: Doc, lo: int, hi: int) -> tuple[int, int] | None:
    """Drop edge punctuation and conjunction tokens; None when nothing is left."""
    while lo <= hi and (doc[lo].text in TRIM_PUNCT or doc[lo].is_space or doc[lo].dep_ == "cc"):
        lo += 1
    while hi >= lo and (doc[hi].text in TRIM_PUNCT or doc[hi].is_space or doc[hi].dep_ == "cc"):
        hi -= 1
    if lo > hi:
        return None
    words = [t for t in doc[lo:hi + 1] if not t.is_punct]
    if not words:
        return None
    if len(words) == 1 and words[0].lower_ in BAD_CONTENT:
        return None
    if len(words) == 1 and words[0].tag_ in ("WP", "WDT", "PRP"):
        return None
    return lo, hi


def starts_and_reach(by_start: list[Cand]) -> tuple[list[int], list[int]]:
    """Content starts of candidates sorted by start, and for each the furthest end reached so
    far: bisect a character into the starts, then walk back while the reach still covers it."""
    starts = [c.start for c in by_start]
    reach: list[int] = []
    m = -1
    for c in by_start:
        m = max(m, c.end)
        reach.append(m)
    return starts, reach


def trim_chars(text: str, s: int, e: int) -> tuple[int, int]:
    """Character span without edge punctuation (tokens like "….Another" carry some)."""
    while s < e and text[s] in EDGE_CHARS:
        s += 1
    while e > s and text[e - 1] in EDGE_CHARS and not (text[e - 1] == ")" and "(" in text[s:e]):
        e -= 1
    return s, e
