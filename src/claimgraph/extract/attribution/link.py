"""Quote–cue linking: quotes credited by a cue right before or after them (or a dash), and
contents grown over the quotes their cue introduces."""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Token

from claimgraph.extract.speakers import speaker_bounds
from claimgraph.lexicon import cues
from claimgraph.lexicon.attribution import DASHES, SELF, SKIP_SPEAKERS, STOPS

from .quotes import Quotes
from .spans import Cand, trim
from .syntax import is_skipped_speaker, subject
from .tokens import TokenIndex

_QUOTE_CUE_WINDOW = 14  # tokens between a quote and its cue verb


def _range_root(doc: Doc, lo: int, hi: int) -> Token | None:
    """The noun-like token of doc[lo..hi] whose head lies outside the range."""
    best = None
    for t in doc[lo:hi + 1]:
        if t.pos_ in ("NOUN", "PROPN", "PRON") and not (lo <= t.head.i <= hi and t.head.i != t.i):
            if best is None or t.pos_ == "PROPN" and best.pos_ != "PROPN":
                best = t
    return best


def _speaker_near(index: TokenIndex, verb: Token, lo: int, hi: int) -> Token | None:
    """Speaker of a quote's cue verb: its subject, else the noun phrase between quote and verb.
    A "subject" the parser found inside the quote itself is not the speaker."""
    subj = subject(index, verb)
    if subj is not None and subj.i >= lo:
        return subj
    return _range_root(verb.doc, lo, hi) if lo <= hi else None


_DASH_CREDIT_RE = re.compile("[^\\S\n]*(?:\u2015|\u2014|\u2013|--|-)[^\\S\n]*")
_NAME_WORD_RE = re.compile(r"[A-Z][\w'\u2019.-]*$|[A-Z]\.$")


def _dash_credit(index: TokenIndex, qe: int, para_end: int) -> tuple[int, int, int, int, int] | None:
    """A pull-quote credit right after a quote: “...” ― Jane Doe. Works on characters because
    the tokenizer glues the dash to the mark ("”―") or to the name ("―Jane").
    Returns (dash token, first name token, last name token, name start char, dash char)."""
    doc, tok_starts = index.doc, index.starts
    m = _DASH_CREDIT_RE.match(index.text, qe, para_end)
    if not m or m.end() >= para_end:
        return None
    dash_pos = m.start() + len(m.group()) - len(m.group().lstrip())
    dash_i = bisect.bisect_right(tok_starts, dash_pos) - 1
    name_start = m.end()
    first = bisect.bisect_right(tok_starts, name_start) - 1
    j = first
    while j < len(doc) and doc[j].idx < para_end and j - first < 6:
        word = index.text[max(doc[j].idx, name_start):doc[j].idx + len(doc[j].text)]
        if not _NAME_WORD_RE.match(word):
            break
        j += 1
    if j - first < 2 and not (j > first and doc[first].ent_type_ == "PERSON"):
        return None  # one capitalised word is too weak a credit
    return dash_i, first, j - 1, name_start, dash_pos


# Cue verbs whose object is whom they speak to ("told reporters"), not what they report.
_ADDRESSEE_VERBS = frozenset({"tell", "ask", "promise", "assure", "inform", "remind", "warn", "email", "text"})


def _reports_own_object(verb: Token, k: int) -> bool:
    """Does ``verb`` (after a quote that ends at token ``k``) have a subject of its own and a
    common-noun object, so it reports that object ("Officials have discovered two devices")
    rather than credits the quote? Inverted credits ("said the spokesman") have no subject
    before the verb, and dates ("said last week") are not objects."""
    if verb.lemma_ in _ADDRESSEE_VERBS:
        return False
    if not any(c.dep_ in ("nsubj", "nsubjpass") and k <= c.i < verb.i for c in verb.children):
        return False
    return any(c.dep_ == "dobj" and c.i > verb.i and c.pos_ == "NOUN" and not c.ent_type_
               and c.lemma_.lower() not in cues.SPEAKER_PERSON_NOUNS for c in verb.children)


