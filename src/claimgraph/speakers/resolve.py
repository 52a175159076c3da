"""Speaker entities across a corpus: one identity per person or body, with its aliases.

Merging is cautious. Two mentions are one entity when they share a full personal name, a body's
name (an acronym defined anywhere in the corpus counts as its long form), or, inside one article,
a description the article itself ties to a named speaker. Anything vaguer stays apart: a bare
surname, a title alone ("the governor") and unnamed speakers ("officials", "a resident") are
entities of their own article, and a bare surname or a title that could be a named person of
the corpus is recorded as a *possible match*, never merged.
"""

from __future__ import annotations

import hashlib
import heapq
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from ..lexicon.cues import PERSONAL_PRONOUNS, TITLE_WORDS
from ..lexicon.speakers import BODY_ANAPHORS, SPEAKER_TYPES
from ..model import Speaker
from .acronyms import AcronymTable
from .kinds import outlet_key, words_of
from .mention import Mention, is_acronym
from .parses import Probe, ProbeParse, choose, parse_probe

_NAMED_KINDS = frozenset({"organization", "government", "agency", "outlet", "study"})


@dataclass(slots=True)
class SpeakerRow:
    """One claim's speaker as the store holds it."""

    claim_id: str
    doc_id: str
    speaker: str | None
    mention: str | None = None
    extracted_type: str | None = None
    outlet: str | None = None
    story: str | None = None
    via: list[str] = field(default_factory=list)  # intermediaries: outlets that relayed the words


@dataclass(slots=True)
class _Member:
    row: SpeakerRow
    mention: Mention
    kind: str
    key: str = ""
    label: str = ""


@dataclass(slots=True)
class Resolution:
    """The entities, and which entity each claim points to."""

    speakers: list[Speaker] = field(default_factory=list)
    claim_speaker: dict[str, str] = field(default_factory=dict)


def speaker_id(key: str) -> str:
    """A stable id for an entity key (the same key gives the same id on every run)."""
    return "sp_" + hashlib.sha1(key.encode()).hexdigest()[:12]


@lru_cache(maxsize=1 << 16)  # pure, and asked again for every member and entity of a name
def _person_words(name: str) -> tuple[str, ...]:
    """A personal name as key words: lower case, no initials or titles ("Gerald L. Read" -> gerald read)."""
    words = [w for w in words_of(name) if w and w not in TITLE_WORDS]
    return tuple(w for w in words if len(w.strip(".")) > 1)


def _body_key(name: str, acronyms: AcronymTable) -> str:
    """A body's name as a key; an acronym defined in the corpus stands for its long form."""
    if is_acronym(name.replace(" ", "")):
        long = acronyms.expand(name)
        if long:
            name = long
    words = [w for w in words_of(name) if w not in ("the", "a", "an")]
    return " ".join(words)


