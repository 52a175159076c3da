"""Readers: turn paths, directories, stdin and URLs into a stream of RawDoc (or ReadError).

Nothing here raises for a bad input: every problem becomes a ``ReadError`` naming the file (and
line), so the rest of the batch goes on.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..model import RawDoc, ReadError
from .options import ReadOptions
from .records import read_csv, read_json, read_jsonl, record_to_doc
from .sniff import sniff, strip_compression_suffix
from .streams import InputTooLarge, head_bytes, read_bounded
from .text import read_document_file
from .urls import is_url, read_url
from .warc import read_warc

__all__ = ["ReadOptions", "iter_inputs", "iter_sources", "read_path"]

_SKIP_NAMES = {".DS_Store", "Thumbs.db"}


def iter_sources(items: Iterable[object], opts: ReadOptions | None = None) -> Iterator[RawDoc | ReadError]:
    """Like ``iter_inputs``, but also takes ``RawDoc`` objects and record dicts (the Python API)."""
    opts = opts or ReadOptions()
    for n, item in enumerate(items, 1):
        if isinstance(item, (RawDoc, ReadError)):
            yield item
        elif isinstance(item, dict):
            yield record_to_doc(item, source="<api>", line=n, stem="doc", opts=opts)
        elif isinstance(item, (str, os.PathLike)):
            yield from iter_inputs([os.fspath(item)], opts)
        else:
            yield ReadError("<api>", f"cannot read a {type(item).__name__}", n)


def iter_inputs(args: Iterable[str], opts: ReadOptions | None = None) -> Iterator[RawDoc | ReadError]:
    """Every document behind the command-line arguments, in a stable order."""
    opts = opts or ReadOptions()
    for arg in args:
        if arg == "-":
            yield from _read_stdin(opts)
        elif is_url(arg):
            yield from read_url(arg, opts)
        else:
            path = Path(arg)
            if path.is_dir():
                yield from _walk(path, opts)
            elif path.exists() or path.is_symlink():
                yield from read_path(path, path.name, opts)
            else:
                yield ReadError(arg, "no such file or directory")


def _walk(root: Path, opts: ReadOptions) -> Iterator[RawDoc | ReadError]:
    """Recurse into a directory; ids are paths relative to it. Symlink loops are cut."""
    seen: set[tuple[int, int]] = set()

    def onerror(e: OSError) -> None:
        errors.append(ReadError(e.filename or str(root), f"cannot read directory ({e.strerror})"))

    errors: list[ReadError] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=opts.follow_symlinks, onerror=onerror):
        yield from errors
        errors.clear()
        try:
            st = os.stat(dirpath)
        except OSError as e:
            yield ReadError(dirpath, f"cannot read directory ({e.strerror})")
            dirnames[:] = []
            continue
        key = (st.st_dev, st.st_ino)
        if key in seen:  # a symlink loop, or the same folder linked twice
            yield ReadError(dirpath, "directory already visited (symlink loop?), skipped")
            dirnames[:] = []
            continue
        seen.add(key)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or name in _SKIP_NAMES:
                continue
            path = Path(dirpath) / name
            yield from read_path(path, path.relative_to(root).as_posix(), opts)
    yield from errors


def read_path(path: Path, doc_id: str, opts: ReadOptions) -> Iterator[RawDoc | ReadError]:
    """Read one file of any supported format; errors become ``ReadError``."""
    source = str(path)
    try:
        size = path.stat().st_size
        if size > opts.max_file_bytes:
            yield ReadError(source, f"file is {size:,} bytes, over the limit of {opts.max_file_bytes:,} "
                                    "(raise it with --max-file-mb)")
            return
        head = head_bytes(path)
        fmt = sniff(path.name, head)
        stem = strip_compression_suffix(path.name).rsplit(".", 1)[0] or path.name
        if fmt == "empty":
            yield ReadError(source, "empty file")
        elif fmt == "binary":
            yield ReadError(source, "binary file (not text, HTML, JSON, CSV or WARC), skipped")
        elif fmt == "warc":
            yield from read_warc(path, source, opts)
        elif fmt == "jsonl":
            yield from read_jsonl(path, source, stem, opts)
        elif fmt == "json":
            yield from read_json(path, source, stem, opts)
        elif fmt == "csv":
            yield from read_csv(path, source, stem, opts)
        else:
            yield from read_document_file(path, doc_id, "html" if fmt == "html" else "text", opts)
    except InputTooLarge as e:
        yield ReadError(source, str(e))
    except FileNotFoundError:
        yield ReadError(source, "file vanished before it could be read")
    except PermissionError:
        yield ReadError(source, "permission denied")
    except IsADirectoryError:
        yield ReadError(source, "is a directory")
    except (OSError, ValueError, EOFError) as e:
        yield ReadError(source, f"cannot read ({e})")


def _read_stdin(opts: ReadOptions) -> Iterator[RawDoc | ReadError]:
    try:
        data = read_bounded(sys.stdin.buffer, opts.max_file_bytes, "standard input")
    except (InputTooLarge, ValueError) as e:
        yield ReadError("-", str(e))
        return
    fmt = sniff("stdin", data[:8192])
    if fmt == "empty":
        yield ReadError("-", "standard input is empty")
    elif fmt == "binary":
        yield ReadError("-", "standard input is binary, not text")
    elif fmt in ("jsonl", "json"):
        import tempfile

        # The record readers stream from files; a spooled temp file keeps that single code path.
        with tempfile.NamedTemporaryFile(suffix=".jsonl") as tmp:
            tmp.write(data)
            tmp.flush()
            reader = read_jsonl if fmt == "jsonl" else read_json
            yield from reader(Path(tmp.name), "-", "stdin", opts)
    else:
        yield RawDoc(id="stdin", content=data, kind="html" if fmt == "html" else "text", source="-")


