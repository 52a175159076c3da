"""The outlet boilerplate statistics kept in the store (store/outlet_stats.py)."""

from __future__ import annotations

import sqlite3

from claimgraph.clean.corpus import OutletBoilerplate, line_hash
from claimgraph.model import Article
from claimgraph.store import Store
from claimgraph.store.outlet_stats import done_pending, learn_batch, learn_pending, signed, unsigned

TAG = "Printed at the Quayside works on Tallow Lane, Orvane."


def texts(n: int, start: int = 0) -> list[tuple[str, str]]:
    return [
        ("harbor ledger", f"Ferry number {i} sailed to the island of Kell at dawn today.\n{TAG}")
        for i in range(start, start + n)
    ]


def test_hashes_survive_the_signed_column():
    for h in (0, 1, (1 << 63) - 1, 1 << 63, (1 << 64) - 1, line_hash(TAG)):
        assert -(1 << 63) <= signed(h) < (1 << 63)
        assert unsigned(signed(h)) == h


def test_batches_judge_against_every_article_counted_before(tmp_path):
    with Store(tmp_path / "s.db") as store:
        with store.transaction():
            first = learn_batch(store, texts(2))
        assert not first.is_boilerplate("harbor ledger", TAG)  # two articles: below min_docs
        with store.transaction():
            second = learn_batch(store, texts(2, start=2))
        # four articles of the outlet carry the line now, two of them from the earlier batch
        assert second.documents("harbor ledger") == 4
        assert second.is_boilerplate("harbor ledger", TAG)
        assert second.strip("harbor ledger", texts(1, start=2)[0][1])[1] == [TAG]
        # the same as one learner over all four
        once = OutletBoilerplate()
        for key, text in texts(4):
            once.add(key, text)
        assert once.strip("harbor ledger", texts(1)[0][1]) == second.strip("harbor ledger", texts(1)[0][1])


def test_a_store_made_before_the_statistics_gets_them_from_its_documents(tmp_path):
    db = tmp_path / "old.db"
    with Store(db) as store, store.transaction():
        for i, (_, text) in enumerate(texts(3)):
            body = text.replace(f"\n{TAG}", "")  # stored stripped; the removed line kept beside it
            store.put_document(
                Article(id=f"d{i}", text=body, outlet="Harbor Ledger", removed=[TAG]), raw_hash="x"
            )
    con = sqlite3.connect(db)  # back to the version before the statistics (12)
    con.executescript(
        "DROP TABLE outlet_docs; DROP TABLE outlet_lines; DROP TABLE speaker_outlets; DROP TABLE speaker_relations; "
        "DROP TABLE speaker_documents; DROP TABLE dedup_bands; PRAGMA user_version = 11;"
    )
    con.close()
    with Store(db) as store:
        assert store.execute("SELECT docs FROM outlet_docs WHERE outlet='harbor ledger'").fetchone()[0] == 3
        row = store.execute(
            "SELECT docs FROM outlet_lines WHERE line=?", (signed(line_hash(TAG)),)
        ).fetchone()
        assert row[0] == 3


def test_a_batch_resumed_after_a_stop_is_counted_once(tmp_path):
    """Deduplication commits a chunk at a time: a run that stops after counting its batch in leaves
    its documents pending, and the run that resumes judges them without counting them again."""
    docs = [(f"d{i}", key, text) for i, (key, text) in enumerate(texts(4))]
    with Store(tmp_path / "s.db") as store:
        with store.transaction():
            learn_pending(store, docs)  # counted in; the run stops before its dedup chunks commit
        with store.transaction():
            again = learn_pending(store, [*docs, ("d9", "harbor ledger", texts(1, start=9)[0][1])])
            done_pending(store)
        assert again.documents("harbor ledger") == 5  # four counted once, and the new one
        assert store.execute("SELECT docs FROM outlet_docs").fetchone()[0] == 5
        with store.transaction():
            later = learn_pending(store, docs[:1])  # after done_pending, the same ids count again
        assert later.documents("harbor ledger") == 6
