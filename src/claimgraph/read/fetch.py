"""Polite HTTP fetching for URL inputs, feeds and the articles they list.

- a delay between two requests to one host (``read.host_delay``, or robots.txt's Crawl-delay);
- robots.txt obeyed (``urllib.robotparser``; ``read.obey_robots``);
- conditional GET: the ETag and Last-Modified of the last fetch are sent back, and a 304 means
  nothing new (the validators live in the store, see ``store.fetch_state``);
- a total time limit (``read.url_timeout``, for the whole fetch, redirects included), so a server
  that drips bytes slowly cannot hold a run: each socket wait is cut to the time that is left, and
  the connection is shut down when the time is up, even in the middle of the headers
  (``read.connect.Deadline``);
- a size limit (the body stops at ``read.max_file_bytes`` for feeds, ``read.max_record_bytes``
  for articles), counted after decompression and read a bounded piece at a time, so a gzip or
  deflate bomb stops at the limit instead of filling memory;
- loopback, private and link-local addresses refused unless ``read.allow_private_urls``: every
  redirect hop is checked again, and the address a connection is made to is the one checked
  (``read.connect``: a name that resolves to a private address only at the second look, DNS
  rebinding, is refused too).
"""

from __future__ import annotations

import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urljoin, urlsplit

import urllib3

from . import connect
from .options import ReadOptions

MAX_REDIRECTS = 5
ROBOTS_BYTES = 512 * 1024
READ_PIECE = 64 * 1024  # decoded bytes asked of the connection at a time


class FetchError(Exception):
    """A URL that could not be fetched; the message says why, on one line."""


class StateStore(Protocol):
    """Where validators are kept between runs (``store.fetch_state.StoreFetchState``)."""

    def get(self, url: str) -> Any: ...
    def put(self, state: Any) -> None: ...
    def has_document(self, url: str) -> bool: ...


