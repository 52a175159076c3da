"""Months, weekdays and relative times."""

from __future__ import annotations

# In calendar order: the regexes that read dates list them in this order.
MONTH_NAMES: tuple[str, ...] = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december",
)
# Abbreviations written in dates ("Sept. 11", "Oct 31"); "may" is its own abbreviation.
MONTH_ABBREVIATIONS: tuple[str, ...] = (
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
)
MONTHS: frozenset[str] = frozenset(MONTH_NAMES + MONTH_ABBREVIATIONS)
# The month's number by its first three letters ("sept" and "september" -> 9).
MONTH_NUMBERS: dict[str, int] = {name[:3]: i for i, name in enumerate(MONTH_NAMES, start=1)}
# Months that are also ordinary words: only read as months when capitalised.
AMBIGUOUS_MONTHS: frozenset[str] = frozenset({"may", "march", "jan", "mar", "jun", "jul", "aug", "sep", "oct",
                                              "nov", "dec"})

# In week order (Monday first, as ``date.weekday()`` counts).
WEEKDAY_NAMES: tuple[str, ...] = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAYS: frozenset[str] = frozenset(WEEKDAY_NAMES)
# Words that name a day relative to the report's date, with its offset in days.
RELATIVE_DAYS: dict[str, int] = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0,
                                 "this evening": 0, "yesterday": -1, "last night": -1}

# Times relative to the report ("yesterday", "last week", "in the first quarter").
RELATIVE_TIMES: tuple[str, ...] = (
    "yesterday", "today", "tonight", "last night", "this morning", "this week", "last week", "next week",
    "this month", "last month", "next month", "this year", "last year", "next year", "previous night",
    "the night before", "the day before", "overnight", "weekend", "in the first", "in the second",
    "in the third", "in the fourth", "first quarter", "second quarter", "third quarter", "fourth quarter",
)
