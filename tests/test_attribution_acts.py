"""Stance-taking acts (``claimgraph.extract.attribution.acts``): a person or organisation who
votes, vetoes, encourages, links or rails against something takes a stance on it, as PolNeAR
annotates (issue 16). Short fictional texts, one class per test, and the literal uses that must
stay out."""

from __future__ import annotations

import pytest

from claimgraph.extract.attribution import find_attributions

pytestmark = pytest.mark.model


def _contents(nlp, text: str) -> dict[str, str]:
    """Content -> speaker mention of every attribution in ``text``."""
    doc = nlp(text)
    return {doc.text[a.content_start : a.content_end]: a.speaker_mention for a in find_attributions(doc)}


@pytest.mark.parametrize(
    "text, content, speaker",
    [
        # decision and legal acts
        (
            "The harbour board approved a plan to dredge the old channel.",
            "a plan to dredge the old channel",
            "The harbour board",
        ),
        (
            "Governor Mirela Oast vetoed the ferry tax bill on Monday.",
            "the ferry tax bill",
            "Governor Mirela Oast",
        ),
        ("The appeals court struck down the mooring rules.", "the mooring rules", "The appeals court"),
        # advocacy: the object with its to-infinitive
        (
            "Councillor Bram Tessel encouraged fishermen to join the protest.",
            "fishermen to join the protest",
            "Councillor Bram Tessel",
        ),
        # framing: the object with what it is tied to
        (
            "Mayor Ilse Voran linked the flooding to the broken sluice gates.",
            "the flooding to the broken sluice gates",
            "Mayor Ilse Voran",
        ),
        # evaluation
        (
            "She openly admires the old harbour master as a tireless reformer.",
            "the old harbour master as a tireless reformer",
            "She",
        ),
        # a preposition introduces the content
        ("Senator Joll Marren voted against the harbour levy.", "the harbour levy", "Senator Joll Marren"),
        (
            "The dock workers' union railed against the new shift rota.",
            "the new shift rota",
            "The dock workers' union",
        ),
    ],
)
def test_an_agents_stance_taking_act_reports_its_object(nlp, text, content, speaker):
    got = _contents(nlp, text)
    assert content in got, got
    assert got[content] == speaker


@pytest.mark.parametrize(
    "text",
    [
        "A fallen tree blocked the coast road for an hour.",  # a thing is no agent
        "The voters cast their ballots early.",  # framing with nothing it is tied to
        "The storm struck the pier at dawn.",  # "strike" acts only as "strike down"
        "The harbour plan was approved by the board.",  # a passive is not read as an act
    ],
)
def test_literal_uses_are_no_attribution(nlp, text):
    assert _contents(nlp, text) == {}


@pytest.mark.parametrize(
    "text, content",
    [
        (
            "The harbour master has been criticized for his slow response.",
            "The harbour master has been criticized for his slow response",
        ),
        (
            "The new levy is often described as a tax on fishermen.",
            "The new levy is often described as a tax on fishermen",
        ),
    ],
)
def test_agentless_passive_of_judging_reports_the_subject_with_its_judgement(nlp, text, content):
    doc = nlp(text)
    got = [
        (doc.text[a.content_start : a.content_end], a.speaker, a.speaker_type) for a in find_attributions(doc)
    ]
    assert got == [(content, None, "unspecified")]


@pytest.mark.parametrize(
    "text",
    [
        "The pier was criticized.",  # no judgement after the verb
        "The pier was described as unsafe by the inspector.",  # an agent: the active rules apply
    ],
)
def test_passive_of_judging_without_a_judgement_or_with_an_agent_is_not_speakerless(nlp, text):
    doc = nlp(text)
    assert all(a.speaker is not None for a in find_attributions(doc))


@pytest.mark.parametrize(
    "text, content",
    [
        # a speech act whose object is the stance itself
        ("The ferry company declared bankruptcy in March.", "bankruptcy"),
        ("Mayor Ilse Voran proclaimed a goal of zero harbour deaths.", "a goal of zero harbour deaths"),
        # a response: to what it answers, or with what it says
        ("The harbour board did not respond to requests for comment.", "requests for comment"),
        ("Councillor Bram Tessel responded with a long list of complaints.", "a long list of complaints"),
    ],
)
def test_speech_act_with_a_stance_object_or_a_response(nlp, text, content):
    assert content in _contents(nlp, text)


@pytest.mark.parametrize(
    "text, content, holder",
    [
        (
            "Mayor Ilse Voran is a staunch opponent of the harbour levy.",
            "the harbour levy",
            "Mayor Ilse Voran",
        ),
        ("A fierce critic of the levy, Bram Tessel spoke for an hour.", "the levy", "Bram Tessel"),
    ],
)
def test_a_stance_noun_gives_its_holder_a_stance_on_its_object(nlp, text, content, holder):
    assert _contents(nlp, text).get(content) == holder


