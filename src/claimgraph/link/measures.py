"""Measures: what a quantity is about, read from the words around it.

Each quantity of a claim becomes a :class:`Mention` carrying the features two mentions are
matched on: the counted noun's head lemma ("IS fighters" and "ISIS fighters" -> ``fighter``),
the predicate class of the nearest verb ("left", "escaped" -> ``depart``), places, times, the
local context words, and flags that put the number in another scope (a subgroup, an increment,
a rate, an expectation). Two amounts of people in one sentence joined by "with"/"and" also make
a *sum* mention (fighters + family members = people in all), so a total from another source can
be checked against the sum of parts.

Everything here is per document; :mod:`claimgraph.link.compare` groups mentions of a story by a
blocking key (:func:`block_key`) and decides which ones measure the same thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from claimgraph.extract.quantity_context import bound_of, has_phrase, phrase_regex
from claimgraph.extract.when import clause_day
from claimgraph.lexicon.dates import MONTHS, RELATIVE_TIMES, WEEKDAYS
from claimgraph.lexicon.inflection import singular, word_forms
from claimgraph.lexicon.measures import (
    ADDITIVE_JOINS,
    CATEGORY_TOTALS,
    COUNTED_PERSON_NOUNS,
    DEATH_HEADS,
    DIFFERENCE_PHRASES,
    GENERIC_HEADS,
    HEAD_SYNONYMS,
    INCREMENT_MARKERS,
    IRREGULAR_NOUNS,
    MODAL_WORDS,
    NEGATION_BRIDGES,
    NEGATIONS,
    NOT_PLURAL,
    PERSON_PREDICATES,
    PLACE_PREPOSITIONS,
    PREDICATES,
    RATE_PHRASES,
    REVISION_PHRASES,
    RUNNING_PHRASES,
    SCOPE_JOINS,
    SCOPE_MARKERS,
    SCOPE_PHRASES,
    SUBSET_JOINS,
    UNSPECIFIC_HEADS,
)
from claimgraph.lexicon.names import NOT_PLACES
from claimgraph.lexicon.numbers import NUMBER_WORDS
from claimgraph.lexicon.quantities import EXCLUSIVE_COUNT_WORDS, INVENTORY_CUES
from claimgraph.lexicon.stopwords import MEASURE_STOPWORDS
from claimgraph.link.settings import CompareOptions
from claimgraph.link.shown_units import PLAIN, ShownUnit, shown_unit
from claimgraph.model import Article, Claim, Quantity

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]|\d[\d,.]*\d|\d")
# Hard stops for the local window: clause punctuation and dashes.
_HARD_STOP = re.compile(r"[;:()\[\]—–\n]|\s-\s|[.!?](?=\s|$)")
_COMMA = re.compile(r",")
_LEFT_JOIN_STOPS = frozenset({"and", "or", "but", "while", "whereas"})
_SENT_END = re.compile(r"[.!?][\"'”’)]*\s+|\n")
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
# Window sizes (words) around a figure: CompareOptions.local_left, local_right, clause_left.
DEFAULTS = CompareOptions()
# How far (characters) a predicate may stand from its figure: near, or further left in the same
# sentence ("the death toll from the alleged attack had reached 322").
_PREDICATE_NEAR, _PREDICATE_REACH = 40, 70
_PREDICATE_SLACK = 6  # predicates this much further than the nearest count too
_AGE = re.compile(r"^\W*(?:-?\s*years?[- ]old|-?\s*months?[- ]old)\b|year-old|\baged\b", re.I)


# ---------------------------------------------------------------- words


@lru_cache(maxsize=65536)
def noun_lemma(word: str) -> str:
    """Singular lower-case form of a noun ("families" -> "family", "people" -> "person")."""
    w = word.lower().strip("'’").removesuffix("'s").removesuffix("’s")
    if w in IRREGULAR_NOUNS:  # the lexicon's own foldings ("people" -> person, "cops" -> officer)
        return IRREGULAR_NOUNS[w]
    if len(w) <= 3 or w in NOT_PLURAL or not w.isalpha():
        return w
    return singular(w)


_SUFFIXES = ("ments", "ment", "ings", "ing", "ional", "ions", "ion", "ures", "ure", "ed", "al", "ly")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude stem for context overlap: plurals and common suffixes folded ("closed" ~ "closure")."""
    w = noun_lemma(word)
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 4:
            w = w[: -len(suf)]
            break
    return w.removesuffix("e") if len(w) > 4 else w


def _predicate_regex() -> tuple[re.Pattern[str], dict[str, str]]:
    form_class: dict[str, str] = {}
    for cls, forms in PREDICATES.items():
        for f in forms:
            for g in word_forms(f) if f.isalpha() else (f,):
                form_class.setdefault(g, cls)
    alts = sorted(form_class, key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(a) for a in alts) + r")\b"), form_class


