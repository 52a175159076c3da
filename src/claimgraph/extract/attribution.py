"""Attribution: who says what, through whom.

``find_attributions(doc)`` finds, in one parsed article:

- reported speech and thought: a cue verb (say, tell, admit, warn, believe, reveal, ...) with its
  speaker (subject, "by" agent, the subject it shares with a governing verb, or the noun a
  relative clause hangs on) and its content (clausal complement, to-infinitive, noun-phrase
  object, "called for ..." phrase); a cue set inside its clause ("The test, officials said,
  was ...") takes the rest of the clause; the parser's common misattachments are repaired;
- "according to X", nominal cues ("X's claim that ...", "criticism of Y by X"), stance
  adjectives ("X is skeptical of Y"), "X: ..." headline and transcript labels, and reports with
  nobody named ("allegations of fraud", "he allegedly ...", "is expected to ...");
- direct quotes (straight, curly, '' and single marks; multi-sentence and block quotes over
  paragraphs; pull quotes credited "― Name") with the cue before, after or between the parts
  of a quote, and partial inline quotes;
- continuations: a quote right after an attribution with no cue of its own, the paragraph after
  "X said:", and the sentence after a main-clause cue that announces something ("X admits the
  part it played. <the details>");
- nesting: inside a passage relayed from an outlet (a line ending in ":" that names it, then
  paragraphs opening with an ellipsis) the outlet goes into ``via`` and "we/us" mean the outlet.
  A report inside another's content is folded into the outer one.

Claims in the article's own voice ("I assume ...", unattributed sentences) are not attributions.
``kind`` is direct | partial | reported | according_to | continuation. Every offset is a
character offset into ``doc.text``. The passes are linear in the number of tokens (look-ups go
through per-document indexes), so long articles stay cheap.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from claimgraph.extract import cues as C
from claimgraph.extract.hedges import is_hedged
from claimgraph.extract.speakers import SpeakerResolver, classify, speaker_bounds
from claimgraph.model import Attribution

# ----------------------------------------------------------------------------- quotes

_DOUBLE_RE = re.compile("[\u201c\u201d\"]|''|``")
_OPEN_CONTEXT = set(" \t\n([{\u2014\u2013-/:;\u2026")
_SINGLE_OPEN_RE = re.compile("(?:(?<=^)|(?<=[\\s(\\[\u201c\"\u2014]))[\u2018'](?=[A-Za-z0-9])")
_SINGLE_CLOSE_RE = re.compile("(?<=[^\\s])[\u2019'](?=$|[\\s.,;:!?)\u201d\"\u2014-])")
_MAX_SINGLE_QUOTE = 300  # characters; longer "quotes" are apostrophes that happen to pair up
_OPEN_MARKS = ("\u201c", '"', "''", "``", "\u2018", "'")


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Character spans of the non-blank lines of ``text`` (one paragraph per line)."""
    out = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        stripped = line.strip()
        if stripped:
            s = pos + (len(line) - len(line.lstrip()))
            out.append((s, s + len(stripped)))
        pos = end + 1
    return out


def _starts_with_open_quote(text: str, start: int, end: int) -> bool:
    return any(text.startswith(m, start, end) for m in _OPEN_MARKS[:4])


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Character spans (marks included) of top-level double-quoted passages, then of single-quoted
    ones that lie outside them. A quote left open at the end of a paragraph continues when the
    next paragraph opens with a quote mark (the block-quote convention); otherwise it ends there.
    """
    paras = paragraphs(text)
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    for k, (ps, pe) in enumerate(paras):
        for m in _DOUBLE_RE.finditer(text, ps, pe):
            mark, i = m.group(), m.start()
            prev = text[i - 1] if i > ps else " "
            nxt = text[i + 1] if i + 1 < pe else " "
            if mark in ("\u201c", "``"):
                # a typo'd “ closing a quote: “...“ followed by space or punctuation
                role = "close" if open_at is not None and not prev.isspace() and (
                    nxt.isspace() or nxt in ".,;:!?)") else "open"
            elif mark == "\u201d":
                # a typo'd ” opening a quote: at a paragraph start or after a space, before a word
                role = "open" if open_at is None and prev in _OPEN_CONTEXT and nxt.isalnum() else "close"
            elif mark == "''":
                role = "close" if open_at is not None else "open"
            else:  # straight double quote: decide from the context
                if open_at is not None:
                    role = "close"
                elif prev in _OPEN_CONTEXT and not nxt.isspace():
                    role = "open"
                else:
                    role = "stray"
            if role == "open":
                if open_at is None:
                    open_at = i
                elif not (open_at < ps and i == ps):  # (a block quote's next paragraph goes on)
                    open_at = i  # two openings in a row: the first one was never closed
            elif role == "close" and open_at is not None:
                spans.append((open_at, m.end()))
                open_at = None
        if open_at is not None:
            nxt_para = paras[k + 1] if k + 1 < len(paras) else None
            if not (nxt_para and _starts_with_open_quote(text, nxt_para[0], nxt_para[1])):
                spans.append((open_at, pe))
                open_at = None
    # single quotes outside double-quoted passages
    starts = [s for s, _ in spans]
    singles: list[tuple[int, int]] = []
    for ps, pe in paras:
        pos = ps
        while True:
            m = _SINGLE_OPEN_RE.search(text, pos, pe)
            if not m:
                break
            c = _SINGLE_CLOSE_RE.search(text, m.end() + 1, min(pe, m.end() + _MAX_SINGLE_QUOTE))
            if not c:
                pos = m.end()
                continue
            s, e = m.start(), c.end()
            j = bisect.bisect_right(starts, s) - 1
            if not (j >= 0 and spans[j][1] > s):
                singles.append((s, e))
            pos = e
    return sorted(spans + singles)


# ----------------------------------------------------------------------------- sentences

_SENT_KEY = "claimgraph.attribution.sents"


def _sent(tok: Token) -> Span:
    """The sentence of ``tok``. ``Token.sent`` walks the whole document on every call; this
    looks it up in a per-document index built once (kept in ``doc.user_data`` while
    ``find_attributions`` runs)."""
    doc = tok.doc
    idx = doc.user_data.get(_SENT_KEY)
    if idx is None:
        sents = list(doc.sents)
        idx = ([s.start for s in sents], sents)
        doc.user_data[_SENT_KEY] = idx
    starts, sents = idx
    return sents[bisect.bisect_right(starts, tok.i) - 1]


_TEXT_KEY = "claimgraph.attribution.text"


def _text(doc: Doc) -> str:
    """``doc.text`` rebuilds the string on every access; keep one copy per run."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.text
        doc.user_data[_TEXT_KEY] = text
    return text


_STARTS_KEY = "claimgraph.attribution.starts"


def _tok_starts(doc: Doc) -> list[int]:
    """Character offset of every token, for bisecting from characters to tokens."""
    starts = doc.user_data.get(_STARTS_KEY)
    if starts is None:
        starts = [t.idx for t in doc]
        doc.user_data[_STARTS_KEY] = starts
    return starts


# ----------------------------------------------------------------------------- candidates


