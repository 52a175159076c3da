"""The default number of parser processes: usable CPUs, bounded by memory and by the work."""

from __future__ import annotations

import pytest

from claimgraph.engine import workers


@pytest.fixture
def machine(monkeypatch):
    def set_machine(cpus: int, avail_mb: int | None) -> None:
        monkeypatch.setattr(workers, "usable_cpus", lambda: cpus)
        monkeypatch.setattr(workers, "available_mb", lambda: avail_mb)

    return set_machine


def test_usable_cpus_follow_the_affinity_mask():
    import os

    assert workers.usable_cpus() == len(os.sched_getaffinity(0))


def test_all_cpus_when_memory_allows(machine):
    machine(2, 20_000)
    assert workers.auto_workers(1000, 32) == 2


def test_the_tree_budget_bounds_many_cpus(machine):
    machine(64, 200_000)
    n = workers.auto_workers(100_000, 32)
    assert n == (workers.TREE_BUDGET_MB - workers.MAIN_MB) // workers.WORKER_MB
    assert workers.MAIN_MB + n * workers.WORKER_MB <= workers.TREE_BUDGET_MB


def test_little_free_memory_means_one_worker(machine):
    machine(8, 500)
    assert workers.auto_workers(1000, 32) == 1


def test_a_small_run_stays_in_one_process(machine):
    machine(8, 20_000)
    assert workers.auto_workers(20, 32) == 1
    assert workers.auto_workers(64, 32) == 2


def test_the_choice_is_said_in_one_line(machine):
    machine(4, 20_000)
    line = workers.describe(2, explicit=False)
    assert "2 processes" in line and "4 usable CPUs" in line and "\n" not in line
    assert workers.describe(1, explicit=True) == "parsing with 1 process (-j 1)"


# ---- the link stage's comparison workers: what fits beside the main process as it is now


def test_link_workers_fill_the_budget_left_beside_the_main_process(machine):
    machine(64, 200_000)
    resident = 500
    n = workers.link_workers(resident)  # this process and n - 1 workers
    assert n - 1 == (workers.TREE_BUDGET_MB - resident - workers.LINK_MAIN_GROWTH_MB) // workers.LINK_WORKER_MB
    assert resident + workers.LINK_MAIN_GROWTH_MB + (n - 1) * workers.LINK_WORKER_MB <= workers.TREE_BUDGET_MB


def test_link_workers_are_bounded_by_the_cpus(machine):
    machine(2, 200_000)
    assert workers.link_workers(200) == 2  # this process and one worker


def test_a_big_main_process_compares_alone(machine):
    machine(8, 200_000)
    no_room = workers.TREE_BUDGET_MB - workers.LINK_MAIN_GROWTH_MB - workers.LINK_WORKER_MB + 1
    assert workers.link_workers(no_room) == 1
    assert workers.link_workers(no_room - 1) == 2
    assert workers.link_workers(workers.TREE_BUDGET_MB) == 1


def test_little_free_memory_keeps_the_link_stage_in_one_process(machine):
    machine(8, 300)
    assert workers.link_workers(200) == 1


def test_resident_memory_is_read_for_this_process():
    mb = workers.resident_mb()
    assert mb is not None and 10 < mb < 100_000
