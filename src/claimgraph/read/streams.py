"""Opening files: transparent gzip, bounded reads (a gzip bomb stops at the limit)."""

from __future__ import annotations

import gzip
import io
import zlib
from pathlib import Path
from typing import BinaryIO

from .sniff import GZIP_MAGIC


class InputTooLarge(ValueError):
    """An input exceeded a configured size limit."""


def open_binary(path: Path) -> BinaryIO:
    """Open ``path`` for reading bytes, decompressing gzip by its magic number."""
    f = open(path, "rb")
    magic = f.read(2)
    f.seek(0)
    if magic == GZIP_MAGIC:
        return gzip.GzipFile(fileobj=f, mode="rb")  # type: ignore[return-value]
    return f


def read_bounded(stream: BinaryIO, limit: int, what: str = "file") -> bytes:
    """Read the whole stream, failing once more than ``limit`` bytes come out of it."""
    buf = io.BytesIO()
    chunk = 1 << 20
    while True:
        try:
            data = stream.read(chunk)
        except (EOFError, gzip.BadGzipFile, zlib.error) as e:
            raise ValueError(f"corrupt or truncated gzip data ({e})") from e
        if not data:
            return buf.getvalue()
        buf.write(data)
        if buf.tell() > limit:
            raise InputTooLarge(f"{what} is larger than the limit of {limit:,} bytes "
                                f"(raise it with --max-file-mb / --max-record-mb)")


def head_bytes(path: Path, n: int = 8192) -> bytes:
    """The first ``n`` (decompressed) bytes of a file, for sniffing.

    A truncated gzip still shows its first bytes (so it is sniffed by content and its reader
    reports the truncation); a gzip that yields nothing at all is an error here.
    """
    with open(path, "rb") as f:
        data = f.read(max(n, 65536))
    if data[:2] != GZIP_MAGIC:
        return data[:n]
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        head = d.decompress(data, n)
    except zlib.error as e:
        raise ValueError(f"corrupt gzip data ({e})") from e
    if not head:
        raise ValueError("corrupt or truncated gzip data (nothing could be decompressed)")
    return head
