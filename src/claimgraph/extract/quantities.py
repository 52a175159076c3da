"""Find the quantities in a parsed article: counts, money, percentages and measures.

How it works (one left-to-right pass, linear in the text):

1. ``_CORE_RE`` finds a *number core*: digits ("4,000", ".5"), number words ("twenty-five",
   "a dozen"), vague amounts ("hundreds", "a few dozen") or fractions ("two-thirds of").
2. Around each core, small anchored regexes read the left context (modifiers such as "about",
   "more than", "up to"; a currency prefix; a sign) and the right context (scale words, "+",
   percent, currency words, units, a second number making a range, "per" rates).
3. Filters drop what is not an amount: dates, times, years, ordinals, phone and street numbers,
   list numbering, labels ("Game 7", "iPhone 11"), codes glued to letters ("COVID-19", "V10").
   spaCy's entity labels help on bare numbers (DATE/TIME/ORDINAL).
4. For counts, the counted noun phrase ("IS fighters", "family members") is the run of
   adjective/noun tokens (spaCy tags) after the number, or after "of" ("3,500 of their family
   members").

Values stay in the unit as written; ``normalized`` holds pint-normalised values for measures.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import numpy as np
from spacy.attrs import IDX, LOWER
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from claimgraph.extract.numbers import parse_digits, parse_number, parse_vague
from claimgraph.extract.quantity_words import (
    AMBIGUOUS_MONTHS,
    APPROX_MODIFIERS,
    CHANGE_WORDS,
    EXACT_MODIFIERS,
    FRACTION_WORDS,
    IDENTIFIER_NOUNS,
    LOWER_BOUND_MODIFIERS,
    MONTHS,
    NEAR_BELOW_MODIFIERS,
    ONE_PRONOUN_AFTER,
    ONE_PRONOUN_BEFORE,
    REPORTING_LEMMAS,
    SCALE_ABBREVIATIONS,
    SCALE_WORDS,
    SMALL_NUMBERS,
    STREET_SUFFIXES,
    TENS,
    UPPER_BOUND_MODIFIERS,
)
from claimgraph.extract.units import (
    CURRENCY_NAMES,
    CURRENCY_PREFIXES,
    CURRENCY_SUBUNITS,
    CURRENCY_SUFFIX_CODES,
    CURRENCY_WORDS,
    GLUED_ONLY_UNITS,
    RATE_DENOMINATORS,
    SPACED_SINGLE_LETTERS,
    TIME_DENOMINATORS,
    TIME_UNITS,
    UNIT_SYMBOL_RE,
    UNIT_SYMBOLS,
    UNIT_WORD_RE,
    UNIT_WORDS,
    alternation_pattern,
    normalize_measure,
)
from claimgraph.model import Quantity

# ---------------------------------------------------------------- regexes (compiled once)

_SMALL_W = "|".join(sorted(list(SMALL_NUMBERS) + list(TENS), key=len, reverse=True))
_UNIT_W = "one|two|three|four|five|six|seven|eight|nine"
_NUMWORD = rf"(?:(?:{'|'.join(TENS)})-(?:{_UNIT_W})|{_SMALL_W})"
_SCALE_W = "hundred|thousand|million|billion|trillion|dozen"
_FRAC_W = "|".join(sorted(FRACTION_WORDS, key=len, reverse=True))

# Matched against the ASCII-lower-cased text (same offsets): case-insensitive matching with
# (?i) is several times slower in Python's re than matching lower-case literals.
_CORE_RE = re.compile(
    rf"""
    (?P<vague>\b
        (?:(?:a\s+few|several|many|a\s+couple(?:\s+of)?)\s+)?
        (?:tens\s+of\s+(?:thousands|millions|billions)
          |(?:dozens|hundreds|thousands|millions|billions|trillions)(?:\s+of\s+(?:thousands|millions|billions))?)
        |\b(?:a\s+few|several|a\s+couple\s+of)\s+(?:dozen|hundred|thousand|million|billion)
           (?:\s+(?:thousand|million|billion))?
    \b)
    |(?P<frac>\b
        (?:(?:a|one|two|three|four|five|six|seven|eight|nine)[\s-]+(?:{_FRAC_W})|half)
        (?=\s+of\b)
    )
    |(?P<ratio>\b(?:\d+|{_NUMWORD})\s+out\s+of\s+(?:\d+|{_NUMWORD})\b
        |\b(?:one|two|three|four|five|six|seven|eight|nine)\s+in\s+(?:{_NUMWORD})\b(?=\s+[a-z]))
    |(?P<digits>(?<![\d.,])(?:\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d+)(?:\.\d+)?(?![\d])[½⅓⅔¼¾⅛]?|(?<![\d.,])\.\d+(?!\d))
    |(?P<words>\b
        (?:(?:a|an|one)\s+(?=(?:{_SCALE_W})\b))?
        (?:{_NUMWORD}|{_SCALE_W})
        (?:(?:\s+|-)(?:and\s+)?(?:{_NUMWORD}|{_SCALE_W})\b)*
    \b)
    """,
    re.X,
)
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_DIGIT_START_RE = re.compile(r"(?<![\d.,])\.?\d")
_START_WORDS = frozenset(
    list(SMALL_NUMBERS) + list(TENS)
    + "hundred thousand million billion trillion dozen dozens hundreds thousands millions billions trillions"
      " tens several many a half".split()
    + [w + "-" for w in list(SMALL_NUMBERS) + list(TENS)])  # "four-, five- and six-cylinder"
# spaCy's LOWER attribute is the hash of the lower-cased text: compare hashes, sorted for searchsorted
_START_IDS = np.array(sorted(get_string_id(w) for w in _START_WORDS), dtype=np.uint64)
_PHONE_HINT_RE = re.compile(r"\d{3}[\s.-]\d{4}\b|\d{4}\s\d{3}")
_PS_SCALE_RE = re.compile(r"\s?(?:bn|m|k)\b")
_CODE_TAIL_RE = re.compile(r"[\w.:/]*")
_DIGIT_CHARS = frozenset("0123456789.")
_DASHES = frozenset({"-", "–", "—", "‒"})

# Right context ----------------------------------------------------------------------------
_SCI_RE = re.compile(r"\s*[x×]\s*10\s*(?:\^|\*\*)?\s*([-−]?\d+)")
_SCALE_WORD_RE = re.compile(r"(?:\s+|-)?(?i:(hundred|thousand|million|billion|trillion|lakh|crore)"
                            r"(?:\s+(thousand|million|billion))?)\b")
_SCALE_ABBR_RE = re.compile(r"\s?(bn|Bn|mn|mln|bln|tn|trn|MM|k|K|M|B|m|b)(?![A-Za-z0-9])")
_PLUS_RE = re.compile(r"\+(?![\d])|-plus\b|\s+or\s+more\b")
_PERCENT_RE = re.compile(
    r"(?:\s*(?P<pp>(?i:percentage[\s-]+points?)|pp(?![A-Za-z]))"
    r"|\s*(?P<bp>(?i:basis[\s-]+points?)|bps?(?![A-Za-z]))"
    r"|\s*(?P<pct>%|(?i:per[\s-]?cent|percent|pct)(?![a-z])|pc(?![A-Za-z])))"
)
_CUR_WORD_RE = re.compile(rf"(?:\s+|-)(?i:({alternation_pattern(list(CURRENCY_WORDS))}))\b")
_CUR_CODE_SUFFIX_RE = re.compile(r"\s?(USD|EUR|GBP|JPY|CHF|CNY|AUD|CAD|HKD|INR|€|£|¥|₹)(?![A-Za-z])=?")
_US_SUFFIX_RE = re.compile(r"\s(U\.S\.|US)(?![A-Za-z])")
_SUBUNIT_RE = re.compile(r"(?:\s?(?i:(cents?|pence|penny|sen))\b|(¢)|(?P<p>\s?p)(?![A-Za-z]|\.[A-Za-z]))")
_AGE_RE = re.compile(r"(?:\s*|-)(?i:(years?|months?|weeks?|days?)[\s-]old)\b")
_UNIT_SYM_RE = re.compile(rf"(?:\s?|-)({UNIT_SYMBOL_RE})(?![A-Za-z0-9²³])")
_UNIT_WORD_RE_C = re.compile(rf"(?:\s*|-)(?i:({UNIT_WORD_RE}))(?![A-Za-z])")
_GLUED_RE = re.compile(rf"({'|'.join(sorted(GLUED_ONLY_UNITS, key=len, reverse=True))})(?![A-Za-z0-9²³'’])")
_SPACED_SINGLE_RE = re.compile(rf" ([{''.join(SPACED_SINGLE_LETTERS)}p])(?=[\s,;:)\]]|\.(?:\s|$)|$)")
_RATE_RE = re.compile(r"(?:\s*(?:per|/)\s*|\s+an?\s+|-an?-)((?:square\s+|sq\.?\s+|cubic\s+)?[A-Za-z][A-Za-z]*)")
_RANGE_SEP_RE = re.compile(r"(?:\s*(?:-|–|—|‒)\s*|\s+(?:to|through|and|or)(?:\s+|-)|\s+to\s*-\s*)")
_TIME_AFTER_RE = re.compile(
    r"(?::\d\d)|(?:\s?(?i:a\.m\.?|p\.m\.?|am|pm|o'clock|o’clock)(?![A-Za-z]))"
    r"|(?:\s(?:GMT|BST|UTC|EST|EDT|PST|PDT|CST|CDT|ET|PT|CT|MT)\b)"
)
_MONTH_RE = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_MONTH_AFTER_RE = re.compile(rf"(?:st|nd|rd|th)?(?:\s+of)?\s+({_MONTH_RE})(?![A-Za-z])", re.I)
_MONTH_BEFORE_RE = re.compile(rf"(?<![A-Za-z])({_MONTH_RE})\.?,?\s+(?:the\s+)?\Z", re.I)
_MONTH_YEAR_BEFORE_RE = re.compile(rf"(?<![A-Za-z])({_MONTH_RE})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\Z", re.I)
_ORDINAL_RE = re.compile(r"(?:st|nd|rd|th)(?![A-Za-z])", re.I)
_GLUED_S_RE = re.compile(r"['’′]?s(?![A-Za-z])")
_STREET_RE = re.compile(
    r"(?:-\d+)?\s+(?:[NSEW]\.?\s+)?(?:\d+(?:st|nd|rd|th)\s+|[A-Z][\w'.-]*\s+){0,3}"
    rf"(?:{'|'.join(re.escape(s.title()) for s in sorted(STREET_SUFFIXES, key=len, reverse=True))})(?![a-z])"
)
_PHONE_RE = re.compile(
    r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b|\b0\d{2,4}\s\d{3,4}\s\d{3,4}\b"
)
_NUMBER_SIGN_BEFORE_RE = re.compile(r"(?:\b(?:No|Nos|no|Num|nr|Nr)\.|[#№])\s*\Z")
_CODE_PAREN_AFTER_RE = re.compile(r"\([a-z]\)")
_ZIP_AFTER_RE = re.compile(r"\s+(?i:zip|postcode|postal)\b")
_VERSION_RE = re.compile(r"\.\d")
_LIST_AFTER_RE = re.compile(r"[.)]\s")
_CAPITAL_AFTER_RE = re.compile(r" [A-Z]")
_TITLE_AFTER_RE = re.compile(r"\s+[A-Z][a-z]")
_COMMA_AFTER_RE = re.compile(r"\s*[,)]")
_OF_AFTER_RE = re.compile(r"\s+of\b")
_ZIP_BEFORE_RE = re.compile(r"(?i:zip\s+code)\s*\Z")
_RATIO_SPLIT_RE = re.compile(r"\s+(?:out\s+of|in)\s+", re.I)
_SPACED_P_AFTER_RE = re.compile(r"\s*(?:[,;.)]|at\b|to\b|from\b|$)")
_WORD_END_RE = re.compile(r"[A-Za-z]+\Z")
_CAPS_END_RE = re.compile(r"[A-Z]{2,}\s\Z")
_WORD_RE = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)?")
_FRACTION_RE = re.compile(r"(\d+)\s*[/⁄]\s*(\d+)(?![\d/⁄])")
_SLASHED_RE = re.compile(r"[\d/⁄.-]+")
_LINE_START_RE = re.compile(r"(?:^|\n)[ \t]*\Z")

# Left context ------------------------------------------------------------------------------
_MODIFIERS: dict[str, str] = {}
for _m in APPROX_MODIFIERS:
    _MODIFIERS[_m] = "approx"
for _m in NEAR_BELOW_MODIFIERS:
    _MODIFIERS[_m] = "near"
for _m in LOWER_BOUND_MODIFIERS:
    _MODIFIERS[_m] = "lower"
for _m in UPPER_BOUND_MODIFIERS:
    _MODIFIERS[_m] = "upper"
for _m in EXACT_MODIFIERS:
    _MODIFIERS[_m] = "exact"
for _m in ("between", "from"):
    _MODIFIERS[_m] = "range"
_CUR_PREFIX_AT_RE = re.compile(rf"({alternation_pattern(list(CURRENCY_PREFIXES))})\s?")
_SYMBOL_NAMES = {"″": "inch", "′": "foot", "Ω": "ohm"}  # units that are not word characters
_LAST_WORD_RE = re.compile(r"([A-Za-z]+)[^A-Za-z]*\Z")
_ALLOWED_HYPHEN_PREFIX = frozenset({"minus", "sub", "now", "nearly", "almost", "about", "some", "over", "under"})
_WINDOW = 48

# Plural nouns that make a glued lower-case "m" mean millions ("1.5m people"), not metres.
_VIDEO_LINES = frozenset({240.0, 360.0, 480.0, 720.0, 1080.0, 1440.0, 2160.0, 4320.0})
_PERSON_PLURALS = frozenset({"people", "men", "women", "children", "persons", "staff", "police", "cattle"})
_AGE_BEFORE_RE = re.compile(r"\b(?:age|ages|aged)\s+(?:of\s+)?\Z", re.I)
_APPOSITIVE_AGE_RE = re.compile(r"[A-Z][\w.'’-]*,\s*(?:then\s+|now\s+|aged\s+)?\Z")


@dataclass(slots=True)
class _Amount:
    """One number as read from the text, with what is glued to it."""

    start: int
    end: int
    value: float | None
    low: float | None = None
    high: float | None = None
    kind: str = "count"  # count | money | percent | measure
    unit: str | None = None  # as output
    unit_expr: str | None = None  # pint expression, for normalisation
    currency: str | None = None
    counted: str | None = None  # counted noun implied by the unit (currency names)
    scaled: bool = False
    vague: bool = False
    is_word: bool = False
    plus: bool = False
    own_unit: bool = False  # unit/currency written right at this number
    num_end: int = 0  # end of the number itself (before units)
    hyphen_time_adj: bool = False
    subunit_of: str | None = None  # ISO code of the main unit for cents, pence


# ---------------------------------------------------------------- token lookup helpers


class _TokenIndex:
    """Character offset -> spaCy token, by bisection over token starts."""

    def __init__(self, doc: Doc, text: str) -> None:
        self.doc = doc
        self.starts: list[int] = doc.to_array("IDX").tolist() if len(doc) else []
        self.low = text.translate(_ASCII_LOWER)

    def at(self, char: int) -> Token | None:
        """The token covering ``char`` (or the next token after whitespace)."""
        if not self.starts:
            return None
        i = bisect.bisect_right(self.starts, char) - 1
        if i < 0:
            return self.doc[0]
        tok = self.doc[i]
        if char >= tok.idx + len(tok.text) and i + 1 < len(self.doc):
            return self.doc[i + 1]
        return tok

    def first_from(self, char: int) -> Token | None:
        """The first token starting at or after ``char``."""
        i = bisect.bisect_left(self.starts, char)
        return self.doc[i] if i < len(self.doc) else None

    def last_before(self, char: int) -> Token | None:
        """The last token ending at or before ``char``."""
        i = bisect.bisect_left(self.starts, char) - 1
        while i >= 0:
            tok = self.doc[i]
            if tok.idx + len(tok.text) <= char:
                return tok
            i -= 1
        return None


# ---------------------------------------------------------------- reading one number


def _core_value(m: re.Match[str]) -> tuple[float | None, float | None, float | None, bool, bool]:
    """(value, low, high, is_word, vague) for a core match."""
    text = m.group(0)
    if m.group("digits") is not None:
        value = parse_digits(text) if text[-1].isdigit() else parse_number(text)  # "2½"
        return value, None, None, False, False
    if m.group("vague") is not None:
        rng = parse_vague(text)
        if rng is None:
            return None, None, None, True, True
        return None, rng[0], rng[1], True, True
    if m.group("ratio") is not None:
        parts = _RATIO_SPLIT_RE.split(text)
        a, b = parse_number(parts[0]), parse_number(parts[1])
        if a is None or not b:
            return None, None, None, True, False
        return a / b, None, None, True, False
    return parse_number(text), None, None, True, False


class _BackMatcher:
    """Match one of a set of phrases that *ends* at a position (optionally followed by spaces or
    a hyphen), by matching the reversed phrases against the reversed text before it: one anchored
    match instead of a search over a window."""

    def __init__(self, phrases: list[str], flags: int = 0, gap: str = r"[\s-]*",
                 boundary: str = r"(?:(?<=\W)|(?!\w))") -> None:
        alts = sorted(set(phrases), key=len, reverse=True)
        pat = "|".join(re.escape(p[::-1]).replace(r"\ ", r"\s+") for p in alts)
        self._re = re.compile(rf"{gap}({pat}){boundary}", flags)

    def match(self, text: str, pos: int) -> tuple[int, str] | None:
        """(start of the phrase, phrase as written) or None."""
        window = text[max(0, pos - _WINDOW):pos][::-1]
        m = self._re.match(window)
        if not m:
            return None
        start = pos - m.end(1)
        return start, text[start:pos - m.start(1)]


_MOD_BACK = _BackMatcher(list(_MODIFIERS), flags=re.I)
_CUR_BACK = _BackMatcher(list(CURRENCY_PREFIXES), gap=r"\s?", boundary=r"(?:(?<=[^A-Za-z])|(?![A-Za-z]))")


def _currency_before(text: str, pos: int) -> tuple[int, str] | None:
    """(start, ISO code) of a currency prefix ending at ``pos``."""
    hit = _CUR_BACK.match(text, pos)
    if hit is None:
        return None
    iso = CURRENCY_PREFIXES.get(re.sub(r"\s+", " ", hit[1]))
    return (hit[0], iso) if iso else None


def _left_context(text: str, start: int) -> tuple[int, list[tuple[str, str]], str | None, int, int]:
    """Read modifiers, currency prefix and sign in front of ``start``.

    Returns (new start, [(modifier, kind)], currency ISO, currency start, sign)."""
    sign = 1
    pos = start
    # sign: "-50", "minus 5", "minus-130", "−5"
    if pos > 0 and text[pos - 1] in "-−":
        before = text[max(0, pos - 12):pos - 1].lower()
        if before.endswith("minus") or before.endswith("minus "):
            sign, pos = -1, pos - 1 - (6 if before.endswith("minus ") else 5)
        elif text[pos - 1] == "−" or (pos == 1 or text[pos - 2] in " \t\n($=:") and not re.search(
                r"[A-Z]{2,}\s*\Z", text[max(0, pos - 12):pos - 1]):
            sign, pos = -1, pos - 1
    elif text[max(0, pos - 6):pos].lower() == "minus ":
        sign, pos = -1, pos - 6
    cur = None
    cur_start = -1
    hit = _currency_before(text, pos)
    if hit is None and sign == 1 and pos > 1 and text[pos - 1] in "-−":
        hit = _currency_before(text, pos - 1)  # "$-50.8bn": the sign between currency and digits
        if hit is not None:
            sign = -1
    if hit is not None:
        cur_start, cur = hit
        pos = cur_start
    mods: list[tuple[str, str]] = []
    for _ in range(3):
        mh = _MOD_BACK.match(text, pos)
        if mh is None:
            break
        word = re.sub(r"\s+", " ", mh[1].lower())
        mods.append((word, _MODIFIERS.get(word, "exact")))
        pos = mh[0]
    return pos, mods, cur, cur_start, sign


def _read_unit(text: str, pos: int, amt: _Amount, money_ctx: bool) -> int:
    """Read percent / currency / unit right after ``pos``; fill ``amt``; return new end."""
    # ages: "50 year-old", "18 month-old"
    m = _AGE_RE.match(text, pos)
    if m:
        amt.kind, amt.unit = "measure", m.group(0).strip(" -").lower()
        amt.unit_expr = m.group(1).lower().rstrip("s")
        amt.own_unit = True
        return m.end()
    m = _PERCENT_RE.match(text, pos)
    if m:
        if m.group("pp"):  # a difference of percentages, not comparable with a percent
            amt.kind, amt.unit = "measure", "percentage points"
        elif m.group("bp"):
            amt.kind, amt.unit = "measure", "basis points"
        else:
            amt.kind, amt.unit = "percent", "percent"
        amt.own_unit = True
        return m.end()
    if amt.currency is None:
        m = _CUR_WORD_RE.match(text, pos)
        if m:
            word = m.group(1)
            iso = CURRENCY_WORDS[re.sub(r"\s+", " ", word.lower())]
            if word.lower() in ("pounds",) and not money_ctx and not amt.scaled:
                pass  # weight, read below as a unit
            else:
                amt.kind, amt.currency, amt.unit, amt.counted = "money", iso, iso, word
                amt.own_unit = True
                return m.end()
        m = _CUR_CODE_SUFFIX_RE.match(text, pos)
        if m:
            iso = CURRENCY_SUFFIX_CODES[m.group(1)]
            amt.kind, amt.currency, amt.unit = "money", iso, iso
            amt.counted = CURRENCY_NAMES.get(iso)
            amt.own_unit = True
            return m.end()
        m = _SUBUNIT_RE.match(text, pos)
        if m and (m.group("p") is None or money_ctx or m.group("p") == "p" or _spaced_p_ok(text, m.end())) \
                and not (m.group("p") == "p" and amt.value in _VIDEO_LINES):  # "1080p" is a resolution
            word = (m.group(1) or m.group(2) or "p").lower()
            unit, parent, counted = CURRENCY_SUBUNITS.get(word, CURRENCY_SUBUNITS["p"])
            amt.kind, amt.unit, amt.counted, amt.currency = "money", unit, counted, None
            amt.subunit_of = parent
            amt.own_unit = True
            return m.end()
    else:
        m = _CUR_WORD_RE.match(text, pos)  # "$667.7 million dollars"
        if m and CURRENCY_WORDS.get(re.sub(r"\s+", " ", m.group(1).lower())) == amt.currency:
            return m.end()
        m = _US_SUFFIX_RE.match(text, pos)
        if m and amt.currency == "USD":
            pos = m.end()
        m = _CUR_CODE_SUFFIX_RE.match(text, pos)  # "$1.1396 EUR="
        if m and m.group(1) in ("EUR", "JPY", "GBP", "USD", "CHF"):
            pos = m.end()
        return pos
    # units of measure: longest of symbol / word
    best: tuple[int, str, str | None] | None = None
    m = _UNIT_SYM_RE.match(text, pos)
    if m:
        best = (m.end(), m.group(1), UNIT_SYMBOLS.get(m.group(1)))
    m = _UNIT_WORD_RE_C.match(text, pos)
    if m and (best is None or m.end() > best[0]):
        key = re.sub(r"\s+", " ", m.group(1).lower())
        best = (m.end(), m.group(1), UNIT_WORDS.get(key))
    if best is None:
        m = _GLUED_RE.match(text, pos)
        if m:
            best = (m.end(), m.group(1), GLUED_ONLY_UNITS.get(m.group(1)))
        else:
            m = _SPACED_SINGLE_RE.match(text, pos)
            if m and m.group(1) != "p":
                best = (m.end(), m.group(1), GLUED_ONLY_UNITS.get(m.group(1)))
    if best is None:
        return pos
    end, surface, expr = best
    surface = re.sub(r"\s+", " ", surface)
    amt.kind = "measure"
    amt.unit = surface if (surface in UNIT_SYMBOLS or surface in GLUED_ONLY_UNITS) else surface.lower()
    amt.unit = _SYMBOL_NAMES.get(amt.unit, amt.unit)
    amt.unit_expr = expr
    amt.own_unit = True
    base = (expr or "").split("/")[0].split("*")[-1].strip()  # "10 * year" (decade) -> "year"
    if base in TIME_UNITS and text[pos:pos + 1] == "-" and not text[end:end + 4].lower().startswith("-old"):
        amt.hyphen_time_adj = True
    return end


def _spaced_p_ok(text: str, end: int) -> bool:
    """A spaced "p" (pence) only before punctuation or a preposition: "down 68 p at 1112 p"."""
    return bool(_SPACED_P_AFTER_RE.match(text, end, end + 6))


def _read_rate(text: str, pos: int, amt: _Amount) -> int:
    """'per barrel', '/h', 'a month', '-a-day' after a unit or currency."""
    m = _RATE_RE.match(text, pos)
    if not m:
        return pos
    den = m.group(1)
    den_l = re.sub(r"\s+", " ", den.lower())
    core = den_l.split()[-1]
    sep = m.group(0)[: m.start(1) - m.start(0)].strip(" -").lower()
    singular = core[:-1] if core.endswith("s") and core[:-1] in RATE_DENOMINATORS else core
    if sep in ("a", "an"):
        ok = singular in TIME_DENOMINATORS or singular in ("barrel", "ounce", "share", "gallon", "head",
                                                           "piece", "pound", "ton", "tonne", "litre")
    else:
        ok = singular in RATE_DENOMINATORS or den in UNIT_SYMBOLS or den_l in UNIT_WORDS
    if not ok:
        return pos
    if den_l in ("square", "sq", "cubic"):
        return pos
    amt.unit = f"{amt.unit} per {den_l}" if amt.unit else f"per {den_l}"
    if amt.unit_expr:
        den_expr = UNIT_WORDS.get(den_l) or UNIT_SYMBOLS.get(den)
        amt.unit_expr = f"({amt.unit_expr})/({den_expr})" if den_expr else None
    return m.end()


def _read_amount(text: str, m: re.Match[str], cur: str | None, ti: _TokenIndex) -> _Amount | None:
    """Read the number at core match ``m`` and everything glued after it."""
    value, low, high, is_word, vague = _core_value(m)
    if value is None and low is None:
        return None
    amt = _Amount(start=m.start(), end=m.end(), value=value, low=low, high=high, is_word=is_word,
                  vague=vague, currency=cur)
    if cur:
        amt.kind, amt.unit, amt.own_unit = "money", cur, True
        amt.counted = CURRENCY_NAMES.get(cur)
    pos = m.end()
    if m.group("digits") is not None:
        sm = _SCI_RE.match(text, pos)
        if sm:
            exp = int(sm.group(1).replace("−", "-"))
            if abs(exp) < 300:
                amt.value = _round_sig(value * 10.0 ** exp) if value is not None else None
                pos = sm.end()
    if not vague and m.group("frac") is None and m.group("ratio") is None:
        sm = _SCALE_WORD_RE.match(text, pos)
        if sm and not is_word:
            scale = SCALE_WORDS[sm.group(1).lower()]
            if sm.group(2):
                scale *= SCALE_WORDS[sm.group(2).lower()]
            amt.value = _round_sig((amt.value or 0.0) * scale)
            amt.scaled = True
            pos = sm.end()
        elif not is_word:
            sm = _SCALE_ABBR_RE.match(text, pos)
            if sm:
                abbr = sm.group(1)
                spaced = sm.group(0).startswith(" ")
                money_after = bool(_CUR_WORD_RE.match(text, sm.end()))
                if abbr in ("m", "b", "B", "k", "K") and not (cur or money_after):
                    ok = False
                    nxt = ti.first_from(sm.end())
                    near = nxt is not None and nxt.idx <= sm.end() + 1
                    if abbr in ("k", "K") and not spaced:
                        # "10k followers" is 10,000; "a 10K race", "4K TV" are labels
                        ok = not (near and nxt.tag_ in ("NN", "NNP") and not nxt.is_punct)
                    elif abbr == "m" and not spaced:
                        ok = bool(near and (nxt.tag_ in ("NNS", "NNPS") or nxt.lower_ in _PERSON_PLURALS))
                elif spaced and abbr not in ("bn", "mn", "mln", "bln", "tn", "trn"):
                    ok = bool(cur)
                else:
                    ok = True
                if ok:
                    amt.value = _round_sig((amt.value or 0.0) * SCALE_ABBREVIATIONS[abbr])
                    amt.scaled = True
                    pos = sm.end()
    amt.num_end = pos
    pm = _PLUS_RE.match(text, pos)
    if pm:
        amt.plus = True
        pos = pm.end()
    pos = _read_unit(text, pos, amt, money_ctx=bool(cur) or amt.scaled)
    if amt.unit and (amt.kind in ("money", "measure")):
        pos = _read_rate(text, pos, amt)
    amt.end = pos
    return amt


# ---------------------------------------------------------------- filters


def _glued_left_ok(text: str, start: int, cur: str | None) -> bool:
    """A number glued to letters on its left is a code ("V10", "COVID-19"), unless a currency."""
    if start == 0:
        return True
    c = text[start - 1]
    if c.isalpha():
        return cur is not None
    if c in "-‑" and start >= 2:
        b = text[start - 2]
        if b.isalpha():
            word = _WORD_END_RE.search(text, max(0, start - 20), start - 1)
            return bool(word and word.group(0).lower() in _ALLOWED_HYPHEN_PREFIX)
        if b.isdigit():  # "1990-91", handled as a range elsewhere
            return False
        if b in " \t" and _CAPS_END_RE.search(text, max(0, start - 20), start - 1):
            return False  # "COVID -19"
    if c in "'’′#№" or (c in ".:" and start >= 2 and text[start - 2].isdigit()):
        return False
    if c == "/" and start >= 2 and text[start - 2].isdigit():
        return False
    return True


def _glued_right_kind(text: str, end: int) -> str | None:
    """What is glued right after digits: 'ordinal', 'decade', 'version', 'time', 'code' or None."""
    if end >= len(text):
        return None
    c = text[end]
    if c == ":" and end + 1 < len(text) and text[end + 1].isdigit():
        return "time"
    if c == "." and _VERSION_RE.match(text, end):
        return "version"
    if c in "/⁄" and end + 1 < len(text) and text[end + 1].isdigit():
        return "slash"
    if c.isalpha() or c in "'’′":
        if _ORDINAL_RE.match(text, end):
            return "ordinal"
        if _GLUED_S_RE.match(text, end):
            return "decade"
        return "letters"
    return None


def _is_year_like(amt: _Amount, core: str) -> bool:
    v = amt.value
    return (v is not None and not amt.is_word and "," not in core and "." not in core
            and 1000 <= v <= 2199 and v == int(v) and len(core) == 4)


def _ent(ti: _TokenIndex, start: int) -> str:
    tok = ti.at(start)
    return tok.ent_type_ if tok is not None else ""


# ---------------------------------------------------------------- counted noun phrase

_SUSPENDED_RE = re.compile(
    r"-(?:,\s*|\s+)(?:(?:and|or|to)\s+)?(?:[\w.]+-(?:,\s*|\s+)(?:(?:and|or|to)\s+)?)*[\w.]+-([A-Za-z]+)")
_NP_SKIP_FIRST = frozenset("the a an their his her its our your my these those this that such all some".split())
_MAX_NP = 6
_NOT_NP_START = frozenset("last next this that these those every each per".split())


def _numberish(t: Token) -> bool:
    """Digits or a cardinal number word (spaCy's like_num also accepts ordinals like "first")."""
    low = t.lower_
    return any(c.isdigit() for c in low) or low in SMALL_NUMBERS or low in TENS or low in SCALE_WORDS


def _np_token(t: Token, doc: Doc) -> bool:
    """Can ``t`` sit inside the counted noun phrase?"""
    if t.pos_ in ("ADJ", "NOUN", "PROPN"):
        return True
    if t.pos_ == "VERB" and t.tag_ in ("VBN", "VBG") and t.dep_ in ("amod", "compound", "nmod"):
        return True  # "recorded songs", "rushing yards"
    if len(t.text) >= 2 and t.text.isupper() and t.text.isalpha():
        return True  # acronyms the tagger sometimes reads as verbs: "IS fighters"
    if t.text in ("-", "‑") and t.i + 1 < len(doc) and t.whitespace_ == "":
        return True
    if _numberish(t) and t.i > 0 and doc[t.i - 1].text[:1].isupper() and doc[t.i - 1].pos_ in ("PROPN", "NOUN"):
        return True  # "Model 3s"
    if _numberish(t) and t.i + 1 < len(doc) and doc[t.i + 1].text[:1].isupper():
        return True  # "737 Max jets"
    return False


def _np_run(doc: Doc, i: int) -> tuple[int, int] | None:
    """The noun phrase starting at token ``i``: (first, head) token indices, head = last noun."""
    if _numberish(doc[i]) or doc[i].is_punct or doc[i].lower_ in _NOT_NP_START:
        return None  # "30 40 50" is a list of numbers; "2.1 last year" a time
    j = i
    head = -1
    n = len(doc)
    while j < n and j - i < _MAX_NP:
        t = doc[j]
        if not _np_token(t, doc):
            # "digital and physical sales": a conjunction inside the phrase, before its noun
            if not (t.pos_ == "CCONJ" and head < i and j + 1 < n and doc[j + 1].pos_ in ("ADJ", "NOUN", "PROPN")):
                break
        elif t.pos_ in ("NOUN", "PROPN") or (t.text.isupper() and len(t.text) >= 2) or (_numberish(t) and j > i):
            head = j
        if t.pos_ == "NOUN" and t.tag_ == "NNS" and not (j + 1 < n and doc[j + 1].pos_ in ("NOUN", "PROPN")):
            break  # a plural noun ends the phrase: "22 goals in ..."
        j += 1
    if head < i:
        return None
    return i, head


def _counted(ti: _TokenIndex, amt: _Amount, text: str) -> tuple[str | None, int | None, Token | None]:
    """(counted noun phrase, char end to extend the quantity's text to, head token)."""
    sm = _SUSPENDED_RE.match(text, amt.end)
    if sm:  # "four-, five- and six-cylinder engines": the noun comes after the last number
        return sm.group(1), None, None
    nxt = ti.first_from(amt.end)
    if nxt is None:
        return None, None, None
    if nxt.text in ("-", "‑") and nxt.idx == amt.end and nxt.i + 1 < len(ti.doc):
        nxt = ti.doc[nxt.i + 1]  # "three-point range", "six-cylinder"
    if text[amt.end:nxt.idx].strip(" -"):
        return None, None, None
    if nxt.lower_ == "of":
        return _counted_of(ti, nxt)
    run = _np_run(ti.doc, nxt.i)
    if run is None:
        return None, None, None
    first, head = run
    span = ti.doc[first:head + 1]
    return span.text, span.end_char, ti.doc[head]


def _counted_of(ti: _TokenIndex, of: Token) -> tuple[str | None, int | None, Token | None]:
    """"3,500 of their family members" -> "family members"; the quantity's text is extended
    over the phrase unless it holds another number ("two-thirds of the 4.3M sales")."""
    doc = ti.doc
    j = of.i + 1
    has_num = False
    while j < len(doc) and j - of.i <= 4 and (
            doc[j].lower_ in _NP_SKIP_FIRST or doc[j].tag_ == "PRP$" or _numberish(doc[j])
            or (doc[j].pos_ == "ADV" and not (j + 1 < len(doc) and doc[j + 1].text == "-"))):
        has_num = has_num or _numberish(doc[j])
        j += 1
    if j >= len(doc):
        return None, None, None
    run = _np_run(doc, j)
    if run is None:
        return None, None, None
    first, head = run
    if head + 2 < len(doc) and doc[head + 1].tag_ == "POS" and doc[head + 2].lower_ != "worth":
        # "one of Trump's nominees": the possessor is not what is counted
        k = head + 2
        while k < len(doc) and k - head < 5 and (_numberish(doc[k]) or doc[k].lower_ in _NP_SKIP_FIRST):
            has_num = has_num or _numberish(doc[k])
            k += 1
        run2 = _np_run(doc, k) if k < len(doc) else None
        if run2 is not None:
            first, head = run2
    span = doc[first:head + 1]
    has_num = has_num or any(_numberish(t) for t in span)
    return span.text, (None if has_num else span.end_char), doc[head]


# ---------------------------------------------------------------- main entry point


def find_quantities(doc: Doc) -> list[Quantity]:
    """Every quantity in ``doc``. Offsets (``start``/``end``) are character offsets into
    ``doc.text`` and ``text == doc.text[start:end]``. Dates, times, years, ordinals, phone
    and street numbers, list numbering and labels ("Game 7") are left out."""
    text = doc.text
    if not text or len(doc) == 0:
        return []
    ti = _TokenIndex(doc, text)
    low = ti.low
    phones = [(m.start(), m.end()) for m in _PHONE_RE.finditer(text)] if _PHONE_HINT_RE.search(text) else []
    phone_starts = [p[0] for p in phones]
    out: list[Quantity] = []
    consumed = 0  # end of the last quantity: its text is not read again
    skip_until = 0  # end of the last span decided on (quantity or not)
    for cand in _candidates(doc, ti):
        if cand < skip_until:
            continue
        m = _CORE_RE.match(low, cand)
        if m is None:
            continue
        if m.group("words") is not None:
            m = _shrink_words(low, m)
        if phones:
            k = bisect.bisect_right(phone_starts, m.start()) - 1
            if k >= 0 and phones[k][0] <= m.start() < phones[k][1]:
                skip_until = phones[k][1]
                continue
        q, end = _build(text, m, ti, consumed)
        skip_until = max(skip_until, end, m.end())
        if q is not None:
            out.append(q)
            consumed = max(consumed, q.end)
    return out


def _candidates(doc: Doc, ti: _TokenIndex) -> list[int]:
    """Character offsets where a number core may start: every digit run (found in the text,
    so digits inside tokens such as "37m(121ft)" count) and every token that is a number word
    or vague amount (found with spaCy's LOWER array, without a Python loop over tokens)."""
    digits = [m.start() for m in _DIGIT_START_RE.finditer(ti.low)]
    arr = doc.to_array([LOWER, IDX])
    col = arr[:, 0]
    hit = _START_IDS[np.minimum(np.searchsorted(_START_IDS, col), len(_START_IDS) - 1)] == col
    words = arr[hit, 1].tolist() if hit.any() else []
    if not words:
        return digits
    return sorted(set(digits).union(words))


def _shrink_words(text: str, m: re.Match[str]) -> re.Match[str]:
    """Cut a word-number run back to its longest prefix that parses ("three and four" -> "three")."""
    if parse_number(m.group(0)) is not None:
        return m
    words = list(_WORD_RE.finditer(m.group(0)))
    for k in range(len(words) - 1, 0, -1):
        end = m.start() + words[k - 1].end()
        if parse_number(text[m.start():end]) is not None:
            sub = _CORE_RE.match(text, m.start(), end)
            if sub is not None and sub.end() == end:
                return sub
    sub = _CORE_RE.match(text, m.start(), m.start() + words[0].end()) if words else None
    return sub if sub is not None else m


def _build(text: str, m: re.Match[str], ti: _TokenIndex, consumed: int) -> tuple[Quantity | None, int]:
    """The quantity whose number core is ``m``, or None; and the text offset decided up to."""
    start = m.start()
    qstart, mods, cur, cur_start, sign = _left_context(text, start)
    qstart = max(qstart, consumed)
    if cur is not None and cur_start < consumed:
        cur = None
    if cur == "GBP" and text[cur_start:cur_start + 2] == "PS" and not _ps_is_pound(text, m):
        return None, m.end()
    if m.group("digits") is not None:
        if sign == 1 and not _glued_left_ok(text, start, cur):
            return None, m.end()
        glued = _glued_right_kind(text, m.end())
        if glued in ("ordinal", "decade", "version", "time"):
            return None, _skip_code(text, m.end())
        if glued == "slash":
            return _fraction_or_skip(text, m, ti, qstart)
    amt = _read_amount(text, m, cur, ti)
    if amt is None:
        return None, m.end()
    if sign == -1 and amt.value is not None:
        amt.value = -amt.value
    if not amt.own_unit and not amt.plus and amt.num_end == m.end() and (
            _glued_right_kind(text, m.end()) == "letters" or _TIME_AFTER_RE.match(text, m.end())):
        return None, _skip_code(text, m.end())  # "5G", "X6", "3s", "5pm": a code or a time
    # ranges: "six to seven kilometres", "$3 billion to $5 billion", "between 5% and 6%"
    second: _Amount | None = None
    rm = _RANGE_SEP_RE.match(text, amt.end)
    if rm and not amt.vague:
        second = _try_range(text, amt, rm, mods, ti)
    if second is None and any(k == "range" for _, k in mods):
        # "from"/"between" without a second number is not part of the quantity
        mods = mods[: next(i for i, (_, k) in enumerate(mods) if k == "range")]
        qstart = max(consumed, _mods_start(text, cur_start if cur else amt.start, mods))
    last = second or amt  # where the unit and counted noun are read
    # the counted noun phrase, for counts
    counted, cend, head = None, None, None
    if (last.kind if last.unit else amt.kind) == "count":
        counted, cend, head = _counted(ti, last, text)
    if _not_a_quantity(text, m, amt, second, qstart, ti, mods, counted, head):
        return None, max(m.end(), second.end if second is not None else 0)
    q = _assemble(text, amt, second, qstart, mods)
    if q.kind == "count" and head is not None and second is None and _label_head(amt, head):
        return None, max(m.end(), cend or 0)  # "11 Pro Max", "787 Dreamliner"
    if counted is not None:
        q.counted = counted
        if cend is not None and cend > q.end:
            q.end = cend
        iso = CURRENCY_WORDS.get(counted.lower())
        if iso and q.kind == "count":  # "tens of millions of dollars"
            q.kind, q.unit = "money", iso
    elif last.counted is not None or amt.counted is not None:
        q.counted = last.counted or amt.counted
    _normalise(q, last if last.unit else amt)
    q.text = text[q.start:q.end]
    # trim spaces/hyphens a unit regex may have left at the edges
    stripped = q.text.rstrip(" -\n\t")
    q.end -= len(q.text) - len(stripped)
    lstripped = stripped.lstrip()
    q.start += len(stripped) - len(lstripped)
    q.text = lstripped
    return q, q.end


def _ps_is_pound(text: str, m: re.Match[str]) -> bool:
    """"PS" is a mis-encoded "£" in some feeds ("PS2.7m", "PS21,700"), but "PS5" is a console."""
    v = parse_digits(m.group(0))
    return v is not None and (v >= 10 or "." in m.group(0) or bool(_PS_SCALE_RE.match(text, m.end())))


def _skip_code(text: str, end: int) -> int:
    """End of a code or time glued to a number ("4:39", "3.4.1", "5G"), so its parts are skipped."""
    cm = _CODE_TAIL_RE.match(text, end)
    return cm.end() if cm else end


def _not_a_quantity(text: str, m: re.Match[str], amt: _Amount, second: _Amount | None, qstart: int,
                    ti: _TokenIndex, mods: list[tuple[str, str]], counted: str | None,
                    head: Token | None) -> bool:
    """Dates, labels, addresses and the like, decided once the number has been read."""
    bare = not amt.own_unit and not amt.vague
    if second is None:
        if bare and _skip_bare(text, m, amt, qstart, ti, mods, head):
            return True
        if amt.hyphen_time_adj:
            return True  # "a five-year plan": describes the plan, is not an amount
        if amt.kind == "count" and m.group("words") is not None and not _word_number_ok(
                text, m, ti, counted, head, qstart):
            return True
        return False
    if _STREET_RE.match(text, second.end):
        return True  # "16-18 Industrial Avenue"
    if bare and not second.own_unit and _NUMBER_SIGN_BEFORE_RE.search(text, max(0, qstart - 8), qstart):
        return True  # "No. 10-277"
    if bare and not second.own_unit and (_is_year_like(amt, m.group(0)) or _ent(ti, amt.start) in ("DATE", "TIME")):
        return True
    return False


def _assemble(text: str, amt: _Amount, second: _Amount | None, qstart: int,
              mods: list[tuple[str, str]]) -> Quantity:
    """A Quantity from one amount, or a range of two."""
    kinds = [k for _, k in mods]
    if second is not None:
        lo = amt.value if amt.value is not None else amt.low
        hi = second.value if second.value is not None else second.high
        src = second if second.unit else amt
        q = Quantity(text="", start=qstart, end=second.end, value=None, kind=src.kind, unit=src.unit)
        if lo is not None and hi is not None:
            q.low, q.high = min(lo, hi), max(lo, hi)
    else:
        q = Quantity(text="", start=qstart, end=amt.end, value=amt.value, kind=amt.kind, unit=amt.unit)
        q.low, q.high = (amt.low, amt.high) if amt.vague else (amt.value, amt.value)
        if amt.plus:
            q.low, q.high = amt.value, None
        _apply_modifiers(q, kinds)
    q.approx = amt.vague or any(k in ("approx", "near") for k in kinds)
    return q


def _normalise(q: Quantity, src: _Amount) -> None:
    """Fill ``q.normalized``: pint reference units for measures, currency for money."""
    if q.kind == "measure" and src.unit_expr:
        q.normalized = normalize_measure(src.unit_expr, q.value, q.low, q.high)
    elif q.kind == "money":
        if src.currency is not None:
            iso, factor = src.currency, 1.0
        else:  # cents, pence: normalised to the main unit
            iso, factor = src.subunit_of, 0.01
        iso = iso or q.unit
        q.normalized = {"currency": iso, "value": _mul(q.value, factor), "low": _mul(q.low, factor),
                        "high": _mul(q.high, factor)}
    elif q.kind == "percent" and q.unit == "percent":
        q.normalized = {"fraction": _mul(q.value, 0.01), "low": _mul(q.low, 0.01), "high": _mul(q.high, 0.01)}


def _mul(x: float | None, f: float) -> float | None:
    return None if x is None else _round_sig(x * f)


def _round_sig(x: float) -> float:
    """Drop binary noise from a scaled decimal: 256.6 * 1e6 -> 256600000.0, not ...00003."""
    return float(f"{x:.12g}")


def _mods_start(text: str, start: int, mods: list[tuple[str, str]]) -> int:
    pos = start
    for _ in mods:
        mh = _MOD_BACK.match(text, pos)
        if mh is None:
            break
        pos = mh[0]
    return pos


def _apply_modifiers(q: Quantity, kinds: list[str]) -> None:
    """Bounds and approximation bands from the modifiers in front of one number."""
    if q.value is None:
        return
    v = q.value
    if "lower" in kinds:
        q.low, q.high = v, None
    elif "upper" in kinds:
        q.low, q.high = None, v
    elif "near" in kinds:
        q.low, q.high = _round_sig(v - _band(v)), v
    elif "approx" in kinds:
        b = _band(v)
        q.low, q.high = _round_sig(v - b), _round_sig(v + b)


def _band(v: float) -> float:
    """Half-width of an 'about' band: 10% of the value, or half a unit of its last significant
    digit when the number is rounder ("around 4,000" -> 3,500..4,500)."""
    a = abs(v)
    if a == 0:
        return 0.0
    place = 1.0
    if a == int(a):
        n = int(a)
        while n % 10 == 0 and n > 0:
            n //= 10
            place *= 10
    else:
        s = repr(a)
        if "e" not in s and "." in s:
            place = 10.0 ** -len(s.split(".")[1])
    return max(0.1 * a, place / 2 if place > 1 else 0.0)


def _try_range(text: str, amt: _Amount, rm: re.Match[str], mods: list[tuple[str, str]],
               ti: _TokenIndex) -> _Amount | None:
    """The second number of a range ("to", "-", "and", "or") with ``amt``, or None."""
    sep = rm.group(0).strip().lower().rstrip("-").strip()
    words = [w for w, _ in mods]
    between = any(w.endswith("between") for w in words)
    range_start = between or "from" in words
    if sep == "and" and not between:
        return None
    if not amt.own_unit and _is_year_like(amt, text[amt.start:amt.num_end]):
        return None  # "from 2008 to 2020", "2019-2020"
    pos = rm.end()
    cur2 = None  # currency repeated on the second number: "$3 billion to $5 billion"
    cm = _CUR_PREFIX_AT_RE.match(text, pos)
    if cm and text[cm.end():cm.end() + 1] in _DIGIT_CHARS:
        cur2 = CURRENCY_PREFIXES.get(re.sub(r"\s+", " ", cm.group(1)))
        pos = cm.end()
    m2 = _CORE_RE.match(ti.low, pos)
    if not m2 or m2.group("vague") is not None or m2.group("frac") is not None:
        return None
    if m2.group("digits") is not None:
        if _glued_right_kind(text, m2.end()) in ("ordinal", "decade", "version", "time", "slash"):
            return None
    elif m2.group("words") is not None:
        m2 = _shrink_words(ti.low, m2)
    if (m2.group("words") is not None) != amt.is_word and sep in _DASHES:
        return None  # "four-5" is not a range
    if _TIME_AFTER_RE.match(text, m2.end()):
        return None
    second = _read_amount(text, m2, cur2, ti)
    if second is None or second.value is None:
        return None
    if cur2 is None and amt.currency and not second.own_unit:
        # "$62-68", "$3 to 5 billion": the second number inherits the currency
        second.currency, second.kind, second.unit, second.counted = amt.currency, "money", amt.unit, amt.counted
    elif amt.own_unit and second.own_unit:
        if amt.kind != second.kind or (amt.kind == "money" and amt.currency != second.currency):
            return None  # "rose 18 sen to RM23.50", "110 JPY to 1 USD"
        if amt.kind == "measure" and amt.unit_expr != second.unit_expr and \
                (amt.unit or "").lower().rstrip("s") != (second.unit or "").lower().rstrip("s"):
            return None
    elif amt.own_unit:
        if not range_start:
            return None  # "rose 8.15% to 3.65": a change, then a level
        second.kind, second.unit, second.unit_expr = amt.kind, amt.unit, amt.unit_expr
        second.currency, second.counted = amt.currency, amt.counted
    if sep in ("to", "through") and amt.own_unit and not range_start:
        # "increased by $43.6 billion to $419.2 billion": a change, then the new level
        pw = _LAST_WORD_RE.search(text, max(0, amt.start - 30), amt.start)
        if pw and pw.group(1).lower() in CHANGE_WORDS:
            return None
    elif sep in ("to", "through") and not range_start and amt.value and second.value:
        # "fell by 8,000 to 221,000": bare numbers too, when the two are far apart
        pw = _LAST_WORD_RE.search(text, max(0, amt.start - 30), amt.start)
        ratio = abs(second.value / amt.value)
        if pw and pw.group(1).lower() in CHANGE_WORDS and not 0.25 <= ratio <= 4:
            return None
    if sep == "or" and (amt.own_unit or amt.value is None):
        return None
    # a scale written only on the second number: "$89 to $93 billion", "1 to 2 thousand"
    raw = _raw_value(m2)
    if second.scaled and not amt.scaled and amt.value is not None and raw:
        scale = second.value / raw
        if scale > 1 and amt.value * scale <= second.value * 1.0000001:
            amt.value = _round_sig(amt.value * scale)
    return second


def _raw_value(m: re.Match[str]) -> float | None:
    return parse_digits(m.group(0)) if m.group("digits") is not None else parse_number(m.group(0))


def _fraction_or_skip(text: str, m: re.Match[str], ti: _TokenIndex, qstart: int) -> tuple[Quantity | None, int]:
    """"1/16 of a pint" is a fraction; "9/11" and "3/4/2019" are dates or codes."""
    fm = _FRACTION_RE.match(text, m.start())
    if not fm:
        end = _SLASHED_RE.match(text, m.start())
        return None, end.end() if end else m.end()
    after = text[fm.end():fm.end() + 6]
    if not _OF_AFTER_RE.match(after):
        return None, fm.end()
    num, den = float(fm.group(1)), float(fm.group(2))
    if den == 0 or num >= den:
        return None, fm.end()
    v = num / den
    q = Quantity(text="", start=qstart, end=fm.end(), value=v, low=v, high=v, kind="count")
    of = ti.first_from(fm.end())
    if of is not None and of.lower_ == "of":
        counted, _cend, _head = _counted_of(ti, of)
        q.counted = counted
    q.text = text[q.start:q.end]
    return q, q.end


def _skip_bare(text: str, m: re.Match[str], amt: _Amount, qstart: int, ti: _TokenIndex,
               mods: list[tuple[str, str]], head: Token | None) -> bool:
    """True when a number with no unit is a date, year, time, label, address or list number."""
    core = m.group(0)
    s, e = m.start(), m.end()
    before = text[max(0, qstart - 40):qstart]
    after = text[e:e + 40]
    # dates: "February 11", "11 February", "Oct. 31, 2019"
    mb = _MONTH_BEFORE_RE.search(before) or _MONTH_YEAR_BEFORE_RE.search(before)
    if mb and (mb.group(1).lower() not in AMBIGUOUS_MONTHS or mb.group(1)[0].isupper()):
        return True
    ma = _MONTH_AFTER_RE.match(after)
    if ma and (ma.group(1).lower() not in AMBIGUOUS_MONTHS or ma.group(1)[0].isupper()):
        return True
    ent = _ent(ti, s)
    if _is_year_like(amt, core):
        plural_follow = head is not None and head.tag_ in ("NNS", "NNPS") and head.i == ti.at(e).i
        if ent == "DATE" or (not plural_follow and not mods):
            return True
    # spaCy's DATE/TIME labels are trusted only where a date or clock number is possible
    v = amt.value
    if ent in ("DATE", "TIME") and not mods and not amt.is_word and v is not None and v == int(v) \
            and 0 <= v <= 31 and "," not in core and "." not in core and not _AGE_BEFORE_RE.search(before):
        if not (head is not None and head.tag_ in ("NNS", "NNPS")):
            return True
    # "No. 1", "#3", "(2) ...", "401(k)"
    if _NUMBER_SIGN_BEFORE_RE.search(before) or _CODE_PAREN_AFTER_RE.match(after):
        return True
    if text[qstart - 1:qstart] == "(" and after[:1] == ")" and amt.value is not None and amt.value < 30:
        return True
    # street numbers, ZIP codes
    if _STREET_RE.match(after) or _ZIP_AFTER_RE.match(after) or _ZIP_BEFORE_RE.search(before):
        return True
    # list numbering at the start of a line: "1. ", "2) ", "3 Every person ..." (numbered verses)
    if _LINE_START_RE.search(text, max(0, qstart - 8), qstart) and (
            _LIST_AFTER_RE.match(text, e) or (head is None and _CAPITAL_AFTER_RE.match(text, e))):
        return True
    # labels after a proper noun or label word: "Game 7", "iPhone 11", "BBC One", "category 4"
    if not mods:
        prev = ti.last_before(qstart)
        if prev is not None and text[prev.idx + len(prev.text):qstart].strip() == "":
            pl = prev.lower_
            if pl in IDENTIFIER_NOUNS or prev.text in ("#", "№"):
                return True
            if prev.pos_ == "PROPN" or (prev.text[:1].isupper() and prev.pos_ in ("NOUN", "X")
                                         and not prev.is_sent_start):
                if prev.ent_type_ != "NORP":
                    return True
            # "Ander Herrera: 4 Started ..." ratings lists
            if prev.text == ":" and _TITLE_AFTER_RE.match(after):
                return True
        # ages in apposition: "Maddon, 66, has ..."
        if _APPOSITIVE_AGE_RE.search(before) and _COMMA_AFTER_RE.match(after) and amt.value is not None \
                and 0 < amt.value < 120 and amt.value == int(amt.value):
            return True
    return False


def _word_number_ok(text: str, m: re.Match[str], ti: _TokenIndex, counted: str | None,
                    head: Token | None, qstart: int) -> bool:
    """Number words need something to count: "one solution", "one of the best", not "each one"."""
    word = m.group(0).lower()
    after = text[m.end():m.end() + 20]
    of_follows = bool(_OF_AFTER_RE.match(after))
    if counted is None and not of_follows:
        return False
    prev = ti.last_before(qstart)
    if word == "one":
        if prev is not None and prev.lower_ in ONE_PRONOUN_BEFORE:
            return False
        if text[m.end():m.end() + 1] == "-":
            return False  # "one-time", "one-off", "one-sided": adjectives, not counts
        nxt = ti.first_from(m.end())
        if nxt is not None and nxt.lower_ in ONE_PRONOUN_AFTER:
            return False
        # "one lorry driver tells us": an unnamed source, not a count
        if head is not None and head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_ in REPORTING_LEMMAS:
            return False
    if prev is not None and prev.pos_ == "PROPN" and text[prev.idx + len(prev.text):qstart].strip() == "" \
            and text[m.start()].isupper() and prev.text[:1].isupper():
        return False  # "BBC One", "Formula One"
    return True


def _label_head(amt: _Amount, head: Token) -> bool:
    """'11 Pro Max', '787 Dreamliner': a number naming a model, not counting things."""
    if amt.value is None or amt.value <= 1 or amt.value != int(amt.value) or amt.is_word:
        return False
    return head.tag_ == "NNP" and head.pos_ == "PROPN"
