"""Reading one number: its value, the modifiers, currency and sign before it, and the scale, unit,
percent or rate glued after it."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from claimgraph.extract.numbers import parse_digits, parse_number, parse_vague
from claimgraph.extract.quantities.patterns import (
    AGE_RE,
    ASCII_LOWER,
    CUR_BACK,
    CUR_CODE_SUFFIX_RE,
    CUR_WORD_RE,
    GLUED_RE,
    MOD_BACK,
    MODIFIERS,
    PERCENT_RE,
    PLUS_RE,
    RATE_RE,
    RATIO_SPLIT_RE,
    SCALE_ABBR_RE,
    SCALE_WORD_RE,
    SCI_RE,
    SPACED_P_AFTER_RE,
    SPACED_SINGLE_RE,
    SUBUNIT_RE,
    SYMBOL_NAMES,
    UNIT_SYM_RE,
    UNIT_WORD_RE_C,
    US_SUFFIX_RE,
    VIDEO_LINES,
)
from claimgraph.extract.units import UNIT_WORDS
from claimgraph.lexicon.numbers import SCALE_ABBREVIATIONS, SCALE_WORDS
from claimgraph.lexicon.quantities import PERSON_PLURALS
from claimgraph.lexicon.units import (
    CURRENCY_NAMES,
    CURRENCY_PREFIXES,
    CURRENCY_SUBUNITS,
    CURRENCY_SUFFIX_CODES,
    CURRENCY_WORDS,
    GLUED_ONLY_UNITS,
    RATE_DENOMINATORS,
    TIME_DENOMINATORS,
    TIME_UNITS,
    UNIT_SYMBOLS,
)


@dataclass(slots=True)
class Amount:
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


class TokenIndex:
    """Character offset -> spaCy token, by bisection over token starts."""

    def __init__(self, doc: Doc, text: str) -> None:
        self.doc = doc
        self.starts: list[int] = doc.to_array("IDX").tolist() if len(doc) else []
        self.low = text.translate(ASCII_LOWER)

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
        parts = RATIO_SPLIT_RE.split(text)
        a, b = parse_number(parts[0]), parse_number(parts[1])
        if a is None or not b:
            return None, None, None, True, False
        return a / b, None, None, True, False
    return parse_number(text), None, None, True, False


def _currency_before(text: str, pos: int) -> tuple[int, str] | None:
    """(start, ISO code) of a currency prefix ending at ``pos``."""
    hit = CUR_BACK.match(text, pos)
    if hit is None:
        return None
    iso = CURRENCY_PREFIXES.get(re.sub(r"\s+", " ", hit[1]))
    return (hit[0], iso) if iso else None


def left_context(text: str, start: int) -> tuple[int, list[tuple[str, str]], str | None, int, int]:
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
        mh = MOD_BACK.match(text, pos)
        if mh is None:
            break
        word = re.sub(r"\s+", " ", mh[1].lower())
        mods.append((word, MODIFIERS.get(word, "exact")))
        pos = mh[0]
    return pos, mods, cur, cur_start, sign


def _read_unit(text: str, pos: int, amt: Amount, money_ctx: bool) -> int:
    """Read percent / currency / unit right after ``pos``; fill ``amt``; return new end."""
    # ages: "50 year-old", "18 month-old"
    m = AGE_RE.match(text, pos)
    if m:
        amt.kind, amt.unit = "measure", m.group(0).strip(" -").lower()
        amt.unit_expr = m.group(1).lower().rstrip("s")
        amt.own_unit = True
        return m.end()
    m = PERCENT_RE.match(text, pos)
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
        m = CUR_WORD_RE.match(text, pos)
        if m:
            word = m.group(1)
            iso = CURRENCY_WORDS[re.sub(r"\s+", " ", word.lower())]
            if word.lower() in ("pounds",) and not money_ctx and not amt.scaled:
                pass  # weight, read below as a unit
            else:
                amt.kind, amt.currency, amt.unit, amt.counted = "money", iso, iso, word
                amt.own_unit = True
                return m.end()
        m = CUR_CODE_SUFFIX_RE.match(text, pos)
        if m:
            iso = CURRENCY_SUFFIX_CODES[m.group(1)]
            amt.kind, amt.currency, amt.unit = "money", iso, iso
            amt.counted = CURRENCY_NAMES.get(iso)
            amt.own_unit = True
            return m.end()
        m = SUBUNIT_RE.match(text, pos)
        if m and (m.group("p") is None or money_ctx or m.group("p") == "p" or _spaced_p_ok(text, m.end())) \
                and not (m.group("p") == "p" and amt.value in VIDEO_LINES):  # "1080p" is a resolution
            word = (m.group(1) or m.group(2) or "p").lower()
            unit, parent, counted = CURRENCY_SUBUNITS.get(word, CURRENCY_SUBUNITS["p"])
            amt.kind, amt.unit, amt.counted, amt.currency = "money", unit, counted, None
            amt.subunit_of = parent
            amt.own_unit = True
            return m.end()
    else:
        m = CUR_WORD_RE.match(text, pos)  # "$667.7 million dollars"
        if m and CURRENCY_WORDS.get(re.sub(r"\s+", " ", m.group(1).lower())) == amt.currency:
            return m.end()
        m = US_SUFFIX_RE.match(text, pos)
        if m and amt.currency == "USD":
            pos = m.end()
        m = CUR_CODE_SUFFIX_RE.match(text, pos)  # "$1.1396 EUR="
        if m and m.group(1) in ("EUR", "JPY", "GBP", "USD", "CHF"):
            pos = m.end()
        return pos
    # units of measure: longest of symbol / word
    best: tuple[int, str, str | None] | None = None
    m = UNIT_SYM_RE.match(text, pos)
    if m:
        best = (m.end(), m.group(1), UNIT_SYMBOLS.get(m.group(1)))
    m = UNIT_WORD_RE_C.match(text, pos)
    if m and (best is None or m.end() > best[0]):
        key = re.sub(r"\s+", " ", m.group(1).lower())
        best = (m.end(), m.group(1), UNIT_WORDS.get(key))
    if best is None:
        m = GLUED_RE.match(text, pos)
        if m:
            best = (m.end(), m.group(1), GLUED_ONLY_UNITS.get(m.group(1)))
        else:
            m = SPACED_SINGLE_RE.match(text, pos)
            if m and m.group(1) != "p":
                best = (m.end(), m.group(1), GLUED_ONLY_UNITS.get(m.group(1)))
    if best is None:
        return pos
    end, surface, expr = best
    surface = re.sub(r"\s+", " ", surface)
    amt.kind = "measure"
    amt.unit = surface if (surface in UNIT_SYMBOLS or surface in GLUED_ONLY_UNITS) else surface.lower()
    amt.unit = SYMBOL_NAMES.get(amt.unit, amt.unit)
    amt.unit_expr = expr
    amt.own_unit = True
    base = (expr or "").split("/")[0].split("*")[-1].strip()  # "10 * year" (decade) -> "year"
    if base in TIME_UNITS and text[pos:pos + 1] == "-" and not text[end:end + 4].lower().startswith("-old"):
        amt.hyphen_time_adj = True
    return end


def _spaced_p_ok(text: str, end: int) -> bool:
    """A spaced "p" (pence) only before punctuation or a preposition: "down 68 p at 1112 p"."""
    return bool(SPACED_P_AFTER_RE.match(text, end, end + 6))


def _read_rate(text: str, pos: int, amt: Amount) -> int:
    """'per barrel', '/h', 'a month', '-a-day' after a unit or currency."""
    m = RATE_RE.match(text, pos)
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


def read_amount(text: str, m: re.Match[str], cur: str | None, ti: TokenIndex) -> Amount | None:
    """Read the number at core match ``m`` and everything glued after it."""
    value, low, high, is_word, vague = _core_value(m)
    if value is None and low is None:
        return None
    amt = Amount(start=m.start(), end=m.end(), value=value, low=low, high=high, is_word=is_word,
                  vague=vague, currency=cur)
    if cur:
        amt.kind, amt.unit, amt.own_unit = "money", cur, True
        amt.counted = CURRENCY_NAMES.get(cur)
    pos = m.end()
    if m.group("digits") is not None:
        sm = SCI_RE.match(text, pos)
        if sm:
            exp = int(sm.group(1).replace("−", "-"))
            if abs(exp) < 300:
                amt.value = round_sig(value * 10.0 ** exp) if value is not None else None
                pos = sm.end()
    if not vague and m.group("frac") is None and m.group("ratio") is None:
        sm = SCALE_WORD_RE.match(text, pos)
        if sm and not is_word:
            scale = SCALE_WORDS[sm.group(1).lower()]
            if sm.group(2):
                scale *= SCALE_WORDS[sm.group(2).lower()]
            amt.value = round_sig((amt.value or 0.0) * scale)
            amt.scaled = True
            pos = sm.end()
        elif not is_word:
            sm = SCALE_ABBR_RE.match(text, pos)
            if sm:
                abbr = sm.group(1)
                spaced = sm.group(0).startswith(" ")
                money_after = bool(CUR_WORD_RE.match(text, sm.end()))
                if abbr in ("m", "b", "B", "k", "K") and not (cur or money_after):
                    ok = False
                    nxt = ti.first_from(sm.end())
                    near = nxt is not None and nxt.idx <= sm.end() + 1
                    if abbr in ("k", "K") and not spaced:
                        # "10k followers" is 10,000; "a 10K race", "4K TV" are labels
                        ok = not (near and nxt.tag_ in ("NN", "NNP") and not nxt.is_punct)
                    elif abbr == "m" and not spaced:
                        ok = bool(near and (nxt.tag_ in ("NNS", "NNPS") or nxt.lower_ in PERSON_PLURALS))
                elif spaced and abbr not in ("bn", "mn", "mln", "bln", "tn", "trn"):
                    ok = bool(cur)
                else:
                    ok = True
                if ok:
                    amt.value = round_sig((amt.value or 0.0) * SCALE_ABBREVIATIONS[abbr])
                    amt.scaled = True
                    pos = sm.end()
    amt.num_end = pos
    pm = PLUS_RE.match(text, pos)
    if pm:
        amt.plus = True
        pos = pm.end()
    pos = _read_unit(text, pos, amt, money_ctx=bool(cur) or amt.scaled)
    if amt.unit and (amt.kind in ("money", "measure")):
        pos = _read_rate(text, pos, amt)
    amt.end = pos
    return amt



def round_sig(x: float) -> float:
    """Drop binary noise from a scaled decimal: 256.6 * 1e6 -> 256600000.0, not ...00003."""
    return float(f"{x:.12g}")

