"""Line-level boilerplate detection for one plain-text document.

Three kinds of evidence, from local to global:

1. the line itself: navigation labels, calls to action, forum/shop furniture, markup debris,
   photo credits, listing counters (:func:`line_noise`);
2. the document around it: blocks repeated inside the document that carry a reader appeal
   (:func:`repeated_appeal_blocks`), the page template's shape (menu runs between template
   lines in the page head, :func:`head_menu_runs`; a widget rendered twice a few lines apart,
   :func:`doubled_field_blocks`; a menu printed twice, :func:`repeated_menus`), a tail made of
   boilerplate after the last prose line (:func:`boilerplate_tail`), and pages that are
   listings rather than prose, where every non-sentence line goes (:func:`is_listing`);
3. the corpus: lines recurring across many articles of one outlet (``corpus.py``).

Functions take the list of lines and return indices; ``text.py`` decides and assembles.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from claimgraph.lexicon.stopwords import FUNCTION_WORDS

from . import patterns

# A line must have at least this many words (and end like a sentence) to count as prose.
PROSE_MIN_WORDS = 8
# ... or this many words whatever its ending.
PROSE_LONG_WORDS = 14
# Below this share of characters in prose lines a page is a listing (shop, index, menu).
LISTING_PROSE_SHARE = 0.1
# ... or a single prose line holds less than this share (a one-sentence intro to a list).
LONE_SENTENCE_SHARE = 0.25
# Share of a repeated block's lines that must carry a reader appeal for the block to go.
APPEAL_BLOCK_SHARE = 0.2
# Reasons that mark a line as part of the page template (not junk separators, bylines or bios):
# they anchor menu runs in the page head.
TEMPLATE_REASONS = frozenset(
    {"nav", "cta", "furniture", "copyright", "counter", "tags", "markup", "table", "credit"}
)
# A menu run between two template lines: at least this many lines, with a median word count
# at most MENU_MEDIAN_WORDS, none longer than MENU_MAX_WORDS words.
MENU_MIN_LINES = 2
MENU_MEDIAN_WORDS = 4
MENU_MAX_WORDS = 12
# A widget rendered twice: its second copy starts within this many lines of the first.
DOUBLED_WINDOW = 15
# ... and its lines have at most this many words.
DOUBLED_MAX_WORDS = 8
# A cookie banner addressing the reader may run this long.
COOKIE_BANNER_WORDS = 60
# A menu printed twice: at least this many short labels recur in the same order.
REPEATED_MENU_LINES = 6
# ... by a label that occurs at most this many times in the page.
REPEATED_MENU_MAX_COPIES = 4
# Long lines are judged on their first characters only (speed).
_SAMPLE_CHARS = 600


def words(line: str) -> list[str]:
    """Word tokens of a line (letters/digits, with inner apostrophes, dots and hyphens)."""
    return patterns.WORD.findall(line)


def ends_sentence(line: str) -> bool:
    """Does the line end like a sentence (full stop, question mark, colon ..., maybe a quote)?"""
    return bool(patterns.SENTENCE_END.search(line[-12:]))


def norm_key(line: str) -> str:
    """Comparison key for repeated-line detection: case-folded alphanumerics only."""
    return " ".join(w.lower() for w in words(line))


def function_word_share(ws: Sequence[str]) -> float:
    """Share of English function words among the tokens: high for prose, low for menus."""
    if not ws:
        return 0.0
    return sum(w.lower() in FUNCTION_WORDS for w in ws) / len(ws)


@lru_cache(maxsize=16384)
def is_prose(line: str) -> bool:
    """Does the line read like running text (a sentence or more)?

    Enough words, a sentence ending (or a long line), plenty of function words and mostly
    lower-case words: schedules, product names and title-cased headings fail one of these.
    """
    # the ratios below are stable on a prefix; long paragraphs need not be tokenised whole
    ws = words(line[:_SAMPLE_CHARS])
    n = len(ws) if len(line) <= _SAMPLE_CHARS else max(len(ws), len(line.split()))
    if n < PROSE_MIN_WORDS:
        return False
    if not (ends_sentence(line) or n >= PROSE_LONG_WORDS):
        return False
    alpha = [w for w in ws if patterns.LETTER.match(w)]
    if len(alpha) < PROSE_MIN_WORDS:
        return False
    upper = sum(w.isupper() for w in alpha) / len(alpha)
    # an ALL-CAPS line (a shouted lede) is judged on its words, not its case
    lower = 1.0 if upper >= 0.8 else sum(w[0].islower() for w in alpha) / len(alpha)
    return function_word_share(ws) >= 0.15 and lower >= 0.4


def is_running_text(line: str) -> bool:
    """Prose that says something, not a headline phrased as a question: a short line that ends
    in "?" and holds no other sentence ("Should my router have two addresses?") is the title of
    a linked page in a listing as often as it is a reader's question."""
    if not is_prose(line):
        return False
    s = line.strip()
    if not s.endswith("?"):
        return True
    return len(words(s)) >= PROSE_LONG_WORDS or bool(re.search(r"[.!?]\s+[A-Z]", s[:-1]))


