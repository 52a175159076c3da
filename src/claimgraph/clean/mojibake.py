"""Character-level repair: mojibake, odd spaces, control characters, glued ellipses.

Everything here is line-preserving: a line of the repaired text corresponds to a line of the
input, so later stages can keep or drop whole lines and still never invent text.
"""

from __future__ import annotations

import ftfy

from . import patterns

# Curly quotes carry direction, which the attribution extractor uses; keep them.
_FTFY_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, fix_line_breaks=True, explain=False)


def fix_text(text: str) -> str:
    """Repair one decoded text and return it with the same line structure.

    - line endings become ``\\n``; unusual spaces (no-break, thin, ...) become plain spaces and
      zero-width characters go, *before* ftfy runs: ftfy leaves ``â€”`` unfixed when a no-break
      space sits right before it;
    - ftfy repairs mojibake (curly quotes kept as they are);
    - control characters other than tab and newline are removed;
    - an ellipsis glued to the next sentence gets a space ("escape….Has" -> "escape…. Has") so
      the sentence splitter sees two sentences;
    - trailing whitespace is stripped from every line.
    """
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = patterns.ZERO_WIDTH.sub("", text)
    text = patterns.UNUSUAL_SPACES.sub(" ", text)
    # ftfy works line by line anyway; plain-ASCII lines without entities have nothing to fix,
    # and skipping them makes repair several times faster on typical English news.
    text = "\n".join(
        x if x.isascii() and "&" not in x else ftfy.fix_text(x, config=_FTFY_CONFIG) for x in text.split("\n")
    )
    # ftfy can map a repaired sequence back to a no-break space; normalise once more.
    text = patterns.UNUSUAL_SPACES.sub(" ", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = patterns.CONTROL_CHARS.sub("", text)
    text = patterns.GLUED_ELLIPSIS.sub(lambda m: m.group(1) + " ", text)
    return "\n".join(line.rstrip() for line in text.split("\n"))