class SpeakerResolver:
    """Collects every claim's speaker (and the corpus's acronyms and outlets), then resolves."""

    def __init__(self, parses: dict[Probe, ProbeParse] | None = None) -> None:
        """``parses``: speakers parsed before (see ``speakers/parses.py``); those parsed in this
        run are added to it and listed in ``new_parses``."""
        self.parses: dict[Probe, ProbeParse] = parses if parses is not None else {}
        self.new_parses: dict[Probe, ProbeParse] = {}
        self.used: set[Probe] = set()  # the probes of this run's claims, after ``resolve``
        self.acronyms = AcronymTable()
        self.outlets: set[str] = set()
        self._outlets: frozenset[str] = frozenset()
        self.rows: list[SpeakerRow] = []
        self.copy_of: dict[str, str] = {}  # wire copy -> the document it copies

    def add_document(
        self,
        text: str | None,
        outlet: str | None,
        *,
        doc_id: str | None = None,
        duplicate_of: str | None = None,
        acronyms: Iterable[tuple[str, str]] = (),
    ) -> None:
        """Learn a document's acronyms (from its ``text``, or the ``acronyms`` pairs found in it
        before) and outlet; a copy's unnamed speakers are its original's."""
        if text is not None:
            self.acronyms.add_text(text)
        self.acronyms.add_definitions(acronyms)
        if outlet:
            self.outlets.add(outlet_key(outlet))
        if doc_id and duplicate_of and duplicate_of != doc_id:
            self.copy_of[doc_id] = duplicate_of

    def _canonical(self, doc_id: str) -> str:
        seen = {doc_id}
        while doc_id in self.copy_of and self.copy_of[doc_id] not in seen:
            doc_id = self.copy_of[doc_id]
            seen.add(doc_id)
        return doc_id

    def add(self, row: SpeakerRow) -> None:
        for name in row.via:  # "told the BBC": whoever relays a quote is a news outlet
            self.outlets.add(outlet_key(name))
        if row.speaker and row.speaker.strip():
            self.rows.append(row)

    def add_many(self, rows: Iterable[SpeakerRow]) -> None:
        for r in rows:
            self.add(r)

    # ------------------------------------------------------------------ resolution
    def _members(self) -> list[_Member]:
        """Every claim's speaker parsed. News quotes the same few voices over and over: one parse
        per distinct (speaker, mention, type), kept across runs when the caller gives them (the
        outlets, the only other input, are fixed by now and put in by ``choose``; nothing changes
        a Mention once parsed, so members may share one)."""
        seen: dict[Probe, tuple[Mention, str]] = {}
        members = []
        for row in self.rows:  # one loop, no call per claim: there are 100,000s of them
            probe = (row.speaker or "", row.mention, row.extracted_type)
            got = seen.get(probe)
            if got is None:
                parsed = self.parses.get(probe)
                if parsed is None:
                    parsed = self.parses[probe] = self.new_parses[probe] = parse_probe(*probe)
                got = seen[probe] = choose(parsed, self._outlets)
            members.append(_Member(row, got[0], got[1]))
        self.used = set(seen)
        return members

    def resolve(self) -> Resolution:
        self._outlets = frozenset(self.outlets)
        members = self._members()
        full_names: dict[str, set[str]] = defaultdict(set)  # surname/first name -> person keys
        for mb in members:
            m = mb.mention
            pronoun = (m.name or m.description or "").lower() in PERSONAL_PRONOUNS
            if m.name and not pronoun and mb.kind == "person":
                words = _person_words(m.name)
                if len(words) >= 2:
                    mb.key, mb.label = "person:" + " ".join(words), m.name
                    full_names[words[-1]].add(mb.key)
                    full_names[words[0]].add(mb.key)
                    continue
            if m.name and not pronoun and mb.kind != "person":
                key = _body_key(m.name, self.acronyms)
                if key:
                    long = self.acronyms.expand(m.name) if is_acronym(m.name.replace(" ", "")) else None
                    mb.key, mb.label = "body:" + key, long or m.name
                    continue
            # a bare surname, a title, an unnamed or unresolved speaker: its own article's; a body
            # named by a definite description ("the regional government", "the owner of the
            # Varnow reservoir") is one within a story
            desc = " ".join(words_of(m.name or m.description or m.text))
            scope = f"doc:{self._canonical(mb.row.doc_id)}"
            definite = desc.startswith("the ") and (mb.kind in _NAMED_KINDS or m.affiliation)
            if definite and mb.row.story:
                scope = f"doc:story:{mb.row.story}"
            mb.key, mb.label = f"{scope}:{desc}", m.text
        self._within_article(members)
        return self._entities(members, full_names)

    def _within_article(self, members: list[_Member]) -> None:
        """ "the company" in an article whose only named company speaker is Hallam Mining is Hallam
        Mining: a generic description ("the company", "the group", not "the coalition") joins the
        one named body of its type quoted in the same article."""
        named: dict[tuple[str, str], set[str]] = defaultdict(set)
        labels: dict[str, str] = {}
        for mb in members:
            if mb.key.startswith("body:"):
                named[(mb.row.doc_id, mb.kind)].add(mb.key)
                labels[mb.key] = mb.label
        for mb in members:
            desc_words = words_of(mb.mention.description)
            generic = len(desc_words) <= 3 and bool(set(desc_words[-1:]) & BODY_ANAPHORS)
            if mb.key.startswith("doc:") and not mb.mention.name and mb.kind in _NAMED_KINDS and generic:
                bodies = named.get((mb.row.doc_id, mb.kind), set())
                if len(bodies) == 1:
                    mb.key = next(iter(bodies))
                    mb.label = labels[mb.key]

    def _entities(self, members: list[_Member], full_names: dict[str, set[str]]) -> Resolution:
        groups: dict[str, list[_Member]] = defaultdict(list)
        for mb in members:
            groups[mb.key].append(mb)
        out = Resolution()
        by_key: dict[str, Speaker] = {}
        for key, mbs in groups.items():
            sp = Speaker(
                id=speaker_id(key),
                name=_canonical(mbs),
                type=_vote([mb.kind for mb in mbs]),
                aliases=_aliases(mbs),
                role=_vote(
                    [mb.mention.role for mb in mbs if mb.mention.role and mb.kind not in _NAMED_KINDS]
                ),
                affiliation=_vote([mb.mention.affiliation for mb in mbs if mb.mention.affiliation]),
                claims=len(mbs),
                documents=len({mb.row.doc_id for mb in mbs}),
            )
            by_key[key] = sp
            out.speakers.append(sp)
            for mb in mbs:
                out.claim_speaker[mb.row.claim_id] = sp.id
        # possible matches: a bare surname or first name, or a title, that fits named people
        roles: dict[str, set[str]] = defaultdict(set)
        for key, sp in by_key.items():
            if key.startswith("person:") and sp.role:
                roles[sp.role.split()[-1]].add(key)
        for key, sp in by_key.items():
            if not key.startswith("doc:"):
                continue
            words = _person_words(sp.name)
            cands: set[str] = set()
            if len(words) == 1 and sp.type == "person":
                cands = full_names.get(words[0], set())
            elif sp.role and sp.type in ("anonymous_official", "person"):
                cands = roles.get(sp.role.split()[-1], set())
            # sorted(cands)[:5], without sorting the hundreds of people a common first name fits
            for c in heapq.nsmallest(5, cands):
                reason = "same surname or first name" if len(words) == 1 else f"same title ({sp.role})"
                sp.possible.append({"id": by_key[c].id, "name": by_key[c].name, "reason": reason})
        out.speakers.sort(key=lambda s: (-s.claims, s.name.lower()))
        return out


