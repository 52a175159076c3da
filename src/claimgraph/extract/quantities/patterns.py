"""The quantity extractor's regular expressions and lookup tables, built once from the lexicon.

All of it is data: compiled patterns for the number core and for what may stand left and right
of it. Core patterns match the ASCII-lower-cased text (same offsets).
"""

from __future__ import annotations

import re

import numpy as np
from spacy.strings import get_string_id

from claimgraph.extract.units import UNIT_SYMBOL_RE, UNIT_WORD_RE, alternation_pattern
from claimgraph.lexicon.bounds import (
    APPROX_MODIFIERS,
    EXACT_MODIFIERS,
    LOWER_BOUND_MODIFIERS,
    NEAR_BELOW_MODIFIERS,
    UPPER_BOUND_MODIFIERS,
)
from claimgraph.lexicon.numbers import FRACTION_WORDS, SMALL_NUMBERS, TENS
from claimgraph.lexicon.quantities import DATE_MONTHS, STREET_SUFFIXES
from claimgraph.lexicon.units import (
    CURRENCY_PREFIXES,
    CURRENCY_WORDS,
    GLUED_ONLY_UNITS,
    SPACED_SINGLE_LETTERS,
)

# ---------------------------------------------------------------- regexes (compiled once)

SMALL_W = "|".join(sorted(list(SMALL_NUMBERS) + list(TENS), key=len, reverse=True))
UNIT_W = "one|two|three|four|five|six|seven|eight|nine"
NUMWORD = rf"(?:(?:{'|'.join(TENS)})-(?:{UNIT_W})|{SMALL_W})"
SCALE_W = "hundred|thousand|million|billion|trillion|dozen"
FRAC_W = "|".join(sorted(FRACTION_WORDS, key=len, reverse=True))
# The longest number written out in words has about a dozen ("nine hundred ninety nine million
# nine hundred ..."): a longer run ("million million million ...") is cut there, or every start
# in it would match to its end and be shrunk word by word, quadratic in the run.
MAX_NUMBER_WORDS = 16

# Matched against the ASCII-lower-cased text (same offsets): case-insensitive matching with
# (?i) is several times slower in Python's re than matching lower-case literals.
CORE_RE = re.compile(
    rf"""
    (?P<vague>\b
        (?:(?:a\s+few|several|many|a\s+couple(?:\s+of)?)\s+)?
        (?:tens\s+of\s+(?:thousands|millions|billions)
          |(?:dozens|hundreds|thousands|millions|billions|trillions)(?:\s+of\s+(?:thousands|millions|billions))?)
        |\b(?:a\s+few|several|a\s+couple\s+of)\s+(?:dozen|hundred|thousand|million|billion)
           (?:\s+(?:thousand|million|billion))?
    \b)
    |(?P<frac>\b
        (?:(?:a|one|two|three|four|five|six|seven|eight|nine)[\s-]+(?:{FRAC_W})|half)
        (?=\s+of\b)
    )
    |(?P<ratio>\b(?:\d+|{NUMWORD})\s+out\s+of\s+(?:\d+|{NUMWORD})\b
        |\b(?:one|two|three|four|five|six|seven|eight|nine)\s+in\s+(?:{NUMWORD})\b(?=\s+[a-z]))
    |(?P<digits>(?<![\d.,])(?:\d{{1,3}}(?:,\d{{3}})+(?!\d)|\d+)(?:\.\d+)?(?![\d])[½⅓⅔¼¾⅛]?|(?<![\d.,])\.\d+(?!\d))
    |(?P<words>\b
        (?:(?:a|an|one)\s+(?=(?:{SCALE_W})\b))?
        (?:{NUMWORD}|{SCALE_W})
        (?:(?:\s+|-)(?:and\s+)?(?:{NUMWORD}|{SCALE_W})\b){{0,{MAX_NUMBER_WORDS}}}
    \b)
    """,
    re.X,
)
ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
DIGIT_START_RE = re.compile(r"(?<![\d.,])\.?\d")
START_WORDS = frozenset(
    list(SMALL_NUMBERS)
    + list(TENS)
    + "hundred thousand million billion trillion dozen dozens hundreds thousands millions billions trillions"
    " tens several many a half".split()
    + [w + "-" for w in list(SMALL_NUMBERS) + list(TENS)]
)  # "four-, five- and six-cylinder"
# spaCy's LOWER attribute is the hash of the lower-cased text: compare hashes, sorted for searchsorted
START_IDS = np.array(sorted(get_string_id(w) for w in START_WORDS), dtype=np.uint64)
PHONE_HINT_RE = re.compile(r"\d{3}[\s.-]\d{4}\b|\d{4}\s\d{3}")
PS_SCALE_RE = re.compile(r"\s?(?:bn|m|k)\b")
CODE_TAIL_RE = re.compile(r"[\w.:/]*")
DIGIT_CHARS = frozenset("0123456789.")
DASHES = frozenset({"-", "–", "—", "‒"})

