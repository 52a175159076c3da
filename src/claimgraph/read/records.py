"""Record files (JSONL, JSON arrays, CSV): one record is one document, read as a stream."""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from .. import limits
from ..clean.decode import decode_bytes
from ..model import RawDoc, ReadError
from .options import ReadOptions
from .streams import CHUNK, CorruptInput, InputTooLarge, bounded_lines, head_bytes, open_binary, read_bounded

_SURROGATE = re.compile("[\ud800-\udfff]")
_JSON_WS = re.compile(r"[ \t\r\n]*")
_NUMBER_TAIL = re.compile(r"[0-9.eE+\-]*")
_BLANK_LINES = re.compile(rb"[ \t\r\f\v\n]*\n")  # a run of whitespace-only lines, ending at a newline


def _scrub(s: str) -> str:
    """``s`` without lone surrogates (JSON's "\\ud800" escapes), which no UTF-8 store accepts."""
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", s)


def _as_str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        items = [str(v).strip() for v in value if v is not None and str(v).strip()]
        return _scrub(", ".join(items)) or None
    s = str(value).strip()
    return _scrub(s) or None


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

    meta: dict[str, str | None] = {}
    for name in ("id", "url", "outlet", "title", "published", "authors"):
        col = opts.column(name, rec)
        value = _as_str(rec.get(col)) if col else None
        cap = limits.MAX_ID_CHARS if name == "id" else limits.MAX_FIELD_CHARS
        if value is not None and len(value) > cap:
            return ReadError(source, f"record field '{col}' is {len(value):,} characters, over the limit "
                                     f"of {cap:,} for metadata", line)
        meta[name] = value

    doc_id = meta["id"] or f"{stem}:{line}"
    extra = {_scrub(str(k)): _scrub(v) if isinstance(v, str) else v for k, v in rec.items()
             if isinstance(v, (str, int, float, bool)) and k not in {text_col, html_col} and len(str(v)) < 1000}
    return RawDoc(id=doc_id, content=_scrub(body), kind=kind, source=source, line=line, url=meta["url"],
                  outlet=meta["outlet"], title=meta["title"], author=meta["authors"],
                  published=meta["published"], extra=extra)


def iter_lines(stream: BinaryIO, limit: int, chunk: int = CHUNK) -> Iterator[tuple[int, bytes | None]]:
    """``(line number, line)`` for every non-blank line; ``None`` for a line over ``limit`` bytes.

    Reads fixed-size chunks, so memory stays near ``limit`` whatever the input, and skips runs
    of blank lines in one C-level step (a gzip of nothing but newlines is a classic bomb).
    Whitespace-only lines are skipped whatever their length.
    """
    n = 0  # lines finished so far
    parts: list[bytes] = []  # the unfinished line carried over from earlier chunks
    size = 0
    skipping = False  # inside a line already known to be too long
    blank = True  # the current line is whitespace so far
    while data := stream.read(chunk):
        pos, end = 0, len(data)
        while pos < end:
            if not parts and not skipping:
                run = _BLANK_LINES.match(data, pos)
                if run:
                    n += data.count(b"\n", pos, run.end())
                    pos = run.end()
                    continue
            nl = data.find(b"\n", pos)
            piece = data[pos:] if nl < 0 else data[pos:nl]
            if blank and piece and not piece.isspace():
                blank = False
            if not skipping:
                if size + len(piece) > limit:
                    skipping, parts, size = True, [], 0
                else:
                    parts.append(piece)
                    size += len(piece)
            if nl < 0:
                break
            n += 1
            pos = nl + 1
            if not blank:
                yield n, (None if skipping else b"".join(parts))
            skipping, parts, size, blank = False, [], 0, True
    if not blank:
        yield n + 1, (None if skipping else b"".join(parts))


def _parse(line: bytes) -> tuple[Any, str | None]:
    """``(record, None)`` or ``(None, why it is not JSON)``.

    A line that is not valid UTF-8 (a cp1252 export, a few stray bytes) is decoded like a text
    file rather than refused: losing a whole article to one bad byte helps nobody.
    """
    try:
        try:
            return json.loads(line), None
        except UnicodeDecodeError:
            return json.loads(decode_bytes(line)[0]), None
    except json.JSONDecodeError as e:
        return None, f"invalid JSON ({e.msg})"
    except RecursionError:
        return None, "invalid JSON (nested too deeply)"


def read_jsonl(path: Path, source: str, stem: str, opts: ReadOptions) -> Iterator[RawDoc | ReadError]:
    """Stream a JSONL file: bad lines are reported with their number, the rest goes on."""
    line_limit = opts.line_limit()
    n = 0
    with open_binary(path, opts.max_file_bytes) as s:
        try:
            for n, line in iter_lines(s, line_limit):
                if line is None:
                    yield ReadError(source, f"line longer than {line_limit:,} bytes skipped "
                                            "(raise it with --max-record-mb)", n)
                    continue
                rec, why = _parse(line)
                yield ReadError(source, why, n) if why else \
                    record_to_doc(rec, source=source, line=n, stem=stem, opts=opts)
        except (CorruptInput, InputTooLarge) as e:
            yield ReadError(source, f"{e}; stopped reading after line {n:,}", n + 1)


