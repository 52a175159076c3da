"""Page-template mechanisms of the plain-text cleaner, on fictional forum and shop pages:
menu runs in the page head and widgets rendered twice."""

from claimgraph.clean.boilerplate import (
    doubled_field_blocks,
    head_menu_runs,
    is_running_text,
    line_noise,
    noise_reasons,
    repeated_menus,
)
from claimgraph.clean.text import clean_text

POST = [
    "I finally finished restoring the old mill wheel after three summers of weekend work on it.",
    "The hardest part was finding oak seasoned long enough, and the local sawmill helped a lot.",
]


def _kept(text: str) -> set[str]:
    return {x for x in text.split("\n") if x}


# ---------------------------------------------------------------- head menu runs

FORUM_HEAD = [
    "Sign In",
    "Back to top",
    "Millwrights Corner",
    "Water Power",
    "Tools and Timber",
    "Off Topic",
    "- Board Index",
    "Quick Links:",
]


def test_board_list_between_template_lines_in_the_head_goes():
    lines = [*FORUM_HEAD, *POST]
    runs = head_menu_runs(lines, noise_reasons(lines))
    assert runs == {2, 3, 4, 5, 6}
    r = clean_text("\n".join(lines))
    assert "Water Power" not in _kept(r.text)
    assert all(x in _kept(r.text) for x in POST)


def test_single_headline_between_template_lines_stays():
    lines = ["Menu", "Mill Wheel Turns Again", "Share", *POST]
    assert head_menu_runs(lines, noise_reasons(lines)) == set()
    assert "Mill Wheel Turns Again" in _kept(clean_text("\n".join(lines)).text)


def test_short_lines_after_the_first_sentence_are_not_a_head_menu():
    # a list inside the body, between two template lines, is the article's, not the page's
    lines = [*POST, "Share", "Oak", "Ash", "Elm", "Back to top"]
    assert head_menu_runs(lines, noise_reasons(lines)) == set()


def test_long_labels_between_template_lines_stay():
    # a headline and a dek are longer than menu labels: the run's median is above the menu size
    lines = [
        "Sign In",
        "Why the old mill wheel stopped turning in June",
        "And how the village got it going again",
        "Back to top",
        *POST,
    ]
    assert head_menu_runs(lines, noise_reasons(lines)) == set()


# ---------------------------------------------------------------- widgets rendered twice

USER_BOX = ["Posts: 812", "Lower Fenwick", "Senior Member"]


def test_user_box_rendered_twice_goes_both_times():
    lines = ["Re: mill wheel bearings", *USER_BOX, "Senior Member", "Joined:", *USER_BOX, *POST]
    # both copies, and the short lines of the box between them ("Senior Member", "Joined:")
    assert doubled_field_blocks(lines) == {1, 2, 3, 4, 5, 6, 7, 8}
    r = clean_text("\n".join(lines))
    assert "Posts: 812" not in _kept(r.text)
    assert all(x in _kept(r.text) for x in POST)


def test_same_box_far_apart_is_left_alone():
    # the same member posting again further down the thread: one box per post, not a double
    filler = [
        f"Reply number {k} talks about the sluice gate and the rising water in spring." for k in range(16)
    ]
    lines = [*USER_BOX, *POST, *filler, *USER_BOX]
    assert doubled_field_blocks(lines) == set()


def test_repeated_lines_without_a_field_are_left_alone():
    # a chorus sung twice is content: no "Label: value" field in it
    chorus = ["Turn, old wheel, turn", "Carry the river home"]
    lines = [*chorus, "The miller sleeps", *chorus]
    assert doubled_field_blocks(lines) == set()


def test_a_listing_stays_a_listing_once_its_menu_is_gone():
    # a price page: menus and price rows, one sentence; without the menu lines in the count the
    # sentence would hold enough of the page to make it look like prose
    menu = [
        "Harbour Walks",
        "Boat Trips",
        "Island Ferries",
        "Seal Watching",
        "Lighthouse Tours",
        "Fishing Days",
        "Sunset Cruises",
        "Group Bookings",
    ]
    rows = [
        f"{who} {price}"
        for price in ("12.50", "48.00", "90.00")
        for who in ("Adult", "Child", "Senior", "Family")
    ]
    lines = [
        "Sign In",
        *menu,
        "Contact",
        *rows,
        "Tickets are sold at the kiosk on the quay and on board every boat.",
    ]
    r = clean_text("\n".join(lines))
    assert "Adult 12.50" not in _kept(r.text)
    assert "Boat Trips" not in _kept(r.text)


# ---------------------------------------------------------------- line shapes


