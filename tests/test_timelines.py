"""Timelines and coverage on fictional fixtures (tests/timeline_store.py), asserted exactly."""

from __future__ import annotations

import csv
import json

from claimgraph.present.coverage import analysis_coverage
from claimgraph.present.csv import write_csv
from claimgraph.present.json import analysis_json
from claimgraph.store import Store
from timeline_store import FLOOD, STRIKE, build_store, comparisons, flood_articles, stories, strike_articles


def _by_measure(cov, verdict):
    return [m for m in cov["measures"] if m["verdict"] == verdict]


def test_a_toll_rising_over_three_days_with_one_outlet_repeating_the_first_figure():
    comps = [c for c in comparisons() if c.story == FLOOD and c.verdict == "updated"]
    assert len(comps) == 1
    got = [(e["outlet"], e["date"], e["figure"], e["role"], e["outdated"]) for e in comps[0].timeline]
    assert got == [("Harbor Post", "2031-05-04", "31 people", "first", False),
                   ("Valley Times", "2031-05-05", "44 people", "revision", False),
                   ("Coast Daily", "2031-05-06", "58 people", "revision", False),
                   ("Ridge Gazette", "2031-05-06", "31 people", "repeat", True)]
    assert all(e["precision"] == "day" and e["date_from"] == "published" for e in comps[0].timeline)
    assert "Ridge Gazette" in comps[0].explanation and "superseded" in comps[0].explanation


def test_coverage_of_the_flood_shows_the_omission_and_the_first_outlet():
    docs = flood_articles() + strike_articles()
    _, coverage = analysis_coverage(stories(), docs, comparisons())
    flood = next(c for c in coverage if c["story"] == FLOOD)
    assert flood["outlets"] == ["Harbor Post", "Valley Times", "Coast Daily", "Ridge Gazette"]
    (rescued,) = [m for m in _by_measure(flood, "consistent") if "resid" in m["measure"]]
    assert sorted(rescued["carried"]) == ["Harbor Post", "Valley Times"]
    assert rescued["missing"] == ["Coast Daily", "Ridge Gazette"]
    assert rescued["first"]["outlet"] == "Harbor Post" and rescued["first"]["date"] == "2031-05-04"


def test_a_conflict_carried_by_each_sides_outlets():
    _, coverage = analysis_coverage(stories(), flood_articles() + strike_articles(), comparisons())
    strike = next(c for c in coverage if c["story"] == STRIKE)
    (conflict,) = _by_measure(strike, "conflict")
    sides = {o: {f["side"] for f in figs} for o, figs in conflict["carried"].items()}
    assert sides["Harbor Post"] == sides["Valley Times"] != sides["Coast Daily"]
    assert sorted(conflict["one_sided"]) == ["Coast Daily", "Harbor Post", "Valley Times"]
    assert conflict["missing"] == []


def test_the_analysis_json_and_the_csv_carry_timelines_and_coverage(tmp_path):
    db = build_store(tmp_path / "t.db")
    with Store(db) as store:
        data = analysis_json(list(store.documents()), store.stories(), store.comparisons())
        written = write_csv(store, tmp_path / "claims.csv")
    json.dumps(data)  # plain JSON
    assert {t["story"] for t in data["timelines"]} == {FLOOD, STRIKE}
    updated = next(t for t in data["timelines"] if t["verdict"] == "updated")
    assert [e["outdated"] for e in updated["entries"]] == [False, False, False, True]
    assert data["comparisons"][updated["comparison"]]["verdict"] == "updated"
    assert {c["story"] for c in data["coverage"]} == {FLOOD, STRIKE}
    names = [p.name for p in written]
    assert names == ["claims.csv", "claims.comparisons.csv", "claims.timelines.csv", "claims.coverage.csv"]
    rows = list(csv.DictReader(open(tmp_path / "claims.timelines.csv", encoding="utf-8")))
    assert any(r["outlet"] == "Ridge Gazette" and r["outdated"] == "1" for r in rows)
    cov = list(csv.DictReader(open(tmp_path / "claims.coverage.csv", encoding="utf-8")))
    assert any(r["outlet"] == "Coast Daily" and r["status"] == "missing" for r in cov)