# “...,” Mr. Romney.  A quote credited by a comma and a name alone, closing its paragraph.
_COMMA_CREDIT_RE = re.compile(r"[^\S\n]+((?:[A-Z][\w'\u2019.-]*[^\S\n]+){0,4}[A-Z][\w'\u2019-]*)[^\S\n]*[.!]?[^\S\n]*$")


def _comma_credit(index: TokenIndex, qs: int, qe: int, para_end: int) -> tuple[int, int, int] | None:
    """(comma token, first, last name token) for a quote that opens its paragraph and whose own
    comma hands it to a name that ends the paragraph with no verb (a dropped "said"): “We will
    win,” Mr. Ortiz."""
    text, doc = index.text, index.doc
    if qe - qs < 3 or text[qe - 2] != ",":
        return None
    m = _COMMA_CREDIT_RE.match(text[:para_end], qe)
    if m is None:
        return None
    first = bisect.bisect_left(index.starts, m.start(1))
    last = bisect.bisect_right(index.starts, m.end(1) - 1) - 1
    names = doc[first:last + 1]
    if not any(t.ent_type_ == "PERSON" for t in names) and doc[first].lower_.rstrip(".") not in cues.TITLE_WORDS:
        return None  # only a person signs a quote like this
    comma = bisect.bisect_right(index.starts, qe - 2) - 1
    return comma, first, last


def _cue_after_quote(index: TokenIndex, k: int, para_end: int) -> tuple[Token, Token, int] | None:
    """(cue token, speaker head, cue end token) for "“...,” X said" / "“...” said X" / "“...” ― X"."""
    doc = index.doc
    n = len(doc)
    start = k
    while k < n and doc[k].is_space:
        k += 1
    j = k
    while j < n and j - start <= _QUOTE_CUE_WINDOW and doc[j].idx < para_end:
        t = doc[j]
        if t.text in STOPS:
            return None
        if t.pos_ == "VERB" and t.lemma_ in cues.SPEECH_VERBS:
            if any(c.dep_ in ("ccomp", "xcomp") and c.i > t.i for c in t.children):
                return None  # “Title,” she said that ...: the verb reports something else
            if _reports_own_object(t, k):
                return None  # “... attack.” Police have discovered two devices: not a credit
            spk = _speaker_near(index, t, k, j - 1)
            if spk is None:
                # inverted: "said Caddell"
                m = j + 1
                while m < n and not doc[m].is_punct and doc[m].idx < para_end and m - j <= 8:
                    m += 1
                spk = _range_root(doc, j + 1, m - 1)
            if spk is None:
                return None
            return t, spk, j
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("relcl", "acl", "amod", "aux", "auxpass"):
            return None
        j += 1
    return None


# Verbs that report speech only when a quote follows them ("Limbaugh continued: “...”").
_QUOTE_ONLY_CUES = frozenset({"continue", "conclude"})


def _introduces_quote(verb: Token) -> bool:
    return verb.lemma_ in cues.SPEECH_VERBS or verb.lemma_ in _QUOTE_ONLY_CUES


def _cue_before_quote(index: TokenIndex, k: int, para_start: int) -> tuple[Token, Token, int] | None:
    """(cue, speaker, cue token) for "X said, “...”" / "X said: “...”" (k = last token before)."""
    doc = index.doc
    while k >= 0 and doc[k].is_space:
        k -= 1
    if k < 0 or doc[k].idx < para_start:
        return None
    if doc[k].text in (",", ":"):
        j = k - 1
    elif doc[k].pos_ == "VERB" and _introduces_quote(doc[k]):
        j = k  # "She continued “...”": the verb touches the quote
    else:
        return None
    while j >= 0 and k - j <= _QUOTE_CUE_WINDOW and doc[j].idx >= para_start:
        t = doc[j]
        if t.text in STOPS:
            return None
        if t.pos_ == "VERB" and _introduces_quote(t):
            subj = subject(index, t)
            if subj is None or is_skipped_speaker(subj, SKIP_SPEAKERS):
                return None
            if t.lemma_ in _QUOTE_ONLY_CUES and subj.pos_ not in ("PROPN", "PRON") and not subj.ent_type_:
                return None  # "The fighting continued, “...”": only someone continues speaking
            return t, subj, j
        j -= 1
    return None


