"""Attribution constructions PolNeAR annotates that the extractor once missed or cut short,
on short fictional texts, one construction per test (issue 16)."""

from __future__ import annotations

import pytest

from claimgraph.extract.attribution import find_attributions

pytestmark = pytest.mark.model


def _contents(nlp, text: str) -> dict[str, str]:
    """Content -> speaker mention of every attribution in ``text``."""
    doc = nlp(text)
    return {doc.text[a.content_start : a.content_end]: a.speaker_mention for a in find_attributions(doc)}


def test_noun_phrase_content_runs_over_an_argument_preposition(nlp):
    got = _contents(nlp, "A new harbour poll shows Tamsin Ferries with a lead of four points.")
    assert "Tamsin Ferries with a lead of four points" in got


def test_noun_phrase_content_stops_before_a_circumstance(nlp):
    got = _contents(nlp, "Councillor Brenna Vole attacked the ferry operator in a late-night post.")
    assert got.get("the ferry operator") == "Councillor Brenna Vole"


@pytest.mark.parametrize(
    "text, content",
    [
        (
            'Mayor Odile Brack called the councillor a "reckless gambler" and a "menace."',
            'the councillor a "reckless gambler" and a "menace."',
        ),
        (
            "The auditor deemed the harbour contract a waste of public money.",
            "the harbour contract a waste of public money",
        ),
    ],
)
def test_naming_verb_reports_its_object_with_the_predicate(nlp, text, content):
    got = _contents(nlp, text)
    assert any(content.rstrip('."') in c for c in got), got


def test_relative_clause_cue_reports_the_rest_of_the_clause(nlp):
    got = _contents(
        nlp, "The council kept the old ferry pier, which Mayor Ilse Voran says she will repair next spring."
    )
    assert got.get("she will repair next spring") == "Mayor Ilse Voran"


def test_cue_inserted_after_the_subject_reports_the_whole_clause(nlp):
    got = _contents(nlp, "The problem now, she told me on Friday, is that the pier has no funding at all.")
    assert any(c.startswith("The problem now") and c.endswith("no funding at all") for c in got), got


def test_report_nested_at_the_end_of_a_paraphrase_stands_on_its_own(nlp):
    got = _contents(
        nlp,
        "Mayor Ilse Voran said the ferry timetable would change in May, though she noted the pier repairs could slip.",
    )
    assert got.get("the ferry timetable would change in May") == "Mayor Ilse Voran"
    assert got.get("the pier repairs could slip") == "she"


def test_report_nested_inside_a_quote_stays_folded(nlp):
    got = _contents(
        nlp, "\u201cThe pier will reopen, whatever the council said about it,\u201d Mayor Ilse Voran said."
    )
    assert list(got.values()) == ["Mayor Ilse Voran"], got


def test_participle_report_inside_a_paraphrase_stays_folded(nlp):
    got = _contents(
        nlp,
        "The port authority said it would close the pier, with the harbour master saying the repairs would take a year.",
    )
    assert "the repairs would take a year" not in got, got


@pytest.mark.parametrize(
    "text, content, owner",
    [
        (
            "Yet her refusal to sign the harbour lease angered the fishermen.",
            "to sign the harbour lease",
            "her",
        ),
        (
            "The mayor's determination to rebuild the pier alone split the council.",
            "to rebuild the pier alone",
            "The mayor",
        ),
    ],
)
def test_owner_of_an_intention_noun_holds_its_infinitive(nlp, text, content, owner):
    assert _contents(nlp, text).get(content) == owner


def test_intention_noun_without_an_owner_is_no_attribution(nlp):
    assert _contents(nlp, "The decision to rebuild the pier was taken in May.") == {}


