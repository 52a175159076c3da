"""The stages in one direction: read → clean → dedup → extract → link → store.

Each stage reads what the previous one committed to the store, so an interrupted run resumes:
documents already extracted are not parsed again, and nothing committed is lost.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .clean.dates import normalize_date
from .clean.decode import decode_bytes
from .clean.html import extract_html
from .clean.outlet_counts import learn_batch
from .clean.text import clean_text
from .dedup import Deduplicator
from .limits import LimitExceeded, call_with_timeout, check_text_length
from .model import Article, RawDoc, ReadError
from .options import Options
from .read import Fetcher, iter_sources
from .store import Store
from .store.fetch_state import StoreFetchState

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int | None], None]  # (stage, done, total)


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


def outlet_key(art: Article) -> str:
    if art.outlet:
        return art.outlet.lower()
    if art.url:
        from urllib.parse import urlsplit

        return urlsplit(art.url).netloc.lower().removeprefix("www.")
    return ""


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


class Pipeline:
    """Runs the stages on a store; the CLI, the Python API and the tests all use this."""

    def __init__(self, store: Store, options: Options | None = None, progress: Progress | None = None):
        self.store = store
        self.options = options or Options()
        self.progress = progress or (lambda stage, done, total: None)
        self.on_error: Callable[[ReadError], None] = lambda e: None
        self.on_info: Callable[[str], None] = lambda line: None  # one-line notes (the CLI prints them)
        self.extracted: list[str] = []  # documents this run extracted (link rebuilds their stories)

    # ------------------------------------------------------------------ read + clean
    def ingest(self, inputs: Iterable[object], stats: RunStats) -> list[str]:
        """Read and clean every input; returns the ids of this run's documents, in input order."""
        run_ids: list[str] = []
        seen: set[str] = set()
        pending = 0
        self.store.begin()
        try:
            # one polite HTTP client for the run; its ETags and seen URLs live in the store
            fetcher = Fetcher(self.options.read, StoreFetchState(self.store))
            for item in iter_sources(inputs, self.options.read, fetcher):
                if isinstance(item, ReadError):
                    self._error(item, stats)
                    continue
                stats.read += 1
                if item.id in seen:  # two inputs with one id: keep the first, say so
                    self._error(ReadError(item.source, f"duplicate document id {item.id!r}, skipped",
                                          item.line), stats)
                    continue
                seen.add(item.id)
                run_ids.append(item.id)
                h = raw_hash(item.content)
                known = self.store.document_status(item.id)
                if known and known[1] == h and known[0] != "cleaned":
                    stats.unchanged += 1
                    continue
                try:
                    art, encoding = call_with_timeout(self.options.clean.doc_timeout, clean_raw, item,
                                                      self.options.read.max_text_chars)
                except LimitExceeded as e:  # over a size, depth or time limit: the message says which
                    run_ids.pop()
                    self._error(ReadError(item.source, f"document {item.id!r} skipped: {e}", item.line), stats)
                    continue
                except Exception as e:  # one bad document must not stop the batch
                    run_ids.pop()
                    self._error(ReadError(item.source, f"cannot clean document {item.id!r} "
                                                       f"({type(e).__name__}: {e})", item.line), stats)
                    continue
                self.store.put_document(art, raw_hash=h, encoding=encoding, line=item.line,
                                        extra=item.extra)
                stats.new += 1
                pending += 1
                if pending >= self.options.extract.batch_size:
                    self.store.commit()
                    self.store.begin()
                    pending = 0
                self.progress("read", stats.read, None)
        finally:
            self.store.commit()
        return run_ids

    def _error(self, err: ReadError, stats: RunStats) -> None:
        stats.failed += 1
        stats.errors.append(err)
        self.on_error(err)

    # ------------------------------------------------------------------ corpus boilerplate + dedup
    def dedup(self, stats: RunStats) -> None:
        """Strip boilerplate that recurs across an outlet's articles, then mark duplicates."""
        todo = self.store.document_ids(status="cleaned")
        if not todo:
            return
        dd = Deduplicator(self.options.clean.dedup_threshold)
        for doc_id, chash, sig in self.store.known_signatures():
            dd.add_known(doc_id, chash, sig)
        with self.store.transaction():
            # the outlet statistics of every article so far, kept in the store: this batch is
            # counted in and judged against them without reading the older articles again
            learner = learn_batch(self.store, ((outlet_key(a), a.text)
                                               for a in self.store.documents(todo, with_claims=False)))
            for i, art in enumerate(self.store.documents(todo, with_claims=False), 1):
                doc_id = art.id
                text, removed = learner.strip(outlet_key(art), art.text)
                dup, chash, sig = dd.check(doc_id, text)
                stats.duplicates += dup is not None
                self.store.update_text(doc_id, text, art.removed + removed, chash, dup, sig, art.outlet)
                self.store.set_status(doc_id, "deduped")
                self.progress("dedup", i, len(todo))

    # ------------------------------------------------------------------ extract
    def extract(self, stats: RunStats) -> None:
        from .extract.run import extract_documents

        todo = self.store.document_ids(status="deduped")
        if not todo:
            return
        done = 0
        opts = self.options.extract
        items = ((a.id, a.text) for a in self.store.documents(todo, with_claims=False))
        if opts.engine == "ray":  # Ray Data actors; n_process > 1 sets how many
            from .engine.ray import extract_documents_ray

            results = extract_documents_ray(items, batch_size=opts.batch_size,
                                            num_workers=opts.n_process if opts.n_process > 1 else None,
                                            parse_less=opts.parse_less, address=opts.ray_address)
        else:
            from .engine.workers import auto_workers, describe

            # 0: as many as the CPUs and the memory budget allow (never more than the batches)
            n_process = opts.n_process or auto_workers(len(todo), opts.batch_size)
            self.on_info(describe(n_process, explicit=bool(opts.n_process)))
            results = extract_documents(items, batch_size=opts.batch_size, n_process=n_process,
                                        parse_less=opts.parse_less)
        for result in results:
            done += 1
            if result.failure is not None:  # reported, kept as a failed document
                with self.store.transaction():
                    self.store.set_status(result.doc_id, "failed")
                self._error(ReadError(result.doc_id, f"cannot extract claims ({result.failure})"), stats)
                continue
            with self.store.transaction():
                self.store.put_claims(result.doc_id, result.claims)
                self.store.put_entities(result.doc_id, result.entities)
                self.store.set_status(result.doc_id, "extracted")
            self.extracted.append(result.doc_id)
            stats.extracted += 1
            stats.claims += len(result.claims)
            self.progress("extract", done, len(todo))

    # ------------------------------------------------------------------ link
    def link(self) -> None:
        from .link.run import link_store

        link_store(self.store, self.options.link, updated=self.extracted)

    def run(self, inputs: Iterable[object]) -> tuple[list[str], RunStats]:
        stats = RunStats()
        run_ids = self.ingest(inputs, stats)
        self.dedup(stats)
        self.extract(stats)
        if self.options.link.enabled:
            self.link()
        self.speakers()
        return run_ids, stats

    # ------------------------------------------------------------------ speakers
    def speakers(self) -> None:
        """Speaker entities across the store (after the stories: they scope descriptions)."""
        from .speakers.run import resolve_store

        resolve_store(self.store)
