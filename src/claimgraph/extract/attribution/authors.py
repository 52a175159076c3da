"""The author behind a document that "speaks": "it issued [a policy paper] welcoming X", "Trump
unleashed [a series of tweets] criticizing Y", "lawyers filed [papers] opposing Z".

A participle hung on a document noun reports for whoever made the document, when the sentence
says who did: the subject of the verb the document is the object of. PolNeAR names that maker
as the source, not the paper.
"""

from __future__ import annotations

from spacy.tokens import Token

from claimgraph.lexicon import cues


def document_author(verb: Token) -> Token | None:
    """The maker of the document noun ``verb`` (a participle) hangs on, or None."""
    if verb.dep_ != "acl" or verb.tag_ != "VBG":
        return None
    doc_noun = verb.head
    # "a series of tweets": the document may sit in an "of" phrase of the object
    if doc_noun.dep_ == "pobj" and doc_noun.head.lower_ == "of":
        obj = doc_noun.head.head
    else:
        obj = doc_noun
    if (
        doc_noun.lemma_.lower() not in cues.DOCUMENT_NOUNS
        and doc_noun.lemma_.lower() not in cues.NOMINAL_CUES
    ):
        return None
    if obj.dep_ != "dobj" or obj.head.pos_ != "VERB":
        return None
    subj = next((c for c in obj.head.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lemma_.lower() in cues.DOCUMENT_NOUNS:
        return None
    return subj
