"""Parse less: the condensed text is made of verbatim pieces, and offsets map back exactly."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimgraph.extract.condense import condense

TEXT = ("The fair opened on a sunny morning. Children ran between the stalls.\n\n"
        "Organisers said 2,400 tickets were sold. The band played late.\n\n"
        "“It was our best year. We had never seen such crowds,” the chair told us.\n\n"
        "Rain is forecast. Nobody minds.")


def test_keeps_claim_sentences_and_whole_quotes():
    c = condense(TEXT)
    assert c is not None
    assert "2,400 tickets" in c.text and "We had never seen such crowds" in c.text
    assert "Children ran" not in c.text and "Nobody minds" not in c.text
    for cstart, ostart, length in c.segments:
        assert c.text[cstart:cstart + length] == TEXT[ostart:ostart + length]


def test_offsets_map_back():
    c = condense(TEXT)
    i = c.text.index("2,400 tickets")
    s, e = c.to_original(i), c.to_original(i + len("2,400 tickets"), end=True)
    assert TEXT[s:e] == "2,400 tickets"


SENTENCES = st.sampled_from(["The sky was grey.", "Officials said 40 roads closed.", "Birds sang.",
                             "“We are ready,” she said.", "It rained for 3 days.", "Nothing happened."])


@given(st.lists(st.lists(SENTENCES, min_size=1, max_size=4), min_size=1, max_size=6))
def test_every_kept_piece_is_verbatim(paragraphs):
    text = "\n\n".join(" ".join(p) for p in paragraphs)
    c = condense(text, min_ratio=1.01)
    assert c is not None
    for cstart, ostart, length in c.segments:
        assert c.text[cstart:cstart + length] == text[ostart:ostart + length]
        assert c.to_original(cstart) == ostart
        assert c.to_original(cstart + length, end=True) == ostart + length


def test_titles_months_and_initials_do_not_end_a_sentence():
    from claimgraph.extract.condense import _sentences

    text = ("Mr. Varga, the council's engineer, spoke on Sept. 14 about the dam. "
            "Anna K. Morel of the U.S. Geological Survey disagreed. The end came later.")
    pieces = [text[s:e].strip() for s, e in _sentences(text)]
    assert pieces == ["Mr. Varga, the council's engineer, spoke on Sept. 14 about the dam.",
                      "Anna K. Morel of the U.S. Geological Survey disagreed.", "The end came later."]


def test_candidate_sentences():
    from claimgraph.extract.condense import _is_candidate

    assert _is_candidate("The engineers warned of cracks.")
    assert _is_candidate("According to the ministry, it was safe.")
    assert _is_candidate("A spokeswoman declined to comment.")
    assert _is_candidate("Dozens of homes flooded.")
    # counts without a numeral (extract/quantities/implied.py)
    assert _is_candidate("The mayor called him the lone attacker.")
    assert _is_candidate("He was armed with a rifle and a handgun.")
    assert _is_candidate("“Get out now.”")
    assert not _is_candidate("The river runs past the old mill.")


def test_a_condensed_text_is_never_longer_than_the_text():
    # every line kept, each on its own: the paragraph breaks put between them would make it longer
    text = "Officials said 40 homes burned.\nThe mayor said 12 were rebuilt."
    cond = condense(text)
    assert cond is None or len(cond.text) < len(text)
    assert condense("7\n7") is None
