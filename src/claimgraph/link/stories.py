"""Incremental story clustering: articles about one event form a story; stories on one topic are
linked as ``related``.

How it works, one article at a time:

* each article becomes a sparse vector of words, title words, lead words and names
  (:mod:`.features`), weighted by sublinear tf times an idf taken from *running* document
  frequencies. The idf has a pseudo-count prior, so the first articles of a corpus are weighted
  almost uniformly (a stop-listed tf vector) and the weighting sharpens as the corpus grows;
* a story keeps the sum of its articles' tf vectors (a centroid); the idf is applied when vectors
  are compared, so old stories are always scored with today's statistics;
* blocking keeps the cost near-linear: an inverted index maps (top term, day) to the stories that
  used that term on that day. A dated article scores only stories within ``window_days`` that share
  at least ``min_shared_keys`` of its ``block_terms`` top terms; an undated one, the most recent
  such stories. Posting lists are cut to ``max_postings`` and at most ``max_candidates`` stories
  are scored, whatever the corpus size;
* an article joins the most similar candidate whose cosine reaches ``threshold``, or the stricter
  ``undated_threshold`` when either side has no date (without time, content must carry all the
  evidence); otherwise it starts a new story;
* single-pass clustering judges an article against the stories *as they were* when it arrived,
  with the idf of the corpus so far: an opinion piece or a reaction story that came early, when its
  event was one article, stays alone. So once a batch is in, each dated article of the batch still
  alone gets a second look (:meth:`StoryIndex.add_many`): it joins the nearest story within
  ``window_days`` whose cosine reaches ``rejoin_threshold``, scored with the whole batch's idf;
* that second look also goes by names. Each story keeps the names (spaCy's people, places,
  organisations...) of its articles, posted by day. A follow-up, a reaction or an opinion piece
  tells one event in other words and days later, but names its people and places: a lone article
  sharing ``min_shared_names`` *rare* names (in at most ``rare_name_share`` of the articles seen)
  with a story within ``name_window_days`` joins it from the lower ``name_rejoin_threshold``.
  Names alone never join: two events about one politician in one week share rare names too;
* ``related`` links join stories whose topic signatures (top ``related_terms`` terms) reach
  ``related_threshold`` within ``related_window_days``: same topic, another event. They are
  refreshed by :meth:`StoryIndex.stories` for the stories changed since the last call only.

The index is plain data: :meth:`StoryIndex.to_state` gives a JSON-able dict and
:meth:`StoryIndex.from_state` resumes it exactly, so new articles join existing stories without
a rebuild.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from claimgraph.extract.entities import NAME_LABELS
from claimgraph.link.features import ENTITY_PREFIX, doc_counts, entity_key, names_in, sublinear
from claimgraph.link.settings import StoryOptions
from claimgraph.model import Article, Story

STATE_VERSION = 1
MONTH = 30  # days per time bucket of the related-story index
MAX_DOC_NAMES = 40  # distinct names of one article kept for the second look (bounds postings)



@dataclass
class StoryDoc:
    """What the clusterer needs to know of an article.

    ``entities`` are optional names from a real NER; without them capitalised word runs are used.
    """

    id: str
    title: str | None
    text: str
    published: str | None  # ISO date (or datetime) or None
    outlet: str | None = None
    entities: list[str] | None = None

    @classmethod
    def from_article(cls, article: Article) -> StoryDoc:
        """The clusterer's view of a cleaned article; its spaCy names are used when it has them."""
        names = [e.get("text", "") for e in article.entities
                 if isinstance(e, dict) and e.get("label", "PERSON") in NAME_LABELS]
        return cls(id=article.id, title=article.title, text=article.text, published=article.published,
                   outlet=article.outlet, entities=names or None)


@dataclass
class _Story:
    id: str
    documents: list[str]
    centroid: dict[str, float]  # summed tf vectors (idf applied at comparison time)
    days: list[int]  # distinct day ordinals of the dated members, sorted
    title: str | None = None
    norm: float = 0.0  # cached norm of the idf-weighted centroid ...
    norm_n: int = -1  # ... computed at this corpus size (-1: stale)
    terms: list[str] = field(default_factory=list)  # display terms, refreshed with related links
    names: list[str] = field(default_factory=list)  # distinct name keys of its articles (second look)


