"""Filters: numbers that are not amounts (dates, years, times, codes, labels, addresses, list
numbers, pronoun "one")."""

from __future__ import annotations

import re

from spacy.tokens import Token

from claimgraph.extract.numbers import parse_digits
from claimgraph.extract.quantities.patterns import (
    AGE_BEFORE_RE,
    APPOSITIVE_AGE_RE,
    CAPITAL_AFTER_RE,
    CAPS_END_RE,
    CODE_PAREN_AFTER_RE,
    CODE_TAIL_RE,
    COMMA_AFTER_RE,
    GLUED_S_RE,
    LINE_START_RE,
    LIST_AFTER_RE,
    MONTH_AFTER_RE,
    MONTH_BEFORE_RE,
    MONTH_YEAR_BEFORE_RE,
    NUMBER_SIGN_BEFORE_RE,
    OF_AFTER_RE,
    ORDINAL_RE,
    PS_SCALE_RE,
    STREET_RE,
    TITLE_AFTER_RE,
    VERSION_RE,
    WORD_END_RE,
    ZIP_AFTER_RE,
    ZIP_BEFORE_RE,
)
from claimgraph.extract.quantities.reading import Amount, TokenIndex
from claimgraph.lexicon.dates import AMBIGUOUS_MONTHS
from claimgraph.lexicon.quantities import (
    HYPHEN_PREFIXES,
    IDENTIFIER_NOUNS,
    ONE_PRONOUN_AFTER,
    ONE_PRONOUN_BEFORE,
    REPORTING_LEMMAS,
)

_LETTER_RE = re.compile(r"[^\W\d_]")  # any letter, as re.I sees one ("ſ", the Kelvin sign)


def glued_left_ok(text: str, start: int, cur: str | None) -> bool:
    """A number glued to letters on its left is a code ("V10", "COVID-19"), unless a currency."""
    if start == 0:
        return True
    c = text[start - 1]
    if c.isalpha():
        return cur is not None
    if c in "-‑" and start >= 2:
        b = text[start - 2]
        if b.isalpha():
            word = WORD_END_RE.search(text, max(0, start - 20), start - 1)
            return bool(word and word.group(0).lower() in HYPHEN_PREFIXES)
        if b.isdigit():  # "1990-91", handled as a range elsewhere
            return False
        if b in " \t" and CAPS_END_RE.search(text, max(0, start - 20), start - 1):
            return False  # "COVID -19"
    if c in "'’′#№" or (c in ".:" and start >= 2 and text[start - 2].isdigit()):
        return False
    if c == "/" and start >= 2 and text[start - 2].isdigit():
        return False
    return True


def glued_right_kind(text: str, end: int) -> str | None:
    """What is glued right after digits: 'ordinal', 'decade', 'version', 'time', 'code' or None."""
    if end >= len(text):
        return None
    c = text[end]
    if c == ":" and end + 1 < len(text) and text[end + 1].isdigit():
        return "time"
    if c == "." and VERSION_RE.match(text, end):
        return "version"
    if c in "/⁄" and end + 1 < len(text) and text[end + 1].isdigit():
        return "slash"
    if c.isalpha() or c in "'’′":
        if ORDINAL_RE.match(text, end):
            return "ordinal"
        if GLUED_S_RE.match(text, end):
            return "decade"
        return "letters"
    return None


def is_year_like(amt: Amount, core: str) -> bool:
    v = amt.value
    return (
        v is not None
        and not amt.is_word
        and "," not in core
        and "." not in core
        and 1000 <= v <= 2199
        and v == int(v)
        and len(core) == 4
    )


def _ent(ti: TokenIndex, start: int) -> str:
    tok = ti.at(start)
    return tok.ent_type_ if tok is not None else ""


def ps_is_pound(text: str, m: re.Match[str]) -> bool:
    """ "PS" is a mis-encoded "£" in some feeds ("PS2.7m", "PS21,700"), but "PS5" is a console."""
    v = parse_digits(m.group(0))
    return v is not None and (v >= 10 or "." in m.group(0) or bool(PS_SCALE_RE.match(text, m.end())))


def skip_code(text: str, end: int) -> int:
    """End of a code or time glued to a number ("4:39", "3.4.1", "5G"), so its parts are skipped."""
    cm = CODE_TAIL_RE.match(text, end)
    return cm.end() if cm else end


def not_a_quantity(
    text: str,
    m: re.Match[str],
    amt: Amount,
    second: Amount | None,
    qstart: int,
    ti: TokenIndex,
    mods: list[tuple[str, str]],
    counted: str | None,
    head: Token | None,
) -> bool:
    """Dates, labels, addresses and the like, decided once the number has been read."""
    bare = not amt.own_unit and not amt.vague
    if second is None:
        if bare and _skip_bare(text, m, amt, qstart, ti, mods, head):
            return True
        if amt.hyphen_time_adj:
            return True  # "a five-year plan": describes the plan, is not an amount
        if (
            amt.kind == "count"
            and m.group("words") is not None
            and not _word_number_ok(text, m, ti, counted, head, qstart)
        ):
            return True
        return False
    if STREET_RE.match(text, second.end):
        return True  # "16-18 Industrial Avenue"
    if bare and not second.own_unit and NUMBER_SIGN_BEFORE_RE.search(text, max(0, qstart - 8), qstart):
        return True  # "No. 10-277"
    if (
        bare
        and not second.own_unit
        and (is_year_like(amt, m.group(0)) or _ent(ti, amt.start) in ("DATE", "TIME"))
    ):
        return True
    return False


