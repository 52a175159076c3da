"""Known exports as input (``--preset``): their rows become article links, fetched like a feed's.

- ``mediacloud``: a Media Cloud story CSV (the search tool's export: ``id, indexed_date, language,
  media_name, media_url, publish_date, title, url``; the older one: ``stories_id, publish_date,
  title, url, language, ap_syndicated, themes, media_id, media_name, media_url``). ``url`` is
  fetched; ``id``/``stories_id`` is kept in the document's extra fields; ``title``, ``publish_date``
  and ``media_name`` (else ``media_url``'s host) fill title, date and outlet.
- ``gdelt``: GDELT 2.0 tab-separated files without a header, told apart by their column count:
  GKG 2.1 (27 columns: ``DocumentIdentifier`` is the URL, ``V2.1DATE`` the date,
  ``SourceCommonName`` the outlet), Events 2.0 (61 columns: ``SOURCEURL``, ``DATEADDED``) and
  Events 1.0 (58 columns: ``SOURCEURL``, ``DATEADDED``), or a plain list of URLs, one a line.
  A URL cited by several events is fetched once.

Rows of a CSV that already carry article text are not what these exports are: use the normal
reader (with ``--field``) for those.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from ..clean.metadata import outlet_from_url
from ..model import RawDoc, ReadError
from .feeds import Link
from .fetch import Fetcher
from .options import ReadOptions
from .streams import bounded_lines, open_binary
from .urls import fetch_links, is_url

PRESETS = ("mediacloud", "gdelt")
# GDELT layouts by column count: (url column, date column, outlet column or None)
GDELT_LAYOUTS = {27: (4, 1, 3), 61: (60, 59, None), 58: (57, 56, None)}


def gdelt_date(value: str) -> str | None:
    """GDELT's ``YYYYMMDDhhmmss`` (UTC) or ``YYYYMMDD`` in the ISO form the date reader takes."""
    v = value.strip()
    if len(v) == 14 and v.isdigit():
        return f"{v[:4]}-{v[4:6]}-{v[6:8]}T{v[8:10]}:{v[10:12]}:{v[12:14]}+00:00"
    if len(v) == 8 and v.isdigit():
        return f"{v[:4]}-{v[4:6]}-{v[6:8]}"
    return None


def _text(path: Path, opts: ReadOptions) -> io.TextIOWrapper:
    return io.TextIOWrapper(open_binary(path, opts.max_file_bytes), encoding="utf-8", errors="replace", newline="")


def _lines(f: io.TextIOWrapper, opts: ReadOptions) -> Iterator[str]:
    # a row is one link: a "line" of 500 MB of tabs or commas would be 500 million fields
    return bounded_lines(f, opts.line_limit())


def mediacloud_links(path: Path, source: str, opts: ReadOptions) -> Iterator[Link | ReadError]:
    csv.field_size_limit(max(opts.max_record_bytes, 131072))
    with _text(path, opts) as f:
        reader = csv.DictReader(_lines(f, opts))
        if not reader.fieldnames or "url" not in reader.fieldnames:
            yield ReadError(source, "not a Media Cloud story CSV (no 'url' column in the header)")
            return
        for row in reader:
            url = (row.get("url") or "").strip()
            if not url:
                yield ReadError(source, "row has no url", reader.line_num)
                continue
            outlet = (row.get("media_name") or "").strip() or outlet_from_url(row.get("media_url"))
            yield Link(url=url, line=reader.line_num, title=(row.get("title") or "").strip() or None,
                       published=(row.get("publish_date") or "").strip() or None, outlet=outlet)


def gdelt_links(path: Path, source: str, opts: ReadOptions) -> Iterator[Link | ReadError]:
    csv.field_size_limit(max(opts.max_record_bytes, 131072))
    seen: set[str] = set()
    with _text(path, opts) as f:
        for n, row in enumerate(csv.reader(_lines(f, opts), delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            if not row or not any(c.strip() for c in row):
                continue
            if len(row) == 1 and is_url(row[0].strip()):  # a plain URL list
                url, date, outlet = row[0].strip(), None, None
            elif len(row) in GDELT_LAYOUTS:
                u, d, o = GDELT_LAYOUTS[len(row)]
                url, date, outlet = row[u].strip(), gdelt_date(row[d]), (row[o].strip() or None) if o else None
            else:
                yield ReadError(source, f"{len(row)} tab-separated columns: not GDELT GKG 2.1 (27), "
                                        "Events 2.0 (61), Events 1.0 (58) or a URL list", n)
                continue
            if url in seen:
                continue
            seen.add(url)
            yield Link(url=url, line=n, published=date, outlet=outlet)


def read_preset(path: Path, source: str, opts: ReadOptions, fetcher: Fetcher) -> Iterator[RawDoc | ReadError]:
    """The articles an export lists, fetched (errors name the file and line). Unlike a feed, an
    export is a list the user chose: every row is read (the file size limit bounds it)."""
    rows = mediacloud_links if opts.preset == "mediacloud" else gdelt_links
    links: list[Link] = []
    for item in rows(path, source, opts):
        if isinstance(item, ReadError):
            yield item
        else:
            links.append(item)
    yield from fetch_links(links, source, opts, fetcher, feed=source)