_PRED_RE, _PRED_CLASS = _predicate_regex()


def _words(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start() + offset, m.end() + offset) for m in _TOKEN.finditer(text)]


def _content(word: str) -> bool:
    lw = word.lower()
    return lw not in MEASURE_STOPWORDS and lw not in NUMBER_WORDS and not lw[0].isdigit() and len(lw) > 1


# ---------------------------------------------------------------- the mention


@dataclass(slots=True)
class Mention:
    """One quantity (or a sum of quantities) of one claim, with what it is about."""

    id: str
    doc_id: str
    claim_ids: tuple[str, ...]
    text: str  # the quantity as written ("Some 250 IS fighters"; "250 ... + 3,500 ..." for sums)
    kind: str  # count | money | percent | measure
    unit: str | None  # currency, normalised unit or "percent"; None for counts
    head: str | None  # counted noun head lemma
    counted: str | None  # counted noun phrase as written
    value: float | None
    low: float | None
    high: float | None
    approx: bool
    bound: str  # exact | approx | range | lower | upper | upper_figure | near_below
    tolerance: float  # half the written precision ("4,000" -> 500, capped at 10 %)
    context: dict[str, str] = field(default_factory=dict)  # stem -> word as written (local window)
    proper: frozenset[str] = frozenset()  # stems of capitalised context words
    sentence: frozenset[str] = frozenset()  # content stems of the whole sentence
    predicates: frozenset[str] = frozenset()
    predicate_words: tuple[str, ...] = ()
    places: frozenset[str] = frozenset()  # as written; compared case-insensitively
    times: frozenset[str] = frozenset()
    # scope | increment | rate | running | modal | negated | exclusive | inventory
    flags: frozenset[str] = frozenset()
    age_of: str | None = None  # whose age this is (a surname), for ages
    tally: int | None = None  # 1 or 2: the first or second count of a vote tally
    qualifiers: frozenset[str] = frozenset()  # lower-case modifiers of the counted noun ("state")
    words: frozenset[str] = frozenset()  # lemmas of the counted phrase, for blocking
    rare: frozenset[str] = frozenset()  # context stems few other mentions of the story share
    wide: frozenset[str] = frozenset()  # context stems of a wider window, across commas
    parts: tuple[Mention, ...] = ()  # for sums: the mentions added up
    start: int = 0
    sentence_text: str = ""
    # filled in by provenance: who says it, its independent origin, and its copy group
    source: str = ""
    source_label: str = ""
    speaker: str = ""  # normalised speaker name; empty for the outlet's own voice
    origin: str = ""
    copy_group: str = ""
    published: str | None = None
    outlet: str = ""
    speaker_name: str = ""  # the claim's speaker as resolved (empty: the outlet's own voice)
    day: str | None = None  # ISO day the figure's own words name, if they name exactly one
    iv: tuple[float, float] | None = None  # cache of compare.interval()
    reach: float = 3.0  # how far a bound reaches when read as a figure (CompareOptions.bound_reach)
    shown: ShownUnit = PLAIN  # the unit as written, for explanations in the reader's unit

    @property
    def is_sum(self) -> bool:
        return bool(self.parts)

    @property
    def negated(self) -> bool:
        """A figure denied rather than asserted ("there are not 23 million unemployed")."""
        return "negated" in self.flags

    @property
    def index(self) -> int | None:
        """The quantity's index in its claim (None for a sum of parts)."""
        return None if self.parts else int(self.id.rsplit("/q", 1)[1])

    @property
    def is_age(self) -> bool:
        """An age ("18-year-old", "aged 33"): ages of different people are never one measure."""
        return self.kind == "age" or bool(_AGE.search(self.text) or
                                          _AGE.search(self.sentence_text[self._offset():][:40]))

    def _offset(self) -> int:
        i = self.sentence_text.find(self.text)
        return i + len(self.text) if i >= 0 else len(self.sentence_text)

    @property
    def category(self) -> str | None:
        return "person" if self.head in COUNTED_PERSON_NOUNS else None

    def figure(self) -> float | None:
        """One representative number: the value, a bound, or the middle of a range."""
        if self.value is not None:
            return self.value
        if self.low is not None and self.high is not None:
            return (self.low + self.high) / 2
        return self.low if self.low is not None else self.high


# ---------------------------------------------------------------- precision and bounds