def is_sentence(line: str) -> bool:
    """A looser prose test for the end of an article: eight or more words ending like a
    sentence, with some function words, whatever the case of its (often proper-noun) words."""
    ws = words(line[:_SAMPLE_CHARS])
    return len(ws) >= PROSE_MIN_WORDS and ends_sentence(line) and function_word_share(ws) >= 0.1


def is_hard_wrapped(lines: Sequence[str]) -> bool:
    """Was the text wrapped at a fixed width (e-mail, ``fmt``, Project-Gutenberg style)?

    Then no line is longer than ~100 characters and most lines sit close to the widest one.
    """
    lengths = [len(x.strip()) for x in lines if x.strip()]
    if len(lengths) < 4:
        return False
    width = max(lengths)
    if not 40 <= width <= 100:
        return False
    near = sum(n >= 0.6 * width for n in lengths)
    return near >= 0.6 * len(lengths)


def wrapped_groups(lines: Sequence[str], skip: set[int] | frozenset[int] = frozenset()) -> list[list[int]]:
    """Group line indices into wrapped paragraphs (one group per paragraph, blank lines left out).

    Plain-text files are often wrapped at ~70 characters, so one sentence spans several lines
    and no single line looks like prose. A line of six or more words that does not end a
    sentence continues into the next non-blank line when that one starts in lower case, or,
    in a hard-wrapped text, when the first line stops mid-sentence (on a lower-case word or a
    comma). Lines in ``skip`` (already removed) break paragraphs.
    """
    hard = is_hard_wrapped(lines)
    groups: list[list[int]] = []
    group: list[int] = []
    for i, x in enumerate(lines):
        s = x.strip()
        if not s or i in skip:
            if group:
                groups.append(group)
                group = []
            continue
        if group:
            prev = lines[group[-1]].strip()
            joins = (
                len(words(prev)) >= 6
                and not ends_sentence(prev)
                and (s[0].islower() or (hard and (prev[-1].islower() or prev[-1] == ",")))
            )
            if not joins:
                groups.append(group)
                group = []
        group.append(i)
    if group:
        groups.append(group)
    return groups


def wrapped_paragraphs(lines: Sequence[str], skip: set[int] | frozenset[int] = frozenset()) -> dict[int, str]:
    """Map each line index to the text of the wrapped paragraph it belongs to (see
    :func:`wrapped_groups`)."""
    out: dict[int, str] = {}
    for g in wrapped_groups(lines, skip):
        text = " ".join(lines[i].strip() for i in g)
        for i in g:
            out[i] = text
    return out


def noise_reasons(lines: Sequence[str]) -> dict[int, str]:
    """:func:`line_noise` for every line; in hard-wrapped text, judged on whole paragraphs.

    A document holding a Markdown table (an HTML extractor's rendering of a real table) keeps
    its table rows: there a row of cells is content, not page furniture.
    """
    noise = {i: r for i, x in enumerate(lines) if (r := line_noise(x))}
    if any(patterns.MD_TABLE_RULE.match(x) for x in lines):
        noise = {i: r for i, r in noise.items() if r != "table"}
    if is_hard_wrapped(lines):
        paras = wrapped_paragraphs(lines)
        judged: dict[str, str | None] = {}
        for i, text in paras.items():
            if text == lines[i].strip():
                continue
            if text not in judged:
                judged[text] = line_noise(text)
            r = judged[text]
            if r:
                noise[i] = r
            else:
                noise.pop(i, None)
    return noise


def _quoted_or_reported(line: str) -> bool:
    return bool(patterns.QUOTE_CHARS.search(line) or patterns.REPORTING.search(line))


