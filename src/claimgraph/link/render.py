"""Numbers in words a reader can check: figures, ranges and conversions in the written unit.

Every number this module writes is a value of the evidence (a figure, a bound of its range, a sum
of parts, or one of those converted into another figure's written unit), rounded to at most three
significant decimals; :mod:`claimgraph.link.check` reads them back. A scale word is shared only
across a dash ("2.25–2.75 million"); ends written out in full are joined by "to".
"""

from __future__ import annotations

import math

from claimgraph.link.shown_units import ShownUnit

SCALES = (("trillion", 1e12), ("billion", 1e9), ("million", 1e6))


def _scale(x: float) -> tuple[str, float]:
    for word, size in SCALES:
        if abs(x) >= size:
            return word, size
    return "", 1.0


def _digits(x: float) -> str:
    """A plain number: thousands separated, at most two decimals, three significant below 1."""
    if x == 0:
        return "0"
    places = 2 if abs(x) >= 1 else min(12, 2 - math.floor(math.log10(abs(x))))
    text = f"{abs(x):,.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return ("-" if x < 0 and text.strip("0.,") else "") + text


def number(x: float, scale: tuple[str, float] | None = None) -> str:
    """``x`` in digits, with a scale word from a million up ("2.25 million")."""
    word, size = scale or _scale(x)
    return _digits(x / size) + (f" {word}" if word else "")


def _with_unit(core: str, unit: ShownUnit) -> str:
    if unit.prefix:
        return f"{unit.prefix}{core}"
    if unit.name in ("%",):
        return f"{core}%"
    return f"{core} {unit.name}" if unit.name else core


def value(x: float, unit: ShownUnit) -> str:
    """One shown value with its unit ("12 ft", "$40 million", "35%")."""
    return _with_unit(number(x), unit)


def span(lo: float, hi: float, unit: ShownUnit) -> str:
    """A range in one unit and one scale ("2.25–2.75 million cubic metres", "$36–44 million")."""
    word, size = _scale(max(abs(lo), abs(hi)))
    if lo < 0 or hi < 0 or (word and abs(lo) < size):  # "$200,000 to $1 million", "-5 °C to -3 °C"
        return f"{value(lo, unit)} to {value(hi, unit)}"
    return _with_unit(f"{_digits(lo / size)}–{_digits(hi / size)}" + (f" {word}" if word else ""), unit)


def conversion(x: float, frm: ShownUnit, to: ShownUnit) -> str:
    """A compared value in two written units ("12 ft ≈ 3.66 metres")."""
    return f"{value(frm.shown(x), frm)} ≈ {value(to.shown(x), to)}"
