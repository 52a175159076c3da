"""Sources from the layout of a line: embedded posts signed "— Name (@handle)", and labels "Name: 'quote'"."""

from __future__ import annotations

from claimgraph.extract.line_source import line_source

POST = ("Amazing: turnout is at 72%-77% in the river counties, but just 55%-60% in the hills. "
        "— Dana Whitlow (@dwhitlow) December 13, 2031")
LABEL = "Varosh police: 'Approximately 20 dead' after ferry fire"


def _at(text, figure):
    start = text.index(figure)
    return line_source(text, start, start + len(figure))


def test_an_embedded_post_is_its_signers():
    assert _at(POST, "55%-60%") == ("Dana Whitlow", "Dana Whitlow (@dwhitlow)", "posted")


def test_a_label_before_a_quotation_is_its_source():
    assert _at(LABEL, "Approximately 20") == ("Varosh police", "Varosh police", ":")


def test_plain_lines_have_no_layout_source():
    assert _at("The ferry carried 20 passengers — most of them tourists.", "20 passengers") is None
    assert _at("Note: about 20 boats sank.", "about 20 boats") is None  # no quotation after the colon
    text = "Varosh police: 'Approximately 20 dead' after fire\n\nLater, 31 people were missing."
    assert _at(text, "31 people") is None  # another paragraph


def test_an_excerpt_credited_via_an_outlet_in_the_line_before():
    text = ("It was the worst storm in decades (via the Varosh Courier):\n\n"
            "At least 40 homes lost their roofs.\n\nBy noon 12 boats were back.")
    at = text.index("40 homes")
    assert line_source(text, at, at + 8) == ("Varosh Courier", "Varosh Courier", "via")
    later = text.index("12 boats")
    assert line_source(text, later, later + 8) is None  # only the paragraph right after the credit
    plain = "He came (via the back door).\n\nAt least 40 homes lost their roofs."
    at = plain.index("40 homes")
    assert line_source(plain, at, at + 8) is None  # no colon: not a credit
