"""Candidate finders: one per kind of cue found on a token (verb, noun, adjective, adverb,
"according to", passive report), and "Name: ..." line labels."""

from __future__ import annotations

import bisect

from spacy.tokens import Token

from claimgraph.extract.speakers import speaker_bounds
from claimgraph.lexicon import acts, cues
from claimgraph.lexicon.attribution import HEDGE_CUES, SELF, SKIP_SPEAKERS, SPECULATIVE

from .acts import (
    act_candidate,
    expressed_feeling_content,
    light_verb_candidate,
    passive_judgement_candidate,
    poll_finding_candidate,
    received_judgement_candidate,
    seeming_candidate,
    stance_noun_candidate,
)
from .content import content_of_verb, parenthetical_content
from .spans import Cand, span_chars, trim
from .syntax import cue_tokens, cut_dash_aside, cut_misattached, is_skipped_speaker, subject
from .tokens import TokenIndex

_NON_CUE_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod"})
_QUESTION_WORDS = frozenset({"how", "why", "whether", "what"})


def token_candidates(index: TokenIndex) -> list[Cand]:
    """Candidates whose cue is a single token, in document order (at most one per token)."""
    cands: list[Cand] = []
    for tok in index.doc:
        if tok.lower_ == "according":
            c = according_candidate(index, tok)
        elif tok.pos_ == "VERB":
            c = (verb_candidate(index, tok) or passive_report_candidate(tok) or act_candidate(index, tok)
                 or passive_judgement_candidate(tok) or seeming_candidate(tok))
        elif tok.pos_ == "NOUN":
            c = (nominal_candidate(index, tok) or stance_noun_candidate(index, tok)
                 or received_judgement_candidate(index, tok))
            if c is None or c.sp_head is None:
                c = light_verb_candidate(index, tok) or c
        elif tok.pos_ == "ADJ":
            c = adjective_candidate(index, tok)
        elif tok.pos_ == "ADV":
            c = sourceless_adverb_candidate(tok)
        elif tok.pos_ == "ADP":
            c = poll_finding_candidate(index, tok)
        else:
            c = None
        if c is not None:
            cands.append(c)
    return cands


def verb_candidate(index: TokenIndex, verb: Token) -> Cand | None:
    """A cue verb with its speaker and the content it governs (or the clause it is inserted in)."""
    lemma = verb.lemma_.lower()
    if lemma not in cues.CUE_VERBS or verb.pos_ != "VERB" or verb.dep_ in _NON_CUE_DEPS:
        return None
    got = content_of_verb(index, verb)
    kind = "reported"
    parenthetical = False
    if got is None:
        parenthetical = True
        par = parenthetical_content(verb) if lemma in cues.PARENTHETICAL_VERBS else None
        if par is None:
            return None
        lo, hi, np_content, extra = par[0], par[1], False, []
    else:
        lo, hi, np_content, extra = got
        felt = expressed_feeling_content(verb)
        if felt is not None:
            # "expressed concern about X": X is the content, "concern about" part of the cue
            lo, hi, extra = felt[0], felt[1], felt[2]
        if np_content:
            hi = max(hi, _coordinated_question_end(verb, hi))
        charge = _charge_of(verb, lo, hi)
        if charge is not None:
            # "accused X of Y": the accused joins the cue, the charge is the content
            extra = [*extra, verb.doc[charge - 1]]
            lo = charge
    hi = cut_misattached(verb.doc, lo, hi)
    trimmed = trim(verb.doc, lo, hi)
    if trimmed is None:
        return None
    lo, hi = trimmed
    subj = subject(index, verb)
    if subj is None or is_skipped_speaker(subj, SKIP_SPEAKERS):
        return None
    if subj.lower_ == "it" and lemma not in cues.SPEECH_VERBS:
        return None
    if lo <= subj.i <= hi and not (parenthetical and verb.left_edge.i <= subj.i <= verb.right_edge.i):
        return None  # the "speaker" sits inside the content: a misparse
    doc = verb.doc
    s, e = span_chars(doc, lo, hi)
    if np_content:
        e = cut_dash_aside(index.text, s, e)
    clo, chi = cue_tokens(verb, extra)
    slo, shi = speaker_bounds(subj)
    hedged = any(c.tag_ == "MD" and c.lower_ in SPECULATIVE for c in verb.children) or (
        verb.dep_ == "xcomp" and verb.head.lemma_ in ("seem", "appear")) or lemma in HEDGE_CUES
    rel = None
    # positions, not "is": spaCy builds a new Token object on every access
    if verb.dep_ == "relcl" and subj.i == verb.head.i:
        rel = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in cues.RELATIVE_PRONOUNS), None)
    return Cand(s, e, clo, chi, subj, slo, shi, kind=kind, np_content=np_content, hedged_cue=hedged,
                verb_i=verb.i, mention_tok=rel)


