"""Number words, scales, fractions and vague amounts."""

from __future__ import annotations

SMALL_NUMBERS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
# Scale words written out; "dozen" behaves like a (small) scale: "two dozen", "a dozen".
SCALE_WORDS: dict[str, float] = {
    "dozen": 12.0, "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9,
    "trillion": 1e12, "lakh": 1e5, "crore": 1e7,
}
# Abbreviated scales glued to or right after digits ("$3.6bn", "4.3M", "10k").
# "m" and "b" are ambiguous (metre, bit) and only read as scales in a money context.
SCALE_ABBREVIATIONS: dict[str, float] = {
    "k": 1e3, "K": 1e3, "thou": 1e3,
    "m": 1e6, "M": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "MM": 1e6,
    "b": 1e9, "B": 1e9, "bn": 1e9, "bln": 1e9, "Bn": 1e9,
    "tn": 1e12, "trn": 1e12, "T": 1e12,
}

FRACTION_WORDS: dict[str, float] = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10,
}
UNICODE_FRACTIONS: dict[str, float] = {
    "½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅖": 0.4, "⅗": 0.6,
    "⅘": 0.8, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875,
}

# Vague plural amounts ("hundreds of", "tens of thousands"): the scale they multiply.
VAGUE_PLURALS: dict[str, float] = {
    "dozens": 12.0, "hundreds": 1e2, "thousands": 1e3, "millions": 1e6, "billions": 1e9,
    "trillions": 1e12, "tens": 10.0, "scores": 20.0,
}
# Vague multipliers in front of a scale word: (low, high) in units of that scale.
# "a few dozen" -> 2..6 dozen (24..72); a bare plural ("hundreds") -> 2..<10 of the scale.
VAGUE_MULTIPLIERS: dict[str, tuple[float, float]] = {
    "a few": (2, 6), "few": (2, 6), "several": (3, 9), "a couple of": (2, 3), "a couple": (2, 3),
    "many": (2, 10), "some": (2, 10),
}
PLURAL_RANGE: tuple[float, float] = (2, 10)

# Zero to ninety written out.
CARDINAL_WORDS: frozenset[str] = frozenset(SMALL_NUMBERS) | frozenset(TENS)
# Scales as written in running text, singular and plural.
SCALE_TERMS: frozenset[str] = frozenset(
    "hundred hundreds thousand thousands million millions billion billions trillion dozen dozens".split())
# Words that make up numbers, never the context of a figure (link/measures).
NUMBER_WORDS: frozenset[str] = CARDINAL_WORDS | SCALE_TERMS | frozenset(
    "trillions half third thirds quarter percent cent pct bn mn m k".split())
# Words that may carry an amount, so a sentence holding one is parsed in a parse-less run
# (extract/condense); wider than NUMBER_WORDS ("several", "a handful"), as a filter must be.
COUNT_TRIGGER_WORDS: frozenset[str] = CARDINAL_WORDS | SCALE_TERMS | frozenset(
    "score scores half quarter third percent several few couple pair twice thrice nil handful".split())
