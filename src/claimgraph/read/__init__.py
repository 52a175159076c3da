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
from .fetch import Fetcher
from .options import ReadOptions
from .paths import NotReadable, check_readable, display, is_virtual
from .presets import read_preset
from .records import read_csv, read_json, read_jsonl, record_to_doc, stop_bad_runs
from .sniff import sniff, strip_compression_suffix
from .streams import CorruptInput, InputTooLarge, head_bytes, open_binary, read_bounded
from .text import read_document_file
from .urls import is_url, read_feed_bytes, read_url
from .warc import read_warc

__all__ = ["Fetcher", "ReadOptions", "iter_inputs", "iter_sources", "read_path"]

_SKIP_NAMES = {".DS_Store", "Thumbs.db"}


def iter_sources(items: Iterable[object], opts: ReadOptions | None = None,
                 fetcher: Fetcher | None = None) -> Iterator[RawDoc | ReadError]:
    """Like ``iter_inputs``, but also takes ``RawDoc`` objects and record dicts (the Python API)."""
    opts = opts or ReadOptions()
    for n, item in enumerate(items, 1):
        if isinstance(item, (RawDoc, ReadError)):
            yield item
        elif isinstance(item, dict):
            yield record_to_doc(item, source="<api>", line=n, stem="doc", opts=opts)
        elif isinstance(item, (str, os.PathLike)):
            yield from iter_inputs([os.fspath(item)], opts, fetcher)
        else:
            yield ReadError("<api>", f"cannot read a {type(item).__name__}", n)


def iter_inputs(args: Iterable[str], opts: ReadOptions | None = None,
                fetcher: Fetcher | None = None) -> Iterator[RawDoc | ReadError]:
    """Every document behind the command-line arguments, in a stable order.

    ``fetcher`` fetches URLs, feeds and the articles they list (one polite client for the run;
    give it the store's state to skip what an earlier run read).
    """
    opts = opts or ReadOptions()
    fetcher = fetcher or Fetcher(opts)
    for arg in args:
        if arg == "-":
            yield from _read_stdin(opts, fetcher)
        elif is_url(arg):
            yield from read_url(arg, opts, fetcher)
        else:
            path = Path(arg)
            if path.is_dir():
                yield from _walk(path, opts, fetcher)
            elif path.is_fifo():
                yield from _read_pipe(path, opts, fetcher)
            elif path.exists() or path.is_symlink():
                yield from read_path(path, path.name, opts, fetcher=fetcher)
            else:
                yield ReadError(display(arg), "no such file or directory")


def _walk(root: Path, opts: ReadOptions, fetcher: Fetcher) -> Iterator[RawDoc | ReadError]:
    """Recurse into a directory; ids are paths relative to it. Symlink loops are cut."""
    seen: set[tuple[int, int]] = set()

    def onerror(e: OSError) -> None:
        errors.append(ReadError(display(e.filename or str(root)), f"cannot read directory ({e.strerror})"))

    errors: list[ReadError] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=opts.follow_symlinks, onerror=onerror):
        yield from errors
        errors.clear()
        try:
            st = os.stat(dirpath)
        except OSError as e:
            yield ReadError(display(dirpath), f"cannot read directory ({e.strerror})")
            dirnames[:] = []
            continue
        key = (st.st_dev, st.st_ino)
        if key in seen:  # a symlink loop, or the same folder linked twice
            yield ReadError(display(dirpath), "directory already visited (symlink loop?), skipped")
            dirnames[:] = []
            continue
        seen.add(key)
        keep = []
        for d in sorted(dirnames):
            if d.startswith("."):
                continue
            sub = Path(dirpath) / d
            if os.path.islink(sub) and is_virtual(sub):
                yield ReadError(display(str(sub)), "symlink into a kernel file system (/proc, /sys, /dev, /run), "
                                                   "skipped")
                continue
            keep.append(d)
        dirnames[:] = keep
        for name in sorted(filenames):
            if name.startswith(".") or name in _SKIP_NAMES:
                continue
            path = Path(dirpath) / name
            yield from read_path(path, path.relative_to(root).as_posix(), opts, fetcher=fetcher)
    yield from errors


