"""Quantity extraction on short fictional news sentences: what is found, how it is read, and
what is deliberately left out."""

from __future__ import annotations

import pytest

from claimgraph.extract.quantities import find_quantities

pytestmark = pytest.mark.model


def _qs(nlp, text):
    doc = nlp(text)
    out = find_quantities(doc)
    for q in out:
        assert doc.text[q.start:q.end] == q.text
    return out


def _one(nlp, text, fragment):
    """The single quantity whose text contains ``fragment``."""
    hits = [q for q in _qs(nlp, text) if fragment in q.text]
    assert len(hits) == 1, (fragment, [q.text for q in _qs(nlp, text)])
    return hits[0]


def _texts(nlp, text):
    return [q.text for q in _qs(nlp, text)]


# ---------------------------------------------------------------- counts and counted nouns


def test_digits_with_counted_noun(nlp):
    q = _one(nlp, "Harbour officials said 1,250 residents were moved inland.", "1,250")
    assert (q.value, q.kind, q.counted, q.text) == (1250, "count", "residents", "1,250 residents")
    assert q.low == q.high == 1250 and not q.approx


def test_number_words(nlp):
    q = _one(nlp, "Seven ferries left the port before dawn.", "Seven")
    assert (q.value, q.counted) == (7, "ferries")
    q = _one(nlp, "The club signed twenty-five volunteers this spring.", "twenty")
    assert (q.value, q.counted) == (25, "volunteers")
    q = _one(nlp, "She counted three thousand lanterns along the river.", "three thousand")
    assert q.value == 3000


def test_counted_noun_after_of(nlp):
    q = _one(nlp, "Some 180 guards were moved, with 2,300 of their relatives.", "2,300")
    assert q.counted == "relatives" and q.text == "2,300 of their relatives"
    q = _one(nlp, "It is one of the oldest lighthouses on the coast.", "one")
    assert q.value == 1 and q.counted == "oldest lighthouses"


def test_counted_noun_keeps_acronyms_and_modifiers(nlp):
    q = _one(nlp, "Officials said 300+ ABC militiamen had crossed the border.", "300")
    assert (q.value, q.low, q.high) == (300, 300, None)
    assert q.counted == "ABC militiamen"
    q = _one(nlp, "The town elected four new councillors on Sunday.", "four")
    assert q.counted == "new councillors"


# ---------------------------------------------------------------- approximations, bounds, vague


def test_approximations_give_a_band(nlp):
    q = _one(nlp, "The mayor said around 2,000 people joined the march.", "2,000")
    assert q.value == 2000 and q.approx and q.low == 1500 and q.high == 2500
    assert q.text == "around 2,000 people"
    q = _one(nlp, "Some 180 guards were sent north.", "180")
    assert q.approx and q.low < 180 < q.high and q.text.startswith("Some")


@pytest.mark.parametrize(
    ("text", "fragment", "low", "high"),
    [
        ("Rescuers found at least 40 boats on the shore.", "40", 40, None),
        ("The plant employs more than 600 workers.", "600", 600, None),
        ("The ferry carries up to 90 passengers.", "90", None, 90),
        ("Organisers expect 450+ delegates.", "450", 450, None),
        ("The levy raised fewer than 12 complaints.", "12", None, 12),
    ],
)
def test_bounds(nlp, text, fragment, low, high):
    q = _one(nlp, text, fragment)
    assert (q.low, q.high) == (low, high)
    assert q.value == float(fragment)


def test_nearly_is_approximate_and_not_above(nlp):
    q = _one(nlp, "Turnout was nearly 57% in the northern wards.", "57")
    assert q.approx and q.high == 57 and q.low < 57 and q.unit == "percent"


@pytest.mark.parametrize(
    ("text", "fragment", "low", "high", "counted"),
    [
        ("Only a few dozen fishermen stayed behind.", "dozen", 24, 72, "fishermen"),
        ("The ferry strike stranded hundreds of tourists.", "hundreds", 200, 999, "tourists"),
        ("Dozens of residents signed the petition.", "Dozens", 24, 119, "residents"),
        ("Thousands of lanterns lit the bay.", "Thousands", 2000, 9999, "lanterns"),
        ("Tens of thousands of fans came.", "thousands", 20000, 99999, "fans"),
        ("The storm felled several hundred trees.", "several", 300, 900, "trees"),
    ],
)
def test_vague_amounts_are_ranges(nlp, text, fragment, low, high, counted):
    q = _one(nlp, text, fragment)
    assert (q.value, q.low, q.high, q.approx, q.counted) == (None, low, high, True, counted)


