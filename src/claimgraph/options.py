"""One options object for a claimgraph run, built once by the CLI, the API or the web app."""

from __future__ import annotations

from dataclasses import dataclass, field

from .read.options import ReadOptions


@dataclass(slots=True)
class Options:
    """Everything a run may be told; defaults are what a user gets with no flags."""

    db: str = "claimgraph.db"
    read: ReadOptions = field(default_factory=ReadOptions)
    batch_size: int = 32  # documents per nlp.pipe batch and per store transaction
    n_process: int = 1  # spaCy worker processes for extraction
    engine: str = "local"  # where extraction runs: "local" (n_process processes) or "ray" (claimgraph.engine)
    dedup_threshold: float = 0.8  # MinHash Jaccard from which a text is a near-duplicate
    link: bool = True  # build stories and comparisons after extraction
    doc_timeout: float = 120.0  # seconds one document may take in cleaning before it is skipped
    progress: bool = True
    parse_less: bool = False  # parse only sentences that can hold a claim (extract/condense.py)
