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


def _grow(store: Store, story: Story, art) -> dict[str, Story]:
    """Add ``art`` to the store and to ``story``; the stories as they are afterwards, by id."""
    with store.transaction():
        store.put_document(art, raw_hash=art.id, status="extracted")
        store.put_claims(art.id, art.claims)
    return {s.id: (Story(s.id, [*s.documents, art.id], s.related) if s.id == story.id else s)
            for s in store.stories()}


def _rebuilt_in_place(store: Store, before: dict[str, Story], after: dict[str, Story]) -> set[str]:
    """Apply an incremental rebuild; returns the ids of the comparisons it kept."""
    from claimgraph.link.run import rebuild_comparisons

    ids = {r[0] for r in store.execute("SELECT id FROM comparisons")}
    drop, new = rebuild_comparisons(store, before, after)
    with store.transaction():
        store.replace_stories([s for sid, s in after.items() if before.get(sid) != s],
                              [sid for sid in before if sid not in after])
        store.update_comparisons(drop, new)
    return ids - set(drop)


def _stored(store: Store) -> list[tuple]:
    docs_of = {s.id: tuple(sorted(s.documents)) for s in store.stories()}
    return sorted((docs_of[c.story], c.measure, c.verdict, tuple(sorted(c.claims)), c.explanation)
                  for c in store.comparisons())


def _full(store: Store) -> list[tuple]:
    docs_of = {s.id: tuple(sorted(s.documents)) for s in store.stories()}
    return sorted((docs_of[c.story], c.measure, c.verdict, tuple(sorted(c.claims)), c.explanation)
                  for c in build_comparisons(store))


def test_a_story_related_to_a_grown_one_keeps_its_own_comparisons(tmp_path):
    with _related_store(tmp_path) as store:
        with store.transaction():
            store.put_comparisons(build_comparisons(store))
        before = {s.id: s for s in store.stories()}
        own_s1 = {r[0] for r in store.execute(
            "SELECT k.id FROM comparisons k WHERE k.story_id='s1' AND NOT EXISTS (SELECT 1 FROM comparison_claims cc "
            "WHERE cc.comparison_id=k.id AND cc.claim_id NOT IN ('a#c1', 'b#c1'))")}
        s3 = {r[0] for r in store.execute("SELECT id FROM comparisons WHERE story_id='s3'")}
        assert own_s1 and s3
        grown = article("g", "Hill Courier", claim("Orvane's council backed 1,300 new homes, a councillor said.",
                                                    q("1,300 new homes", 1300, counted="homes")))
        after = _grow(store, before["s2"], grown)
        kept = _rebuilt_in_place(store, before, after)
        # s2 grew: its own comparisons and the s1-s2 pair are built again; s1's own and s3's are kept
        assert own_s1 | s3 <= kept
        assert _stored(store) == _full(store)
        assert any("g#c1" in c[3] for c in _stored(store))  # the new article is compared


def test_a_pair_no_longer_related_loses_its_comparisons_only(tmp_path):
    with _related_store(tmp_path) as store:
        with store.transaction():
            store.put_comparisons(build_comparisons(store))
        before = {s.id: s for s in store.stories()}
        mixed = [c for c in store.comparisons() if {x[0] for x in c.claims} & {"a", "b"}
                 and {x[0] for x in c.claims} & {"c", "d"}]
        assert mixed, "the fixture compares the related pair"
        after = {sid: Story(s.id, s.documents, [], s.title, s.terms) for sid, s in before.items()}
        kept = _rebuilt_in_place(store, before, after)
        assert _stored(store) == _full(store)
        assert len(kept) == len(store.comparisons()) and not any(
            {x[0] for x in c.claims} >= {"a", "c"} for c in store.comparisons())


def test_worker_processes_give_what_one_process_gives(tmp_path, monkeypatch):
    from claimgraph.link import parallel
    from claimgraph.link.mention_cache import MentionCache
    from claimgraph.link.run import build_comparisons_of
    from claimgraph.link.settings import CompareOptions

    monkeypatch.setattr(parallel, "MIN_WORK", 1)  # the fixture is small; the path is the same
    with _related_store(tmp_path) as store:
        stories = {s.id: s for s in store.stories()}
        one = build_comparisons_of(store, stories.values(), stories)
        mentions = MentionCache(CompareOptions(), store)
        two = build_comparisons_of(store, stories.values(), stories, workers=2, mentions=mentions)
        assert [(c.story, c.verdict, c.claims, c.explanation) for c in two] == \
            [(c.story, c.verdict, c.claims, c.explanation) for c in one]
        # the first chunks go to the worker, the last to this process: each built some mentions
        assert 0 < mentions.builds < 6
        with store.transaction():
            mentions.save()  # those built in the worker come back to be kept too
        assert store.execute("SELECT COUNT(*) FROM document_mentions").fetchone()[0] == 6


