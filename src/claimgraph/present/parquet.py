"""Parquet export: one file per table of ``store.flat`` (for pandas, DuckDB, Polars, Spark).

Every table has a fixed schema, so an empty store still writes files that tools open, and a
column of all nulls keeps its type. Rows are written in batches; each file appears atomically.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from ..store import Store
from ..store.flat import TABLES, table_rows
from .coverage import analysis_coverage, coverage_rows, timeline_rows

BATCH = 20_000
_S, _I, _F, _B = pa.string(), pa.int64(), pa.float64(), pa.bool_()
_LIST = pa.list_(pa.string())

SCHEMAS: dict[str, pa.Schema] = {
    "documents": pa.schema([("id", _S), ("story", _S), ("url", _S), ("outlet", _S), ("title", _S),
                            ("author", _S), ("published", _S), ("published_raw", _S), ("kind", _S),
                            ("source", _S), ("duplicate_of", _S), ("content_hash", _S), ("status", _S),
                            ("text", _S)]),
    "claims": pa.schema([("id", _S), ("doc_id", _S), ("story", _S), ("outlet", _S), ("published", _S),
                         ("start_char", _I), ("end_char", _I), ("text", _S), ("speaker", _S), ("speaker_id", _S),
                         ("speaker_mention", _S), ("speaker_type", _S), ("cue", _S), ("via", _LIST),
                         ("hedged", _B), ("kind", _S)]),
    "quantities": pa.schema([("claim_id", _S), ("idx", _I), ("doc_id", _S), ("start_char", _I), ("end_char", _I),
                             ("text", _S), ("value", _F), ("low", _F), ("high", _F), ("approx", _B),
                             ("unit", _S), ("counted", _S), ("kind", _S), ("parse", _S)]),
    "speakers": pa.schema([("id", _S), ("name", _S), ("type", _S), ("role", _S), ("affiliation", _S),
                           ("aliases", _LIST), ("claims", _I), ("documents", _I)]),
    "stories": pa.schema([("id", _S), ("title", _S), ("documents", _LIST), ("n_documents", _I),
                          ("related", _LIST), ("terms", _LIST)]),
    "comparisons": pa.schema([("id", _S), ("story", _S), ("measure", _S), ("verdict", _S), ("kind", _S),
                              ("explanation", _S), ("sources", _LIST), ("independent_origins", _I),
                              ("claims", _LIST), ("sides", pa.list_(_LIST))]),
    "comparison_claims": pa.schema([("comparison_id", _S), ("position", _I), ("claim_id", _S),
                                    ("quantity_idx", _I), ("side", _I)]),
    # the same tables as the CSV export's timelines and coverage (see present/coverage.py)
    "timelines": pa.schema([("story", _S), ("comparison", _I), ("measure", _S), ("verdict", _S), ("date", _S),
                            ("precision", _S), ("date_from", _S), ("outlet", _S), ("speaker", _S),
                            ("figure", _S), ("low", _F), ("high", _F), ("role", _S), ("outdated", _B),
                            ("claim", _S), ("document", _S)]),
    "coverage": pa.schema([("story", _S), ("comparison", _I), ("measure", _S), ("verdict", _S), ("outlet", _S),
                           ("status", _S), ("figures", _LIST), ("sides", pa.list_(_I)), ("one_sided", _B),
                           ("first", _B)]),
}
EXTRA_TABLES = ("timelines", "coverage")
assert set(SCHEMAS) == set(TABLES) | set(EXTRA_TABLES)


def _story_tables(store: Store) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The timelines and coverage rows of every story (one row per report; per measure and outlet)."""
    stories = store.stories()
    docs = list(store.documents([d for s in stories for d in s.documents]))
    timelines, coverage = analysis_coverage(stories, docs, store.comparisons())
    return list(timeline_rows(timelines)), list(coverage_rows(coverage))


def _write(path: Path, schema: pa.Schema, rows: Iterable[dict[str, Any]]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    with pq.ParquetWriter(tmp, schema, compression="zstd") as writer:
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(row)
            if len(batch) >= BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch.clear()
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    tmp.replace(path)


def write_parquet(store: Store, out_dir: str | Path) -> list[Path]:
    """Write ``<out_dir>/<table>.parquet`` for every table; return the files written."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name in TABLES:
        path = out / f"{name}.parquet"
        _write(path, SCHEMAS[name], table_rows(store, name))
        written.append(path)
    for name, rows in zip(EXTRA_TABLES, _story_tables(store), strict=True):
        path = out / f"{name}.parquet"
        _write(path, SCHEMAS[name], rows)
        written.append(path)
    return written
