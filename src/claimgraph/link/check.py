"""The explanation checker: every number an explanation states must come from its evidence.

An explanation is rendered from structured evidence (:class:`Evidence`): the words it quotes as
written (the figures' own text, sources, dates, the measure's name) and the numbers it may state
(each figure's value, bounds, range and sum, in every written unit of the comparison). The checker
removes the quoted words, reads every remaining number back (digits, decimals, a scale word shared
across a range), and looks each one up in the evidence to the precision it was written with.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from claimgraph.link.judge import interval
from claimgraph.link.measures import Mention
from claimgraph.link.shown_units import ShownUnit

log = logging.getLogger(__name__)

_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+(?!\d|,\d)|\d+)(?:\.(\d+))?(?:\s+(thousand|million|billion|trillion)\b)?")
_RANGE_JOINT = re.compile(r"\s*[–—-]\s*")  # a dash shares the scale word; "to" joins ends in full
_GAP = " \u2502 "  # stands where a quoted phrase was, so numbers on either side never join


@dataclass(frozen=True)
class Evidence:
    """What an explanation may state: phrases quoted as written, and numbers in written units."""

    quoted: tuple[str, ...]
    numbers: tuple[float, ...]


@dataclass(frozen=True)
class Stated:
    """A number read back from an explanation."""

    text: str
    value: float
    precision: float  # half a unit of the last digit written, times the scale word


def _unquoted(text: str, quoted: Iterable[str]) -> str:
    """``text`` without the quoted phrases; a phrase ending in a digit never takes part of a
    longer number ("17" is not removed from "176")."""
    for phrase in sorted({q for q in quoted if q and q.strip()}, key=len, reverse=True):
        if phrase not in text:  # cheap test first: each phrase is a new pattern to compile
            continue
        pattern = (r"(?<!\d)(?<!\d[.,])" if phrase[0].isdigit() else "") + re.escape(phrase) + \
            (r"(?![\d]|[.,]\d)" if phrase[-1].isdigit() else "")
        text = re.sub(pattern, _GAP, text)
    return text


def numbers_in(text: str) -> list[Stated]:
    """Every number written in digits, with the scale word of the range it ends ("2.25–2.75 million")."""
    found = list(_NUMBER.finditer(text))
    out: list[Stated] = []
    for n, m in enumerate(found):
        whole, frac, word = m.group(1), m.group(2), m.group(3)
        if word is None and n + 1 < len(found) and found[n + 1].group(3) \
                and _RANGE_JOINT.fullmatch(text[m.end():found[n + 1].start()]):
            word = found[n + 1].group(3)  # "2.25–2.75 million": the first end shares the scale
        size = _SCALE[word] if word else 1.0
        x = float(whole.replace(",", "") + (f".{frac}" if frac else ""))
        sign, lead = text[max(0, m.start() - 1):m.start()], text[max(0, m.start() - 2):max(0, m.start() - 1)]
        if sign and sign in "-−" and (not lead or lead in " (≈\u2502"):  # "-5 to -3", not "COVID-19"
            x = -x
        places = len(frac) if frac else 0
        out.append(Stated(m.group(0), x * size, 0.5 * 10.0 ** -places * size))
    return out


def traces(stated: Stated, numbers: Iterable[float]) -> bool:
    """Whether a stated number is one of ``numbers``, to the precision it was written with."""
    slack = stated.precision * (1 + 1e-9)
    return any(abs(stated.value - x) <= slack + 1e-9 * max(1.0, abs(x)) for x in numbers)


def untraceable(text: str, evidence: Evidence) -> list[Stated]:
    """The numbers of ``text`` that are neither quoted nor in the evidence (empty when it checks)."""
    return [s for s in numbers_in(_unquoted(text, evidence.quoted)) if not traces(s, evidence.numbers)]


def _compared_numbers(m: Mention) -> list[float]:
    xs = [m.value, m.low, m.high, m.figure(), *interval(m)]
    for p in m.parts:
        xs += _compared_numbers(p)
    return [x for x in xs if x is not None and math.isfinite(x)]


def _all(ms: Iterable[Mention]) -> list[Mention]:
    return [x for m in ms for x in (m, *m.parts)]


def evidence_of(mentions: Iterable[Mention], words: Iterable[str] = ()) -> Evidence:
    """The evidence of a comparison: each figure's numbers in every written unit its compared unit
    takes among ``mentions`` (so a conversion "12 ft ≈ 3.66 metres" checks), and the quoted phrases."""
    ms = _all(mentions)
    units: dict[tuple[str, str | None], set[ShownUnit]] = {}
    for m in ms:
        units.setdefault((m.kind, m.unit), set()).add(m.shown)
    numbers = {u.shown(x) for m in ms for u in units[(m.kind, m.unit)] for x in _compared_numbers(m)}
    quoted = [w for m in ms for w in (m.text, m.source_label, m.published or "")] + list(words)
    return Evidence(tuple(quoted), tuple(sorted(numbers)))


def checked(text: str, evidence: Evidence, fallback: str) -> str:
    """``text`` when every number in it traces to the evidence; else ``fallback`` (the bare
    evidence, quoted as written), with a warning: an untraceable number is a bug."""
    bad = untraceable(text, evidence)
    if not bad:
        return text
    log.warning("explanation states %s not in its evidence; showing the evidence instead: %s",
                ", ".join(repr(s.text) for s in bad), text)
    return fallback
