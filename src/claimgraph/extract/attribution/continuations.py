"""Continuations: what an attribution goes on to say with no cue of its own.

A quote right after an attribution, the sentence after a main-clause cue that announces
something ("X admits the part it played. <the details>"), and the paragraph after "X said:".
"""

from __future__ import annotations

import bisect

from claimgraph.extract.speakers import speaker_bounds
from claimgraph.lexicon import cues
from claimgraph.lexicon.attribution import ANNOUNCING, SKIP_SPEAKERS

from .quotes import Quotes
from .spans import Cand, span_chars, starts_and_reach, trim
from .syntax import cue_tokens, subject
from .tokens import TokenIndex


def continuations(cands: list[Cand], index: TokenIndex, quotes: Quotes,
                  paras: list[tuple[int, int]]) -> list[Cand]:
    """Quotes and elaborating sentences with no cue of their own that continue an attribution."""
    doc = index.doc
    out: list[Cand] = []
    if not cands:
        return out
    para_starts = [p[0] for p in paras]
    by_start = sorted(cands, key=lambda c: c.start)
    cov_starts, cov_ends_max = starts_and_reach(by_start)

    def is_covered(s: int, e: int) -> bool:
        """Is s..e already (part of) someone's content? Attributions nested inside s..e
        (a cue within the quote itself) do not count."""
        j = bisect.bisect_right(cov_starts, e - 1) - 1
        while j >= 0 and cov_ends_max[j] > s:
            d = by_start[j]
            if d.end > s:
                anchor = doc[d.cue_lo].idx if d.cue_lo >= 0 else d.start
                if not (s <= anchor < e and s <= d.start and d.end <= e):
                    return True
            j -= 1
        return False

    by_end = sorted(cands, key=lambda c: c.end)
    ends = [c.end for c in by_end]
    cue_starts = sorted(doc[c.cue_lo].idx for c in cands if c.cue_lo >= 0)

    def has_cue(s: int, e: int) -> bool:
        j = bisect.bisect_left(cue_starts, s)
        return j < len(cue_starts) and cue_starts[j] < e

    def para_of(i: int) -> int:
        return bisect.bisect_right(para_starts, i) - 1

    for qs, qe in quotes.spans:
        if is_covered(qs, qe) or len(index.text[qs:qe].split()) < 4:
            continue
        # the quote must open its sentence and have no cue around it
        span = doc.char_span(qs, qe, alignment_mode="expand")
        if span is None:
            continue
        sent = index.sent(span[0])
        # (cues inside the quote are the quoted speaker's own words and do not count)
        if index.text[sent.start_char:qs].strip() or has_cue(sent.start_char, qs) or \
                has_cue(qe, max(sent.end_char, qe)):
            continue
        j = bisect.bisect_right(ends, qs) - 1
        if j < 0:
            continue
        prev = by_end[j]
        pq, pp = para_of(qs), para_of(prev.end)
        between = index.text[prev.end:qs]
        same_para = pq == pp
        # "..., he said:" closing one paragraph and the quote opening the next
        colon_intro = pq == pp + 1 and between.strip() in (":", ".:", "") and \
            index.text[max(0, qs - 20):qs].rstrip().endswith(":")
        prev_sent_end = index.sent(doc[max(prev.cue_hi, 0)]).end_char if prev.cue_lo >= 0 else prev.end
        adjacent = same_para and not index.text[max(prev.end, prev_sent_end):qs].strip()
        if adjacent or colon_intro:
            out.append(Cand(qs, qe, -1, -1, prev.sp_head, prev.sp_lo, prev.sp_hi,
                            kind="continuation", parent=prev))
    # "X admits the part it played. <the details>": the next sentence of the paragraph
    for c in cands:
        if not c.np_content or c.cue_lo < 0:
            continue
        verb = doc[c.verb_i] if c.verb_i >= 0 else doc[c.cue_lo]
        if verb.lemma_ not in ANNOUNCING or verb.dep_ != "ROOT" or c.end - c.start > 60:
            continue  # only a main-clause "X admits <short object>." announces what follows
        sent = index.sent(doc[c.cue_lo])
        if sent.end >= len(doc):
            continue
        nxt = index.sent(doc[sent.end])
        if para_of(nxt.start_char) != para_of(sent.start_char) or nxt.text.rstrip().endswith("?"):
            continue
        if is_covered(nxt.start_char, nxt.end_char) or has_cue(nxt.start_char, nxt.end_char):
            continue
        if quotes.at(nxt.start_char) is not None:
            continue
        trimmed = trim(doc, nxt.start, nxt.end - 1)
        if trimmed is None:
            continue
        s, e = span_chars(doc, *trimmed)
        out.append(Cand(s, e, -1, -1, c.sp_head, c.sp_lo, c.sp_hi, kind="continuation", parent=c))
    return out


def colon_followups(cands: list[Cand], index: TokenIndex, paras: list[tuple[int, int]]) -> list[Cand]:
    """"X said:" / "X continued on Monday:" ending a line: the next paragraph is what X said."""
    out = []
    doc = index.doc
    text = index.text
    tok_starts = index.starts
    used = {c.verb_i for c in cands if c.verb_i >= 0}
    for k, (ps, pe) in enumerate(paras[:-1]):
        if text[pe - 1] != ":":
            continue
        colon = bisect.bisect_right(tok_starts, pe - 1) - 1
        sent = index.sent(doc[colon])
        verb = None
        for t in doc[max(sent.start, bisect.bisect_left(tok_starts, ps)):colon]:
            if t.pos_ == "VERB" and t.lemma_ in cues.SPEECH_VERBS and t.i not in used:
                verb = t
        if verb is None:
            continue
        subj = subject(index, verb)
        if subj is None or subj.lower_ in SKIP_SPEAKERS:
            continue
        s, e = paras[k + 1]
        slo, shi = speaker_bounds(subj)
        clo, chi = cue_tokens(verb, [])
        out.append(Cand(s, e, clo, chi, subj, slo, shi, kind="direct", verb_i=verb.i))
    return out
