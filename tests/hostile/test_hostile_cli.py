"""The real `claimgraph analyze` on folders of hostile files mixed with good ones (see cases.py)."""

from __future__ import annotations

import pytest

from .cases import CASES, cleanup, run_case

pytestmark = pytest.mark.model  # the CLI loads the spaCy pipeline to extract the good documents


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_input(case, tmp_path, record_outcome):
    out = run_case(case, tmp_path / "case")
    record_outcome(out)
    if out.skipped:
        pytest.skip(out.skipped)
    assert not out.problems, "\n".join(out.problems)
    # every error is one line naming its file
    assert all(":" in e for e in out.errors)
    cleanup(tmp_path / "case")
