"""Number parser: digits, words, scales, fractions, vague amounts; never raises; round-trips."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.extract.numbers import parse_digits, parse_number, parse_vague


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("4,000", 4000),
        ("3.6 billion", 3.6e9),
        ("six", 6),
        ("Ten", 10),
        ("twenty-five", 25),
        ("seventy two", 72),
        ("one hundred and twenty", 120),
        ("three thousand", 3000),
        ("twenty-one thousand five hundred", 21500),
        ("4 hundred million", 4e8),
        ("a dozen", 12),
        ("two dozen", 24),
        ("a million", 1e6),
        ("half a million", 5e5),
        ("one and a half million", 1.5e6),
        ("1.5m", 1.5e6),
        ("$3.6bn", 3.6e9),
        ("10k", 1e4),
        ("two-thirds", 2 / 3),
        ("a third", 1 / 3),
        ("half", 0.5),
        ("1/16", 1 / 16),
        ("1 1/2", 1.5),
        ("½", 0.5),
        ("2½", 2.5),
        (".001", 0.001),
        ("1,000,000.5", 1000000.5),
        ("1e-05", 1e-05),
        ("minus 5", -5),
        ("-4", -4),
        ("300+", 300),
    ],
)
def test_parse_number_examples(text, value):
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "   ", "x", "and", "a", "third", "one two", "five six",
                                  "thousand million", "1/0", "twenty twenty five", "--", "$", "1,23"])
def test_parse_number_rejects_non_numbers(text):
    assert parse_number(text) is None


def test_parse_digits_is_strict():
    assert parse_digits("4,000") == 4000
    assert parse_digits("4,00") is None
    assert parse_digits("four") is None
    assert parse_digits("12a") is None


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("hundreds", 200, 999),
        ("many hundreds", 200, 999),
        ("a few dozen", 24, 72),
        ("dozens", 24, 119),
        ("thousands", 2000, 9999),
        ("tens of thousands", 20000, 99999),
        ("hundreds of thousands", 200000, 999999),
        ("several hundred", 300, 900),
        ("millions", 2e6, 1e7 - 1),
    ],
)
def test_parse_vague(text, low, high):
    assert parse_vague(text) == (low, high)


@pytest.mark.parametrize("text", ["tens", "a few", "several", "hundred", "six", "", "many people"])
def test_parse_vague_rejects(text):
    assert parse_vague(text) is None


# ---------------------------------------------------------------- properties

_SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
          "nineteen"]
_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _words(n: int) -> str:
    """English words for 0 <= n < 1,000,000 (test oracle, independent of the parser)."""
    if n < 20:
        return _SMALL[n]
    if n < 100:
        return _TENS[n // 10] + ("-" + _SMALL[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        return _SMALL[n // 100] + " hundred" + (" and " + _words(rest) if rest else "")
    rest = n % 1000
    return _words(n // 1000) + " thousand" + (" " + _words(rest) if rest else "")


@given(st.text(max_size=60))
@settings(max_examples=400)
def test_parse_number_never_raises(text):
    v = parse_number(text)
    assert v is None or (isinstance(v, float) and math.isfinite(v))
    r = parse_vague(text)
    assert r is None or r[0] <= r[1]


@given(st.integers(min_value=0, max_value=10**15))
def test_round_trip_ints_with_commas(n):
    assert parse_number(f"{n:,}") == n
    assert parse_number(str(n)) == n


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False))
def test_round_trip_floats(x):
    assert parse_number(f"{x:,}") == pytest.approx(x, rel=1e-12, abs=1e-12)
    assert parse_number(repr(x)) == pytest.approx(x, rel=1e-12, abs=1e-12)


@given(st.integers(min_value=0, max_value=999_999))
def test_round_trip_words(n):
    assert parse_number(_words(n)) == n
    assert parse_number(_words(n).upper()) == n


@given(st.integers(min_value=1, max_value=999), st.sampled_from(
    [("hundred", 1e2), ("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12),
     ("bn", 1e9), ("m", 1e6), ("k", 1e3)]))
def test_round_trip_scaled(n, scale):
    word, factor = scale
    sep = "" if len(word) <= 2 else " "
    assert parse_number(f"{n}{sep}{word}") == pytest.approx(n * factor)
    assert parse_number(f"{n / 10:g}{sep}{word}") == pytest.approx(n / 10 * factor)


@given(st.integers(min_value=1, max_value=10**9))
def test_negative_forms(n):
    assert parse_number(f"minus {n}") == -n
    assert parse_number(f"-{n:,}") == -n
