"""WARC / WARC.gz: HTML responses become documents; everything else is skipped."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from fastwarc.warc import ArchiveIterator, WarcRecordType

from ..model import RawDoc, ReadError
from .options import ReadOptions

_HTML_TYPES = ("text/html", "application/xhtml")


def read_warc(path: Path, source: str, opts: ReadOptions) -> Iterator[RawDoc | ReadError]:
    """Stream HTML response records; a broken record ends the file with a one-line error.

    Records are numbered from 1 in file order (all types), so an error's number finds the
    record. A record whose header lost its Content-Length, or whose payload is shorter than
    announced, is reported as truncated instead of passing silently.

    The file limit counts decompressed bytes, as for every input: a .warc.gz of a few MB can hold
    a record of hundreds of GB of zeros, which fastwarc would inflate only to skip it. The records'
    announced lengths are added up before each one is read or skipped.
    """
    n = total = 0
    try:
        with open(path, "rb") as f:
            for record in ArchiveIterator(f, parse_http=False, fsspec_args=False):
                n += 1
                if "Content-Length" not in record.headers:
                    yield ReadError(source, "broken WARC record (header without Content-Length)", n)
                    continue
                total += record.content_length or 0
                if total > opts.max_file_bytes:
                    yield ReadError(source, f"file is larger than the limit of {opts.max_file_bytes:,} bytes "
                                            "after decompression (raise it with --max-file-mb); stopped at "
                                            f"record {n}", n)
                    return
                if record.record_type != WarcRecordType.response:
                    continue
                length = record.content_length or 0
                if length > opts.max_record_bytes:
                    yield ReadError(source, f"WARC record of {length:,} bytes is over the limit of "
                                            f"{opts.max_record_bytes:,} (raise it with --max-record-mb)", n)
                    continue
                record.parse_http()
                if record.http_headers is None:
                    yield ReadError(source, "broken WARC record (unreadable HTTP header)", n)
                    continue
                ctype = (record.http_headers.get("Content-Type") or "") if record.http_headers else ""
                if not any(t in ctype.lower() for t in _HTML_TYPES):
                    continue
                expected = record.content_length or 0  # the payload's length, once HTTP is parsed
                body = record.reader.read(opts.max_record_bytes + 1)
                if len(body) < expected:
                    yield ReadError(source, f"truncated WARC record ({len(body):,} of {expected:,} bytes)", n)
                    continue
                url = record.headers.get("WARC-Target-URI")
                date = record.headers.get("WARC-Date")
                yield RawDoc(id=url or record.record_id or f"{path.name}:{n}", content=body, kind="html",
                             source=source, line=n, url=url, published=date[:10] if date else None)
    except Exception as e:  # fastwarc raises its own parse errors on broken records
        yield ReadError(source, f"broken WARC record after record {n} ({type(e).__name__}: {e})", n + 1)