def written_tolerance(q: Quantity, value: float | None) -> float:
    """Half the last written digit's place: "4,000" -> 500, "1.6 million" -> 50,000, "5,687.75" -> 0.005.

    Capped at 10 % of the value, so "100" is not read as anything from 50 to 150; small whole
    numbers ("20") are taken as exact.
    """
    if value is None or value == 0:
        return 0.0
    m = _DIGITS.search(q.text or "")
    if not m:  # written in words: "two", "a dozen"
        return min(0.5, abs(value) * 0.1)
    digits = m.group().replace(",", "")
    try:
        written = float(digits)
    except ValueError:
        return 0.0
    scale = abs(value) / written if written else 1.0
    if "." in digits:
        place = 10.0 ** -len(digits.split(".", 1)[1])
    elif written < 100 and scale <= 1.5:  # "20 children" is twenty, not "about twenty"
        place = 1.0
    else:
        stripped = digits.rstrip("0")
        place = 10.0 ** (len(digits) - len(stripped)) if stripped else 1.0
    # a scale word ("1.6 million") keeps the written place; digits alone keep theirs
    return min(0.5 * place * (scale if scale > 1.5 else 1.0), abs(value) * 0.1)


# "+" also bounds from below wherever it stands in the quantity ("5,000+ people").
def _unit(q: Quantity) -> str | None:
    if q.kind == "percent":
        return "percent"
    norm = q.normalized or {}
    if q.kind == "measure" and norm.get("unit"):
        return str(norm["unit"]).lower()
    return (q.unit or "").lower() or None


def _values(q: Quantity) -> tuple[float | None, float | None, float | None]:
    norm = q.normalized or {}
    if q.kind == "measure" and norm.get("unit"):
        def f(key: str, raw: float | None) -> float | None:
            v = norm.get(key)
            return float(v) if isinstance(v, int | float) and not isinstance(v, bool) else raw
        factor = None
        if q.value and isinstance(norm.get("value"), int | float):
            factor = float(norm["value"]) / q.value
        low = f("low", q.low * factor if factor and q.low is not None else q.low)
        high = f("high", q.high * factor if factor and q.high is not None else q.high)
        return f("value", q.value), low, high
    return q.value, q.low, q.high


# ---------------------------------------------------------------- counted noun


def _noun_like(word: str) -> bool:
    """Whether a word right after a bare number can be what it counts: not a verb form or a
    preposition ("322 including 54 children", "2,001 injured"); "1,300 dead" names the dead."""
    w = word.lower()
    if w in DEATH_HEADS:
        return True
    return not (w in _PRED_CLASS or w.endswith(("ing", "ed")) or w in SUBSET_JOINS)


def head_of(q: Quantity, text: str) -> tuple[str | None, str | None, set[str]]:
    """``(head lemma, counted phrase, modifier lemmas)`` of a counted quantity."""
    counted = (q.counted or "").strip()
    if not counted:
        # fall back on the last word of the quantity, or the word right after it
        words = [w for w, _, _ in _words(q.text or "") if _content(w)]
        if words:
            counted = words[-1]
        else:
            nxt = _words(text[q.end:q.end + 40])
            if nxt and nxt[0][0].isalpha() and nxt[0][0].islower() and _content(nxt[0][0]) \
                    and _noun_like(nxt[0][0]):
                counted = nxt[0][0]
    if not counted:
        return None, None, set()
    main = re.split(r"\s+(?:of|in|at|on|for|from|who|that|which)\s+", counted, maxsplit=1)
    words = [w for w, _, _ in _words(main[0]) if w.lower() not in MEASURE_STOPWORDS and not w[0].isdigit()]
    words = [w for w in words if w.lower() not in NUMBER_WORDS]
    if not words:
        return None, counted, set()
    mods = {noun_lemma(w) for w in words[:-1]}
    if len(main) > 1:
        mods |= {noun_lemma(w) for w, _, _ in _words(main[1]) if _content(w)}
    return noun_lemma(words[-1]), counted, mods


# ---------------------------------------------------------------- windows


def sentence_bounds(text: str, claim: Claim, pos: int) -> tuple[int, int]:
    """The sentence around ``pos``: the claim's when it holds ``pos``, else found by punctuation."""
    s, e = claim.sentence_start, claim.sentence_end
    if s is not None and e is not None and s <= pos <= e:
        return s, e
    start = 0
    for m in _SENT_END.finditer(text, max(0, pos - 600), pos):
        start = m.end()
    m = _SENT_END.search(text, pos)
    return start, (m.start() + 1 if m else len(text))


def _left_window(text: str, lo: int, hi: int, limit: int, stop_commas: bool) -> list[tuple[str, int, int]]:
    seg = text[lo:hi]
    cut = 0
    for m in _HARD_STOP.finditer(seg):
        cut = m.end()
    if stop_commas:
        for m in _COMMA.finditer(seg):
            cut = max(cut, m.end())
    words = _words(seg[cut:], lo + cut)
    if stop_commas:
        for i in range(len(words) - 1, -1, -1):
            if words[i][0].lower() in _LEFT_JOIN_STOPS:
                words = words[i + 1:]
                break
    return words[-limit:]


