"""Each distinct claim speaker as the speakers stage parsed it (``speaker_parses``, schema 16), so
that a later run parses only the speakers it has not seen (``claimgraph.speakers.parses``).

A row is keyed by ``probe``, the JSON ``[speaker, mention, type]`` it is the parse of; the other
columns are that probe and its parse, flat (``COLUMNS``, in ``speakers.parses.to_row`` order: plain
columns read several times faster than a JSON text per row). The parse is a pure function of the probe and the parsing code, so the
rows hold for every store; the code they were made by is kept in the ``state`` row ``CODE_KEY``, and
rows made by other code are dropped and made again.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

PARSES_VERSION = 16  # the schema that added speaker_parses (schema.py)
CODE_KEY = "speaker_parses_code"
CHUNK = 500  # probes per ``IN (...)``
COLUMNS = [
    "speaker",
    "mention",
    "type",
    "text1",
    "name1",
    "role1",
    "affiliation1",
    "description1",
    "outlet_key1",
    "kind1",
    "second",  # 0: no second parse, 1: the same as the first, 2: its own columns
    "text2",
    "name2",
    "role2",
    "affiliation2",
    "description2",
    "outlet_key2",
    "kind2",
]


def available(store: Any) -> bool:
    """Whether this store keeps parses (a store of an older schema does not)."""
    return store.schema_version >= PARSES_VERSION


def kept_code(store: Any) -> str | None:
    """The code version the kept parses were made by (None when there are none)."""
    r = store.execute("SELECT value FROM state WHERE key=?", (CODE_KEY,)).fetchone()
    return json.loads(r[0]) if r else None


def kept(store: Any) -> Iterator[tuple[Any, ...]]:
    """Every kept parse, as ``COLUMNS``."""
    yield from store.execute(f"SELECT {', '.join(COLUMNS)} FROM speaker_parses")


def keep(store: Any, rows: Iterable[tuple[Any, ...]], code: str, *, replace: bool = False) -> None:
    """Add rows (``probe``, then ``COLUMNS``) made by ``code``; ``replace`` drops every kept row first."""
    if replace:
        store.execute("DELETE FROM speaker_parses")
    store.executemany(store._upsert_sql("speaker_parses", ["probe", *COLUMNS], ["probe"]), list(rows))
    store.execute(store._upsert_sql("state", ["key", "value"], ["key"]), (CODE_KEY, json.dumps(code)))


def forget(store: Any, probes: Sequence[str]) -> None:
    """Drop the rows of these probes (speakers no stored claim has any more)."""
    for i in range(0, len(probes), CHUNK):
        chunk = list(probes[i : i + CHUNK])
        store.execute(f"DELETE FROM speaker_parses WHERE probe IN ({','.join('?' * len(chunk))})", chunk)
