"""Record files (JSONL, JSON arrays, CSV): one record is one document, read as a stream."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..model import RawDoc, ReadError
from .options import ReadOptions
from .streams import open_binary, read_bounded


def _as_str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        items = [str(v).strip() for v in value if v is not None and str(v).strip()]
        return ", ".join(items) or None
    s = str(value).strip()
    return s or None


def record_to_doc(rec: Any, *, source: str, line: int, stem: str, opts: ReadOptions) -> RawDoc | ReadError:
    """Map one parsed record onto a RawDoc, or explain why it cannot be one."""
    if not isinstance(rec, dict):
        return ReadError(source, f"record is a JSON {type(rec).__name__}, not an object", line)
    text_col, html_col = opts.column("text", rec), opts.column("html", rec)
    body, kind = None, "text"
    if text_col and rec.get(text_col) not in (None, ""):
        body = rec[text_col]
    elif html_col and rec.get(html_col) not in (None, ""):
        body, kind = rec[html_col], "html"
    if body is None:
        wanted = opts.fields.get("text", "text")
        return ReadError(source, f"record has no text (expected a '{wanted}' or 'html' field)", line)
    if not isinstance(body, str):
        return ReadError(source, f"record text is a {type(body).__name__}, not a string", line)
    if len(body) > opts.max_record_bytes:
        return ReadError(source, f"record text is {len(body):,} characters, over the limit of "
                                 f"{opts.max_record_bytes:,} (raise it with --max-record-mb)", line)

    def get(name: str) -> str | None:
        col = opts.column(name, rec)
        return _as_str(rec.get(col)) if col else None

    doc_id = get("id") or f"{stem}:{line}"
    extra = {k: v for k, v in rec.items() if isinstance(v, (str, int, float, bool)) and k not in
             {text_col, html_col} and len(str(v)) < 1000}
    return RawDoc(id=doc_id, content=body, kind=kind, source=source, line=line, url=get("url"),
                  outlet=get("outlet"), title=get("title"), author=get("authors"),
                  published=get("published"), extra=extra)


def _lines(stream, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """Physical lines with their numbers; an over-long line yields ``None`` after being skipped."""
    n = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        n += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # skip the rest of the over-long line without holding it
                more = stream.readline(1 << 20)
                if not more or more.endswith(b"\n"):
                    break
            yield n, None
            continue
        yield n, line


def read_jsonl(path: Path, source: str, stem: str, opts: ReadOptions) -> Iterator[RawDoc | ReadError]:
    """Stream a JSONL file: bad lines are reported with their number, the rest goes on."""
    with open_binary(path) as s:
        try:
            for n, line in _lines(s, opts.max_line_bytes):
                if line is None:
                    yield ReadError(source, f"line longer than {opts.max_line_bytes:,} bytes skipped", n)
                    continue
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except (json.JSONDecodeError, UnicodeDecodeError) as e:
                    msg = e.msg if isinstance(e, json.JSONDecodeError) else "not valid UTF-8"
                    yield ReadError(source, f"invalid JSON ({msg})", n)
                    continue
                yield record_to_doc(rec, source=source, line=n, stem=stem, opts=opts)
        except (EOFError, OSError) as e:
            yield ReadError(source, f"stopped reading: corrupt or truncated data ({e})")


def read_json(path: Path, source: str, stem: str, opts: ReadOptions) -> Iterator[RawDoc | ReadError]:
    """A JSON array of records, or one record (read whole; use JSONL for big corpora)."""
    with open_binary(path) as s:
        data = read_bounded(s, opts.max_file_bytes)
    try:
        parsed = json.loads(data)
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        yield ReadError(source, f"invalid JSON ({getattr(e, 'msg', 'not valid UTF-8')})")
        return
    records = parsed if isinstance(parsed, list) else parsed.get("documents", [parsed]) \
        if isinstance(parsed, dict) else [parsed]
    for i, rec in enumerate(records, 1):
        yield record_to_doc(rec, source=source, line=i, stem=stem, opts=opts)


def read_csv(path: Path, source: str, stem: str, opts: ReadOptions) -> Iterator[RawDoc | ReadError]:
    """Stream a CSV/TSV file with a header row; the line number is the record's first line."""
    csv.field_size_limit(max(opts.max_record_bytes, 131072))
    delimiter = "\t" if path.name.lower().removesuffix(".gz").endswith(".tsv") else ","
    with open_binary(path) as s:
        text = io.TextIOWrapper(s, encoding="utf-8", errors="replace", newline="")
        reader = csv.DictReader(text, delimiter=delimiter)
        try:
            for row in reader:
                yield record_to_doc(row, source=source, line=reader.line_num, stem=stem, opts=opts)
        except csv.Error as e:
            yield ReadError(source, f"malformed CSV ({e})", reader.line_num)
        except (EOFError, OSError) as e:
            yield ReadError(source, f"stopped reading: corrupt or truncated data ({e})", reader.line_num)
