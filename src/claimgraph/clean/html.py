"""Main text and metadata of an HTML page, by trafilatura."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura
from lxml import etree
from trafilatura.settings import use_config

from ..limits import HTML_MAX_DEPTH, LimitExceeded
from .decode import bom_encoding, decode_bytes, utf16_without_bom


@dataclass(slots=True)
class HtmlExtract:
    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    sitename: str | None = None
    url: str | None = None


# Pages with more nodes than this are refused by trafilatura's tree cap instead of exhausting memory.
MAX_TREE_SIZE = 500_000


def _config():
    cfg = use_config()
    cfg.set("DEFAULT", "MAX_TREE_SIZE", str(MAX_TREE_SIZE))
    # trafilatura's timeout uses SIGALRM, which only works in the main thread: we bound work ourselves.
    cfg.set("DEFAULT", "EXTRACTION_TIMEOUT", "0")
    return cfg


CONFIG = _config()


def _too_deep(html: bytes | str) -> bool:
    """True when libxml2 gave up on ``html`` for nesting deeper than it allows."""
    parser = etree.HTMLParser(remove_comments=True)
    try:
        etree.fromstring(html.encode("utf-8", "replace") if isinstance(html, str) else html, parser)
    except (etree.LxmlError, ValueError):
        pass
    return any("depth" in (e.message or "").lower() for e in parser.error_log)


def extract_html(html: bytes | str, url: str | None = None) -> HtmlExtract:
    """Extract the article body (comments excluded: they are not the outlet's claims).

    Raises ``LimitExceeded`` for a page nested deeper than the HTML parser goes (libxml2 stops
    at 255 levels and the page comes out empty): an error that says so beats a silent blank.
    """
    if isinstance(html, bytes) and (bom_encoding(html) in ("utf-16", "utf-32") or utf16_without_bom(html[:4096])):
        html = decode_bytes(html)[0]  # lxml reads wide encodings badly without a declaration
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=True, config=CONFIG)
    if doc is None or not (doc.text if hasattr(doc, "text") else None):
        if _too_deep(html):
            raise LimitExceeded(f"HTML is nested more than {HTML_MAX_DEPTH} elements deep, where the HTML "
                                "parser stops; nothing could be extracted")
    if doc is None:
        return HtmlExtract(text="")
    d = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = d.get("text") or ""
    title = d.get("title") or None
    # trafilatura keeps the page's <h1> as the body's first line; the title is metadata.
    if title and text.startswith(title):
        text = text[len(title):].lstrip("\n")
    return HtmlExtract(text=text, title=title, author=d.get("author") or None,
                       published=d.get("date") or None, sitename=d.get("sitename") or None,
                       url=d.get("url") or url)
