"""Shared fixtures: paths to the example corpus and to ../shared (skipped cleanly when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pg_server import pg_server, store_url  # noqa: F401  (a PostgreSQL server for the store tests)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "corpus"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return EXAMPLES


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "eval" / "score.py").exists():
        pytest.skip("../shared is not here")
    return SHARED


@pytest.fixture(scope="session")
def nlp():
    from claimgraph.extract.nlp import load_nlp

    return load_nlp()
