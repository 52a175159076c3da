"""Collects the hostile suite's outcomes and prints the tally at the end of the pytest run."""

from __future__ import annotations

import pytest

from .cases import Outcome, tally

OUTCOMES: list[Outcome] = []


@pytest.fixture
def record_outcome():
    return OUTCOMES.append


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if OUTCOMES:
        terminalreporter.write_sep("-", "hostile inputs")
        terminalreporter.write_line(tally(OUTCOMES))
