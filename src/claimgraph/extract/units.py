"""Units of measure and currencies: the unit words in every number, and pint normalisation.

The extractor keeps a quantity's value and unit *as written* ("six to seven kilometres" stays
6..7 kilometres); :func:`normalize_measure` adds the value in a reference unit of the same
dimension (metres, kilograms, seconds, ...) computed with pint, for cross-source comparison. The
tables of units and currencies are data in :mod:`claimgraph.lexicon.units`.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from claimgraph.lexicon.inflection import plurals
from claimgraph.lexicon.units import AGE_UNITS, UNIT_SYMBOLS, UNIT_WORD_SINGULARS

# Every unit word in the singular and the plural (from the inflection table).
UNIT_WORDS: dict[str, str | None] = {}
for _word, _expr in UNIT_WORD_SINGULARS.items():
    UNIT_WORDS[_word] = _expr
    for _plural in plurals(_word):
        UNIT_WORDS[_plural] = _expr
UNIT_WORDS["feet"] = "foot"
UNIT_WORDS["foot"] = "foot"
UNIT_WORDS.update(AGE_UNITS)

# ---------------------------------------------------------------- pint normalisation

# Reference unit per dimension, tried in order; anything else falls back to SI base units.
_REFERENCE_UNITS = (
    "meter", "kilogram", "second", "meter**2", "liter", "kilometer/hour", "watt", "kilowatt_hour",
    "pascal", "hertz", "volt", "ampere", "ampere*hour", "newton", "mile/gallon", "ohm",
    "ampere/meter**2", "oil_barrel/day",
)
# pint gives data, angles and parts-per-million no dimension (and data rates the dimension of
# hertz), so these families are told apart by name instead.
_NAMED_FAMILIES = (
    (re.compile(r"(?:bit|byte)\b.*/"), "bit/second"),
    (re.compile(r"(?:bit|byte)\b"), "byte"),
    (re.compile(r"^revolutions_per_minute$"), "revolutions_per_minute"),
    (re.compile(r"^degree$"), "degree"),
    (re.compile(r"^ppm$"), "ppm"),
    (re.compile(r"force_pound|newton\*meter"), "newton*meter"),  # torque, not energy
)


@lru_cache(maxsize=1)
def _registry() -> Any:
    """The pint registry, built once on first use (about 0.2 s)."""
    import pint

    return pint.UnitRegistry()


@lru_cache(maxsize=512)
def _conversion(expr: str) -> tuple[float, float, str] | None:
    """(factor, offset, reference unit name) so that reference = value * factor + offset."""
    try:
        ureg = _registry()
        if expr in ("degC", "degF", "kelvin"):
            unit = ureg.Unit(expr)
            zero = ureg.Quantity(0.0, unit).to("degC").magnitude
            one = ureg.Quantity(1.0, unit).to("degC").magnitude
            return one - zero, zero, "degree_Celsius"
        q = ureg.parse_expression(expr)  # "10 * year" for a decade: pint's "decade" is logarithmic
        if not hasattr(q, "units"):
            return None
        for pattern, ref in _NAMED_FAMILIES:
            if pattern.search(expr):
                return float(q.to(ref).magnitude), 0.0, str(ureg.Unit(ref))
        if q.dimensionless:
            return None
        for ref in _REFERENCE_UNITS:
            ref_unit = ureg.Unit(ref)
            if q.dimensionality == ref_unit.dimensionality:
                return float(q.to(ref_unit).magnitude), 0.0, str(ref_unit)
        b = q.to_base_units()
        return float(b.magnitude), 0.0, str(b.units)
    except Exception:  # noqa: BLE001 - an unknown unit simply isn't normalised
        return None


def conversion(expr: str) -> tuple[float, float, str] | None:
    """(factor, offset, reference unit) of a pint expression: reference = value * factor + offset."""
    return _conversion(expr)


def normalize_measure(expr: str | None, value: float | None, low: float | None,
                      high: float | None) -> dict[str, Any] | None:
    """Values converted to the reference unit of the expression's dimension, or None."""
    if not expr:
        return None
    conv = _conversion(expr)
    if conv is None:
        return None
    factor, offset, ref = conv

    def f(x: float | None) -> float | None:
        return None if x is None else float(f"{x * factor + offset:.12g}")

    return {"value": f(value), "low": f(low), "high": f(high), "unit": ref}


def alternation_pattern(keys: list[str]) -> str:
    """Regex alternation, longest first, with internal spaces matching any whitespace."""
    parts = sorted(set(keys), key=len, reverse=True)
    return "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in parts)


UNIT_SYMBOL_RE = alternation_pattern(list(UNIT_SYMBOLS))
UNIT_WORD_RE = alternation_pattern(list(UNIT_WORDS))
