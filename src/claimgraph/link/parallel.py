"""Comparisons of many stories and related pairs, in this process or spread over worker processes.

An incremental run that adds a few hundred articles to a large store compares again a few hundred
stories and about a thousand related pairs. Each is independent of the others, given the story's
articles (and, for a pair, the figures its stories' own comparisons hold), so they spread over the
usable CPUs (this process among them). A worker opens the store read-only and reads the articles
and kept mentions it needs: only document ids go out, comparisons (and the mentions a worker had
to build) come back, and they are put in the order of the tasks, so the result is the one a
single process gives.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing as mp
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from ..engine.workers import link_workers
from ..model import Article, Comparison
from ..store import Store
from ..store.queries import in_ingest_order, stored_comparisons_of
from .compare import compare_related, compare_story
from .mention_cache import MentionCache
from .settings import CompareOptions

log = logging.getLogger(__name__)

# Documents read over all tasks (a pair reads both its stories'), about a millisecond of comparing
# each: with fewer, starting workers (~1.5-2.5 s of spawning and imports) costs more than it saves.
# (500 articles into an empty store: ~800, its link stage 3.5 s in one process, 6.2 s with two
# workers; 500 added to 4,500: ~13,000, comparing 13.7-17.2 s in one process, 8.0-9.1 s in this
# one and a worker.)
MIN_WORK = 4000
# articles (with their claims) a process keeps in memory between tasks; on an incremental run of
# 500 into 4,500 articles, 300 took as long as 1,000 and two workers' tree 200 MB less
KEEP_ARTICLES = 300

OwnTask = tuple[str, tuple[str, ...]]  # story id, its documents
# first story, its documents, second story, its documents, and for each story the claims of its own
# comparisons built this run (None: its articles did not change, its stored ones hold)
Held = frozenset[tuple[str, ...]] | None
PairTask = tuple[str, tuple[str, ...], str, tuple[str, ...], Held, Held]
MentionRows = list[tuple[str, str, str]]


class Comparer:
    """Comparisons built from a store: each story's articles read once, each document's mentions once."""

    def __init__(self, store: Store, compare: CompareOptions, mentions: MentionCache | None = None) -> None:
        self.store = store
        self.compare = compare
        self.mentions = mentions or MentionCache(compare, store)
        self._articles: dict[tuple[str, ...], list[Article]] = {}  # by story, least recently used first
        self._kept = 0  # articles held in _articles
        self._stored: dict[str, frozenset[tuple[str, ...]]] = {}  # a story's own comparisons as stored

    def articles(self, doc_ids: tuple[str, ...]) -> list[Article]:
        """A story's articles with their claims, in ingest order (explanations name sources in it).

        The stories read last are kept, up to ``KEEP_ARTICLES`` articles: a story is read once
        for its own comparisons and again for each related pair, which mostly come soon after.
        """
        arts = self._articles.pop(doc_ids, None)
        if arts is None:
            arts = list(self.store.documents(in_ingest_order(self.store, doc_ids), with_claims=True))
            self._kept += len(arts)
        self._articles[doc_ids] = arts  # most recently used last
        while self._kept > KEEP_ARTICLES and len(self._articles) > 1:
            self._kept -= len(self._articles.pop(next(iter(self._articles))))
        return arts

    def own(self, task: OwnTask) -> list[Comparison]:
        """A story's own comparisons (within each article and across them)."""
        sid, docs = task
        arts = self.articles(docs)
        return compare_story(arts, sid, self.compare, self.mentions) if has_quantities(arts) else []

    def pair(self, task: PairTask) -> list[Comparison]:
        """A related pair's comparisons, stored under its first story, less those already held."""
        a, docs_a, b, docs_b, held_a, held_b = task
        first, second = self.articles(docs_a), self.articles(docs_b)
        if not (has_quantities(first) and has_quantities(second)):
            return []
        seen = set(self._held(a, docs_a) if held_a is None else held_a)
        seen |= self._held(b, docs_b) if held_b is None else held_b
        out = []
        for c in compare_related(first, second, a, self.compare, self.mentions):
            key = tuple(sorted(c.claims))
            if key not in seen:
                seen.add(key)
                out.append(c)
        return out


    def _held(self, sid: str, docs: tuple[str, ...]) -> frozenset[tuple[str, ...]]:
        """The claims of a story's own comparisons as stored (those whose claims are all its own)."""
        if sid not in self._stored:
            mine = set(docs)
            self._stored[sid] = frozenset(
                e.claims for e in stored_comparisons_of(self.store, [sid]).values() if e.documents <= mine)
        return self._stored[sid]


