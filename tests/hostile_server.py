"""A hostile web server on loopback for the network tests: feeds that attack their parser, redirects
to private addresses, bodies dripped slowly or never ending, compression bombs, and pages whose
Content-Type lies. Every route is built from fictional text at start-up."""

from __future__ import annotations

import functools
import gzip
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

PAGE = (
    b"<!doctype html><html><head><title>Quarry road reopens</title></head><body><article>"
    b"<h1>Quarry road reopens</h1><p>The county engineer said 14 crews finished the repairs to the "
    b"quarry road on Tuesday, two weeks after the landslide closed it.</p></article></body></html>"
)
# HTML without a doctype (served as text/plain): the tags give it away
BARE_PAGE = (
    b"<div><h1>Mill pond cleared</h1><p>Volunteers said they pulled 300 tyres from the mill pond.</p>"
    b"<p>The parish council thanked them.</p><p>More work is planned.</p></div>"
)
PLAIN = b"The harbour board said 42 moorings would be added next spring.\n\nWork starts in March.\n"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
RSS = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>Hill Courier</title>'
    b"<item><title>Story</title><link>{base}/page</link></item></channel></rss>"
)
LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol "lol">'
    + b"".join(
        b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i else b"&lol;") * 10) for i in range(1, 10)
    )
    + b']><rss version="2.0"><channel><item><title>&lol9;</title><link>http://example.com/</link>'
    b"</item></channel></rss>"
)
XXE = (
    b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/hostname">]>'
    b'<rss version="2.0"><channel><item><title>&secret;</title><link>http://example.com/</link>'
    b"</item></channel></rss>"
)
BOMB_BYTES = 64 * 1024 * 1024  # what the bombs inflate to


@functools.cache  # built once for every server a test session starts
def _bombs() -> dict[str, bytes]:
    zeros = bytes(1024 * 1024)
    gz = zlib.compressobj(9, zlib.DEFLATED, 31)  # gzip framing
    de = zlib.compressobj(9, zlib.DEFLATED, 15)  # zlib framing: what HTTP calls "deflate"
    gzip_parts = [gz.compress(zeros) for _ in range(BOMB_BYTES // len(zeros))] + [gz.flush()]
    deflate_parts = [de.compress(zeros) for _ in range(BOMB_BYTES // len(zeros))] + [de.flush()]
    return {"gzip": b"".join(gzip_parts), "deflate": b"".join(deflate_parts)}


class HostileHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    bombs: dict[str, bytes] = {}
    log: list[str] = []

    def _send(
        self,
        status: int,
        body: bytes,
        ctype: str | None = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):  # noqa: N802 (http.server's naming)
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        path = parts.path
        self.log.append(path)
        base = f"http://{self.headers['Host']}"
        if path == "/robots.txt":
            self._send(404, b"", "text/plain")
        elif path == "/page":
            self._send(200, PAGE)
        elif path == "/laughs.xml":
            self._send(200, LAUGHS, "application/rss+xml")
        elif path == "/xxe.xml":
            self._send(200, XXE, "application/rss+xml")
        elif path == "/redirect":  # ?to=URL, the Location of a 302
            self._send(302, b"", None, {"Location": query["to"][0]})
        elif path == "/drip":  # a promised 100 KB, a byte every 20 ms
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self._trickle(b"<p>" + b"x" * 99_990, pause=0.02)
        elif path == "/drip-headers":  # a status line, then a header a byte a second, never ending
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n")
            self._trickle(b"X-Slow: " + b"a" * 3600, pause=1.0)
            self.close_connection = True
        elif path == "/endless":  # chunked, never ends, as fast as the client reads
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"<p>" + b"more " * 2000 + b"</p>"
            try:
                while True:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            except OSError:
                pass
        elif path in ("/bomb.gz", "/bomb.deflate"):
            enc = "gzip" if path.endswith(".gz") else "deflate"
            self._send(200, self.bombs[enc], "text/html", {"Content-Encoding": enc})
        elif path == "/small.gz":  # an honest gzip page: must still be read
            self._send(200, gzip.compress(PAGE), "text/html", {"Content-Encoding": "gzip"})
        elif path == "/html-as-text":
            self._send(200, BARE_PAGE, "text/plain")
        elif path == "/html-as-octet":
            self._send(200, PAGE, "application/octet-stream")
        elif path == "/html-no-type":
            self._send(200, PAGE, None)
        elif path == "/plain":
            self._send(200, PLAIN, "text/plain; charset=utf-8")
        elif path == "/png-as-html":
            self._send(200, PNG, "text/html")
        elif path == "/feed-as-html":
            self._send(200, RSS.replace(b"{base}", base.encode()), "text/html")
        else:
            self._send(404, b"not here", "text/plain")

    def _trickle(self, body: bytes, pause: float) -> None:
        try:
            for i in range(len(body)):
                self.wfile.write(body[i : i + 1])
                self.wfile.flush()
                time.sleep(pause)
        except OSError:
            pass  # the client gave up: that is the point

    def log_message(self, *args):
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # clients hang up on this server on purpose


class HostileServer:
    """``with HostileServer() as url:`` serves the hostile routes on ``host`` (127.0.0.1) on a free
    port. Any 127.x.y.z address is loopback on Linux: a second server on 127.0.0.2 can play a
    public host in tests that treat that one address as public."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        handler = type("Handler", (HostileHandler,), {"bombs": _bombs(), "log": []})
        self.log = handler.log
        self.host = host
        self.httpd = _Server((host, 0), handler)

    def __enter__(self) -> str:
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return f"http://{self.host}:{self.httpd.server_address[1]}"

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
