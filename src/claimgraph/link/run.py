"""Cross-document linking over the store: stories now; measures and comparisons join here."""

from __future__ import annotations

from ..store import Store
from .stories import StoryDoc, StoryIndex

STATE_KEY = "story_index"


def link_store(store: Store) -> None:
    """Add newly extracted documents to the persistent story index and save the stories."""
    state = store.get_state(STATE_KEY)
    index = StoryIndex.from_state(state) if state else StoryIndex()
    # story_documents is the record of which documents the index has already seen
    known = {r[0] for r in store.conn.execute("SELECT doc_id FROM story_documents")} if state else set()
    new = [a for a in store.documents(with_claims=False) if a.id not in known]
    for art in new:
        index.add(StoryDoc(id=art.id, title=art.title, text=art.text, published=art.published,
                           outlet=art.outlet))
    with store.transaction():
        store.set_state(STATE_KEY, index.to_state())
        store.put_stories(index.stories())