def has_quantities(arts: list[Article]) -> bool:
    return any(c.quantities for a in arts for c in a.claims)


def can_share(store: Store) -> bool:
    """Whether worker processes can open this store on their own (not an in-memory database)."""
    return bool(store.path) and ":memory:" not in store.path and not store.path.startswith("file::memory")


class Runner:
    """Runs own and pair tasks in this process, or in ``workers`` processes when there are enough:
    this one and ``workers - 1`` started for the run. This process works too (it has the articles
    and mentions of the stories it compared last at hand, and does not wait for the others to
    start); it takes chunks of tasks from the end while the others take them from the front."""

    def __init__(self, comparer: Comparer, workers: int, work: int) -> None:
        """``workers``: processes to compare in, 0 to let memory decide (:func:`link_workers`);
        ``work``: documents the tasks read (see ``MIN_WORK``)."""
        self.comparer = comparer
        if work < MIN_WORK or not can_share(comparer.store):
            workers = 1
        elif workers == 0:  # decided now, when this process holds what it will hold while comparing
            workers = link_workers()
            log.info("link: comparing in %d process%s (memory allows; %d documents to read)", workers,
                     "es" if workers > 1 else "", work)
        self.workers = max(1, workers)
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Runner:
        if self.workers > 1:
            # spawn, not fork: the main process holds an open database connection and a lock
            self._pool = ProcessPoolExecutor(self.workers - 1, mp_context=mp.get_context("spawn"), initializer=_start,
                                             initargs=(self.worker_store(), self.comparer.compare))
        return self

    def worker_store(self) -> str:
        """Where a worker opens the store: the same file or database, read-only."""
        return self.comparer.store.path

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def own(self, tasks: list[OwnTask]) -> Iterator[list[Comparison]]:
        """Each task's comparisons, in task order."""
        return self._map(_own, self.comparer.own, tasks)

    def pairs(self, tasks: list[PairTask]) -> Iterator[list[Comparison]]:
        """Each task's comparisons, in task order."""
        return self._map(_pair, self.comparer.pair, tasks)

    def _map(self, remote: Any, local: Any, tasks: list[Any]) -> Iterator[list[Comparison]]:
        if self._pool is None:
            yield from map(local, tasks)
            return
        size = max(1, len(tasks) // (self.workers * 8))
        chunks = [tasks[i:i + size] for i in range(0, len(tasks), size)]
        found: list[list[list[Comparison]] | None] = [None] * len(chunks)
        pending: dict[Future[list[tuple[list[Comparison], MentionRows]]], int] = {}
        front, back = 0, len(chunks)  # the workers' next chunk, and one past this process's next
        try:
            while front < back or pending:
                while front < back and len(pending) < 2 * (self.workers - 1):  # keep each one busy
                    pending[self._pool.submit(_chunk, remote, chunks[front])] = front
                    front += 1
                if front < back:
                    back -= 1
                    found[back] = [local(t) for t in chunks[back]]
                else:
                    wait(pending, return_when=FIRST_COMPLETED)
                for fut in [f for f in pending if f.done()]:
                    i = pending.pop(fut)
                    results = fut.result()
                    for _, rows in results:
                        self.comparer.mentions.adopt(rows)  # built in a worker: kept by this run's save()
                    found[i] = [f for f, _ in results]
        except BrokenProcessPool as e:  # a worker died (memory) or could not start: go on here
            log.warning("link: worker processes stopped (%s); comparing in this process", e)
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None
            for i, done in enumerate(found):
                if done is None:
                    found[i] = [local(t) for t in chunks[i]]
        for done in found:
            assert done is not None
            yield from done


_comparer: Comparer | None = None  # a worker's own, made by _start


def _start(path: str, compare: CompareOptions) -> None:
    global _comparer
    gc.disable()  # this process lives for one run's comparisons (see engine/collector.py)
    _comparer = Comparer(Store(path, readonly=True), compare)


def _chunk(run: Any, tasks: list[Any]) -> list[tuple[list[Comparison], MentionRows]]:
    """``run`` (:func:`_own` or :func:`_pair`) over a chunk of tasks, in a worker."""
    return [run(t) for t in tasks]


def _own(task: OwnTask) -> tuple[list[Comparison], MentionRows]:
    assert _comparer is not None
    return _comparer.own(task), _comparer.mentions.take_fresh()


def _pair(task: PairTask) -> tuple[list[Comparison], MentionRows]:
    assert _comparer is not None
    return _comparer.pair(task), _comparer.mentions.take_fresh()
