"""Metadata read from the text itself: headline, byline and author bio, outlet name, date.

Known metadata from a record always wins; these guesses fill the gaps. Every function works on
the list of lines and returns indices, so the caller can remove bylines and bios from the body.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from urllib.parse import urlsplit

from claimgraph.lexicon.dates import MONTH_NUMBERS
from claimgraph.lexicon.names import GENERIC_CAPITALISED, NAME_PARTICLES, NOT_A_NAME

from . import patterns
from .boilerplate import words
from .dates import valid_day

# How far from the start (or end) of a document bylines and headlines are looked for.
HEAD_LINES = 8
FOOT_LINES = 8


def non_blank(lines: Sequence[str]) -> list[int]:
    """Indices of the lines that are not empty."""
    return [i for i, x in enumerate(lines) if x.strip()]


# ---------------------------------------------------------------- headline

def looks_like_headline(line: str) -> bool:
    """A short line, no final full stop, mostly capitalised words or a question: a headline."""
    s = line.strip()
    ws = words(s)
    if not 3 <= len(ws) <= 30 or len(s) > 220:
        return False
    if s.endswith((".", ",", ";", ":")) and not s.endswith("..."):
        return False
    if "|" in s or patterns.URL_ONLY.match(s):
        return False
    alpha = [w for w in ws if patterns.LETTER.match(w)]
    if not alpha:
        return False
    caps = sum(w[0].isupper() for w in alpha)
    return caps / len(alpha) >= 0.5 or s.endswith(("?", "!"))


def _sentence_case_headline(line: str, following: str | None) -> bool:
    """A sentence-case headline ("Storm forces boats out of harbour"): a short capitalised line
    without final punctuation, followed by a longer paragraph."""
    s = line.strip()
    n = len(words(s))
    return (
        4 <= n <= 20 and s[:1].isupper() and not s.endswith((".", ",", ";", ":"))
        and following is not None and len(words(following)) > 2 * n
    )


def guess_title(lines: Sequence[str], skip: set[int]) -> int | None:
    """Index of the headline: the first kept line near the top when it looks like one."""
    top = non_blank(lines)[:3]
    live = [i for i in non_blank(lines) if i not in skip][:2]
    if not live or live[0] not in top:
        return None
    first = live[0]
    following = lines[live[1]] if len(live) > 1 else None
    if looks_like_headline(lines[first]) or _sentence_case_headline(lines[first], following):
        return first
    return None


# ---------------------------------------------------------------- byline, author, bio

def clean_name(name: str) -> str | None:
    """Validate a person's name from a byline: 2-6 capitalised tokens, no digits, no weekday."""
    name = re.sub(r"\s+", " ", name).strip(" ,.;:-|")
    # "Jane Roe, Reuters": a one-word part after a comma is an agency or a place, not a person
    parts = [p.strip() for p in name.split(",")]
    while len(parts) > 1 and len(parts[-1].split()) < 2:
        parts.pop()
    name = ", ".join(parts)
    if name.isupper():
        name = name.title()
    toks = name.split()
    if not 2 <= len(toks) <= 8 or re.search(r"\d", name):
        return None
    if toks[0].lower() in NOT_A_NAME:
        return None
    people = [t for t in toks if t.lower() not in NAME_PARTICLES]
    if not people or not all(t[0].isupper() for t in people):
        return None
    return name


def find_byline(lines: Sequence[str], skip: set[int]) -> tuple[int, str] | None:
    """A byline line near the top or the bottom of the document, with the author's name."""
    idx = [i for i in non_blank(lines) if i not in skip]
    for i in idx[:HEAD_LINES] + idx[-FOOT_LINES:]:
        s = lines[i].strip()
        if len(words(s)) > 16:
            continue
        m = patterns.BYLINE.match(s)
        if not m:
            continue
        name = clean_name(m.group("name"))
        if name:
            return i, name
    return None


def _name_forms(author: str) -> list[str]:
    toks = [t for t in re.split(r"\s*(?:,|\band\b|&)\s*", author) if t.strip()]
    forms = []
    for t in toks:
        t = t.strip()
        forms.append(t)
        parts = t.split()
        if len(parts) >= 2:
            forms.append(parts[-1])  # "Ditz is ..." as well as "Jason Ditz is ..."
    return [f for f in forms if f]


def is_bio(line: str, author: str) -> bool:
    """Does the line start with the author's name followed by a biographical verb?"""
    s = line.strip().lstrip("*_—–- ")
    for form in _name_forms(author):
        if s.startswith(form) and patterns.BIO_VERB.match(s[len(form):].lstrip(" ,")):
            return True
    return False


def find_bios(lines: Sequence[str], author: str, skip: set[int], byline: int | None) -> set[int]:
    """Author-bio paragraphs: right after the byline, or among the last lines of the document."""
    idx = [i for i in non_blank(lines) if i not in skip]
    cand: list[int] = []
    if byline is not None:
        cand += [i for i in idx if i > byline][:2]
    cand += idx[-3:]
    return {i for i in cand if is_bio(lines[i], author)}


