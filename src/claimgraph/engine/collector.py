"""Pausing Python's cyclic garbage collector over a stage that builds many short-lived objects.

The link and speakers stages make several objects per figure or claim, none in a reference
cycle; the collector's passes over a heap that grows with the store were a fifth (link) to a third
(speakers) of their time. Paused for the stage only, then back on (an object in a cycle is freed
then).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off inside the block, as it was after it (also on error)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