def _right_window(text: str, lo: int, hi: int, limit: int) -> list[tuple[str, int, int]]:
    seg = text[lo:hi]
    m = _HARD_STOP.search(seg)
    c = _COMMA.search(seg)
    cut = min(x.start() for x in (m, c) if x) if (m or c) else len(seg)
    return _words(seg[:cut], lo)[:limit]


def _places(text: str, words: list[tuple[str, int, int]]) -> set[str]:
    out = set()
    for i, (w, _, _) in enumerate(words[:-1]):
        if w.lower() not in PLACE_PREPOSITIONS:
            continue
        j = i + 1
        if j < len(words) and words[j][0].lower() == "the":
            j += 1
        name = []
        while j < len(words) and words[j][0][0].isupper() and words[j][0].lower() not in NOT_PLACES:
            name.append(words[j][0])
            j += 1
        if name:
            out.add(" ".join(name))
    return out


def places_in(text: str) -> set[str]:
    """Places named after a preposition ("in Raqqa", "from the Deir Ezzor Province")."""
    return _places(text, _words(text))


def predicate_classes(text: str) -> frozenset[str]:
    """Predicate classes of every predicate word in ``text``."""
    return frozenset(_PRED_CLASS[m.group()] for m in _PRED_RE.finditer(text.lower()))


def _times(low_text: str, words: list[tuple[str, int, int]]) -> set[str]:
    out = {w.lower() for w, _, _ in words if w.lower() in WEEKDAYS or
           (w.lower() in MONTHS and w[0].isupper() and w.lower() != "may")}
    out |= {w for w, _, _ in words if re.fullmatch(r"(19|20)\d\d", w)}
    out |= {m.group() for m in phrase_regex(RELATIVE_TIMES).finditer(low_text)}
    return out


def parse_predicates(q: Quantity) -> frozenset[str]:
    """Predicate classes of the verb the parse says governs the figure, or of its subject."""
    return frozenset(_PRED_CLASS[w] for w in (q.predicate, q.subject) if w and w in _PRED_CLASS)


_CLAUSE_JOIN = re.compile(r"\s(?:and|while|whereas|but)\s|;")


def _predicates(text: str, s0: int, s1: int, q: Quantity) -> tuple[frozenset[str], tuple[str, ...]]:
    """Predicate classes nearest the quantity between its neighbouring figures in the sentence.

    Within about 40 characters on either side; failing that, further left (the subject of "had
    reached 322"), never further right (that is the next clause's verb). ``s0``/``s1`` stop at the
    neighbouring figures, so "killed" in "525 were killed and 3,700 injured" is not 3,700's.
    """
    low = text[s0:s1].lower()
    found = []
    for m in _PRED_RE.finditer(low):
        a, b = m.start() + s0, m.end() + s0
        if q.start <= a < q.end:  # inside the quantity itself: its own words ("10 killed")
            dist = 0
        else:
            dist = a - q.end if a >= q.end else q.start - b
            if b <= q.start and _CLAUSE_JOIN.search(text, b, q.start):
                continue  # "275 had been killed and 2,001 injured": the verb of the clause before
        if dist <= _PREDICATE_NEAR or (b <= q.start and dist <= _PREDICATE_REACH):
            # a verb before the figure across a comma may be another clause's (see below)
            comma = b <= q.start and "," in text[b:q.start]
            found.append((dist, _PRED_CLASS[m.group()], text[a:b], comma))
    if any(a_comma for *_, a_comma in found) and any(d <= _PREDICATE_NEAR and not c for d, *_, c in found):
        # "Besides the 13 who were killed, eight people were injured": its own verb is the near one
        found = [f for f in found if not f[3]]
    if not found:
        return frozenset(), ()
    best = min(d for d, *_ in found)
    near = [(c, w) for d, c, w, _ in found if d <= best + _PREDICATE_SLACK]
    return frozenset(c for c, _ in near), tuple(w for _, w in near)


# ---------------------------------------------------------------- building mentions


def _is_negation(word: str) -> bool:
    w = word.lower().replace("’", "'")
    return w in NEGATIONS or w.endswith("n't")


