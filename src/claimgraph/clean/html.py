"""Main text and metadata of an HTML page, by trafilatura."""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura
from trafilatura.settings import use_config


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


def extract_html(html: bytes | str, url: str | None = None) -> HtmlExtract:
    """Extract the article body (comments excluded: they are not the outlet's claims)."""
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                      include_tables=True, config=CONFIG)
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
