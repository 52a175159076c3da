"""A measure's timeline: who reported which figure when, each revision, and who repeated an old one.

An ``updated`` comparison (a toll that rose over days, a count one source revised) is shown as
its reports in time order. Each report's date is the day its own words name ("on Monday", "Aug.
15"; precision ``day``, ``date_from: "text"``) or else the article's publication date
(``date_from: "published"``); a report with neither is placed last as undated, never guessed.

Roles: ``first`` (the first report of the measure), ``revision`` (a figure that replaces the latest
one: its own source's new figure, words that say it moved, or a higher toll on a later day),
``repeat`` (the latest figure again) and ``differs`` (another source's competing figure at the time,
which the conflicts show). A report that gives a figure already superseded
on an earlier day is marked ``outdated``: the reader should know that outlet ran an old number.
"""

from __future__ import annotations

import re
from typing import Any

from .check import checked, evidence_of
from .judge import interval, judge, values_agree
from .measures import Mention

UNDATED = "9999-99-99"  # sorts after every ISO date


_HOUR = re.compile(r"^(\d{4}-\d\d-\d\d)[T ](\d\d):\d\d")


def report_date(m: Mention) -> tuple[str | None, str | None]:
    """The day a report refers to and where it comes from: ``text``, ``published`` or None."""
    if m.day:
        return m.day, "text"
    if m.published:
        return m.published[:10], "published"
    return None, None


def report_time(m: Mention) -> tuple[str | None, str | None]:
    """The report's date at its precision: ``(iso, "hour")`` when the publication time is known
    and the figure's words name no other day, ``(iso day, "day")``, or ``(None, None)``."""
    day, source = report_date(m)
    hour = _HOUR.match(m.published or "")
    if day and hour and hour.group(1) == day:
        return f"{day}T{hour.group(2)}:00", "hour"
    return day, "day" if day else None


def ordered_reports(ms: list[Mention]) -> list[Mention]:
    """Reports in time order: date, then document, then position in the article."""
    return sorted(ms, key=lambda m: (report_time(m)[0] or UNDATED, m.doc_id, m.start))


def _definite(m: Mention) -> bool:
    """A figure as such ("52", "about 1,300"), not a bound or a vague range."""
    return m.value is not None and m.bound in ("exact", "approx") and not m.is_sum


def _supersedes(m: Mention, current: Mention) -> bool:
    """Whether ``m`` replaces the latest figure: the judge calls the pair an update (its own source
    revising it, words that say it moved, a higher toll on a later day). Another source's figure
    that the judge does not call an update is a competing count, not a revision."""
    return judge(current, m).relation == "update"


def build_timeline(ms: list[Mention]) -> list[dict[str, Any]]:
    """The timeline entries of one measure's reports (see the module docstring for the roles)."""
    out: list[dict[str, Any]] = []
    current: Mention | None = None  # the latest figure
    superseded: list[tuple[Mention, str | None]] = []  # old figures and the day they were replaced
    for m in ordered_reports(ms):
        day, source = report_date(m)
        outdated = False
        if current is None:
            role = "first"
            current = m
        elif values_agree(m, current) is True:
            role = "repeat"
        else:
            # only a definite figure can be outdated ("hundreds" or "more than 300" fit many)
            replaced_on = next((when for old, when in superseded if values_agree(m, old) is True
                                and _definite(old)), None) if _definite(m) else None
            if replaced_on is not None and day is not None and day > replaced_on:
                role, outdated = "repeat", True
            elif _supersedes(m, current):
                role = "revision"
                superseded.append((current, day))
                current = m
            else:
                role = "differs"  # a competing count at the time, not a revision (see the conflicts)
        lo, hi = interval(m)
        for part in m.parts or (m,):
            when, precision = report_time(m)
            out.append({"claim": part.claim_ids[0], "index": part.index, "document": m.doc_id,
                        "date": when, "date_from": source, "precision": precision,
                        "outlet": m.outlet or None, "speaker": m.speaker_name or None,
                        "source": m.source_label, "figure": m.text, "interval": [lo, hi],
                        "role": role, "outdated": outdated})
            break  # a sum is one report: its first part stands for the claim
    return out


def stale_repeat(ms: list[Mention], m: Mention) -> bool:
    """Whether ``m``, placed among the reports ``ms``, repeats a figure already superseded."""
    entries = build_timeline(ordered_reports([*ms, m]))
    claim = m.parts[0].claim_ids[0] if m.parts else m.claim_ids[0]
    return any(e["outdated"] and e["claim"] == claim and e["document"] == m.doc_id for e in entries)


def _report(entry: dict[str, Any]) -> str:
    when = entry["date"] or "undated"
    return f"{entry['figure']} ({entry['source']}, {when})"


def timeline_explanation(measure: str, entries: list[dict[str, Any]], ms: list[Mention]) -> str:
    """One sentence: the figures in order, then who repeated a superseded one; checked against the
    reports' own words and dates (``ms``) like every explanation (:mod:`.check`)."""
    text = _timeline_sentence(measure, entries)
    days = [e["date"] for e in entries if e["date"]]
    bare = "; ".join(f"{e['source']}: {e['figure']}" for e in entries)
    return checked(text, evidence_of(ms, [measure, *days]), f"On {measure}: {bare}.")


def _timeline_sentence(measure: str, entries: list[dict[str, Any]]) -> str:
    steps = [e for e in entries if e["role"] in ("first", "revision")]
    text = f"On {measure}, the figure changed over time: " + ", then ".join(_report(e) for e in steps)
    stale = [e for e in entries if e["outdated"]]
    if stale:
        text += "; " + "; ".join(f"{e['source']} still gave {e['figure']} on {e['date']}" for e in stale)
        text += " after it had been superseded"
    return text + ". An update, not a contradiction."
