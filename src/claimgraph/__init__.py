"""claimgraph: who claims what across news articles, where sources agree and where they conflict.

    >>> import claimgraph
    >>> result = claimgraph.analyze(["examples/corpus"])          # doctest: +SKIP
    >>> [c.speaker for c in result.claims if c.speaker][:3]        # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, replace
from pathlib import Path

from .analysis import Analysis
from .model import Article, Claim, Comparison, Quantity, RawDoc, ReadError, Story
from .options import Options

__all__ = ["Analysis", "Article", "Claim", "Comparison", "Options", "Quantity", "RawDoc", "ReadError",
           "Story", "analyze"]
__version__ = "0.1.0"


def analyze(inputs: Iterable[str | Path | dict | RawDoc], *, db: str | Path | None = None,
            options: Options | None = None) -> Analysis:
    """Read, clean, deduplicate, extract and link ``inputs``; return their ``Analysis``.

    ``inputs`` may be paths (files, folders, ``.jsonl``, ``.warc.gz`` ...), URLs, record dicts
    (``{"id": ..., "text": ...}``) or ``RawDoc`` objects. ``options`` sets every stage (see
    :class:`Options`). ``db`` is a SQLite file or PostgreSQL URL to keep the results in; without
    it, ``options.store.db``, and without that, an in-memory store.
    """
    from .pipeline import Pipeline
    from .store import Store

    options = options or Options()
    target = str(db) if db is not None else options.store.db or ":memory:"
    options = replace(options, store=replace(options.store, db=target))
    with Store(target) as store:
        run_ids, stats = Pipeline(store, options).run(inputs)
        summary = {k: v for k, v in asdict(stats).items() if k != "errors"}
        return Analysis.from_store(store, run_ids, errors=stats.errors, stats=summary)