def parse_day(published: str | None) -> int | None:
    """Day ordinal of an ISO date or datetime string; ``None`` when missing or unparsable."""
    if not published:
        return None
    try:
        return date.fromisoformat(published.strip()[:10]).toordinal()
    except ValueError:
        return None


def _day_distance(days: list[int], day: int) -> int:
    """Distance in days from ``day`` to the nearest of the sorted ``days``."""
    i = bisect_left(days, day)
    best = math.inf
    if i < len(days):
        best = days[i] - day
    if i > 0:
        best = min(best, day - days[i - 1])
    return int(best) if best != math.inf else 1 << 30


def name_keys(doc: StoryDoc) -> list[str]:
    """Distinct name keys of an article (``e:dallas``, ``e:harry_reid``), in order of appearance.

    spaCy's names when the article has them (single words too: a city, a surname), else runs of
    capitalised words.
    """
    raw = doc.entities if doc.entities is not None else names_in(doc.text or "")
    keys = (k if k.startswith(ENTITY_PREFIX) else entity_key(k) for k in raw)
    return list(dict.fromkeys(k for k in keys if k))[:MAX_DOC_NAMES]


def _top(weights: dict[str, float], k: int) -> list[str]:
    """The ``k`` heaviest keys (ties keep insertion order, which is deterministic for one input)."""
    return heapq.nlargest(k, weights, key=weights.__getitem__)


