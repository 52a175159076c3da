"""One link run builds each document's mentions once, and every story gets copies of its own."""

from __future__ import annotations

from claimgraph.link.compare import compare_related, compare_story, story_mentions
from claimgraph.link.mention_cache import MentionCache
from claimgraph.link.settings import CompareOptions
from compare_fixtures import article, claim, q


def _arts():
    a = article("a", "Harbor Post", claim(
        "Some 250 rebels left Varosh with 3,500 of their relatives, the alliance said.",
        q("Some 250 rebels", 250, low=225, high=275, approx=True, counted="rebels"),
        q("3,500 of their relatives", 3500, counted="relatives"), speaker="the alliance"))
    b = article("b", "Valley Times", claim(
        "A driver said around 4,000 people left Varosh in the convoy.",
        q("around 4,000 people", 4000, low=3500, high=4500, approx=True, counted="people"),
        speaker="a driver"))
    c = article("c", "Coast Daily", claim(
        "Only a few dozen rebels left Varosh, the militia said.",
        q("a few dozen rebels", None, low=24, high=60, approx=True, counted="rebels"), speaker="the militia"))
    return a, b, c


def _key(cs):
    return sorted((c.verdict, c.measure, tuple(c.claims), c.explanation) for c in cs)


def test_comparisons_are_the_same_with_and_without_the_cache():
    a, b, c = _arts()
    opts = CompareOptions()
    cache = MentionCache(opts)
    assert _key(compare_story([a, b, c], "s1", opts, cache)) == _key(compare_story([a, b, c], "s1", opts))
    assert _key(compare_related([a], [b, c], "s1", opts, cache)) == _key(compare_related([a], [b, c], "s1", opts))
    assert compare_story([a, b, c], "s1", opts)  # the fixture does compare something


def test_each_document_is_built_once_per_run():
    a, b, c = _arts()
    cache = MentionCache(CompareOptions())
    compare_story([a, b], "s1", cache.opts, cache)
    compare_story([c], "s2", cache.opts, cache)
    compare_related([a, b], [c], "s1", cache.opts, cache)
    assert cache.builds == 3


def test_a_story_sets_fields_on_its_own_copies_only():
    a, b, c = _arts()
    cache = MentionCache(CompareOptions())
    first = story_mentions([a, b], cache.opts, cache)
    for m in first:
        m.source, m.rare = "changed", frozenset({"x"})
    again = story_mentions([a, c], cache.opts, cache)
    assert all(m.source != "changed" and not m.rare for m in again)
    # sums add up the copies of their parts, not the mentions another story changed
    sums = [m for m in again if m.parts]
    assert sums and all(p in again for m in sums for p in m.parts)


def test_a_changed_document_is_rebuilt():
    a, b, _ = _arts()
    cache = MentionCache(CompareOptions())
    story_mentions([a], cache.opts, cache)
    edited = article("a", "Harbor Post", claim(
        "Some 300 rebels left Varosh, the alliance said.",
        q("Some 300 rebels", 300, low=270, high=330, approx=True, counted="rebels"), speaker="the alliance"))
    (m,) = story_mentions([edited], cache.opts, cache)
    assert m.value == 300 and cache.builds == 2


def test_mentions_come_back_from_json_as_they_were_built():
    from claimgraph.link.measures import document_mentions
    from claimgraph.link.mention_codec import dumps, loads

    a, b, c = _arts()
    for art in (a, b, c):
        built = document_mentions(art, CompareOptions())
        back = loads(dumps(built))
        assert back == built
        for m, n in zip(built, back, strict=True):  # a sum's parts are the document's own mentions
            assert [back.index(p) for p in n.parts] == [built.index(p) for p in m.parts]
    assert any(m.parts for m in document_mentions(a, CompareOptions()))  # the fixture has a sum


def _store_of(tmp_path, *arts):
    from claimgraph.store import Store

    store = Store(tmp_path / "m.db")
    with store.transaction():
        for art in arts:
            store.put_document(art, raw_hash=art.id, status="extracted")
            store.put_claims(art.id, art.claims)
    return store


def _keep_mentions(store, doc_ids):
    """Build the documents' mentions once and keep them in the store, as a link run does."""
    first = MentionCache(CompareOptions(), store)
    story_mentions(list(store.documents(doc_ids, with_claims=True)), first.opts, first)
    with store.transaction():
        first.save()


