"""Clean one plain-text article: repair characters, drop boilerplate lines, read metadata.

The output keeps whole lines of the repaired input, in order, so nothing is ever invented and
every kept line can be traced back to the source. Paragraph breaks (blank lines) are kept, with
runs of blank lines left by removed boilerplate collapsed to one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import boilerplate, metadata
from .mojibake import fix_text


@dataclass
class CleanResult:
    """The cleaned body text plus what was removed and the metadata found."""

    text: str  # cleaned body text; keeps the original LINE structure of kept lines
    removed: list[str]  # boilerplate lines removed (for audit and outlet detection)
    title: str | None
    author: str | None
    outlet: str | None
    published: str | None  # ISO date YYYY-MM-DD when found in the text
    # Offset in ``text`` where the body starts after a headline line kept at its top (0 if none),
    # for callers that want the body without the headline.
    body_start: int = 0
    reasons: dict[str, int] = field(default_factory=dict)  # removed-line counts per reason


def _guess_outlet(url: str | None, removed: list[str], kept: list[str], author: str | None) -> str | None:
    domain = metadata.outlet_from_url(url)
    if domain:
        name = metadata.name_for_domain(domain, removed + kept)
        return name or domain[:1].upper() + domain[1:]
    return metadata.domain_mention(removed) or metadata.recurring_name(
        removed, exclude=[author] if author else []
    )


# Reasons of the template rules that remove runs of short lines (see line_reasons).
_TEMPLATE_RUNS = frozenset({"menu", "doubled"})


@dataclass
class Found:
    """What :func:`line_reasons` noticed on the way: headline and byline lines, author name."""

    title_idx: int | None = None
    byline_idx: int | None = None
    author: str | None = None


def line_reasons(
    lines: list[str], author: str | None = None, *, extracted: bool = False
) -> tuple[dict[int, str], Found]:
    """Decide which lines of a repaired text are boilerplate.

    Returns ``{line index: reason}`` for the removed lines and what was found on the way.
    ``extracted``: the text is an HTML extractor's main content, so the page-level listing rule
    (which judges whole pages) is off and separator lines stay. Exposed for auditing and tests.
    """
    why: dict[int, str] = {}
    noise = boilerplate.noise_reasons(lines)
    if extracted:
        # separators ("___", "* * *") inside extracted main content are section breaks
        noise = {i: r for i, r in noise.items() if r != "junk"}
    why.update(noise)
    for i in boilerplate.repeated_appeal_blocks(lines, noise):
        why.setdefault(i, "repeated")
    for i in boilerplate.head_menu_runs(lines, noise):
        why.setdefault(i, "menu")
    for i in boilerplate.doubled_field_blocks(lines, set(why)):
        why.setdefault(i, "doubled")
    for i in boilerplate.repeated_menus(lines, set(why)):
        why.setdefault(i, "menu")

    byline = metadata.find_byline(lines, set())
    found_author = byline[1] if byline else None
    if byline:
        why[byline[0]] = "byline"
    the_author = author or found_author
    if the_author:
        bios = metadata.find_bios(lines, the_author, set(why), byline[0] if byline else None)
        for group in boilerplate.wrapped_groups(lines):
            if bios.intersection(group):
                for i in group:
                    why[i] = "bio"

    title_idx = metadata.guess_title(lines, set(why))
    tail = boilerplate.boilerplate_tail(lines, set(why), noise)
    if tail is not None:
        for i in range(tail, len(lines)):
            if lines[i].strip():
                why.setdefault(i, "tail")

    live = [i for i in metadata.non_blank(lines) if i not in why]
    paras = boilerplate.wrapped_paragraphs(lines, set(why))
    prose = {i: boilerplate.is_running_text(paras.get(i, lines[i])) for i in live}
    # menu and widget lines still show what the page is made of: removing them first must not
    # turn a listing into a page that looks like prose
    judged = sorted([*live, *(i for i, r in why.items() if r in _TEMPLATE_RUNS)])
    prose.update((i, False) for i in judged if i not in prose)
    if not extracted and boilerplate.is_listing(lines, judged, prose):
        for i in live:
            if i != title_idx and not prose[i]:
                why[i] = "listing"
    return why, Found(title_idx, byline[0] if byline else None, found_author)


def clean_text(
    text: str,
    *,
    title: str | None = None,
    author: str | None = None,
    outlet: str | None = None,
    url: str | None = None,
    extracted: bool = False,
) -> CleanResult:
    """Clean one already-decoded plain-text article.

    Known metadata (from a record) wins over what is guessed from the text. Removed: repeated
    blocks carrying a reader appeal (every copy), calls to action and navigation lines, photo
    credits, bylines and author bios, menu runs in the page head, widgets and menus printed
    twice, a boilerplate tail after the last prose line, and on pages that are listings rather
    than prose, every line that is not a sentence.

    Pass ``extracted=True`` for text that an HTML main-content extractor (trafilatura) already
    chose: the page-level listing rule is then off, since the extractor judged the page, and
    separator lines ("___") stay as the section breaks they are.
    """
    fixed = fix_text(text or "")
    lines = fixed.split("\n")
    why, found = line_reasons(lines, author, extracted=extracted)
    title_idx, byline_idx = found.title_idx, found.byline_idx
    the_author = author or found.author

    kept: list[str] = []
    body_start = 0
    for i, x in enumerate(lines):
        if i in why:
            continue
        if not x.strip():
            if kept and kept[-1]:
                kept.append("")
            continue
        if i == title_idx and not kept:
            body_start = len(x) + 1
        kept.append(x)
    while kept and not kept[-1]:
        kept.pop()
    body = "\n".join(kept)
    if body_start:
        rest = body[body_start:]
        body_start += len(rest) - len(rest.lstrip("\n"))
        body_start = min(body_start, len(body))

    removed = [lines[i].strip() for i in sorted(why) if lines[i].strip()]
    reasons: dict[str, int] = {}
    for r in why.values():
        reasons[r] = reasons.get(r, 0) + 1
    kept_lines = [x for x in kept if x]
    return CleanResult(
        text=body,
        removed=removed,
        title=title or (lines[title_idx].strip() if title_idx is not None else None),
        author=the_author,
        outlet=outlet or _guess_outlet(url, removed, kept_lines, the_author),
        published=metadata.guess_published(lines, [byline_idx] if byline_idx is not None else []),
        body_start=body_start,
        reasons=reasons,
    )
