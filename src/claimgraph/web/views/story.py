"""A story: its articles, and a measure-by-measure table with a column per source."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response

from ...present.claimreview import claimreview_items
from ...present.coverage import story_coverage
from ...present.dossier import render_dossier
from ...present.summary import article_counts, headline, summary
from ...present.svg import measure_plot
from ...present.tables import StoryView, doc_title, outlet_label, story_view
from ...present.timeline_plot import spans_time, timeline_plot
from ...speakers.independence import independence
from ...store import Store
from ...store.queries import find_story
from .. import queries
from .base import NotFound, doc_url, get_store, respond, speaker_url, story_url

router = APIRouter()


def _load(store: Store, story_id: str) -> StoryView:
    story = find_story(store, story_id)
    if story is None:
        raise NotFound("story", story_id)
    return story_view(store, story)


def story_independence(view: StoryView) -> dict[str, Any]:
    """Reports and independent sources: of the story's figures, and of each comparison and side."""
    articles = {d.id: d for d in view.docs}
    figures = [(c, d) for d in view.docs for c in d.claims if c.quantities]
    rows = {}
    for row in view.table.rows:
        c = row.comparison
        pairs = [view.claims[x] for x in dict.fromkeys(c.claims) if x in view.claims]
        sides = [independence([view.claims[x] for x in side if x in view.claims], articles).to_dict()
                 for side in c.sides]
        rows[row.index] = {**independence(pairs, articles).to_dict(), "sides": sides}
    return {"story": independence(figures, articles).to_dict(), "rows": rows}


def story_data(store: Store, view: StoryView) -> dict[str, Any]:
    """The story page as plain data (also its JSON)."""
    s = view.story
    indep = story_independence(view)
    titles = queries.story_titles(store, s.related)
    measures = view.table.to_json()
    for row in measures["rows"]:
        row["independence"] = indep["rows"].get(row["index"])
        for cells in row["cells"].values():
            for cell in cells:
                cell["url"] = doc_url(cell["doc"], cell["claim"])
    sentences = summary(view)
    speakers = view.speakers()
    ids = {c.speaker: c.speaker_id for d in view.docs for c in d.claims if c.speaker and c.speaker_id}
    for sp in speakers:
        sp["url"] = speaker_url(sp["speaker"], ids.get(sp["speaker"]))
    return {
        "story": {"id": s.id, "title": view.title, "terms": s.terms, "url": story_url(s.id),
                  "dossier": story_url(s.id).replace("/story/", "/dossier/", 1),
                  "claimreview": story_url(s.id).replace("/story/", "/claimreview/", 1),
                  "related": [{"id": r, "title": titles.get(r, r), "url": story_url(r)} for r in s.related]},
        "documents": [{"id": d.id, "url": doc_url(d.id), "title": doc_title(d), "outlet": outlet_label(d),
                       "author": d.author, "published": d.published, "claims": len(d.claims),
                       "duplicate_of": d.duplicate_of} for d in view.docs],
        "outlets": view.outlets,
        "independence": indep,
        "conflicts": view.conflicts,
        "consistent": sum(c.verdict == "consistent" for c in view.comparisons),
        "counts": article_counts(view).to_json(),
        "headline": headline(sentences),
        "summary": [s.to_json() | {"url": f"#m-{s.row}"} for s in sentences],
        "measures": measures,
        "speakers": speakers,
        "coverage": story_coverage(s, view.docs, [(row.index, row.comparison) for row in view.table.rows]),
    }


@router.get("/story/{story_id:path}", name="story")
def story_page(story_id: str, request: Request, store: Annotated[Store, Depends(get_store)]) -> Response:
    """One story: measure table (conflicts first, highlighted), articles, speakers."""
    view = _load(store, story_id)
    plots = {row.index: measure_plot(row, view.table.by, view.table.columns) for row in view.table.rows}
    timelines = {row.index: timeline_plot(row.comparison.measure, row.comparison.timeline, doc_url)
                 for row in view.table.rows if spans_time(row.comparison.timeline)}
    return respond(request, "story.html", story_data(store, view), view=view, plots=plots,
                   timelines=timelines)


@router.get("/dossier/{story_id:path}", name="dossier")
def dossier_download(story_id: str, store: Annotated[Store, Depends(get_store)]) -> Response:
    """The story as a self-contained HTML file to save or send."""
    if find_story(store, story_id) is None:
        raise NotFound("story", story_id)
    html = render_dossier(store, story_id)
    return Response(html, media_type="text/html; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="claimgraph-dossier.html"'})


@router.get("/claimreview/{story_id:path}", name="claimreview")
def claimreview_download(story_id: str, store: Annotated[Store, Depends(get_store)]) -> Response:
    """Draft ClaimReview JSON-LD for the story's conflicts."""
    if find_story(store, story_id) is None:
        raise NotFound("story", story_id)
    return JSONResponse(claimreview_items(store, story_id), media_type="application/ld+json",
                        headers={"Content-Disposition": 'attachment; filename="claimreview.jsonld"'})
