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