def test_quote_before_its_cue_wins_over_a_clause_hung_after_the_cue(nlp):
    # the parse the small model gives long sentences of this shape, built by hand: both the
    # quoted clause and the "after ..." clause hang on the cue as ccomp
    from spacy.tokens import Doc

    from claimgraph.extract.attribution.content import content_of_verb
    from claimgraph.extract.attribution.tokens import TokenIndex

    words = [
        "\u201c",
        "Close",
        "the",
        "pier",
        ",",
        "\u201d",
        "Voran",
        "told",
        "them",
        ",",
        "after",
        "she",
        "admitted",
        "the",
        "pilings",
        "cracked",
        ".",
    ]
    heads = [1, 7, 3, 1, 7, 7, 7, 7, 7, 7, 12, 12, 7, 14, 15, 12, 7]
    deps = [
        "punct",
        "ccomp",
        "det",
        "dobj",
        "punct",
        "punct",
        "nsubj",
        "ROOT",
        "dobj",
        "punct",
        "mark",
        "nsubj",
        "ccomp",
        "det",
        "nsubj",
        "ccomp",
        "punct",
    ]
    pos = [
        "PUNCT",
        "VERB",
        "DET",
        "NOUN",
        "PUNCT",
        "PUNCT",
        "PROPN",
        "VERB",
        "PRON",
        "PUNCT",
        "SCONJ",
        "PRON",
        "VERB",
        "DET",
        "NOUN",
        "VERB",
        "PUNCT",
    ]
    doc = Doc(
        nlp.vocab,
        words=words,
        heads=heads,
        deps=deps,
        pos=pos,
        lemmas=[w.lower() for w in words[:7]] + ["tell"] + [w.lower() for w in words[8:]],
    )
    lo, hi, _, _ = content_of_verb(TokenIndex(doc), doc[7])
    assert doc[lo : hi + 1].text.lstrip("\u201c ") == "Close the pier"


def test_prepositional_content_runs_over_a_clause_the_parser_hangs_on_the_verb(nlp):
    # built by hand: "which doubled the fee" hung on the cue verb instead of on "levy"
    from spacy.tokens import Doc

    from claimgraph.extract.attribution.content import content_of_verb
    from claimgraph.extract.attribution.tokens import TokenIndex

    words = ["She", "complained", "about", "the", "levy", ",", "which", "doubled", "the", "fee", "."]
    heads = [1, 1, 1, 4, 2, 1, 7, 1, 9, 7, 1]
    deps = ["nsubj", "ROOT", "prep", "det", "pobj", "punct", "nsubj", "relcl", "det", "dobj", "punct"]
    pos = ["PRON", "VERB", "ADP", "DET", "NOUN", "PUNCT", "PRON", "VERB", "DET", "NOUN", "PUNCT"]
    lemmas = ["she", "complain", "about", "the", "levy", ",", "which", "double", "the", "fee", "."]
    spaces = [w not in ("levy", "fee", ".") for w in words]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    lo, hi, _, _ = content_of_verb(TokenIndex(doc), doc[1])
    assert doc[lo : hi + 1].text == "the levy, which doubled the fee"


def test_relative_pronoun_is_the_speaker_as_written_and_its_noun_the_speaker(nlp):
    doc = nlp("The ferry board thanked Harbourmaster Quill Adebayo, who says the pier will reopen in May.")
    got = {doc.text[a.content_start : a.content_end]: a for a in find_attributions(doc)}
    a = got["the pier will reopen in May"]
    assert (a.speaker_mention, a.speaker) == ("who", "Harbourmaster Quill Adebayo")
    assert doc.text[a.speaker_start : a.speaker_end] == "who"


@pytest.mark.parametrize(
    "text, content, speaker",
    [
        (
            "The harbour, as one of the mayor's advisers pointed out, normally does not freeze in winter.",
            "The harbour, as one of the mayor's advisers pointed out, normally does not freeze in winter",
            "one of the mayor's advisers",
        ),
        (
            "As the harbour report notes, the pier has been closed since March.",
            "the pier has been closed since March",
            "the harbour report",
        ),
        (
            "Yet, as Mr. Quill observed, in the early days of a new council few projects would be cut.",
            "in the early days of a new council few projects would be cut",
            "Mr. Quill",
        ),
        (
            "The pier will reopen in May, as the mayor told reporters on Friday.",
            "The pier will reopen in May",
            "the mayor",
        ),
        (
            "The ferry is still seen, as the gazette put it, \u201ca floating museum.\u201d",
            "\u201ca floating museum.\u201d",
            "the gazette",
        ),
    ],
)
def test_as_insertion_reports_the_rest_of_its_sentence(nlp, text, content, speaker):
    got = _contents(nlp, text)
    assert got.get(content.rstrip(".")) == speaker or got.get(content) == speaker, got


