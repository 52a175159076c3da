"""Assembly: find every number core, read it, apply the filters, join ranges, and build the
:class:`~claimgraph.model.Quantity` with its bounds and normalised values."""

from __future__ import annotations

import bisect
import re

import numpy as np
from spacy.attrs import IDX, LOWER
from spacy.tokens import Doc

from claimgraph.extract.numbers import parse_digits, parse_number, words_read
from claimgraph.extract.quantities.counted import counted_of, counted_phrase
from claimgraph.extract.quantities.filters import (
    glued_left_ok,
    glued_right_kind,
    is_year_like,
    label_head,
    not_a_quantity,
    ps_is_pound,
    skip_code,
)
from claimgraph.extract.quantities.implied import implied_counts
from claimgraph.extract.quantities.patterns import (
    CORE_RE,
    CUR_PREFIX_AT_RE,
    DASHES,
    DIGIT_CHARS,
    DIGIT_START_RE,
    FRACTION_RE,
    LAST_WORD_RE,
    MOD_BACK,
    OF_AFTER_RE,
    PHONE_HINT_RE,
    PHONE_RE,
    RANGE_SEP_RE,
    SLASHED_RE,
    START_IDS,
    TIME_AFTER_RE,
    WORD_RE,
)
from claimgraph.extract.quantities.reading import Amount, TokenIndex, left_context, read_amount, round_sig
from claimgraph.extract.units import normalize_measure
from claimgraph.lexicon.bounds import CHANGE_WORDS
from claimgraph.lexicon.quantities import VOTE_WORDS
from claimgraph.lexicon.units import CURRENCY_PREFIXES, CURRENCY_WORDS
from claimgraph.model import Quantity


def find_quantities(doc: Doc) -> list[Quantity]:
    """Every quantity in ``doc``. Offsets (``start``/``end``) are character offsets into
    ``doc.text`` and ``text == doc.text[start:end]``. Dates, times, years, ordinals, phone
    and street numbers, list numbering and labels ("Game 7") are left out."""
    text = doc.text
    if not text or len(doc) == 0:
        return []
    ti = TokenIndex(doc, text)
    low = ti.low
    phones = [(m.start(), m.end()) for m in PHONE_RE.finditer(text)] if PHONE_HINT_RE.search(text) else []
    phone_starts = [p[0] for p in phones]
    out: list[Quantity] = []
    consumed = 0  # end of the last quantity: its text is not read again
    skip_until = 0  # end of the last span decided on (quantity or not)
    for cand in _candidates(doc, ti):
        if cand < skip_until:
            continue
        m = CORE_RE.match(low, cand)
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
            out.extend(split_vote_tally(text, q))
            consumed = max(consumed, q.end)
    implied = implied_counts(text, out)  # "the lone gunman", "armed with ... a handgun"
    return sorted(out + implied, key=lambda q: q.start) if implied else out


_TALLY_RE = re.compile(r"(\d{1,4})\s?[-–]\s?(\d{1,4})\b")


def split_vote_tally(text: str, q: Quantity) -> list[Quantity]:
    """A vote tally ("passed 257-167", "a 52-48 vote") is two counts, the first side's and the
    second's, each comparable with the same count elsewhere; anything else comes back as it is.

    Only with a vote word in or around it: "2-0 down" is a score, one quantity.
    """
    m = _TALLY_RE.match(q.text)
    if m is None or q.kind != "count" or q.value is not None or q.low is None or q.high is None:
        return [q]
    first, second = int(m.group(1)), int(m.group(2))
    around = text[max(0, q.start - 40) : q.end + 20].lower()
    if not (first > second >= 1) or not VOTE_WORDS & set(re.findall(r"[a-z]+", around)):
        return [q]
    parts = []
    for n, value in ((1, first), (2, second)):
        start = q.start + m.start(n)
        parts.append(
            Quantity(
                text=m.group(n),
                start=start,
                end=start + len(m.group(n)),
                value=float(value),
                low=float(value),
                high=float(value),
                kind="count",
                counted=q.counted,
                tally=n,
            )
        )
    return parts


def _candidates(doc: Doc, ti: TokenIndex) -> list[int]:
    """Character offsets where a number core may start: every digit run (found in the text,
    so digits inside tokens such as "37m(121ft)" count) and every token that is a number word
    or vague amount (found with spaCy's LOWER array, without a Python loop over tokens)."""
    digits = [m.start() for m in DIGIT_START_RE.finditer(ti.low)]
    arr = doc.to_array([LOWER, IDX])
    col = arr[:, 0]
    hit = START_IDS[np.minimum(np.searchsorted(START_IDS, col), len(START_IDS) - 1)] == col
    words = arr[hit, 1].tolist() if hit.any() else []
    if not words:
        return digits
    return sorted(set(digits).union(words))