def _charge_of(verb: Token, lo: int, hi: int) -> int | None:
    """Start of the charge in "accused X of Y" (the "of"), when the content runs from the accused
    through it; None otherwise."""
    if verb.lemma_.lower() not in acts.ACCUSING_VERBS:
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    prep = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    if obj is None or prep is None or not (lo <= obj.i < prep.i <= hi) or prep.i != obj.right_edge.i + 1:
        return None
    return prep.i


def _coordinated_question_end(verb: Token, hi: int) -> int:
    """End of an embedded question coordinated with a noun-phrase content ("spoke of the legacy
    of X, and how the fight flowed through Y"): the parser hangs it on the cue verb as a second
    clause, but a clause opened by "how"/"why"/"whether" cannot stand as one; -1 when none."""
    for c in verb.children:
        if c.dep_ == "conj" and c.i > hi and c.left_edge.lower_ in _QUESTION_WORDS:
            # nothing else of the cue's clause in between (an aside on the content may be)
            between = verb.doc[hi + 1 : c.left_edge.i]
            if not any(t.head.i == verb.i and not (t.is_punct or t.dep_ == "cc") for t in between):
                return c.right_edge.i
    return -1


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


def _infinitive_of_noun(noun: Token) -> tuple[int, int, None] | None:
    """(lo, hi, None) of the to-infinitive an intention noun governs: "her decision [to meet
    him]", "his refusal [to concede]"."""
    if noun.lemma_.lower() not in cues.INTENTION_NOUNS:
        return None
    for c in noun.children:
        if c.i > noun.i and c.dep_ in ("acl", "relcl", "xcomp") and c.pos_ in ("VERB", "AUX") and \
                any(g.dep_ == "aux" and g.lower_ == "to" and g.i < c.i for g in c.children):
            return c.left_edge.i, c.right_edge.i, None
    return None


def nominal_candidate(index: TokenIndex, noun: Token) -> Cand | None:
    """"X's claims about Y", "a statement from X that ...", "criticism of Y by X"."""
    lemma = noun.lemma_.lower()
    if (lemma not in cues.NOMINAL_CUES and lemma not in cues.INTENTION_NOUNS) or noun.pos_ != "NOUN":
        return None
    speaker = None
    for c in noun.children:
        if c.dep_ == "poss" and c.i < noun.i:
            speaker = c
        elif c.dep_ == "prep" and c.lower_ in ("by", "from") and c.i > noun.i:
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs and (objs[0].pos_ == "PROPN" or objs[0].ent_type_):
                speaker = objs[0]
    sourceless = speaker is None and lemma in cues.SOURCELESS_NOUNS
    if not sourceless and (speaker is None or speaker.lower_ in SELF or speaker.lower_ in SKIP_SPEAKERS):
        return None
    # an intention noun that is no cue of its own ("decision") reports only its to-infinitive
    got = _prep_content(noun, cues.NOMINAL_PREPS) if lemma in cues.NOMINAL_CUES else None
    if got is None and speaker is not None and speaker.dep_ == "poss":
        got = _infinitive_of_noun(noun)
    if got is None:
        return None
    lo, hi, prep = got
    trimmed = trim(noun.doc, lo, hi)
    if trimmed is None or (speaker is not None and trimmed[0] <= speaker.i <= trimmed[1]):
        return None
    s, e = span_chars(noun.doc, *trimmed)
    cue_hi = prep.i if prep is not None and prep.i == noun.i + 1 else noun.i
    e = cut_dash_aside(index.text, s, e)
    if speaker is None:
        return Cand(s, e, noun.i, cue_hi, None, kind="reported", np_content=True)
    slo, shi = speaker_bounds(speaker)
    return Cand(s, e, noun.i, cue_hi, speaker, slo, shi, kind="reported", np_content=True)