def _denied(clause_left: list[tuple[str, int, int]], own: str) -> bool:
    """Whether the figure itself is denied: a negation right before it, with only a copula, an
    auxiliary, an article or the figure's own verb between ("there are not 23 million", "I don't
    have a $5 trillion tax cut", "does not cost $90 billion").

    A negation further away negates something else ("did not say how many of the 40 ...").
    """
    if own.split(" ", 1)[0].lower() in NEGATIONS:  # "no unexploded devices" is a count of zero
        return False
    left = [w.lower() for w, _, _ in clause_left[-4:]]
    verbs = 0  # the figure's own verb may stand between: "does not cost $90 billion"
    for k in range(len(left) - 1, -1, -1):
        if _is_negation(left[k]):
            return True
        if left[k] in _PRED_CLASS and verbs == 0:
            verbs += 1
        elif left[k] not in NEGATION_BRIDGES:
            return False
    return False


_APPOSITIVE_AGE_BEFORE = re.compile(r"\b([A-Z][\w'’-]+)\s*,\s*(?:aged\s+)?$")
_APPOSITIVE_AGE_AFTER = re.compile(r"^\s*(?:[,)]|$|\.\s)")
_AGE_BEFORE_NAME = re.compile(r"^\W*(?:-?\s*years?[- ]old)\s+(?:[a-z][\w-]*\s+){0,3}((?:[A-Z][\w'’-]+\s+)*[A-Z][\w'’-]+)")


def age_owner(text: str, q: Quantity) -> str | None:
    """Whose age a figure is, when the text says: "Mara Quist, 34," or "a 34-year-old nurse, Mara
    Quist" -> "quist" (the surname, lower case). None when it is no age or the person is unnamed."""
    v = q.value
    if v is None or not (0 < v <= 120) or v != int(v):
        return None
    before, after = text[max(0, q.start - 60):q.start], text[q.end:q.end + 60]
    if (m := _APPOSITIVE_AGE_BEFORE.search(before)) and _APPOSITIVE_AGE_AFTER.match(after) \
            and m.group(1).lower() not in NOT_PLACES and (q.text or "").strip().isdigit():
        return m.group(1).lower().strip("'’")
    tail = after if not _AGE.search(q.text or "") else \
        text[q.end - len("year-old"):q.end + 60].replace("year-old", " year-old", 1)
    if m := _AGE_BEFORE_NAME.match(tail):
        words = m.group(1).split()
        between = tail[:m.start(1)].split()[1:]  # the words between "year-old" and the name
        # "a 24-year-old accountant and lifelong Newtown resident", "a 20-year-old Newtown, Conn.,
        # resident": a lone capitalised word after several words, or before a comma, is a place
        # ("his 6-year-old sister Jane" keeps its one word)
        if len(words) == 1 and (len(between) >= 2 or tail[m.end(1):m.end(1) + 1] == ","):
            return None
        return words[-1].lower().strip("'’")
    return None


