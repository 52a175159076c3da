"""claimgraph: who claims what across news articles, where sources agree and where they conflict.

    >>> import claimgraph
    >>> result = claimgraph.analyze(["examples/corpus"])          # doctest: +SKIP
    >>> [c.speaker for c in result.claims if c.speaker][:3]        # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path

from .analysis import Analysis
from .model import Article, Claim, Comparison, Quantity, RawDoc, ReadError, Story
from .options import Options

__all__ = ["Analysis", "Article", "Claim", "Comparison", "Options", "Quantity", "RawDoc", "ReadError",
           "Story", "analyze"]
__version__ = "0.1.0"


def analyze(inputs: Iterable[str | Path | dict | RawDoc], *, db: str | Path = ":memory:",
            options: Options | None = None) -> Analysis:
    """Read, clean, deduplicate, extract and link ``inputs``; return their ``Analysis``.

    ``inputs`` may be paths (files, folders, ``.jsonl``, ``.warc.gz`` ...), URLs, record dicts
    (``{"id": ..., "text": ...}``) or ``RawDoc`` objects. ``db`` is a SQLite file to keep the
    results in (default: in memory).
    """
    from .pipeline import Pipeline
    from .store import Store

    options = options or Options()
    options.db = str(db)
    with Store(options.db) as store:
        run_ids, stats = Pipeline(store, options).run(inputs)
        summary = {k: v for k, v in asdict(stats).items() if k != "errors"}
        return Analysis.from_store(store, run_ids, errors=stats.errors, stats=summary)
