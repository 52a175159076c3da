"""Run the extractors over many documents with one spaCy pipeline, in batches and processes.

With several processes each worker loads the pipeline once, parses *and* extracts its batch, and
sends back claims (small dataclasses), not Docs: the extractors run in parallel too, and little
crosses the process boundary. At most three batches per worker are in flight, so memory stays flat
whatever the corpus size, and results are taken as they finish: a slow batch never leaves the other
workers idle.
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from spacy.language import Language
from spacy.tokens import Doc

from ..engine.heap import release_free_memory
from ..model import Claim
from .attribution import find_attributions
from .claims import build_claims
from .condense import Condensed, condense
from .entities import doc_names
from .nlp import limit_blas_threads, load_nlp
from .quantities import find_quantities
from .quantity_context import annotate
from .result import WORKER_DIED, ExtractionFailure, ExtractionResult

# Documents per nlp.pipe call inside a batch: activations grow with the batch, and 8 parses as
# fast as 32 while a worker's peak memory stays far lower.
PARSE_BATCH = 8


def extract_doc(doc: Doc, doc_id: str) -> list[Claim]:
    """Claims of one parsed article."""
    quantities = find_quantities(doc)
    annotate(doc, quantities)
    return build_claims(doc, doc_id, find_attributions(doc), quantities)


def remap(claims: list[Claim], cond: Condensed, original: str) -> list[Claim]:
    """Move offsets found in a condensed text back onto the original text."""
    for c in claims:
        c.start, c.end = cond.to_original(c.start), cond.to_original(c.end, end=True)
        c.text = original[c.start:c.end]
        if c.sentence_start is not None and c.sentence_end is not None:
            c.sentence_start = cond.to_original(c.sentence_start)
            c.sentence_end = cond.to_original(c.sentence_end, end=True)
        for q in c.quantities:
            q.start, q.end = cond.to_original(q.start), cond.to_original(q.end, end=True)
            q.text = original[q.start:q.end]
    return claims


# A process's pipeline still grows with what it parses, memory zone or not (its vocabulary's
# lexemes, the rule twins' caches): ~65 KB per article on the benchmark sample, so a worker's
# baseline rose by ~160 MB over 2,500 articles. It is loaded afresh after this many (~0.5 s).
RENEW_AFTER = 1000
_parsed = 0  # articles this process has parsed with its current pipeline


def _pipeline(n: int) -> Language:
    """The pipeline for the next ``n`` articles: the cached one, or a fresh one when it has parsed
    ``RENEW_AFTER`` (the old one is freed with its caches)."""
    global _parsed
    if _parsed >= RENEW_AFTER:
        load_nlp.cache_clear()
        _parsed = 0
    _parsed += n
    return load_nlp()


def extract_batch(batch: list[tuple[str, str]], *, parse_less: bool = False,
                  batch_size: int = 32) -> list[ExtractionResult]:
    """Parse and extract one batch in this process.

    The batch runs in a spaCy memory zone: the words it adds to the vocabulary are dropped at
    the end, so a long-lived worker does not grow with every new name in the corpus. What still
    grows (lexemes, the rule twins' caches) goes with the pipeline, renewed every ``RENEW_AFTER``
    articles.
    """
    nlp = _pipeline(len(batch))
    conds = [condense(text) if parse_less else None for _, text in batch]
    texts = [c.text if c is not None else text for c, (_, text) in zip(conds, batch, strict=True)]
    out = []
    with nlp.memory_zone():
        docs = nlp.pipe(texts, batch_size=max(1, min(batch_size, PARSE_BATCH)))
        for doc, (doc_id, text), cond in zip(docs, batch, conds, strict=True):
            try:
                claims = extract_doc(doc, doc_id)
                out.append(ExtractionResult(doc_id, remap(claims, cond, text) if cond is not None else claims,
                                            entities=doc_names(doc)))
            except Exception as e:  # one document's failure must not cost the batch
                out.append(ExtractionResult(doc_id, failure=ExtractionFailure.from_exception(e)))
    return out


def _batches(items: Iterable[tuple[str, str]], size: int, total: int | None = None,
             tail: int = 0) -> Iterator[list[tuple[str, str]]]:
    """``items`` in lists of ``size``; with ``total`` known, the last ``tail`` documents or so go
    in lists of ``PARSE_BATCH``, so that no worker sits idle while another parses a whole batch.

    The switch happens at a multiple of ``size`` and the small lists hold ``PARSE_BATCH`` each, so
    every document is parsed in the same group of ``PARSE_BATCH`` as with full batches.
    """
    batch: list[tuple[str, str]] = []
    seen = 0
    for item in items:
        batch.append(item)
        seen += 1
        small = total is not None and total - (seen - len(batch)) <= tail and size % PARSE_BATCH == 0
        if len(batch) >= (PARSE_BATCH if small else size):
            yield batch
            batch = []
    if batch:
        yield batch


def _worker_batch(args: tuple[list[tuple[str, str]], bool, int]) -> list[ExtractionResult]:
    batch, parse_less, batch_size = args
    try:
        return extract_batch(batch, parse_less=parse_less, batch_size=batch_size)
    finally:
        release_free_memory()  # else each worker holds its highest batch peak for the rest of the run


def _warm() -> None:
    """Load the pipeline in this worker ahead of its first batch (``load_nlp`` caches it)."""
    load_nlp()


def extract_documents(items: Iterable[tuple[str, str]], *, batch_size: int = 32, n_process: int = 1,
                      parse_less: bool = False, pool: ParsePool | None = None,
                      total: int | None = None) -> Iterator[ExtractionResult]:
    """``(doc_id, text)`` in, an :class:`ExtractionResult` per document out, streaming.

    One process gives input order; several give each batch as soon as it is done. When a worker
    dies (killed, out of memory), the batches in flight go to a fresh pool once more; a batch
    that breaks a pool twice comes back as a failed result per document, and the run
    goes on. ``pool``: a pool started (and warmed) earlier in the run, used instead of a new one
    and closed at the end like one. ``total``: how many items there are (at most), which lets the
    last round of batches be small ones (see ``_batches``).
    """
    if pool is None and n_process <= 1:
        for batch in _batches(items, batch_size):
            yield from extract_batch(batch, parse_less=parse_less, batch_size=batch_size)
        return
    runner = pool or ParsePool(n_process, batch_size)
    n_process = runner.n_process
    try:
        # the last round: a full batch per worker and a spare, cut small
        for batch in _batches(items, batch_size, total, tail=(n_process + 1) * batch_size):
            runner.submit(batch, parse_less)
            while len(runner.pending) >= 3 * n_process:
                yield from runner.collect()
        while runner.pending:
            yield from runner.collect()
    finally:
        runner.close()


class ParsePool:
    """A process pool that survives the death of a worker (see ``extract_documents``).

    A run may start it before it has anything to parse: the workers then do other per-document
    work (``call``) and load the pipeline (``warm``) while the main process is busy on its own.
    """

    def __init__(self, n_process: int, batch_size: int = 32):
        self.n_process, self.batch_size = n_process, batch_size
        self.parse_less = False
        self.ctx = mp.get_context("forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn")
        self.pool = self._new_pool()
        self.pending: dict[Future, list[tuple[str, str]]] = {}

    def call(self, fn: Callable[..., object], *args: object) -> Future:
        """Run ``fn(*args)`` in a worker (a top-level function); a broken pool is replaced once."""
        try:
            return self.pool.submit(fn, *args)
        except BrokenProcessPool:  # a worker died under earlier work: go on with a fresh pool
            self._replace_pool()
            return self.pool.submit(fn, *args)

    def warm(self) -> None:
        """Have every worker load the pipeline now, not with its first batch.

        One task per worker: each takes seconds, so idle workers take one each; a worker that
        takes two finds the second already cached.
        """
        for _ in range(self.n_process):
            self.call(_warm)

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.n_process, mp_context=self.ctx, initializer=limit_blas_threads)

    def _replace_pool(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._new_pool()

    def submit(self, batch: list[tuple[str, str]], parse_less: bool = False) -> None:
        self.parse_less = parse_less  # one setting per run; _recover resubmits with it
        try:
            fut = self.pool.submit(_worker_batch, (batch, self.parse_less, self.batch_size))
        except BrokenProcessPool as e:  # a worker died already: collect() will recover
            fut = Future()
            fut.set_exception(e)
        self.pending[fut] = batch

    def collect(self) -> Iterator[ExtractionResult]:
        """Wait for at least one batch and yield its results."""
        done, _ = wait(self.pending, return_when=FIRST_COMPLETED)
        for fut in done:
            try:
                results = fut.result()
            except BrokenProcessPool:
                yield from self._recover()
                return
            del self.pending[fut]
            yield from results

    def _recover(self) -> Iterator[ExtractionResult]:
        """A worker died and took the pool with it: rerun the batches in flight one at a time, so
        a batch that kills its worker again is known, and report its documents as failed."""
        lost = []
        for fut, batch in self.pending.items():
            if fut.done() and not fut.cancelled() and fut.exception() is None:
                yield from fut.result()  # finished before the pool broke
            else:
                lost.append(batch)
        self.pending.clear()
        self._replace_pool()
        for batch in lost:
            try:
                results = self.pool.submit(_worker_batch, (batch, self.parse_less, self.batch_size)).result()
            except BrokenProcessPool:
                self._replace_pool()
                why = ExtractionFailure(WORKER_DIED, "the worker process parsing this document's batch died "
                                                     "(killed, or out of memory)")
                results = [ExtractionResult(doc_id, failure=why) for doc_id, _ in batch]
            yield from results

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
