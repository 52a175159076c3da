"""RSS 2.0 (and 0.9x/1.0), Atom and (news) sitemaps: the article links they list, with metadata.

XML is parsed with defusedxml: entity declarations (billion laughs), external entities and DTD
fetches (XXE) are refused, never expanded. Namespaces are matched by local name, since feeds in
the wild mix and misspell them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as safe_xml
from defusedxml import DefusedXmlException, DTDForbidden, EntitiesForbidden, ExternalReferenceForbidden

FeedKind = Literal["rss", "atom", "sitemap", "sitemapindex"]

_FEED_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<\?[^>]*>\s*|<!DOCTYPE[^>]*>\s*)*"
    rb"<(?:[\w.-]+:)?(rss|feed|RDF|urlset|sitemapindex)\b",
    re.S,
)


class FeedError(ValueError):
    """A feed that cannot be read (not XML, unsafe XML, or not a feed)."""


@dataclass(slots=True)
class Link:
    """One article a feed, sitemap or export lists (``line``: its position there)."""

    url: str
    line: int
    title: str | None = None
    published: str | None = None
    author: str | None = None
    outlet: str | None = None


def looks_like_feed(head: bytes) -> bool:
    """Do these first bytes open an RSS, Atom or sitemap document?"""
    return bool(_FEED_START.match(head[:4096]))


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child(el: Element, *names: str) -> Element | None:
    for c in el:
        if _local(c.tag) in names:
            return c
    return None


def _text(el: Element, *names: str) -> str | None:
    for name in names:  # in order of preference
        c = _child(el, name)
        if c is not None and (c.text or "").strip():
            return " ".join(c.text.split())
    return None


def _unsafe_case(e: DefusedXmlException) -> str:
    """Name the attack a refused document attempted, for a one-line error."""
    if isinstance(e, ExternalReferenceForbidden) or (
        isinstance(e, EntitiesForbidden) and (e.sysid or e.pubid)
    ):
        return f"external entity (XXE) to {str(getattr(e, 'sysid', '') or '')[:100]!r} ({type(e).__name__})"
    if isinstance(e, EntitiesForbidden):
        return f"entity declaration '{e.name}' (entity expansion, billion laughs; {type(e).__name__})"
    if isinstance(e, DTDForbidden):
        return "DTD declaration (DTDForbidden)"
    return type(e).__name__


def parse_feed(data: bytes) -> tuple[FeedKind, list[Link]]:
    """The kind of document and the links it lists, in document order; raises ``FeedError``."""
    try:
        root = safe_xml.fromstring(data)
    except DefusedXmlException as e:
        raise FeedError(f"unsafe XML refused: {_unsafe_case(e)}") from e
    except (ParseError, ValueError) as e:
        raise FeedError(f"not well-formed XML ({e})") from e
    kind = _local(root.tag)
    if kind == "rss" or kind == "RDF":
        channel = _child(root, "channel")
        holder = channel if channel is not None and _child(channel, "item") is not None else root
        return "rss", list(_rss_items(holder))
    if kind == "feed":
        return "atom", list(_atom_entries(root))
    if kind == "urlset":
        return "sitemap", list(_sitemap_urls(root, "url"))
    if kind == "sitemapindex":
        return "sitemapindex", list(_sitemap_urls(root, "sitemap"))
    raise FeedError(f"XML root <{kind}> is not RSS, Atom or a sitemap")


def _rss_items(holder: Element) -> Iterator[Link]:
    for n, item in enumerate((c for c in holder if _local(c.tag) == "item"), 1):
        url = _text(item, "link")
        guid = _child(item, "guid")
        if (
            not url
            and guid is not None
            and (guid.text or "").startswith(("http://", "https://"))
            and guid.get("isPermaLink", "true") != "false"
        ):
            url = guid.text.strip()
        if url:
            yield Link(
                url=url,
                line=n,
                title=_text(item, "title"),
                published=_text(item, "pubDate", "date"),
                author=_text(item, "creator", "author"),
            )


def _atom_entries(root: Element) -> Iterator[Link]:
    for n, entry in enumerate((c for c in root if _local(c.tag) == "entry"), 1):
        links = [c for c in entry if _local(c.tag) == "link" and c.get("href")]
        best = next((c for c in links if c.get("rel", "alternate") == "alternate"), None)
        if best is None:
            continue
        author = _child(entry, "author")
        yield Link(
            url=best.get("href", "").strip(),
            line=n,
            title=_text(entry, "title"),
            published=_text(entry, "published", "updated"),
            author=_text(author, "name") if author is not None else None,
        )


def _sitemap_urls(root: Element, tag: str) -> Iterator[Link]:
    for n, el in enumerate((c for c in root if _local(c.tag) == tag), 1):
        url = _text(el, "loc")
        if not url:
            continue
        news = _child(el, "news")
        published, title, outlet = _text(el, "lastmod"), None, None
        if news is not None:  # Google News sitemap: <news:news> with its own date, title, publication
            published = _text(news, "publication_date") or published
            title = _text(news, "title")
            pub = _child(news, "publication")
            outlet = _text(pub, "name") if pub is not None else None
        yield Link(url=url, line=n, title=title, published=published, outlet=outlet)
