"""WARC / WARC.gz: HTML responses become documents; everything else is skipped."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from fastwarc.warc import ArchiveIterator, WarcRecordType

from ..model import RawDoc, ReadError
from .options import ReadOptions

_HTML_TYPES = ("text/html", "application/xhtml")


def read_warc(path: Path, source: str, opts: ReadOptions) -> Iterator[RawDoc | ReadError]:
    """Stream HTML response records; a broken record ends the file with a one-line error."""
    n = 0
    try:
        with open(path, "rb") as f:
            for record in ArchiveIterator(f, record_types=WarcRecordType.response, parse_http=True,
                                          fsspec_args=False):
                n += 1
                ctype = (record.http_headers.get("Content-Type") or "") if record.http_headers else ""
                if not any(t in ctype.lower() for t in _HTML_TYPES):
                    continue
                length = record.content_length or 0
                if length > opts.max_record_bytes:
                    yield ReadError(source, f"WARC record over the limit of {opts.max_record_bytes:,} bytes", n)
                    continue
                body = record.reader.read()
                url = record.headers.get("WARC-Target-URI")
                date = record.headers.get("WARC-Date")
                yield RawDoc(id=url or record.record_id or f"{path.name}:{n}", content=body, kind="html",
                             source=source, line=n, url=url,
                             published=date[:10] if date else None)
    except Exception as e:  # fastwarc raises its own parse errors on broken records
        yield ReadError(source, f"broken WARC record after record {n} ({type(e).__name__}: {e})", n + 1)
