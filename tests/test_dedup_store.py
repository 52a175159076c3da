"""Near-duplicates looked up in the store (store/dedup_index.py): a batch finds the copies of
earlier runs' documents through their stored LSH band keys, and two batches give one batch's
originals."""

from __future__ import annotations

import sqlite3

from claimgraph.dedup import Deduplicator, band_keys, band_scheme
from claimgraph.options import Options
from claimgraph.pipeline import Pipeline, RunStats
from claimgraph.store import Store
from claimgraph.store.dedup_index import SCHEME_KEY

BODY = (
    "The harbour board of Quenby said on Tuesday that thirty-one trawlers had been damaged when the "
    "gale struck the outer mole, and that repairs to the western slipway would take until late "
    "autumn. Skippers told the board they had no warning before the swell broke over the quay, and "
    "the board promised to review its alert rota and to meet the owners of uninsured boats."
)
OTHER = (
    "Pupils of the Larchmont lower school staged a winter concert in the town hall on Friday, with "
    "a brass quartet, two choirs and a shadow play written by the oldest class. The head teacher "
    "said the ticket money would buy new music stands and repair the piano in the assembly room, "
    "and parents stayed late to help stack the chairs and sweep the stage."
)


def rec(doc_id: str, text: str) -> dict[str, str]:
    return {"id": doc_id, "outlet": f"Outlet {doc_id}", "published": "2024-05-02", "text": text}


FIRST = [rec("orig", BODY), rec("school", OTHER), rec("exact", BODY.upper())]
# a wire copy with a dateline (near), an exact reprint of the first batch's original,
# and a near copy of the second batch's own first copy
SECOND = [
    rec("wire", "QUENBY (Wire) - " + BODY),
    rec("reprint", BODY.replace(",", " ,")),
    rec("school-2", OTHER + " Photos: page six."),
]


def deduplicate(db, *batches: list[dict[str, str]]) -> dict[str, str | None]:
    for batch in batches:
        with Store(db) as store:
            pipe = Pipeline(store, Options())
            stats = RunStats()
            pipe.ingest(batch, stats)
            pipe.dedup(stats)
    with Store(db, readonly=True) as store:
        return {a.id: a.duplicate_of for a in store.documents(with_claims=False)}


def test_two_batches_find_the_originals_one_batch_finds(tmp_path):
    once = deduplicate(tmp_path / "once.db", FIRST + SECOND)
    twice = deduplicate(tmp_path / "twice.db", FIRST, SECOND)
    assert twice == once
    assert once == {
        "orig": None,
        "school": None,
        "exact": "orig",
        "wire": "orig",
        "reprint": "orig",
        "school-2": "school",
    }


def test_the_store_answers_for_its_documents(store_url):
    scheme = band_scheme(0.8)
    with Store(store_url) as store:
        d = Deduplicator(known=store)
        _, chash, sig = d.check("orig", BODY)
        with store.transaction():
            from claimgraph.model import Article

            store.put_document(Article(id="orig", text=BODY), raw_hash="x")
            store.update_text("orig", BODY, [], chash, None, sig, None)
            store.set_status("orig", "deduped")
        assert store.original_by_hash(chash) == "orig"
        assert [i for i, _ in store.near_candidates(band_keys(sig, scheme))] == ["orig"]
        assert store.near_candidates([12345]) == []
        # a fresh deduplicator (a later run) loads nothing and still finds the copy
        assert Deduplicator(known=store).check("wire", "QUENBY (Wire) - " + BODY)[0] == "orig"
        # another threshold cuts the signature into other bands: the stored keys are recut once
        Deduplicator(0.5, known=store)
        assert tuple(store.get_state(SCHEME_KEY)) == band_scheme(0.5) != scheme
        assert [i for i, _ in store.near_candidates(band_keys(sig, band_scheme(0.5)))] == ["orig"]


def test_a_store_made_before_the_index_gets_keys_from_its_signatures(tmp_path):
    db = tmp_path / "old.db"
    deduplicate(db, FIRST)
    con = sqlite3.connect(db)  # back to the version before the index (14)
    con.executescript(
        f"DROP TABLE dedup_bands; DELETE FROM state WHERE key='{SCHEME_KEY}'; PRAGMA user_version = 13;"
    )
    con.close()
    with Store(db) as store:
        assert store.execute("SELECT COUNT(DISTINCT doc_id) FROM dedup_bands").fetchone()[0] == 3
    assert deduplicate(db, SECOND) == deduplicate(tmp_path / "once.db", FIRST + SECOND)
