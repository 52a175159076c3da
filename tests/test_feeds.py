"""Feeds and polite fetching, against a site the tests serve on loopback (feed_server.py): RSS,
Atom and news sitemaps; conditional GETs (ETag, 304); robots.txt; size and time limits; the
per-host delay; unsafe XML refused. Reading and storing only: no spaCy model."""

from __future__ import annotations

from dataclasses import replace

import pytest

from claimgraph.model import RawDoc, ReadError
from claimgraph.options import Options
from claimgraph.pipeline import Pipeline, RunStats
from claimgraph.read import Fetcher, ReadOptions, iter_inputs
from claimgraph.read.feeds import FeedError, looks_like_feed, parse_feed
from claimgraph.read.sniff import sniff
from claimgraph.store import Store
from feed_server import Site, SiteServer

FAST = ReadOptions(allow_private_urls=True, host_delay=0.0, url_timeout=5.0)


@pytest.fixture
def site():
    s = Site(items=20)
    with SiteServer(s) as url:
        s.url = url
        yield s


def _docs(items):
    items = list(items)
    return [x for x in items if isinstance(x, RawDoc)], [x for x in items if isinstance(x, ReadError)]


def _ingest(store: Store, inputs: list[str], read: ReadOptions = FAST) -> RunStats:
    stats = RunStats()
    Pipeline(store, Options(read=read)).ingest(inputs, stats)
    return stats


# ---------------------------------------------------------------------- parsing
@pytest.mark.parametrize(
    "path,kind", [("/feed.xml", "rss"), ("/atom.xml", "atom"), ("/sitemap.xml", "sitemap")]
)
def test_each_feed_kind_lists_every_item_with_its_metadata(site, path, kind):
    docs, errors = _docs(iter_inputs([site.url + path], FAST))
    assert not errors
    assert [d.id for d in docs] == [f"{site.url}/a/{i}" for i in range(20)]
    d = docs[3]
    assert d.kind == "html" and d.source == site.url + path and d.line == 4
    assert "Report 3" == d.title and d.published
    if kind == "sitemap":
        assert d.outlet == "Test Gazette"
    else:
        assert d.author == "Desk 3"


def test_feed_dates_are_stored_as_iso_with_the_written_form(site, tmp_path):
    with Store(str(tmp_path / "s.db")) as store:
        _ingest(store, [site.url + "/feed.xml"])
        art = store.get_document(f"{site.url}/a/3", with_claims=False)
        assert art.published == "2017-03-04T12:00:00+00:00"
        assert art.published_raw == "Sat, 04 Mar 2017 12:00:00 +0000"


def test_unsafe_xml_is_refused_not_expanded():
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
        b"<rss><channel><item><link>&b;</link></item></channel></rss>"
    )
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<rss><channel><item><title>&x;</title><link>http://example.com/</link></item></channel></rss>"
    )
    for data in (laughs, xxe):
        with pytest.raises(FeedError, match="unsafe XML"):
            parse_feed(data)
    with pytest.raises(FeedError, match="well-formed"):
        parse_feed(b"<rss><channel><item>")
    with pytest.raises(FeedError, match="not RSS"):
        parse_feed(b"<html><body/></html>")


def test_feeds_are_sniffed_by_content():
    assert looks_like_feed(b'<?xml version="1.0"?>\n<rss version="2.0">')
    assert looks_like_feed(b'<feed xmlns="http://www.w3.org/2005/Atom">')
    assert not looks_like_feed(b"<html><head>")
    assert (
        sniff("news.xml", b'<?xml version="1.0"?><urlset xmlns="x"><url><loc>u</loc></url></urlset>')
        == "feed"
    )


