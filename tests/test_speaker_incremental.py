"""The speakers stage run after each batch gives what one run over all the batches gives, and
reads only the texts it has not seen; on fictional articles where a later batch changes earlier
entities (an acronym defined later, an outlet that turns up later, a full name that makes a bare
surname a possible match, a copy of an earlier article)."""

from __future__ import annotations

from typing import Any

from claimgraph.model import Article, Claim, Comparison, Story
from claimgraph.speakers.run import resolve_store
from claimgraph.store import Store


def _doc(
    doc_id: str,
    outlet: str,
    sentences: list[tuple[str, str | None, str | None]],
    duplicate_of: str | None = None,
    extra: str = "",
) -> tuple[Article, list[Claim]]:
    """An article of ``(sentence, speaker, extracted type)``: a claim per sentence with a speaker."""
    text, claims = extra, []
    for n, (sentence, speaker, kind) in enumerate(sentences, 1):
        start = len(text) + (1 if text else 0)
        text = (text + " " if text else "") + sentence
        if speaker:
            claims.append(
                Claim(
                    f"{doc_id}#c{n}",
                    sentence,
                    start,
                    start + len(sentence),
                    speaker=speaker,
                    speaker_mention=speaker,
                    speaker_type=kind,
                    cue="said",
                )
            )
    art = Article(
        id=doc_id,
        text=text,
        outlet=outlet,
        title=doc_id,
        content_hash="h-" + text[:40],
        duplicate_of=duplicate_of,
    )
    return art, claims


FIRST = [
    _doc(
        "harbour/1",
        "Valley Post",
        [
            ("The TPA said 40 berths were closed.", "TPA", "organization"),
            ("Brandt said 12 ships waited.", "Brandt", "person"),
            ("Coastline said 38 berths were closed.", "Coastline", "organization"),
            ("The company said repairs would take a week.", "the company", "organization"),
            ("Tarrow Shipping said 5 cranes broke.", "Tarrow Shipping", "organization"),
        ],
    ),
    _doc(
        "harbour/2",
        "Harbor Ledger",
        [
            ("Officials said 35 berths were closed.", "Officials", "anonymous"),
            ("Harbour master Ilse Vale said 40 berths were closed.", "Ilse Vale", "person"),
        ],
    ),
]
SECOND = [
    _doc(
        "harbour/3",
        "Coastline",
        [
            ("Lotte Brandt said 12 ships waited.", "Lotte Brandt", "person"),
            ("The authority said 41 berths were closed.", "Tarrow Port Authority", "organization"),
        ],
        extra="The Tarrow Port Authority (TPA) runs the docks.",
    ),
    _doc(
        "harbour/4",
        "Valley Post",
        [
            ("The TPA said 40 berths were closed.", "TPA", "organization"),
            ("Officials said 35 berths were closed.", "Officials", "anonymous"),
        ],
        duplicate_of="harbour/1",
    ),
    _doc(
        "harbour/5",
        "Plain Herald",
        [
            ("Vale said 40 berths were closed.", "Vale", "person"),
            ("Skipper Noor Pike said 36 berths were closed.", "Noor Pike", "person"),
        ],
    ),
]


def _put(store: Store, docs: list[tuple[Article, list[Claim]]]) -> None:
    with store.transaction():
        for art, claims in docs:
            store.put_document(art, raw_hash=art.id, status="extracted")
            store.put_claims(art.id, claims)


def _link(store: Store, doc_ids: list[str]) -> None:
    """One story of the documents, with a conflict over their berth figures: 40 against the rest."""
    with store.transaction():
        store.put_stories([Story("s1", doc_ids, title="Berths closed")])
        berths = [c for c in store.claims() if "berths" in c.text]
        forty = [c.id for c in berths if " 40 " in c.text]
        store.put_comparisons(
            [
                Comparison(
                    "berths closed",
                    [c.id for c in berths],
                    "conflict",
                    "x",
                    story="s1",
                    sides=[forty, [c.id for c in berths if c.id not in forty]],
                )
            ]
        )


def _snapshot(store: Store) -> dict[str, Any]:
    def rows(sql: str) -> list[tuple]:
        return sorted(tuple(r) for r in store.execute(sql))

    return {
        "speakers": rows(
            "SELECT id, name, type, role, affiliation, aliases, possible, claims, documents FROM speakers"
        ),
        "claims": rows("SELECT id, speaker_id FROM claims"),
        "outlets": rows("SELECT speaker_id, outlet, claims FROM speaker_outlets"),
        "relations": rows("SELECT speaker_id, relation, other_id, comparisons FROM speaker_relations"),
    }


def test_two_batches_give_what_one_run_gives(store_url, tmp_path, monkeypatch):
    read: list[list[str]] = []
    original = Store.texts

    def spy(self: Store, doc_ids):
        doc_ids = list(doc_ids)
        read.append(sorted(doc_ids))
        return original(self, doc_ids)

    monkeypatch.setattr(Store, "texts", spy)
    touched: list[set[str]] = []
    update = Store.update_speakers

    def record(self: Store, *args):
        touched.append(update(self, *args))
        return touched[-1]

    monkeypatch.setattr(Store, "update_speakers", record)
    with Store(store_url) as batches, Store(tmp_path / "once.db") as once:
        _put(batches, FIRST)
        _link(batches, ["harbour/1", "harbour/2"])
        resolve_store(batches)
        before = {c.id: c.speaker_id for c in batches.claims()}
        _put(batches, SECOND)
        all_docs = [a.id for a, _ in FIRST + SECOND]
        _link(batches, all_docs)
        resolve_store(batches)
        assert read == [["harbour/1", "harbour/2"], ["harbour/3", "harbour/4", "harbour/5"]]

        _put(once, FIRST + SECOND)
        _link(once, all_docs)
        resolve_store(once)
        assert _snapshot(batches) == _snapshot(once)

        # the second batch changed entities of the first: TPA is the authority it defines, Coastline
        # is an outlet, and the bare "Brandt" may be Lotte Brandt
        after = {c.id: c.speaker_id for c in batches.claims()}
        assert after["harbour/1#c1"] == after["harbour/3#c2"] != before["harbour/1#c1"]
        coastline = batches.speakers([after["harbour/1#c3"]])[0]
        assert coastline.type == "outlet"
        brandt = batches.speakers([after["harbour/1#c2"]])[0]
        assert [p["name"] for p in brandt.possible] == ["Lotte Brandt"]

        # a run with nothing new reads no text and writes no entity (the stored rows compare
        # equal to the resolved ones on both backends)
        read.clear()
        resolve_store(batches)
        assert read == [[]] and touched[-1] == set() and _snapshot(batches) == _snapshot(once)
        assert touched[1]  # the second batch did change entities


def test_a_changed_article_is_read_again(tmp_path):
    with Store(tmp_path / "a.db") as store:
        _put(store, FIRST)
        resolve_store(store)
        changed = _doc(
            "harbour/2",
            "Harbor Ledger",
            [
                ("Officials said 35 berths were closed.", "Officials", "anonymous"),
                ("The TPA said 35 berths were closed.", "TPA", "organization"),
            ],
            extra="The Tidal Power Agency (TPA) disagreed.",
        )
        _put(store, [changed])
        resolve_store(store)
        with Store(tmp_path / "b.db") as once:
            _put(once, [FIRST[0], changed])
            resolve_store(once)
            assert _snapshot(store) == _snapshot(once)
        tpa = store.speakers([next(c.speaker_id for c in store.claims() if c.id == "harbour/2#c2")])[0]
        assert tpa.name == "Tidal Power Agency"
