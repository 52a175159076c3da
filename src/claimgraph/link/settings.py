"""Tuning knobs of the link stage: story clustering and the comparison of figures across sources.

Both are sections of :class:`claimgraph.options.Options` (``link.stories`` and ``link.compare``),
so a run's settings come from one place: the Python API, ``--config claimgraph.toml`` or a flag.
The defaults are the values the evaluation scores were measured with.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class StoryOptions:
    """How articles are grouped into stories (by :class:`claimgraph.link.stories.StoryIndex`).

    Thresholds were set on BASIL dev *and* on harder variants of it (dates removed; every article
    on one day), taking values in the middle of the good range rather than the dev optimum.
    """

    window_days: int = 3  # a dated article joins stories active within this many days
    threshold: float = 0.17  # cosine from which an article joins a story
    undated_threshold: float = 0.28  # the same when either side has no date
    # A dated article left alone by its batch is compared again once the batch is in (whole-batch
    # idf, grown stories) and joins the nearest story from this cosine; 1.0 turns the second look off.
    rejoin_threshold: float = 0.14
    # Second look by names: a lone article that shares at least ``min_shared_names`` rare names
    # (people, places, organisations in at most ``rare_name_share`` of the corpus's articles) with a
    # story within ``name_window_days`` joins it from the lower cosine ``name_rejoin_threshold``.
    # Follow-ups, reactions and opinion pieces use other words for an event but name its people.
    name_rejoin_threshold: float = 0.10
    name_window_days: int = 6
    min_shared_names: int = 2
    rare_name_share: float = 0.1
    related_threshold: float = 0.12  # topic-signature cosine from which two stories are related
    related_window_days: int = 180
    max_related: int = 5
    related_terms: int = 100  # size of a story's topic signature for related links
    related_postings: int = 30  # nearest-in-time stories read per term when looking for related ones
    block_terms: int = 20  # top terms of an article used as blocking keys
    max_candidates: int = 20  # stories scored per article
    min_shared_keys: int = 2  # a candidate shares at least this many top terms with the article
    max_postings: int = 100  # most recent stories read per posting list (bounds work per article)
    max_doc_features: int = 250
    max_story_features: int = 500
    idf_prior: float = 20.0  # pseudo-documents in the idf; keeps early weights near uniform


@dataclass(frozen=True)
class CompareOptions:
    """When two figures are paired, and how much evidence makes them agree or conflict."""

    # Across documents, figures further apart than this need the same predicate and context words
    # to be one measure (money and percentages never are).
    max_cross_doc_ratio: float = 2.0
    # Figures further apart than this are never one measure (a vote total against a margin).
    max_conflict_ratio: float = 10.0
    # Inside one article, two named sources may differ more (an article sets them side by side).
    max_same_doc_ratio: float = 5.0
    # A bound read as a figure: "more than 500" is taken as 500 to 1,500 when compared, "under 30" as
    # 10 to 30. News writes a bound close to the count it has ("more than 600" for a toll of 638),
    # so a bound far from another source's figure ("more than 4,000" against "at least 525") contradicts it.
    bound_reach: float = 3.0
    # How far the sorted sweep looks for candidates across documents (ratio of figures): far enough
    # for a bound against a figure well outside it.
    sweep_ratio: float = 18.0
    sweep_limit: int = 40  # neighbours per mention at most, so one crowded block cannot go quadratic
    # Evidence two equal figures measure one thing; higher across related stories.
    agree_score: float = 1.5
    related_agree_score: float = 3.5
    # Words read around a figure (link/measures.py): left and right of it in its clause, and
    # left of it across commas.
    local_left: int = 8
    local_right: int = 10
    clause_left: int = 12


@dataclass(frozen=True)
class LinkOptions:
    """The link stage: whether it runs, and its story and comparison settings."""

    enabled: bool = True  # build stories and comparisons after extraction
    stories: StoryOptions = field(default_factory=StoryOptions)
    compare: CompareOptions = field(default_factory=CompareOptions)
