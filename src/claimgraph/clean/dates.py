"""Publication dates as ISO 8601, read with dateutil: RFC 2822, ISO, US and European forms.

A date is only accepted when the text names a full calendar day that exists: "2017-02-31",
"March 2017" (no day) and "yesterday" give ``None``, and the caller keeps the text as written.
"""

from __future__ import annotations

import re
import warnings
from datetime import date, datetime

from dateutil import parser as dateparser

# Two defaults far apart: a field dateutil fills in from the default (no day written) differs
# between the two parses, so an incomplete date is caught instead of silently taking today's day.
_DEFAULTS = (datetime(2001, 1, 1), datetime(2002, 2, 2))
# 15.03.2017 and 15-03-2017 are written day first; 03/15/2017 month first (a day over 12 is
# still read right by dateutil either way).
_DAY_FIRST = re.compile(r"^\s*\d{1,2}[.\-]\d{1,2}[.\-]\d{2,4}\b")
_ISO_DATE = re.compile(r"^\s*\d{4}-\d{2}-\d{2}\s*$")
_TIME = re.compile(r"\d{1,2}:\d{2}")
MAX_CHARS = 200  # longer "dates" are sentences, not dates


def _parse(text: str, default: datetime, dayfirst: bool) -> datetime | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # unknown zone names ("EST") are dropped, not fatal
            return dateparser.parse(text, default=default, dayfirst=dayfirst)
    except (ValueError, OverflowError, TypeError, dateparser.ParserError):
        return None


def normalize_date(text: str | None) -> str | None:
    """``text`` as ISO 8601 (``2017-03-15``, or ``2017-03-15T10:00:00+00:00`` with a time), or None.

    None for empty text, text that is not a date, an incomplete date, or a day that does not
    exist ("2017-02-31").
    """
    if not text:
        return None
    s = " ".join(str(text).split())
    if not s or len(s) > MAX_CHARS:
        return None
    if _ISO_DATE.match(s):  # the common case, and the strict one: never reinterpreted
        try:
            return date.fromisoformat(s).isoformat()
        except ValueError:
            return None
    dayfirst = bool(_DAY_FIRST.match(s))
    a, b = (_parse(s, d, dayfirst) for d in _DEFAULTS)
    if a is None or b is None or (a.year, a.month, a.day) != (b.year, b.month, b.day):
        return None
    if not 1000 <= a.year <= 9999:
        return None
    if not _TIME.search(s) or (a.hour, a.minute, a.second) != (b.hour, b.minute, b.second):
        return a.date().isoformat()
    return a.isoformat()


def valid_day(year: int, month: int, day: int) -> str | None:
    """``YYYY-MM-DD`` for a day that exists in the calendar, else None (for dates read by regex)."""
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
