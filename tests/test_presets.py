"""``--preset mediacloud|gdelt``: Media Cloud story CSVs and GDELT GKG/Events files (fixtures
written here, in those layouts) become article links, fetched from a site on loopback."""

from __future__ import annotations

from dataclasses import replace

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.model import RawDoc, ReadError
from claimgraph.read import ReadOptions, iter_inputs
from claimgraph.read.presets import gdelt_date
from feed_server import Site, SiteServer

FAST = ReadOptions(allow_private_urls=True, host_delay=0.0)


@pytest.fixture(scope="module")
def site_url():
    with SiteServer(Site(items=10)) as url:
        yield url


def _read(path, preset):
    items = list(iter_inputs([str(path)], replace(FAST, preset=preset)))
    return [x for x in items if isinstance(x, RawDoc)], [x for x in items if isinstance(x, ReadError)]


def test_mediacloud_story_csv(site_url, tmp_path):
    new = tmp_path / "mc-search.csv"
    new.write_text(
        "id,indexed_date,language,media_name,media_url,publish_date,title,url\n"
        f"a1b2,2017-03-16 01:00:00,en,Test Gazette,testgazette.example,2017-03-15 10:00:00,Report one,{site_url}/a/1\n"
        f"c3d4,2017-03-17 01:00:00,en,,www.othernews.example,2017-03-16,Report two,{site_url}/a/2\n"
        "e5f6,2017-03-17 01:00:00,en,X,x.example,2017-03-16,No link,\n", encoding="utf-8")
    docs, errors = _read(new, "mediacloud")
    assert [d.id for d in docs] == [f"{site_url}/a/1", f"{site_url}/a/2"]
    assert (docs[0].title, docs[0].outlet, docs[0].published) == ("Report one", "Test Gazette", "2017-03-15 10:00:00")
    assert docs[1].outlet == "othernews.example"  # media_url's host when media_name is empty
    assert len(errors) == 1 and errors[0].line == 4 and "no url" in errors[0].message
    legacy = tmp_path / "mc-legacy.csv"
    legacy.write_text(
        "stories_id,publish_date,title,url,language,ap_syndicated,themes,media_id,media_name,media_url\n"
        f"1234,2017-03-15 10:00:00,Report three,{site_url}/a/3,en,False,,1,Test Gazette,http://tg.example\n",
        encoding="utf-8")
    docs, errors = _read(legacy, "mediacloud")
    assert not errors and [d.id for d in docs] == [f"{site_url}/a/3"]


def _gkg_row(url: str, date: str = "20170315103000") -> str:
    cols = [""] * 27
    cols[0], cols[1], cols[2], cols[3], cols[4] = f"{date}-1", date, "1", "testgazette.example", url
    return "\t".join(cols)


def _event_row(url: str, added: str = "20170315111500") -> str:
    cols = ["0"] * 61
    cols[1], cols[59], cols[60] = added[:8], added, url
    return "\t".join(cols)


def test_gdelt_gkg_events_and_url_lists(site_url, tmp_path):
    gkg = tmp_path / "20170315103000.gkg.csv"
    gkg.write_text("\n".join([_gkg_row(f"{site_url}/a/4"), _gkg_row(f"{site_url}/a/5")]) + "\n", encoding="utf-8")
    docs, errors = _read(gkg, "gdelt")
    assert not errors and [d.id for d in docs] == [f"{site_url}/a/4", f"{site_url}/a/5"]
    assert (docs[0].outlet, docs[0].published) == ("testgazette.example", "2017-03-15T10:30:00+00:00")

    events = tmp_path / "20170315111500.export.CSV"
    events.write_text("\n".join([_event_row(f"{site_url}/a/6"), _event_row(f"{site_url}/a/6"),  # one URL, two events
                                 _event_row(f"{site_url}/a/7"), "too\tfew\tcolumns"]) + "\n", encoding="utf-8")
    docs, errors = _read(events, "gdelt")
    assert [d.id for d in docs] == [f"{site_url}/a/6", f"{site_url}/a/7"]
    assert docs[0].published == "2017-03-15T11:15:00+00:00"
    assert len(errors) == 1 and errors[0].line == 4 and "3 tab-separated columns" in errors[0].message

    urls = tmp_path / "urls.txt"
    urls.write_text(f"{site_url}/a/8\n\n{site_url}/a/9\n", encoding="utf-8")
    docs, errors = _read(urls, "gdelt")
    assert not errors and [d.id for d in docs] == [f"{site_url}/a/8", f"{site_url}/a/9"]


def test_gdelt_dates():
    assert gdelt_date("20170315103000") == "2017-03-15T10:30:00+00:00"
    assert gdelt_date("20170315") == "2017-03-15"
    assert gdelt_date("2017") is None


def test_unknown_preset_is_a_usage_error(tmp_path):
    r = CliRunner().invoke(app, ["analyze", str(tmp_path), "--preset", "nope", "--db", str(tmp_path / "x.db")])
    assert r.exit_code == 2 and "mediacloud" in r.output


@pytest.mark.parametrize("preset,sep", [("gdelt", "\t"), ("mediacloud", ",")])
def test_a_row_of_millions_of_fields_is_refused_by_its_length(tmp_path, preset, sep):
    """A "line" of 4 MB of separators would be 4 million fields held at once; it is refused at the
    line limit, as record CSVs are, before the csv module splits it."""
    import tracemalloc

    path = tmp_path / ("links.tsv" if preset == "gdelt" else "stories.csv")
    header = "" if preset == "gdelt" else "id,title,url\n"
    path.write_text(header + "x" + sep * 4_000_000 + "\n", encoding="utf-8")
    tracemalloc.start()
    try:
        items = list(iter_inputs([str(path)], replace(FAST, preset=preset, max_line_bytes=100_000)))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    errors = [x for x in items if isinstance(x, ReadError)]
    assert len(errors) == 1 and "CSV line longer than 100,000 characters" in errors[0].message, errors
    assert peak < 16_000_000
