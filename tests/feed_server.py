"""A news site on loopback for the feed tests: an RSS feed, an Atom feed and a news sitemap of the
same items, article pages, robots.txt, and pages that are too big or too slow. Feeds and articles
carry ETags and answer conditional GETs with 304; every request is logged."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

PLACES = ["Marrow Bay", "Kestrel Point", "Ashford Vale", "Lindqvist Harbour", "Orren Falls", "Tamsin Cross",
          "Quillon Reach", "Brackwater", "Sennet Hill", "Ivory Lakes"]
THINGS = [("homes", "flooded"), ("bridges", "closed"), ("schools", "shut"), ("boats", "sunk"),
          ("roads", "blocked")]
OFFICIALS = ["Mayor Ana Ortiz", "Fire chief Tomas Reyes", "Councillor Priya Nand", "Sheriff Dale Moyo",
             "Harbour master Ines Kolb"]


def article_html(i: int) -> str:
    place, (thing, verb), who = PLACES[i % 10], THINGS[i % 5], OFFICIALS[(i // 2) % 5]
    n = 12 + 7 * i
    return (f"<!doctype html><html><head><title>{place}: {n} {thing} {verb}</title></head><body><article>"
            f"<h1>{place}: {n} {thing} {verb} in report {i}</h1>"
            f"<p>{who} said {n} {thing} were {verb} in {place} after the storm of week {i}, and that "
            f"crews would work through the night to reach the {n + 3} families still waiting.</p>"
            f"<p>About {100 + i} volunteers joined the effort on day {i}, according to the county office, "
            f"which said the damage in {place} was the worst it had recorded since {1950 + i}.</p>"
            f"<p>Residents of {place} described water rising quickly along the main street; shops "
            f"numbered {i} to {i + 9} stayed closed, the chamber of commerce said.</p>"
            "</article></body></html>")


def pub_date(i: int) -> datetime:
    return datetime(2017, 3, 1, 9, 0, tzinfo=UTC) + timedelta(days=i % 28, hours=i % 7)


class Site:
    """The site's content and request log (shared with the handler threads)."""

    def __init__(self, items: int = 20):
        self.items = items
        self.extra_paths: list[str] = []  # more item links (robots-disallowed, too big, too slow)
        self.log: list[tuple[str, int]] = []  # (path, status)
        self.lock = threading.Lock()

    def add(self, n: int) -> None:
        with self.lock:
            self.items += n

    def feed_etag(self) -> str:
        return f'"feed-{self.items}-{len(self.extra_paths)}"'

    def links(self, base: str) -> list[str]:
        return [f"{base}/a/{i}" for i in range(self.items)] + [base + p for p in self.extra_paths]

    def rss(self, base: str) -> str:
        items = "".join(
            f"<item><title>{escape('Report ' + str(i))}</title><link>{escape(u)}</link>"
            f"<guid isPermaLink=\"false\">id-{i}</guid><pubDate>{format_datetime(pub_date(i))}</pubDate>"
            f"<dc:creator>Desk {i}</dc:creator></item>"
            for i, u in enumerate(self.links(base)))
        return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
                'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Test Gazette</title>'
                f"<link>{base}/</link><description>news</description>{items}</channel></rss>")

    def atom(self, base: str) -> str:
        entries = "".join(
            f"<entry><title>Report {i}</title><link rel=\"alternate\" href=\"{escape(u)}\"/>"
            f"<id>urn:x:{i}</id><published>{pub_date(i).isoformat()}</published>"
            f"<author><name>Desk {i}</name></author></entry>" for i, u in enumerate(self.links(base)))
        return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
                f"<title>Test Gazette</title><id>urn:x</id>{entries}</feed>")

    def sitemap(self, base: str) -> str:
        urls = "".join(
            f"<url><loc>{escape(u)}</loc><news:news><news:publication><news:name>Test Gazette</news:name>"
            f"<news:language>en</news:language></news:publication>"
            f"<news:publication_date>{pub_date(i).date().isoformat()}</news:publication_date>"
            f"<news:title>Report {i}</news:title></news:news></url>" for i, u in enumerate(self.links(base)))
        return ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>')

    def requests(self, prefix: str) -> list[tuple[str, int]]:
        with self.lock:
            return [r for r in self.log if r[0].startswith(prefix)]


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _send(self, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8",
                  etag: str | None = None) -> None:
            if etag and self.headers.get("If-None-Match") == etag:
                status, body = 304, b""
            with site.lock:
                site.log.append((self.path, status))
            self.send_response(status)
            if etag:
                self.send_header("ETag", etag)
            if self.last_modified:
                self.send_header("Last-Modified", self.last_modified)
            if status != 304:
                self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):  # noqa: N802 (http.server's naming)
            self.last_modified = None  # one handler serves a whole keep-alive connection
            base = f"http://{self.headers['Host']}"
            path = self.path
            if path == "/robots.txt":
                self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
            elif path in ("/feed.xml", "/atom.xml", "/sitemap.xml"):
                body = {"/feed.xml": site.rss, "/atom.xml": site.atom, "/sitemap.xml": site.sitemap}[path](base)
                ctype = "application/atom+xml" if path == "/atom.xml" else "application/xml"
                self._send(200, body.encode(), ctype, etag=site.feed_etag())
            elif path.startswith("/a/") and path[3:].isdigit():
                self._send(200, article_html(int(path[3:])).encode(), etag=f'"a-{path[3:]}"')
            elif path == "/dated":  # validated by date only: Last-Modified, If-Modified-Since
                stamp = "Wed, 15 Mar 2017 10:00:00 GMT"
                if self.headers.get("If-Modified-Since") == stamp:
                    self._send(304)
                else:
                    self.last_modified = stamp
                    self._send(200, article_html(997).encode())
            elif path.startswith("/private/"):
                self._send(200, article_html(999).encode())
            elif path == "/big":
                self._send(200, b"<html><body><p>" + b"x" * 300_000 + b"</p></body></html>")
            elif path == "/slow":
                time.sleep(3)
                self._send(200, article_html(998).encode())
            else:
                self._send(404, b"not here")

        def log_message(self, *args):
            pass

    return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a client that gave up (the timeout test) is not an error of the site


class SiteServer:
    """``with SiteServer(Site()) as url:`` serves the site on 127.0.0.1 on a free port."""

    def __init__(self, site: Site):
        self.site = site
        self.httpd = _Server(("127.0.0.1", 0), _handler(site))

    def __enter__(self) -> str:
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