def mention_of(art: Article, claim: Claim, q: Quantity, idx: int,
               neighbours: list[Quantity], opts: CompareOptions = DEFAULTS) -> Mention | None:
    """Features of one quantity; ``neighbours`` are the other quantities of its sentence."""
    text = art.text
    value, low, high = _values(q)
    if value is None and low is None and high is None:
        return None
    if not (0 <= q.start < q.end <= len(text)):
        return None
    s0, s1 = sentence_bounds(text, claim, q.start)
    prev_end = max((n.end for n in neighbours if n.end <= q.start), default=s0)
    next_start = min((n.start for n in neighbours if n.start >= q.end), default=s1)
    left = _left_window(text, max(prev_end, s0), q.start, opts.local_left, stop_commas=True)
    right = _right_window(text, q.end, min(next_start, s1), opts.local_right)
    clause_left = _left_window(text, max(prev_end, s0), q.start, opts.clause_left, stop_commas=False)
    head, counted, mods = head_of(q, text)
    if q.kind in ("money", "percent"):
        head = None
    elif q.kind == "measure":  # a duration or size: the unit plays the counted noun's part
        head = noun_lemma(q.unit.split()[-1]) if q.unit else head
        counted = counted or q.unit
    if head is None and q.lemma and q.kind == "count":  # the parse's counted noun
        head = noun_lemma(q.lemma)
    if head in NUMBER_WORDS:  # "hundreds" is the amount, not what is counted
        head = None
    written_head = head
    if head in DEATH_HEADS:  # "355 deaths", "1,300 dead": people who died
        head = "person"
    head = HEAD_SYNONYMS.get(head, head) if head else head  # "30 bullets" and "30 rounds"
    counted_words = [w for w, _, _ in _words(counted or "") if _content(w)]
    qualifiers = frozenset(stem(w) for w in counted_words
                           if w.islower() and noun_lemma(w) not in (head, written_head)) \
        if head else frozenset()
    lemmas = frozenset(noun_lemma(w) for w in counted_words) | ({head} if head else set())
    local = left + right
    context: dict[str, str] = {}
    proper: set[str] = set()
    sent_words = _words(text[s0:s1], s0)
    # capitals mark names, except at the start of a sentence and in Title Case headlines
    first = sent_words[0][1] if sent_words else s0
    alpha = [w for w, _, _ in sent_words if w[0].isalpha()]
    title_case = len(alpha) >= 4 and sum(w[0].isupper() for w in alpha) > 0.6 * len(alpha)
    for w, a, _ in local + _words(q.text or ""):
        if not _content(w) or w.lower().strip("'’") in NUMBER_WORDS:
            continue
        for part in w.split("-") if "-" in w else [w]:
            if not part or not _content(part):
                continue
            st = stem(part)
            if head is not None and noun_lemma(part) == head:
                continue
            context.setdefault(st, part)
            if part[0].isupper() and a != first and not title_case:
                proper.add(st)
    for m in mods:
        if m and m not in MEASURE_STOPWORDS and m != head:
            context.setdefault(stem(m), m)
    sentence = frozenset(stem(w) for w, _, _ in sent_words if _content(w))
    # the wider window crosses commas ("$10,977.74 worth of televisions, DVD players ... at Best Buy")
    # (it also runs past a neighbouring number: "$4 billion ... to keep 15,000 cops on the street")
    wide_words = _words(text[s0:q.start], s0)[-opts.clause_left:] + _words(text[q.end:s1], q.end)[:opts.clause_left]
    wide = frozenset(stem(p) for w, _, _ in wide_words for p in w.split("-")
                     if p and _content(p) and noun_lemma(p) != head) | frozenset(context)
    preds, pred_words = _predicates(text, max(prev_end, s0), min(next_start, s1), q)
    parsed = parse_predicates(q)
    if parsed and not preds:  # nothing near the figure: the governing verb (or its subject) says it
        preds, pred_words = parsed, tuple(w for w in (q.predicate, q.subject) if w in _PRED_CLASS)
    if head and head not in COUNTED_PERSON_NOUNS and head not in GENERIC_HEADS | UNSPECIFIC_HEADS \
            and q.kind == "count" and preds & PERSON_PREDICATES:
        # "killed" or "left" happens to people, not to "rounds" or "bombs": another clause's verb
        keep = preds - PERSON_PREDICATES
        pred_words = tuple(w for w in pred_words if _PRED_CLASS.get(w.lower()) in keep)
        preds = keep
    low_local = " ".join(w for w, _, _ in local).lower()
    low_clause = " ".join(w for w, _, _ in clause_left).lower()
    flags = set()
    sent_set = {w.lower() for w, _, _ in sent_words}
    if sent_set & SCOPE_MARKERS or has_phrase(low_clause, SCOPE_PHRASES) or \
            has_phrase(low_clause, SCOPE_JOINS):
        flags.add("scope")
    own = [w.lower() for w, _, _ in _words(q.text or "")]
    own = own[:own.index("of")] if "of" in own else own  # "three fifths of all other persons"
    near = [w.lower() for w, _, _ in clause_left[-1:]] + own + [w.lower() for w, _, _ in right[:2]]
    if any(w in INCREMENT_MARKERS and not (w == "more" and nxt == "than")
           for w, nxt in zip(near, near[1:] + [""], strict=True)):
        flags.add("increment")
    if has_phrase(low_local + " " + (q.text or "").lower(), RATE_PHRASES):
        flags.add("rate")
    if (q.kind or "count") == "count" and (has_phrase(low_clause + " " + low_local, DIFFERENCE_PHRASES)
                                           or _WON_BY.search(text, max(0, q.start - 60), q.start)):
        flags.add("difference")  # a count that is a margin ("won by 20,715 votes") is no total
    if has_phrase(low_clause + " " + low_local, RUNNING_PHRASES):
        flags.add("running")
    if has_phrase(low_clause + " " + low_local, REVISION_PHRASES):
        flags.add("revised")
    own_words = re.findall(r"[a-z]+", (q.text or "").lower())  # "two-term": "two", "term"
    if set(own_words) & EXCLUSIVE_COUNT_WORDS:
        flags.add("exclusive")  # "the lone gunman": there was no other
    if has_phrase(text[s0:q.start].lower(), INVENTORY_CUES):
        # "armed with a shotgun and two handguns", "carried three weapons: ..., a handgun": all there was
        flags.add("inventory")
    clause_words = {w.lower() for w, _, _ in clause_left} | {w.lower() for w, _, _ in right[:4]}
    if clause_words & MODAL_WORDS or q.polarity in ("expected", "hypothetical"):
        flags.add("modal")
    # a denial is read from the words right before the figure: the parse's negation of a governing
    # verb denies the figure far less often ("Obama didn't say 47 percent of ...")
    if _denied(clause_left, q.text or ""):
        flags.add("negated")
    before = text[max(0, q.start - 30):q.start]
    bound = q.bound or bound_of(q, before)  # read at extraction; stores made before kept no bound
    figure = value if value is not None else (low if low is not None else high)
    kind, unit = q.kind or "count", _unit(q)
    if kind == "measure" and unit and unit.startswith("percentage point"):
        # news writes a margin as "0.5 percent" as often as "0.5 percentage points"
        kind, unit, head = "percent", "percent", None
    age_of = age_owner(text, q)
    if age_of is not None or _AGE.search(q.text or ""):  # an age in years, whatever the extractor's unit
        kind, unit, head, counted = "age", "year", None, None
        value, low, high = q.value, q.low, q.high
        figure = value if value is not None else (low if low is not None else high)
    return Mention(
        id=f"{claim.id}/q{idx}", doc_id=art.id, claim_ids=(claim.id,), text=q.text, kind=kind,
        unit=unit, head=head, counted=counted, value=value, low=low, high=high, approx=q.approx,
        age_of=age_of, tally=q.tally, shown=shown_unit(q, kind),
        bound=bound, tolerance=written_tolerance(q, figure), context=context, proper=frozenset(proper),
        sentence=sentence, predicates=preds, predicate_words=pred_words,
        places=frozenset() if title_case else frozenset(_places(text, local)),
        times=frozenset(_times(low_local, local)), flags=frozenset(flags), start=q.start,
        sentence_text=text[s0:s1], qualifiers=qualifiers, words=lemmas, wide=wide,
        # the day its own clause names ("on Monday", "Aug. 15"), resolved against the article's date
        day=clause_day(text, s0, s1, q.start, q.end, [(n.start, n.end) for n in neighbours], art.published))


