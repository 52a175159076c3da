"""The web UI through FastAPI's in-process TestClient: pages, JSON, 404s, escaping, limits."""

from __future__ import annotations

import json
import warnings
from html.parser import HTMLParser
from urllib.parse import quote

import pytest

from claimgraph.store import Store, StoreError
from claimgraph.web.app import create_app
from web_store import (
    EVIL,
    EVIL2,
    LEDGER,
    LONE,
    POST,
    WIRE,
    XSS_IMG,
    XSS_LINK,
    XSS_SCRIPT,
    XSS_TEXTAREA,
    build_store,
)

with warnings.catch_warnings():  # starlette nags about httpx; the client works the same
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def doc_path(doc_id: str) -> str:
    return "/doc/" + quote(doc_id, safe="")


PAGES = ["/", "/?page=1&q=flood", "/story/s1", "/story/s2", doc_path(LEDGER), doc_path(WIRE), doc_path(POST),
         doc_path(EVIL), doc_path(EVIL2), doc_path(LONE), "/articles", "/articles?outlet=Harbor+Ledger", "/speakers",
         "/speakers?q=ortiz", "/speaker?name=Ana+Ortiz", "/speaker?name=tomas+reyes", "/search", "/search?q=homes",
         "/search?speaker=reyes", "/search?q=%3Cscript%3E"]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return build_store(tmp_path_factory.mktemp("web") / "web.db")


@pytest.fixture(scope="module")
def client(db):
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        yield c