_TYPE_ORDER = {k: i for i, k in enumerate(SPEAKER_TYPES)}


def _count(values: list[str]) -> dict[str, int]:
    """``Counter(values)`` as a plain dict, in first-seen order (Counter's ABC checks cost more
    than the counting for the few values of an entity)."""
    counts: dict[str, int] = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return counts


def _vote(values: list[str]) -> str | None:
    if not values:
        return None
    if len(values) == 1:  # most entities have one member: the vote is that one
        return values[0]
    counts = _count(values)
    return min(counts, key=lambda v: (-counts[v], _TYPE_ORDER.get(v, len(_TYPE_ORDER)), v))


def _canonical(mbs: list[_Member]) -> str:
    """The fullest name the members give (for a body, the long form of an acronym)."""
    if len(mbs) == 1:  # one member: its label, or its speaker as written when it has none
        return mbs[0].label or mbs[0].row.speaker or ""
    labels = _count([mb.label for mb in mbs if mb.label])
    if not labels:
        return mbs[0].row.speaker or ""
    return max(labels, key=lambda s: (len(words_of(s)) if not is_acronym(s) else 0, labels[s], s))


def _aliases(mbs: list[_Member]) -> list[str]:
    seen: dict[str, None] = {}
    for mb in mbs:
        for s in (mb.row.speaker, mb.row.mention):
            s = (s or "").strip()
            if s and s.lower() not in PERSONAL_PRONOUNS:
                seen.setdefault(s, None)
    return list(seen)


def resolve_speakers(rows: Iterable[SpeakerRow], texts: Iterable[tuple[str, str | None]] = ()) -> Resolution:
    """Entities of ``rows`` (one per claim with a speaker); ``texts`` are ``(text, outlet)`` of the
    corpus's articles, for acronym definitions and outlet names."""
    r = SpeakerResolver()
    for text, outlet in texts:
        r.add_document(text, outlet)
    r.add_many(rows)
    return r.resolve()
