"""Stance-taking acts: a verb of ``claimgraph.lexicon.acts`` done by a person or organisation
reports its object ("The court struck down the rule", "She railed against the deal", "He
encouraged voters to register").

These verbs have literal uses with a thing as subject ("the wall blocked the road"), so the
subject must be an agent: a person, organisation or group named by the parser, a noun for people
or institutions, or a personal pronoun for people.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimgraph.extract.speakers import speaker_bounds
from claimgraph.lexicon import acts, cues
from claimgraph.lexicon.attribution import SELF, SKIP_SPEAKERS, SPECULATIVE

from .content import _NP_TAIL_DEPS, _cut_nonrestrictive, _extend_right
from .spans import Cand, span_chars, trim
from .syntax import cue_tokens, cut_dash_aside, subject
from .tokens import TokenIndex

_AGENT_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_AGENT_PRONOUNS = frozenset({"he", "she", "they", "who"})
# Dependents of the object that complete a framing or decision act ("linked X [to Y]",
# "painted him [as a fraud]", "blocked X [from Y]").
_OBJECT_PREPS = frozenset({"to", "as", "with", "from", "for", "on"})
_NON_CUE_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod"})
# Nouns whose "of" names who holds the stance, not what it is about ("has the support of unions").
_OF_AGENT_NOUNS = frozenset(
    {"support", "backing", "endorsement", "approval", "blessing", "praise", "trust", "confidence"}
)
# Conjunctions of a clause that only supposes its act ("if he had any intention of ...").
_CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
# Where and when something was said, not what ("a speech in Toledo", "a pledge on Monday").
_CIRCUMSTANCE_ENTS = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "EVENT"})


def is_agent(tok: Token | None) -> bool:
    """Can ``tok`` (a subject) act on purpose: a person, organisation or group?"""
    if tok is None or tok.lower_ in SKIP_SPEAKERS or tok.lower_ in SELF:
        return False
    if tok.lower_ in _AGENT_PRONOUNS or tok.ent_type_ in _AGENT_ENTS:
        return True
    lemma = tok.lemma_.lower()
    return tok.pos_ == "NOUN" and (lemma in cues.SPEAKER_PERSON_NOUNS or lemma in cues.ORG_NOUNS)


def _object_content(verb: Token, lemma: str) -> tuple[int, int, list[Token]] | None:
    """(lo, hi, extra cue tokens) of the object an act verb takes: a to-infinitive with its
    object for advocacy, a prepositional object, else the direct object with the argument
    preposition of a framing act."""
    kids = list(verb.children)
    if lemma in acts.PARTICLE_ONLY and not any(
        c.dep_ == "prt" and c.lower_ in acts.PARTICLE_ONLY[lemma] for c in kids
    ):
        return None
    preps = acts.PREPOSITION_ACTS.get(lemma)
    if preps:
        for c in kids:
            if c.dep_ == "prep" and c.lower_ in preps and c.i > verb.i:
                objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
                if objs:
                    return objs[0].left_edge.i, _extend_right(verb, c.right_edge.i, _NP_TAIL_DEPS), [c]
        return None
    dobj = [c for c in kids if c.dep_ == "dobj" and c.i > verb.i]
    if lemma in acts.ADVOCACY_ACTS:
        xcomp = [c for c in kids if c.dep_ in ("xcomp", "ccomp") and c.i > verb.i]
        if xcomp:
            lo = min([xcomp[0].left_edge.i] + [d.left_edge.i for d in dobj])
            return lo, xcomp[0].right_edge.i, []
    if (
        not dobj
        or dobj[0].pos_ == "PRON"
        and dobj[0].n_lefts + dobj[0].n_rights == 0
        and lemma not in acts.FRAMING_ACTS
    ):
        return None
    obj = dobj[0]
    lo, hi = obj.left_edge.i, _cut_nonrestrictive(obj)
    framed = False
    for c in kids:
        if c.i > hi and (
            c.dep_ in ("oprd", "xcomp")
            or (
                c.dep_ == "prep"
                and c.lower_ in _OBJECT_PREPS
                and not any(g.ent_type_ in ("DATE", "TIME") for g in c.children)
            )
        ):
            hi, framed = max(hi, c.right_edge.i), True
            break
    if lemma in acts.FRAMING_ACTS and not framed:
        return None  # "cast a ballot", "connected the cables": framing needs what it ties to
    return lo, _extend_right(verb, hi, _NP_TAIL_DEPS), []


def act_candidate(index: TokenIndex, verb: Token) -> Cand | None:
    """A stance-taking act with an agent as subject and its object as content."""
    lemma = verb.lemma_.lower()
    if lemma not in acts.ACT_VERBS or verb.pos_ != "VERB" or verb.dep_ in _NON_CUE_DEPS:
        return None
    if any(c.dep_ == "auxpass" for c in verb.children):
        return None  # "was blocked by": the agent and content of a passive are the other way round
    got = _object_content(verb, lemma)
    if got is None:
        return None
    subj = subject(index, verb)
    if not is_agent(subj):
        return None
    lo, hi, extra = got
    span = _content_chars(index, subj, lo, hi)
    if span is None:
        return None
    s, e = span
    clo, chi = cue_tokens(verb, extra)
    slo, shi = speaker_bounds(subj)
    hedged = any(c.tag_ == "MD" and c.lower_ in SPECULATIVE for c in verb.children)
    rel = None
    if verb.dep_ == "relcl" and subj is verb.head:
        rel = next(
            (c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in cues.RELATIVE_PRONOUNS), None
        )
    return Cand(
        s,
        e,
        clo,
        chi,
        subj,
        slo,
        shi,
        kind="reported",
        np_content=True,
        hedged_cue=hedged,
        verb_i=verb.i,
        mention_tok=rel,
    )


def passive_judgement_candidate(verb: Token) -> Cand | None:
    """ "He has been criticized for his policies", "The levy is described as a tax": an agentless
    passive of judging or naming reports, with nobody named, the subject with its judgement."""
    if verb.lemma_.lower() not in acts.PASSIVE_JUDGEMENT_VERBS or verb.pos_ != "VERB":
        return None
    kids = list(verb.children)
    if not any(c.dep_ == "auxpass" for c in kids) or any(c.dep_ == "agent" for c in kids):
        return None
    subj = [c for c in kids if c.dep_ == "nsubjpass" and c.i < verb.i]
    if not subj or subj[0].lower_ in ("it", "there") or subj[0].tag_ in ("WP", "WDT"):
        return None
    comp = [
        c
        for c in kids
        if c.i > verb.i
        and (
            c.dep_ in ("oprd", "xcomp")
            or (
                c.dep_ == "prep"
                and c.lower_ in acts.PASSIVE_JUDGEMENT_PREPS
                and any(g.dep_ in ("pobj", "pcomp") for g in c.children)
            )
        )
    ]
    if not comp:
        return None
    trimmed = trim(verb.doc, subj[0].left_edge.i, comp[0].right_edge.i)
    if trimmed is None:
        return None
    s, e = span_chars(verb.doc, *trimmed)
    return Cand(s, e, verb.i, verb.i, None, kind="reported")


def _stance_holder(index: TokenIndex, noun: Token) -> Token | None:
    """Who a stance noun describes: the subject of "X is a critic of Y", the name an apposition
    hangs on ("X, a critic of Y"), or the subject of the clause a fronted description opens ("A
    critic of Y, X said ...")."""
    head = noun.head
    if noun.dep_ == "attr" and head.pos_ in ("AUX", "VERB"):
        return subject(index, head)
    if noun.dep_ == "appos" and head.pos_ in ("PROPN", "NOUN", "PRON"):
        if head.dep_ == "nsubj" and head.head.lemma_.lower() in cues.CUE_VERBS:
            return None  # "X, a critic of Y, said ...": the description is part of the source
        return head
    if noun.dep_ in ("npadvmod", "advcl", "dep") and head.pos_ in ("VERB", "AUX") and noun.i < head.i:
        return subject(index, head)
    return None


def stance_noun_candidate(index: TokenIndex, noun: Token) -> Cand | None:
    """ "X is a staunch opponent of Y", "X, a longtime supporter of Y": the person a stance noun
    describes holds that stance on its "of" object."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in acts.STANCE_PERSON_NOUNS:
        return None
    prep = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > noun.i), None)
    objs = [g for g in prep.children if g.dep_ in ("pobj", "pcomp")] if prep is not None else []
    if not objs:
        return None
    holder = _stance_holder(index, noun)
    if not is_agent(holder) and not (holder is not None and holder.pos_ == "PROPN"):
        return None
    lo, hi = objs[0].left_edge.i, prep.right_edge.i
    if lo <= holder.i <= hi:
        return None
    trimmed = trim(noun.doc, lo, hi)
    if trimmed is None:
        return None
    s, e = span_chars(noun.doc, *trimmed)
    slo, shi = speaker_bounds(holder)
    return Cand(s, e, noun.i, prep.i, holder, slo, shi, kind="reported", np_content=True)


def poll_finding_candidate(index: TokenIndex, prep: Token) -> Cand | None:
    """ "In the latest poll, Clinton led by 5 points", "Trump fared well in online polls": a poll
    is the source of the finding its "in" phrase modifies (a clause, or a noun: "gains in some
    polls"). A clause whose verb is a cue has a speaker of its own and is left alone."""
    if prep.lower_ != "in" or prep.dep_ != "prep":
        return None
    objs = [c for c in prep.children if c.dep_ == "pobj" and c.lemma_.lower() in acts.POLL_NOUNS]
    if not objs:
        return None
    head = prep.head
    if head.pos_ in ("VERB", "AUX"):
        if head.lemma_.lower() in cues.CUE_VERBS or head.lemma_.lower() in acts.ACT_VERBS:
            return None
        lo, hi = head.left_edge.i, head.right_edge.i
    elif head.pos_ == "NOUN" and head.i < prep.i:
        lo, hi = head.left_edge.i, prep.i - 1
    else:
        return None
    doc = prep.doc
    while hi > lo and (doc[hi].is_punct or doc[hi].is_space):
        hi -= 1
    plo, phi = prep.left_edge.i, prep.right_edge.i
    if plo <= lo:
        lo = phi + 1
    elif phi >= hi:
        hi = plo - 1
    else:
        return None  # the poll sits in the middle of its finding
    trimmed = trim(prep.doc, lo, hi)
    if trimmed is None:
        return None
    s, e = span_chars(prep.doc, *trimmed)
    slo, shi = speaker_bounds(objs[0])
    return Cand(s, e, prep.i, prep.i, objs[0], slo, shi, kind="reported")


def received_judgement_candidate(index: TokenIndex, noun: Token) -> Cand | None:
    """ "The plan drew criticism from farmers", "He has faced ridicule online": the subject of a
    receiving verb is what a judgement is about; the judge follows "from" or is not named."""
    if noun.pos_ != "NOUN" or noun.dep_ != "dobj" or noun.lemma_.lower() not in acts.RECEIVED_JUDGEMENTS:
        return None
    verb = noun.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in acts.RECEIVING_VERBS:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subj is None or subj.lower_ in SKIP_SPEAKERS or subj.lower_ in SELF or subj.tag_ in ("WP", "WDT"):
        return None
    judge = None
    for head in (noun, verb):
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ == "from" and c.i > noun.i:
                judge = next((g for g in c.children if g.dep_ == "pobj"), judge)
    trimmed = trim(noun.doc, subj.left_edge.i, subj.right_edge.i)
    if trimmed is None:
        return None
    s, e = span_chars(noun.doc, *trimmed)
    if judge is None:
        return Cand(s, e, verb.i, noun.i, None, kind="reported", np_content=True)
    slo, shi = speaker_bounds(judge)
    return Cand(s, e, verb.i, noun.i, judge, slo, shi, kind="reported", np_content=True)


def seeming_candidate(verb: Token) -> Cand | None:
    """ "Melania seems to have vanished", "The plan seemed too risky", "He appears confident": an
    impression reported with nobody named holds its subject with its complement. One with an
    experiencer ("seems to me") or a cue verb as complement ("appeared to suggest") is left to
    the rules for those."""
    if verb.lemma_.lower() not in acts.SEEM_VERBS or verb.pos_ not in ("VERB", "AUX"):
        return None
    kids = list(verb.children)
    subj = [c for c in kids if c.dep_ in ("nsubj", "csubj") and c.i < verb.i]
    if not subj or subj[0].lower_ in ("it", "there"):
        return None
    if any(c.dep_ == "prep" and c.lower_ == "to" for c in kids):
        return None  # "seems to me": the experiencer holds the impression
    comp = [
        c
        for c in kids
        if c.i > verb.i
        and (
            (c.dep_ == "xcomp" and c.lemma_.lower() not in cues.CUE_VERBS)
            or c.dep_ in ("acomp", "attr", "oprd")
            or (c.dep_ == "prep" and c.lower_ == "like")
        )
    ]
    if not comp:
        return None
    trimmed = trim(verb.doc, subj[0].left_edge.i, comp[0].right_edge.i)
    if trimmed is None:
        return None
    s, e = span_chars(verb.doc, *trimmed)
    return Cand(s, e, verb.i, verb.i, None, kind="reported", hedged_cue=True)


def _noun_content(noun: Token, verb: Token) -> tuple[int, int, Token | None] | None:
    """(lo, hi, preposition) of what a light-verb noun is about: a that-clause, a to-infinitive
    or a prepositional object, on the noun or, where the parser hangs it there, on the verb."""
    for head in (noun, verb):
        for c in head.children:
            if c.i <= noun.i:
                continue
            if (
                c.dep_ in ("ccomp", "acl", "relcl", "xcomp", "advcl")
                and c.pos_ in ("VERB", "AUX")
                and any(
                    (g.lower_ == "that" and g.dep_ == "mark") or (g.lower_ == "to" and g.dep_ == "aux")
                    for g in c.children
                    if g.i < c.i
                )
            ):
                return c.left_edge.i, c.right_edge.i, None
        for c in head.children:
            if (
                c.i > noun.i
                and c.dep_ == "prep"
                and (
                    c.lower_ in acts.LIGHT_VERB_PREPS
                    or (c.lower_ == "for" and noun.lemma_.lower() in acts.ADVOCACY_NOUNS)
                )
                and not (c.lower_ == "of" and noun.lemma_.lower() in _OF_AGENT_NOUNS)
            ):
                objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
                if objs and objs[0].ent_type_ not in _CIRCUMSTANCE_ENTS:
                    return objs[0].left_edge.i, c.right_edge.i, c
    return None


def _unrealised(verb: Token) -> bool:
    """True for a light verb that states an aim or a condition, not a stance anyone took: a
    purpose infinitive ("set up a panel to make recommendations on X") or an "if"/"unless"
    clause ("if he had any intention of releasing X")."""
    if verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return True
    return any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in verb.children)


def expressed_feeling_content(verb: Token) -> tuple[int, int, list[Token]] | None:
    """(lo, hi, cue tokens) when a cue verb expresses a feeling about something ("expressed deep
    concern about X", "voiced outrage over X", "expressed concern that X"): the content is what the
    feeling is about, and the feeling joins the cue."""
    if verb.lemma_.lower() not in acts.EXPRESSIVE_VERBS:
        return None
    noun = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
    if noun is None or any(c.dep_ == "poss" for c in noun.children):
        return None
    lemma = noun.lemma_.lower()
    if (
        lemma not in cues.NOMINAL_CUES
        and lemma not in acts.LIGHT_VERB_NOUNS
        and lemma not in acts.EXPRESSED_FEELINGS
    ):
        return None
    got = _noun_content(noun, verb)
    if got is None:
        return None
    lo, hi, prep = got
    extra = [noun] if prep is None else [noun, prep]
    return lo, hi, extra


def light_verb_candidate(index: TokenIndex, noun: Token) -> Cand | None:
    """ "X raised concerns about Y", "X made the case that Y", "X took offense at Y": a nominal
    cue that is the object of a light verb belongs to the verb's subject."""
    lemma = noun.lemma_.lower()
    if noun.pos_ != "NOUN" or noun.dep_ != "dobj":
        return None
    if (
        lemma not in cues.NOMINAL_CUES
        and lemma not in cues.INTENTION_NOUNS
        and lemma not in acts.LIGHT_VERB_NOUNS
    ):
        return None
    verb = noun.head
    if (
        verb.pos_ != "VERB"
        or verb.lemma_.lower() not in acts.LIGHT_VERBS
        or verb.lemma_.lower() in cues.CUE_VERBS
    ):
        return None
    if any(c.dep_ == "poss" for c in noun.children):
        return None  # "shared her concerns": the owner is named on the noun
    if _unrealised(verb):
        return None
    subj = subject(index, verb)
    if not is_agent(subj):
        return None
    got = _noun_content(noun, verb)
    if got is None:
        return None
    lo, hi, prep = got
    span = _content_chars(index, subj, lo, hi)
    if span is None:
        return None
    s, e = span
    cue_hi = prep.i if prep is not None and prep.i == noun.i + 1 else noun.i
    slo, shi = speaker_bounds(subj)
    return Cand(s, e, verb.i, cue_hi, subj, slo, shi, kind="reported", np_content=prep is not None)


def _content_chars(index: TokenIndex, subj: Token, lo: int, hi: int) -> tuple[int, int] | None:
    """Character offsets of the content tokens ``lo..hi`` (trimmed, an aside after a dash cut
    off), or None when nothing is left or the content would swallow its own subject."""
    if lo <= subj.i <= hi:
        return None
    trimmed = trim(subj.doc, lo, hi)
    if trimmed is None:
        return None
    s, e = span_chars(subj.doc, *trimmed)
    return s, cut_dash_aside(index.text, s, e)
