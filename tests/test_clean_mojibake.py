"""Character-level repair: mojibake (incl. after a no-break space), line endings, controls, ellipses."""

from claimgraph.clean.mojibake import fix_text


def _mojibake(s: str) -> str:
    """What UTF-8 text looks like after being decoded as cp1252."""
    return s.encode("utf-8").decode("cp1252")


def test_mojibake_after_no_break_space_is_repaired():
    broken = "The ferry left Port Alder\u00a0" + _mojibake("\u2014") + " the last one that week."
    assert "\u00e2\u20ac" in broken
    fixed = fix_text(broken)
    assert fixed == "The ferry left Port Alder \u2014 the last one that week."


def test_plain_mojibake_apostrophe_and_quote():
    broken = _mojibake("The mayor\u2019s office said \u201cno comment.")
    assert fix_text(broken) == "The mayor\u2019s office said \u201cno comment."


def test_curly_quotes_are_kept():
    text = "\u201cWe are ready,\u201d she said."
    assert fix_text(text) == text


def test_line_endings_and_control_characters():
    assert fix_text("one\r\ntwo\rthree\x07\x00 four  \n") == "one\ntwo\nthree four\n"


def test_glued_ellipsis_is_split_into_sentences():
    assert fix_text("the boats could not escape\u2026.Has the town changed?") == (
        "the boats could not escape\u2026. Has the town changed?"
    )
    assert fix_text("\u2026.The harbour reopened.") == "\u2026. The harbour reopened."
    # an ellipsis before a lower-case word is a trailing-off, not a sentence end
    assert fix_text("capital\u2026would fall") == "capital\u2026would fall"


def test_ascii_ellipsis_left_alone():
    assert fix_text('said the sign...Read More') == 'said the sign...Read More'


def test_zero_width_and_odd_spaces():
    assert fix_text("a\u200bb\u2009c\u00a0d") == "ab c d"


def test_line_count_is_preserved():
    text = "a\n\nb\r\nc\n"
    assert len(fix_text(text).split("\n")) == len(text.replace("\r\n", "\n").split("\n"))