class StoryIndex:
    """Clusters articles into stories one article at a time (see the module docstring)."""

    def __init__(self, options: StoryOptions | None = None, **overrides: Any) -> None:
        """Cluster with ``options`` (default :class:`StoryOptions`), single knobs changed by ``overrides``."""
        self.opts = replace(options or StoryOptions(), **overrides)
        self.n_docs = 0
        self.df: dict[str, int] = {}
        # idf = log(n_docs + prior) - log(df + 1); both logs cached so scoring is a lookup.
        self._log_n = math.log(self.opts.idf_prior)
        self._log_df: dict[str, float] = {}
        self.name_df: dict[str, int] = {}  # running document frequencies of name keys
        self._stories: dict[str, _Story] = {}
        self._doc_story: dict[str, str] = {}
        self._next = 1
        # Inverted index of blocking keys -> stories. Keys: (term, "d", day) for a dated article,
        # (term, "m", day // MONTH) for related-story search, (term, "u", 0) for an undated article and
        # (term, "t", 0) for any article. Postings are insertion-ordered dicts (ordered sets):
        # re-inserting moves a story to the end, so the tail is always the most recently active.
        self._post: dict[tuple[str, str, int], dict[str, None]] = {}
        # The keys each story was posted under (a superset: a story cut from a full posting keeps
        # the key here), so a merge visits the merged story's postings, not every posting.
        self._keys_of: dict[str, set[tuple[str, str, int]]] = {}
        # Related links (symmetric, with their cosine), kept up to date incrementally: only stories
        # changed since the last stories() call (the dirty ones, an ordered set) are recomputed.
        self._links: dict[str, dict[str, float]] = {}
        self._dirty: dict[str, None] = {}

    # -- weighting ---------------------------------------------------------------------------

    def _idf(self, term: str) -> float:
        return self._log_n - self._log_df.get(term, 0.0)

    def _count(self, terms: Iterable[str]) -> None:
        """Update the running document frequencies with one article's distinct terms."""
        self.n_docs += 1
        self._log_n = math.log(self.n_docs + self.opts.idf_prior)
        df, log_df = self.df, self._log_df
        for t in terms:
            n = df.get(t, 0) + 1
            df[t] = n
            log_df[t] = math.log(n + 1)

    def _weighted(self, tf: dict[str, float]) -> dict[str, float]:
        """``tf`` times the current idf (inlined: this is the hot loop)."""
        ln, ldf = self._log_n, self._log_df
        return {t: w * (ln - ldf.get(t, 0.0)) for t, w in tf.items()}

    def _story_norm(self, s: _Story) -> float:
        # idf drifts slowly: recompute when the story changed or the corpus grew by a tenth since.
        if s.norm_n < 0 or self.n_docs > s.norm_n * 1.1:
            s.norm = math.sqrt(sum(v * v for v in self._weighted(s.centroid).values())) or 1.0
            s.norm_n = self.n_docs
        return s.norm

    def _doc_vector(self, tf: dict[str, float]) -> dict[str, float]:
        """L2-normalised tf-idf vector of one article, cut to its heaviest features."""
        vec = self._weighted(tf)
        if len(vec) > self.opts.max_doc_features:
            vec = {t: vec[t] for t in _top(vec, self.opts.max_doc_features)}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {t: v / norm for t, v in vec.items()}

    def _cos_doc(self, dvec: dict[str, float], s: _Story) -> float:
        c = s.centroid
        ln, ldf = self._log_n, self._log_df
        dot = sum(v * c[t] * (ln - ldf.get(t, 0.0)) for t, v in dvec.items() if t in c)
        return dot / self._story_norm(s)

    # -- adding ------------------------------------------------------------------------------

    def add(self, doc: StoryDoc) -> str:
        """Add one article; return the id of the story it joined or created ("s1", "s2", ...).

        Adding an id already in the index is a no-op that returns its story (idempotent re-ingest).
        """
        if doc.id in self._doc_story:
            return self._doc_story[doc.id]
        tf = sublinear(doc_counts(doc.title, doc.text or "", doc.entities))
        self._count(tf.keys())
        names = name_keys(doc)
        for k in names:
            self.name_df[k] = self.name_df.get(k, 0) + 1
        dvec = self._doc_vector(tf)
        day = parse_day(doc.published)
        keys = _top(dvec, self.opts.block_terms)

        best, best_sim = None, -1.0
        for s in self._candidates(keys, day):
            dated = day is not None and bool(s.days)
            if dated and _day_distance(s.days, day) > self.opts.window_days:
                continue
            sim = self._cos_doc(dvec, s)
            need = self.opts.threshold if dated else self.opts.undated_threshold
            if sim >= need and sim > best_sim:
                best, best_sim = s, sim
        if best is None:
            best = _Story(id=f"s{self._next}", documents=[], centroid={}, days=[])
            self._next += 1
            self._stories[best.id] = best
        self._join(best, doc, dvec, day, keys, names)
        return best.id

    def add_many(self, docs: Iterable[StoryDoc]) -> None:
        """Add a batch, taken in date order (undated last) as a news stream would arrive.

        Single-pass clustering depends on order; date order lets each story grow forward in time.
        """
        batch = list(docs)
        batch.sort(key=lambda d: (parse_day(d.published) is None, parse_day(d.published) or 0))
        for d in batch:
            self.add(d)
        self._rejoin_singles([self._doc_story[d.id] for d in batch])

    def _rejoin_singles(self, story_ids: list[str]) -> None:
        """Give each dated one-article story of the batch a second look (see the module docstring).

        Only dated stories within ``window_days`` qualify: without dates, content alone must carry
        the evidence and the first pass's ``undated_threshold`` stands.
        """
        o = self.opts
        if o.rejoin_threshold >= 1.0:
            return
        for sid in dict.fromkeys(story_ids):
            s = self._stories.get(sid)
            if s is None or len(s.documents) != 1 or not s.days:
                continue
            vec = self._weighted(s.centroid)
            norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
            dvec = {t: v / norm for t, v in vec.items()}
            day = s.days[0]
            rare = self._rare_names(s.names)
            found = {c.id: c for c in self._candidates(_top(dvec, o.block_terms), day)}
            if len(rare) >= o.min_shared_names:  # stories naming the same rare people and places
                # One name posted in the window finds a story; its other names may date from its
                # first days, so the names shared are counted on the whole story below.
                slots = [("n", d) for d in _outward(day, day, o.name_window_days)]
                found.update((c.id, c) for c in self._lookup(sorted(rare), slots, min_shared=1))
            best, best_sim = None, -1.0
            for other in found.values():
                if other.id == sid or not other.days:
                    continue
                gap = _day_distance(other.days, day)
                if gap > max(o.window_days, o.name_window_days):
                    continue
                sim = self._cos_doc(dvec, other)
                if sim <= best_sim:
                    continue
                if (gap <= o.window_days and sim >= o.rejoin_threshold) or (
                        gap <= o.name_window_days and sim >= o.name_rejoin_threshold
                        and len(rare.intersection(other.names)) >= o.min_shared_names):
                    best, best_sim = other, sim
            if best is not None:
                self._merge(s, best)

    def _rare_names(self, names: list[str]) -> set[str]:
        """The names among ``names`` found in at most ``rare_name_share`` of the articles seen
        (and in two at least: a name only this article has cannot link it)."""
        most = max(2.0, self.opts.rare_name_share * self.n_docs)
        return {k for k in names if 2 <= self.name_df.get(k, 0) <= most}

    def _merge(self, s: _Story, into: _Story) -> None:
        """Move every article of story ``s`` into story ``into`` and forget ``s``."""
        into.documents.extend(s.documents)
        for d in s.documents:
            self._doc_story[d] = into.id
        for day in s.days:
            if day not in into.days:
                into.days.insert(bisect_left(into.days, day), day)
        c = into.centroid
        for t, v in s.centroid.items():
            c[t] = round(c.get(t, 0.0) + v, 6)
        into.norm_n = -1
        have = set(into.names)
        into.names.extend(k for k in s.names if k not in have)
        mine = self._keys_of.setdefault(into.id, set())
        for key in self._keys_of.pop(s.id, ()):
            p = self._post.get(key)
            if p is not None and s.id in p:
                del p[s.id]
                p.pop(into.id, None)
                p[into.id] = None
                mine.add(key)
        for other in self._links.pop(s.id, {}):
            self._links.get(other, {}).pop(s.id, None)
        self._dirty.pop(s.id, None)
        self._dirty[into.id] = None
        del self._stories[s.id]

    def _candidates(self, keys: list[str], day: int | None) -> list[_Story]:
        """Stories sharing a blocking key with the article, most overlapping first (bounded)."""
        if day is None:
            return self._lookup(keys, [("t", 0)])
        return self._lookup(keys, [("d", d) for d in _outward(day, day, self.opts.window_days)] + [("u", 0)])

    def _lookup(self, keys: list[str], slots: list[tuple[str, int]], skip: str | None = None,
                min_shared: int | None = None, cap: int | None = None) -> list[_Story]:
        """Stories found under (term, slot) for the given terms, most shared terms first.

        ``slots`` come nearest first; each term stops reading once it has ``max_postings``
        stories, so the work per lookup is bounded however dense the corpus gets.
        """
        hits: Counter[str] = Counter()
        post = self._post
        cap = cap or self.opts.max_postings
        for t in keys:
            found: set[str] = set()
            for kind, num in slots:
                p = post.get((t, kind, num))
                if p:
                    found.update(p)
                    if len(found) >= cap:
                        break
            hits.update(found)
        hits.pop(skip, None)
        need = min(self.opts.min_shared_keys if min_shared is None else min_shared, len(keys))
        order = sorted(((sid, n) for sid, n in hits.items() if n >= need), key=lambda kv: (-kv[1], int(kv[0][1:])))
        return [self._stories[sid] for sid, _ in order[: self.opts.max_candidates]]

    def _join(self, s: _Story, doc: StoryDoc, dvec: dict[str, float], day: int | None,
              keys: list[str], names: list[str]) -> None:
        s.documents.append(doc.id)
        self._doc_story[doc.id] = s.id
        if s.title is None and doc.title and doc.title.strip():
            s.title = doc.title.strip()
        if day is not None and day not in s.days:
            s.days.insert(bisect_left(s.days, day), day)
        c = s.centroid
        # Stored in tf space (idf is re-applied at comparison time), rounded so the JSON state
        # stays small; the rounding happens here, not in to_state(), so a resumed index is exact.
        for t, v in dvec.items():
            c[t] = round(c.get(t, 0.0) + v / (self._idf(t) or 1.0), 6)
        if len(c) > 2 * self.opts.max_story_features:
            keep = _top(self._weighted(c), self.opts.max_story_features)
            s.centroid = {t: c[t] for t in keep}
        s.norm_n = -1
        self._dirty[s.id] = None
        slots = [("t", 0)] + ([("u", 0)] if day is None else [("d", day), ("m", day // MONTH)])
        cap = self.opts.max_postings
        mine = self._keys_of.setdefault(s.id, set())
        for t in keys:
            for kind, num in slots:
                p = self._post.setdefault((t, kind, num), {})
                p.pop(s.id, None)
                p[s.id] = None
                mine.add((t, kind, num))
                if len(p) > cap:  # only the most recent `cap` are ever read: forget the oldest
                    del p[next(iter(p))]
        self._add_names(s, names, day)

    def _add_names(self, s: _Story, names: list[str], day: int | None) -> None:
        """Record an article's names on its story, posted under (name, "n", day) when dated."""
        have = set(s.names)
        s.names.extend(k for k in names if k not in have)
        if day is None:
            return
        cap = self.opts.max_postings
        mine = self._keys_of.setdefault(s.id, set())
        for k in names:
            p = self._post.setdefault((k, "n", day), {})
            p.pop(s.id, None)
            p[s.id] = None
            mine.add((k, "n", day))
            if len(p) > cap:
                del p[next(iter(p))]

    # -- reading -----------------------------------------------------------------------------

    def story_of(self, doc_id: str) -> str | None:
        """The story id of an article already added, else ``None``."""
        return self._doc_story.get(doc_id)

    def _signature(self, s: _Story) -> dict[str, float]:
        """A story's topic signature: its heaviest ``related_terms`` centroid terms weighted with
        today's idf, L2-normalised (the long tail only adds background similarity)."""
        vec = self._weighted(s.centroid)
        if len(vec) > self.opts.related_terms:
            vec = {t: vec[t] for t in _top(vec, self.opts.related_terms)}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {t: v / norm for t, v in vec.items()}

    def _refresh_related(self) -> None:
        """Recompute links and display terms of the stories changed since the last call.

        Cost is proportional to the changed stories, not to the index: each looks up its
        candidates (blocked like :meth:`add`, over ``related_window_days``) and links to those whose
        signature cosine reaches ``related_threshold``. Links between unchanged stories keep the
        value they had when one of them last changed.
        """
        if not self._dirty:
            return
        o = self.opts
        sigs: dict[str, dict[str, float]] = {}

        def sig(sid: str) -> dict[str, float]:
            if sid not in sigs:
                sigs[sid] = self._signature(self._stories[sid])
            return sigs[sid]

        dirty = list(self._dirty)
        for sid in dirty:  # drop their old links, both directions
            for other in self._links.pop(sid, {}):
                self._links.get(other, {}).pop(sid, None)
        for sid in dirty:
            s = self._stories[sid]
            mine = sig(sid)
            s.terms = self._display_terms(mine)
            if s.days:  # months around the story's span, nearest first, plus undated stories
                months = _outward(s.days[0] // MONTH, s.days[-1] // MONTH, o.related_window_days // MONTH + 1)
                slots = [("m", m) for m in months] + [("u", 0)]
            else:
                slots = [("t", 0)]
            # One shared top term is enough to look: topic words rank below the event's own names.
            for other in self._lookup(_top(mine, o.block_terms), slots, skip=sid, min_shared=1,
                                      cap=o.related_postings):
                if s.days and other.days and _span_gap(s.days, other.days) > o.related_window_days:
                    continue
                a, b = mine, sig(other.id)
                if len(a) > len(b):
                    a, b = b, a
                sim = sum(v * b[t] for t, v in a.items() if t in b)
                if sim >= o.related_threshold:
                    self._links.setdefault(sid, {})[other.id] = sim
                    self._links.setdefault(other.id, {})[sid] = sim
        self._dirty.clear()

    def _related(self) -> dict[str, list[str]]:
        """Each story's best ``max_related`` links, made symmetric again."""
        k = self.opts.max_related
        best = {sid: [o for o, _ in sorted(v.items(), key=lambda kv: (-kv[1], kv[0]))[:k]]
                for sid, v in self._links.items() if v}
        for sid, others in list(best.items()):
            for other in others:
                mine = best.setdefault(other, [])
                if sid not in mine:
                    mine.append(sid)
        return best

    @staticmethod
    def _display_terms(weights: dict[str, float], k: int = 8) -> list[str]:
        out: list[str] = []
        covered: set[str] = set()
        for t in _top(weights, 3 * k):
            if t.startswith(ENTITY_PREFIX):
                words = t[len(ENTITY_PREFIX):].split("_")
                label = " ".join(words)
            else:
                words, label = [t], t
            if label in covered:
                continue
            covered.update(words)
            covered.add(label)
            out.append(label)
            if len(out) == k:
                break
        return out

    def stories(self) -> list[Story]:
        """All stories, in creation order, with related links, a title and top terms.

        Related links and terms of the stories changed since the last call are refreshed first.
        """
        self._refresh_related()
        related = self._related()
        return [Story(id=s.id, documents=list(s.documents), related=related.get(s.id, []),
                      title=s.title, terms=list(s.terms))
                for s in self._stories.values()]

    # -- persistence -------------------------------------------------------------------------

    def to_state(self) -> dict[str, Any]:
        """A JSON-able snapshot; :meth:`from_state` resumes clustering exactly where it stopped."""
        return {
            "version": STATE_VERSION,
            "options": vars(self.opts).copy(),
            "n_docs": self.n_docs,
            "next": self._next,
            "df": self.df,
            "name_df": self.name_df,
            "stories": [
                {"id": s.id, "documents": s.documents, "centroid": s.centroid, "days": s.days,
                 "title": s.title, "norm": s.norm, "norm_n": s.norm_n, "terms": s.terms,
                 "names": s.names}
                for s in self._stories.values()
            ],
            "links": self._links,
            "dirty": list(self._dirty),
            # Postings keep their order (recency).
            "postings": [[t, kind, num, list(p)] for (t, kind, num), p in self._post.items()],
        }

    @classmethod
    def from_state(cls, state: dict[str, Any], options: StoryOptions | None = None) -> StoryIndex:
        """Rebuild an index from :meth:`to_state` output.

        It goes on with the options it was saved with, or with ``options`` when given (a run's
        settings apply to the articles it adds).
        """
        if state.get("version") != STATE_VERSION:
            raise ValueError(f"unsupported story index state version: {state.get('version')!r}")
        idx = cls(options or StoryOptions(**state["options"]))
        idx.n_docs = int(state["n_docs"])
        idx._log_n = math.log(idx.n_docs + idx.opts.idf_prior)
        idx._next = int(state["next"])
        idx.df = {t: int(n) for t, n in state["df"].items()}
        idx._log_df = {t: math.log(n + 1) for t, n in idx.df.items()}
        idx.name_df = {k: int(n) for k, n in state.get("name_df", {}).items()}  # absent before names
        for raw in state["stories"]:
            s = _Story(id=raw["id"], documents=list(raw["documents"]), centroid=dict(raw["centroid"]),
                       days=list(raw["days"]), title=raw.get("title"), norm=raw.get("norm", 0.0),
                       norm_n=raw.get("norm_n", -1), terms=list(raw.get("terms", [])),
                       names=list(raw.get("names", [])))
            idx._stories[s.id] = s
            for d in s.documents:
                idx._doc_story[d] = s.id
        idx._post = {(t, kind, int(num)): dict.fromkeys(p) for t, kind, num, p in state["postings"]}
        for key, p in idx._post.items():
            for sid in p:
                idx._keys_of.setdefault(sid, set()).add(key)
        idx._links = {sid: dict(v) for sid, v in state.get("links", {}).items()}
        idx._dirty = dict.fromkeys(state.get("dirty", []))
        return idx


def _outward(lo: int, hi: int, reach: int) -> list[int]:
    """The integers of [lo - reach, hi + reach], those inside [lo, hi] first, then outward."""
    out = list(range(lo, hi + 1))
    for k in range(1, reach + 1):
        out += [lo - k, hi + k]
    return out


def _span_gap(a: list[int], b: list[int]) -> int:
    """Days between two sorted day lists' spans (0 when they overlap)."""
    return max(0, b[0] - a[-1], a[0] - b[-1])


def cluster_stories(docs: Iterable[StoryDoc], **options: Any) -> list[Story]:
    """Cluster a batch of articles into stories (a fresh :class:`StoryIndex`, then ``stories()``)."""
    idx = StoryIndex(**options)
    idx.add_many(docs)
    return idx.stories()
