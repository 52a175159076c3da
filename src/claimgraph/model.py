"""Plain dataclasses passed between the stages: read → clean → dedup → extract → link → store.

Every span carries character offsets into ``Article.text`` (the cleaned text), so a claim can
always be traced back to the exact words of its source.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

InputKind = Literal["text", "html"]


@dataclass(slots=True)
class RawDoc:
    """One input document as read, before any cleaning.

    ``content`` is ``bytes`` when the reader could not know the encoding (files), ``str``
    when the container already decoded it (JSON records).
    """

    id: str
    content: bytes | str
    kind: InputKind = "text"
    source: str = ""  # file path or URL, for error messages and provenance
    line: int | None = None  # record line number inside ``source``, when there is one
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class ReadError:
    """A bad input: reported on one line, never fatal for the rest of the batch."""

    source: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.message}"


@dataclass(slots=True)
class Quantity:
    """A number in the text, with what it counts. Offsets are into the article text."""

    text: str
    start: int
    end: int
    value: float | None = None
    low: float | None = None
    high: float | None = None
    approx: bool = False
    unit: str | None = None
    counted: str | None = None
    kind: str = "count"  # count | money | percent | measure
    normalized: dict[str, Any] | None = None  # e.g. {"value": 6000.0, "unit": "meter"}
    # What the parse knew (extract/quantity_context.py); None/empty where it did not say.
    bound: str | None = None  # exact | approx | range | lower | upper | upper_figure | near_below | tally
    lemma: str | None = None  # the counted noun's lemma ("children" -> "child")
    qualifiers: list[str] = field(default_factory=list)  # lemmas of its modifiers ("innocent")
    predicate: str | None = None  # lemma of the verb that governs the figure ("kill")
    subject: str | None = None  # that verb's subject, when not the figure itself ("toll")
    polarity: str | None = None  # asserted | denied | expected | hypothetical
    places: list[str] = field(default_factory=list)  # named places of the sentence
    entities: list[str] = field(default_factory=list)  # other named entities of the sentence
    times: list[str] = field(default_factory=list)  # date and time expressions of the sentence
    tally: int | None = None  # 1 or 2: the first or second count of a vote tally ("257-167")

    PARSE_FIELDS = ("bound", "lemma", "qualifiers", "predicate", "subject", "polarity", "places", "entities",
                    "times", "tally")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Attribution:
    """Who says what: the content span plus the speaker and cue as written."""

    content_start: int
    content_end: int
    speaker_mention: str | None = None
    speaker: str | None = None  # resolved name ("he" -> "Brett McGurk")
    speaker_type: str | None = None  # person | organization | anonymous | document | ...
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    via: list[str] = field(default_factory=list)
    kind: str = "reported"  # direct | partial | reported | according_to | continuation
    hedged: bool = False


@dataclass(slots=True)
class Claim:
    """A span of the article holding an attribution or a quantity (or both)."""

    id: str
    text: str
    start: int
    end: int
    speaker: str | None = None
    speaker_mention: str | None = None
    speaker_type: str | None = None
    cue: str | None = None
    via: list[str] = field(default_factory=list)
    hedged: bool = False
    kind: str = "own_voice"
    sentence_start: int | None = None
    sentence_end: int | None = None
    quantities: list[Quantity] = field(default_factory=list)
    speaker_id: str | None = None  # the speaker entity (``Speaker.id``) across the store

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["quantities"] = [q.to_dict() for q in self.quantities]
        return d


@dataclass(slots=True)
class Speaker:
    """One speaker entity across the store: a person or body with every alias it was written as.

    ``type`` is one of person, government, agency, organization, outlet, study,
    anonymous_official, witness, document; ``possible`` lists entities it may be (a bare surname,
    a title) but was kept apart from: ``[{"id", "name", "reason"}]``.
    """

    id: str
    name: str
    type: str
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    affiliation: str | None = None
    claims: int = 0
    documents: int = 0
    possible: list[dict[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Article:
    """A cleaned article: the unit every later stage works on."""

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # ISO 8601 (clean/dates.normalize_date), None when unknown or impossible
    url: str | None = None
    source: str = ""
    raw: str = ""
    kind: InputKind = "text"
    content_hash: str = ""
    duplicate_of: str | None = None
    removed: list[str] = field(default_factory=list)  # boilerplate blocks taken out, for audit
    claims: list[Claim] = field(default_factory=list)
    entities: list[dict[str, Any]] = field(default_factory=list)
    published_raw: str | None = None  # the date as the input wrote it


@dataclass(slots=True)
class Story:
    """Articles about one event, with topic-level links to other stories."""

    id: str
    documents: list[str]
    related: list[str] = field(default_factory=list)
    title: str | None = None
    terms: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Comparison:
    """Claims about one measure from different sources, and whether they agree."""

    measure: str
    claims: list[str]
    verdict: Literal["conflict", "consistent", "updated"]
    explanation: str
    story: str | None = None
    kind: str = "numeric"  # numeric | intent_vs_outcome
    sources: list[str] = field(default_factory=list)
    independent_origins: int | None = None
    sides: list[list[str]] = field(default_factory=list)  # conflicts: claim ids that stand together
    quantities: list[dict[str, Any]] = field(default_factory=list)  # [{"claim": id, "index": i}]
    # updated: the reports in time order (see claimgraph.link.timeline)
    timeline: list[dict[str, Any]] = field(default_factory=list)
