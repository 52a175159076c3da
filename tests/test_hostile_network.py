"""Hostile network input (issue 19, part 4), each case against a server the test runs on loopback
(hostile_server.py): feeds that attack the XML parser, redirects to private addresses, slow and
endless bodies, compression bombs, and lying Content-Types. Each rejection names its case on one
line and arrives within its limit."""

from __future__ import annotations

import socket
import threading
import time
import tracemalloc
from dataclasses import replace

import pytest

from claimgraph.model import RawDoc, ReadError
from claimgraph.read import ReadOptions, connect, iter_inputs
from hostile_server import BOMB_BYTES, HostileServer

OPEN = ReadOptions(allow_private_urls=True, host_delay=0.0, url_timeout=5.0)


@pytest.fixture(scope="module")
def hostile():
    srv = HostileServer()
    with srv as url:
        yield srv, url


@pytest.fixture(scope="module")
def server(hostile):
    return hostile[1]


def _read(url: str, opts: ReadOptions = OPEN) -> tuple[list[RawDoc], list[ReadError]]:
    items = list(iter_inputs([url], opts))
    docs = [x for x in items if isinstance(x, RawDoc)]
    errors = [x for x in items if isinstance(x, ReadError)]
    assert all("\n" not in e.message for e in errors)  # one line each
    return docs, errors


def _one_error(url: str, opts: ReadOptions = OPEN) -> str:
    docs, errors = _read(url, opts)
    assert not docs and len(errors) == 1, errors
    return errors[0].message


# ---------------------------------------------------------------------- XML attacks
def test_billion_laughs_feed_is_refused_by_name(server):
    msg = _one_error(server + "/laughs.xml")
    assert "unsafe XML refused" in msg and "billion laughs" in msg


def test_xxe_feed_is_refused_by_name(server):
    msg = _one_error(server + "/xxe.xml")
    assert "unsafe XML refused" in msg and "external entity (XXE)" in msg and "file:///etc/hostname" in msg


# ---------------------------------------------------------------------- redirects
PUBLIC_STAND_IN = "127.0.0.2"  # loopback, treated as public by ``public_server``


@pytest.fixture
def public_server(monkeypatch):
    """An attacker's public host, played by a second server on 127.0.0.2: the address rule treats
    that one address as public; 127.0.0.1, [::1] and the rest keep the real rule. Connections go
    to the address checked, so the stand-in has to be a real address, not a renamed host."""
    real = connect.is_public_address
    monkeypatch.setattr(connect, "is_public_address", lambda a: a == PUBLIC_STAND_IN or real(a))
    with HostileServer(PUBLIC_STAND_IN) as url:
        yield url


@pytest.mark.parametrize(
    "target",
    [
        "http://127.0.0.1:{port}/page",
        "http://10.1.2.3/admin",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]:{port}/page",
    ],
)
def test_a_redirect_to_a_private_address_is_refused_at_that_hop(server, public_server, target):
    port = server.rsplit(":", 1)[1]
    first = f"{public_server}/redirect?to={target.format(port=port)}"
    opts = replace(OPEN, allow_private_urls=False)
    msg = _one_error(first, opts)
    assert msg.startswith("could not fetch (redirect to ") and "private or loopback address" in msg


def test_redirect_chain_is_checked_at_every_hop(server, public_server):
    port = server.rsplit(":", 1)[1]
    # public -> public -> private: the third hop is the one refused
    inner = f"{public_server}/redirect?to=http://127.0.0.1:{port}/page"
    first = f"{public_server}/redirect?to={inner.replace('?', '%3F').replace('=', '%3D')}"
    msg = _one_error(first, replace(OPEN, allow_private_urls=False))
    assert "redirect to http://127.0.0.1" in msg and "private or loopback" in msg


def test_a_private_redirect_is_followed_when_allowed(server, public_server):
    port = server.rsplit(":", 1)[1]
    docs, errors = _read(f"{public_server}/redirect?to=http://127.0.0.1:{port}/page")
    assert not errors and len(docs) == 1 and docs[0].url == f"http://127.0.0.1:{port}/page"


