"""The stages in one direction: read → clean → dedup → extract → link → store.

Each stage reads what the previous one committed to the store, so an interrupted run resumes:
documents already extracted are not parsed again, and nothing committed is lost.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .clean.corpus import outlet_key
from .clean.dates import normalize_date
from .clean.decode import decode_bytes
from .clean.html import extract_html
from .clean.text import clean_text
from .dedup import Deduplicator
from .limits import LimitExceeded, call_with_timeout, check_text_length
from .model import Article, RawDoc, ReadError
from .options import Options
from .read import Fetcher, iter_sources
from .store import Store
from .store.fetch_state import BufferedFetchState
from .store.outlet_stats import done_pending, learn_pending

if TYPE_CHECKING:
    from .extract.run import ParsePool

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int | None], None]  # (stage, done, total)
DEDUP_CHUNK = 256  # documents per deduplication transaction
CLEAN_AHEAD = 64  # documents read ahead of the one being stored while workers clean them


@dataclass
class RunStats:
    read: int = 0
    new: int = 0
    unchanged: int = 0
    failed: int = 0
    duplicates: int = 0
    extracted: int = 0
    claims: int = 0
    errors: list[ReadError] = field(default_factory=list)


def raw_hash(content: bytes | str) -> str:
    data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
    return hashlib.sha1(data).hexdigest()


def clean_raw(raw: RawDoc, max_chars: int | None = None) -> tuple[Article, str]:
    """Decode and clean one input document into an Article (text not yet deduplicated).

    Raises ``LimitExceeded`` when the text is longer than ``max_chars`` (checked before cleaning).
    """
    title, author, outlet, url, published = raw.title, raw.author, raw.outlet, raw.url, raw.published
    if raw.kind == "html":
        ex = extract_html(raw.content, raw.url)
        text, encoding = ex.text, "html"
        check_text_length(text, max_chars, "extracted text")
        raw_text = raw.content if isinstance(raw.content, str) else decode_bytes(raw.content)[0]
        title, author = title or ex.title, author or ex.author
        outlet, url, published = outlet or ex.sitename, url or ex.url, published or ex.published
    else:
        text, encoding = decode_bytes(raw.content)
        check_text_length(text, max_chars)
        raw_text = text
    # clean_text repairs mojibake itself; for HTML, trafilatura has already separated the main text
    # from the page template, so the page-level rules for plain text dumps stay off (extracted=True).
    res = clean_text(text, title=title, author=author, outlet=outlet, url=url, extracted=raw.kind == "html")
    # the date as written is kept beside its ISO form; an impossible or unreadable one ("2017-02-31")
    # leaves the article undated unless the text itself carries a valid date
    published_raw = published or res.published
    published = normalize_date(published) or res.published
    art = Article(id=raw.id, text=res.text, title=res.title or title, outlet=res.outlet or outlet,
                  author=res.author or author, published=published, published_raw=published_raw, url=url,
                  source=raw.source, raw=raw_text, kind=raw.kind, removed=list(res.removed))
    return art, encoding


def clean_outcome(raw: RawDoc, timeout: float | None, max_chars: int | None) -> tuple[str, Any]:
    """``clean_raw`` under the per-document time limit, its failure as a value, not an exception.

    ``("ok", (article, encoding))``, ``("limit", message)`` or ``("error", message)``: the same in
    the main process and in a pool worker, whose exceptions might not survive pickling.
    """
    try:
        return "ok", call_with_timeout(timeout, clean_raw, raw, max_chars)
    except LimitExceeded as e:  # over a size, depth or time limit: the message says which
        return "limit", str(e)
    except Exception as e:  # one bad document must not stop the batch
        return "error", f"{type(e).__name__}: {e}"


class Pipeline:
    """Runs the stages on a store; the CLI, the Python API and the tests all use this."""

    def __init__(self, store: Store, options: Options | None = None, progress: Progress | None = None):
        self.store = store
        self.options = options or Options()
        store.retry_seconds = self.options.store.retry_seconds  # this run's patience with the store
        self.progress = progress or (lambda stage, done, total: None)
        self.on_error: Callable[[ReadError], None] = lambda e: None
        self.on_info: Callable[[str], None] = lambda line: None  # one-line notes (the CLI prints them)
        self.extracted: list[str] = []  # documents this run extracted (link rebuilds their stories)
        self._overlap = False  # set by run(): ingest may start the parse pool early (see _early_pool)
        self._pool: ParsePool | None = None

    # ------------------------------------------------------------------ read + clean
    def ingest(self, inputs: Iterable[object], stats: RunStats) -> list[str]:
        """Read and clean every input; returns the ids of this run's documents, in input order.

        Documents are cleaned outside any transaction and written a batch at a time, each batch
        (with the fetch state of its URLs) in one short transaction that is retried whole on a
        transient store failure: other processes writing the same store wait milliseconds, not
        for a batch to be fetched and cleaned.
        """
        run_ids: list[str] = []
        seen: set[str] = set()
        batch: list[tuple[Article, dict[str, Any]]] = []
        # one polite HTTP client for the run; its ETags and seen URLs live in the store
        state = BufferedFetchState(self.store)
        fetcher = Fetcher(self.options.read, state)
        # what was read, in input order, waiting for its cleaning (here, or in the parse pool's
        # workers): documents are stored, and errors reported, in input order either way
        queue: deque[tuple[str, Any]] = deque()
        timeout, max_chars = self.options.clean.doc_timeout, self.options.read.max_text_chars
        to_clean = 0

        def write() -> None:
            for art, kw in batch:
                self.store.put_document(art, **kw)
            state.write()

        def flush() -> None:
            if batch or state.pending:
                self.store.atomic(write, f"storing {len(batch)} documents")
                batch.clear()
                state.clear()

        def settle(kind: str, entry: Any) -> None:
            if kind == "error":
                self._error(entry, stats)
                return
            if kind == "unchanged":
                run_ids.append(entry)
                stats.unchanged += 1
                return
            item, h, outcome = entry
            if isinstance(outcome, Future):
                try:
                    outcome = outcome.result()
                except BrokenProcessPool:  # the worker died under this document: clean it here
                    outcome = clean_outcome(item, timeout, max_chars)
            status, value = outcome
            if status == "limit":
                self._error(ReadError(item.source, f"document {item.id!r} skipped: {value}", item.line), stats)
                return
            if status == "error":
                self._error(ReadError(item.source, f"cannot clean document {item.id!r} ({value})", item.line),
                            stats)
                return
            art, encoding = value
            run_ids.append(item.id)
            batch.append((art, {"raw_hash": h, "encoding": encoding, "line": item.line, "extra": item.extra}))
            state.pending_documents.add(art.id)
            stats.new += 1
            if len(batch) >= self.options.extract.batch_size:
                flush()
            self.progress("read", stats.read, None)

        def drain(keep: int) -> None:
            while len(queue) > keep:
                settle(*queue.popleft())

        try:
            for item in iter_sources(inputs, self.options.read, fetcher):
                if isinstance(item, ReadError):
                    queue.append(("error", item))
                    drain(self._ahead)
                    continue
                stats.read += 1
                if item.id in seen:  # two inputs with one id: keep the first, say so
                    queue.append(("error", ReadError(item.source, f"duplicate document id {item.id!r}, skipped",
                                                     item.line)))
                    drain(self._ahead)
                    continue
                seen.add(item.id)
                h = raw_hash(item.content)
                known = self.store.document_status(item.id)
                if known and known[1] == h and known[0] != "cleaned":
                    queue.append(("unchanged", item.id))
                    drain(self._ahead)
                    continue
                to_clean += 1
                pool = self._early_pool(to_clean)
                outcome = pool.call(clean_outcome, item, timeout, max_chars) if pool is not None \
                    else clean_outcome(item, timeout, max_chars)
                queue.append(("clean", (item, h, outcome)))
                drain(self._ahead)
            drain(0)
        except BaseException:
            # interrupted (Ctrl-C, a reader's bug): keep what was read so far, as before; if the
            # store itself failed, writing again fails too and the first error is the one to report
            with contextlib.suppress(Exception):
                flush()
            raise
        flush()
        return run_ids

    @property
    def _ahead(self) -> int:
        """Documents that may wait for their cleaning: none unless workers clean them."""
        return CLEAN_AHEAD if self._pool is not None else 0

    def _early_pool(self, to_clean: int) -> ParsePool | None:
        """The parse pool, started once this run has more to clean than one batch.

        Only inside ``run`` (which closes it), with the local engine and more than one worker:
        the workers clean while the main process reads, load the pipeline while it
        deduplicates, and parse from the first batch on. A smaller run starts no pool here,
        as ``auto_workers`` would keep it in one process.
        """
        opts = self.options.extract
        if self._pool is not None or not self._overlap or opts.engine == "ray" or opts.n_process == 1 \
                or to_clean <= opts.batch_size:
            return self._pool
        from .engine.workers import auto_workers
        from .extract.run import ParsePool

        n_process = opts.n_process or auto_workers()
        if n_process > 1:
            self._pool = ParsePool(n_process, opts.batch_size)
        return self._pool

    def _close_pool(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.close()

    def _error(self, err: ReadError, stats: RunStats) -> None:
        stats.failed += 1
        stats.errors.append(err)
        self.on_error(err)

    # ------------------------------------------------------------------ corpus boilerplate + dedup
    def dedup(self, stats: RunStats) -> None:
        """Strip boilerplate that recurs across an outlet's articles, then mark duplicates.

        One process at a time (the store's stage lock): each compares its new documents with every
        one deduplicated before, including those another process wrote a moment ago.
        """
        with self.store.exclusive():
            self.store.retry(lambda: self._dedup(stats), "deduplicating")

    def _dedup(self, stats: RunStats) -> None:
        """Deduplicate every document still 'cleaned' (any process's)."""
        todo = self.store.document_ids(status="cleaned")
        if not todo:
            return
        # earlier documents are looked up in the store's near-duplicate index, not loaded
        dd = Deduplicator(self.options.clean.dedup_threshold, known=self.store)
        # the outlet statistics of every article so far, kept in the store: this batch is counted
        # in (once, even over a resumed run) and judged against them without reading older articles
        learner = self.store.atomic(lambda: learn_pending(self.store, ((a.id, outlet_key(a), a.text) for a in
                                                                       self.store.documents(todo, with_claims=False))),
                                    "counting outlet lines")
        # computed outside the transaction and written a chunk at a time: other processes storing
        # documents wait for a short write, not for the whole corpus to be compared
        for start in range(0, len(todo), DEDUP_CHUNK):
            updates, duplicates = [], 0
            for i, doc_id in enumerate(todo[start:start + DEDUP_CHUNK], start + 1):
                art = self.store.get_document(doc_id, with_claims=False)
                if art is None:  # replaced or removed by another run since the list was read
                    continue
                text, removed = learner.strip(outlet_key(art), art.text)
                dup, chash, sig = dd.check(doc_id, text)
                duplicates += dup is not None
                updates.append((doc_id, text, art.removed + removed, chash, dup, sig, art.outlet))
                self.progress("dedup", i, len(todo))
            with self.store.transaction():
                for update in updates:
                    self.store.update_text(*update)
                    self.store.set_status(update[0], "deduped")
                if start + DEDUP_CHUNK >= len(todo):  # the last chunk: every counted document is done
                    done_pending(self.store)
            stats.duplicates += duplicates  # counted once committed (a retry goes on from there)

    # ------------------------------------------------------------------ extract
    def extract(self, stats: RunStats, first: Iterable[str] = ()) -> None:
        """Parse every deduplicated document and store its claims, ``first`` (this run's) first.

        Several processes on one store each take their own documents first and then what is left;
        a document is parsed only while it is still waiting (another run may have done it since
        the list was read), and its claims are stored only if its text is still the one parsed.
        """
        from .extract.result import ExtractionResult
        from .extract.run import extract_documents
        from .link.mention_cache import mention_row
        from .store import document_mentions

        waiting = self.store.document_ids(status="deduped")
        if not waiting:
            return
        pending = set(waiting)
        todo = [d for d in dict.fromkeys(first) if d in pending]
        mine = set(todo)
        todo += [d for d in waiting if d not in mine]
        done = 0
        opts = self.options.extract
        hashes: dict[str, str] = {}
        # a document's text and date while it is parsed, to build its link mentions beside the
        # parse (the link stage then reads them instead of building them after it)
        texts: dict[str, tuple[str, str | None]] = {}
        mentions = self.options.link.compare if self.options.link.enabled else None

        def items() -> Iterator[tuple[str, str]]:
            for doc_id in todo:
                known = self.store.document_status(doc_id)
                if known is None or known[0] != "deduped":
                    continue
                art = self.store.get_document(doc_id, with_claims=False)
                if art is not None:
                    hashes[art.id] = art.content_hash
                    if mentions is not None:
                        texts[art.id] = (art.text, art.published)
                    yield art.id, art.text

        pool = None
        if opts.engine == "ray":  # Ray Data actors; n_process > 1 sets how many
            from .engine.ray import extract_documents_ray

            results = extract_documents_ray(items(), batch_size=opts.batch_size,
                                            num_workers=opts.n_process if opts.n_process > 1 else None,
                                            parse_less=opts.parse_less, address=opts.ray_address)
        else:
            from .engine.workers import auto_workers, describe

            # 0: as many as the CPUs and the memory budget allow (never more than the batches)
            n_process = opts.n_process or auto_workers(len(todo), opts.batch_size)
            self.on_info(describe(n_process, explicit=bool(opts.n_process)))
            pool, self._pool = self._pool, None  # started by ingest: used if it is the right size
            if pool is not None and pool.n_process != n_process:
                pool.close()
                pool = None
            results = extract_documents(items(), batch_size=opts.batch_size, n_process=n_process,
                                        parse_less=opts.parse_less, pool=pool, total=len(todo))
        try:
            for result in results:
                done += 1
                chash = hashes.pop(result.doc_id, "")
                text, published = texts.pop(result.doc_id, ("", None))
                if result.failure is not None:  # reported, kept as a failed document
                    self.store.atomic(lambda r=result, h=chash: self.store.put_extraction(r.doc_id, h, None),
                                      "marking a document failed")
                    self._error(ReadError(result.doc_id, f"cannot extract claims ({result.failure})"), stats)
                    continue
                row = None
                if mentions is not None and text:
                    try:
                        row = mention_row(Article(id=result.doc_id, text=text, published=published,
                                                  content_hash=chash, claims=result.claims), mentions)
                    except Exception:  # noqa: BLE001 - the link stage builds them again and reports what fails
                        row = None

                def put(r: ExtractionResult = result, h: str = chash, k: tuple[str, str, str] | None = row) -> bool:
                    done = self.store.put_extraction(r.doc_id, h, r.claims, r.entities)
                    if done and k is not None and document_mentions.available(self.store):
                        document_mentions.keep(self.store, [k])
                    return done

                if self.store.atomic(put, "storing claims"):
                    self.extracted.append(result.doc_id)
                    stats.extracted += 1
                    stats.claims += len(result.claims)
                self.progress("extract", done, len(todo))
        finally:
            # close the parse pool here, in this thread: left to the garbage collector after a
            # store error, it would be shut down from the pool's own manager thread and fail
            close = getattr(results, "close", None)
            if close is not None:
                close()
            if pool is not None:  # a generator never started closes nothing (closing twice is safe)
                pool.close()

    # ------------------------------------------------------------------ link
    def link(self) -> None:
        """Stories and comparisons over the whole store (one process at a time, see ``dedup``)."""
        from .link.run import link_store

        with self.store.exclusive():
            self.store.retry(lambda: link_store(self.store, self.options.link, updated=self.extracted,
                                                workers=self._link_workers()),
                             "linking stories")

    def _link_workers(self) -> int:
        """Processes the link stage may compare in: as many as ``-j N`` asks for, else 0 (as many
        as memory allows beside the main process when the comparisons start: see
        ``engine.workers.link_workers``)."""
        return max(0, self.options.extract.n_process)

    def run(self, inputs: Iterable[object]) -> tuple[list[str], RunStats]:
        """Every stage on ``inputs``; returns this run's document ids and its counts.

        With the local engine and several workers, the parse pool starts during ingest: the
        workers clean documents while the main process reads them, and load the pipeline while
        it deduplicates (the store sees the same writes in the same order as stage by stage).
        """
        stats = RunStats()
        self._overlap = True
        try:
            run_ids = self.ingest(inputs, stats)
            if self._pool is not None:
                self._pool.warm()
            self.dedup(stats)
            self.extract(stats, first=run_ids)
        finally:
            self._overlap = False
            self._close_pool()
        # link and speakers under one hold of the lock: the speakers follow these stories
        with self.store.exclusive():
            if self.options.link.enabled:
                self.link()
            self.speakers()
        return run_ids, stats

    # ------------------------------------------------------------------ speakers
    def speakers(self) -> None:
        """Speaker entities across the store (after the stories: they scope descriptions)."""
        from .speakers.run import resolve_store

        with self.store.exclusive():
            self.store.retry(lambda: resolve_store(self.store), "resolving speakers")
