"""A fictional story for the story-page layout tests: a conflict, an update, an agreement, six outlets.

Story ``t1`` has two articles of its own (North Gazette, Lakeside Times); its related story ``t2``
has four articles from four more outlets, whose figures its comparisons use. Measure names and
explanations are long on purpose, to test that the table wraps instead of overflowing.
"""

from __future__ import annotations

from pathlib import Path

from claimgraph.model import Article, Comparison, Story
from claimgraph.store import Store
from web_store import claim

GAZETTE, LAKESIDE, COURIER, OBSERVER, DAILY, RECORD = (
    "gazette-1", "lakeside-1", "courier-1", "observer-1", "daily-1", "record-1")

TEXTS = {
    GAZETTE: "The Tallow Relief Fund said 355 people died in the quake around Brenmoor.\n\n"
             "Hospitals said 40 people were injured on Saturday.",
    LAKESIDE: "Opposition councillors said more than 1,300 people died in the quake.\n\n"
              "About 2,000 people were displaced, the shelter office said.",
    COURIER: "The charity counted 355 people dead across the Brenmoor valley.",
    OBSERVER: "Opposition figures put the toll at more than 1,300 people dead.",
    DAILY: "By Monday the hospitals said 95 people were injured.\n\n"
           "Some 2,100 people left their homes, the shelter office said.",
    RECORD: "Hospitals had reported 40 people injured on Saturday, the mayor recalled.",
}
OUTLETS = {GAZETTE: ("North Gazette", "2025-03-01"), LAKESIDE: ("Lakeside Times", "2025-03-01"),
           COURIER: ("Coast Courier", "2025-03-02"), OBSERVER: ("Hill Observer", "2025-03-02"),
           DAILY: ("River Daily", "2025-03-03"), RECORD: ("Plains Record", "2025-03-04")}

DEATHS = "people killed in the Brenmoor earthquake and its aftershocks"
INJURED = "people injured"
DISPLACED = "people displaced from their homes"

# what the summary must say, in this order (conflicts, updates, agreement)
SUMMARY = [
    "People killed in the Brenmoor earthquake and its aftershocks: 355 people according to "
    "Tallow Relief Fund (North Gazette) and the charity (Coast Courier) vs more than 1,300 people "
    "according to Opposition councillors (Lakeside Times) and Opposition figures (Hill Observer).",
    "People injured changed over time: 40 people according to Hospitals on 2025-03-01, then 95 people according to "
    "the hospitals on 2025-03-03; "
    "the mayor later repeated an older figure.",
    "2 sources agree on people displaced from their homes: about 2,000 people and some 2,100 people "
    "according to the shelter office (Lakeside Times) and the shelter office (River Daily).",
]


def _doc(doc_id: str) -> Article:
    outlet, day = OUTLETS[doc_id]
    text = TEXTS[doc_id]
    return Article(id=doc_id, text=text, title=f"{outlet}: the Brenmoor earthquake", outlet=outlet,
                   published=day, raw=text, content_hash="h-" + doc_id)