# ---------------------------------------------------------------------- fetching politely
def test_a_second_run_fetches_nothing_new(site, tmp_path):
    with Store(str(tmp_path / "s.db")) as store:
        stats = _ingest(store, [site.url + "/feed.xml"])
        assert stats.new == 20 and store.count("documents") == 20
        assert len(site.requests("/a/")) == 20
        state = store.execute(
            "SELECT etag, kind FROM fetch_state WHERE url=?", (site.url + "/feed.xml",)
        ).fetchone()
        assert tuple(state) == (site.feed_etag(), "feed")

        site.log.clear()
        stats = _ingest(store, [site.url + "/feed.xml"])
        assert stats.new == 0 and stats.read == 0
        assert site.requests("/feed.xml") == [("/feed.xml", 304)]  # the ETag came back: not modified
        assert site.requests("/a/") == []  # and no article was asked for

        site.log.clear()
        site.add(5)  # five new items: the feed changes, only they are fetched
        stats = _ingest(store, [site.url + "/feed.xml"])
        assert stats.new == 5 and store.count("documents") == 25
        assert site.requests("/feed.xml") == [("/feed.xml", 200)]
        assert sorted(p for p, _ in site.requests("/a/")) == sorted(f"/a/{i}" for i in range(20, 25))


def test_an_article_url_is_revalidated_with_its_etag(site, tmp_path):
    with Store(str(tmp_path / "s.db")) as store:
        assert _ingest(store, [site.url + "/a/7"]).new == 1
        site.log.clear()
        _ingest(store, [site.url + "/a/7"])
        assert site.requests("/a/7") == [("/a/7", 304)]
        assert store.count("documents") == 1


def test_last_modified_is_sent_back_as_if_modified_since(site, tmp_path):
    with Store(str(tmp_path / "s.db")) as store:
        assert _ingest(store, [site.url + "/dated"]).new == 1
        state = store.execute(
            "SELECT etag, last_modified FROM fetch_state WHERE url=?", (site.url + "/dated",)
        ).fetchone()
        assert tuple(state) == (None, "Wed, 15 Mar 2017 10:00:00 GMT")
        site.log.clear()
        assert _ingest(store, [site.url + "/dated"]).new == 0
        assert site.requests("/dated") == [("/dated", 304)]


def test_robots_size_and_time_limits_skip_one_item_not_the_feed(site, tmp_path):
    site.extra_paths += ["/private/secret", "/big", "/slow", "/missing"]
    read = replace(FAST, url_timeout=1.0, max_record_bytes=100_000)
    docs, errors = _docs(iter_inputs([site.url + "/feed.xml"], read))
    assert len(docs) == 20
    msgs = " | ".join(str(e) for e in errors)
    assert "robots.txt" in msgs and "over the size limit" in msgs and "HTTP 404" in msgs
    assert "/slow: could not fetch" in msgs  # the timeout
    assert all(e.source == site.url + "/feed.xml" and e.line for e in errors)
    assert site.requests("/private/") == []  # robots.txt was read before and obeyed


def test_private_addresses_are_refused_unless_allowed(site):
    docs, errors = _docs(iter_inputs([site.url + "/feed.xml"], ReadOptions(host_delay=0)))
    assert (
        not docs
        and "private or loopback" in errors[0].message
        and "--allow-private-urls" in errors[0].message
    )
    assert site.log == []


def test_requests_to_one_host_are_spaced(site):
    waits: list[float] = []
    now = [0.0]
    fetcher = Fetcher(
        replace(FAST, host_delay=2.0),
        sleep=lambda s: (waits.append(s), now.__setitem__(0, now[0] + s)),
        clock=lambda: now[0],
    )
    docs, _ = _docs(iter_inputs([site.url + "/atom.xml"], fetcher.opts, fetcher))
    assert len(docs) == 20
    assert fetcher.requests == 22  # robots.txt, the feed, 20 articles
    assert len(waits) == 21 and all(w == pytest.approx(2.0) for w in waits)


def test_a_local_feed_file_fetches_its_links(site, tmp_path):
    path = tmp_path / "saved.rss"
    path.write_text(site.rss(site.url), encoding="utf-8")
    docs, errors = _docs(iter_inputs([str(path)], FAST))
    assert not errors and len(docs) == 20 and docs[0].source == str(path)