def test_a_later_run_reads_the_mentions_an_earlier_one_kept(tmp_path):
    a, b, c = _arts()
    with _store_of(tmp_path, a, b, c) as store:
        arts = list(store.documents(["a", "b", "c"], with_claims=True))
        first = MentionCache(CompareOptions(), store)
        want = _key(compare_story(arts, "s1", first.opts, first))
        with store.transaction():
            first.save()
        assert first.builds == 3 and first.read == 0
        second = MentionCache(CompareOptions(), store)
        assert _key(compare_story(arts, "s1", second.opts, second)) == want
        assert second.builds == 0 and second.read == 3
        # other window options shape other mentions: those are built, not read
        third = MentionCache(CompareOptions(local_left=4), store)
        story_mentions(arts, third.opts, third)
        assert third.builds == 3 and third.read == 0


def test_a_document_whose_text_changed_is_built_again(tmp_path):
    a, b, _ = _arts()
    with _store_of(tmp_path, a, b) as store:
        _keep_mentions(store, ["a", "b"])
        edited = article("a", "Harbor Post", claim(
            "Some 300 rebels left Varosh, the alliance said.",
            q("Some 300 rebels", 300, low=270, high=330, approx=True, counted="rebels"), speaker="the alliance"))
        edited.content_hash = "changed"
        second = MentionCache(CompareOptions(), store)
        (m,) = story_mentions([edited], second.opts, second)
        assert m.value == 300 and second.builds == 1 and second.read == 0


def test_analyze_keeps_each_documents_mentions_as_the_link_stage_builds_them(tmp_path):
    from claimgraph.link.measures import document_mentions
    from claimgraph.link.mention_codec import fingerprint, loads
    from claimgraph.options import ExtractOptions, Options
    from claimgraph.pipeline import Pipeline
    from claimgraph.store import Store
    from claimgraph.store.document_mentions import kept

    body = ("Officials in Varosh said 1,250 homes were flooded on Monday and some 300 people were moved "
            "to shelters. A relief agency put the number of homes at 1,400.")
    with Store(tmp_path / "p.db") as store:
        Pipeline(store, Options(extract=ExtractOptions(n_process=1))).run(
            [{"id": "v1", "outlet": "Harbor Post", "published": "2031-05-04", "title": "Flood in Varosh",
              "text": body}])
        (art,) = store.documents(["v1"], with_claims=True)
        row = kept(store, ["v1"])["v1"]
        built = document_mentions(art, CompareOptions())
        assert built and row[0] == fingerprint(art, CompareOptions()) and loads(row[1]) == built


def test_the_code_fingerprint_covers_every_module_a_mention_is_built_with():
    import json
    import subprocess
    import sys
    from pathlib import Path

    import claimgraph
    from claimgraph.link.mention_codec import _closure

    root = Path(claimgraph.__file__).resolve().parent
    covered = {p.relative_to(root).as_posix() for p in _closure(root, ["link/measures.py", "link/mention_codec.py"])}
    # what importing them really loads, in a fresh interpreter
    # (less what the package itself loads on import: its public API, nothing a mention is built with)
    probe = ("import json, sys, claimgraph; before = set(sys.modules); "
             "import claimgraph.link.measures, claimgraph.link.mention_codec; "
             "print(json.dumps([m.__file__ for n, m in sys.modules.items() if n.startswith('claimgraph') "
             "and n not in before and getattr(m, '__file__', None)]))")
    loaded = json.loads(subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                                       check=True).stdout)
    files = {Path(f).resolve().relative_to(root).as_posix() for f in loaded}
    assert {f for f in files if not f.endswith("__init__.py")} <= covered
    assert "link/compare.py" not in covered and "pipeline.py" not in covered  # a change there keeps them


def test_kept_mentions_of_other_claims_for_the_same_text_are_not_read(tmp_path):
    a, b, _ = _arts()
    with _store_of(tmp_path, a, b) as store:
        _keep_mentions(store, ["a", "b"])
        # another process stored the same text with other claims (or none yet)
        bare = article("a", "Harbor Post", claim(a.claims[0].text))
        bare.text, bare.content_hash = a.text, a.content_hash
        second = MentionCache(CompareOptions(), store)
        assert story_mentions([bare], second.opts, second) == [] and second.read == 0


def test_a_run_keeps_the_mentions_of_its_last_documents_only(monkeypatch):
    from claimgraph.link import mention_cache

    monkeypatch.setattr(mention_cache, "KEEP_DOCUMENTS", 2)
    a, b, c = _arts()
    cache = MentionCache(CompareOptions())
    story_mentions([a, b, c], cache.opts, cache)
    story_mentions([c], cache.opts, cache)  # still held
    assert cache.builds == 3
    story_mentions([a], cache.opts, cache)  # let go of: built again
    assert cache.builds == 4 and len(cache._built) == 2
