"""Assembly: run the passes over one parsed article, fold overlapping candidates, name the
speakers and build the ``Attribution`` records."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc

from claimgraph.extract.hedges import is_hedged
from claimgraph.extract.speakers import SpeakerResolver, classify
from claimgraph.lexicon.attribution import SELF
from claimgraph.model import Attribution

from .candidates import colon_label_candidates, token_candidates
from .continuations import colon_followups, continuations
from .insertions import as_insertion_candidates
from .lemmas import repair_cue_lemmas
from .link import cut_excerpt_breaks, extend_with_quotes, quote_candidates
from .nesting import nested_cut
from .quotes import Quotes, find_quotes, paragraphs
from .relays import find_relays
from .spans import Cand, span_chars, starts_and_reach, trim_chars
from .tokens import TokenIndex


def _drop_overlaps(cands: list[Cand], doc: Doc) -> list[Cand]:
    """One attribution per content: drop exact duplicates and attributions whose cue sits inside
    another attribution's content (nested reports are folded into the outer one, except a
    paraphrase nested in a paraphrase, which keeps its own content and ends the outer one:
    see ``nesting``). Of two with the same content, the one that names a speaker stays ("is
    expected to add $1 trillion, according to analyses": the "according to" source, not the
    speakerless "expected")."""
    cands.sort(key=lambda c: (c.start, -(c.end - c.start), c.sp_head is None and c.parent is None))
    seen: set[tuple[int, int]] = set()
    uniq = []
    for c in cands:
        if (c.start, c.end) in seen:
            continue
        seen.add((c.start, c.end))
        uniq.append(c)
    # outer contents, by start, for "is this cue inside someone's content" checks
    starts, max_end = starts_and_reach(uniq)
    out = []
    cuts: list[tuple[Cand, int]] = []
    for c in uniq:
        anchor = doc[c.cue_lo].idx if c.cue_lo >= 0 else c.start
        j = bisect.bisect_right(starts, anchor) - 1
        inside = False
        # walk back over contents starting before the anchor; stop when none can reach it
        while j >= 0 and max_end[j] > anchor:
            o = uniq[j]
            if o is not c and o.start <= anchor < o.end and not (o.start >= c.start and o.end <= c.end):
                cut = nested_cut(o, c, doc)
                if cut is None:
                    inside = True
                    break
                cuts.append((o, cut))
            j -= 1
        if not inside:
            out.append(c)
    for o, cut in cuts:  # applied last so every nesting test above saw the outer contents whole
        o.end = min(o.end, cut)
    return out


def find_attributions(doc: Doc) -> list[Attribution]:
    """All attributions in ``doc``.

    ``content_start``/``content_end`` and the ``cue_``/``speaker_`` offsets are character offsets
    into ``doc.text``. Speakers are resolved against names earlier in the document; hedged is
    set when the content or the cue speculates ("might", "seem to", "I assume", a question).
    """
    index = TokenIndex(doc)
    text = index.text
    if not text.strip():
        return []
    repair_cue_lemmas(doc)
    paras = paragraphs(text)
    quotes = Quotes(find_quotes(text))
    cands = token_candidates(index)
    cands.extend(as_insertion_candidates(index, cands))
    cands.extend(colon_label_candidates(index, paras))
    cands.extend(colon_followups(cands, index, paras))
    cands.extend(quote_candidates(cands, index, quotes, paras))
    para_starts = [p[0] for p in paras]
    with_cue = sorted((c for c in cands if c.cue_lo >= 0), key=lambda c: doc[c.cue_lo].idx)
    taken = ([doc[c.cue_lo].idx for c in with_cue], with_cue)
    for c in cands:
        extend_with_quotes(c, index, quotes, para_starts, paras, taken)
        cut_excerpt_breaks(c, index)
        if c.kind == "reported" and quotes.overlapping(c.start, c.end):
            whole = quotes.at(c.start)
            c.kind = "direct" if whole is not None and quotes.spans[whole][1] >= c.end else "partial"
    cands = _drop_overlaps(cands, doc)
    cands.extend(continuations(cands, index, quotes, paras))
    cands = _drop_overlaps(cands, doc)
    return _finish(cands, index, quotes, paras)


def _finish(cands: list[Cand], index: TokenIndex, quotes: Quotes,
            paras: list[tuple[int, int]]) -> list[Attribution]:
    """Name each candidate's speaker (in document order, so pronouns see earlier speakers) and
    build the attributions; candidates in the author's own voice are dropped."""
    doc = index.doc
    resolver = SpeakerResolver(doc)
    relays = find_relays(index, paras, sorted(doc[c.cue_lo].idx for c in cands if c.cue_lo >= 0))
    relay_starts = [r[0] for r in relays]

    def relay_at(i: int) -> str | None:
        j = bisect.bisect_right(relay_starts, i) - 1
        if j >= 0 and relays[j][0] <= i < relays[j][1]:
            return relays[j][2]
        return None

    out: list[Attribution] = []
    # resolve in order of the speaker's position so pronouns see earlier speakers
    cands.sort(key=lambda c: (c.sp_lo if c.sp_lo >= 0 else c.start, c.start))
    for c in cands:
        if c.parent is not None:
            p = c.parent
            if p.skipped or p.speaker is None:
                continue
            c.speaker, c.speaker_mention, c.speaker_type, c.via = (
                p.speaker, p.speaker_mention, p.speaker_type, list(p.via))
        elif c.sp_head is not None:
            head = c.sp_head
            kind = classify(head, c.sp_lo, c.sp_hi)
            mention = index.text[slice(*trim_chars(index.text, *span_chars(doc, c.sp_lo, c.sp_hi)))]
            if c.sp_chars is not None:
                mention = index.text[c.sp_chars[0]:c.sp_chars[1]]
                kind = "person"
            outlet = relay_at(head.idx)
            if head.lower_ in SELF:
                if outlet is None or quotes.at(head.idx) is not None:
                    c.skipped = True
                    continue  # the author's own voice (or a quoted "I"): not an attribution
                name, kind = outlet, "organization"
            elif c.sp_chars is not None:
                name = mention
            else:
                name = resolver.resolve(head, c.sp_lo, c.sp_hi, kind)
                kind = resolver.kind_of(name, kind)
            if c.mention_tok is not None:
                mention = c.mention_tok.text
            c.speaker, c.speaker_mention, c.speaker_type = name, mention, kind
            if outlet is not None and name.lower() != outlet.lower() and outlet.lower() not in name.lower():
                c.via = [outlet]
            resolver.note_speaker(head.idx, name, kind)
        elif c.cue_lo >= 0:
            c.speaker_type = "unspecified"  # "allegations of fraud": reported, nobody named
        else:
            continue
        out.append(_to_attribution(c, index))
    out.sort(key=lambda a: (a.content_start, a.content_end))
    return out


