"""Speaker phrases, types and resolution on fictional texts."""

from __future__ import annotations

import pytest

from claimgraph.extract.speakers import SpeakerResolver, classify, speaker_bounds

pytestmark = pytest.mark.model


def _subject(doc, verb_text):
    verb = next(t for t in doc if t.text == verb_text)
    return next(c for c in verb.children if c.dep_ == "nsubj")


def test_bounds_keep_apposition_and_drop_relative_clause(nlp):
    doc = nlp("Lena Park, the harbour master, said the pier was safe.")
    lo, hi = speaker_bounds(_subject(doc, "said"))
    assert doc[lo:hi + 1].text == "Lena Park, the harbour master"
    doc = nlp("The engineer who inspected the dam said it was safe.")
    lo, hi = speaker_bounds(_subject(doc, "said"))
    assert doc[lo:hi + 1].text == "The engineer"


@pytest.mark.parametrize("text,verb,kind", [
    ("One lorry driver said the road was closed.", "said", "anonymous"),
    ("A senior official said the road was closed.", "said", "anonymous"),
    ("The report says the road was closed.", "says", "document"),
    ("The ministry said the road was closed.", "said", "organization"),
    ("She said the road was closed.", "said", "person"),
    ("They said the road was closed.", "said", "group"),
])
def test_classify(nlp, text, verb, kind):
    doc = nlp(text)
    head = _subject(doc, verb)
    lo, hi = speaker_bounds(head)
    assert classify(head, lo, hi) == kind


def _resolve(nlp, text, verb_text):
    doc = nlp(text)
    verbs = [t for t in doc if t.text == verb_text]
    head = next(c for c in verbs[-1].children if c.dep_ == "nsubj")
    lo, hi = speaker_bounds(head)
    kind = classify(head, lo, hi)
    return SpeakerResolver(doc).resolve(head, lo, hi, kind)


def test_pronoun_takes_the_nearest_person(nlp):
    text = "Mayor Ana Ruiz opened the school. Later she said the roof was fixed."
    assert _resolve(nlp, text, "said") == "Ana Ruiz"


def test_surname_takes_the_full_name(nlp):
    text = "Inspector Tomas Okafor visited the site on Monday. On Tuesday, Okafor said it was safe."
    assert _resolve(nlp, text, "said") == "Tomas Okafor"


def test_title_takes_the_titled_name(nlp):
    text = "Mayor Ana Ruiz opened the school on Monday. The mayor said the roof was fixed."
    assert _resolve(nlp, text, "said") == "Ana Ruiz"


def test_anonymous_source_stays_as_written(nlp):
    text = "One ferry captain said the crossing was rough."
    assert _resolve(nlp, text, "said") == "One ferry captain"


def test_unresolvable_pronoun_stays(nlp):
    assert _resolve(nlp, "He said the crossing was rough.", "said") == "He"


def test_a_possessive_speaker_is_the_sentences_named_subject():
    # "his claim that ...": the parse may miss the person entity ("Keller" tagged ORG or nothing),
    # the named subject of the sentence is who "his" is
    from claimgraph.extract.run import extract_batch

    text = ("Port rules\n\nSeveral councils passed new measures. Keller has fuelled the row since taking "
            "office with his unproven claim that 40,000 containers went missing in Varosh last year.")
    (result,) = extract_batch([("d1", text)])
    (claim,) = [c for c in result.claims if "40,000" in c.text]
    assert claim.speaker == "Keller" and claim.speaker_mention == "his"
