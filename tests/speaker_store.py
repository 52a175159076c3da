"""A small fictional store with speaker entities: one mayor quoted by two outlets, officials who
disagree with her, and a namesake who must stay a different person (for web and browser tests)."""

from __future__ import annotations

from claimgraph.model import Article, Claim, Comparison, Story
from claimgraph.speakers.run import resolve_store
from claimgraph.store import Store


def _claim(doc: str, n: int, text: str, speaker: str | None, kind: str = "person",
           mention: str | None = None) -> Claim:
    return Claim(f"{doc}#c{n}", text, 0, len(text), speaker=speaker, speaker_mention=mention or speaker,
                 speaker_type=kind if speaker else None)


def build_speaker_store(url: str) -> Store:
    """Fill the store at ``url`` (a SQLite path or a PostgreSQL URL), resolve its speakers, return it open."""
    store = Store(url)
    docs = [
        ("ledger", "Harbor Ledger", [
            _claim("ledger", 1, "Mayor Lotte Brandt said 40 ships sank.", "Lotte Brandt", mention="Mayor Lotte Brandt"),
            _claim("ledger", 2, "Officials said 35 ships sank.", "Officials", "anonymous")]),
        ("post", "Valley Post", [
            _claim("post", 1, "Brandt said 40 ships sank.", "Lotte Brandt", mention="Brandt"),
            _claim("post", 2, "Forty ships sank, said Jonas Brandt.", "Jonas Brandt")]),
    ]
    with store.transaction():
        for doc, outlet, claims in docs:
            pos = 0
            for c in claims:  # lay the claims end to end so offsets hold
                c.start, c.end = pos, pos + len(c.text)
                pos = c.end + 1
            art = Article(id=doc, text=" ".join(c.text for c in claims), outlet=outlet, title=f"Ships sink ({outlet})")
            store.put_document(art, raw_hash=doc, status="extracted")
            store.put_claims(doc, claims)
        store.put_stories([Story("s1", ["ledger", "post"], title="Ships sink")])
        store.put_comparisons([Comparison("ships sank", ["ledger#c1", "post#c1", "ledger#c2"], "conflict",
                                          "40 against 35", story="s1",
                                          sides=[["ledger#c1", "post#c1"], ["ledger#c2"]])])
    resolve_store(store)
    return store