def adjective_candidate(index: TokenIndex, adj: Token) -> Cand | None:
    """"X is skeptical of Y", "X was confident that ...", "X is worried about Y"."""
    if adj.lemma_.lower() not in cues.STANCE_ADJECTIVES or adj.dep_ not in ("acomp", "amod") and adj.pos_ != "ADJ":
        return None
    if adj.dep_ != "acomp":
        return None
    verb = adj.head
    subj = subject(index, verb)
    if subj is None or subj.lower_ in SELF or subj.lower_ in SKIP_SPEAKERS or subj.lower_ == "it":
        return None
    got = _prep_content(adj, cues.STANCE_PREPS)
    if got is None:
        ccomp = [c for c in adj.children if c.dep_ in ("ccomp", "xcomp") and c.i > adj.i]
        if not ccomp:
            return None
        got = (ccomp[0].left_edge.i, ccomp[0].right_edge.i, None)
    lo, hi, prep = got
    trimmed = trim(adj.doc, lo, hi)
    if trimmed is None:
        return None
    s, e = span_chars(adj.doc, *trimmed)
    slo, shi = speaker_bounds(subj)
    return Cand(s, e, adj.i, prep.i if prep is not None else adj.i, subj, slo, shi, kind="reported",
                np_content=prep is not None)


def sourceless_adverb_candidate(adv: Token) -> Cand | None:
    """"He allegedly brandished a pistol", "Campaign Reportedly Scrambling": a report with no
    speaker named; the content is the clause the adverb modifies."""
    if adv.lower_ not in cues.REPORT_ADVERBS:
        return None
    head = adv.head
    if head.i == adv.i:
        return None
    lo, hi = head.left_edge.i, head.right_edge.i
    if adv.i == lo:
        lo += 1
    return _speakerless(adv, lo, hi)


def _speakerless(cue: Token, lo: int, hi: int) -> Cand | None:
    """A reported-content candidate over tokens ``lo..hi`` with ``cue`` as its cue and no speaker."""
    trimmed = trim(cue.doc, lo, hi)
    if trimmed is None:
        return None
    s, e = span_chars(cue.doc, *trimmed)
    return Cand(s, e, cue.i, cue.i, None, kind="reported")


def passive_report_candidate(verb: Token) -> Cand | None:
    """"North Korea is not thought to be capable of ...", "Turnout is expected to rise":
    a passive verb of saying or thinking with no agent."""
    if verb.lemma_ not in cues.PASSIVE_REPORT_VERBS:
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


def according_candidate(index: TokenIndex, tok: Token) -> Cand | None:
    """"according to X": X is the speaker of the clause the phrase modifies."""
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
    sent = index.sent(tok)
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
    trimmed = trim(doc, lo, hi)
    if trimmed is None:
        return None
    lo, hi = trimmed
    s, e = span_chars(doc, lo, hi)
    slo, shi = speaker_bounds(sp)
    return Cand(s, e, tok.i, to.i, sp, slo, shi, kind="according_to")


def colon_label_candidates(index: TokenIndex, paras: list[tuple[int, int]]) -> list[Cand]:
    """"Name: what they said" at the start of a line: headlines ("Poll: ...", "Pence: ...") and
    transcripts ("WALLACE: ..."). The label must name someone (a person, organisation or
    document) or be an upper-case speaker label used on two or more lines."""
    doc = index.doc
    tok_starts = index.starts
    found: list[tuple[int, int, int, int]] = []  # (label lo, colon i, para end char, para index)
    labels: dict[str, int] = {}
    for k, (ps, pe) in enumerate(paras):
        i = bisect.bisect_left(tok_starts, ps)
        j = i
        while j < len(doc) and j - i <= 7 and doc[j].idx < pe and doc[j].text != ":":
            j += 1
        if j >= len(doc) or doc[j].text != ":" or j == i or doc[j].idx >= pe:
            continue
        if len(index.text[doc[j].idx + 1:pe].split()) < 3:
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
        if lab.lower().strip("[]()*#- ").rstrip("s") in cues.RUBRIC_LABELS or len(lead) > 4:
            continue
        if not named and len(lead) <= 2 and all(t.pos_ == "PROPN" for t in lead):
            # a headline "Pence: ..." names someone the article names in full later
            named = lead[-1].lower_ in name_words
        document = lead.root.lemma_.lower() in cues.DOCUMENT_NOUNS and len(lead) <= 3
        transcript = lab.isupper() and labels.get(lab, 0) >= 2
        if not (named or document or transcript):
            continue
        if lead[0].lower_ in ("the", "a") and not document and lead.root.ent_type_ == "":
            continue  # "The Latest: ..." is a rubric, not a speaker
        e_tok = bisect.bisect_left(tok_starts, pe) - 1
        trimmed = trim(doc, j + 1, max(e_tok, j + 1))
        if trimmed is None:
            continue
        s, e = span_chars(doc, *trimmed)
        ents = [t for t in lead if t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")]
        head = ents[-1] if ents else lead.root
        out.append(Cand(s, e, j, j, head, i, j - 1, kind="direct"))
    return out