def test_bare_vague_words_are_not_quantities(nlp):
    assert _qs(nlp, "Several fishermen and a few tourists stayed; many left.") == []


# ---------------------------------------------------------------- ranges


def test_word_range_with_unit(nlp):
    q = _one(nlp, "Witnesses said the queue was four to five kilometres long.", "four")
    assert (q.value, q.low, q.high, q.kind) == (None, 4, 5, "measure")
    assert q.unit == "kilometres" and q.text == "four to five kilometres"
    assert q.normalized["unit"] == "meter" and q.normalized["low"] == pytest.approx(4000)


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("Shares were priced between $62 and $68 per share.", 62, 68, "USD per share"),
        ("The fine could be $3 billion to $5 billion.", 3e9, 5e9, "USD"),
        ("The fine could be $3 to $5 billion.", 3e9, 5e9, "USD"),
        ("Fees range from 1 per cent to 1.5 per cent.", 1, 1.5, "percent"),
        ("Growth should reach 5 to 7 percent.", 5, 7, "percent"),
        ("The laser runs at 5-10W.", 5, 10, "W"),
        ("There are 1 to 2 thousand people here.", 1000, 2000, None),
        ("The heron weighed from 208 pounds to 193.", 193, 208, "pounds"),
    ],
)
def test_ranges(nlp, text, low, high, unit):
    (q,) = _qs(nlp, text)
    assert (q.low, q.high, q.unit) == (low, high, unit)


def test_change_then_level_is_two_quantities(nlp):
    qs = _qs(nlp, "The deficit increased by $4.5 billion to $41.2 billion.")
    assert [q.value for q in qs] == [4.5e9, 41.2e9]
    qs = _qs(nlp, "Shares of Lumen rose 8.15% to 3.65 on Monday.")
    assert [(q.value, q.unit) for q in qs] == [(8.15, "percent"), (3.65, None)]
    qs = _qs(nlp, "Palmoil rose 18 sen to RM23.50.")
    assert [(q.value, q.unit) for q in qs] == [(18, "sen"), (23.5, "MYR")]


# ---------------------------------------------------------------- money, percent, measures


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The bridge will cost $3.6 billion.", 3.6e9, "USD"),
        ("The council borrowed €450 million.", 4.5e8, "EUR"),
        ("Each household got £1,200 last year.", 1200, "GBP"),
        ("The club paid 12 million euros for him.", 1.2e7, "EUR"),
        ("Tickets cost HK$5.4m in total.", 5.4e6, "HKD"),
        ("Tolls rose to US $58.24 per barrel.", 58.24, "USD per barrel"),
        ("Rents are $3,500 a month.", 3500, "USD per month"),
        ("The stake was worth 333.6 million yen.", 3.336e8, "JPY"),
        ("A bottle costs 50 cents.", 50, "cents"),
        ("It fell to $-50.8bn.", -5.08e10, "USD"),
    ],
)
def test_money(nlp, text, value, unit):
    (q,) = _qs(nlp, text)
    assert q.kind == "money" and q.value == pytest.approx(value) and q.unit == unit
    assert q.counted  # the currency as a counted noun ("dollars", "euros")


def test_money_normalised_currency(nlp):
    (q,) = _qs(nlp, "A bottle costs 50 cents.")
    assert q.normalized["currency"] == "USD" and q.normalized["value"] == pytest.approx(0.5)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("Turnout rose 4.5 per cent.", 4.5, "percent"),
        ("Turnout rose 12% overnight.", 12, "percent"),
        ("The rate is 1.38pc.", 1.38, "percent"),
        ("The rate was cut by 0.25 percentage points.", 0.25, "percentage points"),
    ],
)
def test_percent(nlp, text, value, unit):
    (q,) = _qs(nlp, text)
    assert q.value == pytest.approx(value) and q.unit == unit