# ---------------------------------------------------------------------- DNS rebinding
def test_a_name_that_rebinds_to_loopback_is_refused_at_connect(hostile, monkeypatch):
    """A rebinding DNS server answers each query for its name in turn with a public address and
    with 127.0.0.1: the early check sees the public one, the connection would get loopback. The
    connection checks the address it connects to, so nothing reaches the loopback server."""
    answers: list[str] = []

    def rebinding(host: str) -> list[str]:
        if host != "rebind.test":
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        answers.append("93.184.216.34" if len(answers) % 2 == 0 else "127.0.0.1")
        return [answers[-1]]

    monkeypatch.setattr(connect, "resolve", rebinding)
    srv, url = hostile
    port = url.rsplit(":", 1)[1]
    before = len(srv.log)
    msg = _one_error(f"http://rebind.test:{port}/page", replace(OPEN, allow_private_urls=False))
    assert msg.startswith("could not fetch (rebind.test resolves to 127.0.0.1")
    assert "private or loopback address, found at connect" in msg
    assert "93.184.216.34" in answers and "127.0.0.1" in answers  # both answers were given
    assert len(srv.log) == before  # no request reached the loopback server


def test_the_connection_goes_to_the_address_that_was_checked(public_server, monkeypatch):
    """The name is resolved once per connection and the socket connects to that very address."""
    calls: list[str] = []

    def one_answer(host: str) -> list[str]:
        calls.append(host)
        return [PUBLIC_STAND_IN] if host == "news.test" else []

    monkeypatch.setattr(connect, "resolve", one_answer)
    port = public_server.rsplit(":", 1)[1]
    docs, errors = _read(f"http://news.test:{port}/page", replace(OPEN, allow_private_urls=False))
    assert not errors and b"quarry road" in docs[0].content


# ---------------------------------------------------------------------- slow and endless bodies
def test_a_dripped_body_stops_at_the_total_time_limit(server):
    start = time.monotonic()
    msg = _one_error(server + "/drip", replace(OPEN, url_timeout=1.0))
    took = time.monotonic() - start
    assert "total time limit of 1 s" in msg and "slow or endless" in msg
    assert took < 2.5  # each byte came within the read timeout: only the total budget stops it


def test_dripped_headers_stop_at_the_total_time_limit(server):
    """A header a byte a second, never finished: each byte comes well within the read timeout, so
    only the total budget can stop it (it was per socket read before: the fetch never returned)."""
    out: list[str] = []
    worker = threading.Thread(
        target=lambda: out.append(_one_error(server + "/drip-headers", replace(OPEN, url_timeout=1.5))),
        daemon=True,
    )
    start = time.monotonic()
    worker.start()
    worker.join(timeout=15)
    took = time.monotonic() - start
    assert out, f"the fetch was still waiting for the headers after {took:.0f} s"
    assert "total time limit of 1.5 s reached before the response headers were complete" in out[0]
    assert took < 4.0


def test_an_endless_body_stops_at_the_size_limit(server):
    msg = _one_error(server + "/endless", replace(OPEN, max_file_bytes=2_000_000))
    assert "over the size limit of 2,000,000 bytes" in msg


# ---------------------------------------------------------------------- compression bombs
@pytest.mark.parametrize("path,enc", [("/bomb.gz", "gzip"), ("/bomb.deflate", "deflate")])
def test_compression_bombs_stop_at_the_decompressed_limit(server, path, enc):
    limit = 4_000_000
    tracemalloc.start()
    try:
        msg = _one_error(server + path, replace(OPEN, max_file_bytes=limit))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert f"{enc} response decompresses to over the size limit of 4,000,000 bytes" in msg
    assert peak < 4 * limit < BOMB_BYTES  # inflated a piece at a time, never the whole bomb


def test_an_honest_gzip_page_is_read(server):
    docs, errors = _read(server + "/small.gz")
    assert not errors and b"quarry road" in docs[0].content


# ---------------------------------------------------------------------- content types
@pytest.mark.parametrize(
    "path,kind",
    [("/html-as-text", "html"), ("/html-as-octet", "html"), ("/html-no-type", "html"), ("/plain", "text")],
)
def test_pages_are_sniffed_not_taken_at_their_content_type(server, path, kind):
    docs, errors = _read(server + path)
    assert not errors and len(docs) == 1 and docs[0].kind == kind


def test_binary_served_as_html_is_refused_by_name(server):
    msg = _one_error(server + "/png-as-html")
    assert msg == "binary content served as text/html, not an article"


def test_a_feed_served_as_html_is_read_as_a_feed(server):
    docs, errors = _read(server + "/feed-as-html")
    assert not errors and [d.id for d in docs] == [server + "/page"]
    assert docs[0].source == server + "/feed-as-html"
