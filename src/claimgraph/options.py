"""One options tree for a claimgraph run, built once by the CLI, the API or the web app.

``Options`` has one section per stage: ``read`` (limits, field mapping, URLs), ``clean``
(time limit, near-duplicate threshold), ``extract`` (batches, processes, engine, parse-less),
``link`` (stories and comparisons) and ``store`` (where results go). Every section is a frozen
dataclass whose defaults are what a user gets with no flags and no config file. Change a copy
with ``dataclasses.replace``, or with :func:`claimgraph.config.with_values` by dotted key.

    >>> from claimgraph.options import ExtractOptions, Options
    >>> Options(extract=ExtractOptions(n_process=2)).extract.batch_size
    32

A field's ``metadata`` may give ``min``, ``max`` or ``choices``: the bounds a config file or a
flag is checked against (see :mod:`claimgraph.config`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .limits import DOC_TIMEOUT
from .link.settings import CompareOptions, LinkOptions, StoryOptions
from .read.options import ReadOptions

__all__ = ["CleanOptions", "CompareOptions", "ExtractOptions", "LinkOptions", "Options", "ReadOptions",
           "StoreOptions", "StoryOptions"]


@dataclass(frozen=True)
class CleanOptions:
    """Cleaning and deduplication."""

    # seconds one document may take to decode, extract and clean before it is skipped (0: no limit)
    doc_timeout: float = field(default=DOC_TIMEOUT, metadata={"min": 0})
    # MinHash Jaccard from which a text is a near-duplicate
    dedup_threshold: float = field(default=0.8, metadata={"min": 0, "max": 1})


@dataclass(frozen=True)
class ExtractOptions:
    """The spaCy pass: how documents are batched and where they are parsed."""

    # documents per parse batch, and per store transaction while reading
    batch_size: int = field(default=32, metadata={"min": 1})
    # parser processes (local engine), or Ray actors (ray engine; 0 or 1: one per CPU of the cluster);
    # 0 (the default) picks the usable CPUs within a memory budget (claimgraph.engine.workers)
    n_process: int = field(default=0, metadata={"min": 0})
    # where extraction runs: "local" (n_process processes) or "ray" (claimgraph.engine.ray);
    engine: str = "local"  # checked by claimgraph.engine.check_engine when a run starts
    parse_less: bool = False  # parse only sentences that can hold a claim (extract/condense.py)
    # the Ray cluster the ray engine joins ("HOST:PORT" of a head started with `ray start --head`,
    # or ray://HOST:10001); None: RAY_ADDRESS, else a local instance started for the run
    ray_address: str | None = None


@dataclass(frozen=True)
class StoreOptions:
    """Where results are kept."""

    # SQLite file or postgresql:// URL; None: ./claimgraph.db for the CLI, in memory for the API
    db: str | None = None
    # seconds a write may wait out another process's lock or a lost PostgreSQL connection
    # (retrying) before the run stops with one error line
    retry_seconds: float = field(default=60.0, metadata={"min": 0})


@dataclass(frozen=True)
class Options:
    """Everything a run may be told, one section per stage."""

    read: ReadOptions = field(default_factory=ReadOptions)
    clean: CleanOptions = field(default_factory=CleanOptions)
    extract: ExtractOptions = field(default_factory=ExtractOptions)
    link: LinkOptions = field(default_factory=LinkOptions)
    store: StoreOptions = field(default_factory=StoreOptions)
