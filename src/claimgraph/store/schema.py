"""The store's schema as ordered migrations, written in SQLite's DDL (``dialect.pg_ddl`` translates
them for PostgreSQL). SQLite records how far a file is in ``PRAGMA user_version``; PostgreSQL in the
``claimgraph_meta`` table. Write upper-case type names and lower-case column names (the translation
relies on it), and no PRAGMAs.

A migration is DDL, optionally followed by a data step (a function of the store, which moves
existing rows with portable SQL through ``store.execute``) and DDL that needs the data moved
first. Each backend runs a whole migration in one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import dedup_index, fts


@dataclass(frozen=True)
class Migration:
    """One schema version: ``ddl``, then ``convert(store)``, then ``after`` (both optional)."""

    ddl: str
    convert: Callable[[Any], None] | None = None
    after: str = ""


def _comparison_members(store: Any) -> None:
    """Version 1 kept a comparison's claims as JSON text; version 2 has a row per claim."""
    rows = store.execute("SELECT id, claims FROM comparisons ORDER BY rowid").fetchall()
    store.executemany(
        "INSERT INTO comparison_claims (comparison_id, position, claim_id, quantity_idx) VALUES (?,?,?,NULL)",
        [(r[0], i, claim) for r in rows for i, claim in enumerate(json.loads(r[1] or "[]"))],
    )


def _outlet_counts(store: Any) -> None:
    """Version 10 keeps the outlet boilerplate statistics; count them from the stored documents."""
    from .outlet_stats import count_stored_documents

    count_stored_documents(store)


def _speaker_summaries(store: Any) -> None:
    """Version 13 keeps what a speaker's page shows about the whole store; work it out once for a
    store whose speakers were resolved before."""
    from .speaker_summaries import refresh

    if store.execute("SELECT 1 FROM speakers LIMIT 1").fetchone():
        refresh(store, migrating=True)


