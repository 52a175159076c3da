"""Coverage of a story: which outlet carried which figure of each measure, and what it left out.

Built from a story's comparisons (their timelines say who reported what, when) and its articles:

* ``carried``: per outlet, the figures it ran for the measure and, in a conflict, their side;
* ``missing``: the story's outlets that never mention a measure that other outlets report;
* ``one_sided``: in a conflict, outlets whose figures all stand on one side;
* ``first``: for a figure others later confirmed (a consistent measure), the outlet that ran it first.

Also the story's ``timelines``: each measure's reports in time order (see
:mod:`claimgraph.link.timeline`), as the analysis JSON, the exports and the story page show them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from ..model import Article, Comparison, Story


def _outlet(doc: Article | None, fallback: str | None) -> str:
    if doc is not None and (doc.outlet or "").strip():
        return doc.outlet.strip()
    return (fallback or "").strip() or "unknown outlet"


def story_timelines(story: str | None, comparisons: Iterable[tuple[int, Comparison]]) -> list[dict[str, Any]]:
    """Each measure's timeline: ``{"story", "comparison", "measure", "verdict", "entries"}``;
    ``comparison`` is the comparison's index in the analysis JSON's ``comparisons``."""
    return [{"story": story, "comparison": n, "measure": c.measure, "verdict": c.verdict, "entries": c.timeline}
            for n, c in comparisons if c.timeline]


def story_coverage(story: Story, docs: list[Article], comparisons: Iterable[tuple[int, Comparison]]) -> dict[str, Any]:
    """The outlets-by-measures table of one story (see the module docstring)."""
    by_id = {d.id: d for d in docs}
    own = [d for d in sorted(docs, key=lambda d: (d.published or "9999", d.id)) if d.duplicate_of is None]
    outlets = list(dict.fromkeys(_outlet(d, None) for d in own))
    measures = []
    for n, c in comparisons:
        if not c.timeline:
            continue
        side_of = {claim: k for k, side in enumerate(c.sides) for claim in side}
        carried: dict[str, list[dict[str, Any]]] = {}
        for e in c.timeline:
            outlet = _outlet(by_id.get(e["document"]), e.get("outlet"))
            carried.setdefault(outlet, []).append(
                {"claim": e["claim"], "document": e["document"], "figure": e["figure"], "date": e["date"],
                 "side": side_of.get(e["claim"]), "outdated": e.get("outdated", False)})
        one_sided = []
        if c.verdict == "conflict" and len(c.sides) >= 2:
            one_sided = [o for o, figs in carried.items()
                         if len({f["side"] for f in figs if f["side"] is not None}) == 1]
        first = None
        if c.verdict == "consistent":
            dated = [e for e in c.timeline if e["date"]]
            if dated and len({_outlet(by_id.get(e["document"]), e.get("outlet")) for e in dated}) >= 2:
                e = dated[0]  # the timeline is in time order
                first = {"outlet": _outlet(by_id.get(e["document"]), e.get("outlet")), "date": e["date"],
                         "figure": e["figure"], "claim": e["claim"], "document": e["document"]}
        measures.append({
            "comparison": n, "measure": c.measure, "verdict": c.verdict, "carried": carried,
            "missing": [o for o in outlets if o not in carried], "one_sided": one_sided, "first": first,
        })
    return {"story": story.id, "outlets": outlets, "measures": measures}


def _with_speakers(c: Comparison, speaker_of: dict[str, str]) -> Comparison:
    if not c.timeline or not speaker_of:
        return c
    timeline = [{**e, "speaker_id": speaker_of.get(e["claim"])} for e in c.timeline]
    return replace(c, timeline=timeline)


def analysis_coverage(stories: list[Story], documents: list[Article],
                      comparisons: list[Comparison]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The analysis JSON's top-level ``timelines`` and ``coverage`` (every story with a measure)."""
    docs_of: dict[str, list[Article]] = {}
    by_id = {d.id: d for d in documents}
    for s in stories:
        docs_of[s.id] = [by_id[d] for d in s.documents if d in by_id]
    # each report's speaker entity (resolved after linking, so not in the stored timeline)
    speaker_of = {c.id: c.speaker_id for d in documents for c in d.claims if c.speaker_id}
    indexed: dict[str | None, list[tuple[int, Comparison]]] = {}
    for n, c in enumerate(comparisons):
        indexed.setdefault(c.story, []).append((n, _with_speakers(c, speaker_of)))
    timelines: list[dict[str, Any]] = []
    coverage: list[dict[str, Any]] = []
    for s in stories:
        comps = indexed.get(s.id, [])
        if not comps:
            continue
        timelines += story_timelines(s.id, comps)
        coverage.append(story_coverage(s, docs_of[s.id], comps))
    return timelines, coverage


def timeline_rows(timelines: list[dict[str, Any]]) -> Iterable[dict[str, Any]]:
    """One flat row per report of every timeline, values typed (the CSV and Parquet exports format them)."""
    for t in timelines:
        for e in t["entries"]:
            low, high = (e.get("interval") or [None, None])[:2]
            yield {"story": t["story"], "comparison": t["comparison"], "measure": t["measure"],
                   "verdict": t["verdict"], "date": e.get("date"), "precision": e.get("precision"),
                   "date_from": e.get("date_from"), "outlet": e.get("outlet"), "speaker": e.get("speaker"),
                   "figure": e["figure"], "low": low, "high": high, "role": e["role"],
                   "outdated": bool(e.get("outdated")), "claim": e["claim"], "document": e["document"]}


def coverage_rows(coverage: list[dict[str, Any]]) -> Iterable[dict[str, Any]]:
    """One flat row per measure and outlet of every story's coverage, values typed: ``figures`` and
    ``sides`` are lists, ``one_sided`` and ``first`` booleans."""
    for cov in coverage:
        for m in cov["measures"]:
            for outlet in cov["outlets"] + [o for o in m["carried"] if o not in cov["outlets"]]:
                figs = m["carried"].get(outlet, [])
                yield {"story": cov["story"], "comparison": m["comparison"], "measure": m["measure"],
                       "verdict": m["verdict"], "outlet": outlet,
                       "status": "carried" if figs else ("missing" if outlet in m["missing"] else ""),
                       "figures": [f["figure"] for f in figs],
                       "sides": [f["side"] for f in figs if f["side"] is not None],
                       "one_sided": outlet in m["one_sided"],
                       "first": bool(m["first"] and m["first"]["outlet"] == outlet)}