def _claims() -> dict[str, list]:
    t = TEXTS
    return {
        GAZETTE: [claim(GAZETTE, 1, t[GAZETTE], "The Tallow Relief Fund said 355 people died in the quake around Brenmoor.",
                        speaker="Tallow Relief Fund", cue="said", speaker_type="organization",
                        numbers=[("355 people", 355, "people")]),
                  claim(GAZETTE, 2, t[GAZETTE], "Hospitals said 40 people were injured on Saturday.",
                        speaker="Hospitals", cue="said", numbers=[("40 people", 40, "people")])],
        LAKESIDE: [claim(LAKESIDE, 1, t[LAKESIDE], "Opposition councillors said more than 1,300 people died in the quake.",
                         speaker="Opposition councillors", cue="said", numbers=[("more than 1,300 people", 1300, "people")]),
                   claim(LAKESIDE, 2, t[LAKESIDE], "About 2,000 people were displaced, the shelter office said.",
                         speaker="the shelter office", cue="said", numbers=[("About 2,000 people", 2000, "people")])],
        COURIER: [claim(COURIER, 1, t[COURIER], t[COURIER], speaker="The charity", cue="counted",
                        numbers=[("355 people", 355, "people")])],
        OBSERVER: [claim(OBSERVER, 1, t[OBSERVER], t[OBSERVER], speaker="Opposition figures", cue="put",
                         numbers=[("more than 1,300 people", 1300, "people")])],
        DAILY: [claim(DAILY, 1, t[DAILY], "By Monday the hospitals said 95 people were injured.",
                      speaker="the hospitals", cue="said", numbers=[("95 people", 95, "people")]),
                claim(DAILY, 2, t[DAILY], "Some 2,100 people left their homes, the shelter office said.",
                      speaker="the shelter office", cue="said", numbers=[("Some 2,100 people", 2100, "people")])],
        RECORD: [claim(RECORD, 1, t[RECORD], t[RECORD], speaker="the mayor", cue="recalled",
                       numbers=[("40 people", 40, "people")])],
    }


def _entry(claim_id: str, doc: str, day: str, source: str, figure: str, role: str, outdated: bool = False) -> dict:
    return {"claim": claim_id, "index": 0, "document": doc, "date": day, "date_from": "published",
            "precision": "day", "source": source, "figure": figure, "interval": None, "role": role,
            "outdated": outdated}


def comparisons() -> list[Comparison]:
    deaths = [f"{GAZETTE}#c1", f"{COURIER}#c1", f"{LAKESIDE}#c1", f"{OBSERVER}#c1"]
    injured = [f"{GAZETTE}#c2", f"{DAILY}#c1", f"{RECORD}#c1"]
    return [
        Comparison(DEATHS, deaths, "conflict",
                   "The Tallow Relief Fund (North Gazette) and the charity quoted by Coast Courier count 355 people "
                   "killed, while opposition councillors (Lakeside Times) and opposition figures (Hill Observer) "
                   "say more than 1,300 people: the two counts are far apart and cannot both be right.",
                   story="t1", sources=["Tallow Relief Fund", "Opposition councillors"],
                   sides=[deaths[:2], deaths[2:]]),
        Comparison(INJURED, injured, "updated",
                   "On people injured, the figure changed over time: 40 people (Hospitals, 2025-03-01), then "
                   "95 people (the hospitals, 2025-03-03). An update, not a contradiction.", story="t1",
                   timeline=[_entry(injured[0], GAZETTE, "2025-03-01", "Hospitals", "40 people", "first"),
                             _entry(injured[1], DAILY, "2025-03-03", "the hospitals", "95 people", "revision"),
                             _entry(injured[2], RECORD, "2025-03-04", "the mayor", "40 people", "repeat", True)]),
        Comparison(DISPLACED, [f"{LAKESIDE}#c2", f"{DAILY}#c2"], "consistent",
                   "About 2,000 and some 2,100 are within the approximation.", story="t1"),
    ]


def build_story_store(path: str | Path) -> Path:
    """Write the fictional store to ``path`` and return it."""
    path = Path(path)
    claims = _claims()
    with Store(path) as store, store.transaction():
        for doc_id in TEXTS:
            store.put_document(_doc(doc_id), raw_hash="r-" + doc_id, status="extracted")
            store.put_claims(doc_id, claims[doc_id])
        store.put_stories([
            Story("t1", [GAZETTE, LAKESIDE], related=["t2"], title="Brenmoor earthquake toll",
                  terms=["quake", "brenmoor", "toll"]),
            Story("t2", [COURIER, OBSERVER, DAILY, RECORD], related=["t1"], title="Brenmoor valley aftermath",
                  terms=["valley"]),
        ])
        store.put_comparisons(comparisons())
    return path
