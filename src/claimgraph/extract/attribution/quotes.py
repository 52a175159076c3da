"""Quote scanner: paragraphs and the spans of quoted passages, from characters alone."""

from __future__ import annotations

import bisect
import re

from claimgraph.lexicon.attribution import OPEN_CONTEXT, OPEN_MARKS

_DOUBLE_RE = re.compile("[\u201c\u201d\"]|''|``")
_SINGLE_OPEN_RE = re.compile("(?:(?<=^)|(?<=[\\s(\\[\u201c\"\u2014]))[\u2018'](?=[A-Za-z0-9])")
_SINGLE_CLOSE_RE = re.compile("(?<=[^\\s])[\u2019'](?=$|[\\s.,;:!?)\u201d\"\u2014-])")
_MAX_SINGLE_QUOTE = 300  # characters; longer "quotes" are apostrophes that happen to pair up


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Character spans of the non-blank lines of ``text`` (one paragraph per line)."""
    out = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        stripped = line.strip()
        if stripped:
            s = pos + (len(line) - len(line.lstrip()))
            out.append((s, s + len(stripped)))
        pos = end + 1
    return out


def _starts_with_open_quote(text: str, start: int, end: int) -> bool:
    return any(text.startswith(m, start, end) for m in OPEN_MARKS[:4])


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Character spans (marks included) of top-level double-quoted passages, then of single-quoted
    ones that lie outside them. A quote left open at the end of a paragraph continues when the
    next paragraph opens with a quote mark (the block-quote convention); otherwise it ends there.
    """
    paras = paragraphs(text)
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for k, (ps, pe) in enumerate(paras):
        for m in _DOUBLE_RE.finditer(text, ps, pe):
            mark, i = m.group(), m.start()
            prev = text[i - 1] if i > ps else " "
            nxt = text[i + 1] if i + 1 < pe else " "
            if mark in ("\u201c", "``"):
                # a typo'd “ closing a quote: “...“ followed by space or punctuation
                role = "close" if open_at is not None and not prev.isspace() and (
                    nxt.isspace() or nxt in ".,;:!?)") else "open"
            elif mark == "\u201d":
                # a typo'd ” opening a quote: at a paragraph start or after a space, before a word
                role = "open" if open_at is None and prev in OPEN_CONTEXT and nxt.isalnum() else "close"
            elif mark == "''":
                role = "close" if open_at is not None else "open"
            else:  # straight double quote: decide from the context
                if open_at is not None:
                    role = "close"
                elif prev in OPEN_CONTEXT and not nxt.isspace():
                    role = "open"
                else:
                    role = "stray"
            if role == "open":
                if open_at is None:
                    open_at = i
                elif not (open_at < ps and i == ps):  # (a block quote's next paragraph goes on)
                    open_at = i  # two openings in a row: the first one was never closed
            elif role == "close" and open_at is not None:
                spans.append((open_at, m.end()))
                open_at = None
        if open_at is not None:
            nxt_para = paras[k + 1] if k + 1 < len(paras) else None
            if not (nxt_para and _starts_with_open_quote(text, nxt_para[0], nxt_para[1])):
                spans.append((open_at, pe))
                open_at = None
    # single quotes outside double-quoted passages
    starts = [s for s, _ in spans]
    singles: list[tuple[int, int]] = []
    for ps, pe in paras:
        pos = ps
        while True:
            m = _SINGLE_OPEN_RE.search(text, pos, pe)
            if not m:
                break
            c = _SINGLE_CLOSE_RE.search(text, m.end() + 1, min(pe, m.end() + _MAX_SINGLE_QUOTE))
            if not c:
                pos = m.end()
                continue
            s, e = m.start(), c.end()
            j = bisect.bisect_right(starts, s) - 1
            if not (j >= 0 and spans[j][1] > s):
                singles.append((s, e))
            pos = e
    return sorted(spans + singles)


class Quotes:
    """Quote spans with "which quote covers character i" look-ups."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [s for s, _ in spans]

    def at(self, i: int) -> int | None:
        """Index of the quote covering character ``i``, or None."""
        j = bisect.bisect_right(self.starts, i) - 1
        if j >= 0 and self.spans[j][0] <= i < self.spans[j][1]:
            return j
        return None

    def overlapping(self, s: int, e: int) -> list[int]:
        """Indexes of the quotes that overlap characters s..e."""
        j = max(bisect.bisect_right(self.starts, s) - 1, 0)
        out = []
        while j < len(self.spans) and self.spans[j][0] < e:
            if self.spans[j][1] > s:
                out.append(j)
            j += 1
        return out
