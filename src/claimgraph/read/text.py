"""Plain-text and HTML files: one file is one document."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..model import InputKind, RawDoc
from .options import ReadOptions
from .streams import open_binary, read_bounded


def read_document_file(path: Path, doc_id: str, kind: InputKind, opts: ReadOptions,
                       source: str | None = None) -> Iterator[RawDoc]:
    """Yield the file as one RawDoc with its undecoded bytes (decoding is the cleaner's job).

    One file is one document, so the record limit applies (a 100 MB one-line .txt is refused
    after reading 20 MB, not loaded whole).
    """
    limit = min(opts.max_record_bytes, opts.max_file_bytes)
    with open_binary(path) as s:
        data = read_bounded(s, limit, "document", "--max-record-mb")
    yield RawDoc(id=doc_id, content=data, kind=kind, source=source or str(path))
