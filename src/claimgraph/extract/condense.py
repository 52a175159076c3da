"""Parse less: keep only the sentences that can hold a claim, and map offsets back exactly.

The parser is the cost to beat. A sentence with no number, no quotation mark, no speech or
cognition verb and no "according to" can hold neither a quantity nor an attribution, so it is not
parsed. Kept sentences are copied verbatim into a shorter text; every offset found in that text
maps back to the original by a table of copied segments.

Quotes are kept whole: a multi-sentence quote whose middle sentences have no trigger of their own
stays one piece, and so does the sentence right before a kept sentence that opens with a pronoun
(its antecedent) or with a quote (its speaker may be named just before).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from claimgraph.lexicon.cues import TRIGGER_ADJECTIVES, TRIGGER_EXTRA_WORDS, TRIGGER_NOUNS, TRIGGER_VERBS
from claimgraph.lexicon.dates import MONTH_ABBREVIATIONS
from claimgraph.lexicon.inflection import plurals, verb_forms
from claimgraph.lexicon.numbers import COUNT_TRIGGER_WORDS
from claimgraph.lexicon.quantities import IMPLIED_COUNT_TRIGGERS

# A sentence is a candidate when it has a digit, a quotation mark or "according to", or any word of
# ``_TRIGGER_WORDS``. Words are looked up in a set: one pass of a simple word regex, far cheaper
# than one alternation of a thousand verb forms.
_TRIGGER_CHARS = re.compile(r"\d|[\"“”„«»]|\baccording to\b", re.IGNORECASE)
_WORD = re.compile(r"[a-z]+", re.IGNORECASE)
# (every form of the cue verbs, nouns in the singular and plural, stance adjectives, number words,
# words of counts written without a numeral)
_TRIGGER_WORDS = frozenset(
    {form for lemma in TRIGGER_VERBS if lemma.isalpha() for form in verb_forms(lemma)}
    | {form for noun in TRIGGER_NOUNS if " " not in noun for form in (noun, *plurals(noun))}
    | {word for word in TRIGGER_ADJECTIVES if " " not in word}
    | COUNT_TRIGGER_WORDS
    | IMPLIED_COUNT_TRIGGERS  # "the lone gunman", "armed with a rifle and a handgun"
    | TRIGGER_EXTRA_WORDS
)
_TRIGGER_PHRASES = tuple(w for w in TRIGGER_NOUNS | TRIGGER_ADJECTIVES if " " in w) + ("per cent",)


def _is_candidate(sentence: str) -> bool:
    if _TRIGGER_CHARS.search(sentence):
        return True
    low = sentence.lower()
    if any(w in _TRIGGER_WORDS or w.startswith("spokes") for w in _WORD.findall(low)):
        return True
    return any(p in low for p in _TRIGGER_PHRASES)


_OPENS_WITH_REFERENCE = re.compile(r"^\W*(?:he|she|they|his|her|their)\b|^\W*[\"“”]", re.IGNORECASE)
# Sentence ends: . ! ? (optionally closing quotes/brackets) followed by space and a likely sentence
# start, but not after a title, a month or an initial ("Mr. Obama", "Sept. 11", "Richard M. Nixon"):
# a piece cut there would lose the name its claim hangs on.
# from the first mark of a run, taken whole: a run that cannot end a sentence from its first
# mark cannot from a later one, and trying each ("......") was quadratic
_SENT_END = re.compile(r"(?<![.!?…])[.!?…]++[\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
_NO_BREAK_AFTER = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|St|Sr|Jr|Gen|Lt|Col|Capt|Cmdr|Sgt|Adm|Gov|Sen|Rep|Rev|Hon|Pres|Supt|"
    + "|".join(abbreviation.title() for abbreviation in MONTH_ABBREVIATIONS)
    + r"|No|Nos|Vol|Fig|Inc|Corp|Co|Ltd|vs|etc|approx|"
    r"Ft|Mt|Ave|Blvd|U\.S|U\.K|U\.N|E\.U)|\b[A-Z])\.$"
)
_OPEN_Q, _CLOSE_Q = "“«„", "”»"


@dataclass(slots=True)
class Condensed:
    """The shortened text and the table that maps its offsets back to the original."""

    text: str
    segments: list[tuple[int, int, int]]  # (start in condensed text, start in original, length)
    original_length: int

    @property
    def ratio(self) -> float:
        return len(self.text) / self.original_length if self.original_length else 1.0

    def to_original(self, pos: int, *, end: bool = False) -> int:
        """Map an offset of the condensed text to the original text."""
        starts = [s[0] for s in self.segments]
        i = bisect.bisect_right(starts, pos - 1 if end and pos > 0 else pos) - 1
        i = max(i, 0)
        cstart, ostart, length = self.segments[i]
        return ostart + min(max(pos - cstart, 0), length)


def _sentences(text: str) -> list[tuple[int, int]]:
    """Cheap sentence spans: lines first, then punctuation followed by a capital."""
    spans = []
    pos = 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        if not line.strip():
            continue
        s = start
        for m in _SENT_END.finditer(line):
            if m.group(0).startswith(".") and _NO_BREAK_AFTER.search(
                line[max(0, m.start() - 12) : m.start() + 1]
            ):
                continue
            spans.append((s, start + m.end()))
            s = start + m.end()
        if s < start + len(line):
            spans.append((s, start + len(line)))
    return spans


def _in_quote_after(sentence: str, inside: bool) -> bool:
    """Is a quotation still open at the end of ``sentence`` (given whether one was open before)?"""
    for ch in sentence:
        if ch in _OPEN_Q:
            inside = True
        elif ch in _CLOSE_Q:
            inside = False
        elif ch == '"':
            inside = not inside
    return inside


def condense(text: str, min_ratio: float = 0.9) -> Condensed | None:
    """Keep the claim-bearing sentences of ``text``; None when that would save too little."""
    spans = _sentences(text)
    if not spans:
        return None
    keep = [_is_candidate(text[s:e]) for s, e in spans]
    # quotes stay whole, and a kept sentence keeps the one before it when it refers back
    inside = False
    line_of = [text.count("\n", 0, s) for s, _ in spans]
    for i, (s, e) in enumerate(spans):
        if i and line_of[i] != line_of[i - 1] and inside and not text[s:e].lstrip().startswith(("“", '"')):
            inside = False  # an unclosed quote does not run into the next paragraph
        if inside:
            keep[i] = True
        inside = _in_quote_after(text[s:e], inside)
    for i in range(1, len(spans)):
        if keep[i] and not keep[i - 1] and _OPENS_WITH_REFERENCE.match(text[spans[i][0] : spans[i][1]]):
            keep[i - 1] = True
    kept_chars = sum(e - s for (s, e), k in zip(spans, keep, strict=True) if k)
    if kept_chars >= min_ratio * len(text):
        return None
    parts: list[str] = []
    segments: list[tuple[int, int, int]] = []
    clen = 0
    run_start = run_end = None
    for (s, e), k in zip(spans, keep, strict=True):
        if not k:
            continue
        if run_end is not None and text[run_end:s].strip() == "" and "\n" not in text[run_end:s]:
            run_end = e  # contiguous with the previous kept sentence: copy the gap too
            continue
        if run_start is not None:
            clen = _emit(text, run_start, run_end, parts, segments, clen)
        run_start, run_end = s, e
    if run_start is not None:
        _emit(text, run_start, run_end, parts, segments, clen)
    out = "".join(parts)
    if len(out) >= min_ratio * len(text):  # the breaks put between kept sentences count too
        return None
    return Condensed(out, segments, len(text))


def _emit(
    text: str, s: int, e: int, parts: list[str], segments: list[tuple[int, int, int]], clen: int
) -> int:
    if parts:
        parts.append("\n\n")  # a paragraph break, so no sentence runs across a gap
        clen += 2
    segments.append((clen, s, e - s))
    parts.append(text[s:e])
    return clen + (e - s)
