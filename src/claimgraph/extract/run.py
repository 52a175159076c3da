"""Run the extractors over many documents with one spaCy pipeline, in batches and processes.

With several processes each worker loads the pipeline once, parses *and* extracts its batch, and
sends back claims (small dataclasses), not Docs: the extractors run in parallel too, and little
crosses the process boundary. At most three batches per worker are in flight, so memory stays flat
whatever the corpus size, and results are taken as they finish: a slow batch never leaves the other
workers idle.
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from spacy.tokens import Doc

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


def extract_batch(batch: list[tuple[str, str]], *, parse_less: bool = False,
                  batch_size: int = 32) -> list[ExtractionResult]:
    """Parse and extract one batch in this process.

    The batch runs in a spaCy memory zone: the words it adds to the vocabulary are dropped at
    the end, so a long-lived worker does not grow with every new name in the corpus.
    """
    nlp = load_nlp()
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


def _batches(items: Iterable[tuple[str, str]], size: int) -> Iterator[list[tuple[str, str]]]:
    batch: list[tuple[str, str]] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _worker_batch(args: tuple[list[tuple[str, str]], bool, int]) -> list[ExtractionResult]:
    batch, parse_less, batch_size = args
    return extract_batch(batch, parse_less=parse_less, batch_size=batch_size)


def extract_documents(items: Iterable[tuple[str, str]], *, batch_size: int = 32, n_process: int = 1,
                      parse_less: bool = False) -> Iterator[ExtractionResult]:
    """``(doc_id, text)`` in, an :class:`ExtractionResult` per document out, streaming.

    One process gives input order; several give each batch as soon as it is done. When a worker
    dies (killed, out of memory), the batches in flight go to a fresh pool once more; a batch
    that breaks a pool twice comes back as a failed result per document, and the run
    goes on.
    """
    if n_process <= 1:
        for batch in _batches(items, batch_size):
            yield from extract_batch(batch, parse_less=parse_less, batch_size=batch_size)
        return
    runner = _PoolRunner(n_process, parse_less, batch_size)
    try:
        for batch in _batches(items, batch_size):
            runner.submit(batch)
            while len(runner.pending) >= 3 * n_process:
                yield from runner.collect()
        while runner.pending:
            yield from runner.collect()
    finally:
        runner.close()


class _PoolRunner:
    """A process pool that survives the death of a worker (see ``extract_documents``)."""

    def __init__(self, n_process: int, parse_less: bool, batch_size: int):
        self.n_process, self.parse_less, self.batch_size = n_process, parse_less, batch_size
        self.ctx = mp.get_context("forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn")
        self.pool = self._new_pool()
        self.pending: dict[Future, list[tuple[str, str]]] = {}

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.n_process, mp_context=self.ctx, initializer=limit_blas_threads)

    def _replace_pool(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._new_pool()

    def submit(self, batch: list[tuple[str, str]]) -> None:
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