@dataclass(slots=True)
class _Cand:
    start: int  # content, characters
    end: int
    cue_lo: int  # cue tokens (inclusive); -1 when there is no cue token
    cue_hi: int
    sp_head: Token | None
    sp_lo: int = -1
    sp_hi: int = -1
    kind: str = "reported"
    np_content: bool = False  # content is a bare noun phrase ("admits the part it played")
    speaker: str | None = None
    speaker_mention: str | None = None
    speaker_type: str | None = None
    via: list[str] = field(default_factory=list)
    hedged_cue: bool = False
    parent: _Cand | None = None  # for continuations: the attribution they continue
    verb_i: int = -1  # the cue verb's token index, when the cue is a verb
    mention_tok: Token | None = None  # a relative pronoun standing for the speaker ("who said")
    skipped: bool = False
    sp_chars: tuple[int, int] | None = None  # speaker written inside glued tokens ("”―Name")
    cue_chars: tuple[int, int] | None = None


_BAD_CONTENT = frozenset({"it", "that", "this", "so", "what", "which", "something", "anything",
                          "nothing", "more", "much", "otherwise", "yes", "no", "these",
                          "those", "everything", "all", "one", "them", "him", "her", "us", "me"})
_TRIM_PUNCT = frozenset({",", ";", ":", "-", "\u2014", "\u2013", "(", ")", "[", "]", "."})
_SKIP_SPEAKERS = frozenset({"there", "what", "which", "this", "these", "those", "you", "one",
                            "nobody", "anyone", "everybody", "everyone", "both", "each"})
_SELF = frozenset({"i", "we", "me", "us"})
_SPECULATIVE = frozenset({"might", "may", "could"})
_HEDGE_CUES = frozenset({"speculate", "guess", "suspect", "assume", "suppose", "presume",
                         "imagine", "wonder", "hope", "fear"})
_NON_CUE_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod"})


def _span_chars(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def _trim(doc: Doc, lo: int, hi: int) -> tuple[int, int] | None:
    """Drop edge punctuation and conjunction tokens; None when nothing is left."""
    while lo <= hi and (doc[lo].text in _TRIM_PUNCT or doc[lo].is_space or doc[lo].dep_ == "cc"):
        lo += 1
    while hi >= lo and (doc[hi].text in _TRIM_PUNCT or doc[hi].is_space or doc[hi].dep_ == "cc"):
        hi -= 1
    if lo > hi:
        return None
    words = [t for t in doc[lo:hi + 1] if not t.is_punct]
    if not words:
        return None
    if len(words) == 1 and words[0].lower_ in _BAD_CONTENT:
        return None
    if len(words) == 1 and words[0].tag_ in ("WP", "WDT", "PRP"):
        return None
    return lo, hi


def _subject(verb: Token, depth: int = 0) -> Token | None:
    """The speaker of ``verb``: its subject, a passive "by" agent, the subject of the verb it
    continues ("said ..., adding that"), or the noun a relative clause hangs on."""
    passive = False
    for c in verb.children:
        if c.dep_ == "nsubj":
            if c.lower_ in C.RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return verb.head
            return c
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
        if c.dep_ in ("nsubjpass", "auxpass"):
            passive = True
    if passive:
        return None
    if _is_trailing_participle(verb):
        # "X said A, citing B": the parser hangs "citing" on A, but X is the one citing
        outer = verb.head.head
        return _subject(outer, depth + 1)
    outer = _misattached_conj(verb)
    if outer is not None and depth < 3:
        return _subject(outer, depth + 1)
    if verb.dep_ == "xcomp":
        # object control: "required candidates to disclose" -> the candidates disclose
        obj = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i]
        if obj:
            return obj[0]
    if depth < 3 and verb.dep_ in ("conj", "advcl", "xcomp", "pcomp"):
        head = verb.head
        if head.pos_ in ("VERB", "AUX"):
            return _subject(head, depth + 1)
        if verb.dep_ == "pcomp" and head.head.pos_ in ("VERB", "AUX"):
            return _subject(head.head, depth + 1)
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
        return verb.head
    return _left_neighbour_subject(verb)


def _left_neighbour_subject(verb: Token) -> Token | None:
    """A name right before a main-clause verb the parser failed to make its subject
    ("... of the Washington Post Trump said that ...")."""
    if verb.dep_ != "ROOT":
        return None
    j = verb.i - 1
    doc = verb.doc
    while j >= 0 and doc[j].dep_ in ("aux", "neg", "advmod") and doc[j].head.i == verb.i:
        j -= 1
    if j < 0 or doc[j].pos_ not in ("PROPN", "PRON") or _sent(doc[j]).start != _sent(verb).start:
        return None
    return doc[j]


def _is_trailing_participle(verb: Token) -> bool:
    """A subjectless "-ing" cue the parser hung inside the clause another cue verb reports:
    "X said A, citing B" (X cites)."""
    if verb.dep_ not in ("advcl", "conj", "xcomp") or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return False
    head = verb.head
    if not (head.dep_ in ("ccomp", "xcomp") and head.head.lemma_ in C.CUE_VERBS and head.head.pos_ == "VERB"):
        return False
    prev = verb.doc[verb.i - 1].text if verb.i > 0 else ""
    return verb.tag_ == "VBG" and prev in (",", "\u2014", "--")


def _misattached_conj(verb: Token) -> Token | None:
    """The cue verb that a subjectless coordinated cue really continues: "X tweeted that A was
    B and encouraged C" -> "encouraged" is coordinated with "tweeted", not with "was"."""
    if verb.dep_ != "conj" or verb.pos_ != "VERB" or verb.lemma_ not in C.CUE_VERBS:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    head = verb.head
    if head.pos_ == "VERB" and head.lemma_ in C.CUE_VERBS and head.tag_ == verb.tag_:
        return None  # an ordinary "said A and warned B"
    anc = head.head if head.dep_ != "ROOT" else None
    steps = 0
    while anc is not None and steps < 4:
        if anc.pos_ == "VERB" and anc.lemma_ in C.CUE_VERBS and anc.tag_ == verb.tag_:
            return anc
        if anc.dep_ == "ROOT":
            break
        anc = anc.head
        steps += 1
    return None


def _cut_misattached(doc: Doc, lo: int, hi: int) -> int:
    """End the content before a coordinated cue that belongs to the reporting clause."""
    for t in doc[lo:hi + 1]:
        if t.dep_ == "conj" and t.pos_ == "VERB" and _misattached_conj(t) is not None:
            cut = t.left_edge.i - 1
            for c in t.head.children:
                if c.dep_ == "cc" and c.i < t.i:
                    cut = min(cut, c.i - 1) if c.i > lo else cut
            return max(lo, min(hi, cut))
    return hi


def _cut_trailing_cues(root: Token, lo: int, hi: int) -> int:
    """End of a reported clause, stopping before a trailing "..., adding/citing ..." cue."""
    for c in root.children:
        if c.i > root.i and c.lemma_ in C.CUE_VERBS and _is_trailing_participle(c):
            hi = min(hi, c.left_edge.i - 1)
    return hi


def _largest(children: list[Token]) -> Token | None:
    return max(children, key=lambda t: t.right_edge.i - t.left_edge.i) if children else None


_NP_TAIL_DEPS = frozenset({"conj", "cc", "appos", "acl", "relcl"})
_CLAUSE_TAIL_DEPS = frozenset({"advcl", "conj", "cc"})


def _extend_right(verb: Token, hi: int, deps: frozenset[str]) -> int:
    """Stretch content ending at ``hi`` over the verb's later dependents of the given kinds
    (the parser often hangs "..., and X" or "because ..." on the verb instead of the content);
    stops at anything else and at another cue ("..., adding that")."""
    for c in verb.rights:
        if c.i <= hi:
            continue
        if c.is_punct and c.text in (",", "\u2014", "-", "--", ";"):
            continue
        if c.dep_ not in deps or (c.pos_ == "VERB" and c.lemma_ in C.CUE_VERBS):
            break
        if c.dep_ == "conj" and deps is _NP_TAIL_DEPS and c.pos_ in ("VERB", "AUX"):
            break  # "ignored X and continued Y": a second predicate, not more of the object
        if c.dep_ == "cc" and c.i + 1 < len(c.doc) and c.doc[c.i + 1].pos_ == "VERB" and \
                c.doc[c.i + 1].lemma_ in C.CUE_VERBS:
            break
        hi = c.right_edge.i
    return hi