# ---------------------------------------------------------------- outlet

def outlet_from_url(url: str | None) -> str | None:
    """The site's host without ``www.``, e.g. ``example.com``; ``None`` for no usable host."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    host = re.sub(r"^(?:www\d?|m|amp|mobile|edition)\.", "", host.lower())
    return host or None


def _cap_runs(text: str) -> Iterable[list[str]]:
    """Runs of capitalised (or all-caps) words: candidate proper names."""
    for sent in re.split(r"[.!?:;\n\u2014\u2013|()\[\]\"\u201c\u201d]+", text):
        run: list[str] = []
        for tok in re.findall(r"[A-Za-z][A-Za-z'\u2019-]*", sent):
            tok = re.sub(r"['\u2019]s?$", "", tok)
            if tok[:1].isupper() and tok.lower() not in GENERIC_CAPITALISED:
                run.append(tok)
            else:
                if run:
                    yield run
                run = []
        if run:
            yield run


def recurring_name(texts: Sequence[str], exclude: Iterable[str] = ()) -> str | None:
    """The proper name that recurs most in boilerplate (the outlet names itself in its pitches)."""
    banned = {w.lower() for e in exclude for w in e.split()}
    counts: Counter[tuple[str, ...]] = Counter()
    surface: dict[tuple[str, ...], Counter[str]] = {}
    for t in texts:
        for run in _cap_runs(t):
            for n in range(1, min(4, len(run)) + 1):
                for k in range(len(run) - n + 1):
                    gram = run[k:k + n]
                    key = tuple(g.lower() for g in gram)
                    if any(g in banned for g in key):
                        continue
                    counts[key] += 1
                    surface.setdefault(key, Counter())[" ".join(gram)] += 1
    if not counts:
        return None
    # prefer the longest n-gram among those (nearly) as frequent as the most frequent one
    top = max(counts.values())
    if top < 3:
        return None
    best = max((k for k, c in counts.items() if c >= 0.8 * top), key=lambda k: (len(k), counts[k]))
    # "SUPPORT THE LEDGER" and "Harbor Ledger": the full name is the longer run that holds the
    # frequent word in a good share of its uses
    longer = [k for k, c in counts.items() if len(k) > len(best) and c >= 0.4 * counts[best]
              and any(k[i:i + len(best)] == best for i in range(len(k) - len(best) + 1))]
    if longer:
        best = max(longer, key=lambda k: (counts[k], len(k)))
    forms = surface[best]
    # a mixed-case spelling reads better than the ALL-CAPS one of a heading
    form = max(forms, key=lambda f: (not f.isupper(), forms[f]))
    return form if not form.isupper() else form.title()


def domain_mention(texts: Sequence[str]) -> str | None:
    """A site name written as a domain (``Example.com``), most frequent first."""
    c: Counter[str] = Counter()
    for t in texts:
        c.update(m.group("name") for m in patterns.DOMAIN_MENTION.finditer(t))
    return c.most_common(1)[0][0] if c else None


def name_for_domain(domain: str, texts: Sequence[str]) -> str | None:
    """The spelled-out name matching a domain (``motherjones.com`` -> "Mother Jones") if written."""
    label = domain.split(".")[0].replace("-", "")
    for t in texts:
        for run in _cap_runs(t):
            for n in range(1, min(5, len(run)) + 1):
                for k in range(len(run) - n + 1):
                    gram = run[k:k + n]
                    if "".join(gram).lower() == label:
                        return " ".join(gram)
    return None


# ---------------------------------------------------------------- date

def _iso(y: str, m: str, d: str) -> str | None:
    mm = int(m) if m.isdigit() else MONTH_NUMBERS.get(m[:3].lower())
    if not mm:
        return None
    return valid_day(int(y), mm, int(d))  # the same calendar check as record dates: no 31 February


def find_date(line: str) -> str | None:
    """The first full date (``March 3, 2017``, ``3 March 2017``, ``2017-03-03``) in a line."""
    for rx in (patterns.DATE_ISO, patterns.DATE_MDY, patterns.DATE_DMY):
        m = rx.search(line)
        if m:
            iso = _iso(m.group("y"), m.group("m"), m.group("d"))
            if iso:
                return iso
    return None


def guess_published(lines: Sequence[str], prefer: Iterable[int] = ()) -> str | None:
    """Publication date: on a byline or dated line first, then in the first few lines."""
    idx = non_blank(lines)
    order = list(prefer) + [i for i in idx if patterns.DATE_CUE.search(lines[i]) and len(words(lines[i])) <= 20]
    order += [i for i in idx[:HEAD_LINES] if len(words(lines[i])) <= 12]  # a dateline, not a sentence
    for i in order:
        d = find_date(lines[i])
        if d:
            return d
    return None
