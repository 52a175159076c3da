"""The figures a speaker's page shows about the whole store (claims per outlet, who agrees or
conflicts with whom), worked out by the speakers stage and stored (``store/speaker_summaries.py``)."""

from __future__ import annotations

from collections.abc import Sequence

from ..store import Store
from ..store import speaker_summaries as stored
from .relations import all_relations


def refresh(
    store: Store, outlets_of: Sequence[str] | None = None, *, relations: bool = True, migrating: bool = False
) -> None:
    """Store the outlet counts of ``outlets_of`` (every speaker's when None) and, with
    ``relations``, every speaker's agreements and conflicts; then mark the figures fresh. Call
    inside a transaction. A store of an older schema (a test's) has no tables for them;
    ``migrating``: the migration that adds them is running."""
    if not migrating and store.schema_version < stored.SUMMARY_VERSION:
        return
    stored.put_outlets(store, stored.outlet_claims(store, outlets_of), outlets_of)
    if not relations:
        stored.mark_fresh(store)
        return
    rel = all_relations(stored.all_stands(store))
    stored.put_relations(
        store,
        [
            (me, kind, other, n)
            for me, kinds in rel.items()
            for kind, counts in kinds.items()
            for other, n in counts.items()
        ],
    )
    stored.mark_fresh(store)
