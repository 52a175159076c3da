"""Cross-document linking over the store: stories, then measures and comparisons.

The first run builds everything. Later runs are incremental: only the documents no story holds
yet go into the saved story index, and only the stories that changed (their articles, related
links, title or terms) are rewritten, with the comparisons of the *touched* stories: the changed
ones and the stories related to them (a related pair's comparisons are stored under the pair's
first story). The comparisons of every other story stay as they are, which is what a rebuild
would give them: a story's comparisons depend on its own articles and its related stories only.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..model import Article, Comparison, Story
from ..store import Store
from ..store.queries import in_ingest_order, unplaced_document_ids
from .compare import compare_related, compare_story
from .mention_cache import MentionCache
from .settings import LinkOptions
from .stories import StoryDoc, StoryIndex

STATE_KEY = "story_index"


def link_store(store: Store, options: LinkOptions | None = None, updated: Iterable[str] = ()) -> None:
    """Add newly extracted documents to the persistent story index, save the stories, then compare.

    ``updated`` are documents extracted again this run (changed content under a known id): their
    stories' comparisons are rebuilt too.
    """
    state = store.get_state(STATE_KEY)
    # a document still 'cleaned' is another run's, not yet deduplicated: its final text and its
    # duplicate link come with that run, whose own link places it
    pending = set(store.document_ids(status="cleaned"))
    if not state:  # first run (or a store linked before there was an index): build everything
        index = StoryIndex(options.stories if options else None)
        index.add_many(_story_docs(store, (a for a in store.documents(with_claims=False) if a.id not in pending)))
        # one transaction: a saved index means its stories have their comparisons (a later run
        # only rebuilds what it touches)
        with store.transaction():
            store.set_state(STATE_KEY, index.to_state())
            store.put_stories(index.stories())
            store.put_comparisons(build_comparisons(store, options=options))
        return
    # a saved index goes on with its own settings unless this run gives some
    index = StoryIndex.from_state(state, options.stories if options else None)
    before = {s.id: s for s in index.stories()}  # as saved: the index refreshed them before saving
    # story_documents is the record of which documents the index has already seen
    new = [d for d in unplaced_document_ids(store) if d not in pending]
    index.add_many(_story_docs(store, store.documents(new, with_claims=False)))
    after = {s.id: s for s in index.stories()}
    changed = [s for sid, s in after.items() if before.get(sid) != s]
    removed = [sid for sid in before if sid not in after]  # merged into another story
    redone = [sid for sid in map(index.story_of, updated) if sid is not None and sid in after]
    touched = touched_stories(before, after, changed + [after[sid] for sid in redone], removed)
    if not touched:
        return
    # built from the documents and the index in memory, then saved with the index and the stories
    # in one transaction: a run stopped half-way leaves no story without its comparisons
    comparisons = build_comparisons_of(store, [after[s] for s in sorted(touched) if s in after], after,
                                       options=options)
    with store.transaction():
        store.set_state(STATE_KEY, index.to_state())
        store.replace_stories(changed, removed)
        store.replace_comparisons(touched, comparisons)


def _story_docs(store: Store, articles: Iterable[Article]) -> Iterator[StoryDoc]:
    """The clusterer's view of each article, with the names its parse found (the second look of
    the clusterer goes by them)."""
    for a in articles:
        a.entities = store.entities(a.id)
        yield StoryDoc.from_article(a)


def touched_stories(before: dict[str, Story], after: dict[str, Story], changed: list[Story],
                    removed: list[str]) -> set[str]:
    """Stories whose comparisons must be rebuilt: the changed and removed ones, and every story
    related to one of them before or after (their related pairs' comparisons change with them)."""
    touched = {s.id for s in changed} | set(removed)
    for sid in list(touched):
        for view in (before, after):
            if sid in view:
                touched.update(view[sid].related)
    return touched


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


def _has_quantities(arts: list[Article]) -> bool:
    return any(c.quantities for a in arts for c in a.claims)


def build_comparisons(store: Store, *, related: bool = True,
                      options: LinkOptions | None = None) -> list[Comparison]:
    """Comparisons of every story (one story in memory at a time), conflicts first.

    With ``related``, figures that agree across two related stories are reported too (a story
    split in two by the clusterer still gets its cross-outlet agreements).
    """
    compare = (options or LinkOptions()).compare
    mentions = MentionCache(compare)
    out: list[Comparison] = []
    links: set[tuple[str, str]] = set()
    for story_id, arts in _story_articles(store):
        if _has_quantities(arts):
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
            if _has_quantities(first) and _has_quantities(second):
                for c in compare_related(first, second, a, compare, mentions):
                    if tuple(sorted(c.claims)) not in seen:
                        seen.add(tuple(sorted(c.claims)))
                        out.append(c)
    out.sort(key=lambda c: c.verdict != "conflict")
    return out


def build_comparisons_of(store: Store, touched: Iterable[Story], stories: dict[str, Story], *,
                         options: LinkOptions | None = None) -> list[Comparison]:
    """The comparisons :func:`build_comparisons` gives the ``touched`` stories: each one's own,
    and those of its related pairs whose first story (the smaller id) it is.

    A related pair's figures that a story comparison of either story already holds are left out,
    as in the full build (a related comparison always mixes both stories, so no other can hold
    the same figures). ``stories`` is every story by id, for the other side of a pair.
    """
    compare = (options or LinkOptions()).compare
    mentions = MentionCache(compare)
    cache: dict[str, list[Article]] = {}

    def articles(sid: str) -> list[Article]:
        if sid not in cache:
            # in ingest order, as the full build reads them: explanations name sources in that order
            cache[sid] = list(store.documents(in_ingest_order(store, stories[sid].documents), with_claims=True))
        return cache[sid]

    touched = list(touched)
    own: dict[str, list[Comparison]] = {}
    for s in touched:
        arts = articles(s.id)
        own[s.id] = compare_story(arts, s.id, compare, mentions) if _has_quantities(arts) else []
    out = [c for s in touched for c in own[s.id]]
    for s in touched:
        for r in sorted(set(s.related)):
            if r not in stories or r == s.id or s.id > r:
                continue
            first, second = articles(s.id), articles(r)
            if not (_has_quantities(first) and _has_quantities(second)):
                continue
            other = own[r] if r in own else store.comparisons(story=r)  # r is touched with s: not reached
            seen = {tuple(sorted(c.claims)) for c in own[s.id] + other}
            for c in compare_related(first, second, s.id, compare, mentions):
                if tuple(sorted(c.claims)) not in seen:
                    seen.add(tuple(sorted(c.claims)))
                    out.append(c)
    out.sort(key=lambda c: c.verdict != "conflict")
    return out