def _shrink_words(text: str, m: re.Match[str]) -> re.Match[str]:
    """Cut a word-number run back to its longest prefix that parses ("three and four" -> "three")."""
    if parse_number(m.group(0)) is not None:
        return m
    words = list(WORD_RE.finditer(m.group(0)))
    # no prefix longer than the words read before the reading failed (plus one) parses: start
    # there, not at the whole run ("million million ..." tries one prefix, not one per word)
    budget, longest = words_read(m.group(0)) + 1, 0
    for w in words:
        budget -= 1 + w.group(0).count("-")  # WORD_RE keeps "twenty-five" whole; the reading splits it
        if budget < 0:
            break
        longest += 1
    for k in range(min(len(words) - 1, longest), 0, -1):
        end = m.start() + words[k - 1].end()
        if parse_number(text[m.start() : end]) is not None:
            sub = CORE_RE.match(text, m.start(), end)
            if sub is not None and sub.end() == end:
                return sub
    sub = CORE_RE.match(text, m.start(), m.start() + words[0].end()) if words else None
    return sub if sub is not None else m


def _build(text: str, m: re.Match[str], ti: TokenIndex, consumed: int) -> tuple[Quantity | None, int]:
    """The quantity whose number core is ``m``, or None; and the text offset decided up to."""
    start = m.start()
    qstart, mods, cur, cur_start, sign = left_context(text, start)
    qstart = max(qstart, consumed)
    if cur is not None and cur_start < consumed:
        cur = None
    if cur == "GBP" and text[cur_start : cur_start + 2] == "PS" and not ps_is_pound(text, m):
        return None, m.end()
    if m.group("digits") is not None:
        if sign == 1 and not glued_left_ok(text, start, cur):
            return None, m.end()
        glued = glued_right_kind(text, m.end())
        if glued in ("ordinal", "decade", "version", "time"):
            return None, skip_code(text, m.end())
        if glued == "slash":
            return _fraction_or_skip(text, m, ti, qstart)
    amt = read_amount(text, m, cur, ti)
    if amt is None:
        return None, m.end()
    if sign == -1 and amt.value is not None:
        amt.value = -amt.value
    if (
        not amt.own_unit
        and not amt.plus
        and amt.num_end == m.end()
        and (glued_right_kind(text, m.end()) == "letters" or TIME_AFTER_RE.match(text, m.end()))
    ):
        return None, skip_code(text, m.end())  # "5G", "X6", "3s", "5pm": a code or a time
    # ranges: "six to seven kilometres", "$3 billion to $5 billion", "between 5% and 6%"
    second: Amount | None = None
    rm = RANGE_SEP_RE.match(text, amt.end)
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
        counted, cend, head = counted_phrase(ti, last, text)
    if not_a_quantity(text, m, amt, second, qstart, ti, mods, counted, head):
        return None, max(m.end(), second.end if second is not None else 0)
    q = _assemble(text, amt, second, qstart, mods)
    if q.kind == "count" and head is not None and second is None and label_head(amt, head):
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
    q.text = text[q.start : q.end]
    # trim spaces/hyphens a unit regex may have left at the edges
    stripped = q.text.rstrip(" -\n\t")
    q.end -= len(q.text) - len(stripped)
    lstripped = stripped.lstrip()
    q.start += len(stripped) - len(lstripped)
    q.text = lstripped
    return q, q.end


def _assemble(
    text: str, amt: Amount, second: Amount | None, qstart: int, mods: list[tuple[str, str]]
) -> Quantity:
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


def _normalise(q: Quantity, src: Amount) -> None:
    """Fill ``q.normalized``: pint reference units for measures, currency for money."""
    if q.kind == "measure" and src.unit_expr:
        q.normalized = normalize_measure(src.unit_expr, q.value, q.low, q.high)
    elif q.kind == "money":
        if src.currency is not None:
            iso, factor = src.currency, 1.0
        else:  # cents, pence: normalised to the main unit
            iso, factor = src.subunit_of, 0.01
        iso = iso or q.unit
        q.normalized = {
            "currency": iso,
            "value": _mul(q.value, factor),
            "low": _mul(q.low, factor),
            "high": _mul(q.high, factor),
        }
    elif q.kind == "percent" and q.unit == "percent":
        q.normalized = {"fraction": _mul(q.value, 0.01), "low": _mul(q.low, 0.01), "high": _mul(q.high, 0.01)}


def _mul(x: float | None, f: float) -> float | None:
    return None if x is None else round_sig(x * f)


