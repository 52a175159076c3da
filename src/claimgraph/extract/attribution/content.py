"""The content a cue verb governs: one finder per construction, most specific first."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimgraph.lexicon import cues
from claimgraph.lexicon.attribution import NP_ARGUMENT_PREPS

from .syntax import is_trailing_participle
from .tokens import TokenIndex


def _largest(children: list[Token]) -> Token | None:
    """The child with the widest subtree."""
    return max(children, key=lambda t: t.right_edge.i - t.left_edge.i) if children else None


_NP_TAIL_DEPS = frozenset({"conj", "cc", "appos", "acl", "relcl", "prep", "advmod", "oprd"})
_CLAUSE_TAIL_DEPS = frozenset({"advcl", "conj", "cc"})


def _cut_trailing_cues(root: Token, lo: int, hi: int) -> int:
    """End of a reported clause, stopping before a trailing "..., adding/citing ..." cue."""
    for c in root.children:
        if c.i > root.i and c.lemma_ in cues.CUE_VERBS and is_trailing_participle(c):
            hi = min(hi, c.left_edge.i - 1)
    return hi


def _extend_right(verb: Token, hi: int, deps: frozenset[str]) -> int:
    """Stretch content ending at ``hi`` over the verb's later dependents of the given kinds
    (the parser often hangs "..., and X" or "because ..." on the verb instead of the content);
    stops at anything else and at another cue ("..., adding that")."""
    for c in verb.rights:
        if c.i <= hi:
            continue
        if c.is_punct and c.text in (",", "\u2014", "-", "--", ";"):
            continue
        if c.dep_ not in deps or (c.pos_ == "VERB" and c.lemma_ in cues.CUE_VERBS):
            break
        if c.dep_ == "conj" and deps is _NP_TAIL_DEPS and c.pos_ in ("VERB", "AUX"):
            break  # "ignored X and continued Y": a second predicate, not more of the object
        if c.dep_ in ("prep", "advmod") and not _completes_object(c):
            break
        if c.dep_ == "cc" and c.i + 1 < len(c.doc) and c.doc[c.i + 1].pos_ == "VERB" and \
                c.doc[c.i + 1].lemma_ in cues.CUE_VERBS:
            break
        hi = c.right_edge.i
    return hi


def _completes_object(c: Token) -> bool:
    """Does the verb's prepositional or adverbial dependent ``c`` complete a noun-phrase content
    ("shows [Clinton with a lead]", "endorsed [Clinton in the race]")? An argument preposition
    ("with", "to", "as", "against") does, unless it names a time; another preposition does
    unless it tells the time, occasion or medium of the saying ("in an interview", "since
    Monday", "at the forum", "during the debate"); a bare adverb ("again") does not, nor
    anything holding a cue of its own ("..., which RT pointed to")."""
    if c.dep_ == "advmod":
        return c.n_rights > 0  # "ahead by 3 points", not "again"
    if any(g.ent_type_ in ("DATE", "TIME") for g in c.children):
        return False
    if c.lower_ not in NP_ARGUMENT_PREPS and not _completes_as_circumstance(c):
        return False
    return not any(t.pos_ == "VERB" and t.lemma_ in cues.CUE_VERBS for t in c.subtree)


# Prepositions of time, and nouns of the occasion or medium of saying: "in his remarks", "during
# the debate", "in a ruling", "on his show" tell when or where something was said, not what.
_TIME_PREPS = frozenset({"during", "since", "until", "till", "throughout", "before", "at"})
_OCCASION_NOUNS = frozenset({"debate", "show", "court", "convention", "hearing", "rally", "conference",
                             "forum", "meeting", "program", "programme", "broadcast", "appearance"})


def _completes_as_circumstance(c: Token) -> bool:
    """Does a preposition other than an argument one still belong to the reported object? PolNeAR
    runs the content over what the verb phrase goes on to say ("endorsed [Clinton in the
    race]", "revealed [a gulf in the way ...]") but not over the occasion, medium or time of the
    saying."""
    if c.lower_ in _TIME_PREPS:
        return False
    obj = next((g for g in c.children if g.dep_ == "pobj"), None)
    if obj is None:
        return False
    lemma = obj.lemma_.lower()
    return lemma not in _OCCASION_NOUNS and lemma not in cues.NOMINAL_CUES and lemma not in cues.DOCUMENT_NOUNS


def _cut_nonrestrictive(np: Token) -> int:
    """End of a noun-phrase content before an aside set off by a comma: a non-restrictive
    relative clause on the object (", who ...") or an apposition on the object or on a noun
    inside it ("Trump's campaign, the latest chapter in ...", "Rep. Don Beyer (D-Va.), a former
    governor"). A relative clause on a noun inside the object stays: the parser often hangs it
    on the wrong noun of a coordination, and cutting there lost as much as it gained."""
    hi = np.right_edge.i
    doc = np.doc
    for t in doc[np.i + 1 : hi + 1]:
        aside = t.dep_ == "appos" or (t.dep_ == "relcl" and t.head.i == np.i)
        if aside and t.left_edge.i > np.i and doc[t.left_edge.i - 1].text == ",":
            return t.left_edge.i - 2 if t.left_edge.i - 2 >= np.left_edge.i else hi
    return hi


_Content = tuple[int, int, bool, list[Token]]  # (lo, hi, is a noun phrase, extra cue tokens)


def _closes_quote(doc: Doc, i: int) -> bool:
    """Is token ``i`` followed by a closing quote mark (after an optional comma)?"""
    for t in doc[i + 1:i + 3]:
        if t.text in ('\u201d', '"', "''", "\u2019"):
            return True
        if t.text != ",":
            return False
    return False


def _clausal_content(index: TokenIndex, verb: Token, lemma: str, kids: list[Token]) -> _Content | None:
    """"said [that the plan failed]" (stopping before a trailing "..., adding that ...")."""
    ccomps = [c for c in kids if c.dep_ == "ccomp"]
    # "“You should resign,” Warren told him, after ...": a clause closed by a quote mark right
    # before the cue is what it reports, whatever the parser hangs after the cue
    quoted = [c for c in ccomps if c.i < verb.i and _closes_quote(verb.doc, c.right_edge.i)]
    ccomp = quoted[-1] if quoted else _largest(ccomps)
    if ccomp is None or (ccomp.tag_ in ("WP", "WDT") and ccomp.n_lefts + ccomp.n_rights == 0):
        return None
    lo, hi = ccomp.left_edge.i, _cut_trailing_cues(ccomp, ccomp.left_edge.i, ccomp.right_edge.i)
    if lo < verb.i < ccomp.i:
        lo = verb.i + 1  # "the mine, which X says he will keep open": the fronted "which" stays out
    if ccomp.i > verb.i and hi == ccomp.right_edge.i:
        hi = _extend_right(verb, hi, _CLAUSE_TAIL_DEPS)
    return lo, hi, False, []


def _misparsed_clause(index: TokenIndex, verb: Token, lemma: str, kids: list[Token]) -> _Content | None:
    """Reported clauses the small parser gets wrong."""
    doc = verb.doc
    if lemma in cues.SPEECH_VERBS or lemma in cues.COGNITION_VERBS:
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
                        index.sent(nxt).start == index.sent(verb).start:
                    return c.left_edge.i, nxt.right_edge.i, False, []
    if lemma not in cues.SPEECH_VERBS:
        return None
    # "said [after X] he would ...": a subordinate clause with its own subject and no
    # subordinator is the reported clause
    for c in kids:
        if c.i > verb.i and c.dep_ in ("advcl", "parataxis") and c.pos_ in ("VERB", "AUX") and \
                any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children) and \
                not any(g.dep_ == "mark" for g in c.children) and c.lemma_ not in cues.CUE_VERBS:
            return c.left_edge.i, c.right_edge.i, False, []
    # "told a meeting of leaders that few people understood ...": a that-clause hung on the
    # addressee, or on where it was said ("says in a statement released by his office that ...")
    for c in kids:
        if c.i > verb.i and (c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ == "in")):
            for g in c.subtree:
                if g.dep_ in ("relcl", "acl") and any(m.dep_ == "mark" and m.lower_ == "that"
                                                       for m in g.children):
                    return g.left_edge.i, g.right_edge.i, False, []
    return None


def _infinitive_content(index: TokenIndex, verb: Token, lemma: str, kids: list[Token]) -> _Content | None:
    """"urged [North Korea to resume talks]", "vowed [to act]", "called on [X to resign]"."""
    if lemma not in cues.TO_INF_VERBS:
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


def _passive_agent_content(index: TokenIndex, verb: Token, lemma: str, kids: list[Token]) -> _Content | None:
    """"[The registration issue] was first reported by The Post", "[His views] were echoed by
    experts": a passive cue with a "by" agent reports its grammatical subject (the agent is the
    speaker, after the content)."""
    if not any(c.dep_ == "auxpass" for c in kids) or not any(c.dep_ == "agent" for c in kids):
        return None
    subj = [c for c in kids if c.dep_ == "nsubjpass" and c.i < verb.i]
    if not subj or subj[0].lower_ in ("it", "there") or subj[0].tag_ in ("WP", "WDT"):
        return None
    return subj[0].left_edge.i, subj[0].right_edge.i, True, []


def _prep_object(kids: list[Token], verb: Token, preps: frozenset[str]) -> _Content | None:
    """The object of the first of ``preps`` after the verb, the preposition being part of the cue
    (with what the parser hangs on the verb after it, as for a noun-phrase object)."""
    for c in kids:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps and c.i > verb.i:
            objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
            if objs:
                return objs[0].left_edge.i, _extend_right(verb, c.right_edge.i, _NP_TAIL_DEPS), True, [c]
    return None


def _specific_prep_content(index: TokenIndex, verb: Token, lemma: str, kids: list[Token]) -> _Content | None:
    """"called for [X]", "warned of [X]", "spoke about [X]"."""
    preps = cues.CONTENT_PREPS.get(lemma)
    return _prep_object(kids, verb, preps) if preps else None


def _np_object_content(index: TokenIndex, verb: Token, lemma: str, kids: list[Token]) -> _Content | None:
    """"condemned [the test]", "accused [X of Y]", "Polls show [a close contest]"."""
    np_ok = lemma in cues.NP_CONTENT_VERBS and lemma not in cues.CLAUSE_ONLY
    if not np_ok and lemma in cues.EVIDENCE_VERBS:
        subj = [c for c in kids if c.dep_ == "nsubj"]
        np_ok = bool(subj) and (subj[0].lemma_.lower() in cues.DOCUMENT_NOUNS or subj[0].ent_type_ == "ORG")
    dobj = [c for c in kids if c.dep_ == "dobj" and c.i > verb.i] if np_ok else []
    if not dobj:
        return None
    lo, hi = dobj[0].left_edge.i, _cut_nonrestrictive(dobj[0])
    for c in kids:  # "accused X of Y", "described X as Y", "called X Y"
        if c.i > hi and (c.dep_ in ("oprd", "xcomp") or
                         (c.dep_ == "prep" and c.lower_ in ("of", "as", "for", "to"))):
            hi = max(hi, c.right_edge.i)
    return lo, _extend_right(verb, hi, _NP_TAIL_DEPS), True, []


def _generic_prep_content(index: TokenIndex, verb: Token, lemma: str, kids: list[Token]) -> _Content | None:
    """"complained [about his mic]", "warned [against hackers]" (no object)."""
    if any(c.dep_ == "dobj" for c in kids):
        return None
    return _prep_object(kids, verb, cues.GENERIC_CONTENT_PREPS)


def _naming_content(index: TokenIndex, verb: Token, lemma: str, kids: list[Token]) -> _Content | None:
    """"called [Trump a liar]", "found [the rule unconstitutional]": a verb of naming or judging
    with two complements after it (the parser labels the first one dobj or oprd)."""
    if lemma not in cues.NAMING_VERBS:
        return None
    comps = [c for c in kids if c.i > verb.i and c.dep_ in ("dobj", "oprd", "xcomp", "ccomp")]
    if len(comps) < 2 or comps[0].dep_ not in ("dobj", "oprd") or comps[0].pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    return comps[0].left_edge.i, comps[-1].right_edge.i, True, []


_CONTENT_FINDERS = (_clausal_content, _misparsed_clause, _infinitive_content, _passive_agent_content,
                    _specific_prep_content,
                    _np_object_content, _generic_prep_content, _naming_content)


def content_of_verb(index: TokenIndex, verb: Token) -> _Content | None:
    """(lo, hi, is_noun_phrase, extra cue tokens) of the content governed by a cue verb: the
    first construction that fits, most specific first."""
    lemma = verb.lemma_.lower()
    kids = list(verb.children)
    for finder in _CONTENT_FINDERS:
        got = finder(index, verb, lemma, kids)
        if got is not None:
            return got
    return None


def parenthetical_content(verb: Token) -> tuple[int, int] | None:
    """Content for a cue inserted in or appended to its clause: "The test, X said, was ..."."""
    head = verb.head
    if verb.dep_ == "parataxis" and head.dep_ in ("nsubj", "nsubjpass") and head.i < verb.i:
        head = head.head  # "The difference now, he told me, is ...": the parser hangs the cue on the subject
    if verb.dep_ not in ("parataxis", "advcl", "conj", "ccomp") or head.pos_ not in ("VERB", "AUX"):
        return None
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
