"""URLs given on the command line, fetched with trafilatura's fetcher (only when the user asks)."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import RawDoc, ReadError
from .options import ReadOptions


def is_url(arg: str) -> bool:
    return arg.lower().startswith(("http://", "https://"))


def read_url(url: str, opts: ReadOptions) -> Iterator[RawDoc | ReadError]:
    if not opts.allow_urls:
        yield ReadError(url, "URL inputs are disabled (--no-urls)")
        return
    from trafilatura import fetch_url  # imported late: the fetcher pulls in urllib3 settings
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "DOWNLOAD_TIMEOUT", str(int(max(opts.url_timeout, 1))))
    config.set("DEFAULT", "SSRF_PROTECTION", "off" if opts.allow_private_urls else "on")
    try:
        html = fetch_url(url, config=config)
    except Exception as e:  # network errors of any kind: report, go on
        yield ReadError(url, f"could not fetch ({type(e).__name__}: {e})")
        return
    if not html:
        yield ReadError(url, "could not fetch (no response; offline?)")
        return
    yield RawDoc(id=url, content=html, kind="html", source=url, url=url)
