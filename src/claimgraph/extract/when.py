"""The day a figure refers to: its time words resolved against the article's publication date.

"On Monday", "yesterday", "last night", "Aug. 15" or "15 August" in a report published on
2013-08-16 name a calendar day; this module turns them into an ISO date (day precision). Words
that name no single day ("last week", "this year", "overnight") resolve to nothing, and so does a
sentence whose time words name two different days: a figure is never given a guessed date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, timedelta

from claimgraph.lexicon.dates import (
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    MONTH_NUMBERS,
    RELATIVE_DAYS,
    WEEKDAY_NAMES,
)

_WEEKDAY_INDEX = {name: i for i, name in enumerate(WEEKDAY_NAMES)}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTH_NAMES + MONTH_ABBREVIATIONS, key=len, reverse=True)) + r")\.?"
_MONTH_DAY = re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d\d))?\b",
                        re.IGNORECASE)
_DAY_MONTH = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH +
                        r"(?:,?\s+(?P<year>(?:19|20)\d\d))?\b", re.IGNORECASE)
_ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")
_WEEKDAY = re.compile(r"\b(?P<last>last\s+)?(?P<weekday>" + "|".join(WEEKDAY_NAMES) + r")\b", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(" + "|".join(re.escape(k) for k in RELATIVE_DAYS) + r")\b", re.IGNORECASE)
# a date this far after the report is read as last year's ("Dec. 30" in a January report)
_FUTURE_SLACK = timedelta(days=7)


def publication_day(published: str | None) -> date | None:
    """The publication date of an ISO ``published`` value (date or date-time), or None."""
    try:
        return date.fromisoformat((published or "")[:10])
    except ValueError:
        return None


def _calendar(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:  # "Feb. 30": not a day
        return None


def days_named(text: str, published: str | None) -> set[date]:
    """Every calendar day the time words in ``text`` name, given the publication date."""
    pub = publication_day(published)
    out: set[date] = set()
    for m in _ISO.finditer(text):
        d = _calendar(int(m["year"]), int(m["month"]), int(m["day"]))
        if d:
            out.add(d)
    for pattern in (_MONTH_DAY, _DAY_MONTH):
        for m in pattern.finditer(text):
            if m["month"] == "may" or (m["month"].lower() in ("march", "mar") and m["month"].islower()):
                continue  # "may 15" and "march 3" in lower case are not dates
            month = MONTH_NUMBERS[m["month"].lower()[:3]]
            if m["year"]:
                d = _calendar(int(m["year"]), month, int(m["day"]))
            elif pub is not None:
                d = _calendar(pub.year, month, int(m["day"]))
                if d and d - pub > _FUTURE_SLACK:
                    d = _calendar(pub.year - 1, month, int(m["day"]))
            else:
                d = None
            if d:
                out.add(d)
    if pub is None:
        return out
    for m in _WEEKDAY.finditer(text):
        back = (pub.weekday() - _WEEKDAY_INDEX[m["weekday"].lower()]) % 7
        if m["last"] and back == 0:
            back = 7
        out.add(pub - timedelta(days=back))  # the most recent such day: news reports the past
    for m in _RELATIVE.finditer(text):
        out.add(pub + timedelta(days=RELATIVE_DAYS[m.group(1).lower()]))
    return out


def resolve_day(expressions: Iterable[str], published: str | None) -> str | None:
    """The one ISO day that the time expressions of a figure name, or None (none, or several)."""
    days: set[date] = set()
    for text in expressions:
        days |= days_named(text, published)
    return next(iter(days)).isoformat() if len(days) == 1 else None


def clause_day(text: str, start: int, end: int, figure_start: int, figure_end: int,
               neighbours: Iterable[tuple[int, int]], published: str | None) -> str | None:
    """The day the clause of one figure names: its sentence (``start``-``end``) cut at the
    neighbouring figures (``neighbours``: their offsets), so "52 on Monday and 59 on Tuesday"
    gives each figure its own day."""
    spans = list(neighbours)
    left = max([e for _, e in spans if e <= figure_start], default=start)
    right = min([s for s, _ in spans if s >= figure_end], default=end)
    return resolve_day([text[max(left, start):min(right, end)]], published)
