"""Attribution extraction on short fictional texts, one construction per test."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.extract.attribution import find_attributions

pytestmark = pytest.mark.model


def _atts(nlp, text):
    doc = nlp(text)
    return doc, find_attributions(doc)


def _content(doc, a) -> str:
    return doc.text[a.content_start:a.content_end]


def _find(doc, atts, needle):
    hits = [a for a in atts if needle in _content(doc, a)]
    assert hits, f"no attribution containing {needle!r}: {[_content(doc, a) for a in atts]}"
    return hits[0]


def test_direct_quote_with_cue_after(nlp):
    doc, atts = _atts(nlp, "\u201cThe levee will hold through the weekend,\u201d said Mara Quill, the county engineer.")
    a = _find(doc, atts, "levee will hold")
    assert a.kind == "direct"
    assert a.cue == "said"
    assert "Quill" in a.speaker
    assert a.speaker_type == "person"


def test_direct_quote_with_cue_before_and_straight_marks(nlp):
    doc, atts = _atts(nlp, 'Mara Quill told reporters: "We have enough sandbags for two more days."')
    a = _find(doc, atts, "enough sandbags")
    assert "Mara Quill" in a.speaker
    assert _content(doc, a).startswith('"We have')


def test_quote_split_by_its_cue_is_one_content(nlp):
    text = ("\u201cThe water is falling,\u201d Quill said. \u201cBut the east bank is still soft, "
            "and we are watching it.\u201d")
    doc, atts = _atts(nlp, text)
    a = _find(doc, atts, "water is falling")
    assert "east bank is still soft" in _content(doc, a)
    assert len([x for x in atts if "east bank" in _content(doc, x)]) == 1


def test_multi_sentence_quote_with_cue_at_end(nlp):
    text = "\u201cWe opened the gates at noon. The town was dry by six.\u201d the harbour master said."
    doc, atts = _atts(nlp, text)
    a = _find(doc, atts, "opened the gates")
    assert "dry by six" in _content(doc, a)
    assert a.speaker_mention == "the harbour master"


def test_block_quote_over_two_paragraphs(nlp):
    text = ("Councillor Ines Varga said on Monday:\n\n"
            "\u201cThe budget for the bridge was spent twice.\n\n"
            "\u201cNobody has explained where the money went.\u201d\n\nThe council meets again in May.")
    doc, atts = _atts(nlp, text)
    a = _find(doc, atts, "spent twice")
    assert "where the money went" in _content(doc, a)
    assert "Varga" in a.speaker


def test_partial_inline_quote(nlp):
    text = ("Officials were angry, with Envoy Tomas Brand demanding that all of the smugglers "
            "\u201cshould be stopped at the border,\u201d and that the deal was wrong.")
    doc, atts = _atts(nlp, text)
    a = _find(doc, atts, "should be stopped at the border")
    assert "Tomas Brand" in a.speaker
    assert a.cue == "demanding"


def test_reported_speech_content_is_the_complement(nlp):
    doc, atts = _atts(nlp, "The port authority said that cargo traffic fell sharply in March.")
    a = _find(doc, atts, "cargo traffic fell")
    assert _content(doc, a) == "that cargo traffic fell sharply in March"
    assert a.speaker_mention == "The port authority"
    assert a.speaker_type == "organization"
    assert a.kind == "reported"


@pytest.mark.parametrize("verb", ["admitted", "insisted", "warned", "claimed", "believes", "revealed"])
def test_speech_act_and_cognition_verbs(nlp, verb):
    doc, atts = _atts(nlp, f"The minister {verb} that the tunnel would open late.")
    a = _find(doc, atts, "tunnel would open late")
    assert a.cue.endswith(verb)
    assert a.speaker_mention == "The minister"


def test_according_to(nlp):
    doc, atts = _atts(nlp, "The ferry carried 300 passengers, according to the Northvale Port Office.")
    a = _find(doc, atts, "ferry carried 300 passengers")
    assert a.kind == "according_to"
    assert a.cue == "according to"
    assert "Northvale Port Office" in a.speaker
    assert "according" not in _content(doc, a)


def test_nominal_cue(nlp):
    doc, atts = _atts(nlp, "The mayor's claim that the pier was safe angered residents.")
    a = _find(doc, atts, "pier was safe")
    assert a.cue.startswith("claim")
    assert "mayor" in a.speaker_mention


def test_passive_with_agent(nlp):
    doc, atts = _atts(nlp, "It was reported by the Harbor Ledger that the mill had closed.")
    a = _find(doc, atts, "mill had closed")
    assert "Harbor Ledger" in a.speaker


def test_cue_inside_the_content(nlp):
    doc, atts = _atts(nlp, "The old bridge, engineers said, was never built for trucks.")
    a = _find(doc, atts, "never built for trucks")
    assert a.speaker_mention == "engineers"


def test_cue_after_reported_content(nlp):
    doc, atts = _atts(nlp, "The water supply is safe to drink again, Quill said.")
    a = _find(doc, atts, "water supply is safe")
    assert a.cue == "said"
    assert "said" not in _content(doc, a)


def test_pull_quote_credit_with_dash(nlp):
    doc, atts = _atts(nlp, "\u201cWe lost the whole harvest.\u201d \u2015 Ruth Abara\nNext item.")
    a = _find(doc, atts, "whole harvest")
    assert a.speaker == "Ruth Abara"


def test_colon_headline(nlp):
    text = "Varga: Bridge Money Was Spent Twice.\n\nCouncillor Ines Varga spoke at the town hall."
    doc, atts = _atts(nlp, text)
    a = _find(doc, atts, "Bridge Money Was Spent Twice")
    assert a.speaker_mention == "Varga"


def test_quote_continues_the_speaker_of_the_sentence_before(nlp):
    text = ("Officially the port said only a few boats had left. But one ferry captain tells us that "
            "is false. \u201cWe carried about 900 people that night. My boat alone took 80.\u201d")
    doc, atts = _atts(nlp, text)
    a = _find(doc, atts, "carried about 900 people")
    assert a.speaker_mention == "one ferry captain"
    assert a.speaker == "one ferry captain"
    assert a.speaker_type == "anonymous"
    assert a.kind == "continuation"


def test_sentence_after_an_announcing_cue_continues_it(nlp):
    text = ("After the audit, the agency now admits the role it played in the sale. Some 40 boats "
            "were sold below cost, with 12 more given away.")
    doc, atts = _atts(nlp, text)
    a = _find(doc, atts, "40 boats")
    assert a.speaker_mention == "the agency"
    assert a.kind == "continuation"


def test_relayed_passage_gets_via_and_first_person_is_the_outlet(nlp):
    text = ("It is strange that this Harbor Gazette investigation got so little notice:\n\n"
            "The Harbor Gazette has found records of a secret fuel deal at the port.\n\n"
            "\u2026.One tanker driver tells us that the deal was signed in June. We found that 40 "
            "tankers left in one night.\n\n"
            "Was it a good deal? It might have been.")
    doc, atts = _atts(nlp, text)
    driver = _find(doc, atts, "signed in June")
    assert driver.speaker == "One tanker driver"
    assert driver.via == ["Harbor Gazette"]
    we = _find(doc, atts, "40 tankers left")
    assert we.speaker == "Harbor Gazette"
    assert we.via == []
    own = [a for a in atts if "good deal" in _content(doc, a)]
    assert own == []


def test_own_voice_is_not_an_attribution(nlp):
    doc, atts = _atts(nlp, "The river rose two metres overnight. As a local, I assume the mayor knew.")
    assert atts == []


def test_pronoun_resolves_to_the_last_named_person(nlp):
    text = ("Mayor Ana Ruiz visited the flooded school on Tuesday. \u201cWe will rebuild it before "
            "winter,\u201d she said.")
    doc, atts = _atts(nlp, text)
    a = _find(doc, atts, "rebuild it")
    assert a.speaker_mention == "she"
    assert a.speaker == "Ana Ruiz"
    assert a.speaker_type == "person"


def test_short_name_resolves_to_the_full_name(nlp):
    text = ("Tomas Okafor, the fire chief, said the blaze started in the kitchen. Later Okafor said "
            "that two crews were still on site.")
    doc, atts = _atts(nlp, text)
    a = _find(doc, atts, "two crews")
    assert a.speaker_mention == "Okafor"
    assert a.speaker == "Tomas Okafor"


def test_short_outlet_name_resolves_to_the_full_name(nlp):
    text = ("The Northvale Courier published the figures on Sunday. The ministry disputed them, "
            "but the Courier reported that the numbers came from the ministry itself.")
    doc, atts = _atts(nlp, text)
    a = _find(doc, atts, "numbers came from")
    assert a.speaker_mention == "the Courier"
    assert a.speaker == "Northvale Courier"


def test_hedged_attribution(nlp):
    doc, atts = _atts(nlp, "Analysts said the plant might close next year.")
    assert _find(doc, atts, "plant might close").hedged
    doc, atts = _atts(nlp, "Analysts said the plant closed last year.")
    assert not _find(doc, atts, "plant closed").hedged


def test_offsets_are_consistent(nlp):
    text = ("\u201cThe dam held,\u201d said Mara Quill. The county said that 40 homes were flooded, "
            "according to its own survey. Okafor warned that more rain is coming.\n\n"
            "\u201cWe are ready,\u201d he added.")
    doc, atts = _atts(nlp, text)
    assert atts
    for a in atts:
        assert 0 <= a.content_start < a.content_end <= len(text)
        assert text[a.content_start:a.content_end].strip() == text[a.content_start:a.content_end]
        if a.cue_start is not None:
            assert text[a.cue_start:a.cue_end] == a.cue
        if a.speaker_start is not None:
            assert text[a.speaker_start:a.speaker_end] == a.speaker_mention
        assert a.kind in ("direct", "partial", "reported", "according_to", "continuation")


def test_empty_document(nlp):
    assert find_attributions(nlp("")) == []
    assert find_attributions(nlp("   \n\n ")) == []


_PIECES = [
    "\u201cThe dam held,\u201d said Mara Quill.",
    "The county said that 40 homes were flooded.",
    "Okafor warned that more rain is coming, according to the ferry office.",
    "\u201cWe are ready. The pumps work,\u201d he added.",
    "'Nobody told us,' one resident said.",
    "It was reported by the Harbor Ledger that the mill had closed.",
    "The bridge, engineers said, was never built for trucks.",
    "Ruiz: Bridge Money Was Spent Twice.",
    "\u201cWe lost everything.\u201d \u2015 Ruth Abara",
    "I assume the mayor knew. Why did nobody ask?",
    "Councillor Ines Varga said on Monday:",
    "\u201cThe budget was spent twice.",
    "The river rose two metres overnight \u2026. Another driver says the road was shut.",
]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=6),
       st.lists(st.sampled_from([" ", "\n", "\n\n"]), min_size=6, max_size=6))
def test_offset_invariant_on_random_articles(nlp, pieces, seps):
    text = "".join(p + seps[i] for i, p in enumerate(pieces)).strip()
    doc = nlp(text)
    for a in find_attributions(doc):
        assert 0 <= a.content_start < a.content_end <= len(text)
        assert a.speaker or a.speaker_mention or a.cue
        if a.cue_start is not None:
            assert text[a.cue_start:a.cue_end] == a.cue
        for v in a.via:
            assert v and v != a.speaker


@pytest.mark.parametrize("sentence", [
    "Mayor Ilse Dronning hopes to reopen the Corran Street bridge by June.",
    "Mayor Ilse Dronning hoped the harbour bridge would reopen by June.",
])
def test_cue_verb_the_model_lemmatizes_wrongly(nlp, sentence):
    """The small model lemmatizes "hopes"/"hoped" as "hop"; the cue is still found."""
    doc, atts = _atts(nlp, sentence)
    assert len(atts) == 1 and "Ilse Dronning" in atts[0].speaker
    assert "June" in _content(doc, atts[0])


def test_passive_cue_with_agent_reports_its_subject(nlp):
    """PolNeAR's passive with the source after the content: the subject is what was reported."""
    doc, atts = _atts(nlp, "The closure of the Corran Street bridge was first reported by the Velmar Courier.")
    a = _find(doc, atts, "closure")
    assert _content(doc, a) == "The closure of the Corran Street bridge"
    assert "Velmar Courier" in a.speaker_mention
    doc, atts = _atts(nlp, "The Corran Street bridge was closed by the harbour police on Tuesday.")
    assert atts == []  # "close" is no cue: an agent alone makes no report


def test_partitive_source_is_a_speaker_but_a_bare_one_is_not(nlp):
    doc, atts = _atts(nlp, "One of the harbour engineers said the Corran Street bridge had corroded for years.")
    a = _find(doc, atts, "corroded")
    assert a.speaker_mention.lower().startswith("one of the harbour engineers")
    doc, atts = _atts(nlp, "One might say the Corran Street bridge was doomed from the start.")
    assert atts == []


def test_quote_introduced_by_continued(nlp):
    text = ("Mayor Ilse Dronning spoke at the harbour. She continued \u201cWe will rebuild the Corran Street "
            "bridge. Nobody in Velmar will wait for years.\u201d")
    doc, atts = _atts(nlp, text)
    a = _find(doc, atts, "rebuild")
    assert "Nobody in Velmar" in _content(doc, a) and a.cue == "continued"
    doc, atts = _atts(nlp, "The shelling continued, \u201ca disaster\u201d for the old market.")
    assert not [a for a in atts if a.cue == "continued"]
