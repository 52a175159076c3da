"""HTML fragments built from untrusted article text: highlighted claims and quantities.

Article text, titles and speaker names come from the web, so every piece of text is escaped on
its own (``markupsafe.escape``) and only the tags written here are markup. Templates mark the
*result* safe, never a raw article string.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from ..model import Claim

_ANCHOR_SAFE = re.compile(r"^[A-Za-z0-9_-]{1,40}$")
_SAFE_URL = re.compile(r"^https?://[^\s]+$", re.IGNORECASE)


def claim_anchor(claim_id: str, prefix: str = "") -> str:
    """The element id of a claim inside its article page: ``claim-c3`` for ``doc#c3``.

    Ids that do not end in a short safe suffix get a stable hash, so the id is always a valid,
    unique HTML id and URL fragment.
    """
    tail = claim_id.rsplit("#", 1)[-1]
    if not _ANCHOR_SAFE.match(tail) or tail == claim_id:
        tail = "h" + hashlib.sha1(claim_id.encode("utf-8")).hexdigest()[:12]
    return f"{prefix}claim-{tail}"


def safe_http_url(url: str | None) -> str | None:
    """``url`` if it is a plain http(s) URL (safe to put in ``href``), else None.

    Stops ``javascript:``/``data:`` links taken from article metadata from becoming clickable.
    """
    if url and _SAFE_URL.match(url.strip()):
        return url.strip()
    return None


@dataclass
class Span:
    """A marked stretch of text. Lower ``rank`` opens first when two spans start together."""

    start: int
    end: int
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    rank: int = 0

    def open(self) -> str:
        attrs = "".join(f' {k}="{escape(v)}"' for k, v in self.attrs.items() if v)
        return f"<{self.tag}{attrs}>"

    def close(self) -> str:
        return f"</{self.tag}>"


def render_spans(text: str, spans: Iterable[Span]) -> Markup:
    """``text`` escaped, with ``spans`` as properly nested elements.

    Nested spans nest; a span that crosses the end of an enclosing one is cut at that end
    (it keeps its start, so its id still points at the right words). Spans outside the text
    or empty are dropped.
    """
    n = len(text)
    items = sorted((s for s in spans if 0 <= s.start < s.end <= n), key=lambda s: (s.start, -s.end, s.rank))
    out: list[str] = []
    stack: list[Span] = []
    pos = 0

    def close_until(limit: int) -> None:
        nonlocal pos
        while stack and stack[-1].end <= limit:
            top = stack.pop()
            out.append(str(escape(text[pos:top.end])))
            out.append(top.close())
            pos = top.end

    for s in items:
        close_until(s.start)
        out.append(str(escape(text[pos:s.start])))
        pos = s.start
        end = min(s.end, stack[-1].end) if stack else s.end
        out.append(s.open())
        stack.append(Span(s.start, end, s.tag, s.attrs, s.rank))
    close_until(n)
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def claim_title(claim: Claim) -> str:
    """A short tooltip: who, how, and the numbers."""
    who = claim.speaker or claim.speaker_mention
    parts = [f"{who} ({claim.cue})" if who and claim.cue else who or (claim.cue or "article's own voice")]
    if claim.via:
        parts.append("via " + " → ".join(claim.via))
    if claim.hedged:
        parts.append("hedged")
    if claim.quantities:
        parts.append("numbers: " + "; ".join(q.text for q in claim.quantities))
    return " · ".join(parts)


def claim_spans(claims: Iterable[Claim], *, prefix: str = "", flagged: dict[str, str] | None = None) -> list[Span]:
    """Spans for claims (``<mark id=...>``) and their quantities (``<b class="qty">``).

    ``flagged`` maps claim ids to an extra class (``conflict`` / ``consistent``).
    """
    flagged = flagged or {}
    spans: list[Span] = []
    seen: set[str] = set()
    for c in claims:
        anchor = claim_anchor(c.id, prefix)
        if anchor in seen:  # never two elements with one id
            continue
        seen.add(anchor)
        classes = ["claim", "attributed" if (c.speaker or c.cue) else "own"]
        if c.hedged:
            classes.append("hedged")
        if c.id in flagged:
            classes.append(flagged[c.id])
        spans.append(Span(c.start, c.end, "mark", {"id": anchor, "class": " ".join(classes),
                                                   "title": claim_title(c)}, rank=0))
        for q in c.quantities:
            spans.append(Span(q.start, q.end, "b", {"class": "qty", "title": q.counted or q.kind}, rank=1))
    return spans


def highlight_article(text: str, claims: Iterable[Claim], *, prefix: str = "",
                      flagged: dict[str, str] | None = None) -> Markup:
    """The cleaned article text with every claim as an addressable, highlighted element."""
    return render_spans(text, claim_spans(claims, prefix=prefix, flagged=flagged))


def highlight_terms(text: str, needle: str) -> Markup:
    """``text`` escaped with every case-insensitive occurrence of each word of ``needle`` (a
    full-text search matches words, not the phrase) in ``<mark>``; of ``needle`` itself when it
    has no word."""
    if not needle:
        return escape(text)
    words = sorted(set(re.findall(r"\w+", needle.casefold())), key=len, reverse=True)  # longest first
    pattern = "|".join(re.escape(w) for w in words) if words else re.escape(needle)
    spans = [Span(m.start(), m.end(), "mark", {"class": "hit"})
             for m in re.finditer(pattern, text, flags=re.IGNORECASE)]
    return render_spans(text, spans)
