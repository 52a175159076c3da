"""CSV exports: one row per claim, and one row per comparison with a column per source.

Article text is untrusted and CSV files get opened in spreadsheets, so a text cell that would
start a formula (``=``, ``+``, ``@``, ``-`` not followed by a number, tab, CR) gets a leading
apostrophe (the usual CSV-injection guard). Numeric columns are written as plain numbers.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..model import Article, Comparison, Speaker
from ..store import Store
from ..store.queries import find_story
from .coverage import analysis_coverage, coverage_rows, timeline_rows
from .tables import claim_source, load_claims, measure_table

CLAIM_COLUMNS = ["claim_id", "doc_id", "story", "outlet", "title", "published", "url", "source", "speaker",
                 "speaker_mention", "speaker_type", "cue", "via", "hedged", "kind", "start", "end", "text",
                 "quantities", "values", "units", "counted", "conflicts",
                 # the speaker entity (speakers/): one id across outlets, its type and role
                 "speaker_id", "speaker_name", "speaker_kind", "speaker_role", "speaker_affiliation"]
COMPARISON_COLUMNS = ["story", "measure", "verdict", "kind", "explanation", "claims", "independent_origins",
                      "sides", "timeline"]
_NUMBER = re.compile(r"^-\s?\d")


def safe_cell(value: Any) -> Any:
    """Neutralise spreadsheet formulas in text cells; leave numbers and empty cells alone."""
    if not isinstance(value, str) or not value:
        return value
    if value[0] in "=+@\t\r" or (value[0] == "-" and not _NUMBER.match(value)):
        return "'" + value
    return value


def _fmt(v: float | None) -> str:
    if v is None:
        return ""
    return str(int(v)) if float(v).is_integer() else repr(float(v))


def speaker_fields(speaker: Speaker | None) -> dict[str, str]:
    """The speaker entity's columns of a claim row (empty for the article's own voice)."""
    if speaker is None:
        return {"speaker_id": "", "speaker_name": "", "speaker_kind": "", "speaker_role": "", "speaker_affiliation": ""}
    return {"speaker_id": speaker.id, "speaker_name": speaker.name, "speaker_kind": speaker.type,
            "speaker_role": speaker.role or "", "speaker_affiliation": speaker.affiliation or ""}


def claim_rows(docs: Iterable[Article], story_of: dict[str, str], conflicts: dict[str, int],
               speakers: dict[str, Speaker] | None = None) -> Iterator[dict]:
    """One dict per claim, in ``CLAIM_COLUMNS`` order (``speakers``: entity by id)."""
    speakers = speakers or {}
    for d in docs:
        for c in d.claims:
            row = {
                "claim_id": c.id, "doc_id": d.id, "story": story_of.get(d.id, ""), "outlet": d.outlet or "",
                "title": d.title or "", "published": d.published or "", "url": d.url or "",
                "source": claim_source(c, d), "speaker": c.speaker or "", "speaker_mention": c.speaker_mention or "",
                "speaker_type": c.speaker_type or "", "cue": c.cue or "", "via": " > ".join(c.via),
                "hedged": int(c.hedged), "kind": c.kind, "start": c.start, "end": c.end, "text": c.text,
                "quantities": " | ".join(q.text for q in c.quantities),
                "values": " | ".join(_fmt(q.value) for q in c.quantities),
                "units": " | ".join(q.unit or "" for q in c.quantities),
                "counted": " | ".join(q.counted or "" for q in c.quantities),
                "conflicts": conflicts.get(c.id, 0),
                **speaker_fields(speakers.get(c.speaker_id or "")),
            }
            yield {k: safe_cell(v) for k, v in row.items()}


def comparison_rows(store: Store, comparisons: list[Comparison]) -> tuple[list[str], list[dict]]:
    """Columns and rows of the comparisons table (one column per source, see ``tables``)."""
    claims = load_claims(store, [x for c in comparisons for x in c.claims])
    table = measure_table(comparisons, claims)
    rows = []
    for r in table.rows:
        c = r.comparison
        row: dict[str, Any] = {"story": c.story or "", "measure": c.measure, "verdict": c.verdict, "kind": c.kind,
                               "explanation": c.explanation, "claims": " ".join(c.claims),
                               "independent_origins": "" if c.independent_origins is None else c.independent_origins,
                               # a conflict's sides: claims of one side space-separated, sides by " | "
                               "sides": " | ".join(" ".join(side) for side in c.sides),
                               # an update's reports in time order: "date figure (source) role", by " | "
                               "timeline": " | ".join(timeline_cell(e) for e in c.timeline)}
        for col in table.columns:
            parts = []
            for cell in r.cells.get(col, []):
                who = f" ({cell.source})" if table.by == "outlet" and cell.source != col else ""
                parts.append(cell.shown + who)
            row[_column(col)] = " | ".join(parts)
        rows.append({k: safe_cell(v) for k, v in row.items()})
    return COMPARISON_COLUMNS + [_column(c) for c in table.columns], rows


def timeline_cell(entry: dict[str, Any]) -> str:
    """One timeline entry as text: "2031-05-05 44 people (Valley Times) revision"."""
    stale = " outdated" if entry.get("outdated") else ""
    return f"{entry.get('date') or 'undated'} {entry['figure']} ({entry['source']}) {entry['role']}{stale}"


def _column(source: str) -> str:
    # a source named like a fixed column must not overwrite it
    return f"{source} (source)" if source in COMPARISON_COLUMNS else source


def _write(path: Path, columns: list[str], rows: Iterable[dict]) -> int:
    tmp = path.with_name(path.name + ".tmp")
    n = 0
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=columns, extrasaction="ignore")
        w.writeheader()
        for row in rows:
            w.writerow(row)
            n += 1
    tmp.replace(path)
    return n


def comparisons_path(path: str | Path) -> Path:
    """Where the comparisons CSV goes: ``<stem>.comparisons.csv`` beside the claims CSV."""
    path = Path(path)
    return path.with_name(path.stem + ".comparisons.csv")


def write_csv(store: Store, path: str | Path, story: str | None = None) -> list[Path]:
    """Write the claims CSV to ``path`` and the comparisons CSV beside it; return both paths."""
    path = Path(path)
    if story is not None:
        found = find_story(store, story)
        if found is None:
            raise KeyError(f"no story {story!r} in the store")
        docs: Iterable[Article] = store.documents(found.documents)
        story_of = {d: found.id for d in found.documents}
    else:
        docs = store.documents()
        story_of = {d: s.id for s in store.stories() for d in s.documents}
    comparisons = store.comparisons(story)
    conflicts: dict[str, int] = {}
    for c in comparisons:
        if c.verdict == "conflict":
            for x in set(c.claims):
                conflicts[x] = conflicts.get(x, 0) + 1
    speakers = {s.id: s for s in store.speakers()}
    _write(path, CLAIM_COLUMNS, claim_rows(docs, story_of, conflicts, speakers))
    columns, rows = comparison_rows(store, comparisons)
    second = comparisons_path(path)
    _write(second, columns, rows)
    stories = [found] if story is not None else store.stories()
    timelines, coverage = analysis_coverage(stories, list(store.documents([d for s in stories for d in s.documents])),
                                            comparisons)
    third, fourth = path.with_name(path.stem + ".timelines.csv"), path.with_name(path.stem + ".coverage.csv")
    _write(third, TIMELINE_COLUMNS, (_csv_row(r) for r in timeline_rows(timelines)))
    _write(fourth, COVERAGE_COLUMNS, (_csv_row(r) for r in coverage_rows(coverage)))
    return [path, second, third, fourth]


TIMELINE_COLUMNS = ["story", "comparison", "measure", "verdict", "date", "precision", "date_from", "outlet",
                    "speaker", "figure", "low", "high", "role", "outdated", "claim", "document"]
COVERAGE_COLUMNS = ["story", "comparison", "measure", "verdict", "outlet", "status", "figures", "sides",
                    "one_sided", "first"]


def _csv_cell(v: Any) -> Any:
    """A typed export value as CSV shows it: lists joined, booleans as 0/1, numbers trimmed."""
    if isinstance(v, list):
        return (" | " if v and isinstance(v[0], str) else " ").join(str(x) for x in v)
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, float):
        return _fmt(v)
    return "" if v is None else v


def _csv_row(row: dict[str, Any]) -> dict[str, Any]:
    return {k: safe_cell(_csv_cell(v)) for k, v in row.items()}


__all__ = ["CLAIM_COLUMNS", "COMPARISON_COLUMNS", "COVERAGE_COLUMNS", "TIMELINE_COLUMNS", "claim_rows",
           "comparison_rows", "comparisons_path", "safe_cell", "write_csv"]
