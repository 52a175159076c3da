"""Who a figure comes from, on fictional texts: one mechanism per test (issue 13)."""

from __future__ import annotations

import pytest

from claimgraph.extract.run import extract_batch

pytestmark = pytest.mark.model


def _claim_with(text: str, needle: str):
    (result,) = extract_batch([("d1", text)])
    hits = [c for c in result.claims if any(needle in q.text for q in c.quantities)]
    assert hits, f"no claim holds {needle!r}: {[c.text for c in result.claims]}"
    return hits[0]


def test_according_to_at_the_end_outranks_a_speakerless_cue_on_the_same_clause():
    text = (
        "The harbour levy is expected to raise at least $40 million over five years, even after "
        "counting the trade it might deter, according to independent port audits."
    )
    claim = _claim_with(text, "$40 million")
    assert claim.speaker == "independent port audits"
    assert claim.cue == "according to"


def test_a_verb_with_its_own_object_after_a_closed_quote_does_not_credit_it():
    # "discovered" is a cue verb, but its object is what it reports: the quote before it is
    # Halvorsen's, credited by "told" earlier in the sentence
    text = (
        "Senator Ines Halvorsen told a local radio host that the three pumps at the dock had been "
        "sabotaged and were clearly a \u201cdeliberate act.\u201d Inspectors have discovered two "
        "other damaged valves, she told the Varosh Courier."
    )
    pumps = _claim_with(text, "three pumps")
    valves = _claim_with(text, "two other damaged valves")
    assert pumps.speaker == "Ines Halvorsen" and pumps.cue == "told"
    assert valves.speaker == "Ines Halvorsen"


def test_he_after_a_quote_is_the_subject_of_the_sentence_before_not_a_name_mentioned_later():
    text = (
        "Unlike Governor Lena Marsh, who said she wanted to look ahead, Senator Pavel Ortiz kept "
        "pointing back to the last four years, laying the blame on Lena Marsh\u2019s desk.\n\n"
        "\u201cThis plan is not working,\u201d he said. \u201cAnd the proof is 14 million people "
        "out of work.\u201d"
    )
    claim = _claim_with(text, "14 million")
    assert claim.speaker == "Pavel Ortiz" and claim.speaker_mention == "he"


def test_he_after_a_quoted_person_stays_with_that_person():
    # the subject rule must not take "he" away from someone quoted after that subject
    text = (
        "Senator Pavel Ortiz opened the hearing on Monday.\n\n"
        "\u201cWe lost 300 jobs,\u201d Mayor Tomas Reyes said. \u201cAnd 40 shops closed,\u201d he added."
    )
    claim = _claim_with(text, "40 shops")
    assert claim.speaker == "Tomas Reyes"


def test_a_quote_signed_by_a_comma_and_a_name_alone_is_that_persons():
    # a dropped "said": “...,” Mr. Ortiz.  The figures inside are his, not "his plan"'s
    text = (
        "\u201cOnly at city hall would you call $3 million a saving when in fact his plan calls for "
        "spending $9 million more every year,\u201d Mr. Ortiz.\n\nThe council meets again on Friday."
    )
    claim = _claim_with(text, "$9 million")
    assert claim.speaker and "Ortiz" in claim.speaker
    assert _claim_with(text, "$3 million").speaker == claim.speaker


def test_a_comma_and_a_place_after_a_quote_is_no_credit():
    text = "The banner read \u201cwelcome, friends,\u201d Varosh Harbour.\n\nIt cost 400 euros."
    (result,) = extract_batch([("d1", text)])
    assert not any(c.speaker and "Varosh" in c.speaker for c in result.claims)


def test_an_excerpt_credited_via_an_outlet_speaks_in_its_voice():
    # "(via the Varosh Courier):" closing a paragraph credits the next paragraph only, even when
    # an earlier sentence of the credit's paragraph has a cue of its own ("wrote about")
    text = (
        "Marta wrote about the flood last night. The river rose fast. It is one of the worst floods "
        "in a century (via the Varosh Courier):\n\nThe flooding of at least 40 homes on Thursday "
        "ranks as one of the worst disasters in the valley in the past 100 years.\n\n"
        "Volunteers kept filling sandbags until dawn, and 12 boats stayed on the river."
    )
    claim = _claim_with(text, "40 homes")
    assert claim.speaker == "Varosh Courier" and claim.kind == "relayed"
    assert _claim_with(text, "12 boats").speaker is None  # the article's own voice again


def test_the_study_speaks_for_the_author_named_with_by():
    text = (
        "The mayor\u2019s claim rests on a study by the Harbour Policy Institute, a Varosh research "
        "group. The study, however, is more careful than the mayor was.\n\n"
        "In one scenario, the study says, the levy could cost families $900 a year."
    )
    claim = _claim_with(text, "$900")
    assert claim.speaker == "Harbour Policy Institute" and claim.speaker_mention == "the study"


def test_extrapolated_that_is_a_cue():
    text = (
        "A report by the economist Ilse Moreau said 4 percent of the boats were unregistered. "
        "She extrapolated that the port lost 2,300 fees a year."
    )
    claim = _claim_with(text, "2,300 fees")
    assert claim.cue == "extrapolated" and claim.speaker == "Ilse Moreau"


def test_a_fronted_description_before_the_name_is_not_the_speaker():
    text = (
        "A former harbour pilot in Varosh, Okafor gave a long speech on Friday, spending an hour "
        "detailing why the port authority is sure that the storm sank 14 boats last week."
    )
    claim = _claim_with(text, "14 boats")
    assert claim.speaker_mention == "Okafor"


def test_a_that_clause_hung_on_the_statement_a_speaker_speaks_in():
    text = (
        "Harbour Minister Ines Halvorsen says in a statement released by her office that she is "
        '"deeply worried by reports that 30 ferries have been damaged in the storm."'
    )
    claim = _claim_with(text, "30 ferries")
    assert "Ines Halvorsen" in claim.speaker and claim.cue == "says"
