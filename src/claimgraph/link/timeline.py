"""A measure's timeline: who reported which figure when, each revision, and who repeated an old one.

An ``updated`` comparison (a toll that rose over days, a count one source revised) is shown as
its reports in time order. Each report's date is the day its own words name ("on Monday", "Aug.
15"; precision ``day``, ``date_from: "text"``) or else the article's publication date
(``date_from: "published"``); a report with neither is placed last as undated, never guessed.

Roles: ``first`` (the first report of the measure), ``revision`` (a figure that differs from the
latest one), ``repeat`` (the latest figure again). A report that gives a figure already superseded
on an earlier day is marked ``outdated``: the reader should know that outlet ran an old number.
"""

from __future__ import annotations

from typing import Any

from .judge import interval, values_agree
from .measures import Mention

UNDATED = "9999-99-99"  # sorts after every ISO date


def report_date(m: Mention) -> tuple[str | None, str | None]:
    """The day a report refers to and where it comes from: ``text``, ``published`` or None."""
    if m.day:
        return m.day, "text"
    if m.published:
        return m.published[:10], "published"
    return None, None


def ordered_reports(ms: list[Mention]) -> list[Mention]:
    """Reports in time order: date, then document, then position in the article."""
    return sorted(ms, key=lambda m: (report_date(m)[0] or UNDATED, m.doc_id, m.start))


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
            replaced_on = next((when for old, when in superseded if values_agree(m, old) is True), None)
            if replaced_on is not None and day is not None and day > replaced_on:
                role, outdated = "repeat", True
            else:
                role = "revision"
                superseded.append((current, day))
                current = m
        lo, hi = interval(m)
        for part in m.parts or (m,):
            out.append({"claim": part.claim_ids[0], "index": part.index, "document": m.doc_id,
                        "date": day, "date_from": source, "precision": "day" if day else None,
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


def timeline_explanation(measure: str, entries: list[dict[str, Any]]) -> str:
    """One sentence: the figures in order, then who repeated a superseded one."""
    steps = [e for e in entries if e["role"] in ("first", "revision")]
    text = f"On {measure}, the figure changed over time: " + ", then ".join(_report(e) for e in steps)
    stale = [e for e in entries if e["outdated"]]
    if stale:
        text += "; " + "; ".join(f"{e['source']} still gave {e['figure']} on {e['date']}" for e in stale)
        text += " after it had been superseded"
    return text + ". An update, not a contradiction."
