"""Plain-text and HTML files: one file is one document."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..model import InputKind, RawDoc
from .options import ReadOptions
from .streams import open_binary, read_bounded


def read_document_file(path: Path, doc_id: str, kind: InputKind, opts: ReadOptions) -> Iterator[RawDoc]:
    """Yield the file as one RawDoc with its undecoded bytes (decoding is the cleaner's job)."""
    with open_binary(path) as s:
        data = read_bounded(s, opts.max_file_bytes)
    yield RawDoc(id=doc_id, content=data, kind=kind, source=str(path))
