"""The story page a reader understands at a glance, at 1,280 and 390 px, and accessible.

A fictional story (tests/story_store.py) with a conflict, an update and six outlets, four of them
from a related story. axe-core (the ``axe-playwright-python`` package) checks every page type.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlencode

import pytest
from live import running_server, screenshot

from story_store import GAZETTE, LAKESIDE, SUMMARY, build_story_store

pytestmark = pytest.mark.browser
expect = pytest.importorskip("playwright.sync_api").expect

WIDTHS = [1280, 390]


@pytest.fixture(scope="module")
def story_server(tmp_path_factory):
    with running_server(build_story_store(tmp_path_factory.mktemp("layout") / "story.db")) as url:
        yield url




def _no_sideways_scroll(page) -> None:
    width = page.viewport_size["width"]
    scroll = page.evaluate("() => document.documentElement.scrollWidth")
    assert scroll <= width, f"page is {scroll} px wide in a {width} px viewport"


def _inside_viewport_horizontally(page, locator) -> None:
    width = page.viewport_size["width"]
    for i in range(locator.count()):
        box = locator.nth(i).bounding_box()
        assert box is not None and box["width"] > 0
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, (i, box, width)


def test_summary_sentences_in_order(page, story_server):
    page.goto(story_server + "/story/t1")
    items = page.locator(".glance li")
    expect(items).to_have_text(SUMMARY)
    expect(page.locator(".glance .headline")).to_have_text(
        "1 conflict, 1 figure changed over time, 1 figure all sources agree on.")
    # each sentence links to its row of the measure table
    hrefs = [items.nth(i).locator("a").get_attribute("href") for i in range(items.count())]
    assert hrefs == ["#m-1", "#m-2", "#m-3"]
    items.first.locator("a").click()
    expect(page.locator("table.measures tr:target")).to_have_attribute("id", "m-1")


def test_header_separates_own_and_related_articles(page, story_server):
    page.goto(story_server + "/story/t1")
    lede = page.locator(".page-head .lede")
    expect(lede).to_contain_text("2 articles from")
    expect(lede).to_contain_text("figures from 4 more outlets in related stories")
    expect(page.locator("table.measures thead th")).to_have_count(8)  # measure, six outlets, verdict


@pytest.mark.parametrize("width", WIDTHS)
def test_story_fits_the_screen(page, story_server, tmp_path, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(story_server + "/story/t1")
    _no_sideways_scroll(page)
    verdicts = page.locator("table.measures td.verdict")
    expect(verdicts).to_have_count(3)
    _inside_viewport_horizontally(page, verdicts)
    _inside_viewport_horizontally(page, page.locator("table.measures .badge"))
    _inside_viewport_horizontally(page, page.locator("table.measures .why"))
    screenshot(page, tmp_path, f"layout-story-{width}")


def test_phone_shows_each_measure_as_a_card(page, story_server):
    page.set_viewport_size({"width": 390, "height": 900})
    page.goto(story_server + "/story/t1")
    card = page.locator("table.measures tbody tr").first
    measure = card.locator("th").bounding_box()
    verdict = card.locator("td.verdict").bounding_box()
    sources = card.locator("td.src:not(.none)")
    expect(sources).to_have_count(4)  # the two sides' four outlets; outlets without a figure are hidden
    first_source = sources.first.bounding_box()
    assert measure["y"] < verdict["y"] < first_source["y"]  # measure, verdict, then the sources
    expect(sources.first.locator(".col-name")).to_be_visible()
    expect(card.locator("td.src.none").first).to_be_hidden()


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_type_fits_at_both_widths(page, story_server, width):
    page.set_viewport_size({"width": width, "height": 900})
    for url in ["/", "/story/t1", "/doc/" + quote(GAZETTE, safe=""), "/articles", "/speakers",
                "/speaker?name=Hospitals", "/search?q=people"]:
        page.goto(story_server + url)
        _no_sideways_scroll(page)


def _serious(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


PAGES = {"stories": "/", "story": "/story/t1", "article": "/doc/" + quote(GAZETTE, safe=""),
         "articles": "/articles", "speakers": "/speakers", "speaker": "/speaker?name=Hospitals",
         "search": "/search?q=people", "not found": "/story/nope",
         "explain": "/explain?" + urlencode({"a": f"{GAZETTE}#c1", "b": f"{LAKESIDE}#c1"})}


@pytest.mark.parametrize("name", list(PAGES))
@pytest.mark.parametrize("width", WIDTHS)
def test_no_serious_accessibility_violations(page, story_server, name, width):
    pytest.importorskip("axe_playwright_python")
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(story_server + PAGES[name])
    assert _serious(page) == []


# the printable width of a page at 96 px per inch, less the dossier's 12 mm side margins
PAPER = {"A4": (210 - 24) / 25.4 * 96, "Letter": (215.9 - 24) / 25.4 * 96}


@pytest.mark.parametrize("paper", list(PAPER))
def test_dossier_prints_on_a4_and_letter(page, tmp_path, paper):
    from claimgraph.present.dossier import write_dossier
    from claimgraph.store import Store

    db = build_story_store(tmp_path / "story.db")
    with Store(db, readonly=True) as store:
        html = write_dossier(store, tmp_path / "dossier.html", "t1")
    width = int(PAPER[paper])
    page.set_viewport_size({"width": width, "height": 1000})
    page.emulate_media(media="print")
    page.goto(html.as_uri())
    _no_sideways_scroll(page)
    _inside_viewport_horizontally(page, page.locator("table.measures tr > :last-child"))
    expect(page.locator(".glance li")).to_have_text(SUMMARY)
    pdf = tmp_path / f"dossier-{paper}.pdf"
    page.pdf(path=str(pdf), format=paper, print_background=True)
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page\b", data))
    assert 2 <= pages <= 6, pages  # the summary and table, then the six articles


def test_keyboard_skip_link_and_visible_focus(page, story_server):
    page.goto(story_server + "/story/t1")
    page.keyboard.press("Tab")
    skip = page.locator("a.skip")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{story_server}/story/t1#main")
    for _ in range(6):  # the next links get a visible focus ring
        page.keyboard.press("Tab")
        outline = page.evaluate("() => { const s = getComputedStyle(document.activeElement);"
                                " return [s.outlineStyle, parseFloat(s.outlineWidth)]; }")
        assert outline[0] != "none" and outline[1] >= 2, outline


def test_conflict_and_agreement_differ_beyond_colour(page, story_server):
    page.goto(story_server + "/story/t1")
    sign = "(e) => getComputedStyle(e, '::before').content"
    conflict = page.locator("table.measures .badge.conflict").first
    consistent = page.locator("table.measures .badge.consistent").first
    expect(conflict).to_have_text("conflict")
    expect(consistent).to_have_text("consistent")
    assert conflict.evaluate(sign) != consistent.evaluate(sign)
    page.goto(story_server + "/doc/" + quote(LAKESIDE, safe=""))
    line = "(e) => getComputedStyle(e).textDecorationStyle"
    assert page.locator("article.text mark.claim.conflict").first.evaluate(line) == "wavy"
    assert page.locator("article.text mark.claim.consistent").first.evaluate(line) == "double"


@pytest.mark.parametrize("name", list(PAGES))
def test_dark_scheme_has_no_serious_accessibility_violations(page, story_server, name):
    pytest.importorskip("axe_playwright_python")
    page.emulate_media(color_scheme="dark")
    page.goto(story_server + PAGES[name])
    assert _serious(page) == []


def test_dossier_has_no_serious_accessibility_violations(page, tmp_path):
    pytest.importorskip("axe_playwright_python")
    from claimgraph.present.dossier import write_dossier
    from claimgraph.store import Store

    db = build_story_store(tmp_path / "story.db")
    with Store(db, readonly=True) as store:
        html = write_dossier(store, tmp_path / "dossier.html", "t1")
    page.goto(html.as_uri())
    assert _serious(page) == []
