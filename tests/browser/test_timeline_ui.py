"""The story page's timeline chart and coverage table in chromium, on tests/timeline_store.py."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the fixtures beside the tests

from timeline_store import FLOOD, build_store  # noqa: E402

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect


@pytest.fixture(scope="module")
def timeline_server(tmp_path_factory):
    from live import running_server

    with running_server(build_store(tmp_path_factory.mktemp("timeline") / "t.db")) as url:
        yield url


def test_timeline_marks_in_date_order_open_the_article_at_the_figure(page, timeline_server):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(f"{timeline_server}/story/{FLOOD}")
    chart = page.locator("figure.updated svg.timeline-plot")
    marks = chart.locator("a[class^=mark]")
    expect(marks).to_have_count(4)  # one mark per report
    dates = [marks.nth(i).get_attribute("data-date") for i in range(4)]
    assert dates == sorted(dates) == ["2031-05-04", "2031-05-05", "2031-05-06", "2031-05-06"]
    xs = [float(marks.nth(i).locator("circle").get_attribute("cx")) for i in range(4)]
    assert xs == sorted(xs)
    # the hollow mark is the outlet that repeated a superseded figure
    assert "outdated" in marks.nth(3).get_attribute("class")
    marks.nth(3).click()
    expect(page).to_have_url(re.compile(r"/doc/flood-ridge#claim-"))
    expect(page.locator("mark:target, mark.target").first).to_contain_text("31 people")
    expect(page.locator("table.claims .badge.outdated")).to_have_count(1)


def test_the_coverage_table_shows_the_omission(page, timeline_server):
    page.goto(f"{timeline_server}/story/{FLOOD}")
    table = page.locator("table.coverage")
    expect(table).to_be_visible()
    row = table.locator("tbody tr", has_text="resid")
    expect(row.locator(".missing")).to_have_count(2)
    header = [t.strip().lower() for t in table.locator("thead th").all_inner_texts()]  # CSS upper-cases them
    assert header[1:] == ["harbor post", "valley times", "coast daily", "ridge gazette"]
    cells = row.locator("td")
    assert "not mentioned" in cells.nth(2).inner_text() and "not mentioned" in cells.nth(3).inner_text()
