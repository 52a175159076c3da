"""Shared fixtures: paths to the example corpus and to ../shared (skipped cleanly when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

from pg_server import pg_server, store_url  # noqa: F401  (a PostgreSQL server for the store tests)

# property tests check behaviour, not speed (benchmarks/ do that): no per-example deadline, which a
# loaded machine would turn into random failures
settings.register_profile("claimgraph", deadline=None)
settings.load_profile("claimgraph")

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
def score(shared_dir):
    """``../shared/eval/score.py`` loaded as a module (read from there, never copied here)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("cg_score", shared_dir / "eval" / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="session")
def nlp():
    from claimgraph.extract.nlp import load_nlp

    return load_nlp()
