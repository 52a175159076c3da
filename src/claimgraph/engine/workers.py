"""How many parser processes a run uses when it is not told: the usable CPUs, within a memory budget.

Each worker holds its own spaCy pipeline. Measured on the benchmark sample (news articles up to
~50,000 characters, batches of 32 parsed 8 at a time in a memory zone), one worker's resident
memory is ~175 MB after loading the pipeline and peaks near 550 MB; the main process (store,
dedup signatures, story index) stays under ~300 MB for a 5,000-article store. The budget below is
the whole process tree's, so on a machine with many CPUs and little memory fewer workers start.
"""

from __future__ import annotations

import math
import os

WORKER_MB = 600  # peak RSS of one parser process (measured ~550 MB), with a margin
MAIN_MB = 300  # the main process beside the workers
TREE_BUDGET_MB = 1500  # peak RSS of the whole process tree must stay under this
# The link stage's comparison workers (see link/parallel.py), measured on the 5,000-article sample
# (first run: main process 563 MB when comparing starts, tree 1,113 MB with two workers; 500 added
# to 4,500: 417 MB and 947 MB, both with two workers beside an idle main process): a worker and the
# main process's growth stay under these.
LINK_WORKER_MB = 300
LINK_MAIN_GROWTH_MB = 150


def usable_cpus() -> int:
    """CPUs this process may run on (its affinity mask, not the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not Linux: no affinity mask
        return max(1, os.cpu_count() or 1)


def available_mb() -> int | None:
    """Physical memory not in use now (MB), or None when the platform does not say."""
    try:
        return os.sysconf("SC_AVPHYS_PAGES") * os.sysconf("SC_PAGE_SIZE") // (1024 * 1024)
    except (AttributeError, ValueError, OSError):
        return None


def resident_mb() -> int | None:
    """This process's resident memory now (MB), or None when the platform does not say (not Linux)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) // 1024
    except (OSError, ValueError):
        pass
    return None


def link_workers(resident: int | None = None, budget_mb: int = TREE_BUDGET_MB) -> int:
    """Processes for the link stage's comparisons when not told: this one and a worker for each
    other usable CPU, as many workers as fit in ``budget_mb`` beside this process as it is now
    (``resident`` MB, read when not given) and its growth. One (this process alone) when that
    memory is unknown or leaves no room for a worker."""
    resident = resident_mb() if resident is None else resident
    if resident is None:
        return 1
    avail = available_mb()
    if avail is not None:
        budget_mb = min(budget_mb, resident + avail)
    room = budget_mb - resident - LINK_MAIN_GROWTH_MB
    return 1 + max(0, min(usable_cpus() - 1, room // LINK_WORKER_MB))


def memory_bound(budget_mb: int = TREE_BUDGET_MB) -> int:
    """Workers that fit in ``budget_mb`` beside the main process (at least one)."""
    avail = available_mb()
    if avail is not None:
        budget_mb = min(budget_mb, avail)
    return max(1, (budget_mb - MAIN_MB) // WORKER_MB)


def auto_workers(documents: int | None = None, batch_size: int = 32) -> int:
    """Parser processes for a run: usable CPUs, bounded by memory and by the work there is.

    A run of fewer documents than two batches stays in one process: starting a worker and loading
    its pipeline costs more than the parse it would share.
    """
    n = min(usable_cpus(), memory_bound())
    if documents is not None:
        n = min(n, max(1, math.ceil(documents / max(1, batch_size)) if documents > batch_size else 1))
    return max(1, n)


def describe(n: int, *, explicit: bool) -> str:
    """One line saying how many parser processes run, and why."""
    if explicit:
        return f"parsing with {n} process{'es' if n != 1 else ''} (-j {n})"
    return (
        f"parsing with {n} process{'es' if n != 1 else ''} (of {usable_cpus()} usable CPUs, "
        f"memory allows {memory_bound()}; -j to change)"
    )
