"""Claims: attribution contents and number-bearing sentences, each anchored to its words.

A quantity inside an attribution's content belongs to that attributed claim (so it keeps its
speaker); any other quantity makes its sentence a claim in the article's own voice.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Doc

from ..lexicon.speakers import PARTITIVE_PRONOUNS
from ..model import Attribution, Claim, Quantity
from .figure_source import figure_source
from .hedges import is_hedged
from .line_source import line_source
from .speakers import SpeakerResolver

_TRIM = " \t\r\n\"'“”‘’«»()[]"


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    # keep a closing bracket or quote that closes one opened inside the span
    return start, end


def _is_question(sentence: str) -> bool:
    return sentence.rstrip(_TRIM).endswith("?")


def _anaphoric_partitive(sent, q: Quantity) -> bool:
    """"Of those, 355 died", "300 of those people": a partitive that points back, not one that a
    modifier restricts ("a third of those with jobs", "42 percent of those responding")."""
    for tok in sent:
        if tok.lower_ in PARTITIVE_PRONOUNS and tok.i > sent.start and sent.doc[tok.i - 1].lower_ == "of":
            near = tok.i - 1 == sent.start or q.start - 2 <= tok.idx <= q.end + 12
            nxt = sent.doc[tok.i + 1] if tok.i + 1 < sent.end else None
            # restricted: "those with jobs", "those who voted", "those responding", "those surveyed"
            restricted = nxt is not None and (nxt.pos_ in ("ADP", "PRON", "SCONJ") or nxt.tag_ in ("VBG", "VBN")
                                              or nxt.lower_ in ("who", "that", "which"))
            if near and not restricted:
                return True
    return False


def _partitive_source(sent, q: Quantity, claims: list[tuple[int, int, Claim]]) -> Claim | None:
    """The attributed claim of the sentence just before ``sent``, when the figure ``q`` counts part
    of what that sentence counted ("Of those, 355 died.", "More than 300 of those people died.")."""
    if sent.start == 0 or not _anaphoric_partitive(sent, q):
        return None
    prev = sent.doc[sent.start - 1].sent
    found = [c for s, e, c in claims if c.speaker and prev.start_char <= s < prev.end_char]
    return found[-1] if found else None


def build_claims(doc: Doc, doc_id: str, attributions: list[Attribution],
                 quantities: list[Quantity]) -> list[Claim]:
    """Merge attributions and quantities of one parsed article into claims, in text order."""
    text = doc.text
    sents = list(doc.sents)
    sent_starts = [s.start_char for s in sents]

    def sentence_of(char: int):
        i = max(bisect.bisect_right(sent_starts, char) - 1, 0)
        return sents[i] if sents else None

    claims: list[tuple[int, int, Claim]] = []
    for a in attributions:
        s, e = _trim(text, a.content_start, a.content_end)
        if s >= e:
            continue
        sent = sentence_of(s)
        hedged = a.hedged or (is_hedged(sent) if sent is not None else False)
        claims.append((s, e, Claim(id="", text=text[s:e], start=s, end=e, speaker=a.speaker,
                                   speaker_mention=a.speaker_mention, speaker_type=a.speaker_type,
                                   cue=a.cue, via=list(a.via), hedged=hedged, kind=a.kind,
                                   sentence_start=sent.start_char if sent is not None else None,
                                   sentence_end=sent.end_char if sent is not None else None)))

    own: dict[int, Claim] = {}
    asks: dict[int, bool] = {}  # sentence start -> whether the sentence is a question
    resolvers: list[SpeakerResolver] = []  # built only for a document that needs it

    def resolver() -> SpeakerResolver:
        if not resolvers:
            resolvers.append(SpeakerResolver(doc))
        return resolvers[0]

    # claims that have started by the current figure and not yet ended before it, in claim order:
    # a sweep in start order, so a long article's figures are not each checked against every claim
    by_start = sorted(range(len(claims)), key=lambda k: claims[k][0])
    active: list[int] = []
    nxt = 0
    for q in sorted(quantities, key=lambda q: q.start):
        while nxt < len(by_start) and claims[by_start[nxt]][0] <= q.start:
            bisect.insort(active, by_start[nxt])
            nxt += 1
        active = [k for k in active if claims[k][1] >= q.start]  # ended: holds no later figure
        holders = [claims[k][2] for k in active if q.end <= claims[k][1]]
        if holders:
            # the innermost claim, unless it names no one ("concerned by reports that hundreds were
            # killed", Hague says): then the innermost one with a speaker asserts the figure
            spoken = [c for c in holders if c.speaker or c.speaker_mention] or holders
            min(spoken, key=lambda c: c.end - c.start).quantities.append(q)
            continue
        sent = sentence_of(q.start)
        if sent is None:
            continue
        if sent.start_char not in asks:  # once per sentence: its text is rebuilt token by token
            asks[sent.start_char] = _is_question(sent.text)
        if asks[sent.start_char]:
            continue  # a question in the article's own voice asserts nothing: not a claim
        claim = own.get(sent.start_char)
        if claim is None:
            s, e = _trim(text, sent.start_char, sent.end_char)
            s, e = min(s, q.start), max(e, q.end)
            claim = Claim(id="", text=text[s:e], start=s, end=e, hedged=is_hedged(sent),
                          kind="own_voice", sentence_start=sent.start_char, sentence_end=sent.end_char)
            found = figure_source(sent, q.start, q.end, resolver)
            before = None if found else _partitive_source(sent, q, claims)
            if found:  # "Reuters counted 228 bodies": the counter is the figure's source
                claim.speaker, claim.speaker_mention, claim.speaker_type, claim.cue = found
                claim.kind = "counted"
            elif before is not None:  # "Of those, 355 died.": the source of the sentence before
                claim.speaker, claim.speaker_mention = before.speaker, before.speaker_mention
                claim.speaker_type, claim.kind = before.speaker_type, "continuation"
            elif (laid := line_source(text, q.start, q.end)) is not None:
                # an embedded post signed "— Name (@handle)", a label "Name: 'quote'", or an
                # excerpt credited "(via Outlet):" in the line before
                claim.speaker, claim.speaker_mention, claim.cue = laid
                posted = laid[2] == "posted"
                claim.speaker_type = "person" if posted else "organization"
                claim.kind = "posted" if posted else "relayed" if laid[2] == "via" else "labelled"
            own[sent.start_char] = claim
            claims.append((s, e, claim))
        claim.quantities.append(q)

    claims.sort(key=lambda t: (t[0], t[1]))
    out = []
    for n, (_, _, c) in enumerate(claims, 1):
        c.id = f"{doc_id}#c{n}"
        out.append(c)
    return out