def _cut_nonrestrictive(np: Token) -> int:
    """End of a noun-phrase content before a non-restrictive relative clause (", who ...")."""
    hi = np.right_edge.i
    for c in np.rights:
        if c.dep_ in ("relcl",) and c.left_edge.i > np.i and np.doc[c.left_edge.i - 1].text == ",":
            return c.left_edge.i - 2 if c.left_edge.i - 2 >= np.left_edge.i else hi
    return hi


_DASH_ASIDE_RE = re.compile("\\s(?:\u2014|\u2013|--?)\\s")


def _cut_dash_aside(text: str, s: int, e: int) -> int:
    """End a noun-phrase content before a dashed aside: "the rules to “burning the
    Constitution” - a charge that might have stung"."""
    m = _DASH_ASIDE_RE.search(text, s, e)
    if m and len(text[s:m.start()].split()) >= 2:
        return m.start()
    return e


_Content = tuple[int, int, bool, list[Token]]  # (lo, hi, is a noun phrase, extra cue tokens)


def _clausal_content(verb: Token, lemma: str, kids: list[Token]) -> _Content | None:
    """"said [that the plan failed]" (stopping before a trailing "..., adding that ...")."""
    ccomp = _largest([c for c in kids if c.dep_ == "ccomp"])
    if ccomp is None or (ccomp.tag_ in ("WP", "WDT") and ccomp.n_lefts + ccomp.n_rights == 0):
        return None
    lo, hi = ccomp.left_edge.i, _cut_trailing_cues(ccomp, ccomp.left_edge.i, ccomp.right_edge.i)
    if ccomp.i > verb.i and hi == ccomp.right_edge.i:
        hi = _extend_right(verb, hi, _CLAUSE_TAIL_DEPS)
    return lo, hi, False, []


def _misparsed_clause(verb: Token, lemma: str, kids: list[Token]) -> _Content | None:
    """Reported clauses the small parser gets wrong."""
    doc = verb.doc
    if lemma in C.SPEECH_VERBS or lemma in C.COGNITION_VERBS:
        for c in kids:
            if c.dep_ != "dobj" or c.i < verb.i:
                continue
            # "found that 40 tankers left": a that-clause parsed as object + participle
            if any(t.lower_ == "that" and t.dep_ == "mark" for t in doc[c.left_edge.i - 1:c.left_edge.i + 1]):
                return min(c.left_edge.i, c.i), c.right_edge.i, False, []
            # "insisted the US policy ... is that ...": the embedded subject taken for an object
            if c.right_edge.i + 1 < len(doc):
                nxt = doc[c.right_edge.i + 1]
                if nxt.tag_ in ("VBZ", "VBD", "VBP", "MD") and nxt.head.i != c.i and \
                        _sent(nxt).start == _sent(verb).start:
                    return c.left_edge.i, nxt.right_edge.i, False, []
    if lemma not in C.SPEECH_VERBS:
        return None
    # "said [after X] he would ...": a subordinate clause with its own subject and no
    # subordinator is the reported clause
    for c in kids:
        if c.i > verb.i and c.dep_ in ("advcl", "parataxis") and c.pos_ in ("VERB", "AUX") and \
                any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) and \
                not any(g.dep_ == "mark" for g in c.children) and c.lemma_ not in C.CUE_VERBS:
            return c.left_edge.i, c.right_edge.i, False, []
    # "told a meeting of leaders that few people understood ...": a that-clause hung on the
    # addressee
    for c in kids:
        if c.dep_ in ("dobj", "dative") and c.i > verb.i:
            for g in c.subtree:
                if g.dep_ in ("relcl", "acl") and any(m.dep_ == "mark" and m.lower_ == "that"
                                                       for m in g.children):
                    return g.left_edge.i, g.right_edge.i, False, []
    return None


def _infinitive_content(verb: Token, lemma: str, kids: list[Token]) -> _Content | None:
    """"urged [North Korea to resume talks]", "vowed [to act]", "called on [X to resign]"."""
    if lemma not in C.TO_INF_VERBS:
        return None
    xcomp = _largest([c for c in kids if c.dep_ == "xcomp" and c.i > verb.i])
    if xcomp is None:
        return None
    lo = xcomp.left_edge.i
    obj = [c for c in kids if c.dep_ in ("dobj", "dative") and c.i < xcomp.i]
    obj += [g for c in kids if c.dep_ == "prep" and c.lower_ == "on" and c.i < xcomp.i
            for g in c.children if g.dep_ == "pobj"]
    if obj and lemma not in ("tell", "ask", "promise"):  # their object is the addressee
        lo = min(lo, min(o.left_edge.i for o in obj))
    return lo, xcomp.right_edge.i, False, []


def _prep_object(kids: list[Token], verb: Token, preps: frozenset[str]) -> _Content | None:
    for c in kids:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps and c.i > verb.i:
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                return objs[0].left_edge.i, c.right_edge.i, True, [c]
    return None


def _specific_prep_content(verb: Token, lemma: str, kids: list[Token]) -> _Content | None:
    """"called for [X]", "warned of [X]", "spoke about [X]"."""
    preps = C.CONTENT_PREPS.get(lemma)
    return _prep_object(kids, verb, preps) if preps else None


def _np_object_content(verb: Token, lemma: str, kids: list[Token]) -> _Content | None:
    """"condemned [the test]", "accused [X of Y]", "Polls show [a close contest]"."""
    np_ok = lemma in C.NP_CONTENT_VERBS and lemma not in C.CLAUSE_ONLY
    if not np_ok and lemma in C.EVIDENCE_VERBS:
        subj = [c for c in kids if c.dep_ == "nsubj"]
        np_ok = bool(subj) and (subj[0].lemma_.lower() in C.DOCUMENT_NOUNS or subj[0].ent_type_ == "ORG")
    dobj = [c for c in kids if c.dep_ == "dobj" and c.i > verb.i] if np_ok else []
    if not dobj:
        return None
    lo, hi = dobj[0].left_edge.i, _cut_nonrestrictive(dobj[0])
    for c in kids:  # "accused X of Y", "described X as Y", "called X Y"
        if c.i > hi and (c.dep_ in ("oprd", "xcomp") or
                         (c.dep_ == "prep" and c.lower_ in ("of", "as", "for", "to"))):
            hi = max(hi, c.right_edge.i)
    return lo, _extend_right(verb, hi, _NP_TAIL_DEPS), True, []


def _generic_prep_content(verb: Token, lemma: str, kids: list[Token]) -> _Content | None:
    """"complained [about his mic]", "warned [against hackers]" (no object)."""
    if any(c.dep_ == "dobj" for c in kids):
        return None
    return _prep_object(kids, verb, C.GENERIC_CONTENT_PREPS)


def _naming_content(verb: Token, lemma: str, kids: list[Token]) -> _Content | None:
    """"called [Trump a liar]"."""
    if lemma != "call":
        return None
    dobj = [c for c in kids if c.dep_ == "dobj" and c.i > verb.i]
    oprd = [c for c in kids if c.dep_ in ("oprd", "xcomp", "ccomp") and c.i > verb.i]
    if dobj and oprd:
        return dobj[0].left_edge.i, oprd[-1].right_edge.i, True, []
    return None


