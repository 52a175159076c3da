"""URL inputs are fetched with trafilatura's fetcher (tested against a server on loopback only)."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from claimgraph.model import RawDoc, ReadError
from claimgraph.read import ReadOptions, iter_inputs

PAGE = (b"<html><head><title>Ferry strike ends</title></head><body><article><h1>Ferry strike ends</h1>"
        b"<p>The ferry union said 240 crew members would return to work on Monday after a three-day strike "
        b"over rosters and pay.</p></article></body></html>")


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's naming)
        if self.path == "/story":
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(PAGE)
        else:
            self.send_response(404)
            self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def test_url_is_fetched_as_html(server):
    items = list(iter_inputs([f"{server}/story"], ReadOptions(allow_private_urls=True)))
    assert isinstance(items[0], RawDoc) and items[0].kind == "html"
    assert "240 crew members" in (items[0].content if isinstance(items[0].content, str)
                                  else items[0].content.decode())


def test_private_addresses_are_refused_by_default(server):
    items = list(iter_inputs([f"{server}/story"]))
    assert isinstance(items[0], ReadError) and "could not fetch" in items[0].message


def test_missing_page_and_disabled_urls_are_errors(server):
    assert isinstance(list(iter_inputs([f"{server}/nope"], ReadOptions(allow_private_urls=True)))[0], ReadError)
    assert isinstance(list(iter_inputs([f"{server}/story"], ReadOptions(allow_urls=False)))[0], ReadError)