def test_a_stance_noun_in_the_description_of_a_source_stays_part_of_it(nlp):
    got = _contents(nlp, "Bram Tessel, a fierce critic of the levy, said the harbour would close.")
    assert "the levy" not in got, got


@pytest.mark.parametrize(
    "text, content, source",
    [
        (
            "In the latest harbour poll, Mayor Voran led her rival by six points.",
            "Mayor Voran led her rival by six points",
            "poll",
        ),
        ("Mayor Voran fared well in two local polls.", "Mayor Voran fared well", "polls"),
    ],
)
def test_a_poll_is_the_source_of_the_finding_its_in_phrase_modifies(nlp, text, content, source):
    got = _contents(nlp, text)
    assert content in got, got
    assert got[content].endswith(source)


def test_a_poll_phrase_on_a_cue_verb_leaves_the_speaker_to_the_cue(nlp):
    got = _contents(nlp, "In the harbour poll, most fishermen said the levy was unfair.")
    assert got.get("the levy was unfair") == "most fishermen"


def test_the_subject_of_a_received_judgement_is_its_content_and_the_judge_follows_from(nlp):
    doc = nlp("The harbour levy drew sharp criticism from local fishermen.")
    got = [(doc.text[a.content_start : a.content_end], a.speaker_mention) for a in find_attributions(doc)]
    assert got == [("The harbour levy", "local fishermen")]


def test_a_received_judgement_with_no_judge_named_is_speakerless(nlp):
    doc = nlp("The ferry video has faced ridicule online.")
    got = [(doc.text[a.content_start : a.content_end], a.speaker) for a in find_attributions(doc)]
    assert got == [("The ferry video", None)]


@pytest.mark.parametrize(
    "text, content, speaker",
    [
        (
            "Councillor Bram Tessel raised concerns about the dredging contract.",
            "the dredging contract",
            "Councillor Bram Tessel",
        ),
        (
            "The ferry union made the case that the timetable was unsafe.",
            "that the timetable was unsafe",
            "The ferry union",
        ),
        (
            "Mayor Voran took offense at claims that she had sold the pier.",
            "claims that she had sold the pier",
            "Mayor Voran",
        ),
        (
            "The harbour board filed a motion to halt the levy.",
            "to halt the levy",
            "The harbour board",
        ),
    ],
)
def test_a_light_verb_gives_its_subject_the_stance_of_its_noun(nlp, text, content, speaker):
    assert _contents(nlp, text).get(content) == speaker


@pytest.mark.parametrize(
    "text, content",
    [
        # a purpose infinitive: the recommendations are an aim, not yet made by anyone
        (
            "Mayor Voran set up a panel, led by a retired judge, to make recommendations on the levy.",
            "the levy",
        ),
        # a condition: nobody is said to hold the intention
        ("If the board had any intention of closing the pier, it would have said so.", "closing the pier"),
    ],
)
def test_a_light_verb_that_states_an_aim_or_a_condition_is_no_stance(nlp, text, content):
    got = _contents(nlp, text)
    assert content not in got, got


@pytest.mark.parametrize(
    "text, content",
    [
        ("Harbour workers have expressed deep concern about the new levy.", "the new levy"),
        ("The ferry union voiced outrage over the closure of the pier.", "the closure of the pier"),
        ("Fishermen have expressed concern that the levy could ruin them.", "that the levy could ruin them"),
    ],
)
def test_an_expressed_feeling_is_about_its_object_not_part_of_the_content(nlp, text, content):
    got = _contents(nlp, text)
    assert content in got, got


@pytest.mark.parametrize(
    "text, content",
    [
        (
            "Now the mayor seems to have vanished from the harbour debate.",
            "the mayor seems to have vanished from the harbour debate",
        ),
        ("Borrowing against the pier seems too risky.", "Borrowing against the pier seems too risky"),
    ],
)
def test_an_impression_with_nobody_named_is_a_sourceless_attribution(nlp, text, content):
    got = _contents(nlp, text)
    assert content in got and got[content] is None, got


@pytest.mark.parametrize(
    "text",
    [
        "The ferry plan appeared on the agenda.",  # appearing somewhere, not seeming
        "It seems the ferry will run late.",  # an expletive subject: the clause is the content
    ],
)
def test_appearing_somewhere_or_an_expletive_subject_is_no_impression_of_it(nlp, text):
    got = _contents(nlp, text)
    assert not any(c.startswith(("The ferry plan", "It seems")) for c in got), got


@pytest.mark.parametrize(
    "text, content",
    [
        ("The union has previously made the case for Mayor Voran.", "Mayor Voran"),
        ("Harbour workers voiced support for the new levy.", "the new levy"),
    ],
)
def test_what_is_pleaded_for_is_the_content_of_a_noun_of_advocacy(nlp, text, content):
    got = _contents(nlp, text)
    assert content in got, got


def test_for_after_other_nouns_names_a_beneficiary_not_a_content(nlp):
    got = _contents(nlp, "The board made a donation for the festival.")
    assert "the festival" not in got, got