def quote_candidates(cands: list[Cand], index: TokenIndex, quotes: Quotes,
                     paras: list[tuple[int, int]]) -> list[Cand]:
    """Quotes whose cue sits right before or after them; a verb candidate whose parse missed
    the quote (its content elsewhere) is replaced by the quote."""
    doc = index.doc
    tok_starts = index.starts
    para_starts = [p[0] for p in paras]
    by_verb = {c.verb_i: c for c in cands if c.verb_i >= 0}
    spans = sorted((c.start, c.end) for c in cands)
    starts = [x for x, _ in spans]
    out: list[Cand] = []
    for qs, qe in quotes.spans:
        j = bisect.bisect_right(starts, qs) - 1
        if j >= 0 and spans[j][1] >= qe:
            continue  # already the content of an attribution
        pi = bisect.bisect_right(para_starts, qs) - 1
        ps, pe = paras[pi] if pi >= 0 else (0, len(index.text))
        after = bisect.bisect_left(tok_starts, qe)
        # a pull quote opens its line and is credited after a dash
        credit = _dash_credit(index, qe, pe) if qs == ps else None
        if credit is not None:
            dash_i, first, last, name_start, dash_pos = credit
            c = Cand(qs, qe, dash_i, dash_i, doc[last], first, last, kind="direct",
                     sp_chars=(name_start, doc[last].idx + len(doc[last].text)),
                     cue_chars=(dash_pos, dash_pos + 1))
            out.append(c)
            continue
        comma = _comma_credit(index, qs, qe, pe) if qs == ps else None  # the quote is the paragraph
        if comma is not None:
            comma_i, first, last = comma
            head = _range_root(doc, first, last) or doc[last]
            out.append(Cand(qs, qe, comma_i, comma_i, head, first, last, kind="direct"))
            continue
        found = _cue_after_quote(index, after, pe) if after < len(doc) else None
        if found is None:
            before = bisect.bisect_left(tok_starts, qs) - 1
            found = _cue_before_quote(index, before, ps)
        if found is None:
            continue
        cue, spk, cue_i = found
        if spk.lower_ in SKIP_SPEAKERS or spk.lower_ in SELF:
            continue
        old = by_verb.get(cue.i)
        if old is not None:
            if old.start <= qs and old.end >= qe:
                continue
            if old.kind == "direct":  # a second part of the same quote: “A,” he said, “B.”
                old.start, old.end = min(old.start, qs), max(old.end, qe)
            elif old.start >= qe and qe <= cue.idx:
                pass  # “Meet the Press,” she said that ...: the quote is a title, not her words
            else:  # the parse hung the verb's content elsewhere; the adjacent quote wins
                old.start, old.end, old.kind = qs, qe, "direct"
            continue
        if cue.i > after - 1 and cue.text not in DASHES:
            first = bisect.bisect_left(tok_starts, qs)
            sent = index.sent(doc[min(first, len(doc) - 1)])
            if sent.start_char < qs and sent.start_char >= ps:
                trimmed = trim(doc, sent.start, first)
                if trimmed is not None:
                    qs = doc[trimmed[0]].idx
        slo, shi = speaker_bounds(spk)
        if spk.i > cue.i and cue.text in DASHES:
            slo = cue.i + 1
            while slo < spk.i and not doc[slo].pos_ == "PROPN":
                slo += 1
        c = Cand(qs, qe, cue.i, cue.i, spk, slo, shi, kind="direct", verb_i=cue.i if cue.pos_ == "VERB" else -1)
        out.append(c)
        if c.verb_i >= 0:
            by_verb[c.verb_i] = c
    return out


_EXCERPT_BREAK_RE = re.compile("(?:\u2026|\\.\\.\\.)\\.?(?=[^\\s.\u2026])")


