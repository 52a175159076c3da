"""clean_text on small fictional articles: boilerplate removal and metadata from the text."""

import textwrap

from claimgraph.clean.boilerplate import line_noise
from claimgraph.clean.text import clean_text

BODY = [
    "The harbour authority in Port Alder said on Tuesday that 240 boats had been moved before the storm.",
    "\u201cWe moved every vessel we could reach,\u201d harbour master Ines Calloway told reporters at the quay.",
    "Fishermen said the warning came late, and about 30 smaller boats were still tied up when the wind rose.",
    "Share prices of the regional ferry company fell 4 percent on the news, according to the exchange.",
    "Subscribers to the town's flood alerts will get text messages from next month, the council said.",
]

PITCH = [
    "A NOTE FROM THE HARBOR LEDGER",
    "Independent reporting on the coast costs money, and we rely on readers like you to fund it.",
    "Please consider a tax-deductible donation to support our newsroom before you read on.",
    "\u2014The Harbor Ledger team",
]


def _doc(*blocks: list[str] | str) -> str:
    parts: list[str] = []
    for b in blocks:
        parts.extend([b] if isinstance(b, str) else b)
    return "\n\n".join(parts)


def _kept_lines(text: str) -> set[str]:
    return {x for x in text.split("\n") if x}


def test_body_of_a_plain_news_article_is_kept_whole():
    r = clean_text(_doc("Storm Forces Boats Out of Port Alder Harbour", BODY))
    for line in BODY:
        assert line in _kept_lines(r.text)
    assert r.removed == []
    assert r.title == "Storm Forces Boats Out of Port Alder Harbour"


def test_repeated_appeal_block_is_removed_in_every_copy():
    r = clean_text(_doc("Storm Forces Boats Out", BODY[:3], PITCH, BODY[3:], PITCH))
    kept = _kept_lines(r.text)
    for line in BODY:
        assert line in kept
    for line in PITCH:
        assert line not in kept


def test_repeated_content_without_appeal_is_kept():
    quote = "The quay will stay closed until the engineers have inspected every pier on the east side."
    r = clean_text(_doc(BODY[:2], quote, BODY[2:], quote))
    assert quote in r.text


def test_call_to_action_and_navigation_lines():
    noise = [
        "Sign up for our free newsletter",
        "Subscribe",
        "Follow us on Twitter @harborledger",
        "Share this article",
        "Read more:",
        "Related Articles",
        "You may also like",
        "Advertisement",
        "Back to top",
        "Newsletter: Sign up to get the morning briefing in your inbox.",
        "Copyright 2021 The Harbor Ledger. All rights reserved.",
    ]
    for line in noise:
        assert line_noise(line) is not None, line
    content = [
        "Was the storm warning too late?",
        "Support for the plan fell to 40 percent in May.",
        "Also on Tuesday, the council voted to rebuild the pier.",
        "More from the council is expected later this week.",
        "\u201cGive us the money,\u201d she said.",
        "Save up to 30 percent on heating by insulating, the agency said.",
        "You can download the flood map from the council website.",
        "Share prices fell 3 percent on Monday.",
    ]
    for line in BODY + content:
        assert line_noise(line) is None, line


def test_boilerplate_tail_is_dropped():
    tail = [
        "We Recommend",
        "Latest",
        "Get our weekly magazine",
        "Stories from the coast, every Sunday.",
        "Subscribe",
        "Donate",
    ]
    r = clean_text(_doc("Storm Forces Boats Out", BODY, tail))
    kept = _kept_lines(r.text)
    assert BODY[-1] in kept
    for line in tail:
        assert line not in kept


def test_photo_credits_are_removed():
    credits = [
        "Jane Okafor/Harbor Wire via Getty Images",
        "(AP Photo/Lena Varga)",
        "Photo: Tomas Reed for The Harbor Ledger",
        "Getty Images",
    ]
    r = clean_text(_doc("Storm Forces Boats Out", credits[:1], BODY[:2], credits[1:], BODY[2:]))
    kept = _kept_lines(r.text)
    for line in credits:
        assert line not in kept
    for line in BODY:
        assert line in kept


def test_byline_and_bio_at_the_end():
    r = clean_text(_doc(
        "Storm Forces Boats Out",
        BODY,
        "Author: Mara Lindqvist",
        "Mara Lindqvist is the coastal correspondent for HarborLedger.com. She has covered shipping for 12 years.",
    ))
    assert r.author == "Mara Lindqvist"
    assert "Mara Lindqvist" not in r.text
    assert r.outlet == "HarborLedger.com"
    assert BODY[-1] in r.text


def test_byline_at_the_top_and_bio_right_after():
    r = clean_text(_doc(
        "Storm Forces Boats Out",
        "By Mara Lindqvist and Owen Pike, Reuters",
        "Published: March 3, 2021",
        BODY,
    ))
    assert r.author == "Mara Lindqvist and Owen Pike"
    assert r.published == "2021-03-03"
    assert "By Mara" not in r.text


def test_sentence_starting_with_by_is_not_a_byline():
    line = "By Tuesday the water had fallen, and the first ferries sailed again."
    r = clean_text(_doc("Storm Forces Boats Out", line, BODY))
    assert r.author is None
    assert line in r.text


