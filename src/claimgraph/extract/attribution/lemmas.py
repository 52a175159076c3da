"""Repair the lemma of cue verbs that the small English model gets wrong.

The rule lemmatizer of ``en_core_web_sm`` strips inflections by suffix, so "hoped", "hopes" and
"hoping" become "hop" and the cue is never seen. A verb whose written form is an inflection of a
cue verb in the lexicon table, and whose model lemma is no cue verb, takes the cue verb as lemma.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc

from claimgraph.lexicon import cues
from claimgraph.lexicon.inflection import verb_forms


@lru_cache(maxsize=1)
def _cue_of_form() -> dict[str, str]:
    """Written form -> cue verb, for forms that belong to exactly one cue verb."""
    owners: dict[str, set[str]] = {}
    for lemma in cues.CUE_VERBS:
        try:
            forms = verb_forms(lemma)
        except KeyError:  # multi-word cues have no table entry
            continue
        for form in forms:
            owners.setdefault(form, set()).add(lemma)
    return {f: next(iter(ls)) for f, ls in owners.items() if len(ls) == 1}


def repair_cue_lemmas(doc: Doc) -> None:
    """Give every verb written as a form of a cue verb that cue verb's lemma (in place)."""
    table = _cue_of_form()
    for tok in doc:
        if tok.pos_ == "VERB" and tok.lemma_.lower() not in cues.CUE_VERBS:
            cue = table.get(tok.lower_)
            if cue is not None:
                tok.lemma_ = cue