_CONTENT_FINDERS = (_clausal_content, _misparsed_clause, _infinitive_content, _specific_prep_content,
                    _np_object_content, _generic_prep_content, _naming_content)


def _content_of_verb(verb: Token) -> _Content | None:
    """(lo, hi, is_noun_phrase, extra cue tokens) of the content governed by a cue verb: the
    first construction that fits, most specific first."""
    lemma = verb.lemma_.lower()
    kids = list(verb.children)
    for finder in _CONTENT_FINDERS:
        got = finder(verb, lemma, kids)
        if got is not None:
            return got
    return None


def _parenthetical_content(verb: Token) -> tuple[int, int] | None:
    """Content for a cue inserted in or appended to its clause: "The test, X said, was ..."."""
    if verb.dep_ not in ("parataxis", "advcl", "conj", "ccomp") or verb.head.pos_ not in ("VERB", "AUX"):
        return None
    head = verb.head
    lo, hi = head.left_edge.i, head.right_edge.i
    vlo, vhi = verb.left_edge.i, verb.right_edge.i
    if vlo <= lo:  # cue first: the content follows it
        lo = vhi + 1
    elif vhi >= hi:  # cue last
        hi = vlo - 1
    if verb.dep_ in ("advcl", "conj", "ccomp") and not (verb.i > head.i and vhi >= head.right_edge.i):
        return None  # a real subordinate/coordinated cue is not parenthetical
    # the inserted cue is short and carries its own subject: ", officials said,"
    if vhi - vlo > 14 or not any(t.dep_ == "nsubj" for t in verb.children):
        return None
    return (lo, hi) if lo <= hi else None


def _cue_tokens(verb: Token, extra: list[Token]) -> tuple[int, int]:
    lo = hi = verb.i
    for c in verb.children:
        if c.dep_ in ("prt", "aux", "neg") and abs(c.i - verb.i) <= 3:
            if c.dep_ == "prt":
                hi = max(hi, c.i)
            elif c.i < verb.i and c.dep_ == "aux" and c.lemma_ == "have":
                lo = min(lo, c.i)
    for c in extra:
        hi = max(hi, c.i)
    return lo, hi


def _verb_candidate(verb: Token) -> _Cand | None:
    lemma = verb.lemma_.lower()
    if lemma not in C.CUE_VERBS or verb.pos_ != "VERB" or verb.dep_ in _NON_CUE_DEPS:
        return None
    got = _content_of_verb(verb)
    kind = "reported"
    parenthetical = False
    if got is None:
        parenthetical = True
        par = _parenthetical_content(verb) if lemma in C.PARENTHETICAL_VERBS else None
        if par is None:
            return None
        lo, hi, np_content, extra = par[0], par[1], False, []
    else:
        lo, hi, np_content, extra = got
    hi = _cut_misattached(verb.doc, lo, hi)
    trimmed = _trim(verb.doc, lo, hi)
    if trimmed is None:
        return None
    lo, hi = trimmed
    subj = _subject(verb)
    if subj is None or subj.lower_ in _SKIP_SPEAKERS:
        return None
    if subj.lower_ == "it" and lemma not in C.SPEECH_VERBS:
        return None
    if lo <= subj.i <= hi and not (parenthetical and verb.left_edge.i <= subj.i <= verb.right_edge.i):
        return None  # the "speaker" sits inside the content: a misparse
    doc = verb.doc
    s, e = _span_chars(doc, lo, hi)
    if np_content:
        e = _cut_dash_aside(_text(doc), s, e)
    clo, chi = _cue_tokens(verb, extra)
    slo, shi = speaker_bounds(subj)
    hedged = any(c.tag_ == "MD" and c.lower_ in _SPECULATIVE for c in verb.children) or (
        verb.dep_ == "xcomp" and verb.head.lemma_ in ("seem", "appear")) or lemma in _HEDGE_CUES
    rel = None
    if verb.dep_ == "relcl" and subj is verb.head:
        rel = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in C.RELATIVE_PRONOUNS), None)
    return _Cand(s, e, clo, chi, subj, slo, shi, kind=kind, np_content=np_content, hedged_cue=hedged,
                 verb_i=verb.i, mention_tok=rel)


def _prep_content(head: Token, preps: frozenset[str]) -> tuple[int, int, Token | None] | None:
    """(lo, hi, prep) of the content a cue noun or adjective governs: a that-clause
    ("the claim that ..."), or the object of one of ``preps`` ("criticism of the plan")."""
    for c in head.children:
        if c.i > head.i and c.dep_ in ("ccomp", "acl") and any(g.lower_ == "that" and g.dep_ == "mark"
                                                               for g in c.children):
            return c.left_edge.i, c.right_edge.i, None
    for c in head.children:
        if c.i > head.i and c.dep_ == "prep" and c.lower_ in preps:
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                return objs[0].left_edge.i, c.right_edge.i, c
    return None


def _nominal_candidate(noun: Token) -> _Cand | None:
    """"X's claims about Y", "a statement from X that ...", "criticism of Y by X"."""
    if noun.lemma_.lower() not in C.NOMINAL_CUES or noun.pos_ != "NOUN":
        return None
    speaker = None
    for c in noun.children:
        if c.dep_ == "poss" and c.i < noun.i:
            speaker = c
        elif c.dep_ == "prep" and c.lower_ in ("by", "from") and c.i > noun.i:
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs and (objs[0].pos_ == "PROPN" or objs[0].ent_type_):
                speaker = objs[0]
    sourceless = speaker is None and noun.lemma_.lower() in C.SOURCELESS_NOUNS
    if not sourceless and (speaker is None or speaker.lower_ in _SELF or speaker.lower_ in _SKIP_SPEAKERS):
        return None
    got = _prep_content(noun, C.NOMINAL_PREPS)
    if got is None:
        return None
    lo, hi, prep = got
    trimmed = _trim(noun.doc, lo, hi)
    if trimmed is None or (speaker is not None and trimmed[0] <= speaker.i <= trimmed[1]):
        return None
    s, e = _span_chars(noun.doc, *trimmed)
    cue_hi = prep.i if prep is not None and prep.i == noun.i + 1 else noun.i
    e = _cut_dash_aside(_text(noun.doc), s, e)
    if speaker is None:
        return _Cand(s, e, noun.i, cue_hi, None, kind="reported", np_content=True)
    slo, shi = speaker_bounds(speaker)
    return _Cand(s, e, noun.i, cue_hi, speaker, slo, shi, kind="reported", np_content=True)


def _adjective_candidate(adj: Token) -> _Cand | None:
    """"X is skeptical of Y", "X was confident that ...", "X is worried about Y"."""
    if adj.lemma_.lower() not in C.STANCE_ADJECTIVES or adj.dep_ not in ("acomp", "amod") and adj.pos_ != "ADJ":
        return None
    if adj.dep_ != "acomp":
        return None
    verb = adj.head
    subj = _subject(verb)
    if subj is None or subj.lower_ in _SELF or subj.lower_ in _SKIP_SPEAKERS or subj.lower_ == "it":
        return None
    got = _prep_content(adj, C.STANCE_PREPS)
    if got is None:
        ccomp = [c for c in adj.children if c.dep_ in ("ccomp", "xcomp") and c.i > adj.i]
        if not ccomp:
            return None
        got = (ccomp[0].left_edge.i, ccomp[0].right_edge.i, None)
    lo, hi, prep = got
    trimmed = _trim(adj.doc, lo, hi)
    if trimmed is None:
        return None
    s, e = _span_chars(adj.doc, *trimmed)
    slo, shi = speaker_bounds(subj)
    return _Cand(s, e, adj.i, prep.i if prep is not None else adj.i, subj, slo, shi, kind="reported",
                 np_content=prep is not None)