# Right context ----------------------------------------------------------------------------
SCI_RE = re.compile(r"\s*[x×]\s*10\s*(?:\^|\*\*)?\s*([-−]?\d+)")
SCALE_WORD_RE = re.compile(
    r"(?:\s+|-)?(?i:(hundred|thousand|million|billion|trillion|lakh|crore)"
    r"(?:\s+(thousand|million|billion))?)\b"
)
SCALE_ABBR_RE = re.compile(r"\s?(bn|Bn|mn|mln|bln|tn|trn|MM|k|K|M|B|m|b)(?![A-Za-z0-9])")
PLUS_RE = re.compile(r"\+(?![\d])|-plus\b|\s+or\s+more\b")
PERCENT_RE = re.compile(
    r"(?:\s*(?P<pp>(?i:percentage[\s-]+points?)|pp(?![A-Za-z]))"
    r"|\s*(?P<bp>(?i:basis[\s-]+points?)|bps?(?![A-Za-z]))"
    r"|\s*(?P<pct>%|(?i:per[\s-]?cent|percent|pct)(?![a-z])|pc(?![A-Za-z])))"
)
CUR_WORD_RE = re.compile(rf"(?:\s+|-)(?i:({alternation_pattern(list(CURRENCY_WORDS))}))\b")
CUR_CODE_SUFFIX_RE = re.compile(r"\s?(USD|EUR|GBP|JPY|CHF|CNY|AUD|CAD|HKD|INR|€|£|¥|₹)(?![A-Za-z])=?")
US_SUFFIX_RE = re.compile(r"\s(U\.S\.|US)(?![A-Za-z])")
SUBUNIT_RE = re.compile(r"(?:\s?(?i:(cents?|pence|penny|sen))\b|(¢)|(?P<p>\s?p)(?![A-Za-z]|\.[A-Za-z]))")
AGE_RE = re.compile(r"(?:\s*|-)(?i:(years?|months?|weeks?|days?)[\s-]old)\b")
UNIT_SYM_RE = re.compile(rf"(?:\s?|-)({UNIT_SYMBOL_RE})(?![A-Za-z0-9²³])")
UNIT_WORD_RE_C = re.compile(rf"(?:\s*|-)(?i:({UNIT_WORD_RE}))(?![A-Za-z])")
GLUED_RE = re.compile(rf"({'|'.join(sorted(GLUED_ONLY_UNITS, key=len, reverse=True))})(?![A-Za-z0-9²³'’])")
SPACED_SINGLE_RE = re.compile(rf" ([{''.join(SPACED_SINGLE_LETTERS)}p])(?=[\s,;:)\]]|\.(?:\s|$)|$)")
RATE_RE = re.compile(
    r"(?:\s*(?:per|/)\s*|\s+an?\s+|-an?-)((?:square\s+|sq\.?\s+|cubic\s+)?[A-Za-z][A-Za-z]*)"
)
RANGE_SEP_RE = re.compile(r"(?:\s*(?:-|–|—|‒)\s*|\s+(?:to|through|and|or)(?:\s+|-)|\s+to\s*-\s*)")
TIME_AFTER_RE = re.compile(
    r"(?::\d\d)|(?:\s?(?i:a\.m\.?|p\.m\.?|am|pm|o'clock|o’clock)(?![A-Za-z]))"
    r"|(?:\s(?:GMT|BST|UTC|EST|EDT|PST|PDT|CST|CDT|ET|PT|CT|MT)\b)"
)
MONTH_RE = "|".join(sorted((re.escape(m) for m in DATE_MONTHS), key=len, reverse=True))
MONTH_AFTER_RE = re.compile(rf"(?:st|nd|rd|th)?(?:\s+of)?\s+({MONTH_RE})(?![A-Za-z])", re.I)
MONTH_BEFORE_RE = re.compile(rf"(?<![A-Za-z])({MONTH_RE})\.?,?\s+(?:the\s+)?\Z", re.I)
MONTH_YEAR_BEFORE_RE = re.compile(rf"(?<![A-Za-z])({MONTH_RE})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\Z", re.I)
ORDINAL_RE = re.compile(r"(?:st|nd|rd|th)(?![A-Za-z])", re.I)
GLUED_S_RE = re.compile(r"['’′]?s(?![A-Za-z])")
STREET_RE = re.compile(
    r"(?:-\d+)?\s+(?:[NSEW]\.?\s+)?(?:\d+(?:st|nd|rd|th)\s+|[A-Z][\w'.-]*\s+){0,3}"
    rf"(?:{'|'.join(re.escape(s.title()) for s in sorted(STREET_SUFFIXES, key=len, reverse=True))})(?![a-z])"
)
PHONE_RE = re.compile(
    r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b|\b0\d{2,4}\s\d{3,4}\s\d{3,4}\b"
)
NUMBER_SIGN_BEFORE_RE = re.compile(r"(?:\b(?:No|Nos|no|Num|nr|Nr)\.|[#№])\s*\Z")
CODE_PAREN_AFTER_RE = re.compile(r"\([a-z]\)")
ZIP_AFTER_RE = re.compile(r"\s+(?i:zip|postcode|postal)\b")
VERSION_RE = re.compile(r"\.\d")
LIST_AFTER_RE = re.compile(r"[.)]\s")
CAPITAL_AFTER_RE = re.compile(r" [A-Z]")
TITLE_AFTER_RE = re.compile(r"\s+[A-Z][a-z]")
COMMA_AFTER_RE = re.compile(r"\s*[,)]")
OF_AFTER_RE = re.compile(r"\s+of\b")
ZIP_BEFORE_RE = re.compile(r"(?i:zip\s+code)\s*\Z")
RATIO_SPLIT_RE = re.compile(r"\s+(?:out\s+of|in)\s+", re.I)
SPACED_P_AFTER_RE = re.compile(r"\s*(?:[,;.)]|at\b|to\b|from\b|$)")
WORD_END_RE = re.compile(r"[A-Za-z]+\Z")
CAPS_END_RE = re.compile(r"[A-Z]{2,}\s\Z")
WORD_RE = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)?")
FRACTION_RE = re.compile(r"(\d+)\s*[/⁄]\s*(\d+)(?![\d/⁄])")
SLASHED_RE = re.compile(r"[\d/⁄.-]+")
LINE_START_RE = re.compile(r"(?:^|\n)[ \t]*\Z")

