"""The link stage on a store: comparisons are built per story and saved."""

from __future__ import annotations

from claimgraph.link.run import build_comparisons
from claimgraph.model import Story
from claimgraph.store import Store
from compare_fixtures import article, claim, q


def test_build_comparisons_from_the_store(tmp_path):
    arts = [
        article("a", "Harbor Post", claim("The Orvane council approved 1,250 new homes on Tuesday.",
                                          q("1,250 new homes", 1250, counted="homes"))),
        article("b", "Valley Times", claim("The Orvane council approved 1,250 new homes this week.",
                                           q("1,250 new homes", 1250, counted="homes"))),
        article("c", "Coast Daily", claim("Ferries carried 640 passengers across the sound.",
                                          q("640 passengers", 640, counted="passengers"))),
    ]
    with Store(tmp_path / "t.db") as store:
        with store.transaction():
            for art in arts:
                store.put_document(art, raw_hash=art.id, status="extracted")
                store.put_claims(art.id, art.claims)
            store.put_stories([Story(id="s1", documents=["a", "b"]), Story(id="s2", documents=["c"])])
        comps = build_comparisons(store)
        assert [(c.verdict, c.story, sorted(c.claims)) for c in comps] == [("consistent", "s1", ["a#c1", "b#c1"])]
        with store.transaction():
            store.put_comparisons(comps)
        (saved,) = store.comparisons()
        assert saved.sources == ["Harbor Post", "Valley Times"] and saved.independent_origins == 2