def cut_excerpt_breaks(c: Cand, index: TokenIndex) -> None:
    """An ellipsis glued to the next word ("long….Footage") joins two excerpts of a quoted
    source: the content stays on the cue's side of it."""
    doc = index.doc
    if c.cue_lo < 0:
        return
    cue_start = doc[c.cue_lo].idx
    breaks = list(_EXCERPT_BREAK_RE.finditer(index.text, c.start, c.end))
    if not breaks:
        return
    if cue_start <= c.start:
        c.end = max(c.start + 1, breaks[0].start())
    elif cue_start >= c.end:
        c.start = min(c.end - 1, breaks[-1].end())
    text = index.text
    while c.end > c.start and not text[c.end - 1].isalnum() and text[c.end - 1] not in "\u201d\"'\u2019?!)":
        c.end -= 1


def _claimed_between(c: Cand, qs: int, qe: int, by_cue: tuple[list[int], list[Cand]], doc: Doc) -> bool:
    """Does another cue between ``c``'s cue and the quote at qs..qe report that quote?"""
    starts, cands = by_cue
    k = bisect.bisect_right(starts, doc[c.cue_hi].idx)
    while k < len(starts) and starts[k] < qs:
        d = cands[k]
        if d is not c and d.end > qs:
            return True
        k += 1
    # “B,” added Y: the quote has a cue of its own after it
    k = bisect.bisect_left(starts, qe)
    while k < len(starts) and starts[k] < qe + 200:
        d = cands[k]
        if d is not c and d.start < qe and d.end > qs:
            return True
        k += 1
    return False


def extend_with_quotes(c: Cand, index: TokenIndex, quotes: Quotes, para_starts: list[int],
                       paras: list[tuple[int, int]], taken: tuple[list[int], list[Cand]]) -> None:
    """Grow content to whole quotes it touches, over a quote split by its own cue ("“A,” he
    said. “B.”"), and back to the start of a sentence the quote ends ("Sadly, the plan ''is
    doomed,'' she said"). ``taken`` holds the contents of the other attributions: a quote one
    of them already reports ("..., adding, “B”") is not merged."""
    if c.cue_lo < 0:
        return
    doc = index.doc
    cue_start = doc[c.cue_lo].idx
    if quotes.at(cue_start) is not None:
        return  # a cue inside a quote: the quote is someone else's words
    for j in quotes.overlapping(c.start, c.end):
        qs, qe = quotes.spans[j]
        c.start, c.end = min(c.start, qs), max(c.end, qe)
    if c.end > cue_start:
        return
    if quotes.at(c.start) is not None:
        tok = doc.char_span(c.start, c.start + 1, alignment_mode="expand")
        if tok is not None:
            sent = index.sent(tok[0])
            pi = bisect.bisect_right(para_starts, c.start) - 1
            if pi >= 0 and sent.start_char >= paras[pi][0] and sent.start_char < c.start and \
                    index.sent(doc[c.cue_lo]).start == sent.start:
                trimmed = trim(doc, sent.start, tok[0].i)
                if trimmed is not None:
                    c.start = doc[trimmed[0]].idx
    sent_end = index.sent(doc[c.cue_hi]).end_char
    pi = bisect.bisect_right(para_starts, cue_start) - 1
    para_end = paras[pi][1] if pi >= 0 else len(index.text)
    j = bisect.bisect_left(quotes.starts, doc[c.cue_hi].idx)
    while j < len(quotes.spans):
        qs, qe = quotes.spans[j]
        if qs >= para_end:
            # “A,” he said.¶“B.”: a paragraph that is only a quote goes on with the same voice
            nxt = pi + 1
            if not (nxt < len(paras) and paras[nxt][0] == qs and qe >= paras[nxt][1] - 1
                    and not index.text[sent_end:para_end].strip()):
                break
            pi, para_end = nxt, paras[nxt][1]
        if _claimed_between(c, qs, qe, taken, doc):
            break
        gap = index.text[sent_end:qs] if qs >= sent_end else ""
        if qs < sent_end or not gap.strip():
            c.end = max(c.end, qe)
            sent_end = qe
            j += 1
            continue
        break