@pytest.mark.parametrize(
    ("text", "value", "unit", "ref_value", "ref_unit"),
    [
        ("The phone has a 6.1-inch screen.", 6.1, "inch", 0.15494, "meter"),
        ("Winds reached 87 mph overnight.", 87, "mph", 140.01, "kilometer / hour"),
        ("The pond froze at minus 40 degrees Celsius.", -40, "degrees celsius", -40, "degree_Celsius"),
        ("The tuna weighed 278kg.", 278, "kg", 278, "kilogram"),
        ("The drive took 3 hours.", 3, "hours", 10800, "second"),
        ("The war lasted two decades.", 2, "decades", 631152000, "second"),
        ("The heater draws 6kW.", 6, "kW", 6000, "watt"),
    ],
)
def test_measures_are_normalised_with_pint(nlp, text, value, unit, ref_value, ref_unit):
    (q,) = _qs(nlp, text)
    assert q.kind == "measure" and q.value == pytest.approx(value) and q.unit == unit
    assert q.normalized["unit"] == ref_unit
    assert q.normalized["value"] == pytest.approx(ref_value, rel=1e-3)


def test_measure_with_conversion_in_brackets(nlp):
    qs = _qs(nlp, "The whale was 37m (121ft) long.")
    assert [(q.value, q.unit) for q in qs] == [(37, "m"), (121, "ft")]


def test_ages(nlp):
    (q,) = _qs(nlp, "A 50-year-old fisherman was rescued.")
    assert (q.value, q.unit) == (50, "year-old")


def test_fractions(nlp):
    q = _one(nlp, "Nearly two-thirds of the members voted.", "two-thirds")
    assert q.value == pytest.approx(2 / 3) and q.approx and q.counted == "members"
    q = _one(nlp, "One in five adults owns a boat.", "One in five")
    assert q.value == pytest.approx(0.2)
    q = _one(nlp, "A cup is 1/16 of a gallon.", "1/16")
    assert q.value == pytest.approx(1 / 16)


# ---------------------------------------------------------------- what is not a quantity


@pytest.mark.parametrize(
    "text",
    [
        "The council met on March 3, 2021 to vote.",
        "The council met on 3 March to vote.",
        "Fishing has declined since 1998.",
        "The 2019 season was short.",
        "The ferry leaves at 4:30 p.m. daily.",
        "The ferry leaves at 7pm daily.",
        "It was her 3rd visit this year.",
        "Call the harbour office on 555-123-4567 today.",
        "She lives at 42 Harbour Road in Easton.",
        "Lumen won Game 7 on Sunday.",
        "He bought an Orbit 12 phone yesterday.",
        "A category 4 storm hit the coast.",
        "The song reached No. 1 in May.",
        "The COVID-19 rules ended.",
        "The car has a V10 engine.",
        "Each one of them left; no one stayed.",
        "One harbour worker said the gates were shut.",
        "The council approved a five-year plan.",
        "He saved money in his 401(k) account.",
        "Sales rose in the 1990s.",
    ],
)
def test_not_quantities(nlp, text):
    assert _texts(nlp, text) == []


def test_list_numbering_is_skipped(nlp):
    assert _texts(nlp, "1. Introduction\n2. Methods\nThe survey asked 400 sailors.") == ["400 sailors"]


def test_mixed_sentence(nlp):
    text = ("On June 30, the port authority said about 4,000 people had left in 112 buses, "
            "a convoy six to seven kilometres long costing $350,000.")
    assert _texts(nlp, text) == ["about 4,000 people", "112 buses", "six to seven kilometres", "$350,000"]


def test_empty_and_numberless(nlp):
    assert _qs(nlp, "") == []
    assert _qs(nlp, "   \n ") == []
    assert _qs(nlp, "No numbers in this sentence at all.") == []


def test_spans_do_not_overlap_and_are_ordered(nlp):
    text = ("Between 5% and 6% of 1,200 voters, or about 70 people, paid $5-10 each; "
            "3 out of 4 said the 30-mile trip took 2 hours.")
    qs = _qs(nlp, text)
    assert len(qs) >= 5
    for a, b in zip(qs, qs[1:], strict=False):
        assert a.end <= b.start


def test_an_age_in_apposition_is_kept(nlp):
    # "Jane Roe, 44," is her age: real coverage gives one person's age differently, and link
    # compares ages of one named person (spaCy labels the number DATE; it is not a date here)
    q = _one(nlp, "Jane Roe, 44, said the port was closed.", "44")
    assert q.value == 44
