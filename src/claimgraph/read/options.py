"""Limits and field mapping shared by all readers (one options object, built once by the CLI)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import limits

DEFAULT_FIELDS = {
    "id": "id",
    "url": "url",
    "outlet": "outlet",
    "title": "title",
    "published": "published",
    "authors": "authors",
    "text": "text",
    "html": "html",
}

# Aliases tried when the default column is absent: common names in Media Cloud, GDELT, CC-NEWS
# and scraper exports.
FIELD_ALIASES = {
    "id": ("id", "doc_id", "article_id", "uuid", "stories_id"),
    "url": ("url", "link", "source_url"),
    "outlet": ("outlet", "publisher", "source", "media_name", "site_name", "sitename", "domain"),
    "title": ("title", "headline"),
    "published": ("published", "publish_date", "date", "pubdate", "published_at", "date_publish"),
    "authors": ("authors", "author", "byline"),
    "text": ("text", "body", "content", "maintext", "article", "content_original"),
    "html": ("html", "raw_html", "content_html"),
}


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """What readers may read, and how much of it (the ``read`` section of the options).

    Every limit can be changed from the CLI (``--max-file-mb`` ..., or ``--set read.KEY=VALUE``)
    and from ``--config``; ``min``/``max`` in a field's metadata bound what a file or flag may set.
    """

    # a single input file (after decompression)
    max_file_bytes: int = field(default=limits.MAX_FILE_BYTES, metadata={"min": 1})
    # one JSONL/CSV/WARC record or one document file
    max_record_bytes: int = field(default=limits.MAX_RECORD_BYTES, metadata={"min": 1})
    # one physical JSONL line; None: derived from max_record_bytes
    max_line_bytes: int | None = field(default=None, metadata={"min": 1})
    # one document's text, before cleaning (parsing costs ~20 KB of memory per token)
    max_text_chars: int | None = field(default=limits.MAX_TEXT_CHARS, metadata={"min": 1, "max": 5_000_000})
    fields: dict[str, str] = field(default_factory=dict)  # user mapping: name -> column
    allow_urls: bool = True
    url_timeout: float = 30.0
    # loopback and private addresses are refused (SSRF protection); a user fetching from an
    # intranet archive turns that off explicitly.
    allow_private_urls: bool = False
    follow_symlinks: bool = True
    # polite fetching of URLs, feeds and sitemaps (read/fetch.py): seconds between two requests to
    # one host (a robots.txt Crawl-delay raises it), robots.txt obeyed, articles taken per feed
    host_delay: float = field(default=1.0, metadata={"min": 0, "max": 3600})
    obey_robots: bool = True
    max_feed_items: int = field(default=1000, metadata={"min": 1})
    user_agent: str = "claimgraph/0.1 (news claim analysis)"
    # a known export's columns (read/presets.py): "mediacloud" (story CSV) or "gdelt" (GKG/Events)
    preset: str | None = field(default=None, metadata={"choices": ("mediacloud", "gdelt")})

    def line_limit(self) -> int:
        """The longest JSONL line read (the explicit limit, or one derived from the record limit)."""
        return self.max_line_bytes or limits.line_limit(self.max_record_bytes)

    def column(self, name: str, record: dict) -> str | None:
        """The record's column for ``name``: the user's mapping first, then known aliases."""
        if name in self.fields:
            return self.fields[name]
        for alias in FIELD_ALIASES.get(name, (name,)):
            if alias in record:
                return alias
        return None