def _additive_join(text: str, a: Quantity, b: Quantity) -> bool:
    between = text[a.end:b.start].lower()
    if len(between) > 80 or re.search(r"[.;:!?]", between):
        return False
    if has_phrase(between, SUBSET_JOINS):
        return False
    tail = " ".join(between.replace(",", " ").split()[-3:])
    return has_phrase(tail, ADDITIVE_JOINS)


def sum_mentions(art: Article, mentions: list[tuple[Mention, Quantity]]) -> list[Mention]:
    """Sums of parts: two counts of people in one sentence, of different nouns, joined by "with"/"and".

    "Some 250 fighters were allowed to leave, with 3,500 of their family members" -> 3,750 people.
    Not when one is a subset of the other ("4,000 people including 500 children").
    """
    out: list[Mention] = []
    ordered = sorted(mentions, key=lambda t: t[1].start)
    for (ma, qa), (mb, qb) in zip(ordered, ordered[1:], strict=False):
        if ma.kind != "count" or mb.kind != "count" or ma.category != "person" or mb.category != "person":
            continue
        if ma.head == mb.head or ma.head in CATEGORY_TOTALS["person"] or \
                mb.head in CATEGORY_TOTALS["person"]:
            continue
        if ma.sentence_text != mb.sentence_text or not _additive_join(art.text, qa, qb):
            continue
        if {"scope", "rate", "increment"} & (ma.flags | mb.flags):
            continue

        def add(x: float | None, y: float | None) -> float | None:
            return None if x is None or y is None else x + y

        va, vb = ma.figure(), mb.figure()
        lo = add(ma.low if ma.low is not None else va, mb.low if mb.low is not None else vb)
        hi = add(ma.high if ma.high is not None else va, mb.high if mb.high is not None else vb)
        value = add(ma.value, mb.value)
        if value is None and lo is None:
            continue
        context = dict(ma.context)
        for k, v in mb.context.items():
            context.setdefault(k, v)
        out.append(Mention(
            id=f"{ma.id}+{mb.id}", doc_id=art.id, claim_ids=tuple(dict.fromkeys(ma.claim_ids + mb.claim_ids)),
            text=f"{ma.text} + {mb.text}", kind="count", unit=None, head="person",
            counted=f"{ma.counted or ma.head} and {mb.counted or mb.head}", value=value, low=lo, high=hi,
            approx=ma.approx or mb.approx, bound="approx" if (ma.approx or mb.approx) else "exact",
            tolerance=ma.tolerance + mb.tolerance, context=context, proper=ma.proper | mb.proper,
            sentence=ma.sentence, predicates=ma.predicates | mb.predicates,
            predicate_words=ma.predicate_words + mb.predicate_words, places=ma.places | mb.places,
            times=ma.times | mb.times, flags=ma.flags | mb.flags, parts=(ma, mb), start=ma.start,
            wide=ma.wide | mb.wide, words=frozenset({"person"}),
            sentence_text=ma.sentence_text))
    return out