def _separator_cells(line: str) -> list[str] | None:
    """Cells of a line built from ``|``, bullets or middots, when it has two or more separators."""
    if len(re.findall(r"[|\u2022\u00b7]", line)) < 2:
        return None
    cells = [c.strip() for c in re.split(r"[|\u2022\u00b7]+", line)]
    return [c for c in cells if patterns.ALNUM.search(c)]


def line_noise(line: str) -> str | None:
    """Why this line is boilerplate on its own, or ``None`` when it may be content.

    Reasons: ``junk`` (no letters or digits), ``markup``, ``table`` (a row of cells), ``nav``
    (a menu label or section heading of the page template), ``cta`` (a call to action or reader
    appeal), ``furniture`` (forum/shop/blog widgets, pagination, counters), ``credit`` (photo
    credit), ``copyright``, ``counter`` (listing counters such as "3 Pages", "0 comments"),
    ``tags`` (a keyword cloud).
    """
    s = line.strip()
    if not s:
        return None
    if not patterns.ALNUM.search(s):
        return "junk"
    if patterns.MARKUP.search(s):
        return "markup"
    if (s[0] in ",;)]}" and len(words(s)) <= 8) or (s[-1] in "»›" and len(s) <= 60):
        return "nav"  # a fragment of an inline list, or a "More »" style link
    if len(s) > _SAMPLE_CHARS:
        # every rule below is about short lines; a long one can only be a table row or a cloud
        ws = words(s[:_SAMPLE_CHARS])
        n = len(s.split())
    else:
        ws = words(s)
        n = len(ws)
    sentence_like = bool(ends_sentence(s)) and n >= PROSE_MIN_WORDS
    cells = _separator_cells(s)
    if cells is not None and not sentence_like:
        if s.startswith("|"):
            if "||" in s and len(cells) >= 2:
                return "table"  # a flattened layout table ("|Adult: ||28.- CHF |"), not "| a | b |"
        elif len(cells) >= 3 and sum(len(words(c)) for c in cells) / len(cells) <= 4:
            return "nav"  # "Privacy • Terms • Contact"
    dashed = re.split(r"\s[-\u2013]\s", s)
    if (
        len(dashed) >= 4
        and not sentence_like
        and not ends_sentence(s)
        and sum(len(words(c)) for c in dashed) / len(dashed) <= 3
    ):
        return "nav"  # a footer menu spaced with dashes: "Blog - Reviews - Events - Help"
    if n <= 8 and patterns.NAV_LINE.match(s):
        return "nav"
    if patterns.FURNITURE.match(s):
        return "furniture"
    if n <= 40 and (patterns.PHOTO_CREDIT.match(s) or patterns.TRAILING_CREDIT.search(s)):
        return "credit"
    reported = n <= 30 and _quoted_or_reported(s)
    if n <= 30 and patterns.CTA_START.match(s) and not reported:
        return "cta"
    appeals = {m.group(0).lower() for m in patterns.APPEAL.finditer(s)} if n <= 30 else set()
    if appeals and not reported:
        # "US" is a country, "us" a reader being addressed
        second_person = patterns.SECOND_PERSON.search(s)
        if (
            (second_person and n <= 30)
            or (len(appeals) >= 2 and n <= 15)
            or (n <= 6 and not re.search(r"\d", s))
        ):
            return "cta"
    if n <= 30 and (patterns.COPYRIGHT.search(s) or patterns.COOKIE_NOTICE.search(s)):
        return "copyright"
    if (
        n <= COOKIE_BANNER_WORDS
        and patterns.COOKIE_NOTICE.search(s)
        and patterns.SECOND_PERSON.search(s)
        and not _quoted_or_reported(s)
    ):
        return "copyright"  # a cookie banner talks to the reader at length ("if you continue browsing")
    items = [c for c in s.split(",") if c.strip()]
    if (
        len(items) >= 6
        and n / len(items) <= 3
        and function_word_share(ws) < 0.1
        and ":" not in s
        and not ends_sentence(s)
    ):
        return "tags"  # a keyword cloud: many short comma-separated items, no syntax
    if n <= 15 and patterns.COUNTER.search(s) and not ends_sentence(s):
        return "counter"
    return None