MIGRATIONS: list[Migration] = [
    # 1: the foundation
    Migration("""
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        source TEXT, line INTEGER, url TEXT, outlet TEXT, title TEXT, author TEXT, published TEXT,
        kind TEXT, encoding TEXT, raw TEXT, raw_hash TEXT, text TEXT, content_hash TEXT,
        duplicate_of TEXT, signature BLOB, removed TEXT, extra TEXT,
        status TEXT NOT NULL DEFAULT 'cleaned',
        ingested_at TEXT DEFAULT CURRENT_TIMESTAMP
    );
    CREATE INDEX documents_content_hash ON documents(content_hash);
    CREATE INDEX documents_outlet ON documents(outlet);
    CREATE INDEX documents_status ON documents(status);
    CREATE TABLE claims (
        id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, text TEXT NOT NULL,
        speaker TEXT, speaker_mention TEXT, speaker_type TEXT, cue TEXT, via TEXT,
        hedged INTEGER NOT NULL DEFAULT 0, kind TEXT,
        sentence_start INTEGER, sentence_end INTEGER
    );
    CREATE INDEX claims_doc ON claims(doc_id);
    CREATE INDEX claims_speaker ON claims(speaker);
    CREATE TABLE quantities (
        claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        doc_id TEXT NOT NULL,
        start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, text TEXT NOT NULL,
        value REAL, low REAL, high REAL, approx INTEGER NOT NULL DEFAULT 0,
        unit TEXT, counted TEXT, kind TEXT, normalized TEXT,
        PRIMARY KEY (claim_id, idx)
    );
    CREATE INDEX quantities_doc ON quantities(doc_id);
    CREATE TABLE stories (id TEXT PRIMARY KEY, title TEXT, terms TEXT);
    CREATE TABLE story_documents (doc_id TEXT PRIMARY KEY, story_id TEXT NOT NULL);
    CREATE INDEX story_documents_story ON story_documents(story_id);
    CREATE TABLE story_links (story_id TEXT NOT NULL, related_id TEXT NOT NULL,
                              PRIMARY KEY (story_id, related_id));
    CREATE TABLE comparisons (
        id TEXT PRIMARY KEY, story_id TEXT, measure TEXT NOT NULL, verdict TEXT NOT NULL,
        explanation TEXT, kind TEXT, claims TEXT NOT NULL, sources TEXT, independent_origins INTEGER
    );
    CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT);
    """),
    # 2: comparison membership as rows (comparison, claim, quantity index) instead of JSON text.
    # ``position`` keeps the comparison's claim order; ``quantity_idx`` (quantities.idx of the
    # claim) is NULL where the linker does not say which quantity it compared. No foreign key
    # to claims: a comparison outlives a re-extracted claim and reports it as missing.
    Migration(
        """
        CREATE TABLE comparison_claims (
            comparison_id TEXT NOT NULL REFERENCES comparisons(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            claim_id TEXT NOT NULL,
            quantity_idx INTEGER,
            PRIMARY KEY (comparison_id, position)
        );
        CREATE INDEX comparison_claims_claim ON comparison_claims(claim_id);
        """,
        convert=_comparison_members,
        after="ALTER TABLE comparisons DROP COLUMN claims;",
    ),
    # 3: a row per figure compared (claim and quantity index; several rows for a claim with several
    # figures) and the side it stands on in a conflict (NULL outside conflicts).
    Migration("ALTER TABLE comparison_claims ADD COLUMN side INTEGER;"),
    # 4: what the parse knew of each quantity (bound, counted lemma, predicate, polarity, places...)
    # as JSON text; NULL for quantities extracted before.
    Migration("ALTER TABLE quantities ADD COLUMN parse TEXT;"),
    # 5: speaker entities across the store (speakers/), and each claim's entity. ``aliases`` and
    # ``possible`` (entities it may be but was kept apart from) are JSON lists.
    Migration("""
        CREATE TABLE speakers (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, role TEXT, affiliation TEXT,
            aliases TEXT, possible TEXT, claims INTEGER NOT NULL DEFAULT 0, documents INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX speakers_type ON speakers(type);
        ALTER TABLE claims ADD COLUMN speaker_id TEXT;
        CREATE INDEX claims_speaker_id ON claims(speaker_id);
        """),
    # 6: an updated comparison's timeline (reports in time order, with roles) as JSON text.
    Migration("ALTER TABLE comparisons ADD COLUMN timeline TEXT;"),
    # 7: the publication date as the input wrote it ("Wed, 15 Mar 2017"); ``published`` holds its
    # ISO 8601 form (NULL when it is not a real date).
    Migration("ALTER TABLE documents ADD COLUMN published_raw TEXT;"),
    # 8: HTTP state of fetched URLs: validators for conditional GETs, what the URL was (``kind``:
    # feed or article), the feed that listed an article, and when it was last fetched.
    Migration("""
    CREATE TABLE fetch_state (
        url TEXT PRIMARY KEY, etag TEXT, last_modified TEXT, status INTEGER, kind TEXT, feed TEXT,
        fetched_at TEXT
    );
    """),
    # 9: flat views for Datasette, spreadsheets and ad-hoc SQL: claims with their article, story and
    # speaker; figures with their claim's speaker; every compared figure with its comparison (the
    # claim's first figure where the comparison does not say which).
    Migration("""
    CREATE VIEW claims_flat AS
    SELECT c.id AS claim_id, c.doc_id, sd.story_id AS story, d.outlet, d.title, d.published, d.url,
           c.speaker, c.speaker_id, c.speaker_type, c.speaker_mention, c.cue, c.via, c.hedged, c.kind, c.text,
           (SELECT COUNT(*) FROM quantities q WHERE q.claim_id = c.id) AS figures
    FROM claims c JOIN documents d ON d.id = c.doc_id
    LEFT JOIN story_documents sd ON sd.doc_id = c.doc_id;
    CREATE VIEW quantities_flat AS
    SELECT q.claim_id, q.idx, q.doc_id, sd.story_id AS story, d.outlet, d.published, c.speaker,
           c.speaker_type, q.text AS figure, q.value, q.low, q.high, q.unit, q.counted, q.kind,
           c.text AS claim
    FROM quantities q JOIN claims c ON c.id = q.claim_id JOIN documents d ON d.id = q.doc_id
    LEFT JOIN story_documents sd ON sd.doc_id = q.doc_id;
    CREATE VIEW comparison_claims_flat AS
    SELECT k.id AS comparison_id, k.story_id AS story, s.title AS story_title, k.measure, k.verdict,
           k.explanation, m.position, m.side, m.claim_id, d.outlet, c.speaker, q.text AS figure,
           q.value, c.text AS claim
    FROM comparisons k JOIN comparison_claims m ON m.comparison_id = k.id
    LEFT JOIN stories s ON s.id = k.story_id
    LEFT JOIN claims c ON c.id = m.claim_id LEFT JOIN documents d ON d.id = c.doc_id
    LEFT JOIN quantities q ON q.claim_id = m.claim_id AND q.idx = COALESCE(m.quantity_idx, 0);
    """),
    # 10: what the web pages look up on a big store: a story's comparisons, a speaker's claims in
    # page order, who said each claim of a comparison (a covering index: no claim row is read),
    # an article's copies, the speakers most quoted first; and full-text search over
    # claim text and article titles (FTS5 tables kept in sync by triggers on SQLite, GIN indexes
    # on PostgreSQL: ``fts.py``).
    Migration(
        """
    CREATE INDEX comparisons_story ON comparisons(story_id, verdict);
    CREATE INDEX claims_speaker_doc ON claims(speaker_id, doc_id, start_char, id);
    DROP INDEX claims_speaker_id;
    CREATE INDEX claims_id_speaker ON claims(id, speaker_id);
    CREATE INDEX documents_duplicate ON documents(duplicate_of);
    CREATE INDEX speakers_rank ON speakers(claims DESC, name, id);
    """,
        convert=fts.create,
    ),
    # 11: the names the parse found in each document (people, places, organisations...), with how
    # often; story clustering reads them. Documents extracted before have none until re-extracted.
    Migration("""
    CREATE TABLE document_entities (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        text TEXT NOT NULL, label TEXT NOT NULL, mentions INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (doc_id, text, label)
    );
    """),
    # 12: the outlet boilerplate statistics (store/outlet_stats.py), kept so that a new batch is
    # judged against every article seen before without reading them again: per outlet, how many
    # articles it has and in how many of them each line (a signed 64-bit hash) appeared. A store
    # of an older version gets them from the stored texts and the lines cleaning removed.
    Migration(
        """
    CREATE TABLE outlet_docs (outlet TEXT PRIMARY KEY, docs INTEGER NOT NULL);
    CREATE TABLE outlet_lines (
        outlet TEXT NOT NULL, line BIGINT NOT NULL, docs INTEGER NOT NULL,
        PRIMARY KEY (outlet, line)
    );
    """,
        convert=_outlet_counts,
    ),
    # 13: what a speaker's page shows about the whole store, kept by the speakers stage so that the
    # page reads a few indexed rows instead of every claim and comparison of a much-quoted speaker:
    # claims per outlet ('' for none) and, per other speaker, in how many comparisons they agree or
    # conflict (``relation``: 'agrees' or 'conflicts'). ``speaker_documents`` is what the speakers
    # stage learnt from each document's text (acronyms defined, as JSON pairs) at that
    # ``content_hash``, so that a later run reads only new or changed texts.
    Migration(
        """
    CREATE TABLE speaker_outlets (
        speaker_id TEXT NOT NULL, outlet TEXT NOT NULL, claims INTEGER NOT NULL,
        PRIMARY KEY (speaker_id, outlet)
    );
    CREATE INDEX speaker_outlets_rank ON speaker_outlets(speaker_id, claims DESC, outlet);
    CREATE TABLE speaker_relations (
        speaker_id TEXT NOT NULL, relation TEXT NOT NULL, other_id TEXT NOT NULL, comparisons INTEGER NOT NULL,
        PRIMARY KEY (speaker_id, relation, other_id)
    );
    CREATE INDEX speaker_relations_rank ON speaker_relations(speaker_id, relation, comparisons DESC, other_id);
    CREATE TABLE speaker_documents (doc_id TEXT PRIMARY KEY, content_hash TEXT, acronyms TEXT);
    """,
        convert=_speaker_summaries,
    ),
    # 14: the near-duplicate index (store/dedup_index.py): the LSH band keys of each document's
    # signature, so that deduplicating a batch looks up its candidates instead of reading every
    # signature. A store of an older version gets them cut from its stored signatures.
    Migration(
        """
    CREATE TABLE dedup_bands (key BIGINT NOT NULL, doc_id TEXT NOT NULL, PRIMARY KEY (key, doc_id));
    CREATE INDEX dedup_bands_doc ON dedup_bands(doc_id);
    """,
        convert=dedup_index.migrate,
    ),
    # 15: each document's link mentions as built, with the fingerprint they were built under
    # (store/document_mentions.py), so that a link run reads an older article's mentions instead of
    # building them again. A store of an older version builds them on its next link run.
    Migration("""
    CREATE TABLE IF NOT EXISTS document_mentions (doc_id TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, data BLOB NOT NULL);
    """),
    # 16: each distinct claim speaker as the speakers stage parsed it (store/speaker_parses.py), so
    # that a run parses only the speakers it has not seen. A store of an older version parses every
    # speaker on its next speakers run, as before, and keeps them.
    Migration("""
    CREATE TABLE IF NOT EXISTS speaker_parses (
        probe TEXT PRIMARY KEY, speaker TEXT NOT NULL, mention TEXT, type TEXT,
        text1 TEXT NOT NULL, name1 TEXT, role1 TEXT, affiliation1 TEXT, description1 TEXT,
        outlet_key1 TEXT NOT NULL, kind1 TEXT NOT NULL, second INTEGER NOT NULL,
        text2 TEXT, name2 TEXT, role2 TEXT, affiliation2 TEXT, description2 TEXT, outlet_key2 TEXT, kind2 TEXT
    );
    """),
]

SCHEMA_VERSION = len(MIGRATIONS)
assert MIGRATIONS[fts.FTS_VERSION - 1].convert is fts.create
