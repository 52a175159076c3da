"""A small inline SVG: the values one measure takes in each source, as horizontal bars.

No scripts, no external fonts, no ``style`` attributes (so a strict Content-Security-Policy
holds); labels come from articles and are escaped one by one.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from .tables import MeasureRow

WIDTH = 620
LABEL_W = 210
ROW_H = 24
PAD = 8
COLORS = {"conflict": "#c0392b", "consistent": "#1e8449", "updated": "#8a5a00"}
NEUTRAL = "#5b6b7f"


@dataclass
class Point:
    """One source's value for the measure (``low``/``high`` draw a range when given)."""

    label: str
    value: float
    low: float | None = None
    high: float | None = None
    shown: str = ""  # the number as written in the article
    sub: str = ""  # a second, smaller label line (the speaker, under the outlet)


def svg_figure(css_class: str, role: str, width: int, height: int, title: str, desc: str, body: str,
               *, label: str | None = None, font_size: int | None = None) -> Markup:
    """The ``<svg>`` element every inline chart shares: a fixed viewBox, the system font, and an
    escaped ``<title>`` and ``<desc>`` so it reads with a screen reader. ``body`` is trusted markup."""
    aria = f' aria-label="{escape(label)}"' if label else ""
    size = f' font-size="{font_size}"' if font_size else ""
    return Markup(
        f'<svg class="{css_class}" role="{role}"{aria} viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" font-family="system-ui, sans-serif"{size}>'
        f"<title>{escape(title)}</title><desc>{escape(desc)}</desc>{body}</svg>")


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if abs(v) >= 100 or v == int(v) else f"{v:,.2f}".rstrip("0").rstrip(".")


def _clip(label: str, n: int = 30) -> str:
    return label if len(label) <= n else label[: n - 1] + "…"


def bar_plot(points: list[Point], *, title: str, verdict: str | None = None) -> Markup:
    """An accessible horizontal bar plot, or empty markup when there is nothing to compare."""
    points = [p for p in points if p.value is not None]
    if len(points) < 2:
        return Markup("")
    top = max(max(p.high if p.high is not None else p.value, p.value) for p in points)
    bottom = min(0.0, min(p.low if p.low is not None else p.value for p in points))
    span = (top - bottom) or 1.0
    bar_w = WIDTH - LABEL_W - 185
    color = COLORS.get(verdict or "", NEUTRAL)
    row_h = ROW_H + 10 if any(p.sub for p in points) else ROW_H
    height = PAD * 2 + row_h * len(points)

    def x(v: float) -> float:
        return LABEL_W + (v - bottom) / span * bar_w

    rows = []
    for i, p in enumerate(points):
        y = PAD + i * row_h
        mid = y + row_h / 2
        if p.sub:
            rows.append(f'<text x="{LABEL_W - 8}" y="{mid - 2:.1f}" text-anchor="end" class="lbl">'
                        f"{escape(_clip(p.label))}</text>"
                        f'<text x="{LABEL_W - 8}" y="{mid + 11:.1f}" text-anchor="end" class="sub" font-size="10.5">'
                        f"{escape(_clip(p.sub, 34))}</text>")
        else:
            rows.append(f'<text x="{LABEL_W - 8}" y="{mid + 4:.1f}" text-anchor="end" class="lbl">'
                        f"{escape(_clip(p.label))}</text>")
        rows.append(f'<rect x="{x(bottom):.1f}" y="{mid - (ROW_H - 10) / 2:.1f}" '
                    f'width="{max(x(p.value) - x(bottom), 1.5):.1f}" '
                    f'height="{ROW_H - 10}" rx="2" fill="{color}" fill-opacity="0.8"/>')
        if p.low is not None and p.high is not None and p.high > p.low:
            rows.append(f'<line x1="{x(p.low):.1f}" x2="{x(p.high):.1f}" y1="{mid:.1f}" y2="{mid:.1f}" '
                        f'stroke="#1f2933" stroke-width="2"/>')
        label = p.shown or _fmt(p.value)
        rows.append(f'<text x="{x(max(p.value, p.high or p.value)) + 6:.1f}" y="{mid + 4:.1f}" class="val">'
                    f"{escape(_clip(label, 25))}</text>")
    desc = "; ".join(f"{p.label}{' (' + p.sub + ')' if p.sub else ''}: {p.shown or _fmt(p.value)}" for p in points)
    axis = f'<line x1="{LABEL_W}" x2="{LABEL_W}" y1="{PAD / 2}" y2="{height - PAD / 2}" stroke="#c7ced6"/>'
    return svg_figure("plot", "img", WIDTH, height, title, desc, axis + "".join(rows), font_size=12)


def measure_plot(row: MeasureRow, by: str = "outlet", columns: list[str] | None = None) -> Markup:
    """The bar plot of one comparison: a bar per claim that carries a number, in column order."""
    points = []
    for col in columns or list(row.cells):
        for c in row.cells.get(col, []):
            v = c.value
            if v is None:
                continue
            sub = c.source if by == "outlet" and c.source != col else ""
            q = c.quantity
            points.append(Point(col, v, q.low if q else None, q.high if q else None, c.shown, sub))
    return bar_plot(points, title=f"{row.comparison.measure}: values by source", verdict=row.comparison.verdict)