def test_wiki_template_parameters_are_markup():
    assert line_noise("|birth_place=Lower Fenwick") == "markup"
    assert line_noise("| wheel type = overshot") == "markup"
    # a table row with cells, or prose mentioning an equation, is not a template parameter
    assert line_noise("The ratio x=2 held for every wheel we measured in the valley last year.") is None


def test_a_long_cookie_banner_addressing_the_reader_goes():
    banner = (
        "Millwrights Corner uses cookies to improve functionality and performance, and to show you "
        "relevant offers. If you continue browsing the site, you agree to the use of cookies on this "
        "website. See our privacy page for details."
    )
    assert line_noise(banner) == "copyright"
    # reporting about cookies is content
    report = (
        "The regulator said the council website uses cookies to follow you across other sites, and that "
        "the practice broke the rules on consent for at least two years before anyone complained about it."
    )
    assert line_noise(report) is None


def test_a_footer_menu_spaced_with_dashes_is_nav():
    assert line_noise("Journal - Mill Tours - Opening Times - Events - Reader Letters") == "nav"
    # dashes inside a sentence are punctuation
    assert line_noise("The wheel - built in 1820 - still turns - slowly - every summer.") is None
    assert line_noise("Oak - seasoned for years - was the one thing the sawmill could not give us") is None


# ---------------------------------------------------------------- listings of question titles

QUESTIONS = [
    "Why does my mill wheel squeak after rain?",
    "Which oak should I use for new paddles?",
    "Sluice gate stuck halfway open",
    "How often should the axle bearings be greased?",
    "Best wood preservative for paddles (2024)",
    "Is a breastshot wheel worth restoring?",
    "Replacing pit wheel teeth cheaply",
    "Can I run a small generator off the mill race?",
]


def test_running_text_is_not_a_short_question():
    assert not is_running_text("Why does my mill wheel squeak after rain when it is dry?")
    assert is_running_text("The wheel squeaks after rain because the bearings swell with water.")
    # a long question, or one after another sentence, is a reader writing, not a title
    assert is_running_text("I greased it twice last week. Why does my mill wheel still squeak after rain?")


def test_a_page_of_question_titles_is_a_listing():
    r = clean_text("\n".join(["8 Questions", *QUESTIONS]))
    assert not any(q in _kept(r.text) for q in QUESTIONS)


def test_a_forum_question_with_an_answer_stays():
    lines = [
        "Why does my mill wheel squeak after rain?",
        "The bearings are probably swelling; dry them out and grease them with a marine grease.",
        "Mine did the same until I replaced the old leather seals with new ones last spring.",
    ]
    assert _kept(clean_text("\n".join(lines)).text) == set(lines)


def test_a_cut_excerpt_with_a_read_link_is_furniture_whatever_its_length():
    teaser = (
        "\u201cWhat a lovely restoration! The paddles look just like the ones my grandfather carved for the "
        "old Fenwick mill, and the colours of the\u2026\u201d read \u00bb"
    )
    assert line_noise(teaser) == "furniture"
    # an ellipsis inside a sentence, without the link, is the writer's
    assert (
        line_noise("We waited\u2026 and waited, until the wheel finally turned again in the spring.") is None
    )


# ---------------------------------------------------------------- menus printed twice

SHOP_MENU = [
    "- Paddles",
    "- Axles",
    "- Bearings",
    "- Sluice Gates",
    "- Gift Cards",
    "- Sale",
    "- Best Sellers",
]


def test_a_menu_printed_at_top_and_foot_goes_both_times():
    lines = ["Refine your search", *SHOP_MENU, *POST, "Customer help", *SHOP_MENU]
    got = repeated_menus(lines)
    assert got == set(range(1, 8)) | set(range(11, 18))
    r = clean_text("\n".join(lines))
    assert "- Axles" not in _kept(r.text)
    assert all(x in _kept(r.text) for x in POST)


def test_a_short_repeated_list_stays():
    # five labels repeated (a shopping list quoted in a reply) are below the menu size
    lines = [*SHOP_MENU[:5], *POST, *SHOP_MENU[:5]]
    assert repeated_menus(lines) == set()


def test_a_repeated_plan_with_figures_is_data_not_a_menu():
    # the same day plan under each day of a schedule: it repeats, but it carries figures
    plan = [
        "Morning Walk",
        "Walk 20 minutes along the race",
        "Mill Tour",
        "Guided tour",
        "Lunch Break",
        "Eat within 1 hour",
        "Wheel Talk",
        "Short talk at the pit",
    ]
    lines = ["Monday", *plan, *POST, "Tuesday", *plan]
    assert repeated_menus(lines) == set()
