"""A story at a glance: one plain sentence per measure, conflicts first.

The story page and the dossier open with these sentences: the conflicts (each with its two or
more sides and who gives them), then the figures that changed over time, then what all sources
agree on. Each sentence names the row of the measure table it sums up (``row``), so a page can
link it there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..lexicon.bounds import (
    APPROX_MODIFIERS,
    EXACT_MODIFIERS,
    LOWER_BOUND_MODIFIERS,
    NEAR_BELOW_MODIFIERS,
    UPPER_BOUND_MODIFIERS,
)
from ..lexicon.numbers import COUNT_TRIGGER_WORDS, NUMBER_WORDS, VAGUE_MULTIPLIERS, VAGUE_PLURALS
from ..lexicon.stopwords import FUNCTION_WORDS
from .tables import Cell, MeasureRow, StoryView, outlet_label

KINDS = ("conflict", "updated", "consistent")  # the order sentences are listed in
MAX_FIGURES = 2  # figures named per side before "and N more"
MAX_SOURCES = 3


@dataclass(frozen=True)
class Sentence:
    """One line of the summary: what kind of finding, which row, and the sentence itself."""

    kind: str  # conflict | updated | consistent
    row: int  # MeasureRow.index
    measure: str
    text: str

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "row": self.row, "measure": self.measure, "text": self.text}


@dataclass(frozen=True)
class ArticleCounts:
    """Where a story's figures come from: its own articles, and articles of related stories."""

    articles: int
    outlets: list[str]
    other_articles: int  # articles outside the story whose claims its comparisons use
    other_outlets: list[str]  # their outlets, when not already among ``outlets``

    def to_json(self) -> dict[str, Any]:
        return {"articles": self.articles, "outlets": self.outlets,
                "other_articles": self.other_articles, "other_outlets": self.other_outlets}


def article_counts(view: StoryView) -> ArticleCounts:
    """Count the story's own articles apart from the related ones that add figures to its table."""
    own = {d.id for d in view.docs}
    others: dict[str, str] = {}
    for row in view.table.rows:
        for cell in row.all_cells():
            if cell.doc.id not in own:
                others.setdefault(cell.doc.id, outlet_label(cell.doc))
    outlets = view.outlets
    other_outlets = [o for o in dict.fromkeys(others.values()) if o not in outlets]
    return ArticleCounts(len(view.docs), outlets, len(others), other_outlets)


# first words written capitalised only because they opened a sentence ("About 2,000", "The charity")
_BOUND_PHRASES = (APPROX_MODIFIERS + NEAR_BELOW_MODIFIERS + LOWER_BOUND_MODIFIERS + UPPER_BOUND_MODIFIERS
                  + EXACT_MODIFIERS + tuple(VAGUE_MULTIPLIERS))
_SMALL_WORDS = (FUNCTION_WORDS | COUNT_TRIGGER_WORDS | NUMBER_WORDS | frozenset(VAGUE_PLURALS)
                | frozenset(p.split()[0] for p in _BOUND_PHRASES))


def _mid(text: str) -> str:
    """``text`` as it reads inside a sentence: a capitalised small first word in lower case."""
    first, _, rest = text.partition(" ")
    if first.lower() in _SMALL_WORDS and first[:1].isupper() and first[1:].islower():
        return first.lower() + (" " + rest if rest else "")
    return text


def _cap(items: list[str], limit: int) -> str:
    items = list(dict.fromkeys(_mid(i) for i in items if i))
    if len(items) > limit:
        return ", ".join(items[:limit]) + f" and {len(items) - limit} more"
    if len(items) > 1:
        return ", ".join(items[:-1]) + " and " + items[-1]
    return items[0] if items else ""


def _who(cell: Cell, by: str) -> str:
    """Who gives a figure: the speaker with the outlet that quotes them, or the outlet alone."""
    outlet = outlet_label(cell.doc)
    if by == "outlet" and cell.source != outlet:
        # "CNN (Web News)" would nest brackets
        return f"{cell.source} in {outlet}" if "(" in outlet else f"{cell.source} ({outlet})"
    return cell.source


def _figures(shown: list[str], joiner: str) -> str:
    """A side's figures as one phrase: "355 people", "dozens or at least 15 people"."""
    distinct: dict[str, str] = {}
    for x in shown:
        if x:
            distinct.setdefault(_mid(x).lower(), _mid(x))  # "Eight others" and "eight others" are one
    return joiner.join(list(distinct.values())[:MAX_FIGURES])