def test_known_metadata_wins():
    r = clean_text(_doc("Storm Forces Boats Out", "By Mara Lindqvist", BODY),
                   title="Given Title", author="Given Author", outlet="Given Outlet")
    assert (r.title, r.author, r.outlet) == ("Given Title", "Given Author", "Given Outlet")


def test_outlet_from_name_recurring_in_boilerplate():
    r = clean_text(_doc("Storm Forces Boats Out", "Sign up for the Harbor Ledger Daily newsletter", BODY, PITCH, PITCH))
    assert r.outlet == "Harbor Ledger"


def test_outlet_from_url_uses_the_spelled_out_name():
    r = clean_text(_doc("Storm Forces Boats Out", BODY, "Follow the Harbor Ledger on social media"),
                   url="https://www.harborledger.com/2021/03/storm")
    assert r.outlet == "Harbor Ledger"
    r = clean_text(_doc(BODY), url="https://news.example.org/a")
    assert r.outlet == "News.example.org"


def test_no_outlet_guess_from_body_mentions_alone():
    r = clean_text(_doc(BODY, "The council posted the schedule on PortAlder.gov and Amazon.com sold out of sandbags."))
    assert r.outlet is None


def test_title_only_when_it_looks_like_a_headline():
    r = clean_text(_doc(BODY))
    assert r.title is None
    r = clean_text(_doc("Storm forces boats out of Port Alder harbour", BODY))
    assert r.title == "Storm forces boats out of Port Alder harbour"
    r = clean_text(_doc("Why Did Port Alder Wait So Long?", BODY))
    assert r.title == "Why Did Port Alder Wait So Long?"
    assert r.text[r.body_start:].startswith(BODY[0])


def test_listing_page_loses_its_non_sentence_lines():
    page = [
        "Waxed Canvas Tote, Large EUR 79.96",
        "Ceramic Mug, Heron EUR 12.53",
        "Camp Mug, 14 oz. EUR 17.92",
        "Insulated Backpack EUR 79.96 EUR 67.37",
        "Softpack Cooler, Picnic EUR 44.88",
    ]
    r = clean_text("\n".join(page))
    # the first line may survive as the page's headline; the items do not
    assert r.text.split("\n")[1:] == []
    r = clean_text("\n".join(["Shop Summer Mugs"] + page))
    assert r.text == "Shop Summer Mugs"


def test_forum_furniture():
    for line in ["||", "_________________", "Page: [1] 2 3 4 5 >>", "1 - 10 of 500",
                 "You cannot post new topics in this forum", "Posted on Tech Board Jump to Post - Replies (0)",
                 "Premium Bridges, Rivers, Harbours 1630 Words | 7 Pages Open Document",
                 "|Adult: ||28.- CHF |", "[[Image:Harbour.png|250px|right]]"]:
        assert line_noise(line) is not None, line


def test_hard_wrapped_article_is_kept():
    text = _doc("Storm Forces Boats Out", *[textwrap.fill(p, 68) for p in BODY])
    r = clean_text(text)
    assert r.removed == []
    assert r.text == text


def test_hard_wrapped_bio_is_removed_whole():
    bio = textwrap.fill(
        "Mara Lindqvist is the coastal correspondent for the Harbor Ledger. She has covered shipping, "
        "fisheries and the ports of the north coast for twelve years and lives in Port Alder.", 60)
    r = clean_text(_doc("Storm Forces Boats Out", *[textwrap.fill(p, 60) for p in BODY], "Author: Mara Lindqvist", bio))
    assert "Lindqvist" not in r.text
    assert "twelve years" not in r.text


def test_repeated_article_with_one_signup_line_is_not_a_pitch():
    # an extractor that emits the article twice must not lose it: one appeal line in a long block
    block = BODY + ["Sign up for the Harbor Ledger newsletter to get this in your inbox."]
    r = clean_text(_doc("Storm Forces Boats Out", block, block))
    for line in BODY:
        assert line in r.text


def test_extracted_html_keeps_tables_separators_and_is_never_a_listing():
    table = ["| Pos. | Boat | Points |", "| 1 | Heron | 50 |", "| 2 | Kestrel | 44 |", "| 3 | Osprey | 41 |"]
    r = clean_text(_doc("Final Standings", table, "___", ["Ceramic Mug, Heron EUR 12.53"]), extracted=True)
    for line in table + ["___", "Ceramic Mug, Heron EUR 12.53"]:
        assert line in r.text
    # flattened layout tables of plain-text web pages are furniture
    assert "|Adult: ||28.- CHF |" not in clean_text(_doc(BODY, "|Adult: ||28.- CHF |")).text


def test_non_english_plain_text_reads_as_a_listing():
    german = ["Die Stadt hat am Dienstag den Hafen geschlossen, weil der Sturm kam.",
              "Viele Fischer sagten, die Warnung sei zu spät gekommen und nicht klar gewesen.",
              "Der Bürgermeister will den Plan nächste Woche im Rat vorstellen und erklären."]
    assert clean_text(_doc(german)).text == ""
    assert clean_text(_doc(german), extracted=True).text == _doc(german)