def _sourceless_adverb_candidate(adv: Token) -> _Cand | None:
    """"He allegedly brandished a pistol", "Campaign Reportedly Scrambling": a report with no
    speaker named; the content is the clause the adverb modifies."""
    if adv.lower_ not in C.REPORT_ADVERBS:
        return None
    head = adv.head
    if head.i == adv.i:
        return None
    lo, hi = head.left_edge.i, head.right_edge.i
    if adv.i == lo:
        lo += 1
    return _speakerless(adv, lo, hi)


def _speakerless(cue: Token, lo: int, hi: int) -> _Cand | None:
    """A reported-content candidate over tokens ``lo..hi`` with ``cue`` as its cue and no speaker."""
    trimmed = _trim(cue.doc, lo, hi)
    if trimmed is None:
        return None
    s, e = _span_chars(cue.doc, *trimmed)
    return _Cand(s, e, cue.i, cue.i, None, kind="reported")


def _passive_report_candidate(verb: Token) -> _Cand | None:
    """"North Korea is not thought to be capable of ...", "Turnout is expected to rise":
    a passive verb of saying or thinking with no agent."""
    if verb.lemma_ not in C.PASSIVE_REPORT_VERBS:
        return None
    kids = list(verb.children)
    if not any(c.dep_ == "auxpass" for c in kids) or any(c.dep_ == "agent" for c in kids):
        return None
    subj = [c for c in kids if c.dep_ == "nsubjpass"]
    comp = [c for c in kids if c.dep_ in ("xcomp", "oprd", "ccomp") and c.i > verb.i]
    if not subj or not comp or subj[0].lower_ in ("it", "there"):
        return None
    lo, hi = subj[0].left_edge.i, comp[-1].right_edge.i
    return _speakerless(verb, lo, hi)


def _according_candidate(tok: Token) -> _Cand | None:
    doc = tok.doc
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
        return None
    to = doc[tok.i + 1]
    pobj = [c for c in to.children if c.dep_ == "pobj"] or [c for c in tok.children if c.dep_ == "pobj"]
    if not pobj:
        return None
    sp = pobj[0]
    # the clause the phrase modifies
    head = tok.head
    steps = 0
    while head.dep_ != "ROOT" and head.pos_ not in ("VERB", "AUX") and steps < 6:
        head = head.head
        steps += 1
    sent = _sent(tok)
    plo, phi = tok.i, max(tok.right_edge.i, sp.right_edge.i)
    lo, hi = head.left_edge.i, head.right_edge.i
    if head.i == tok.i:
        lo, hi = sent.start, sent.end - 1
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    while lo < hi and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    if plo <= lo:
        lo = phi + 1
    elif phi >= hi:
        hi = plo - 1
    trimmed = _trim(doc, lo, hi)
    if trimmed is None:
        return None
    lo, hi = trimmed
    s, e = _span_chars(doc, lo, hi)
    slo, shi = speaker_bounds(sp)
    return _Cand(s, e, tok.i, to.i, sp, slo, shi, kind="according_to")


