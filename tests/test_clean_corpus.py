"""OutletBoilerplate: lines recurring across many articles of one outlet are stripped."""

from claimgraph.clean.corpus import OutletBoilerplate, line_hash

FOOTER = "The Harbor Ledger is an independent paper owned by its readers since 1951."
TEASER = "Ledger Flash: the top headlines from the coast are here."


def _article(n: int, year: int = 2021) -> str:
    return "\n\n".join([
        f"Story number {n} about the harbour, with its own first paragraph of facts.",
        TEASER,
        f"A second paragraph with {n * 3} boats and a quote from the harbour master.",
        f"Copyright {year} The Harbor Ledger",
        FOOTER,
    ])


def test_recurring_lines_are_stripped_per_outlet():
    ob = OutletBoilerplate(min_docs=3, min_share=0.5)
    for n in range(6):
        ob.add("ledger", _article(n, 2019 + n % 3))
    ob.add("other", _article(99))
    text, removed = ob.strip("ledger", _article(42))
    assert FOOTER not in text and TEASER not in text
    assert "Copyright" not in text  # years differ between articles: digits are folded
    assert "Story number 42" in text and "126 boats" in text
    assert FOOTER in removed
    # another outlet with too few articles is left alone
    assert ob.strip("other", _article(99)) == (_article(99), [])
    assert ob.documents("ledger") == 6


def test_too_few_documents_strip_nothing():
    ob = OutletBoilerplate(min_docs=3)
    ob.add("ledger", _article(1))
    ob.add("ledger", _article(2))
    assert ob.strip("ledger", _article(3)) == (_article(3), [])


def test_share_threshold_protects_shared_wire_paragraphs():
    ob = OutletBoilerplate(min_docs=3, min_share=0.3)
    wire = "Officials said the bridge would stay closed for at least three weeks of repairs."
    for n in range(20):
        extra = [wire] if n < 4 else []  # one story told in 4 of 20 articles
        ob.add("ledger", "\n".join([f"Unique lead paragraph number {n} of this article.", *extra, FOOTER]))
    assert ob.threshold("ledger") == 6
    assert not ob.is_boilerplate("ledger", wire)
    assert ob.is_boilerplate("ledger", FOOTER)


def test_memory_is_bounded():
    ob = OutletBoilerplate(max_lines=50)
    for n in range(100):
        ob.add("ledger", "\n".join([f"one-off line number {n} with filler words", FOOTER]))
    assert len(ob._counts["ledger"]) <= 50
    assert ob.is_boilerplate("ledger", FOOTER)


def test_line_hash_ignores_case_punctuation_and_years():
    assert line_hash("Copyright 2019, The Ledger.") == line_hash("copyright 2020 the ledger")
    assert line_hash("Copyright 2019 The Ledger") != line_hash("Copyright 2019 The Gazette")
    assert line_hash("Slideshow (3 Images)") == line_hash("Slideshow (12 Images)")
    assert line_hash("The harbour master said 40 boats were moved on Monday.") != line_hash(
        "The harbour master said 45 boats were moved on Monday.")


def test_unknown_outlet_learns_nothing():
    ob = OutletBoilerplate()
    for n in range(10):
        ob.add("", _article(n))
    assert ob.strip("", _article(3)) == (_article(3), [])


def test_reporting_lines_need_a_larger_share():
    ob = OutletBoilerplate(min_docs=3, min_share=0.3)
    quote = "\u201cWe will reopen the bridge in May,\u201d the mayor said at a news conference on Monday."
    for n in range(10):
        extra = [quote] if n < 4 else []  # a follow-up series repeats the quote in 4 of 10 articles
        ob.add("ledger", "\n".join([f"Unique lead paragraph number {n} of this article.", *extra, FOOTER]))
    assert not ob.is_boilerplate("ledger", quote)
    assert ob.is_boilerplate("ledger", FOOTER)
