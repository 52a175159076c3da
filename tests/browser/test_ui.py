"""Click through the real UI in chromium: story list -> story -> claim -> highlighted sentence."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from live import screenshot

from web_store import EVIL, EVIL2, FLOOD_LEDGER, LEDGER, XSS_LINK, XSS_SCRIPT, XSS_TEXTAREA

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

CLAIM_1 = "Mayor Ana Ortiz said 120 homes were flooded when the river rose overnight."




def test_story_list_to_story_to_highlighted_claim(page, tmp_path):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto("/")
    expect(page.locator("h1")).to_contain_text("Stories")
    row = page.locator("table.stories tbody tr", has_text="Marrow Bay flood")
    expect(row.locator(".badge.conflict")).to_have_text("1")
    row.get_by_role("link", name="Marrow Bay flood").click()
    expect(page).to_have_url(re.compile(r"/story/s1$"))
    conflict_row = page.locator("table.measures tr.conflict")
    expect(conflict_row).to_contain_text("homes flooded")
    expect(conflict_row).to_contain_text("quotes the fire chief")
    # conflicts really are red
    assert page.eval_on_selector("table.measures tr.conflict td", "e => getComputedStyle(e).backgroundColor") \
        == "rgb(254, 243, 242)"
    screenshot(page, tmp_path, "story")

    conflict_row.get_by_role("link", name="120 homes").click()
    expect(page).to_have_url(re.compile(re.escape("/doc/" + quote(LEDGER, safe="")) + "#claim-c1$"))
    target = page.locator("mark.claim:target")
    expect(target).to_have_count(1)
    expect(target).to_have_attribute("id", "claim-c1")
    expect(target).to_have_text(CLAIM_1)
    expect(target).to_be_in_viewport()
    page.wait_for_timeout(1700)  # let the :target flash settle before the screenshot
    assert page.eval_on_selector("mark.claim:target", "e => getComputedStyle(e).backgroundColor") \
        == "rgb(255, 224, 122)"
    # the other claims are highlighted too, just not as the target
    expect(page.locator("article.text mark.claim")).to_have_count(3)
    expect(page.locator("article.text")).to_have_text(FLOOD_LEDGER)
    shot = screenshot(page, tmp_path, "article-claim")
    assert shot.exists()


def test_claim_list_links_move_the_highlight(page):
    page.goto("/doc/" + quote(LEDGER, safe=""))
    expect(page.locator("mark.claim:target")).to_have_count(0)
    page.locator("table.claims a.claim-link").nth(1).click()
    expect(page).to_have_url(re.compile("#claim-c2$"))
    expect(page.locator("mark.claim:target")).to_have_attribute("id", "claim-c2")


def test_search_then_open_a_result(page, tmp_path):
    page.goto("/")
    page.get_by_role("searchbox", name="Search claims").fill("homes")
    page.get_by_role("button", name="Search").first.click()
    expect(page).to_have_url(re.compile(r"/search\?q=homes"))
    cards = page.locator(".claim-card")
    expect(cards).to_have_count(3)
    expect(page.locator("mark.hit").first).to_have_text("homes")
    screenshot(page, tmp_path, "search")
    cards.filter(has_text="Fire chief").locator("blockquote a").click()
    expect(page.locator("mark.claim:target")).to_contain_text("300 homes")


def test_speaker_page_from_the_story(page):
    page.goto("/story/s1")
    page.locator("ul.speakers").get_by_role("link", name="Tomas Reyes").click()
    expect(page.locator("h1")).to_have_text("Tomas Reyes")
    expect(page.locator(".claim-card")).to_have_count(2)


def test_unknown_pages_show_a_404_page(page):
    response = page.goto("/story/does-not-exist")
    assert response.status == 404
    expect(page.locator("h1")).to_have_text("Story not found")


def test_injected_markup_stays_inert_text(page, tmp_path):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    urls = ["/", "/story/s2", "/doc/" + quote(EVIL, safe=""), "/doc/" + quote(EVIL2, safe=""), "/articles",
            "/speakers", "/search?q=" + quote(XSS_SCRIPT), "/search?q=" + quote(XSS_TEXTAREA), "/search?q=caption"]
    for url in urls:
        page.goto(url)
        page.wait_for_load_state("load")
        assert page.locator("script").count() == 0, url  # our pages have none; the article's never became one
        assert page.locator("img").count() == 0, url
        assert page.locator("textarea").count() == 0, url
        assert page.locator("a[href^='javascript' i]").count() == 0, url
        assert page.evaluate("() => [...document.querySelectorAll('*')].filter(e => [...e.attributes]"
                             ".some(a => a.name.startsWith('on'))).length") == 0, url
    page.goto("/doc/" + quote(EVIL, safe=""))
    text = page.locator("article.text").inner_text()
    assert XSS_SCRIPT in text and XSS_TEXTAREA in text and XSS_LINK in text  # shown literally
    screenshot(page, tmp_path, "injection")
    page.wait_for_timeout(300)
    assert dialogs == [] and errors == []