def _colon_label_candidates(doc: Doc, paras: list[tuple[int, int]]) -> list[_Cand]:
    """"Name: what they said" at the start of a line: headlines ("Poll: ...", "Pence: ...") and
    transcripts ("WALLACE: ..."). The label must name someone (a person, organisation or
    document) or be an upper-case speaker label used on two or more lines."""
    tok_starts = _tok_starts(doc)
    found: list[tuple[int, int, int, int]] = []  # (label lo, colon i, para end char, para index)
    labels: dict[str, int] = {}
    for k, (ps, pe) in enumerate(paras):
        i = bisect.bisect_left(tok_starts, ps)
        j = i
        while j < len(doc) and j - i <= 7 and doc[j].idx < pe and doc[j].text != ":":
            j += 1
        if j >= len(doc) or doc[j].text != ":" or j == i or doc[j].idx >= pe:
            continue
        if len(_text(doc)[doc[j].idx + 1:pe].split()) < 3:
            continue
        found.append((i, j, pe, k))
        lab = doc[i:j].text
        if lab.isupper():
            labels[lab] = labels.get(lab, 0) + 1
    out = []
    name_words = {t.lower_ for e in doc.ents if e.label_ in ("PERSON", "ORG") for t in e} if found else set()
    for i, j, pe, _k in found:
        lead = doc[i:j]
        lab = lead.text
        ent_toks = sum(t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in lead)
        named = 2 * ent_toks >= len(lead) and lead.root.pos_ == "PROPN"
        if lab.lower().strip("[]()*#- ").rstrip("s") in C.RUBRIC_LABELS or len(lead) > 4:
            continue
        if not named and len(lead) <= 2 and all(t.pos_ == "PROPN" for t in lead):
            # a headline "Pence: ..." names someone the article names in full later
            named = lead[-1].lower_ in name_words
        document = lead.root.lemma_.lower() in C.DOCUMENT_NOUNS and len(lead) <= 3
        transcript = lab.isupper() and labels.get(lab, 0) >= 2
        if not (named or document or transcript):
            continue
        if lead[0].lower_ in ("the", "a") and not document and lead.root.ent_type_ == "":
            continue  # "The Latest: ..." is a rubric, not a speaker
        e_tok = bisect.bisect_left(tok_starts, pe) - 1
        trimmed = _trim(doc, j + 1, max(e_tok, j + 1))
        if trimmed is None:
            continue
        s, e = _span_chars(doc, *trimmed)
        ents = [t for t in lead if t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")]
        head = ents[-1] if ents else lead.root
        out.append(_Cand(s, e, j, j, head, i, j - 1, kind="direct"))
    return out


# ----------------------------------------------------------------------------- quote cues

_DASHES = frozenset({"\u2015", "\u2014", "\u2013", "-", "--"})
_STOPS = frozenset({".", "!", "?", "\u201c", "\u201d", '"', "''", "``", ";"})
_QUOTE_CUE_WINDOW = 14  # tokens between a quote and its cue verb


def _range_root(doc: Doc, lo: int, hi: int) -> Token | None:
    """The noun-like token of doc[lo..hi] whose head lies outside the range."""
    best = None
    for t in doc[lo:hi + 1]:
        if t.pos_ in ("NOUN", "PROPN", "PRON") and not (lo <= t.head.i <= hi and t.head.i != t.i):
            if best is None or t.pos_ == "PROPN" and best.pos_ != "PROPN":
                best = t
    return best


def _speaker_near(verb: Token, lo: int, hi: int) -> Token | None:
    """Speaker of a quote's cue verb: its subject, else the noun phrase between quote and verb.
    A "subject" the parser found inside the quote itself is not the speaker."""
    subj = _subject(verb)
    if subj is not None and subj.i >= lo:
        return subj
    return _range_root(verb.doc, lo, hi) if lo <= hi else None


_DASH_CREDIT_RE = re.compile("[^\\S\n]*(?:\u2015|\u2014|\u2013|--|-)[^\\S\n]*")
_NAME_WORD_RE = re.compile(r"[A-Z][\w'\u2019.-]*$|[A-Z]\.$")


def _dash_credit(doc: Doc, qe: int, para_end: int, tok_starts: list[int]) -> tuple[int, int, int, int] | None:
    """A pull-quote credit right after a quote: “...” ― Jane Doe. Works on characters because
    the tokenizer glues the dash to the mark ("”―") or to the name ("―Jane").
    Returns (dash token, first name token, last name token, name start char)."""
    m = _DASH_CREDIT_RE.match(_text(doc), qe, para_end)
    if not m or m.end() >= para_end:
        return None
    dash_pos = m.start() + len(m.group()) - len(m.group().lstrip())
    dash_i = bisect.bisect_right(tok_starts, dash_pos) - 1
    name_start = m.end()
    first = bisect.bisect_right(tok_starts, name_start) - 1
    j = first
    while j < len(doc) and doc[j].idx < para_end and j - first < 6:
        word = _text(doc)[max(doc[j].idx, name_start):doc[j].idx + len(doc[j].text)]
        if not _NAME_WORD_RE.match(word):
            break
        j += 1
    if j - first < 2 and not (j > first and doc[first].ent_type_ == "PERSON"):
        return None  # one capitalised word is too weak a credit
    return dash_i, first, j - 1, name_start, dash_pos


def _cue_after_quote(doc: Doc, k: int, para_end: int) -> tuple[Token, Token, int] | None:
    """(cue token, speaker head, cue end token) for "“...,” X said" / "“...” said X" / "“...” ― X"."""
    n = len(doc)
    start = k
    while k < n and doc[k].is_space:
        k += 1
    j = k
    while j < n and j - start <= _QUOTE_CUE_WINDOW and doc[j].idx < para_end:
        t = doc[j]
        if t.text in _STOPS:
            return None
        if t.pos_ == "VERB" and t.lemma_ in C.SPEECH_VERBS:
            if any(c.dep_ in ("ccomp", "xcomp") and c.i > t.i for c in t.children):
                return None  # “Title,” she said that ...: the verb reports something else
            spk = _speaker_near(t, k, j - 1)
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


def _cue_before_quote(doc: Doc, k: int, para_start: int) -> tuple[Token, Token, int] | None:
    """(cue, speaker, cue token) for "X said, “...”" / "X said: “...”" (k = last token before)."""
    while k >= 0 and doc[k].is_space:
        k -= 1
    if k < 0 or doc[k].text not in (",", ":") or doc[k].idx < para_start:
        return None
    j = k - 1
    while j >= 0 and k - j <= _QUOTE_CUE_WINDOW and doc[j].idx >= para_start:
        t = doc[j]
        if t.text in _STOPS:
            return None
        if t.pos_ == "VERB" and t.lemma_ in C.SPEECH_VERBS:
            subj = _subject(t)
            if subj is None or subj.lower_ in _SKIP_SPEAKERS:
                return None
            return t, subj, j
        j -= 1
    return None


def _quote_candidates(cands: list[_Cand], doc: Doc, quotes: _Quotes,
                      paras: list[tuple[int, int]]) -> list[_Cand]:
    """Quotes whose cue sits right before or after them; a verb candidate whose parse missed
    the quote (its content elsewhere) is replaced by the quote."""
    tok_starts = _tok_starts(doc)
    para_starts = [p[0] for p in paras]
    by_verb = {c.verb_i: c for c in cands if c.verb_i >= 0}
    spans = sorted((c.start, c.end) for c in cands)
    starts = [x for x, _ in spans]
    out: list[_Cand] = []
    for qs, qe in quotes.spans:
        j = bisect.bisect_right(starts, qs) - 1
        if j >= 0 and spans[j][1] >= qe:
            continue  # already the content of an attribution
        pi = bisect.bisect_right(para_starts, qs) - 1
        ps, pe = paras[pi] if pi >= 0 else (0, len(_text(doc)))
        after = bisect.bisect_left(tok_starts, qe)
        # a pull quote opens its line and is credited after a dash
        credit = _dash_credit(doc, qe, pe, tok_starts) if qs == ps else None
        if credit is not None:
            dash_i, first, last, name_start, dash_pos = credit
            c = _Cand(qs, qe, dash_i, dash_i, doc[last], first, last, kind="direct",
                      sp_chars=(name_start, doc[last].idx + len(doc[last].text)),
                      cue_chars=(dash_pos, dash_pos + 1))
            out.append(c)
            continue
        found = _cue_after_quote(doc, after, pe) if after < len(doc) else None
        if found is None:
            before = bisect.bisect_left(tok_starts, qs) - 1
            found = _cue_before_quote(doc, before, ps)
        if found is None:
            continue
        cue, spk, cue_i = found
        if spk.lower_ in _SKIP_SPEAKERS or spk.lower_ in _SELF:
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
        if cue.i > after - 1 and cue.text not in _DASHES:
            first = bisect.bisect_left(tok_starts, qs)
            sent = _sent(doc[min(first, len(doc) - 1)])
            if sent.start_char < qs and sent.start_char >= ps:
                trimmed = _trim(doc, sent.start, first)
                if trimmed is not None:
                    qs = doc[trimmed[0]].idx
        slo, shi = speaker_bounds(spk)
        if spk.i > cue.i and cue.text in _DASHES:
            slo = cue.i + 1
            while slo < spk.i and not doc[slo].pos_ == "PROPN":
                slo += 1
        c = _Cand(qs, qe, cue.i, cue.i, spk, slo, shi, kind="direct", verb_i=cue.i if cue.pos_ == "VERB" else -1)
        out.append(c)
        if c.verb_i >= 0:
            by_verb[c.verb_i] = c
    return out


# ----------------------------------------------------------------------------- assembly


class _Quotes:
    """Quote spans with "which quote covers character i" look-ups."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self.starts = [s for s, _ in spans]

    def at(self, i: int) -> int | None:
        j = bisect.bisect_right(self.starts, i) - 1
        if j >= 0 and self.spans[j][0] <= i < self.spans[j][1]:
            return j
        return None

    def overlapping(self, s: int, e: int) -> list[int]:
        j = max(bisect.bisect_right(self.starts, s) - 1, 0)
        out = []
        while j < len(self.spans) and self.spans[j][0] < e:
            if self.spans[j][1] > s:
                out.append(j)
            j += 1
        return out


_EXCERPT_BREAK_RE = re.compile("(?:\u2026|\\.\\.\\.)\\.?(?=[^\\s.\u2026])")


def _cut_excerpt_breaks(c: _Cand, doc: Doc) -> None:
    """An ellipsis glued to the next word ("long….Footage") joins two excerpts of a quoted
    source: the content stays on the cue's side of it."""
    if c.cue_lo < 0:
        return
    cue_start = doc[c.cue_lo].idx
    breaks = list(_EXCERPT_BREAK_RE.finditer(_text(doc), c.start, c.end))
    if not breaks:
        return
    if cue_start <= c.start:
        c.end = max(c.start + 1, breaks[0].start())
    elif cue_start >= c.end:
        c.start = min(c.end - 1, breaks[-1].end())
    text = _text(doc)
    while c.end > c.start and not text[c.end - 1].isalnum() and text[c.end - 1] not in "\u201d\"'\u2019?!)":
        c.end -= 1


def _claimed_between(c: _Cand, qs: int, qe: int, by_cue: tuple[list[int], list[_Cand]], doc: Doc) -> bool:
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


def _extend_with_quotes(c: _Cand, doc: Doc, quotes: _Quotes, para_starts: list[int],
                        paras: list[tuple[int, int]], taken: tuple[list[int], list[_Cand]]) -> None:
    """Grow content to whole quotes it touches, over a quote split by its own cue ("“A,” he
    said. “B.”"), and back to the start of a sentence the quote ends ("Sadly, the plan ''is
    doomed,'' she said"). ``taken`` holds the contents of the other attributions: a quote one
    of them already reports ("..., adding, “B”") is not merged."""
    if c.cue_lo < 0:
        return
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
            sent = _sent(tok[0])
            pi = bisect.bisect_right(para_starts, c.start) - 1
            if pi >= 0 and sent.start_char >= paras[pi][0] and sent.start_char < c.start and \
                    _sent(doc[c.cue_lo]).start == sent.start:
                trimmed = _trim(doc, sent.start, tok[0].i)
                if trimmed is not None:
                    c.start = doc[trimmed[0]].idx
    sent_end = _sent(doc[c.cue_hi]).end_char
    pi = bisect.bisect_right(para_starts, cue_start) - 1
    para_end = paras[pi][1] if pi >= 0 else len(_text(doc))
    j = bisect.bisect_left(quotes.starts, doc[c.cue_hi].idx)
    while j < len(quotes.spans):
        qs, qe = quotes.spans[j]
        if qs >= para_end:
            # “A,” he said.¶“B.”: a paragraph that is only a quote goes on with the same voice
            nxt = pi + 1
            if not (nxt < len(paras) and paras[nxt][0] == qs and qe >= paras[nxt][1] - 1
                    and not _text(doc)[sent_end:para_end].strip()):
                break
            pi, para_end = nxt, paras[nxt][1]
        if _claimed_between(c, qs, qe, taken, doc):
            break
        gap = _text(doc)[sent_end:qs] if qs >= sent_end else ""
        if qs < sent_end or not gap.strip():
            c.end = max(c.end, qe)
            sent_end = qe
            j += 1
            continue
        break


def _continuations(cands: list[_Cand], doc: Doc, quotes: _Quotes,
                   paras: list[tuple[int, int]]) -> list[_Cand]:
    """Quotes and elaborating sentences with no cue of their own that continue an attribution."""
    out: list[_Cand] = []
    if not cands:
        return out
    para_starts = [p[0] for p in paras]
    by_start = sorted(cands, key=lambda c: c.start)
    cov_starts = [c.start for c in by_start]
    cov_ends_max: list[int] = []
    m = -1
    for c in by_start:
        m = max(m, c.end)
        cov_ends_max.append(m)

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
        if is_covered(qs, qe) or len(_text(doc)[qs:qe].split()) < 4:
            continue
        # the quote must open its sentence and have no cue around it
        span = doc.char_span(qs, qe, alignment_mode="expand")
        if span is None:
            continue
        sent = _sent(span[0])
        # (cues inside the quote are the quoted speaker's own words and do not count)
        if _text(doc)[sent.start_char:qs].strip() or has_cue(sent.start_char, qs) or \
                has_cue(qe, max(sent.end_char, qe)):
            continue
        j = bisect.bisect_right(ends, qs) - 1
        if j < 0:
            continue
        prev = by_end[j]
        pq, pp = para_of(qs), para_of(prev.end)
        between = _text(doc)[prev.end:qs]
        same_para = pq == pp
        # "..., he said:" closing one paragraph and the quote opening the next
        colon_intro = pq == pp + 1 and between.strip() in (":", ".:", "") and \
            _text(doc)[max(0, qs - 20):qs].rstrip().endswith(":")
        prev_sent_end = _sent(doc[max(prev.cue_hi, 0)]).end_char if prev.cue_lo >= 0 else prev.end
        adjacent = same_para and not _text(doc)[max(prev.end, prev_sent_end):qs].strip()
        if adjacent or colon_intro:
            out.append(_Cand(qs, qe, -1, -1, prev.sp_head, prev.sp_lo, prev.sp_hi,
                             kind="continuation", parent=prev))
    # "X admits the part it played. <the details>": the next sentence of the paragraph
    for c in cands:
        if not c.np_content or c.cue_lo < 0:
            continue
        verb = doc[c.verb_i] if c.verb_i >= 0 else doc[c.cue_lo]
        if verb.lemma_ not in _ANNOUNCING or verb.dep_ != "ROOT" or c.end - c.start > 60:
            continue  # only a main-clause "X admits <short object>." announces what follows
        sent = _sent(doc[c.cue_lo])
        if sent.end >= len(doc):
            continue
        nxt = _sent(doc[sent.end])
        if para_of(nxt.start_char) != para_of(sent.start_char) or nxt.text.rstrip().endswith("?"):
            continue
        if is_covered(nxt.start_char, nxt.end_char) or has_cue(nxt.start_char, nxt.end_char):
            continue
        if quotes.at(nxt.start_char) is not None:
            continue
        trimmed = _trim(doc, nxt.start, nxt.end - 1)
        if trimmed is None:
            continue
        s, e = _span_chars(doc, *trimmed)
        out.append(_Cand(s, e, -1, -1, c.sp_head, c.sp_lo, c.sp_hi, kind="continuation", parent=c))
    return out


_ANNOUNCING = frozenset({"admit", "reveal", "disclose", "confirm", "acknowledge", "uncover",
                         "announce", "detail", "outline", "describe", "explain", "concede"})


def _colon_followups(cands: list[_Cand], doc: Doc, paras: list[tuple[int, int]]) -> list[_Cand]:
    """"X said:" / "X continued on Monday:" ending a line: the next paragraph is what X said."""
    out = []
    text = _text(doc)
    tok_starts = _tok_starts(doc)
    used = {c.verb_i for c in cands if c.verb_i >= 0}
    for k, (ps, pe) in enumerate(paras[:-1]):
        if text[pe - 1] != ":":
            continue
        colon = bisect.bisect_right(tok_starts, pe - 1) - 1
        sent = _sent(doc[colon])
        verb = None
        for t in doc[max(sent.start, bisect.bisect_left(tok_starts, ps)):colon]:
            if t.pos_ == "VERB" and t.lemma_ in C.SPEECH_VERBS and t.i not in used:
                verb = t
        if verb is None:
            continue
        subj = _subject(verb)
        if subj is None or subj.lower_ in _SKIP_SPEAKERS:
            continue
        s, e = paras[k + 1]
        slo, shi = speaker_bounds(subj)
        clo, chi = _cue_tokens(verb, [])
        out.append(_Cand(s, e, clo, chi, subj, slo, shi, kind="direct", verb_i=verb.i))
    return out


def _last_name_in(span: Span) -> str | None:
    """The last proper name in ``span``: an entity, or a run of capitalised proper nouns the
    small NER model missed ("this Harbor Gazette investigation" -> "Harbor Gazette")."""
    doc = span.doc
    best: tuple[int, str] | None = None
    i = span.start + 1  # a capitalised first word is no evidence of a name
    while i < span.end:
        if doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper():
            j = i
            while j < span.end and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper():
                j += 1
            best = (doc[i].idx, doc[i:j].text)
            i = j
        else:
            i += 1
    for e in span.ents:
        if e.label_ in ("ORG", "PERSON", "GPE", "NORP") and (best is None or e.start_char >= best[0]):
            best = (e.start_char, e.text)
    if best is None:
        return None
    name = best[1]
    return name[4:] if name.lower().startswith("the ") else name


def _relays(doc: Doc, paras: list[tuple[int, int]], cue_starts: list[int]) -> list[tuple[int, int, str]]:
    """Passages the article relays from an outlet: (start, end, outlet).

    A paragraph that ends with ":" and names an organisation but reports nobody saying anything
    introduces the next paragraph as an excerpt; following paragraphs that open with an ellipsis
    ("….") belong to the same excerpt.
    """
    out = []
    text = _text(doc)
    for k, (ps, pe) in enumerate(paras[:-1]):
        if not text[ps:pe].endswith(":"):
            continue
        span = doc.char_span(ps, pe, alignment_mode="expand")
        if span is None:
            continue
        j = bisect.bisect_left(cue_starts, ps)
        if j < len(cue_starts) and cue_starts[j] < pe:
            continue  # "X said:" introduces X's words, an attribution of its own
        outlet = _last_name_in(span)
        if outlet is None:
            continue
        end = paras[k + 1][1]
        j = k + 2
        while j < len(paras) and any(text.startswith(m, paras[j][0]) for m in C.ELLIPSIS_MARKS):
            end = paras[j][1]
            j += 1
        out.append((paras[k + 1][0], end, outlet))
    return out


def _drop_overlaps(cands: list[_Cand], doc: Doc) -> list[_Cand]:
    """One attribution per content: drop exact duplicates and attributions whose cue sits inside
    another attribution's content (nested reports are folded into the outer one)."""
    cands.sort(key=lambda c: (c.start, -(c.end - c.start)))
    seen: set[tuple[int, int]] = set()
    uniq = []
    for c in cands:
        if (c.start, c.end) in seen:
            continue
        seen.add((c.start, c.end))
        uniq.append(c)
    # outer contents, by start, for "is this cue inside someone's content" checks
    starts = [c.start for c in uniq]
    max_end: list[int] = []
    m = -1
    for c in uniq:
        m = max(m, c.end)
        max_end.append(m)
    out = []
    for c in uniq:
        anchor = doc[c.cue_lo].idx if c.cue_lo >= 0 else c.start
        j = bisect.bisect_right(starts, anchor) - 1
        inside = False
        # walk back over contents starting before the anchor; stop when none can reach it
        while j >= 0 and max_end[j] > anchor:
            o = uniq[j]
            if o is not c and o.start <= anchor < o.end and not (o.start >= c.start and o.end <= c.end):
                inside = True
                break
            j -= 1
        if not inside:
            out.append(c)
    return out


def find_attributions(doc: Doc) -> list[Attribution]:
    """All attributions in ``doc``.

    ``content_start``/``content_end`` and the ``cue_``/``speaker_`` offsets are character offsets
    into ``doc.text``. Speakers are resolved against names earlier in the document; hedged is
    set when the content or the cue speculates ("might", "seem to", "I assume", a question).
    """
    try:
        return _find(doc)
    finally:
        doc.user_data.pop(_SENT_KEY, None)
        doc.user_data.pop(_TEXT_KEY, None)
        doc.user_data.pop(_STARTS_KEY, None)


def _find(doc: Doc) -> list[Attribution]:
    text = _text(doc)
    if not text.strip():
        return []
    paras = paragraphs(text)
    quotes = _Quotes(find_quotes(text))
    cands: list[_Cand] = []
    for tok in doc:
        if tok.lower_ == "according":
            c = _according_candidate(tok)
        elif tok.pos_ == "VERB":
            c = _verb_candidate(tok) or _passive_report_candidate(tok)
        elif tok.pos_ == "NOUN":
            c = _nominal_candidate(tok)
        elif tok.pos_ == "ADJ":
            c = _adjective_candidate(tok)
        elif tok.pos_ == "ADV":
            c = _sourceless_adverb_candidate(tok)
        else:
            c = None
        if c is not None:
            cands.append(c)
    cands.extend(_colon_label_candidates(doc, paras))
    cands.extend(_colon_followups(cands, doc, paras))
    cands.extend(_quote_candidates(cands, doc, quotes, paras))
    para_starts = [p[0] for p in paras]
    with_cue = sorted((c for c in cands if c.cue_lo >= 0), key=lambda c: doc[c.cue_lo].idx)
    taken = ([doc[c.cue_lo].idx for c in with_cue], with_cue)
    for c in cands:
        _extend_with_quotes(c, doc, quotes, para_starts, paras, taken)
        _cut_excerpt_breaks(c, doc)
        if c.kind == "reported" and quotes.overlapping(c.start, c.end):
            whole = quotes.at(c.start)
            c.kind = "direct" if whole is not None and quotes.spans[whole][1] >= c.end else "partial"
    cands = _drop_overlaps(cands, doc)
    cands.extend(_continuations(cands, doc, quotes, paras))
    cands = _drop_overlaps(cands, doc)
    return _finish(cands, doc, quotes, paras)


def _finish(cands: list[_Cand], doc: Doc, quotes: _Quotes, paras: list[tuple[int, int]]) -> list[Attribution]:
    resolver = SpeakerResolver(doc)
    relays = _relays(doc, paras, sorted(doc[c.cue_lo].idx for c in cands if c.cue_lo >= 0))
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
            mention = _text(doc)[slice(*_trim_chars(_text(doc), *_span_chars(doc, c.sp_lo, c.sp_hi)))]
            if c.sp_chars is not None:
                mention = _text(doc)[c.sp_chars[0]:c.sp_chars[1]]
                kind = "person"
            outlet = relay_at(head.idx)
            if head.lower_ in _SELF:
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
        out.append(_to_attribution(c, doc))
    out.sort(key=lambda a: (a.content_start, a.content_end))
    return out


_EDGE_CHARS = " \t\n.,;:\u2026-\u2013\u2014\u2015\"'\u201c\u201d\u2018\u2019()[]"


def _trim_chars(text: str, s: int, e: int) -> tuple[int, int]:
    """Character span without edge punctuation (tokens like "….Another" carry some)."""
    while s < e and text[s] in _EDGE_CHARS:
        s += 1
    while e > s and text[e - 1] in _EDGE_CHARS and not (text[e - 1] == ")" and "(" in text[s:e]):
        e -= 1
    return s, e


def _cue_chars(c: _Cand, doc: Doc) -> tuple[int, int] | None:
    if c.cue_chars is not None:
        return c.cue_chars
    if c.cue_lo >= 0:
        return _span_chars(doc, c.cue_lo, c.cue_hi)
    return _cue_chars(c.parent, doc) if c.parent is not None else None


def _speaker_chars(c: _Cand, doc: Doc) -> tuple[int, int] | None:
    if c.parent is not None:
        return _speaker_chars(c.parent, doc)
    if c.mention_tok is not None:
        return _span_chars(doc, c.mention_tok.i, c.mention_tok.i)
    if c.sp_chars is not None:
        return c.sp_chars
    if c.sp_lo >= 0:
        return _trim_chars(_text(doc), *_span_chars(doc, c.sp_lo, c.sp_hi))
    return None


def _to_attribution(c: _Cand, doc: Doc) -> Attribution:
    span = doc.char_span(c.start, c.end, alignment_mode="expand")
    hedged = c.hedged_cue or (span is not None and is_hedged(span))
    cue_at = _cue_chars(c, doc)
    sp_at = _speaker_chars(c, doc)
    return Attribution(
        content_start=c.start, content_end=c.end,
        speaker_mention=c.speaker_mention, speaker=c.speaker, speaker_type=c.speaker_type,
        cue=_text(doc)[cue_at[0]:cue_at[1]] if cue_at else None,
        cue_start=cue_at[0] if cue_at else None, cue_end=cue_at[1] if cue_at else None,
        speaker_start=sp_at[0] if sp_at else None, speaker_end=sp_at[1] if sp_at else None,
        via=list(c.via), kind=c.kind, hedged=hedged,
    )