def repeated_appeal_blocks(lines: Sequence[str], noise: dict[int, str]) -> set[int]:
    """Indices of lines in blocks that recur inside the document and carry a reader appeal.

    A donation pitch or newsletter box pasted twice is boilerplate, and every copy goes. Blocks
    repeated *without* an appeal (forum quotes, pull quotes) are left alone: they are content.
    """
    keys = [norm_key(x) if x.strip() else "" for x in lines]
    counts = Counter(k for k in keys if k)
    out: set[int] = set()
    run: list[int] = []

    def flush() -> None:
        # the appeal must be a real part of the block, not one sign-up line in a repeated article
        appeal = sum(bool(patterns.APPEAL.search(lines[i]) or noise.get(i) == "cta") for i in run)
        if len(run) >= 2 and appeal and appeal >= APPEAL_BLOCK_SHARE * len(run):
            run_keys = {keys[i] for i in run}
            out.update(j for j, k in enumerate(keys) if k in run_keys)
        run.clear()

    for i, k in enumerate(keys):
        if not k:
            continue  # blank lines neither extend nor break a block
        if counts[k] >= 2:
            run.append(i)
        else:
            flush()
    flush()
    return out


def boilerplate_tail(lines: Sequence[str], removed: set[int], noise: dict[int, str]) -> int | None:
    """Start index of a boilerplate tail, or ``None``.

    The tail starts at the first boilerplate line after the last sentence that is not itself
    boilerplate; what follows holds no sentence, and boilerplate must make up most of it.
    """
    live = [i for i, x in enumerate(lines) if x.strip() and i not in removed]
    if not live:
        return None
    paras = wrapped_paragraphs(lines, removed)
    last_real = -1
    for i in live:
        text = paras.get(i, lines[i])
        if noise.get(i) is None and (is_prose(text) or is_sentence(text)):
            last_real = i
    if last_real < 0:
        return None
    # every non-blank line after it counts, including lines already removed as boilerplate
    tail = [i for i, x in enumerate(lines) if i > last_real and x.strip()]
    start = next((k for k, i in enumerate(tail) if i in removed or i in noise), None)
    if start is None:
        return None
    part = tail[start:]
    strong = sum(i in removed or i in noise for i in part)
    if strong * 2 < len(part):
        return None
    return part[0]


def _menu_item(line: str) -> bool:
    """A short label that does not read as a sentence: a menu entry, a board or section name."""
    s = line.strip()
    return len(words(s)) <= MENU_MAX_WORDS and not ends_sentence(s) and not is_prose(s)


