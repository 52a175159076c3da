"""``Analysis``: the result of a run, the same object behind the CLI, the API and the web app."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .model import Article, Claim, Comparison, ReadError, Speaker, Story
from .present.json import analysis_json
from .store import Store


@dataclass
class Analysis:
    """Documents (with their claims), stories and comparisons of one set of documents."""

    documents: list[Article]
    stories: list[Story]
    comparisons: list[Comparison]
    errors: list[ReadError] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)
    speakers: list[Speaker] = field(default_factory=list)

    @classmethod
    def from_store(cls, store: Store, doc_ids: list[str] | None = None, **kw: Any) -> Analysis:
        """The analysis of ``doc_ids`` (all stored documents when None)."""
        docs = list(store.documents(doc_ids))
        ids = {d.id for d in docs}
        stories = []
        for s in store.stories():
            members = [d for d in s.documents if d in ids]
            if members:
                s.documents = members
                stories.append(s)
        kept = {s.id for s in stories}
        for s in stories:
            s.related = [r for r in s.related if r in kept]
        claim_ids = {c.id for d in docs for c in d.claims}
        comparisons = [c for c in store.comparisons() if all(x in claim_ids for x in c.claims)]
        speaker_ids = {c.speaker_id for d in docs for c in d.claims if c.speaker_id}
        speakers = [s for s in store.speakers() if s.id in speaker_ids]
        return cls(docs, stories, comparisons, speakers=speakers, **kw)

    @property
    def claims(self) -> list[Claim]:
        return [c for d in self.documents for c in d.claims]

    def to_json(self) -> dict[str, Any]:
        """The analysis JSON of the public contract."""
        return analysis_json(self.documents, self.stories, self.comparisons, self.speakers,
                             errors=[str(e) for e in self.errors], stats=self.stats)