def stop_bad_runs(items: Iterator[RawDoc | ReadError], source: str) -> Iterator[RawDoc | ReadError]:
    """Pass records through until ``MAX_BAD_RECORDS_IN_A_ROW`` errors come in a row.

    Such a file is not what its name says (a log named .jsonl, a binary .csv): it is abandoned
    with one more error instead of flooding the terminal with a million.
    """
    run = 0
    try:
        for item in items:
            yield item
            run = run + 1 if isinstance(item, ReadError) else 0
            if run >= limits.MAX_BAD_RECORDS_IN_A_ROW:
                yield ReadError(source, f"{run:,} bad records in a row; rest of the file skipped", item.line)
                return
    finally:
        getattr(items, "close", lambda: None)()  # close the file now, not at garbage collection


def json_array(stream: BinaryIO, record_limit: int, chunk: int = CHUNK) -> Iterator[tuple[int, Any, str | None]]:
    """The elements of a top-level JSON array, one at a time: ``(index, value, None)``, or
    ``(index, None, why)`` for the element where reading had to stop (arrays cannot resync).

    Memory holds one element (bounded by ``record_limit``) plus a read chunk, whatever the
    file size; an element cut by the chunk end is completed by reading on (doubling the read).
    """
    decoder = codecs.getincrementaldecoder("utf-8-sig")("replace")
    parse = json.JSONDecoder().raw_decode
    buf, pos, eof = "", 0, False

    def more(n: int) -> None:
        nonlocal buf, pos, eof
        data = stream.read(n)
        eof = not data
        buf = buf[pos:] + decoder.decode(data, final=eof)
        pos = 0

    def skip_ws() -> None:
        nonlocal pos
        while True:
            pos = _JSON_WS.match(buf, pos).end()  # type: ignore[union-attr]
            if pos < len(buf) or eof:
                return
            more(chunk)

    more(chunk)
    skip_ws()
    pos += 1  # the "[" the sniffer saw
    i = 0
    while True:
        skip_ws()
        if pos < len(buf) and buf[pos] == "]":
            return
        if i and pos < len(buf):
            if buf[pos] != ",":
                yield i + 1, None, "invalid JSON (expected ',' between records)"
                return
            pos += 1
            skip_ws()
        i += 1
        want = chunk
        while True:
            try:
                value, end = parse(buf, pos)
                if eof or not _NUMBER_TAIL.fullmatch(buf, end):  # "12" of "12.5e3" may go on
                    break
            except json.JSONDecodeError as e:
                # Cut by the chunk end (a string, literal or escape running to the end) or bad?
                cut = len(buf) - e.pos <= 8 or e.msg.startswith("Unterminated")
                if eof or not cut:
                    yield i, None, f"invalid JSON ({e.msg})"
                    return
            except RecursionError:
                yield i, None, "invalid JSON (nested too deeply)"
                return
            if len(buf) - pos > record_limit:
                yield i, None, f"record larger than {record_limit:,} bytes (raise it with --max-record-mb)"
                return
            more(want)
            want *= 2
        pos = end
        yield i, value, None


def read_json(path: Path, source: str, stem: str, opts: ReadOptions) -> Iterator[RawDoc | ReadError]:
    """A JSON array of records (streamed, one record in memory at a time), or one object.

    An object is one record, or holds them under ``"documents"``; it is read whole (bounded
    by the file limit). Records are numbered from 1 in errors.
    """
    with open_binary(path, opts.max_file_bytes) as s:
        if head_is_array(path):
            try:
                for i, rec, why in json_array(s, opts.line_limit()):
                    yield ReadError(source, why, i) if why else \
                        record_to_doc(rec, source=source, line=i, stem=stem, opts=opts)
            except (CorruptInput, InputTooLarge) as e:
                yield ReadError(source, f"{e}; stopped reading")
            return
        data = read_bounded(s, opts.max_file_bytes)
    parsed, why = _parse(data)
    del data
    if why:
        yield ReadError(source, why)
        return
    records = parsed.get("documents", [parsed]) if isinstance(parsed, dict) else [parsed]
    if not isinstance(records, list):
        records = [records]
    for i, rec in enumerate(records, 1):
        yield record_to_doc(rec, source=source, line=i, stem=stem, opts=opts)


def head_is_array(path: Path) -> bool:
    """Whether the (decompressed) file starts, after whitespace and a BOM, with ``[``."""
    return head_bytes(path, 4096).lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"[")


def read_csv(path: Path, source: str, stem: str, opts: ReadOptions) -> Iterator[RawDoc | ReadError]:
    """Stream a CSV/TSV file with a header row; the line number is the record's first line."""
    csv.field_size_limit(max(opts.max_record_bytes, 131072))
    delimiter = "\t" if path.name.lower().removesuffix(".gz").endswith(".tsv") else ","
    with open_binary(path, opts.max_file_bytes) as s:
        text = io.TextIOWrapper(s, encoding="utf-8", errors="replace", newline="")
        reader = csv.DictReader(bounded_lines(text, opts.line_limit()), delimiter=delimiter)
        try:
            for row in reader:
                yield record_to_doc(row, source=source, line=reader.line_num, stem=stem, opts=opts)
        except csv.Error as e:
            yield ReadError(source, f"malformed CSV ({e}); rest of the file skipped", reader.line_num)
        except (CorruptInput, InputTooLarge) as e:
            yield ReadError(source, f"{e}; stopped reading", reader.line_num + 1)
