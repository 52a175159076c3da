"""Parse numbers written in news text: "4,000", "3.6 billion", "six", "twenty-five", "a dozen",
"1.5m", "two-thirds", "1/16", "4 hundred million".

Everything here is pure string work (no spaCy) and never raises: a string that is not a number
gives ``None``. Vague amounts ("hundreds", "a few dozen") are not numbers but ranges; see
:func:`parse_vague`.
"""

from __future__ import annotations

import math
import re

from claimgraph.lexicon.numbers import (
    FRACTION_WORDS,
    PLURAL_RANGE,
    SCALE_ABBREVIATIONS,
    SCALE_WORDS,
    SMALL_NUMBERS,
    TENS,
    UNICODE_FRACTIONS,
    VAGUE_MULTIPLIERS,
    VAGUE_PLURALS,
)

# Digits with optional thousands separators, decimals and exponent: "4,000", "3.6", ".001", "1e-05".
_DIGITS_RE = re.compile(r"(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?")
_FULL_DIGITS_RE = re.compile(rf"(?:{_DIGITS_RE.pattern})\Z")
_FRACTION_RE = re.compile(r"(?:(\d+)\s+)?(\d+)\s*/\s*(\d+)\Z")
_WORD_SPLIT_RE = re.compile(r"[\s\-]+")
_CURRENCY_STRIP_RE = re.compile(r"^(?:US\s?\$|\$US|[$£€¥₹₪₩]|USD|EUR|GBP)\s*")
_TRANSLATE = str.maketrans(
    {"−": "-", "–": "-", "—": "-", "⁄": "/", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "’": "'"}
)


def parse_digits(text: str) -> float | None:
    """A plain digit string ("4,000", "3.6", ".001") as a float, or None."""
    if not _FULL_DIGITS_RE.match(text):
        return None
    try:
        value = float(text.replace(",", ""))
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _word_value(tokens: list[str]) -> float | None:
    """Value of a run of number words and digits ("one hundred and twenty", "4 hundred million")."""
    return _word_run(tokens)[0]


def words_read(text: str) -> int:
    """How many words of the number-word run ``text`` (split at spaces and hyphens) are read
    before one cannot follow the others ("million million": 1); all of them when it parses.

    The reading looks one word ahead at most, so no prefix longer than this plus one is a
    number: callers looking for the longest prefix that parses need not try the rest.
    """
    return _word_run([w for w in _WORD_SPLIT_RE.split(text.lower()) if w])[1]


def _word_run(tokens: list[str]) -> tuple[float | None, int]:
    """``_word_value`` and the index of the token where the reading failed (``len(tokens)``
    when it did not fail part-way)."""
    total = 0.0
    current: float | None = None
    last = ""  # kind of the previous token: digit | unit | teen | tens | hundred | scale | frac
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < n else ""
        if tok == "and":
            # "one hundred and twenty", "one and a half million"
            if last not in ("hundred", "scale", "unit", "teen", "tens", "digit") or not nxt:
                return None, i
            i += 1
            continue
        if tok in ("a", "an"):
            if nxt in SCALE_WORDS or nxt in FRACTION_WORDS:
                if nxt in FRACTION_WORDS and last in ("unit", "teen", "tens", "digit"):
                    # "one and a half": a half added to what came before
                    current = (current or 0.0) + 1.0 / FRACTION_WORDS[nxt]
                    last = "frac"
                    i += 2
                    continue
                if current is not None and last not in ("frac",):
                    return None, i
                if last == "frac":  # "half a million"
                    i += 1
                    continue
                current = 1.0
                last = "unit"
                i += 1
                continue
            return None, i
        digit = parse_digits(tok)
        if digit is not None:
            if current is not None and last != "frac":
                return None, i
            current = digit if current is None else current * digit
            last = "digit"
        elif tok in SMALL_NUMBERS:
            v = SMALL_NUMBERS[tok]
            if last == "tens" and v < 10 and current is not None:
                current += v
                last = "unit"
            elif last in ("unit", "teen", "tens", "digit", "frac"):
                return None, i
            else:
                current = (current or 0.0) + v
                last = "unit" if v < 10 else "teen"
        elif tok in TENS:
            if last in ("unit", "teen", "tens", "digit", "frac"):
                return None, i
            current = (current or 0.0) + TENS[tok]
            last = "tens"
        elif tok in FRACTION_WORDS:
            denom = FRACTION_WORDS[tok]
            if last == "frac":
                return None, i
            if current is None:
                # "half" alone; "third"/"quarter" alone are ordinals or time, not amounts
                if tok not in ("half",):
                    return None, i
                current = 1.0 / denom
            else:
                current = current / denom
            last = "frac"
        elif tok in SCALE_WORDS:
            scale = SCALE_WORDS[tok]
            base = 1.0 if current is None else current
            if scale < 1000:  # hundred, dozen: multiply what is pending
                if last in ("scale",) and current is None:
                    return None, i
                current = base * scale
                last = "hundred"
            else:
                if last == "scale" and current is None:
                    # "hundred thousand" handled above; "million billion" is not a number
                    return None, i
                total += base * scale
                current = None
                last = "scale"
        elif tok in SCALE_ABBREVIATIONS and last in ("digit",):
            total += (current or 0.0) * SCALE_ABBREVIATIONS[tok]
            current = None
            last = "scale"
        else:
            return None, i
        i += 1
    if last == "" or (current is None and last != "scale"):
        return None, n
    return total + (current or 0.0), n


