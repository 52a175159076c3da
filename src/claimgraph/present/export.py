"""``export(store, fmt, path, story=None)``: the store (or one story) as a file for other tools.

Formats: ``json`` (the analysis JSON), ``jsonl`` (one claim per line), ``csv`` (claims, plus
``<stem>.comparisons.csv``), ``html`` (a self-contained dossier), ``claimreview`` (draft
ClaimReview JSON-LD for every claim in a conflict), ``parquet`` (a folder with one file per table),
``graphml`` (speakers, claims, measures and outlets as a graph) and ``datasette`` (the metadata
file for browsing the SQLite store in Datasette). Files are written atomically.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..store import Store
from ..store.queries import find_story
from .claimreview import claimreview_items
from .csv import speaker_fields, write_csv
from .dossier import write_dossier
from .json import write_json
from .tables import claim_dict, claim_source

FORMATS = ("json", "jsonl", "csv", "html", "claimreview", "parquet", "graphml", "datasette")
WHOLE_STORE = ("parquet", "graphml", "datasette")  # formats of every table; no --story


class ExportError(ValueError):
    """A bad export request (unknown format or story)."""


def _doc_ids(store: Store, story: str | None) -> list[str] | None:
    if story is None:
        return None
    found = find_story(store, story)
    if found is None:
        raise ExportError(f"no story {story!r} in the store")
    return found.documents


def claim_lines(store: Store, story: str | None = None) -> Iterator[dict[str, Any]]:
    """Every claim as one flat record with its article's metadata (the ``jsonl`` format)."""
    ids = _doc_ids(store, story)
    story_of = {} if story is not None else {d: s.id for s in store.stories() for d in s.documents}
    speakers = {s.id: s for s in store.speakers()}
    for d in store.documents(ids):
        for c in d.claims:
            row = claim_dict(c)
            row.update(speaker_fields(speakers.get(c.speaker_id or "")))
            row.update(doc_id=d.id, story=story if story is not None else story_of.get(d.id), outlet=d.outlet,
                       title=d.title, published=d.published, url=d.url, source=claim_source(c, d))
            yield row


def _atomic_lines(path: Path, rows: Iterator[dict[str, Any]]) -> int:
    tmp = path.with_name(path.name + ".tmp")
    n = 0
    with open(tmp, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    tmp.replace(path)
    return n


def _datasette(store: Store, path: Path) -> Path:
    from ..store import is_url
    from ..store.datasette import write_metadata

    if is_url(str(store.path)):
        raise ExportError("Datasette opens SQLite files; this store is on PostgreSQL")
    return write_metadata(store.path, path)


def export(store: Store, fmt: str, path: str | Path, story: str | None = None) -> list[Path]:
    """Write ``fmt`` to ``path`` (only ``story`` when given); return the files written.

    Raises ``ExportError`` for an unknown format or story.
    """
    from ..analysis import Analysis  # analysis imports present.json: import late to keep this module light

    path = Path(path)
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    if fmt in WHOLE_STORE:
        if story is not None:
            raise ExportError(f"{fmt} exports the whole store (leave out --story)")
        if fmt == "parquet":
            from .parquet import write_parquet  # pyarrow: imported only when asked for

            return write_parquet(store, path)
        if fmt == "datasette":
            return [_datasette(store, path)]
        from .graph import write_graphml

        return [write_graphml(store, path)]
    ids = _doc_ids(store, story)
    if fmt == "json":
        write_json(Analysis.from_store(store, ids).to_json(), path)
        return [path]
    if fmt == "jsonl":
        _atomic_lines(path, claim_lines(store, story))
        return [path]
    if fmt == "csv":
        return write_csv(store, path, story)
    if fmt == "html":
        return [write_dossier(store, path, story)]
    items = claimreview_items(store, story)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(items, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)
    return [path]
