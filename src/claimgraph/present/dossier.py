"""A self-contained HTML dossier: one file, inline CSS, no scripts, no external assets.

For one story (or every story): the measure table with conflicts highlighted and explained,
small bar plots, and the full text of each article with its claims highlighted. Every link
stays inside the file (``#d2-claim-c3``), so the dossier can be mailed or archived as is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from ..model import Article, Story
from ..store import Store
from ..store.queries import find_story
from .coverage import story_coverage
from .markup import claim_anchor, highlight_article
from .summary import ArticleCounts, Sentence, article_counts, headline, summary
from .svg import measure_plot
from .tables import StoryView, doc_title, outlet_label, story_view
from .timeline_plot import spans_time, timeline_plot


@dataclass
class DossierDoc:
    prefix: str
    doc: Article
    body: Markup


@dataclass
class Section:
    view: StoryView
    docs: list[DossierDoc]
    anchors: dict[str, str]  # claim id -> "#d1-claim-c3"
    plots: dict[int, Markup]
    timelines: dict[int, Markup]
    coverage: dict[str, Any]
    summary: list[Sentence]  # the story at a glance, conflicts first
    headline: str
    counts: ArticleCounts


def _env() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("claimgraph", "present/templates"), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    env.globals.update(doc_title=doc_title, outlet_label=outlet_label)
    return env


_ENV = _env()


def _section(view: StoryView, first: int) -> Section:
    flagged: dict[str, str] = {}
    for comp in view.comparisons:
        for cid in comp.claims:
            if flagged.get(cid) != "conflict":
                flagged[cid] = comp.verdict
    docs = list(view.docs)
    seen = {d.id for d in docs}
    for cell_doc in (c.doc for row in view.table.rows for c in row.all_cells()):
        if cell_doc.id not in seen:  # a compared claim from outside the story: include its article too
            seen.add(cell_doc.id)
            docs.append(cell_doc)
    out, anchors = [], {}
    for i, d in enumerate(docs, first):
        prefix = f"d{i}-"
        out.append(DossierDoc(prefix, d, highlight_article(d.text, d.claims, prefix=prefix, flagged=flagged)))
        for c in d.claims:
            anchors[c.id] = "#" + claim_anchor(c.id, prefix)
    plots = {row.index: measure_plot(row, view.table.by, view.table.columns) for row in view.table.rows}
    timelines = {row.index: timeline_plot(row.comparison.measure, row.comparison.timeline,
                                          lambda _doc, claim: anchors.get(claim, "#"))
                 for row in view.table.rows if spans_time(row.comparison.timeline)}
    coverage = story_coverage(view.story, view.docs, [(row.index, row.comparison) for row in view.table.rows])
    sentences = summary(view)
    return Section(view, out, anchors, plots, timelines, coverage, sentences, headline(sentences), article_counts(view))


def _views(store: Store, story: str | None) -> list[StoryView]:
    if story is not None:
        found = find_story(store, story)
        if found is None:
            raise KeyError(f"no story {story!r} in the store")
        return [story_view(store, found)]
    stories = store.stories()
    if stories:
        return [story_view(store, s) for s in stories]
    # nothing linked yet: one section with every article and every comparison
    everything = Story(id="all", documents=store.document_ids(), title="All articles")
    return [story_view(store, everything, store.comparisons())]


def render_dossier(store: Store, story: str | None = None, *, title: str | None = None) -> str:
    """The dossier as one HTML string (``story=None``: every story). Raises KeyError for an unknown story."""
    views = _views(store, story)
    sections, n = [], 1
    for v in views:
        s = _section(v, n)
        n += len(s.docs)
        sections.append(s)
    if title is None:
        title = views[0].title if len(views) == 1 else f"claimgraph dossier: {len(views)} stories"
    return _ENV.get_template("dossier.html").render(
        title=title, sections=sections, generated=dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        conflicts=sum(s.view.conflicts for s in sections))


def write_dossier(store: Store, path: str | Path, story: str | None = None) -> Path:
    """Write the dossier to ``path`` atomically."""
    path = Path(path)
    html = render_dossier(store, story)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(html, encoding="utf-8")
    tmp.replace(path)
    return path
