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


def _related_store(tmp_path) -> Store:
    """Three stories: s1 and s2 related (one event split in two), s3 alone."""
    home = "The Orvane council approved 1,250 new homes on Tuesday."
    arts = [
        article("a", "Harbor Post", claim(home, q("1,250 new homes", 1250, counted="homes"))),
        article("b", "Valley Times", claim("The Orvane council approved 1,250 new homes this week.",
                                           q("1,250 new homes", 1250, counted="homes"))),
        article("c", "Coast Daily", claim("Orvane councillors voted for 1,250 new homes in Orvane.",
                                          q("1,250 new homes", 1250, counted="homes"))),
        article("d", "Hill Courier", claim("Orvane will build 1,250 new homes, the council said.",
                                           q("1,250 new homes", 1250, counted="homes"))),
        article("e", "Coast Daily", claim("Ferries carried 640 passengers across the sound.",
                                          q("640 passengers", 640, counted="passengers"))),
        article("f", "Harbor Post", claim("Ferries carried 900 passengers across the sound.",
                                          q("900 passengers", 900, counted="passengers"))),
    ]
    store = Store(tmp_path / "r.db")
    with store.transaction():
        for art in arts:
            store.put_document(art, raw_hash=art.id, status="extracted")
            store.put_claims(art.id, art.claims)
        store.put_stories([Story(id="s1", documents=["a", "b"], related=["s2"]),
                           Story(id="s2", documents=["c", "d"], related=["s1"]),
                           Story(id="s3", documents=["e", "f"])])
    return store


def _key(comps):
    return sorted((c.story, c.measure, c.verdict, tuple(sorted(c.claims)), c.explanation) for c in comps)


def test_the_comparisons_of_touched_stories_are_those_of_the_full_build(tmp_path):
    from claimgraph.link.run import build_comparisons_of

    with _related_store(tmp_path) as store:
        full = build_comparisons(store)
        # the story index lists a story's articles in the order they joined, not in ingest order
        stories = {s.id: Story(s.id, s.documents[::-1], s.related) for s in store.stories()}
        assert {c.story for c in full} >= {"s1", "s3"}  # the related pair is compared, under s1
        assert _key(build_comparisons_of(store, stories.values(), stories)) == _key(full)
        # touching s1 rebuilds its own comparisons and its related pair's, nothing of s3
        part = build_comparisons_of(store, [stories["s1"], stories["s2"]], stories)
        assert _key(part) == _key(c for c in full if c.story in {"s1", "s2"})


def test_replacing_the_comparisons_of_some_stories_keeps_the_others(tmp_path):
    from claimgraph.link.run import build_comparisons_of

    with _related_store(tmp_path) as store:
        with store.transaction():
            store.put_comparisons(build_comparisons(store))
        kept = {r[0] for r in store.execute("SELECT id FROM comparisons WHERE story_id='s3'")}
        stories = {s.id: s for s in store.stories()}
        before = _key(store.comparisons())
        with store.transaction():
            store.replace_comparisons(["s1", "s2"], build_comparisons_of(store, [stories["s1"], stories["s2"]],
                                                                         stories))
        assert _key(store.comparisons()) == before
        assert {r[0] for r in store.execute("SELECT id FROM comparisons WHERE story_id='s3'")} == kept
        ids = [r[0] for r in store.execute("SELECT id FROM comparisons")]
        assert len(ids) == len(set(ids))