def _mods_start(text: str, start: int, mods: list[tuple[str, str]]) -> int:
    pos = start
    for _ in mods:
        mh = MOD_BACK.match(text, pos)
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
        q.low, q.high = round_sig(v - _band(v)), v
    elif "approx" in kinds:
        b = _band(v)
        q.low, q.high = round_sig(v - b), round_sig(v + b)


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


def _try_range(
    text: str, amt: Amount, rm: re.Match[str], mods: list[tuple[str, str]], ti: TokenIndex
) -> Amount | None:
    """The second number of a range ("to", "-", "and", "or") with ``amt``, or None."""
    sep = rm.group(0).strip().lower().rstrip("-").strip()
    words = [w for w, _ in mods]
    between = any(w.endswith("between") for w in words)
    range_start = between or "from" in words
    if sep == "and" and not between:
        return None
    if not amt.own_unit and is_year_like(amt, text[amt.start : amt.num_end]):
        return None  # "from 2008 to 2020", "2019-2020"
    pos = rm.end()
    cur2 = None  # currency repeated on the second number: "$3 billion to $5 billion"
    cm = CUR_PREFIX_AT_RE.match(text, pos)
    if cm and text[cm.end() : cm.end() + 1] in DIGIT_CHARS:
        cur2 = CURRENCY_PREFIXES.get(re.sub(r"\s+", " ", cm.group(1)))
        pos = cm.end()
    m2 = CORE_RE.match(ti.low, pos)
    if not m2 or m2.group("vague") is not None or m2.group("frac") is not None:
        return None
    if m2.group("digits") is not None:
        if glued_right_kind(text, m2.end()) in ("ordinal", "decade", "version", "time", "slash"):
            return None
    elif m2.group("words") is not None:
        m2 = _shrink_words(ti.low, m2)
    if (m2.group("words") is not None) != amt.is_word and sep in DASHES:
        return None  # "four-5" is not a range
    if TIME_AFTER_RE.match(text, m2.end()):
        return None
    second = read_amount(text, m2, cur2, ti)
    if second is None or second.value is None:
        return None
    if cur2 is None and amt.currency and not second.own_unit:
        # "$62-68", "$3 to 5 billion": the second number inherits the currency
        second.currency, second.kind, second.unit, second.counted = (
            amt.currency,
            "money",
            amt.unit,
            amt.counted,
        )
    elif amt.own_unit and second.own_unit:
        if amt.kind != second.kind or (amt.kind == "money" and amt.currency != second.currency):
            return None  # "rose 18 sen to RM23.50", "110 JPY to 1 USD"
        if (
            amt.kind == "measure"
            and amt.unit_expr != second.unit_expr
            and (amt.unit or "").lower().rstrip("s") != (second.unit or "").lower().rstrip("s")
        ):
            return None
    elif amt.own_unit:
        if not range_start:
            return None  # "rose 8.15% to 3.65": a change, then a level
        second.kind, second.unit, second.unit_expr = amt.kind, amt.unit, amt.unit_expr
        second.currency, second.counted = amt.currency, amt.counted
    if sep in ("to", "through") and amt.own_unit and not range_start:
        # "increased by $43.6 billion to $419.2 billion": a change, then the new level
        pw = LAST_WORD_RE.search(text, max(0, amt.start - 30), amt.start)
        if pw and pw.group(1).lower() in CHANGE_WORDS:
            return None
    elif sep in ("to", "through") and not range_start and amt.value and second.value:
        # "fell by 8,000 to 221,000": bare numbers too, when the two are far apart
        pw = LAST_WORD_RE.search(text, max(0, amt.start - 30), amt.start)
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
            amt.value = round_sig(amt.value * scale)
    return second


def _raw_value(m: re.Match[str]) -> float | None:
    return parse_digits(m.group(0)) if m.group("digits") is not None else parse_number(m.group(0))


def _fraction_or_skip(
    text: str, m: re.Match[str], ti: TokenIndex, qstart: int
) -> tuple[Quantity | None, int]:
    """ "1/16 of a pint" is a fraction; "9/11" and "3/4/2019" are dates or codes."""
    fm = FRACTION_RE.match(text, m.start())
    if not fm:
        end = SLASHED_RE.match(text, m.start())
        return None, end.end() if end else m.end()
    after = text[fm.end() : fm.end() + 6]
    if not OF_AFTER_RE.match(after):
        return None, fm.end()
    num, den = float(fm.group(1)), float(fm.group(2))
    if den == 0 or num >= den:
        return None, fm.end()
    v = num / den
    q = Quantity(text="", start=qstart, end=fm.end(), value=v, low=v, high=v, kind="count")
    of = ti.first_from(fm.end())
    if of is not None and of.lower_ == "of":
        counted, _cend, _head = counted_of(ti, of)
        q.counted = counted
    q.text = text[q.start : q.end]
    return q, q.end
