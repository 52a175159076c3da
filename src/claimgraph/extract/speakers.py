"""Speakers: the noun phrase that says something, what kind of source it is, and who it is.

``speaker_bounds`` cuts the speaker's noun phrase out of the parse; ``SpeakerResolver`` maps a
mention to a fuller name seen earlier in the same document ("he" -> the last person quoted or
named, "McGurk" -> "Brett McGurk", "the Post" -> "The New York Post", "the mayor" -> the person
introduced earlier with that title). Look-ups use per-document indexes and ``bisect``, so
resolving every speaker of an article costs O(n log n).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from claimgraph.lexicon.cues import (
    DOCUMENT_NOUNS,
    INDEFINITE_MARKERS,
    ORG_NOUNS,
    PERSONAL_PRONOUNS,
    SPEAKER_PERSON_NOUNS,
    TITLE_WORDS,
)
from claimgraph.lexicon.speakers import (
    AGENCY_WORDS,
    BODY_ANAPHORS,
    GOVERNMENT_WORDS,
    ORGANIZATION_WORDS,
    OUTLET_WORDS,
    WORK_NOUNS,
)

_PERSON_LABELS = frozenset({"PERSON"})
_BODY_NAME_WORDS = ORGANIZATION_WORDS | AGENCY_WORDS | GOVERNMENT_WORDS | OUTLET_WORDS
_ACRONYM = re.compile(r"^[A-Z]{2,5}$")
_ORG_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC"})
_NP_LEFT_DEPS = frozenset({"det", "compound", "amod", "poss", "nummod", "nmod", "quantmod", "case", "predet"})
_NP_RIGHT_DEPS = frozenset({"appos", "compound", "prep", "case", "nummod", "flat"})
_EDGE_PUNCT = frozenset({",", ";", ":", "-", "\u2014", "\u2013", "(", ")", "'s", "\u2019s"})
_EDGE_STRIP = " \t\n.,;:\u2026-\u2013\u2014\u2015\"'\u201c\u201d\u2018\u2019"
_NAME_PARTICLES = frozenset({"de", "da", "del", "della", "di", "van", "von", "der", "den", "la", "le",
                             "bin", "al", "ibn", "du", "dos", "das"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})
# Pronoun-type speakers with no referent in the document keep the pronoun as written.
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
_MAX_PRONOUN_LOOKBACK = 2500  # characters; a "he" this far from any name is left unresolved


def speaker_bounds(head: Token) -> tuple[int, int]:
    """Token bounds [lo, hi] (inclusive) of the noun phrase headed by ``head``.

    Keeps determiners, compounds, modifiers, possessors and appositions ("Scott Pruitt, the
    attorney general of Oklahoma"); drops relative and participial clauses and edge punctuation.
    """
    lo = head.i
    for child in head.lefts:
        if child.dep_ in _NP_LEFT_DEPS:
            lo = min(lo, child.left_edge.i)
    hi = head.i
    for child in head.rights:
        if child.dep_ in _NP_RIGHT_DEPS:
            hi = max(hi, child.right_edge.i)
        elif child.dep_ in ("relcl", "acl", "advcl"):
            break
    doc = head.doc
    while lo < head.i and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi > head.i and (doc[hi].is_punct or doc[hi].is_space or doc[hi].text in _EDGE_PUNCT):
        hi -= 1
    return lo, hi


def _entity_of(tok: Token) -> tuple[str, str] | None:
    """(label, text) of the named entity that ``tok`` belongs to, if any."""
    if not tok.ent_type_:
        return None
    doc = tok.doc
    lo = tok.i
    while lo > 0 and doc[lo].ent_iob_ == "I":
        lo -= 1
    hi = tok.i + 1
    while hi < len(doc) and doc[hi].ent_iob_ == "I":
        hi += 1
    return tok.ent_type_, doc[lo:hi].text


def _strip_det(words: list[str]) -> list[str]:
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    if words and words[-1].lower() in ("'s", "\u2019s"):
        words = words[:-1]
    return words


def classify(head: Token, lo: int, hi: int) -> str:
    """Speaker type of the phrase doc[lo..hi] headed by ``head``.

    person | organization | anonymous | document | group | self | unknown
    """
    low = head.lower_
    if head.pos_ == "PRON" or low in PERSONAL_PRONOUNS:
        kind = PERSONAL_PRONOUNS.get(low, "unknown")
        return {"thing": "organization"}.get(kind, kind)
    doc = head.doc
    span = doc[lo:hi + 1]
    names = [t for t in span if t.ent_type_ in _PERSON_LABELS and t.pos_ == "PROPN"]
    orgs = [t for t in span if t.ent_type_ in _ORG_LABELS]
    lemma = head.lemma_.lower()
    if head.pos_ == "PROPN" and (head.ent_type_ in _PERSON_LABELS or names):
        return "person"
    if head.ent_type_ in _ORG_LABELS:
        return "organization"
    if lemma in DOCUMENT_NOUNS:
        return "document"
    if lemma in SPEAKER_PERSON_NOUNS or low in SPEAKER_PERSON_NOUNS:
        if names:
            return "person"
        return "anonymous"
    if lemma in ORG_NOUNS or orgs:
        return "organization"
    if head.pos_ == "PROPN":
        return "person" if head.is_title and len(span) <= 4 else "organization"
    if any(t.lower_ in INDEFINITE_MARKERS for t in span):
        return "anonymous"
    return "unknown"


@dataclass(slots=True)
class _Index:
    """Sorted positions with parallel values, for "latest before position" look-ups."""

    pos: list[int] = field(default_factory=list)
    val: list[str] = field(default_factory=list)

    def add(self, p: int, v: str) -> None:
        if self.pos and p < self.pos[-1]:
            i = bisect.bisect_right(self.pos, p)
            self.pos.insert(i, p)
            self.val.insert(i, v)
        else:
            self.pos.append(p)
            self.val.append(v)

    def last_before(self, p: int, max_dist: int | None = None) -> tuple[int, str] | None:
        i = bisect.bisect_left(self.pos, p) - 1
        if i < 0 or (max_dist is not None and p - self.pos[i] > max_dist):
            return None
        return self.pos[i], self.val[i]

    def before(self, p: int, max_dist: int | None = None) -> str | None:
        i = bisect.bisect_left(self.pos, p) - 1
        if i < 0:
            return None
        if max_dist is not None and p - self.pos[i] > max_dist:
            return None
        return self.val[i]


class SpeakerResolver:
    """Resolves speaker mentions to names introduced earlier in one document."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.persons = _Index()
        self.orgs = _Index()
        self.bodies = _Index()  # ORG entities only (no places), for "the group" -> the group named
        self.work_of: dict[str, _Index] = {}  # "study" -> speakers quoted in a sentence about a study
        self.by_word: dict[str, _Index] = {}  # last word of a name -> earlier full names
        self.by_title: dict[str, _Index] = {}  # "mayor" -> names written with that title
        self.speakers = _Index()  # resolved person speakers, in text order
        self.group_speakers = _Index()
        self.person_names: set[str] = set()
        self._quotes: tuple[list[int], list[int]] | None = None  # quotation spans, found when needed
        self._sents: list = []  # sentences and their first tokens, listed when needed
        self._sent_starts: list[int] | None = None
        self.org_names: set[str] = set()
        org_counts = Counter(ent.text for ent in doc.ents if ent.label_ == "ORG")
        for ent in doc.ents:
            if ent.label_ in _ORG_LABELS:
                self.org_names.add(" ".join(_strip_det(ent.text.split())))
                self.orgs.add(ent.start_char, ent.text)
            # a one-word ORG once only is as often a misread place ("Oldmere") as a body
            if ent.label_ == "ORG" and (len(ent) >= 2 or org_counts[ent.text] >= 2 or _ACRONYM.match(ent.text)):
                self.bodies.add(ent.start_char, " ".join(_strip_det(ent.text.split())))
        # "a study by the Tax Policy Center": a later "the study" speaks for its author
        for t in doc:
            if t.pos_ == "NOUN" and t.lemma_.lower() in WORK_NOUNS:
                by = next((c for c in t.children if c.dep_ == "prep" and c.lower_ == "by"), None)
                author = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
                if author is not None and author.pos_ == "PROPN":
                    words = _strip_det([w.text for w in doc[author.left_edge.i:author.i + 1]])
                    if words and len(words) <= 6:
                        self.work_of.setdefault(t.lemma_.lower(), _Index()).add(t.idx, " ".join(words))
        # Names are runs of proper nouns, not only what the (small) NER model tags: "Mayor Ana
        # Ruiz" -> "Ana Ruiz" with the title "mayor"; "The Northvale Courier" -> "Northvale Courier".
        i, n = 0, len(doc)
        while i < n:
            if doc[i].pos_ != "PROPN" or not doc[i].text[:1].isupper():
                i += 1
                continue
            j = i
            while j < n and j - i < 7 and (
                    (doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper()) or
                    (doc[j].lower_ in _NAME_PARTICLES and j + 1 < n and doc[j + 1].text[:1].isupper()
                     and doc[j + 1].pos_ == "PROPN")):
                j += 1
            self._add_run(i, j)
            i = j

    def _add_run(self, i: int, j: int) -> None:
        doc = self.doc
        run = doc[i:j]
        k = i
        titles = []
        while k < j - 1 and (doc[k].lower_.rstrip(".") in TITLE_WORDS):
            titles.append(doc[k].lower_.rstrip("."))
            k += 1
        words = [t.text for t in doc[k:j]]
        name = " ".join(words)
        pos = doc[k].idx
        person = any(t.ent_type_ in _PERSON_LABELS for t in run) or bool(titles)
        if any(t.ent_type_ in _ORG_LABELS for t in run) and not any(t.ent_type_ in _PERSON_LABELS for t in run):
            person = False
            self.org_names.add(name)
        if person:
            self.person_names.add(name)
            self.persons.add(pos, name)
        if len(words) >= 2:
            self.by_word.setdefault(words[-1].lower(), _Index()).add(pos, name)
            if not person and {w.lower() for w in words} & _BODY_NAME_WORDS:
                self.bodies.add(pos, name)  # "Hallam Mining", untagged by the small model
        for t in titles:
            self.by_title.setdefault(t, _Index()).add(pos, name)
        # "Tomas Okafor, the fire chief," / "the mayor, Ana Ruiz,"
        head = run.root
        for t in head.children:
            if t.dep_ == "appos" and t.pos_ == "NOUN":
                self.by_title.setdefault(t.lemma_.lower(), _Index()).add(pos, name)
                if t.lemma_.lower() in SPEAKER_PERSON_NOUNS and name not in self.org_names:
                    self.person_names.add(name)
                    self.persons.add(pos, name)
        if head.dep_ == "appos" and head.head.pos_ == "NOUN":
            self.by_title.setdefault(head.head.lemma_.lower(), _Index()).add(pos, name)

    def _add_name(self, pos: int, text: str, index: _Index) -> None:
        index.add(pos, text)
        words = _strip_det(text.split())
        if len(words) >= 2:
            self.by_word.setdefault(words[-1].lower(), _Index()).add(pos, " ".join(words))

    def _proper_name(self, span, head: Token, pos: int) -> str:
        """Name in a proper-noun phrase: the personal name inside a titled phrase ("US Special
        Envoy Brett McGurk" -> "Brett McGurk"), widened to a fuller name seen earlier
        ("McGurk" -> "Brett McGurk", "the Post" -> "New York Post")."""
        doc = self.doc
        persons = [t for t in span if t.ent_type_ in _PERSON_LABELS and t.pos_ == "PROPN"]
        if persons and persons[0].i <= head.i:
            end = persons[0].i
            while end + 1 < len(doc) and end + 1 <= max(head.i, persons[-1].i) and doc[end + 1].pos_ == "PROPN":
                end += 1
            words = [t.text for t in doc[persons[0].i:end + 1]]
        else:
            words = _strip_det([t.text for t in span if t.pos_ == "PROPN" and t.i <= head.i])
        if not words:
            return span.text
        earlier = self.by_word.get(words[-1].lower())
        full = earlier.before(pos + 1) if earlier else None
        if full and len(full.split()) > len(words):
            # "Okafor" -> "Tomas Okafor", unless the mention names someone else ("Jane Okafor")
            full_words = {w.lower() for w in full.split()}
            clash = [t for t in span if t.ent_type_ in _PERSON_LABELS and t.lower_ not in full_words]
            if not clash:
                return full
        return " ".join(words)

    def kind_of(self, name: str, kind: str) -> str:
        """The speaker type a resolved name implies (a name seen as a person is a person)."""
        if kind in ("anonymous", "document", "self"):
            return kind
        if name in self.person_names:
            return "person"
        if name in self.org_names and kind != "person":
            return "organization"
        return kind

    def note_speaker(self, pos: int, name: str, kind: str) -> None:
        """Record a resolved speaker so later pronouns (and "the study" it released) point back to it."""
        if kind == "person":
            self.speakers.add(pos, name)
        elif kind in ("organization", "group", "anonymous"):
            self.group_speakers.add(pos, name)
        if kind in ("person", "organization", "group"):
            span = self.doc.char_span(pos, pos + 1, alignment_mode="expand")
            if span is not None and len(span):
                for t in span[0].sent:
                    if t.pos_ == "NOUN" and t.lemma_.lower() in WORK_NOUNS and t.idx < pos:
                        self.work_of.setdefault(t.lemma_.lower(), _Index()).add(pos, name)

    def _sent_index(self, tok: Token) -> int:
        """Index of ``tok``'s sentence (``Token.sent`` walks the document on every call)."""
        if self._sent_starts is None:
            self._sents = list(self.doc.sents)
            self._sent_starts = [x.start for x in self._sents]
        return bisect.bisect_right(self._sent_starts, tok.i) - 1

    def _in_quote(self, tok: Token) -> bool:
        if self._quotes is None:
            from .attribution.quotes import find_quotes  # here: the attribution package imports this module

            spans = find_quotes(self.doc.text)
            self._quotes = ([a for a, _ in spans], [b for _, b in spans])
        starts, ends = self._quotes
        i = bisect.bisect_right(starts, tok.idx) - 1
        return i >= 0 and tok.idx < ends[i]

    def _person_subject(self, subj: Token) -> str | None:
        """The name of ``subj`` when it is a named person outside quotation marks."""
        if subj.pos_ != "PROPN" or not subj.text[:1].isupper() or self._in_quote(subj):
            return None
        lo, hi = speaker_bounds(subj)
        name = self._proper_name(self.doc[lo : hi + 1], subj, self.doc[lo].idx)
        if name in self.person_names or subj.ent_type_ in _PERSON_LABELS:
            return name
        return None

    def _binding_subject(self, pron: Token) -> str | None:
        """A named subject of a clause that contains the pronoun, before it: "Trump has fueled
        the row with his claim that ..." -> Trump (the parse may miss that Trump is a person,
        so any capitalised proper-noun subject outside quotes qualifies)."""
        if pron.dep_ != "poss":
            return None  # "X said he ...": reported speech is too often someone else's
        subj = None
        for anc in pron.ancestors:  # the nearest clause with a subject ("since taking office with his")
            subj = next((c for c in anc.children if c.dep_ == "nsubj" and c.i < pron.i), None)
            if subj is not None or anc.dep_ in ("ccomp", "relcl"):
                break
        if (
            subj is None
            or not subj.text[:1].isupper()
            or not (subj.pos_ == "PROPN" or subj.ent_type_)
            or self._in_quote(subj)
        ):
            return None
        lo, hi = speaker_bounds(subj)
        return self._proper_name(self.doc[lo : hi + 1], subj, self.doc[lo].idx)

    def _topic_subject(self, pron: Token) -> tuple[int, str] | None:
        """(position, name) of the main-clause subject of the nearest earlier sentence whose
        subject stands outside quotation marks, when that subject is a named person. Sentences
        wholly inside a quote are passed over (at most three); a sentence whose subject is
        someone unnamed ("The official said ...") ends the search."""
        k = self._sent_index(pron)
        for prev in self._sents[max(k - 3, 0):k][::-1]:
            root = prev.root
            subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None or self._in_quote(subj):
                continue
            name = self._person_subject(subj)
            return (subj.idx, name) if name else None
        return None

    def resolve(self, head: Token, lo: int, hi: int, kind: str) -> str:
        """Best name for the speaker phrase doc[lo..hi] (the phrase itself when nothing fits)."""
        doc = self.doc
        span = doc[lo:hi + 1]
        pos = span.start_char
        low = head.lower_
        if head.pos_ == "PRON" or low in PERSONAL_PRONOUNS:
            if low in _PERSON_PRONOUNS:
                kind = "person"  # "his claim that ...": a possessive is a person as much as "he"
            if kind == "person":
                bound = self._binding_subject(head)
                if bound is not None:
                    return bound
                # the nearest earlier person, named or quoted
                spoke = self.speakers.last_before(pos, _MAX_PRONOUN_LOOKBACK)
                found = [x for x in (spoke, self.persons.last_before(pos, _MAX_PRONOUN_LOOKBACK)) if x]
                topic = self._topic_subject(head)
                # the subject of the sentence before outranks names mentioned after it ("Unlike
                # Obama, Romney pointed back to Obama's record. “...,” he said": Romney), not a
                # person quoted after it
                if topic is not None and (spoke is None or spoke[0] < topic[0]):
                    return topic[1]
                if found:
                    return max(found)[1]
                # the parse missed the person ("Trump" tagged ORG): the sentence's own named
                # subject before the pronoun ("Trump has fueled it with his claim that ...")
                subj = next((t for t in head.sent if t.i < head.i and t.dep_ == "nsubj" and t.text[:1].isupper()
                             and (t.pos_ == "PROPN" or t.ent_type_)), None)
                if subj is not None:
                    slo, shi = speaker_bounds(subj)
                    return self._proper_name(doc[slo:shi + 1], subj, doc[slo].idx)
                return head.text
            if kind == "group":
                return self.group_speakers.before(pos, _MAX_PRONOUN_LOOKBACK) or head.text
            if kind == "organization":
                return self.orgs.before(pos, _MAX_PRONOUN_LOOKBACK) or head.text
            return head.text
        if (kind in ("organization", "document", "unknown") and len(span) <= 3 and span[0].lower_ == "the"
                and head.pos_ == "NOUN" and head.lemma_.lower() in BODY_ANAPHORS
                and all(t.pos_ in ("NOUN", "ADJ") and t.is_lower for t in span[1:])):
            # "the group", "the wire service", "the study": the body last named before it
            body = self.bodies.before(pos, _MAX_PRONOUN_LOOKBACK)
            if body:
                return body
        if (len(span) <= 3 and span[0].lower_ == "the" and head.lemma_.lower() in self.work_of
                and all(t.is_lower for t in span[1:])):
            # "The study also found": the study of whoever was quoted about it just before
            author = self.work_of[head.lemma_.lower()].before(pos, _MAX_PRONOUN_LOOKBACK)
            if author:
                return author
        if kind in ("anonymous", "document"):
            # "one lorry driver", "a source", "the report": a description is its own name,
            # except "the official" right after a named official (handled below)
            if not (span[0].lower_ == "the" and len(span) <= 3):
                return span.text.strip(_EDGE_STRIP)
        if head.pos_ == "PROPN":
            return self._proper_name(span, head, pos)
        # "the mayor" -> the person introduced as Mayor X; "the Post" handled above
        first = span[0].lower_ if len(span) else ""
        if first == "the" and kind in ("anonymous", "person") and len(span) <= 3:
            titled = self.by_title.get(head.lemma_.lower()) or self.by_title.get(low)
            if titled is not None:
                name = titled.before(pos, _MAX_PRONOUN_LOOKBACK * 2)
                if name:
                    return name
        return span.text.strip(_EDGE_STRIP)
