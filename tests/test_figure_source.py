"""Who a figure comes from when nobody "says" it: the subject of a counting verb, and a partitive
figure ("of those") that continues the sentence before. Fictional sentences."""

from __future__ import annotations

import pytest

from claimgraph.extract.run import extract_doc

pytestmark = pytest.mark.model


def _sources(nlp, text):
    return [(c.speaker, c.kind, [q.text for q in c.quantities]) for c in extract_doc(nlp(text), "d")]


@pytest.mark.parametrize("text,speaker", [
    ("The harbour board counted 41 wrecks along the pier.", "harbour board"),
    ("The port authority put the loss at 12 containers.", "port authority"),
    ("Late on Monday the county clerk tallied 3,410 ballots.", "county clerk"),
])
def test_the_subject_of_a_counting_verb_is_the_source(nlp, text, speaker):
    (got, kind, figures), = _sources(nlp, text)
    assert speaker in got and kind == "counted" and figures


@pytest.mark.parametrize("text", [
    "Three boats were counted on the beach.",         # no subject
    "27 ferries counted 1,200 passengers last year.",  # the counted thing is the subject
    "He counted 12 cars.",                            # a pronoun is no named source
])
def test_no_source_without_a_named_counter(nlp, text):
    assert all(s is None for s, _, _ in _sources(nlp, text))


def test_a_partitive_figure_keeps_the_source_of_the_sentence_before(nlp):
    for text in ("The Eastport clinic said it treated 600 patients. Of those, 41 died.",
                 "The Eastport clinic said it treated 600 patients. More than 40 of those patients died.",
                 "Eight sailors were hurt, the Eastport clinic said. Three of those were burned."):
        speaker, kind, _ = _sources(nlp, text)[-1]
        assert "Eastport clinic" in speaker and kind == "continuation"


def test_a_restricted_partitive_is_the_article_s_own(nlp):
    text = "Officials said 600 people were polled. Nearly a third of those with jobs were unsure."
    assert _sources(nlp, text)[-1][:2] == (None, "own_voice")


def test_put_needs_at(nlp):
    assert _sources(nlp, "The storm put 40 boats at risk.")[0][:2] == (None, "own_voice")
    speaker, kind, _ = _sources(nlp, "The emergency service put the number of people in shelters at 430.")[0]
    assert "emergency service" in speaker and kind == "counted"


def test_the_study_is_the_work_of_whoever_was_quoted_about_it(nlp):
    text = ("In a study released on Monday, the Eastport Harbour Institute concluded that 12% of berths were idle. "
            "The study also found that 300 ships waited more than a day.")
    speaker, _, figures = _sources(nlp, text)[-1]
    assert speaker == "Eastport Harbour Institute" and figures == ["300 ships"]
    assert _sources(nlp, "The report found that 40 ships sank.")[0][0] == "The report"  # nobody to point to


def test_a_figure_in_nested_speakerless_words_belongs_to_the_speaker(nlp):
    text = 'Lotte Brandt said she was "alarmed by reports that 40 ships sank near the pier."'
    holders = [c for c in extract_doc(nlp(text), "d") if c.quantities]
    assert len(holders) == 1 and holders[0].speaker == "Lotte Brandt"