def _cue_chars(c: Cand, doc: Doc) -> tuple[int, int] | None:
    """Characters of the cue (a continuation's is its parent's)."""
    if c.cue_chars is not None:
        return c.cue_chars
    if c.cue_lo >= 0:
        return span_chars(doc, c.cue_lo, c.cue_hi)
    return _cue_chars(c.parent, doc) if c.parent is not None else None


def _speaker_chars(c: Cand, index: TokenIndex) -> tuple[int, int] | None:
    """Characters of the speaker mention (a continuation's is its parent's)."""
    doc = index.doc
    if c.parent is not None:
        return _speaker_chars(c.parent, index)
    if c.mention_tok is not None:
        return span_chars(doc, c.mention_tok.i, c.mention_tok.i)
    if c.sp_chars is not None:
        return c.sp_chars
    if c.sp_lo >= 0:
        return trim_chars(index.text, *span_chars(doc, c.sp_lo, c.sp_hi))
    return None


def _to_attribution(c: Cand, index: TokenIndex) -> Attribution:
    doc = index.doc
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    hedged = c.hedged_cue or (span is not None and is_hedged(span))
    cue_at = _cue_chars(c, doc)
    sp_at = _speaker_chars(c, index)
    return Attribution(
        content_start=c.start, content_end=c.end,
        speaker_mention=c.speaker_mention, speaker=c.speaker, speaker_type=c.speaker_type,
        cue=index.text[cue_at[0]:cue_at[1]] if cue_at else None,
        cue_start=cue_at[0] if cue_at else None, cue_end=cue_at[1] if cue_at else None,
        speaker_start=sp_at[0] if sp_at else None, speaker_end=sp_at[1] if sp_at else None,
        via=list(c.via), kind=c.kind, hedged=hedged,
    )
