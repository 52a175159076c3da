"""Long runs of punctuation broken up before spaCy's tokenizer sees them.

The tokenizer peels prefix and suffix punctuation off a token one character at a time and copies
what is left each time, so a run of n commas, quotes, brackets or "=" with no space in it costs
n² (8,000 commas: about 40 s; 100 KB: over an hour). A space put in every ``PIECE`` characters
of such a run keeps every piece short. Only runs of ``MIN_RUN`` or more punctuation characters
are touched (the cleaner has already dropped lines that are nothing else), and the text keeps its
length, so every offset into the document stays right.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc

MIN_RUN = 64
PIECE = 32
# punctuation and symbols ("_" is a word character to re but punctuation to the tokenizer)
_RUN = re.compile(rf"(?:[^\w\s]|_){{{MIN_RUN},}}")


def _cut(m: re.Match[str]) -> str:
    run = m.group(0)
    return "".join(" " if i % PIECE == PIECE - 1 else c for i, c in enumerate(run))


def break_punctuation_runs(text: str) -> str:
    """``text`` with a space every ``PIECE`` characters inside runs of ``MIN_RUN`` or more
    punctuation characters; the same length, and unchanged when it has no such run."""
    return _RUN.sub(_cut, text) if _RUN.search(text) else text


class RunBreakingTokenizer:
    """Wraps a spaCy tokenizer: breaks long punctuation runs, then tokenizes. Everything else
    (``memory_zone``, ``explain``, rules) is the wrapped tokenizer's."""

    def __init__(self, inner: Callable[[str], Doc]):
        self.inner = inner

    def __call__(self, text: str) -> Doc:
        return self.inner(break_punctuation_runs(text))

    def pipe(self, texts: Any, batch_size: int = 1000) -> Any:
        for text in texts:
            yield self(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)