def inherit_predicates(text: str, built: list[tuple[Mention, Quantity]]) -> None:
    """A part named right after its whole ("322, including 54 children") shares its predicate."""
    ordered = sorted(built, key=lambda t: t[1].start)
    for (whole, qw), (part, qp) in zip(ordered, ordered[1:], strict=False):
        between = text[qw.end:qp.start].lower()
        if part.predicates or len(between) > 60 or not has_phrase(between, SUBSET_JOINS):
            continue
        part.predicates, part.predicate_words = whole.predicates, whole.predicate_words


# "beat Moore by fewer than 21,000 votes": a winning margin
_WON_BY = re.compile(r"\b(?:won|wins?|winning|beat|beats|beating|defeated|lost|leads?|led|leading|trails?|trailed|"
                     r"trailing)\b[^.;]{0,40}\bby\s+(?:(?:just|only|about|nearly|almost|more than|fewer than|"
                     r"less than|over|under|some|roughly)\s+)?\Z", re.IGNORECASE)
_MORE_AFTER = re.compile(r"\s+(?:more|others?)\b(?!\s+than)", re.IGNORECASE)
_OWN_VERB_BEFORE = 25  # "wounded hundreds more": the verb right before the figure is its own
_OWN_VERB_AFTER = 40  # "hundreds more were wounded": or the first one after "more"


def others_after_count(text: str, built: list[tuple[Mention, Quantity]]) -> None:
    """"Killed 58 and wounded hundreds more": after another count, "N more" with something else
    happening to them means other people, not an increment, and only that verb is their own.
    ("Five died on Monday and three more died on Tuesday" stays an increment.)"""
    ordered = sorted(built, key=lambda t: t[1].start)
    for (_, qf), (other, q) in zip(ordered, ordered[1:], strict=False):
        if "increment" not in other.flags or not (more := _MORE_AFTER.match(text, q.end)):
            continue
        low = text.lower()
        before = [m for m in _PRED_RE.finditer(low, max(qf.end, q.start - _OWN_VERB_BEFORE), q.start)]
        after = _PRED_RE.search(low, more.end(), more.end() + _OWN_VERB_AFTER)
        own_verb = after if after is not None else (before[-1] if before else None)
        if own_verb is None:
            continue
        own = _PRED_CLASS[own_verb.group()]
        # the first count's verbs: around it, but not the one that belongs to the second
        firsts = {_PRED_CLASS[m.group()] for m in _PRED_RE.finditer(low, max(0, qf.start - 60), q.start)
                  if m.start() != own_verb.start()}
        if own in firsts:
            continue
        other.flags = other.flags - {"increment"}
        other.predicates = frozenset({own})
        other.predicate_words = (text[own_verb.start():own_verb.end()],)


def document_mentions(art: Article, opts: CompareOptions = DEFAULTS) -> list[Mention]:
    """Every quantity of an article's claims as a mention, plus sums of parts."""
    by_sentence: dict[tuple[int, int], list[tuple[Claim, int, Quantity]]] = {}
    for claim in art.claims:
        for i, q in enumerate(claim.quantities):
            key = sentence_bounds(art.text, claim, q.start) if art.text else (0, 0)
            by_sentence.setdefault(key, []).append((claim, i, q))
    out: list[Mention] = []
    for items in by_sentence.values():
        qs = [q for _, _, q in items]
        built: list[tuple[Mention, Quantity]] = []
        for claim, i, q in items:
            m = mention_of(art, claim, q, i, [x for x in qs if x is not q], opts)
            if m is not None:
                built.append((m, q))
        inherit_predicates(art.text, built)
        others_after_count(art.text, built)
        out.extend(m for m, _ in built)
        out.extend(sum_mentions(art, built))
    return out


def block_keys(m: Mention) -> list[str]:
    """Blocking keys: mentions are only compared inside a shared block (same kind and noun or unit).

    A count is filed under each content word of its counted phrase, so "a two-term congressman"
    meets "two terms" and "42 Senate Republicans" meets "42 members of the Republican caucus".
    """
    if m.kind in ("count", "measure"):
        words = sorted(m.words - GENERIC_HEADS) or [m.head or "?"]
        keys = [f"{m.kind}:{m.unit or ''}:{w}" for w in words]
        # what happened to them ("killed", "injured") meets a bare figure: "the toll reached 322"
        keys += [f"{m.kind}:{m.unit or ''}:did:{p}" for p in sorted(m.predicates)]
        return keys
    return [f"{m.kind}:{m.unit or '?'}"]


def distinctive(m: Mention) -> bool:
    """A number unlikely to recur by chance: two or more significant digits and above a dozen."""
    v = m.figure()
    if v is None or abs(v) <= 12:
        return False
    if v != int(v):
        return True
    return len(str(int(abs(v))).rstrip("0")) >= 2
