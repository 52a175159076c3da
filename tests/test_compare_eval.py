"""Eval gate: the seed corpus end to end, scored by ../shared/eval/score.py (skipped without it)."""

from __future__ import annotations

import json

import pytest

pytestmark = [pytest.mark.model, pytest.mark.shared]


def test_seed_comparisons(shared_dir, tmp_path, score):
    import claimgraph

    corpus = shared_dir / "corpus"
    if not corpus.is_dir():
        pytest.skip("no seed corpus")
    result = claimgraph.analyze([str(corpus)], db=tmp_path / "seeds.db")
    out = tmp_path / "seeds.json"
    out.write_text(json.dumps(result.to_json()), encoding="utf-8")
    sysdocs, data = score.load_system(out)
    got = score.score_gold(shared_dir / "eval" / "gold" / "seeds.json", sysdocs, data)["comparisons"]
    assert got["recall"] == 1.0
    assert got["false_conflicts"] == 0
