"""The names a parse found in one article (people, places, organisations...), kept per document.

spaCy's entity recogniser runs anyway for the extractors; its names are what story clustering
needs to tie a follow-up or an opinion piece to its event (:mod:`claimgraph.link.stories`), so
they are kept instead of dropped with the ``Doc``. Offsets are not kept: only which names an
article uses, with how often.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the link stage reads NAME_LABELS without loading spaCy
    from spacy.tokens import Doc

# Labels that name who or where an event is about; dates, times and numbers are not names.
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"}
)

MAX_NAMES = 200  # distinct names kept per article (a long listing must not bloat the store)


def doc_names(doc: Doc) -> list[dict[str, Any]]:
    """Distinct names of a parsed article as ``{"text", "label", "mentions"}``, first seen first."""
    counts: dict[tuple[str, str], int] = {}
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        text = " ".join(ent.text.split())  # a name broken over a line is still one name
        if text:
            key = (text, ent.label_)
            counts[key] = counts.get(key, 0) + 1
    return [{"text": t, "label": label, "mentions": n} for (t, label), n in list(counts.items())[:MAX_NAMES]]
