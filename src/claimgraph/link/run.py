"""Cross-document linking over the store: stories, then measures and comparisons.

The first run builds everything. Later runs are incremental: only the documents no story holds
yet go into the saved story index, and only the stories that changed (their articles, related
links, title or terms) are rewritten. Comparisons are built again only where their inputs
changed (:func:`plan_rebuild`): the stories whose articles changed, and the related pairs that
are new or have such a story on a side. Every other comparison stays as stored, which is what a
rebuild would give it: a story's comparisons depend on its own articles, a related pair's on the
articles of its two stories.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..engine.collector import collector_paused
from ..model import Article, Comparison, Story
from ..store import Store
from ..store.queries import stored_comparisons_of, unplaced_document_ids
from .compare import compare_related, compare_story
from .mention_cache import MentionCache
from .parallel import Comparer, Runner, has_quantities
from .settings import LinkOptions
from .stories import StoryDoc, StoryIndex

STATE_KEY = "story_index"


def link_store(store: Store, options: LinkOptions | None = None, updated: Iterable[str] = (), *,
               workers: int = 1) -> None:
    """Add newly extracted documents to the persistent story index, save the stories, then compare.

    ``updated`` are documents extracted again this run (changed content under a known id): their
    stories' comparisons are rebuilt too. ``workers``: processes the comparisons may be built in
    (0: as many as memory allows).
    """
    with collector_paused():  # a fifth of the stage went to the collector's passes
        _link_store(store, options, updated, workers)


def _link_store(store: Store, options: LinkOptions | None, updated: Iterable[str], workers: int) -> None:
    state = store.get_state(STATE_KEY)
    # a document still 'cleaned' is another run's, not yet deduplicated: its final text and its
    # duplicate link come with that run, whose own link places it
    pending = set(store.document_ids(status="cleaned"))
    if not state:  # first run (or a store linked before there was an index): build everything
        index = StoryIndex(options.stories if options else None)
        index.add_many(_story_docs(store, (a for a in store.documents(with_claims=False) if a.id not in pending)))
        # one transaction: a saved index means its stories have their comparisons (a later run
        # only rebuilds what it touches)
        mentions = MentionCache((options or LinkOptions()).compare, store)
        stories = {s.id: s for s in index.stories()}
        # saved as text and let go before comparing: on 5,000 articles the index holds ~370 MB
        saved = json.dumps(index.to_state())
        del index
        # every story and related pair, as build_comparisons reads them from the store (they are
        # saved below, so workers could not read them there), in worker processes when there are many
        comparisons = build_comparisons_of(store, stories.values(), stories, options=options,
                                           pairs=related_pairs(stories), mentions=mentions, workers=workers)
        with store.transaction():
            store.set_state_text(STATE_KEY, saved)
            store.put_stories(list(stories.values()))
            store.put_comparisons(comparisons)
            mentions.save()
        return
    # a saved index goes on with its own settings unless this run gives some
    index = StoryIndex.from_state(state, options.stories if options else None)
    del state  # the index copied what it needs (the parsed JSON is as big again)
    before = {s.id: s for s in index.stories()}  # as saved: the index refreshed them before saving
    # story_documents is the record of which documents the index has already seen
    new = [d for d in unplaced_document_ids(store) if d not in pending]
    index.add_many(_story_docs(store, store.documents(new, with_claims=False)))
    after = {s.id: s for s in index.stories()}
    changed = [s for sid, s in after.items() if before.get(sid) != s]
    removed = [sid for sid in before if sid not in after]  # merged into another story
    redone = [sid for sid in map(index.story_of, updated) if sid is not None and sid in after]
    if not (changed or removed or redone):
        return
    saved = json.dumps(index.to_state())  # as text, and the index let go before comparing (see above)
    del index
    # built from the documents and the index in memory, then saved with the index and the stories
    # in one transaction: a run stopped half-way leaves no story without its comparisons
    mentions = MentionCache((options or LinkOptions()).compare, store)
    drop, comparisons = rebuild_comparisons(store, before, after, redone, options=options, mentions=mentions,
                                            workers=workers)
    with store.transaction():
        store.set_state_text(STATE_KEY, saved)
        store.replace_stories(changed, removed)
        store.update_comparisons(drop, comparisons)
        mentions.save()


def _story_docs(store: Store, articles: Iterable[Article]) -> Iterator[StoryDoc]:
    """The clusterer's view of each article, with the names its parse found (the second look of
    the clusterer goes by them)."""
    for a in articles:
        a.entities = store.entities(a.id)
        yield StoryDoc.from_article(a)


@dataclass
class Rebuild:
    """What an incremental link run compares again.

    A story's own comparisons depend on its articles only, and a related pair's on the articles of
    its two stories (less the figures either story's own comparisons hold). So only the stories
    whose articles changed are compared again, with the related pairs that have one of them on a
    side or that are new; a pair no longer related loses its comparisons.
    """

    own: set[str]  # stories whose articles changed (new, grown, merged or extracted again)
    pairs: set[tuple[str, str]]  # related pairs (smaller id first) compared again
    gone: set[tuple[str, str]]  # pairs related before and not now


def related_pairs(stories: dict[str, Story]) -> set[tuple[str, str]]:
    """Every related pair of ``stories``, the smaller id first (its comparisons are stored under it)."""
    return {(min(s.id, r), max(s.id, r)) for s in stories.values() for r in s.related
            if r in stories and r != s.id}


def plan_rebuild(before: dict[str, Story], after: dict[str, Story], redone: Iterable[str] = ()) -> Rebuild:
    """The :class:`Rebuild` of a run that turned the stories ``before`` into ``after``; ``redone``
    are stories with an article extracted again."""
    own = {sid for sid, s in after.items() if sid not in before or set(before[sid].documents) != set(s.documents)}
    own |= set(redone) & after.keys()
    pairs_before, pairs_after = related_pairs(before), related_pairs(after)
    pairs = {p for p in pairs_after if p not in pairs_before or p[0] in own or p[1] in own}
    return Rebuild(own, pairs, pairs_before - pairs_after)


def rebuild_comparisons(store: Store, before: dict[str, Story], after: dict[str, Story], redone: Iterable[str] = (),
                        *, options: LinkOptions | None = None,
                        mentions: MentionCache | None = None,
                        workers: int = 1) -> tuple[list[str], list[Comparison]]:
    """The stored comparisons to delete and the new ones to add when the stories ``before`` (as
    stored) became ``after`` (see :class:`Rebuild`); the store itself is not changed."""
    plan = plan_rebuild(before, after, redone)
    drop = stale_comparisons(store, plan, before, after)
    return drop, build_comparisons_of(store, [after[s] for s in sorted(plan.own)], after, options=options,
                                      pairs=plan.pairs, mentions=mentions, workers=workers)


def stale_comparisons(store: Store, plan: Rebuild, before: dict[str, Story], after: dict[str, Story]) -> list[str]:
    """Ids of the stored comparisons the ``plan`` replaces or removes.

    Comparisons are stored under a story: its own, and its related pairs' where it is the first.
    A stored one belongs to a pair when some of its claims come from another story's articles.
    """
    holders = plan.own | (before.keys() - after.keys()) | {a for a, _ in plan.pairs | plan.gone}
    story_of = {d: sid for sid, s in before.items() for d in s.documents}
    drop: list[str] = []
    for k, entry in stored_comparisons_of(store, holders).items():
        sid = entry.story
        if sid in plan.own or sid not in after or None in entry.documents:
            drop.append(k)  # rebuilt or gone (a claim no longer stored: its article was extracted again)
            continue
        outside = entry.documents - set(before[sid].documents) if sid in before else entry.documents
        if not outside:
            continue  # the story's own comparison, its articles unchanged
        partner = story_of.get(next(iter(sorted(outside))))  # type: ignore[arg-type]
        pair = (min(sid, partner or ""), max(sid, partner or ""))
        if partner is None or pair in plan.pairs or pair in plan.gone:
            drop.append(k)
    return drop


def _story_articles(store: Store) -> Iterator[tuple[str | None, list[Article]]]:
    """Each story's articles with their claims; documents in no story come one by one."""
    placed: set[str] = set()
    for story in store.stories():
        arts = list(store.documents(story.documents, with_claims=True))
        placed.update(a.id for a in arts)
        yield story.id, arts
    for doc_id in store.document_ids():
        if doc_id not in placed:
            art = store.get_document(doc_id, with_claims=True)
            if art is not None:
                yield None, [art]


def build_comparisons(store: Store, *, related: bool = True, options: LinkOptions | None = None,
                      mentions: MentionCache | None = None) -> list[Comparison]:
    """Comparisons of every story (one story in memory at a time), conflicts first.

    With ``related``, figures that agree across two related stories are reported too (a story
    split in two by the clusterer still gets its cross-outlet agreements). ``mentions``: the
    run's :class:`MentionCache` (one is made when not given; a caller that gives one saves it).
    """
    compare = (options or LinkOptions()).compare
    mentions = mentions or MentionCache(compare)
    out: list[Comparison] = []
    links: set[tuple[str, str]] = set()
    for story_id, arts in _story_articles(store):
        if has_quantities(arts):
            out.extend(compare_story(arts, story_id, compare, mentions))
    if related:
        stories = {s.id: s for s in store.stories()}
        for s in stories.values():
            for r in s.related:
                if r in stories and r != s.id:
                    links.add((min(s.id, r), max(s.id, r)))
        seen = {tuple(sorted(c.claims)) for c in out}
        for a, b in sorted(links):
            first = list(store.documents(stories[a].documents, with_claims=True))
            second = list(store.documents(stories[b].documents, with_claims=True))
            if has_quantities(first) and has_quantities(second):
                for c in compare_related(first, second, a, compare, mentions):
                    if tuple(sorted(c.claims)) not in seen:
                        seen.add(tuple(sorted(c.claims)))
                        out.append(c)
    out.sort(key=lambda c: c.verdict != "conflict")
    return out


def build_comparisons_of(store: Store, touched: Iterable[Story], stories: dict[str, Story], *,
                         options: LinkOptions | None = None,
                         pairs: Iterable[tuple[str, str]] | None = None,
                         mentions: MentionCache | None = None, workers: int = 1) -> list[Comparison]:
    """The comparisons :func:`build_comparisons` gives the ``touched`` stories, and those of the
    related ``pairs`` (by default every related pair whose first story, the smaller id, is touched).

    A related pair's figures that a story comparison of either story already holds are left out,
    as in the full build (a related comparison always mixes both stories, so no other can hold
    the same figures); for a story not touched, those are its stored own comparisons. ``stories``
    is every story by id, for the other side of a pair. With ``workers`` > 1 and enough to do, the
    stories and pairs are compared in that many processes (:mod:`.parallel`), with the same result.
    """
    compare = (options or LinkOptions()).compare
    comparer = Comparer(store, compare, mentions)
    touched = list(touched)
    if pairs is None:
        pairs = {(s.id, r) for s in touched for r in s.related if r in stories and r != s.id and s.id < r}
    pairs = sorted(pairs)

    def docs(sid: str) -> tuple[str, ...]:
        return tuple(stories[sid].documents)

    own: dict[str, frozenset[tuple[str, ...]]] = {}
    out: list[Comparison] = []
    work = sum(len(s.documents) for s in touched) + sum(len(docs(a)) + len(docs(b)) for a, b in pairs)
    with Runner(comparer, workers, work) as run:
        for s, found in zip(touched, run.own([(s.id, docs(s.id)) for s in touched]), strict=True):
            own[s.id] = frozenset(tuple(sorted(c.claims)) for c in found)
            out.extend(found)
        for found in run.pairs([(a, docs(a), b, docs(b), own.get(a), own.get(b)) for a, b in pairs]):
            out.extend(found)
    out.sort(key=lambda c: c.verdict != "conflict")
    return out
