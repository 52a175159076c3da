"""Incremental runs: a corpus analysed in two batches gives what one batch gives, and the second
batch touches only what it must (outlet statistics, stories, comparisons of touched stories)."""

from __future__ import annotations

import pytest

from claimgraph.link.run import build_comparisons
from claimgraph.options import ExtractOptions, Options
from claimgraph.pipeline import Pipeline
from claimgraph.store import Store

pytestmark = pytest.mark.model

FOOTER = "The Harbor Ledger is printed at the Quayside works on Tallow Lane in Orvane."


def rec(doc_id: str, outlet: str, day: str, title: str, body: str) -> dict[str, str]:
    text = f"{title}\n\n{body}"
    if outlet == "Harbor Ledger":  # the outlet's template: the same footer under every article
        text += f"\n\n{FOOTER}"
    return {"id": doc_id, "outlet": outlet, "published": day, "title": title, "text": text}


# Fictional events: a flood in Orvane (the evacuated families conflict), a bridge closure in Kestrel
# Bay (agreeing traffic figures) and a ferry strike in Marlow Sound (a later batch only).
FLOOD = "Orvane flood forces evacuations along the Tessel river"
BRIDGE = "Kestrel Bay bridge closed for repairs after inspection"
STRIKE = "Marlow Sound ferry crews strike over pay"
BATCH_1 = [
    rec(
        "flood-1",
        "Harbor Ledger",
        "2024-03-01",
        FLOOD,
        "Flood waters rose along the Tessel river in Orvane on Friday. The Orvane fire chief said "
        "about 120 families were evacuated from the riverside streets overnight.",
    ),
    rec(
        "flood-2",
        "Valley Times",
        "2024-03-01",
        FLOOD,
        "The Tessel river burst its banks in Orvane. Orvane mayor Ilse Brandt said 300 families were "
        "evacuated from the riverside streets overnight, and shelters opened in two schools.",
    ),
    rec(
        "bridge-1",
        "Harbor Ledger",
        "2024-03-02",
        BRIDGE,
        "The Kestrel Bay bridge closed on Saturday after engineers found cracks in a pier. The "
        "transport office said the bridge carries 18,000 vehicles a day.",
    ),
    rec(
        "bridge-2",
        "Coast Daily",
        "2024-03-02",
        BRIDGE,
        "Engineers closed the Kestrel Bay bridge after an inspection found cracked piers. The "
        "bridge carries about 18,000 vehicles a day, the transport office said.",
    ),
    rec(
        "market-1",
        "Harbor Ledger",
        "2024-03-03",
        "Orvane spring market opens with new stalls",
        "The spring market opened in the Orvane square with forty stalls of bread, cheese and "
        "pottery, organisers said.",
    ),
]
BATCH_2 = [
    rec(
        "flood-3",
        "Coast Daily",
        "2024-03-04",
        FLOOD,
        "Clean-up began in Orvane after the Tessel river flood. The fire chief said about 120 "
        "families were evacuated from the riverside streets, and most have returned home.",
    ),
    rec(
        "strike-1",
        "Harbor Ledger",
        "2024-03-05",
        STRIKE,
        "Ferry crews in Marlow Sound walked out on Tuesday. The crews' union said 240 crew members "
        "joined the strike, halting every crossing.",
    ),
    rec(
        "strike-2",
        "Valley Times",
        "2024-03-05",
        STRIKE,
        "Crossings in Marlow Sound stopped as ferry crews went on strike. The ferry company said 90 "
        "crew members joined the strike on Tuesday.",
    ),
]


def analyse(db, *batches: list[dict[str, str]]) -> Store:
    options = Options(extract=ExtractOptions(n_process=1))
    for batch in batches:
        with Store(db) as store:
            Pipeline(store, options).run(batch)
    return Store(db)


def stories(store: Store) -> set[tuple[str, ...]]:
    return {tuple(sorted(s.documents)) for s in store.stories()}


def comparisons(store: Store) -> list[tuple]:
    story_docs = {s.id: tuple(sorted(s.documents)) for s in store.stories()}
    return sorted(
        (story_docs.get(c.story or ""), c.measure, c.verdict, tuple(sorted(c.claims)), c.explanation)
        for c in store.comparisons()
    )


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    work = tmp_path_factory.mktemp("incremental")
    once = analyse(work / "once.db", BATCH_1 + BATCH_2)
    with Store(work / "twice.db") as store:
        Pipeline(store, Options(extract=ExtractOptions(n_process=1))).run(BATCH_1)
        first = {c.story: c for c in store.comparisons()}
        first_ids = dict(store.execute("SELECT id, story_id FROM comparisons").fetchall())
    twice = analyse(work / "twice.db", BATCH_2)
    yield once, twice, first, first_ids
    once.close()
    twice.close()


def test_two_batches_give_the_stories_and_comparisons_of_one(runs):
    once, twice, _, _ = runs
    assert stories(twice) == stories(once)
    # and in the same order: a story the second batch changed keeps its place
    assert [sorted(s.documents) for s in twice.stories()] == [sorted(s.documents) for s in once.stories()]
    assert {("flood-1", "flood-2", "flood-3"), ("bridge-1", "bridge-2")} <= stories(once)
    assert comparisons(twice) == comparisons(once)
    assert any(v == "conflict" for _, _, v, _, _ in comparisons(once))  # the fixture compares something


def test_the_incremental_comparisons_are_a_rebuild_of_the_whole_store(runs):
    _, twice, _, _ = runs
    rebuilt = build_comparisons(twice)
    story_docs = {s.id: tuple(sorted(s.documents)) for s in twice.stories()}
    assert sorted(
        (story_docs.get(c.story or ""), c.measure, c.verdict, tuple(sorted(c.claims)), c.explanation)
        for c in rebuilt
    ) == comparisons(twice)


def test_the_second_batch_leaves_untouched_stories_alone(runs):
    _, twice, _, first_ids = runs
    bridge = next(s.id for s in twice.stories() if "bridge-1" in s.documents)
    kept = {k for k, sid in first_ids.items() if sid == bridge}
    assert kept, "the bridge story has comparisons"
    now = dict(twice.execute("SELECT id, story_id FROM comparisons").fetchall())
    assert all(now.get(k) == bridge for k in kept)  # same rows, not deleted and written again


def test_an_outlet_footer_is_stripped_from_a_later_batch_too(runs):
    once, twice, _, _ = runs
    for store in (once, twice):
        art = store.get_document("strike-1", with_claims=False)
        assert FOOTER not in art.text and FOOTER in art.removed
        assert "240 crew members" in art.text
    counted = twice.execute("SELECT docs FROM outlet_docs WHERE outlet='harbor ledger'").fetchone()[0]
    assert counted == 4


def test_a_run_with_nothing_new_changes_nothing(runs, tmp_path):
    _, twice, _, _ = runs
    before = (stories(twice), comparisons(twice))
    with Store(twice.path) as store:
        Pipeline(store, Options(extract=ExtractOptions(n_process=1))).run(BATCH_2)
    assert (stories(twice), comparisons(twice)) == before