def test_the_link_stage_pauses_the_collector_and_turns_it_back_on(tmp_path, monkeypatch):
    import gc

    import pytest

    from claimgraph.link import run

    seen: list[bool] = []

    def spy(*args):
        seen.append(gc.isenabled())
        raise RuntimeError("stop")

    monkeypatch.setattr(run, "_link_store", spy)
    with _related_store(tmp_path) as store, pytest.raises(RuntimeError):
        run.link_store(store)
    assert seen == [False] and gc.isenabled()


def test_worker_processes_read_a_postgresql_store_too(tmp_path, monkeypatch, pg_server):
    from claimgraph.link import parallel
    from claimgraph.link.run import build_comparisons_of
    from claimgraph.store import copy_store

    monkeypatch.setattr(parallel, "MIN_WORK", 1)
    with _related_store(tmp_path) as lite, Store(pg_server.new_database()) as pg:
        copy_store(lite, pg)
        stories = {s.id: s for s in pg.stories()}
        one = build_comparisons_of(lite, stories.values(), stories)
        two = build_comparisons_of(pg, stories.values(), stories, workers=2)
        assert one and [(c.story, c.claims, c.explanation) for c in two] == \
            [(c.story, c.claims, c.explanation) for c in one]


def test_a_first_link_run_in_worker_processes_gives_what_one_process_gives(tmp_path, monkeypatch):
    import shutil

    from claimgraph.link import parallel
    from claimgraph.link.run import link_store

    monkeypatch.setattr(parallel, "MIN_WORK", 1)
    with _related_store(tmp_path) as store:
        with store.transaction():  # the articles only: the link stage makes the stories
            store.put_stories([])
    shutil.copy(tmp_path / "r.db", tmp_path / "two.db")
    got = []
    for name, workers in (("r.db", 1), ("two.db", 2)):
        with Store(tmp_path / name) as store:
            link_store(store, workers=workers)
            got.append((_stored(store), store.execute("SELECT COUNT(*) FROM document_mentions").fetchone()[0]))
    assert got[0] == got[1] and got[0][0] and got[0][1] == 6


def test_workers_that_cannot_start_leave_the_comparisons_to_this_process(tmp_path, monkeypatch, caplog):
    from claimgraph.link import parallel
    from claimgraph.link.run import build_comparisons_of

    monkeypatch.setattr(parallel, "MIN_WORK", 1)
    monkeypatch.setattr(parallel.Runner, "worker_store", lambda self: str(tmp_path / "missing" / "x.db"))
    with _related_store(tmp_path) as store:
        stories = {s.id: s for s in store.stories()}
        one = build_comparisons_of(store, stories.values(), stories)
        two = build_comparisons_of(store, stories.values(), stories, workers=2)
    assert one and [(c.story, c.claims) for c in two] == [(c.story, c.claims) for c in one]
    assert "comparing in this process" in caplog.text


def test_by_default_memory_decides_the_link_workers_when_there_is_enough_to_do(tmp_path, monkeypatch):
    from claimgraph.link import parallel
    from claimgraph.link.settings import CompareOptions

    asked: list[bool] = []

    def decide() -> int:
        asked.append(True)
        return 3

    monkeypatch.setattr(parallel, "link_workers", decide)
    with _related_store(tmp_path) as store:
        comparer = parallel.Comparer(store, CompareOptions())
        assert parallel.Runner(comparer, 0, parallel.MIN_WORK - 1).workers == 1 and not asked
        assert parallel.Runner(comparer, 0, parallel.MIN_WORK).workers == 3 and asked
        assert parallel.Runner(comparer, 2, parallel.MIN_WORK).workers == 2  # -j 2: as asked
        assert parallel.Runner(comparer, 1, parallel.MIN_WORK).workers == 1


def test_the_story_index_is_saved_as_the_json_it_was_serialised_to(tmp_path):
    with Store(tmp_path / "s.db") as store, store.transaction():
        store.set_state_text("k", '{"a": [1, 2]}')
        store.set_state("j", {"b": 3})
    with Store(tmp_path / "s.db") as store:
        assert store.get_state("k") == {"a": [1, 2]} and store.get_state("j") == {"b": 3}