def read_path(path: Path, doc_id: str, opts: ReadOptions, source: str | None = None,
              name: str | None = None, fetcher: Fetcher | None = None) -> Iterator[RawDoc | ReadError]:
    """Read one file of any supported format; errors become ``ReadError``, never exceptions.

    ``source`` names the input in errors and provenance (default: the path, made printable);
    ``name`` is the file name used for sniffing and record ids (default: the path's). A feed or
    sitemap file yields the articles it links to, fetched with ``fetcher``.
    """
    source = source or display(str(path))
    name = name or path.name
    doc_id = display(doc_id)
    try:
        st = check_readable(path)
        if st.st_size > opts.max_file_bytes:
            yield ReadError(source, f"file is {st.st_size:,} bytes, over the limit of {opts.max_file_bytes:,} "
                                    "(raise it with --max-file-mb)")
            return
        head = head_bytes(path)
        fmt = sniff(name, head)
        if fmt in ("text", "html") and st.st_size > opts.max_record_bytes:
            # One file is one document: refuse before reading rather than after 20 MB (a .gz of
            # text or HTML holds more than its compressed size, so the test holds for it too).
            yield ReadError(source, f"document is {st.st_size:,} bytes, over the limit of "
                                    f"{opts.max_record_bytes:,} (raise it with --max-record-mb)")
            return
        stem = display(strip_compression_suffix(name).rsplit(".", 1)[0] or name)
        if opts.preset and fmt not in ("empty", "binary", "warc"):
            yield from read_preset(path, source, opts, fetcher or Fetcher(opts))
        elif fmt == "empty":
            yield ReadError(source, "empty file")
        elif fmt == "binary":
            yield ReadError(source, "binary file (not text, HTML, JSON, CSV or WARC), skipped")
        elif fmt == "warc":
            yield from stop_bad_runs(read_warc(path, source, opts), source)
        elif fmt == "jsonl":
            yield from stop_bad_runs(read_jsonl(path, source, stem, opts), source)
        elif fmt == "json":
            yield from stop_bad_runs(read_json(path, source, stem, opts), source)
        elif fmt == "csv":
            yield from stop_bad_runs(read_csv(path, source, stem, opts), source)
        elif fmt == "feed":
            with open_binary(path) as f:
                data = read_bounded(f, opts.max_file_bytes, "feed", "--max-file-mb")
            yield from read_feed_bytes(data, source, opts, fetcher or Fetcher(opts))
        else:
            yield from read_document_file(path, doc_id, "html" if fmt == "html" else "text", opts, source)
    except NotReadable as e:
        yield ReadError(source, str(e))
    except (InputTooLarge, CorruptInput) as e:
        yield ReadError(source, str(e))
    except FileNotFoundError:
        yield ReadError(source, "file vanished before it could be read")
    except PermissionError:
        yield ReadError(source, "permission denied")
    except IsADirectoryError:
        yield ReadError(source, "is a directory")
    except OSError as e:
        yield ReadError(source, f"cannot read ({e.strerror or e})")
    except Exception as e:  # the last guard: one odd file must never end the run
        yield ReadError(source, f"cannot read ({type(e).__name__}: {_one_line(str(e))})")


def _one_line(msg: str) -> str:
    return " ".join(msg.split())[:300]


def _read_stdin(opts: ReadOptions, fetcher: Fetcher) -> Iterator[RawDoc | ReadError]:
    """Standard input is spooled to a temporary file (bounded), then read like any file."""
    yield from _read_stream(sys.stdin.buffer, "-", "stdin", "standard input", opts, fetcher)


def _read_pipe(path: Path, opts: ReadOptions, fetcher: Fetcher) -> Iterator[RawDoc | ReadError]:
    """A FIFO named on the command line (``<(zcat x.gz)``): the user asked for it, so read it."""
    source = display(str(path))
    try:
        f = open(path, "rb")
    except OSError as e:
        yield ReadError(source, f"cannot read ({e.strerror or e})")
        return
    with f:
        yield from _read_stream(f, source, display(path.name), source, opts, fetcher)


def _read_stream(stream, source: str, name: str, what: str, opts: ReadOptions,
                 fetcher: Fetcher) -> Iterator[RawDoc | ReadError]:
    """Spool ``stream`` into a temporary file, at most ``max_file_bytes``, and read that."""
    import tempfile

    with tempfile.NamedTemporaryFile(prefix="claimgraph-") as tmp:
        total = 0
        try:
            while chunk := stream.read(1 << 20):
                total += len(chunk)
                if total > opts.max_file_bytes:
                    yield ReadError(source, f"{what} is larger than the limit of {opts.max_file_bytes:,} "
                                            "bytes (raise it with --max-file-mb)")
                    return
                tmp.write(chunk)
            tmp.flush()
        except (OSError, ValueError) as e:
            yield ReadError(source, f"cannot read {what} ({e})")
            return
        for item in read_path(Path(tmp.name), name, opts, source=source, name=name, fetcher=fetcher):
            if isinstance(item, ReadError) and item.message == "empty file":
                item = ReadError(source, f"{what} is empty")
            yield item