# Left context ------------------------------------------------------------------------------
MODIFIERS: dict[str, str] = {}
for _m in APPROX_MODIFIERS:
    MODIFIERS[_m] = "approx"
for _m in NEAR_BELOW_MODIFIERS:
    MODIFIERS[_m] = "near"
for _m in LOWER_BOUND_MODIFIERS:
    MODIFIERS[_m] = "lower"
for _m in UPPER_BOUND_MODIFIERS:
    MODIFIERS[_m] = "upper"
for _m in EXACT_MODIFIERS:
    MODIFIERS[_m] = "exact"
for _m in ("between", "from"):
    MODIFIERS[_m] = "range"
CUR_PREFIX_AT_RE = re.compile(rf"({alternation_pattern(list(CURRENCY_PREFIXES))})\s?")
SYMBOL_NAMES = {"″": "inch", "′": "foot", "Ω": "ohm"}  # units that are not word characters
LAST_WORD_RE = re.compile(r"([A-Za-z]+)[^A-Za-z]*\Z")
WINDOW = 48  # characters read back from a number for its modifiers and currency

# Vertical resolutions of video ("1080p"): a "p" after one is not pence.
VIDEO_LINES = frozenset({240.0, 360.0, 480.0, 720.0, 1080.0, 1440.0, 2160.0, 4320.0})
AGE_BEFORE_RE = re.compile(r"\b(?:age|ages|aged)\s+(?:of\s+)?\Z", re.I)
APPOSITIVE_AGE_RE = re.compile(r"[A-Z][\w.'’-]*,\s*(?:then\s+|now\s+|aged\s+)?\Z")


class BackMatcher:
    """Match one of a set of phrases that *ends* at a position (optionally followed by spaces or
    a hyphen), by matching the reversed phrases against the reversed text before it: one anchored
    match instead of a search over a window."""

    def __init__(
        self, phrases: list[str], flags: int = 0, gap: str = r"[\s-]*", boundary: str = r"(?:(?<=\W)|(?!\w))"
    ) -> None:
        alts = sorted(set(phrases), key=len, reverse=True)
        pat = "|".join(re.escape(p[::-1]).replace(r"\ ", r"\s+") for p in alts)
        self._re = re.compile(rf"{gap}({pat}){boundary}", flags)

    def match(self, text: str, pos: int) -> tuple[int, str] | None:
        """(start of the phrase, phrase as written) or None."""
        window = text[max(0, pos - WINDOW) : pos][::-1]
        m = self._re.match(window)
        if not m:
            return None
        start = pos - m.end(1)
        return start, text[start : pos - m.start(1)]


MOD_BACK = BackMatcher(list(MODIFIERS), flags=re.I)
CUR_BACK = BackMatcher(list(CURRENCY_PREFIXES), gap=r"\s?", boundary=r"(?:(?<=[^A-Za-z])|(?![A-Za-z]))")

# Counted noun phrase -------------------------------------------------------------------------
SUSPENDED_RE = re.compile(
    r"-(?:,\s*|\s+)(?:(?:and|or|to)\s+)?(?:[\w.]+-(?:,\s*|\s+)(?:(?:and|or|to)\s+)?)*[\w.]+-([A-Za-z]+)"
)
MAX_NP = 6
