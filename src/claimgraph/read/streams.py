"""Opening files: transparent gzip, bounded reads (a gzip bomb stops at the limit)."""

from __future__ import annotations

import gzip
import io
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..limits import LimitExceeded
from .sniff import GZIP_MAGIC

CHUNK = 1 << 20


class InputTooLarge(LimitExceeded):
    """An input exceeded a configured size limit."""


class CorruptInput(ValueError):
    """Compressed data that cannot be decompressed (truncated or damaged)."""


class _Counted(io.RawIOBase):
    """A raw stream over ``inner`` that fails once more than ``limit`` bytes came out of it.

    Decompression errors (which gzip raises as OSError, EOFError or zlib.error) become one
    ``CorruptInput``, so every reader reports a damaged .gz the same way.
    """

    def __init__(self, inner: BinaryIO, limit: int, flag: str):
        self.inner, self.limit, self.flag, self.count = inner, limit, flag, 0
        # read1: one step at a time, so what decompressed before a damaged spot is delivered
        # (GzipFile.read(n) loops, and drops what it had when a later step fails).
        self._read = getattr(inner, "read1", inner.read)

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # type: ignore[override]
        try:
            data = self._read(len(b))
        except (EOFError, zlib.error, gzip.BadGzipFile) as e:
            raise CorruptInput(f"corrupt or truncated gzip data ({e})") from e
        n = len(data)
        self.count += n
        if self.count > self.limit:
            raise InputTooLarge(f"file is larger than the limit of {self.limit:,} bytes after "
                                f"decompression (raise it with {self.flag})")
        b[:n] = data
        return n

    def close(self) -> None:
        try:
            self.inner.close()
        finally:
            super().close()


def open_binary(path: Path, limit: int | None = None, flag: str = "--max-file-mb") -> BinaryIO:
    """Open ``path`` for reading bytes, decompressing gzip by its magic number.

    With ``limit``, reading more than ``limit`` (decompressed) bytes raises ``InputTooLarge``.
    The stream is unbuffered on top of gzip's own buffer: each ``read`` is one decompression
    step, so the data before a damaged spot is delivered before the error is raised.
    """
    f = open(path, "rb")
    magic = f.read(2)
    f.seek(0)
    inner: BinaryIO = gzip.GzipFile(fileobj=f, mode="rb") if magic == GZIP_MAGIC else f  # type: ignore[assignment]
    if limit is None and inner is f:
        return f
    return _Counted(inner, limit if limit is not None else 1 << 62, flag)  # type: ignore[return-value]


def read_bounded(stream: BinaryIO, limit: int, what: str = "file", flag: str = "--max-file-mb") -> bytes:
    """Read the whole stream, failing once more than ``limit`` bytes come out of it."""
    buf = io.BytesIO()
    while True:
        try:
            data = stream.read(CHUNK)
        except (EOFError, gzip.BadGzipFile, zlib.error) as e:
            raise CorruptInput(f"corrupt or truncated gzip data ({e})") from e
        if not data:
            return buf.getvalue()
        buf.write(data)
        if buf.tell() > limit:
            raise InputTooLarge(f"{what} is larger than the limit of {limit:,} bytes (raise it with {flag})")


def bounded_lines(text: io.TextIOBase, limit: int) -> Iterator[str]:
    """The lines of ``text`` for the csv module, refusing one longer than ``limit`` characters
    (a CSV "line" of 500 MB of commas would become 500 million fields)."""
    while line := text.readline(limit + 1):
        if len(line) > limit and not line.endswith("\n"):
            raise InputTooLarge(f"CSV line longer than {limit:,} characters (raise it with --max-record-mb)")
        yield line


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
        raise CorruptInput(f"corrupt gzip data ({e})") from e
    if not head:
        raise CorruptInput("corrupt or truncated gzip data (nothing could be decompressed)")
    return head
