"""The unit a reader saw: how a figure was written, and how to turn compared values back into it.

The linker compares measures in one reference unit per dimension (litres, metres, seconds); a
reader of "some 2.5 million cubic metres" must see its range in cubic metres, not in litres.
:class:`ShownUnit` carries the written unit and the linear map between the two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimgraph.extract.units import UNIT_WORDS, conversion
from claimgraph.lexicon.units import CURRENCY_NAMES, CURRENCY_PREFIXES, GLUED_ONLY_UNITS, UNIT_SYMBOLS
from claimgraph.model import Quantity

# the characters glued in front of the first digit ("$", "US$", "£")
_PREFIX = re.compile(r"(\S*?)[\d.]")


@dataclass(frozen=True)
class ShownUnit:
    """A figure's written unit; compared value = shown value × ``factor`` + ``offset``."""

    name: str | None = None  # as written: "cubic metres", "ft", "%", "dollars"; None for counts
    factor: float = 1.0
    offset: float = 0.0
    prefix: str = ""  # a currency sign written before the number ("$")

    def shown(self, x: float) -> float:
        """A compared (normalised) value in this unit."""
        return (x - self.offset) / self.factor

    def compared(self, x: float) -> float:
        """A value of this unit in the compared (normalised) unit."""
        return x * self.factor + self.offset

    @property
    def label(self) -> str:
        """The unit's name for ranges and conversions ("cubic metres", "$", "%")."""
        return self.prefix or self.name or ""


PLAIN = ShownUnit()


def _pint_expr(unit: str) -> str | None:
    return UNIT_SYMBOLS.get(unit) or GLUED_ONLY_UNITS.get(unit) or UNIT_WORDS.get(unit.lower())


def shown_unit(q: Quantity, kind: str) -> ShownUnit:
    """How ``q`` was written, for a mention of ``kind`` (measures carry normalised values)."""
    if kind == "percent":
        return ShownUnit("%" if "%" in (q.text or "") else "percent")
    if kind == "money":
        m = _PREFIX.match(_after_words(q.text or ""))
        sign = m.group(1) if m else ""
        if sign in CURRENCY_PREFIXES and not sign.isalpha():
            return ShownUnit(q.unit, prefix=sign)
        return ShownUnit(CURRENCY_NAMES.get(q.unit or "", q.unit))
    norm = q.normalized or {}
    if kind != "measure" or not norm.get("unit") or not q.unit:
        return ShownUnit(q.unit if kind == "measure" else None)
    expr = _pint_expr(q.unit)
    conv = conversion(expr) if expr else None
    if conv is not None and conv[0] != 0 and conv[2].lower() == str(norm["unit"]).lower():
        return ShownUnit(q.unit, conv[0], conv[1])
    for key in ("value", "low", "high"):  # a unit pint does not know: the extractor's own ratio
        written, ref = getattr(q, key), norm.get(key)
        if written and isinstance(ref, int | float) and not isinstance(ref, bool) and ref:
            return ShownUnit(q.unit, float(ref) / written)
    return ShownUnit(str(norm["unit"]))  # no way back: show the compared unit, named


def _after_words(text: str) -> str:
    """The text from the token holding the first digit ("about $40 million" -> "$40 million")."""
    for tok in text.split():
        if any(ch.isdigit() for ch in tok):
            return text[text.index(tok):]
    return ""
