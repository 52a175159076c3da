"""Size and time limits that keep one hostile input from crashing, hanging or exhausting a run.

Every limit has a default that real news never reaches and a CLI flag to change it; a document
over a limit is skipped with a one-line error naming it, and the rest of the batch goes on.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from typing import TypeVar

MB = 1024 * 1024

# Defaults (the README's "Limits" table lists them with their flags).
MAX_FILE_BYTES = 512 * MB  # one input file, counted after decompression (stops gzip bombs)
MAX_RECORD_BYTES = 20 * MB  # one record (JSONL/CSV/JSON/WARC) or one text/HTML document file
MAX_TEXT_CHARS = 200_000  # one document's text: 4x the longest of 5,000 sampled news articles; parsing
# costs ~20 KB of memory per token, so this also bounds the parser's memory (~1-2 GB at worst)
DOC_TIMEOUT = 120.0  # seconds to decode, extract and clean one document
MAX_FIELD_CHARS = 10_000  # a metadata field (title, outlet, authors, ...) of a record
MAX_ID_CHARS = 1_000  # a record's id
MAX_BAD_RECORDS_IN_A_ROW = 1_000  # then the file is evidently not what its name says: stop reading it
HTML_MAX_DEPTH = 255  # libxml2 (under lxml and trafilatura) stops parsing deeper than this


def line_limit(max_record_bytes: int) -> int:
    """Longest JSONL line read for a record limit: JSON escapes can triple a text's size."""
    return 3 * max_record_bytes + 4 * MB


class LimitExceeded(ValueError):
    """An input is over a size, depth or time limit; the message says which, and how to raise it."""


class DocTimeout(LimitExceeded):
    """A document took longer than the per-document time limit."""


class _Alarm(BaseException):
    # A BaseException, so that library code with ``except Exception`` (trafilatura has several)
    # cannot swallow the timeout and carry on.
    pass


def check_text_length(text: str, limit: int | None, what: str = "text") -> None:
    """Raise ``LimitExceeded`` when ``text`` is longer than ``limit`` characters (None: no limit)."""
    if limit is not None and len(text) > limit:
        raise LimitExceeded(f"{what} is {len(text):,} characters, over the limit of {limit:,} "
                            "(raise it with --max-text-chars)")


T = TypeVar("T")


def call_with_timeout(seconds: float | None, fn: Callable[..., T], *args: object, **kwargs: object) -> T:
    """``fn(*args, **kwargs)``, interrupted with ``DocTimeout`` after ``seconds`` of wall time.

    Uses SIGALRM, so it works in the main thread of a POSIX process (the CLI); elsewhere the call
    runs unbounded and only the size limits apply. Pure-Python work (trafilatura, the cleaners)
    is interrupted promptly; a single long C call (one regex, one lxml parse) ends first, which
    is why size and depth limits are checked before the work starts.
    """
    if not seconds or seconds <= 0 or not hasattr(signal, "setitimer") \
            or threading.current_thread() is not threading.main_thread():
        return fn(*args, **kwargs)

    armed = [True]

    def on_alarm(signum: int, frame: object) -> None:
        if armed[0]:
            raise _Alarm()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    try:
        # Re-fires every second in case library code swallows the first one with a bare except.
        signal.setitimer(signal.ITIMER_REAL, seconds, 1.0)
        return fn(*args, **kwargs)
    except _Alarm:
        armed[0] = False
        raise DocTimeout(f"took longer than {seconds:g} s to clean (raise it with --doc-timeout)") from None
    finally:
        armed[0] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
