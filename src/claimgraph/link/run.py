"""Cross-document linking over the store: stories, then measures and comparisons."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Article, Comparison
from ..store import Store
from ..store.queries import placed_document_ids
from .compare import compare_related, compare_story
from .settings import LinkOptions
from .stories import StoryDoc, StoryIndex

STATE_KEY = "story_index"


def link_store(store: Store, options: LinkOptions | None = None) -> None:
    """Add newly extracted documents to the persistent story index, save the stories, then compare."""
    state = store.get_state(STATE_KEY)
    if state:  # a saved index goes on with its own settings unless this run gives some
        index = StoryIndex.from_state(state, options.stories if options else None)
    else:
        index = StoryIndex(options.stories if options else None)
    # story_documents is the record of which documents the index has already seen
    known = placed_document_ids(store) if state else set()
    # a document still 'cleaned' is another run's, not yet deduplicated: its final text and its
    # duplicate link come with that run, whose own link places it
    known |= set(store.document_ids(status="cleaned"))
    new = [a for a in store.documents(with_claims=False) if a.id not in known]
    index.add_many(StoryDoc.from_article(a) for a in new)  # date order within the batch
    with store.transaction():
        store.set_state(STATE_KEY, index.to_state())
        store.put_stories(index.stories())
    comparisons = build_comparisons(store, options=options)
    with store.transaction():
        store.put_comparisons(comparisons)


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
    out: list[Comparison] = []
    links: set[tuple[str, str]] = set()
    for story_id, arts in _story_articles(store):
        if _has_quantities(arts):
            out.extend(compare_story(arts, story_id, compare))
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
                for c in compare_related(first, second, a, compare):
                    if tuple(sorted(c.claims)) not in seen:
                        seen.add(tuple(sorted(c.claims)))
                        out.append(c)
    out.sort(key=lambda c: c.verdict != "conflict")
    return out
