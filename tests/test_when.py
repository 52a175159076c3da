"""Time words resolved against the article's publication date (all dates fictional)."""

from __future__ import annotations

from claimgraph.extract.when import days_named, resolve_day

PUB = "2031-05-07T18:00:00"  # a Wednesday


def test_weekdays_are_the_most_recent_such_day():
    assert resolve_day(["police said on Monday"], PUB) == "2031-05-05"
    assert resolve_day(["on Wednesday"], PUB) == "2031-05-07"
    assert resolve_day(["last Wednesday"], PUB) == "2031-04-30"


def test_relative_days():
    assert resolve_day(["the toll rose yesterday"], PUB) == "2031-05-06"
    assert resolve_day(["late last night"], PUB) == "2031-05-06"
    assert resolve_day(["this morning"], PUB) == "2031-05-07"


def test_month_and_day_in_the_reports_year_or_the_year_before():
    assert resolve_day(["on Aug. 15"], "2031-08-16") == "2031-08-15"
    assert resolve_day(["on 15 August"], "2031-08-16") == "2031-08-15"
    assert resolve_day(["on Dec. 30"], "2032-01-02") == "2031-12-30"
    assert resolve_day(["on May 3, 2029"], PUB) == "2029-05-03"


def test_no_single_day_means_no_day():
    assert resolve_day(["last week"], PUB) is None
    assert resolve_day(["on Monday and again on Tuesday"], PUB) is None
    assert resolve_day(["they may 15 times"], PUB) is None
    assert resolve_day(["on Monday"], None) is None
    assert days_named("on Feb. 30", PUB) == set()
