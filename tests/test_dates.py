"""Publication dates: every written form ends up ISO 8601, impossible days are rejected, the text
as written is kept beside it (records, body text, the store, the analysis JSON)."""

from __future__ import annotations

import calendar
from datetime import date, datetime

from hypothesis import given
from hypothesis import strategies as st

from claimgraph.clean.dates import normalize_date
from claimgraph.clean.metadata import find_date
from claimgraph.model import RawDoc
from claimgraph.pipeline import clean_raw
from claimgraph.present.json import document_json
from claimgraph.store import Store

BODY = "The council met on Tuesday.\n\nOfficials said 12 homes flooded after the storm on the coast."

# the forms newsrooms and feeds write, by the date they stand for
FORMS = {
    "rfc2822": lambda d: d.strftime("%a, %d %b %Y 10:15:00 +0000"),
    "rfc2822_day": lambda d: d.strftime("%a, %d %b %Y"),
    "us": lambda d: f"{d.month}/{d.day}/{d.year}",
    "us_words": lambda d: d.strftime("%B ") + f"{d.day}, {d.year}",
    "european": lambda d: f"{d.day:02d}.{d.month:02d}.{d.year}",
    "european_words": lambda d: f"{d.day} " + d.strftime("%B %Y"),
    "iso": lambda d: d.isoformat(),
    "iso_time": lambda d: d.isoformat() + "T08:30:00Z",
}


def test_each_form_ends_up_iso():
    assert normalize_date("Wed, 15 Mar 2017 10:00:00 +0000") == "2017-03-15T10:00:00+00:00"
    assert normalize_date("Wed, 15 Mar 2017") == "2017-03-15"
    assert normalize_date("03/15/2017") == "2017-03-15"
    assert normalize_date("15.03.2017") == "2017-03-15"
    assert normalize_date("15 March 2017") == "2017-03-15"
    assert normalize_date("2017-03-15") == "2017-03-15"


def test_impossible_and_incomplete_dates_are_rejected():
    for text in ("2017-02-31", "31.02.2017", "February 30, 2017", "2017-13-01", "March 2017", "2017",
                 "yesterday", "Monday", "12", "", None, "not a date at all", "x" * 500):
        assert normalize_date(text) is None, text


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)), st.sampled_from(sorted(FORMS)))
def test_normaliser_reads_every_form_back(day, form):
    iso = normalize_date(FORMS[form](day))
    assert iso is not None and iso[:10] == day.isoformat()


@given(st.integers(1900, 2099), st.integers(1, 12), st.integers(1, 40))
def test_normaliser_accepts_exactly_the_real_days(year, month, day):
    real = day <= calendar.monthrange(year, month)[1]
    got = normalize_date(f"{year:04d}-{month:02d}-{day:02d}")
    assert (got is not None) == real
    assert (find_date(f"Posted {year:04d}-{month:02d}-{day:02d}") is not None) == real  # body text too


@given(st.text(max_size=80))
def test_normaliser_never_raises_and_returns_iso(text):
    got = normalize_date(text)
    if got is not None:
        datetime.fromisoformat(got)


def test_records_keep_the_written_date_beside_the_iso_one(tmp_path):
    cases = {"a": "Wed, 15 Mar 2017 09:00:00 GMT", "b": "03/15/2017", "c": "15.03.2017", "d": "2017-03-15",
             "e": "2017-02-31"}
    arts = {}
    for i, written in cases.items():
        arts[i], _ = clean_raw(RawDoc(id=i, content=BODY, published=written))
    assert [arts[i].published[:10] for i in "abcd"] == ["2017-03-15"] * 4
    assert arts["e"].published is None  # impossible: undated, not a wrong day
    assert {i: a.published_raw for i, a in arts.items()} == cases
    with Store(str(tmp_path / "d.db")) as store:
        with store.transaction():
            for a in arts.values():
                store.put_document(a, raw_hash=a.id)
        back = store.get_document("b")
        assert (back.published, back.published_raw) == ("2017-03-15", "03/15/2017")
        assert document_json(back)["published_raw"] == "03/15/2017"


def test_body_text_dates_are_checked_too():
    art, _ = clean_raw(RawDoc(id="x", content="Posted February 31, 2017\n\n" + BODY))
    assert art.published is None
    art, _ = clean_raw(RawDoc(id="y", content="Posted March 15, 2017\n\n" + BODY))
    assert art.published == "2017-03-15"