class Elements(HTMLParser):
    """Collects start tags, and the text inside elements that have an id."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.by_id: dict[str, str] = {}
        self._open: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag not in {"br", "img", "input", "link", "meta", "hr"}:
            self._open.append((tag, a.get("id")))
            if a.get("id"):
                self.by_id[a["id"]] = ""

    def handle_endtag(self, tag):
        while self._open:
            t, _ = self._open.pop()
            if t == tag:
                break

    def handle_data(self, data):
        for _, i in self._open:
            if i:
                self.by_id[i] += data


def text_of(html: str) -> str:
    out: list[str] = []
    p = HTMLParser(convert_charrefs=True)
    p.handle_data = out.append
    p.feed(html)
    p.close()
    return "".join(out)


def parse(html: str) -> Elements:
    p = Elements()
    p.feed(html)
    return p


@pytest.mark.parametrize("url", PAGES)
def test_every_page_renders_as_html_and_as_json(client, url):
    r = client.get(url)
    assert r.status_code == 200, r.text[:500]
    assert r.headers["content-type"].startswith("text/html")
    assert "<title>" in r.text and "Traceback" not in r.text
    sep = "&" if "?" in url else "?"
    j = client.get(url + sep + "format=json")
    assert j.status_code == 200
    assert j.headers["content-type"].startswith("application/json")
    assert isinstance(j.json(), dict)
    # Accept negotiation gives the same JSON
    assert client.get(url, headers={"Accept": "application/json"}).json() == j.json()


def test_story_list_counts_outlets_claims_and_conflicts(client):
    data = client.get("/?format=json").json()
    assert data["overview"] == {"documents": 6, "claims": 12, "stories": 2, "outlets": 5, "conflicts": 2,
                                "consistent": 1}
    s1 = next(s for s in data["stories"] if s["id"] == "s1")
    assert s1["outlets"] == ["Harbor Ledger", "Coastline Wire", "Valley Post"]
    assert (s1["documents"], s1["claims"], s1["conflicts"], s1["consistent"]) == (3, 6, 1, 1)
    assert (s1["first_published"][:10], s1["last_published"][:10]) == ("2024-04-16", "2024-04-17")
    assert s1["url"] == "/story/s1"
    assert client.get("/?q=marrow&format=json").json()["total"] == 1


def test_story_measure_table_has_a_column_per_outlet_and_links_to_claims(client):
    data = client.get("/story/s1?format=json").json()
    m = data["measures"]
    assert m["by"] == "outlet"
    assert m["columns"] == ["Harbor Ledger", "Coastline Wire", "Valley Post"]
    homes = m["rows"][0]
    assert (homes["measure"], homes["verdict"]) == ("homes flooded", "conflict")
    cell = homes["cells"]["Harbor Ledger"][0]
    assert cell["value"] == 120 and cell["quantity"] == "120 homes" and cell["speaker"] == "Ana Ortiz"
    assert cell["url"] == "/doc/fixtures%2Fharbor-ledger%2Fflood.txt#claim-c1"
    assert homes["cells"]["Valley Post"] == []
    html = client.get("/story/s1").text
    assert 'class="conflict"' in html and 'class="consistent"' in html
    assert "Harbor Ledger quotes the mayor" in html  # the explanation is shown
    assert "<svg" in html and "120 homes" in html  # the plot of values by source
    assert 'href="/doc/fixtures%2Fharbor-ledger%2Fflood.txt#claim-c1"' in html


def test_article_page_highlights_every_claim_at_its_offsets(client, db):
    with Store(db) as s:
        art = s.get_document(LEDGER)
    r = client.get(doc_path(LEDGER))
    els = parse(r.text)
    for i, c in enumerate(art.claims, 1):
        assert els.by_id[f"claim-c{i}"] == c.text == art.text[c.start:c.end]
    marks = [a for t, a in els.tags if t == "mark" and a.get("id", "").startswith("claim-")]
    assert len(marks) == len(art.claims)
    assert "conflict" in marks[0]["class"] and "consistent" in marks[1]["class"]
    # the whole cleaned text is on the page, in order, and nothing else inside the article element
    body = r.text.split('<article class="text" lang="en">', 1)[1].split("</article>", 1)[0]
    assert text_of(body) == art.text
    j = client.get(doc_path(LEDGER) + "?format=json").json()
    assert j["id"] == LEDGER and j["text"] == art.text
    assert [c["anchor"] for c in j["claims"]] == ["claim-c1", "claim-c2", "claim-c3"]
    assert j["story"]["id"] == "s1" and j["comparisons"][0]["row"] == "/story/s1#m-1"


def test_document_ids_with_slashes_spaces_and_hashes_round_trip(client):
    for doc_id in (LEDGER, WIRE, EVIL):
        j = client.get(doc_path(doc_id) + "?format=json")
        assert j.status_code == 200 and j.json()["id"] == doc_id
    # the readable form with real slashes works too
    assert client.get("/doc/" + LEDGER + "?format=json").json()["id"] == LEDGER


def test_speaker_page_has_all_claims_of_one_speaker_across_outlets(client):
    data = client.get("/speaker?name=tomas reyes&format=json").json()
    assert data["speaker"] == "Tomas Reyes"
    assert len(data["claims"]) == 2 and data["outlets"] == {"Coastline Wire": 2}
    assert all(c["doc"]["outlet"] == "Coastline Wire" for c in data["claims"])
    top = client.get("/speakers?format=json").json()["speakers"][0]
    assert top["speaker"] == "Tomas Reyes" and top["claims"] == 2


def test_search_finds_claims_and_links_to_them(client):
    data = client.get("/search?q=homes&format=json").json()
    ids = {c["id"] for c in data["claims"]}
    assert ids == {f"{LEDGER}#c1", f"{WIRE}#c1", f"{POST}#c1"}
    c = next(c for c in data["claims"] if c["id"] == f"{WIRE}#c1")
    assert c["url"] == "/doc/wire%20flood%20%232.html#claim-c1" and c["doc"]["outlet"] == "Coastline Wire"
    html = client.get("/search?q=homes").text
    assert '<mark class="hit">homes</mark>' in html
    assert client.get("/search?q=zzzz-nothing&format=json").json()["claims"] == []


@pytest.mark.parametrize("url", ["/story/nope", doc_path("no/such doc.txt"), "/speaker?name=Nobody+Here",
                                 "/no-such-page", "/static/nope.css", "/static/..%2F..%2Fapp.py",
                                 "/dossier/nope", "/claimreview/nope", "/doc/" + quote("../../etc/passwd", safe="")])
def test_unknown_ids_are_404_pages_or_404_json(client, url):
    r = client.get(url)
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("text/html")
    assert "not found" in r.text.lower() and "Traceback" not in r.text and "root:" not in r.text
    sep = "&" if "?" in url else "?"
    j = client.get(url + sep + "format=json")
    assert j.status_code == 404 and j.json()["status"] == 404


def test_404_page_escapes_the_requested_id(client):
    r = client.get("/story/" + quote(XSS_SCRIPT, safe=""))
    assert r.status_code == 404 and XSS_SCRIPT not in r.text and "&lt;script&gt;" in r.text


@pytest.mark.parametrize("url", ["/?page=abc", "/?page=0", "/search?limit=100000", "/speaker", "/articles?page=-1",
                                 "/search?q=" + "x" * 500])
def test_bad_parameters_are_422_not_500(client, url):
    r = client.get(url)
    assert r.status_code == 422 and "Traceback" not in r.text
    assert client.get(url + ("&" if "?" in url else "?") + "format=json").json()["status"] == 422


INJECTION_PAGES = ["/", "/story/s2", doc_path(EVIL), doc_path(EVIL2), "/articles", "/speakers",
                   "/speaker?name=" + quote(f"Mara Vent {XSS_IMG}"), "/search?q=" + quote(XSS_SCRIPT),
                   "/search?q=" + quote(XSS_TEXTAREA), "/search?q=caption", "/search?q=click", "/dossier/s2"]


@pytest.mark.parametrize("url", INJECTION_PAGES)
def test_article_derived_strings_render_as_inert_text(client, url):
    r = client.get(url)
    assert r.status_code == 200
    html = r.text
    for payload in (XSS_SCRIPT, XSS_IMG, XSS_TEXTAREA, "<script", "<img"):
        assert payload not in html, payload
    tags = parse(html).tags
    assert not [t for t, _ in tags if t in {"script", "img", "iframe", "object", "embed", "textarea"}]
    for tag, attrs in tags:
        assert not any(k.startswith("on") for k in attrs), attrs
        if tag == "a":
            assert not (attrs.get("href") or "").lower().startswith(("javascript:", "data:"))


def test_payloads_are_visible_as_text(client):
    html = client.get(doc_path(EVIL)).text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;/textarea&gt;&lt;script&gt;alert(2)&lt;/script&gt;" in html
    assert XSS_LINK in html  # the text, not a link
    els = parse(html)
    assert els.by_id["claim-c1"].startswith("Councillor Mara Vent said the vote was rigged <script>")
    # the article's javascript: URL is not offered as a link
    assert not any((a.get("href") or "").startswith("javascript") for _, a in els.tags)


def test_json_keeps_article_text_exact(client):
    j = client.get(doc_path(EVIL) + "?format=json").json()
    assert XSS_SCRIPT in j["text"] and j["url"] == XSS_LINK


def test_security_headers(client):
    r = client.get("/")
    csp = r.headers["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"
    assert client.get("/static/style.css").headers["content-type"].startswith("text/css")


def test_every_answer_says_its_server_time(client):
    from claimgraph.web.timing import parse_server_timing

    for url in ["/", "/story/s1?format=json", "/story/no-such-story"]:
        header = client.get(url).headers["server-timing"]
        ms, cpu = parse_server_timing(header), parse_server_timing(header, "cpu")
        assert ms is not None and 0 <= ms < 60_000 and cpu is not None and cpu >= 0
    assert parse_server_timing("db;dur=3, app;desc=x;dur=12.5") == 12.5
    assert parse_server_timing("db;dur=3") is None


def test_post_search_api_and_body_limits(client):
    r = client.post("/api/search", json={"q": "homes", "limit": 2})
    assert r.status_code == 200 and len(r.json()["claims"]) == 2
    big = {"q": "x" * 40_000}
    assert client.post("/api/search", json=big).status_code == 413

    def chunks():  # no Content-Length: the limit still holds while streaming
        for _ in range(40):
            yield b" " * 1024

    assert client.post("/api/search", content=chunks(), headers={"Content-Type": "application/json"}).status_code == 413
    assert client.post("/api/search", content=b"{not json").status_code == 400
    assert client.post("/api/search", json=["q"]).status_code == 422
    assert client.post("/api/search", json={"q": 3}).status_code == 422
    assert client.post("/api/search", json={"q": "a", "limit": 10**9}).status_code == 422
    assert client.get("/api/search").status_code == 405


def test_downloads_from_the_story_page(client):
    r = client.get("/dossier/s1")
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    assert "<style>" in r.text
    items = json.loads(client.get("/claimreview/s1").content)
    assert {i["@type"] for i in items} == {"ClaimReview"} and len(items) == 2


def test_app_refuses_missing_or_foreign_files(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        create_app(tmp_path / "missing.db")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database" * 200)
    with pytest.raises(StoreError):
        create_app(junk)


def test_store_is_opened_read_only(client, db):
    # pages work and leave the file untouched
    before = db.stat().st_mtime_ns
    for url in PAGES[:6]:
        client.get(url)
    assert db.stat().st_mtime_ns == before
    s = Store(db, readonly=True)
    with pytest.raises(Exception, match="readonly"):
        s.conn.execute("DELETE FROM claims")
    s.close()


def test_serve_command_refuses_a_missing_store(tmp_path):
    from typer.testing import CliRunner

    from claimgraph.cli import app

    r = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert r.exit_code == 2


def test_long_lists_are_paginated(tmp_path):
    from claimgraph.model import Article, Story

    with Store(tmp_path / "many.db") as s, s.transaction():
        for i in range(130):
            s.put_document(Article(id=f"d{i}", text=f"Text {i}.", title=f"Title {i}", outlet="Gazette"), raw_hash=str(i))
        s.put_stories([Story(f"s{i}", [f"d{i}"], title=f"Story {i}") for i in range(130)])
    with TestClient(create_app(tmp_path / "many.db")) as c:
        first = c.get("/?format=json").json()
        assert (first["total"], first["pages"], len(first["stories"])) == (130, 3, 50)
        html = c.get("/").text
        assert 'href="/?page=2" rel="next"' in html
        last = c.get("/?page=3&format=json").json()
        assert len(last["stories"]) == 30
        assert 'rel="prev"' in c.get("/?page=3").text
        assert c.get("/?page=99&format=json").json()["stories"] == []
        assert 'href="/articles?page=2"' in c.get("/articles").text


def test_server_errors_are_a_page_not_a_traceback(db, monkeypatch):
    from claimgraph.web import queries

    def broken(store):
        raise RuntimeError("secret internals /etc/passwd")

    monkeypatch.setattr(queries, "overview", broken)
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        r = c.get("/")
        assert r.status_code == 500 and "Something went wrong" in r.text
        assert "secret" not in r.text and "Traceback" not in r.text
        j = c.get("/?format=json")
        assert j.status_code == 500 and j.json()["status"] == 500 and "secret" not in j.text


def test_serve_command_serves_on_loopback(db):
    """The real ``claimgraph serve`` in a subprocess answers on 127.0.0.1 (the default host)."""
    import socket
    import subprocess
    import sys
    import time

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-c", "from claimgraph.cli import main; main()", "serve", "--db", str(db),
                             "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/story/s1?format=json", timeout=2)
                break
            except httpx.HTTPError:
                assert proc.poll() is None and time.monotonic() < deadline, "server did not start"
                time.sleep(0.2)
        assert r.status_code == 200 and r.json()["story"]["id"] == "s1"
        assert "server" not in r.headers  # no version banner
    finally:
        proc.terminate()
        proc.wait(timeout=10)
