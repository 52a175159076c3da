"""Speaker entities in the browser: one entity's page with its claims from two outlets, and a
story page that counts reports against independent sources."""

from __future__ import annotations

import re

import pytest
from live import running_server

from speaker_store import build_speaker_store

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect


@pytest.fixture(scope="module")
def speaker_server(tmp_path_factory):
    db = tmp_path_factory.mktemp("speakers") / "speakers.db"
    build_speaker_store(str(db)).close()
    with running_server(db) as url:
        yield url


def test_speaker_entity_page_and_independent_sources(page, speaker_server, tmp_path):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(speaker_server + "/speakers")
    page.get_by_label("Speaker type").select_option("person")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"type=person"))
    rows = page.locator("table.speakers tbody tr")
    expect(rows).to_have_count(2)  # Lotte and Jonas Brandt: namesakes, two entities
    page.get_by_role("link", name="Lotte Brandt").click()
    expect(page.locator("h1")).to_have_text("Lotte Brandt")
    expect(page.locator(".role")).to_have_text("mayor")
    expect(page.locator(".aliases")).to_contain_text("Brandt")
    story = page.locator("section.speaker-story")
    expect(story).to_have_count(1)
    expect(story.locator("h2")).to_contain_text("Ships sink")
    expect(story.locator("h2 .chip")).to_have_text(["Harbor Ledger", "Valley Post"])
    expect(story.locator(".claim-list > li")).to_have_count(2)
    expect(page.locator(".relations .conflicts")).to_contain_text("Officials")
    page.screenshot(path=str(tmp_path / "speaker.png"), full_page=True)
    assert (tmp_path / "speaker.png").stat().st_size > 5_000

    story.locator("h2 a").click()
    expect(page).to_have_url(re.compile(r"/story/s1$"))
    verdict = page.locator("table.measures td.verdict .independence")
    expect(verdict).to_contain_text("2 reports, 2 independent sources")
    expect(verdict).to_contain_text("side A: 2 reports, 1 independent source")
    page.screenshot(path=str(tmp_path / "story.png"), full_page=True)
