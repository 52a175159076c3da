"""Sources a figure gets from the layout of its line, not from a verb of speech.

Two forms every news site prints:

* an **embedded post** (a tweet quoted in the article), signed at the end of its paragraph:
  ``... turnout is at 72%-77% ... — Dana Whitlow (@dwhitlow) December 13, 2017``: the paragraph's
  figures are the signer's;
* a **headline or label with a colon**: ``Varosh police: 'Approximately 20 dead' after flood``:
  a short name before the colon, the figure inside the quotation after it.

* an **excerpt credited "(via Outlet):"** at the end of the paragraph before it: ``It is one of the
  worst attacks in a century (via NBC News):`` then the outlet's paragraph: its figures are the
  outlet's.

Only short, capitalised names qualify; anything else is left to the article's own voice.
"""

from __future__ import annotations

import re

# "— Name (@handle)" (an em or en dash, or two hyphens) closing a paragraph's embedded post
_SIGNED = re.compile(r"(?:—|–|--)\s*(?P<name>[A-Z][^\n()—–]{1,60}?)\s*\(@(?P<handle>\w{1,30})\)")
# "Name: 'quoted words'" at the start of a line: up to five words before the colon, then a quote
_LABEL = re.compile(r"(?m)^(?P<name>[A-Z][\w.'’&-]*(?:\s+[\w.'’&-]+){0,4}):\s*[\"'“‘](?P<quote>[^\"'”’\n]{1,200})[\"'”’]")

# "(via NBC News):" closing a paragraph: the next paragraph is an excerpt from that outlet
_VIA = re.compile(r"\(via\s+(?:the\s+)?(?P<name>[A-Z][^()\n:]{1,60}?)\s*\)\s*:\s*$")


def _paragraph(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def line_source(text: str, start: int, end: int) -> tuple[str, str, str] | None:
    """``(speaker, mention, cue)`` for the figure at [start, end) from its line's layout, or None."""
    p0, p1 = _paragraph(text, start)
    signed = _SIGNED.search(text, end, p1)
    if signed is not None:
        name = signed.group("name").strip()
        return name, f"{name} (@{signed.group('handle')})", "posted"
    label = _LABEL.match(text, p0, p1)
    if label is not None and label.start("quote") <= start and end <= label.end("quote"):
        name = label.group("name").strip()
        return name, name, ":"
    before = text[max(0, p0 - 300):p0].rstrip()  # the end of the paragraph before
    via = _VIA.search(before)
    if via is not None and "\n" not in before[via.start():]:
        name = via.group("name").strip()
        return name, name, "via"
    return None