def _skip_bare(
    text: str,
    m: re.Match[str],
    amt: Amount,
    qstart: int,
    ti: TokenIndex,
    mods: list[tuple[str, str]],
    head: Token | None,
) -> bool:
    """True when a number with no unit is a date, year, time, label, address or list number."""
    core = m.group(0)
    s, e = m.start(), m.end()
    before = text[max(0, qstart - 40) : qstart]
    after = text[e : e + 40]
    # The phrases searched for before the number (a month, "age", "zip code") all hold a letter,
    # and "No." / "#" end in a mark: a window without them (a run of figures) skips the searches.
    worded = _LETTER_RE.search(before) is not None
    signed = before.rstrip()[-1:] in (".", "#", "№")
    # dates: "February 11", "11 February", "Oct. 31, 2019"
    mb = worded and (MONTH_BEFORE_RE.search(before) or MONTH_YEAR_BEFORE_RE.search(before))
    if mb and (mb.group(1).lower() not in AMBIGUOUS_MONTHS or mb.group(1)[0].isupper()):
        return True
    ma = MONTH_AFTER_RE.match(after)
    if ma and (ma.group(1).lower() not in AMBIGUOUS_MONTHS or ma.group(1)[0].isupper()):
        return True
    ent = _ent(ti, s)
    if is_year_like(amt, core):
        plural_follow = head is not None and head.tag_ in ("NNS", "NNPS") and head.i == ti.at(e).i
        if ent == "DATE" or (not plural_follow and not mods):
            return True
    # spaCy's DATE/TIME labels are trusted only where a date or clock number is possible
    v = amt.value
    if (
        ent in ("DATE", "TIME")
        and not mods
        and not amt.is_word
        and v is not None
        and v == int(v)
        and 0 <= v <= 31
        and "," not in core
        and "." not in core
        and not (worded and AGE_BEFORE_RE.search(before))
        and not (worded and APPOSITIVE_AGE_RE.search(before) and COMMA_AFTER_RE.match(after))
    ):  # "Mateen, 29," (an age)
        if not (head is not None and head.tag_ in ("NNS", "NNPS")):
            return True
    # "No. 1", "#3", "(2) ...", "401(k)"
    if (signed and NUMBER_SIGN_BEFORE_RE.search(before)) or CODE_PAREN_AFTER_RE.match(after):
        return True
    if text[qstart - 1 : qstart] == "(" and after[:1] == ")" and amt.value is not None and amt.value < 30:
        return True
    # street numbers, ZIP codes
    if STREET_RE.match(after) or ZIP_AFTER_RE.match(after) or (worded and ZIP_BEFORE_RE.search(before)):
        return True
    # list numbering at the start of a line: "1. ", "2) ", "3 Every person ..." (numbered verses)
    if LINE_START_RE.search(text, max(0, qstart - 8), qstart) and (
        LIST_AFTER_RE.match(text, e) or (head is None and CAPITAL_AFTER_RE.match(text, e))
    ):
        return True
    # labels after a proper noun or label word: "Game 7", "iPhone 11", "BBC One", "category 4"
    if not mods:
        prev = ti.last_before(qstart)
        if prev is not None and text[prev.idx + len(prev.text) : qstart].strip() == "":
            pl = prev.lower_
            if pl in IDENTIFIER_NOUNS or prev.text in ("#", "№"):
                return True
            if prev.pos_ == "PROPN" or (
                prev.text[:1].isupper() and prev.pos_ in ("NOUN", "X") and not prev.is_sent_start
            ):
                if prev.ent_type_ != "NORP":
                    return True
            # "Ander Herrera: 4 Started ..." ratings lists
            if prev.text == ":" and TITLE_AFTER_RE.match(after):
                return True
    return False


def _word_number_ok(
    text: str, m: re.Match[str], ti: TokenIndex, counted: str | None, head: Token | None, qstart: int
) -> bool:
    """Number words need something to count: "one solution", "one of the best", not "each one"."""
    word = m.group(0).lower()
    after = text[m.end() : m.end() + 20]
    of_follows = bool(OF_AFTER_RE.match(after))
    if counted is None and not of_follows:
        return False
    prev = ti.last_before(qstart)
    if word == "one":
        if prev is not None and prev.lower_ in ONE_PRONOUN_BEFORE:
            return False
        if text[m.end() : m.end() + 1] == "-":
            return False  # "one-time", "one-off", "one-sided": adjectives, not counts
        nxt = ti.first_from(m.end())
        if nxt is not None and nxt.lower_ in ONE_PRONOUN_AFTER:
            return False
        # "one lorry driver tells us": an unnamed source, not a count
        if head is not None and head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_ in REPORTING_LEMMAS:
            return False
    if (
        prev is not None
        and prev.pos_ == "PROPN"
        and text[prev.idx + len(prev.text) : qstart].strip() == ""
        and text[m.start()].isupper()
        and prev.text[:1].isupper()
    ):
        return False  # "BBC One", "Formula One"
    return True


def label_head(amt: Amount, head: Token) -> bool:
    """'11 Pro Max', '787 Dreamliner': a number naming a model, not counting things."""
    if amt.value is None or amt.value <= 1 or amt.value != int(amt.value) or amt.is_word:
        return False
    return head.tag_ == "NNP" and head.pos_ == "PROPN"