def head_menu_runs(lines: Sequence[str], noise: dict[int, str]) -> set[int]:
    """Indices of menu runs in the page head: short labels between two template lines.

    Before the first sentence of a page, lines sitting between two lines of the template (a
    navigation label, a call to action, a copyright) belong to the same template when they are
    all short labels: the board list between "Sign in" and "Quick links". A single line between
    two template lines is left alone: that is where a headline sits ("Menu" / title / "Share").
    """
    first_prose = next(
        (i for i, x in enumerate(lines) if x.strip() and i not in noise and (is_prose(x) or is_sentence(x))),
        len(lines),
    )
    anchors = [i for i in range(first_prose) if noise.get(i) in TEMPLATE_REASONS]
    out: set[int] = set()
    for a, b in itertools.pairwise(anchors):
        gap = [i for i in range(a + 1, b) if lines[i].strip() and i not in noise]
        if len(gap) < MENU_MIN_LINES or not all(_menu_item(lines[i]) for i in gap):
            continue
        sizes = sorted(len(words(lines[i])) for i in gap)
        if sizes[len(sizes) // 2] <= MENU_MEDIAN_WORDS:
            out.update(gap)
    return out


def doubled_field_blocks(lines: Sequence[str], removed: set[int] | frozenset[int] = frozenset()) -> set[int]:
    """Indices of short-line blocks repeated a few lines apart that hold a record field.

    Forum and shop templates often render one widget twice (a user box for wide and narrow
    screens): "Posts: 334" / "the Netherlands" and, a few lines on, the same two lines again. A
    block of two or more short lines that recurs within :data:`DOUBLED_WINDOW` lines and holds
    a ``Label: value`` field is that widget; both copies go, and the short lines between them
    (the rest of the box: a rank, a join date). Repeats far apart (the same user's
    box on a later post) and repeats without a field (a song's chorus, a list) are left alone.
    """
    live = [i for i, x in enumerate(lines) if x.strip() and i not in removed]
    field = [bool(patterns.FIELD_LINE.match(lines[i].strip())) for i in live]
    if not any(field):
        return set()
    keys = [norm_key(lines[i]) for i in live]
    short = [
        bool(k) and len(words(lines[i])) <= DOUBLED_MAX_WORDS and not is_prose(lines[i])
        for i, k in zip(live, keys, strict=True)
    ]
    out: set[int] = set()
    for j in range(len(live)):
        if not short[j] or live[j] in out:
            continue
        for j2 in range(j + 1, len(live)):
            if live[j2] - live[j] > DOUBLED_WINDOW:
                break
            if keys[j2] != keys[j]:
                continue
            n = _common_run(keys, short, j, j2)
            if n >= 2 and any(field[j : j + n]):
                out.update(live[j : j + n])
                out.update(live[j2 : j2 + n])
                # what lies between the two copies is the widget too, when it is as short
                if all(short[t] for t in range(j + n, j2)):
                    out.update(live[j + n : j2])
    return out


def _common_run(keys: Sequence[str], flagged: Sequence[bool], j: int, j2: int) -> int:
    """How many flagged lines from ``j`` on repeat, key for key, the flagged lines from ``j2`` on
    (the first copy stops where the second begins)."""
    n = 0
    while j2 + n < len(keys) and j + n < j2 and flagged[j + n] and flagged[j2 + n] and keys[j + n] == keys[j2 + n]:
        n += 1
    return n


def _menu_like(block: Sequence[str]) -> bool:
    """Labels, not data: a median of at most :data:`MENU_MEDIAN_WORDS` words and figures in at
    most one line (a schedule or a price table repeats too, and it is content)."""
    sizes = sorted(len(words(x)) for x in block)
    with_digits = sum(bool(re.search(r"\d", x)) for x in block)
    return sizes[len(sizes) // 2] <= MENU_MEDIAN_WORDS and with_digits <= 1


def repeated_menus(lines: Sequence[str], removed: set[int] | frozenset[int] = frozenset()) -> set[int]:
    """Indices of menus printed twice: :data:`REPEATED_MENU_LINES` or more short labels that
    recur, in the same order, elsewhere in the document (a category menu at the top and again
    at the foot of a shop page). Both copies go. Labels only: repeated sentences (a quoted
    post) are never touched, a repeated chorus is rarely six short labels long, and a block
    with figures in it (a day plan, a price table) is data, not a menu.
    """
    live = [i for i, x in enumerate(lines) if x.strip() and i not in removed]
    keys = [norm_key(lines[i]) for i in live]
    item = [bool(k) and _menu_item(lines[i]) for i, k in zip(live, keys, strict=True)]
    where: dict[str, list[int]] = {}
    for j, k in enumerate(keys):
        if item[j]:
            where.setdefault(k, []).append(j)
    out: set[int] = set()
    for j in range(len(live)):
        if not item[j] or live[j] in out:
            continue
        copies = where[keys[j]]
        if len(copies) > REPEATED_MENU_MAX_COPIES:
            continue  # a label on every card of a listing, not a menu printed again (and no O(n^2))
        for j2 in copies:
            if j2 <= j:
                continue
            if j and item[j - 1] and item[j2 - 1] and keys[j - 1] == keys[j2 - 1] and j2 - 1 > j:
                continue  # inside a longer repeated block: that block is judged whole
            n = _common_run(keys, item, j, j2)
            block = [lines[live[t]] for t in range(j, j + n)]
            if n >= REPEATED_MENU_LINES and _menu_like(block):
                out.update(live[j : j + n])
                out.update(live[j2 : j2 + n])
    return out


def is_listing(lines: Sequence[str], candidates: Sequence[int], prose: dict[int, bool]) -> bool:
    """Is this page a listing (products, links, menus) rather than running text?

    Judged on the prose it holds (``prose`` flags each candidate line): no prose line at all,
    a single one, or only a sliver of its characters in prose lines. Such a page is furniture,
    and its non-prose lines are noise. The prose test is built on English function words, so a
    page in another language reads as a listing too: claimgraph's extractors are English-only.
    """
    if len(candidates) < 3:
        return False
    total = in_prose = n_prose = 0
    for i in candidates:
        n = len(lines[i].strip())
        total += n
        if prose.get(i):
            in_prose += n
            n_prose += 1
    if not total:
        return False
    share = in_prose / total
    return n_prose == 0 or share < LISTING_PROSE_SHARE or (n_prose == 1 and share < LONE_SENTENCE_SHARE)