def _side(cells: list[Cell], by: str, joiner: str = " or ") -> str:
    figures = _figures([c.shown for c in cells], joiner)
    sources = _cap([_who(c, by) for c in cells], MAX_SOURCES)
    return f"{figures} according to {sources}" if sources else figures


def _sides(row: MeasureRow) -> list[list[Cell]]:
    """The conflict's sides as cells; without recorded sides, one side per distinct figure."""
    cells = row.all_cells()
    by_claim = {c.claim.id: c for c in cells}
    sides = [[by_claim[x] for x in side if x in by_claim] for side in row.comparison.sides]
    sides = [s for s in sides if s]
    if len(sides) >= 2:
        return sides
    groups: dict[str, list[Cell]] = {}
    for c in cells:
        groups.setdefault(c.shown.lower(), []).append(c)
    return list(groups.values())


def _measure(row: MeasureRow) -> str:
    m = row.comparison.measure.strip()
    return m[:1].upper() + m[1:]


def _middle(cells: list[Cell]) -> float | None:
    """The median figure of a side, None when none of its figures has a value."""
    values = sorted(v for v in (c.value for c in cells) if v is not None)
    return values[len(values) // 2] if values else None


def _conflict(row: MeasureRow, by: str) -> str:
    sides = _sides(row)
    if len(sides) < 2:
        return f"{_measure(row)}: the sources disagree. {row.comparison.explanation}".strip()
    if len(sides) == 2:
        return f"{_measure(row)}: " + " vs ".join(_side(s, by) for s in sides) + "."
    # many counts: the two ends say how far apart the sources are, in one sentence
    valued = [(m, s) for s in sides if (m := _middle(s)) is not None]
    ranked = [s for _, s in sorted(valued, key=lambda x: x[0])]
    if len(ranked) < 2:
        ranked = sides
    return (f"{_measure(row)}: {len(sides)} different counts, from {_side(ranked[0], by)} "
            f"to {_side(ranked[-1], by)}.")


def _updated(row: MeasureRow, by: str) -> str:
    steps = [e for e in row.comparison.timeline if e.get("role") in ("first", "revision")]
    if len(steps) >= 2:
        parts = [f"{_mid(str(e.get('figure')))} according to {e.get('source')} "
                 f"{'on ' + e['date'] if e.get('date') else 'undated'}" for e in steps]
        stale = [e for e in row.comparison.timeline if e.get("outdated")]
        text = f"{_measure(row)} changed over time: " + ", then ".join(parts)
        if stale:
            text += "; " + _cap([str(e.get("source")) for e in stale], MAX_SOURCES) + " later repeated an older figure"
        return text + "."
    # no timeline recorded: the reports in publication order
    cells = sorted(row.all_cells(), key=lambda c: c.doc.published or "")
    parts = [f"{_mid(c.shown)} according to {_who(c, by)}{' on ' + c.doc.published[:10] if c.doc.published else ''}"
             for c in cells]
    return f"{_measure(row)} changed over time: " + ", then ".join(dict.fromkeys(parts)) + "."


def _consistent(row: MeasureRow, by: str) -> str:
    cells = row.all_cells()
    n = len({_who(c, by) for c in cells})
    lead = f"{n} sources agree on {row.comparison.measure.strip()}" if n > 1 else _measure(row)
    return f"{lead}: {_side(cells, by, ' and ')}."


_WRITERS = {"conflict": _conflict, "updated": _updated, "consistent": _consistent}


def summary(view: StoryView) -> list[Sentence]:
    """The story's sentences: conflicts, then updates, then agreement, each in table order."""
    out = []
    for kind in KINDS:
        for row in view.table.rows:
            if row.comparison.verdict == kind and row.all_cells():
                out.append(Sentence(kind, row.index, row.comparison.measure,
                                    _WRITERS[kind](row, view.table.by)))
    return out


def headline(sentences: list[Sentence]) -> str:
    """One line of counts: "2 conflicts, 1 figure changed over time, 3 figures all sources agree on"."""
    n = {k: sum(s.kind == k for s in sentences) for k in KINDS}
    parts = []
    if n["conflict"]:
        parts.append(f"{n['conflict']} conflict{'s' if n['conflict'] != 1 else ''}")
    if n["updated"]:
        parts.append(f"{n['updated']} figure{'s' if n['updated'] != 1 else ''} changed over time")
    if n["consistent"]:
        parts.append(f"{n['consistent']} figure{'s' if n['consistent'] != 1 else ''} all sources agree on")
    return ", ".join(parts) + "." if parts else "No figures compared across sources yet."