@dataclass(slots=True)
class Response:
    url: str  # after redirects
    status: int  # 200, or 304 (not modified: ``body`` is empty)
    body: bytes
    content_type: str
    etag: str | None
    last_modified: str | None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class Fetcher:
    """One polite HTTP client for a run: connection pools, per-host clocks, robots.txt by host."""

    def __init__(
        self,
        opts: ReadOptions | None = None,
        state: StateStore | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.opts = opts or ReadOptions()
        self.state = state
        self.sleep, self.clock = sleep, clock
        self._deadline = connect.Deadline()
        self.http = connect.pool_manager(self.opts.user_agent, self.opts.allow_private_urls, self._deadline)
        self._last: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self.requests = 0  # HTTP requests sent (robots.txt included), for reports and tests

    # ---------------------------------------------------------------- public
    def get(self, url: str, *, limit: int | None = None, conditional: bool = False) -> Response:
        """Fetch ``url`` politely; raises ``FetchError``. A 304 comes back as ``not_modified``.

        ``conditional``: send the validators stored for ``url`` (see ``revalidate``).
        """
        limit = limit or self.opts.max_record_bytes
        if not self.opts.allow_urls:
            raise FetchError("URL inputs are disabled (--no-urls)")
        if not self.allowed_by_robots(url):
            raise FetchError("disallowed by the site's robots.txt")
        headers = {}
        known = self.state.get(url) if (conditional and self.state is not None) else None
        if known is not None and known.etag:
            headers["If-None-Match"] = known.etag
        if known is not None and known.last_modified:
            headers["If-Modified-Since"] = known.last_modified
        return self._request(url, headers, limit)

    def revalidate(self, url: str) -> bool:
        """Is a conditional GET right for ``url``: a feed fetched before, or an article that is stored?"""
        if self.state is None:
            return False
        known = self.state.get(url)
        if known is None:
            return False
        return known.kind == "feed" or self.state.has_document(url)

    def seen(self, url: str) -> bool:
        """Is ``url`` already a stored document (a feed item not to fetch again)?"""
        return self.state is not None and self.state.has_document(url)

    def remember(self, url: str, resp: Response, kind: str, feed: str | None = None) -> None:
        """Keep the validators of a 200 response once its content was read as ``kind``."""
        if self.state is None or resp.status != 200:
            return
        from ..store.fetch_state import FetchState  # the store is optional for the readers

        self.state.put(
            FetchState(
                url=url,
                etag=resp.etag,
                last_modified=resp.last_modified,
                status=resp.status,
                kind=kind,
                feed=feed,
            )
        )

    def allowed_by_robots(self, url: str) -> bool:
        if not self.opts.obey_robots:
            return True
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(origin)
        robots = self._robots[origin]
        return robots is None or robots.can_fetch(self.opts.user_agent, url)

    # ---------------------------------------------------------------- internals
    def _load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        """The site's rules; None (everything allowed) when it has no robots.txt or it cannot be read."""
        parser = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        try:
            resp = self._request(origin + "/robots.txt", {}, ROBOTS_BYTES, ok=(200, 401, 403, 404, 410))
        except FetchError:
            return None
        if resp.status in (401, 403):  # the robotparser convention: a closed robots.txt closes the site
            parser.disallow_all = True
            return parser
        if resp.status != 200:
            return None
        parser.parse(resp.body.decode("utf-8", "replace").splitlines())
        return parser

    def _wait(self, host: str) -> None:
        delay = self.opts.host_delay
        robots = self._robots.get(host)
        if robots is not None:
            crawl = robots.crawl_delay(self.opts.user_agent)
            if crawl:
                delay = max(delay, min(float(crawl), 60.0))  # a site asking for an hour gets a minute
        last = self._last.get(host)
        if last is not None and delay > 0:
            wait = last + delay - self.clock()
            if wait > 0:
                self.sleep(wait)
        self._last[host] = self.clock()

    def _request(
        self, url: str, headers: dict[str, str], limit: int, ok: tuple[int, ...] = (200, 304)
    ) -> Response:
        budget = max(self.opts.url_timeout, 0.1)
        deadline = self.clock() + budget
        self._deadline.arm(budget)  # cuts the connection when the budget is spent, wherever it is
        try:
            return self._follow(url, headers, limit, ok, deadline, budget)
        finally:
            self._deadline.disarm()

    def _follow(
        self,
        url: str,
        headers: dict[str, str],
        limit: int,
        ok: tuple[int, ...],
        deadline: float,
        budget: float,
    ) -> Response:
        """GET ``url``, following at most ``MAX_REDIRECTS`` redirects, each hop checked again."""
        first = url
        for _ in range(MAX_REDIRECTS + 1):
            parts = urlsplit(url)
            hop = "" if url == first else f"redirect to {url[:200]}: "
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise FetchError(f"{hop}not an http(s) URL: {url[:200]}")
            try:
                if not self.opts.allow_private_urls:
                    # early, before robots.txt and the host's delay; the connection checks again
                    # the address it actually connects to
                    connect.check_host(parts.hostname)
            except connect.PrivateAddress as e:
                raise FetchError(f"{hop}{e} (allow it with --allow-private-urls)") from None
            except OSError as e:
                raise FetchError(f"{hop}cannot resolve {parts.hostname} ({e.strerror or e})") from e
            self._wait(f"{parts.scheme}://{parts.netloc}")
            left = deadline - self.clock()
            if left <= 0 or self._deadline.expired:
                raise FetchError(
                    f"total time limit of {budget:g} s reached before the response (read.url_timeout)"
                )
            self.requests += 1
            try:
                r = self.http.request(
                    "GET",
                    url,
                    headers=headers,
                    redirect=False,
                    preload_content=False,
                    timeout=urllib3.Timeout(connect=left, read=left),
                )
            except connect.PrivateAddress as e:
                raise FetchError(f"{hop}{e}, found at connect (allow it with --allow-private-urls)") from None
            except urllib3.exceptions.HTTPError as e:
                if self._deadline.expired:
                    raise self._slow_headers(budget) from e
                raise FetchError(f"could not fetch ({type(e).__name__}: {e})") from e
            if self._deadline.expired:  # cut mid-headers: http.client takes what came as the headers
                r.close()
                r.release_conn()
                raise self._slow_headers(budget)
            read_all = False
            try:
                if r.status in (301, 302, 303, 307, 308) and r.headers.get("Location"):
                    url = urljoin(url, r.headers["Location"])
                    continue
                if r.status not in ok:
                    raise FetchError(f"HTTP {r.status}")
                body = b"" if r.status == 304 else self._read(r, limit, deadline, budget)
                read_all = True
                return Response(
                    url=url,
                    status=r.status,
                    body=body,
                    content_type=r.headers.get("Content-Type", ""),
                    etag=r.headers.get("ETag"),
                    last_modified=r.headers.get("Last-Modified"),
                )
            finally:
                if not read_all:
                    # a body left unread (a redirect's, an error page's, one cut at a limit) would
                    # poison the kept-alive connection for the next request: close it, not drain it
                    r.close()
                r.release_conn()
        raise FetchError(f"more than {MAX_REDIRECTS} redirects")

    @staticmethod
    def _slow_headers(budget: float) -> FetchError:
        return FetchError(
            f"total time limit of {budget:g} s reached before the response headers were complete "
            "(a slow server; read.url_timeout)"
        )

    def _read(self, r: urllib3.BaseHTTPResponse, limit: int, deadline: float, budget: float) -> bytes:
        """The decoded body, stopped by the size limit (after decompression) or the time limit."""
        declared = r.headers.get("Content-Length")
        encoding = r.headers.get("Content-Encoding", "").strip().lower()
        if declared and declared.isdigit() and int(declared) > limit:
            raise FetchError(f"response of {int(declared):,} bytes is over the size limit of {limit:,}")
        chunks, total = [], 0

        def too_slow() -> FetchError:
            return FetchError(
                f"total time limit of {budget:g} s reached after {total:,} bytes "
                "(a slow or endless response; read.url_timeout)"
            )

        try:
            while True:
                left = deadline - self.clock()
                if left <= 0:
                    raise too_slow()
                # the read timeout counts per socket wait: cut it to what is left of the budget
                sock = getattr(r.connection, "sock", None) if hasattr(r, "connection") else None
                if sock is not None:
                    sock.settimeout(left)
                # read1 returns what one socket read brings (decoded, at most READ_PIECE bytes):
                # a body dripped a byte at a time comes back to this loop and its clock
                chunk = r.read1(READ_PIECE, decode_content=True)
                if not chunk:
                    break
                total += len(chunk)
                if total > limit:
                    if encoding and encoding != "identity":
                        raise FetchError(
                            f"{encoding} response decompresses to over the size limit of "
                            f"{limit:,} bytes (a compression bomb?)"
                        )
                    raise FetchError(f"response is over the size limit of {limit:,} bytes")
                chunks.append(chunk)
        except (TimeoutError, urllib3.exceptions.TimeoutError) as e:
            raise too_slow() from e
        except urllib3.exceptions.HTTPError as e:
            if self._deadline.expired:
                raise too_slow() from e
            raise FetchError(f"could not read the response ({type(e).__name__}: {e})") from e
        if self._deadline.expired:  # the connection was cut: what came is not the whole body
            raise too_slow()
        return b"".join(chunks)