def parse_number(text: str) -> float | None:
    """Parse a number as written: "4,000" "3.6 billion" "six" "twenty-five" "a dozen" "1.5m"
    "two-thirds" "1/16" "½" "minus 5" "$3.6bn". Returns None when ``text`` is not a number;
    never raises."""
    try:
        return _parse_number(text)
    except Exception:  # noqa: BLE001 - the contract is "never raises"
        return None


def _parse_number(text: str) -> float | None:
    if not isinstance(text, str):
        return None
    s = text.translate(_TRANSLATE).strip()
    if not s or len(s) > 200:
        return None
    sign = 1.0
    low = s.lower()
    if low.startswith("minus"):
        sign, s = -1.0, s[5:].lstrip(" -")
    elif s[0] in "-+":
        sign, s = (-1.0 if s[0] == "-" else 1.0), s[1:].lstrip()
    s = _CURRENCY_STRIP_RE.sub("", s)
    if s.endswith("+"):
        s = s[:-1].rstrip()
    if not s:
        return None
    # unicode vulgar fractions, alone or after a whole number ("2½")
    if s[-1] in UNICODE_FRACTIONS:
        head = s[:-1].strip()
        whole = parse_digits(head) if head else 0.0
        return None if whole is None else sign * (whole + UNICODE_FRACTIONS[s[-1]])
    m = _FRACTION_RE.match(s)
    if m:
        whole = float(m.group(1)) if m.group(1) else 0.0
        den = float(m.group(3))
        return None if den == 0 else sign * (whole + float(m.group(2)) / den)
    m = _DIGITS_RE.match(s)
    if m:
        value = parse_digits(m.group(0))
        if value is None:
            return None
        rest = s[m.end() :].strip()
        if not rest:
            return sign * value
        if rest in SCALE_ABBREVIATIONS:  # "1.5m", "$3.6bn", "10k"
            return sign * value * SCALE_ABBREVIATIONS[rest]
        if rest.lower() in SCALE_ABBREVIATIONS:
            return sign * value * SCALE_ABBREVIATIONS[rest.lower()]
    words = [w for w in _WORD_SPLIT_RE.split(s.lower()) if w]
    # "4.3M" style tokens inside a word run are split from their digits
    expanded: list[str] = []
    for w in words:
        dm = _DIGITS_RE.match(w)
        if dm and dm.end() < len(w) and w[dm.end() :] in SCALE_ABBREVIATIONS:
            expanded.extend([dm.group(0), w[dm.end() :]])
        else:
            expanded.append(w)
    value = _word_value(expanded)
    if value is None or not math.isfinite(value):
        return None
    return sign * value


def parse_vague(text: str) -> tuple[float, float] | None:
    """(low, high) of a vague amount: "hundreds" -> (200, 999), "a few dozen" -> (24, 72),
    "tens of thousands" -> (20000, 99999), "several hundred" -> (300, 900). None otherwise."""
    try:
        words = [w for w in _WORD_SPLIT_RE.split(text.translate(_TRANSLATE).strip().lower()) if w]
    except Exception:  # noqa: BLE001
        return None
    words = [w for w in words if w != "of"]
    if not words:
        return None
    mult: tuple[float, float] | None = None
    exclusive = False
    for k in ("a couple", "a few"):
        parts = k.split()
        if words[: len(parts)] == parts:
            mult, words = VAGUE_MULTIPLIERS[k], words[len(parts) :]
            break
    else:
        if words[0] in VAGUE_MULTIPLIERS:
            mult, words = VAGUE_MULTIPLIERS[words[0]], words[1:]
    if not words:
        return None
    scale = 1.0
    first_plural = True
    for w in words:
        if w in VAGUE_PLURALS:
            if w == "tens" and len(words) == 1:
                return None
            if mult is None and first_plural:
                mult = PLURAL_RANGE
            exclusive = True  # "hundreds" stops short of a thousand
            scale *= VAGUE_PLURALS[w]
            first_plural = False
        elif w in SCALE_WORDS and mult is not None:
            scale *= SCALE_WORDS[w]
        else:
            return None
    if mult is None or scale == 1.0:
        return None
    lo, hi = mult
    high = hi * scale - 1 if exclusive else hi * scale
    return lo * scale, high
