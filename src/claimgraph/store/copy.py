"""Copy a whole store to another backend (e.g. a SQLite file into PostgreSQL), keeping ingest order."""

from __future__ import annotations

from .base import Store, StoreError

# Parents before children (claims reference documents, quantities reference claims, comparison
# membership references comparisons).
TABLES = [
    "documents",
    "document_entities",
    "claims",
    "quantities",
    "stories",
    "story_documents",
    "story_links",
    "comparisons",
    "comparison_claims",
    "state",
    "speakers",
    "fetch_state",
    "outlet_docs",
    "outlet_lines",
    "speaker_outlets",
    "speaker_relations",
    "speaker_documents",
    "dedup_bands",
    "document_mentions",
    "speaker_parses",
]
CHUNK = 1000


def _columns(store: Store, table: str) -> list[str]:
    cur = store.execute(f"SELECT * FROM {table} WHERE 1=0")
    return [d[0] for d in cur.description if d[0] != "rowid"]


def copy_store(src: Store, dst: Store) -> dict[str, int]:
    """Copy every row of ``src`` into the empty store ``dst``, in one transaction; rows per table."""
    if src.schema_version != dst.schema_version:
        raise StoreError(
            f"schema versions differ: {src.path} is at {src.schema_version}, "
            f"{dst.path} at {dst.schema_version}"
        )
    if any(dst.execute(f"SELECT 1 FROM {t} LIMIT 1").fetchone() for t in TABLES):
        raise StoreError(f"{dst.path}: not empty; copy into a new store")
    counts = {}
    with dst.transaction():
        for table in TABLES:
            cols = _columns(src, table)
            insert = f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({','.join('?' * len(cols))})"
            n, last = 0, -1
            while True:  # keyset pages in ingest order: bounded memory, same rowid order on arrival
                rows = src.execute(
                    f"SELECT rowid, {', '.join(cols)} FROM {table} WHERE rowid > ? "
                    f"ORDER BY rowid LIMIT {CHUNK}",
                    (last,),
                ).fetchall()
                if not rows:
                    break
                dst.executemany(insert, [tuple(r)[1:] for r in rows])
                n += len(rows)
                last = rows[-1][0]
            counts[table] = n
    return counts
