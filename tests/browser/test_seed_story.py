"""The seed corpus in the browser: the Raqqa story's fighters measure, one click to the sentence.

Runs the real pipeline on ../shared/corpus (skipped when it is absent), serves the store with the
real server, and drives Debian's chromium.
"""

from __future__ import annotations

import re

import pytest
from live import running_server

from claimgraph.options import Options, StoreOptions
from claimgraph.pipeline import Pipeline
from claimgraph.store import Store

pytestmark = [pytest.mark.browser, pytest.mark.model, pytest.mark.shared]
expect = pytest.importorskip("playwright.sync_api").expect


@pytest.fixture(scope="module")
def seed_server(tmp_path_factory, shared_dir):
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    with Store(db) as store:
        Pipeline(store, Options(store=StoreOptions(db=str(db)))).run([str(shared_dir / "corpus")])
    with running_server(db) as url:
        yield url


def test_raqqa_fighters_conflict_to_highlighted_sentence(page, seed_server, tmp_path):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(seed_server + "/")
    page.get_by_role("link", name=re.compile("Raqqa")).first.click()
    fighters = page.locator("table.measures tr.conflict", has_text="a few dozen fighters").first
    expect(fighters).to_contain_text("SDF")
    expect(fighters).to_contain_text("the coalition")
    expect(fighters).to_contain_text("Some 250 IS fighters")
    people = page.locator("table.measures tr", has_text="around 4,000 people").first
    expect(people).to_contain_text("lorry driver")
    page.screenshot(path=str(tmp_path / "raqqa-story.png"), full_page=True)

    fighters.get_by_role("link", name="only a few dozen fighters").click()
    expect(page).to_have_url(re.compile(r"/doc/seeds%2F000_[0-9a-f]+\.txt#claim-c\d+$"))
    target = page.locator("mark.claim:target")
    expect(target).to_have_count(1)
    expect(target).to_contain_text("only a few dozen fighters had been able to leave")
    expect(target).to_be_in_viewport()
    page.screenshot(path=str(tmp_path / "raqqa-claim.png"), full_page=False)
    assert (tmp_path / "raqqa-claim.png").stat().st_size > 5_000
