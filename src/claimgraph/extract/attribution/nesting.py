"""Nested reports: a report whose cue sits inside another report's content.

PolNeAR-style annotation gives every token to at most one attribution, so "He attacked the
other candidates for their donations, which he said bought favours" is two attributions: the
outer content stops where the nested report begins. A nested report is kept on its own when
both are paraphrase ("reported": no quote marks, where a cue inside is the quoted speaker's own
words), the nested cue is a verb of saying, it names its speaker after the outer cue and its
content runs to the end of the outer one; the outer content is cut before it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimgraph.lexicon import cues
from claimgraph.lexicon.attribution import NESTED_LINKERS, SELF
from claimgraph.lexicon.cues import RELATIVE_PRONOUNS

from .spans import Cand

# Fewest words an outer content keeps after the cut; less and the nested report stays folded.
_MIN_OUTER_WORDS = 3
# Characters the nested content may stop short of the outer end (closing punctuation, a quote mark).
_TAIL_SLACK = 3


def _finite_saying(verb: Token) -> bool:
    """A finite verb of saying with no particle: "..., which he said ...", not "he refused to
    ..." (an act the outer report describes), "with X saying ..." (a participle the outer
    speaker's report absorbs) or "add up to"."""
    if verb.lemma_ not in cues.SPEECH_VERBS or any(c.dep_ == "prt" for c in verb.children):
        return False
    return verb.tag_ in ("VBD", "VBZ", "VBP") or any(c.dep_ == "aux" for c in verb.children if c.i < verb.i)


def nested_cut(outer: Cand, inner: Cand, doc: Doc) -> int | None:
    """The character where ``outer``'s content should end so that ``inner`` (whose cue lies
    inside it) stands on its own, or None when ``inner`` is to be folded into ``outer``."""
    if outer.kind != "reported" or inner.kind != "reported" or inner.sp_head is None:
        return None
    if inner.sp_head.lower_ in SELF or inner.parent is not None or outer.cue_lo < 0:
        return None
    if not (outer.start <= inner.start and inner.end <= outer.end) or outer.end - inner.end > _TAIL_SLACK:
        return None  # only a report that runs to the end of the outer content is split off
    if inner.verb_i < 0 or not _finite_saying(doc[inner.verb_i]):
        return None
    if inner.sp_head.pos_ not in ("PROPN", "NOUN", "PRON") or inner.sp_head.lower_ in RELATIVE_PRONOUNS:
        return None  # "one of the officials said", "which would add up to": no speaker of its own
    first = min(i for i in (inner.sp_lo, inner.cue_lo) if i >= 0)
    if first <= outer.cue_hi or doc[first].idx < outer.start:
        return None  # the nested speaker must follow the outer cue, inside the outer content
    # step back over the words that link the nested report to the outer one (", which", "though")
    k = first - 1
    while k >= 0 and (doc[k].is_punct or doc[k].lower_ in NESTED_LINKERS) and doc[k].idx > outer.start:
        k -= 1
    if k < 0 or doc[k].idx <= outer.start:
        return None
    cut = doc[k].idx + len(doc[k].text)
    words = [t for t in doc.char_span(outer.start, cut, alignment_mode="expand") or [] if not t.is_punct]
    return cut if len(words) >= _MIN_OUTER_WORDS else None