@pytest.mark.parametrize(
    "text",
    ["As he wrote the letter, the phone rang twice.", "As soon as she said it, the crowd cheered loudly."],
)
def test_as_clause_of_time_is_no_insertion(nlp, text):
    assert _contents(nlp, text) == {}


@pytest.mark.parametrize(
    "text, content, source",
    [
        (
            "In the latest harbour poll, conducted in early May, Brack led Voss by 5 points among likely voters.",
            "Brack led Voss by 5 points among likely voters",
            "the latest harbour poll",
        ),
        (
            "Voss did fare well in online polls conducted after the debates.",
            "Voss did fare well",
            "online polls",
        ),
        ("Voss's recent gains in some polls worry the council.", "Voss's recent gains", "some polls"),
    ],
)
def test_finding_credited_to_a_poll_with_in(nlp, text, content, source):
    assert _contents(nlp, text).get(content) == source


def test_a_poll_in_the_middle_of_its_clause_credits_nothing(nlp):
    got = _contents(nlp, "Voss led in the poll by a wide margin last week.")
    assert "the poll" not in got.values(), got


@pytest.mark.parametrize(
    "text, content",
    [
        (
            "Senator Odile Brack praised the new harbour plan, the latest twist in a long feud over the pier.",
            "the new harbour plan",
        ),
        (
            "The board rejected Councillor Voss's ferry budget, a plan that would have doubled fares.",
            "Councillor Voss's ferry budget",
        ),
    ],
)
def test_noun_phrase_content_stops_before_an_apposition(nlp, text, content):
    assert content in _contents(nlp, text)


@pytest.mark.parametrize(
    "text, content",
    [
        ("Two harbour unions have also endorsed Brack in the race for mayor.", "Brack in the race for mayor"),
        (
            "The inquiry revealed a deep rift in the way the two councils fund the ferry.",
            "a deep rift in the way the two councils fund the ferry",
        ),
        ("Councillor Voss praised the ferry crews during the debate on Friday.", "the ferry crews"),
        ("Councillor Voss praised the ferry crews in his remarks to the council.", "the ferry crews"),
    ],
)
def test_noun_phrase_content_runs_over_what_the_verb_phrase_says_not_the_occasion(nlp, text, content):
    assert content in _contents(nlp, text)


@pytest.mark.parametrize(
    "text, content, speaker",
    [
        (
            "Recently, however, the group issued a policy paper welcoming the council's plans to fund the pier.",
            "the council's plans to fund the pier",
            "the group",
        ),
        ("Brack unleashed a series of tweets criticizing the harbour board.", "the harbour board", "Brack"),
    ],
)
def test_participle_on_a_document_speaks_for_its_maker(nlp, text, content, speaker):
    assert _contents(nlp, text).get(content) == speaker


@pytest.mark.parametrize(
    "text, content",
    [
        (
            "The judge spoke of the legacy of slavery, and how the fight for justice flowed through landmark rulings.",
            "the legacy of slavery, and how the fight for justice flowed through landmark rulings",
        ),
        (
            "The mayor talked about the levy and why the fishermen should pay it.",
            "the levy and why the fishermen should pay it",
        ),
    ],
)
def test_an_embedded_question_coordinated_with_the_content_belongs_to_it(nlp, text, content):
    doc = nlp(text)
    got = [doc.text[a.content_start : a.content_end] for a in find_attributions(doc)]
    assert content in got, got


@pytest.mark.parametrize(
    "text, content",
    [
        (
            'The island council accused its leader, Mara Velt, of "fanatic recklessness."',
            'of "fanatic recklessness."',
        ),
        (
            "The union accused Mayor Voran of being asleep during the storm.",
            "of being asleep during the storm",
        ),
    ],
)
def test_the_accused_joins_the_cue_and_the_charge_is_the_content(nlp, text, content):
    doc = nlp(text)
    got = [doc.text[a.content_start : a.content_end] for a in find_attributions(doc)]
    assert content in got, got
