"""A measure's timeline as an inline SVG: one mark per report along a date axis, each a link.

Drawn on the server, no script, no ``style`` attribute (a strict Content-Security-Policy holds).
Each mark links to the article at the figure (``url_of(document, claim)``); its ``<title>`` says
the date, outlet, figure and role, so the chart reads with a screen reader or a tooltip. Marks
are placed in time order, undated reports after the dated ones; a report that gave an already
superseded figure is drawn hollow.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from markupsafe import Markup, escape

from .svg import svg_figure

WIDTH = 620
HEIGHT = 64
LEFT, RIGHT = 16, 16
AXIS_Y = 40
ROLE_COLORS = {"first": "#1f2933", "revision": "#8a5a00", "repeat": "#1e8449", "differs": "#c0392b"}


def _when(entry: dict[str, Any]) -> datetime | None:
    text = entry.get("date") or ""
    try:
        return datetime.fromisoformat(text) if "T" in text else datetime.combine(date.fromisoformat(text),
                                                                                  datetime.min.time())
    except ValueError:
        return None


def timeline_plot(measure: str, entries: list[dict[str, Any]], url_of: Callable[[str, str], str]) -> Markup:
    """The SVG of one timeline, or empty markup when it has fewer than two reports."""
    if len(entries) < 2:
        return Markup("")
    times = [_when(e) for e in entries]
    dated = [t for t in times if t is not None]
    lo, hi = (min(dated), max(dated)) if dated else (None, None)
    span = (hi - lo).total_seconds() if lo and hi else 0.0
    usable = WIDTH - LEFT - RIGHT
    n = len(entries)
    marks = []
    prev_x = float("-inf")
    for i, (e, t) in enumerate(zip(entries, times, strict=True)):
        # by date when there is a span, evenly in order otherwise; reports of one day side by side
        if t is not None and span > 0:
            x = LEFT + (t - lo).total_seconds() / span * usable * 0.9  # type: ignore[operator]
        else:
            x = LEFT + (i / max(n - 1, 1)) * usable * 0.9
        x += (usable * 0.1) * (i / max(n - 1, 1))  # keeps marks of one day apart, in order
        x = max(x, prev_x + 4)  # never before the report drawn before it
        prev_x = x
        color = ROLE_COLORS.get(e.get("role", ""), "#5b6b7f")
        fill = "#ffffff" if e.get("outdated") else color  # hollow, but still a click target
        kind = "mark outdated" if e.get("outdated") else "mark"
        label = (f"{e.get('date') or 'undated'}: {e.get('outlet') or e.get('source') or ''} said {e['figure']}"
                 f" ({e.get('role')}{', already superseded' if e.get('outdated') else ''})")
        marks.append(
            f'<a href="{escape(url_of(e["document"], e["claim"]))}" class="{kind}" data-date="{escape(e.get("date") or "")}">'
            f"<title>{escape(label)}</title>"
            f'<circle cx="{x:.1f}" cy="{AXIS_Y}" r="6" fill="{fill}" stroke="{color}" stroke-width="2"/></a>')
    ends = ""
    if lo and hi:
        ends = (f'<text x="{LEFT}" y="{HEIGHT - 4}" font-size="11">{escape(lo.date().isoformat())}</text>'
                f'<text x="{WIDTH - RIGHT}" y="{HEIGHT - 4}" font-size="11" text-anchor="end">'
                f"{escape(hi.date().isoformat())}</text>")
    desc = "; ".join(f"{e.get('date') or 'undated'} {e['figure']} ({e.get('role')})" for e in entries)
    name = f"{measure}: reports in time order"
    axis = f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{AXIS_Y}" y2="{AXIS_Y}" stroke="#c7ced6"/>'
    return svg_figure("timeline-plot", "group", WIDTH, HEIGHT, name, desc, axis + "".join(marks) + ends, label=name)


def spans_time(entries: list[dict[str, Any]]) -> bool:
    """Whether a timeline is worth drawing: two reports or more on at least two dates."""
    return len(entries) >= 2 and len({(e.get("date") or "")[:10] for e in entries if e.get("date")}) >= 2
