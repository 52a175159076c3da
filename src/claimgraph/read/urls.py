"""URL inputs, feeds and lists of links: fetched politely (``read.fetch``), only when the user asks.

A URL is an article, or a feed or sitemap whose articles are fetched in turn. Articles already in
the store are not fetched again, and a feed that has not changed since the last run (304) yields
nothing: running ``analyze`` or ``watch`` on a feed again only reads what is new.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from urllib.parse import urlsplit

from ..model import InputKind, RawDoc, ReadError
from .feeds import FeedError, Link, looks_like_feed, parse_feed
from .fetch import Fetcher, FetchError, Response
from .options import ReadOptions
from .sniff import sniff

MAX_SITEMAP_DEPTH = 2  # a sitemap index of sitemap indexes, no deeper
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")


def is_url(arg: str) -> bool:
    return arg.lower().startswith(("http://", "https://"))


def _is_feed(resp: Response) -> bool:
    ctype = resp.content_type.split(";")[0].strip().lower()
    return ctype in _FEED_TYPES or looks_like_feed(resp.body[:4096])


def _article_kind(resp: Response) -> InputKind | str:
    """``"html"`` or ``"text"`` by the body, whatever the Content-Type says; else why it is refused.

    Servers label pages wrongly (HTML as text/plain or application/octet-stream, or no type at
    all), so the bytes decide; a binary body is refused even when labelled text/html.
    """
    ctype = resp.content_type.split(";")[0].strip().lower() or "no Content-Type"
    name = urlsplit(resp.url).path.rsplit("/", 1)[-1]
    fmt = sniff(name if name.lower().endswith((".html", ".htm", ".txt")) else "", resp.body[:8192])
    if fmt == "binary":
        return f"binary content served as {ctype}, not an article"
    if fmt in ("text", "empty"):
        # plain text stays text, but a page with a few tags or a doctype is HTML whatever its type
        return "html" if ctype in ("text/html", "application/xhtml+xml") else "text"
    return "html"


def read_url(url: str, opts: ReadOptions, fetcher: Fetcher | None = None) -> Iterator[RawDoc | ReadError]:
    """The article at ``url``, or the new articles of the feed or sitemap there."""
    if not opts.allow_urls:
        yield ReadError(url, "URL inputs are disabled (--no-urls)")
        return
    fetcher = fetcher or Fetcher(opts)
    try:
        resp = fetcher.get(url, limit=opts.max_file_bytes, conditional=fetcher.revalidate(url))
    except FetchError as e:
        yield ReadError(url, f"could not fetch ({e})")
        return
    if resp.not_modified:  # unchanged since the last run: nothing new to read
        return
    if _is_feed(resp):
        yield from read_feed_bytes(resp.body, url, opts, fetcher, feed_url=url)
        fetcher.remember(url, resp, "feed")
        return
    if resp.body.strip() == b"":
        yield ReadError(url, "empty response")
        return
    if len(resp.body) > opts.max_record_bytes:
        yield ReadError(
            url,
            f"document is {len(resp.body):,} bytes, over the limit of "
            f"{opts.max_record_bytes:,} (raise it with --max-record-mb)",
        )
        return
    kind = _article_kind(resp)
    if kind not in ("html", "text"):
        yield ReadError(url, kind)
        return
    fetcher.remember(url, resp, "article")
    yield RawDoc(id=url, content=resp.body, kind=kind, source=url, url=resp.url)


def read_feed_bytes(
    data: bytes, source: str, opts: ReadOptions, fetcher: Fetcher, feed_url: str | None = None, depth: int = 0
) -> Iterator[RawDoc | ReadError]:
    """The articles listed by the feed or sitemap ``data`` (read from ``source``)."""
    try:
        kind, links = parse_feed(data)
    except FeedError as e:
        yield ReadError(source, str(e))
        return
    if len(links) > opts.max_feed_items:
        yield ReadError(
            source,
            f"lists {len(links):,} links; the first {opts.max_feed_items:,} are read "
            "(raise read.max_feed_items)",
        )
        links = links[: opts.max_feed_items]
    if kind != "sitemapindex":
        yield from fetch_links(links, source, opts, fetcher, feed=feed_url or source)
        return
    if depth >= MAX_SITEMAP_DEPTH:
        yield ReadError(source, "sitemap index nested too deep, skipped")
        return
    for link in links:
        try:
            resp = fetcher.get(link.url, limit=opts.max_file_bytes, conditional=fetcher.revalidate(link.url))
        except FetchError as e:
            yield ReadError(source, f"{link.url}: could not fetch ({e})", link.line)
            continue
        if not resp.not_modified:
            yield from read_feed_bytes(resp.body, link.url, opts, fetcher, link.url, depth + 1)
            fetcher.remember(link.url, resp, "feed")


def fetch_links(
    links: Iterable[Link], source: str, opts: ReadOptions, fetcher: Fetcher, feed: str | None = None
) -> Iterator[RawDoc | ReadError]:
    """Fetch each listed article not yet in the store; the list's metadata fills the document's."""
    for link in links:
        if not is_url(link.url):
            yield ReadError(source, f"link {link.url[:200]!r} is not an http(s) URL", link.line)
            continue
        if fetcher.seen(link.url):
            continue
        try:
            resp = fetcher.get(link.url, conditional=fetcher.revalidate(link.url))
        except FetchError as e:
            yield ReadError(source, f"{link.url}: could not fetch ({e})", link.line)
            continue
        if resp.not_modified:
            continue
        if not resp.body.strip():
            yield ReadError(source, f"{link.url}: empty response", link.line)
            continue
        kind = _article_kind(resp)
        if kind not in ("html", "text"):
            yield ReadError(source, f"{link.url}: {kind}", link.line)
            continue
        fetcher.remember(link.url, resp, "article", feed)
        yield RawDoc(
            id=link.url,
            content=resp.body,
            kind=kind,
            source=source,
            line=link.line,
            url=link.url,
            title=link.title,
            author=link.author,
            outlet=link.outlet,
            published=link.published,
        )
