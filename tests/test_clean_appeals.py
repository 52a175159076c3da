"""Membership pitches repeated in one article, and the outlet's full name from its own boilerplate."""

from __future__ import annotations

from claimgraph.clean.text import clean_text

PITCH = ("BACK THE COURIER\n\nIndependent reporting is expensive. Please become a supporter today, "
         "from as little as $3 a month.\n\nYour support keeps our newsroom running.\n\n")

ARTICLE = ("Bridge Reopens After Storm Repairs\n\n"
           "Photo: Ana Lint/Pinewood Courier\n\n"
           "The county said the bridge over the Sallow river reopened on Friday after six weeks of repairs.\n\n"
           "Engineers told the council that the new deck could carry 40-tonne lorries.\n\n"
           + PITCH + PITCH +
           "Get the Pinewood Courier newsletter in your inbox.\n")


def test_repeated_membership_pitch_goes_every_copy():
    res = clean_text(ARTICLE)
    assert "become a supporter" not in res.text
    assert "Independent reporting is expensive" not in res.text
    assert "40-tonne lorries" in res.text


def test_outlet_is_the_full_name_not_the_shouted_short_one():
    assert clean_text(ARTICLE).outlet == "Pinewood Courier"
