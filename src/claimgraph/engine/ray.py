"""Per-document extraction on Ray Data: the same claims as the local engine, on many machines.

``extract_documents_ray`` is a drop-in for ``claimgraph.extract.run.extract_documents``: the
texts go through ``ray.data.from_items(...).map_batches(ExtractorActor, ...)``, where each actor
loads the spaCy pipeline once and runs ``extract_doc`` on every text; the claims come back to the
caller, in input order, and the caller stores them as the local engine would.

Without ``RAY_ADDRESS`` a local Ray instance is started (and stopped at the end); with it, the
work goes to that cluster, whose nodes need claimgraph and its spaCy model installed.
"""

from __future__ import annotations

import logging
import math
import os
import pickle
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..extract.result import ExtractionResult

# Offline and quiet: no usage statistics, no token auth for a local instance, no dashboard.
RAY_ENV_DEFAULTS = {"RAY_USAGE_STATS_ENABLED": "0", "RAY_AUTH_MODE": "disabled"}
WINDOW = 5000  # documents handed to Ray at once: bounds the driver's memory on big stores


class RayUnavailable(RuntimeError):
    """Ray is not installed (``pip install 'claimgraph[ray]'``)."""


def _enc(s: str) -> bytes:
    # Arrow columns hold only valid UTF-8; a lone surrogate must still survive the round trip.
    return s.encode("utf-8", "surrogatepass")


def _dec(b: Any) -> str:
    return bytes(b).decode("utf-8", "surrogatepass")


class ExtractorActor:
    """One Ray actor: loads the spaCy pipeline once, then extracts claims batch after batch.

    Each batch goes through ``claimgraph.extract.run.extract_batch`` (``nlp.pipe`` then
    ``extract_doc`` on every text), exactly what the local engine runs on its batches.
    """

    def __init__(self, parse_less: bool = False) -> None:
        from ..extract.nlp import limit_blas_threads, load_nlp

        limit_blas_threads()  # Ray runs one actor per CPU
        load_nlp()  # cached for this actor's lifetime: every batch reuses it
        self.parse_less = parse_less

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        from ..extract.run import extract_batch

        items = [(_dec(i), _dec(t)) for i, t in zip(batch["doc_id"], batch["text"], strict=True)]
        # one Ray batch is one nlp.pipe batch, as --batch-size is for the local engine
        out = extract_batch(items, parse_less=self.parse_less, batch_size=max(1, len(items)))
        return {"doc_id": [_enc(r.doc_id) for r in out],
                "result": [pickle.dumps(r, protocol=pickle.HIGHEST_PROTOCOL) for r in out]}


def ray_available() -> bool:
    """Whether Ray Data can be imported here."""
    try:
        import ray.data  # noqa: F401
    except ImportError:
        return False
    return True


def _start_ray(num_workers: int | None, address: str | None = None) -> bool:
    """Connect to ``address`` (or ``RAY_ADDRESS``) or start a local instance; True when this call
    started Ray (or connected to a cluster), and so must shut its connection down."""
    import ray

    if ray.is_initialized():
        return False
    for key, value in RAY_ENV_DEFAULTS.items():
        os.environ.setdefault(key, value)
    if address:  # a running cluster: its head's address; the cluster's CPUs decide the actors
        ray.init(address=address, log_to_driver=False, logging_level=logging.WARNING)
    elif os.environ.get("RAY_ADDRESS"):
        ray.init(log_to_driver=False, logging_level=logging.WARNING)  # ray.init reads RAY_ADDRESS itself
    else:
        ray.init(num_cpus=num_workers or os.cpu_count() or 1, include_dashboard=False, log_to_driver=False,
                 logging_level=logging.WARNING)
    return True


def _quiet_data_context() -> Any:
    import ray.data

    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True  # claims come back in input order, like the local engine
    ctx.enable_progress_bars = False
    ctx.print_on_execution_start = False
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    logging.getLogger("ray.data._internal.progress").setLevel(logging.ERROR)  # "progress bars disabled"
    return ctx


def _pool_size(num_workers: int | None) -> int:
    """Actors to run: ``num_workers``, or one per CPU of the cluster (never more than it has)."""
    import ray

    cpus = max(1, int(ray.cluster_resources().get("CPU", 1)))
    return max(1, min(num_workers or cpus, cpus))


def extract_documents_ray(items: Iterable[tuple[str, str]], *, batch_size: int = 32,
                          num_workers: int | None = None, parse_less: bool = False,
                          address: str | None = None) -> Iterator[ExtractionResult]:
    """``(doc_id, text)`` in, an ``ExtractionResult`` per document out, in input order, extracted
    by Ray actors.

    ``batch_size`` documents go to an actor at a time (and through ``nlp.pipe`` together);
    ``num_workers`` actors each hold one spaCy pipeline (default: one per CPU of the cluster).
    ``parse_less`` is passed on to ``extract_batch``. ``address`` is a running cluster's (as
    ``ray start --head`` prints it); without it ``RAY_ADDRESS``, else a local instance. The output is the same as
    ``extract_documents`` gives for the same input and options (a result with its ``failure``
    for a document whose extraction failed).
    """
    try:
        import ray
        import ray.data
    except ImportError as e:
        raise RayUnavailable("the ray engine needs Ray Data: pip install 'claimgraph[ray]'") from e
    started = _start_ray(num_workers, address)
    try:
        _quiet_data_context()
        size = _pool_size(num_workers)
        it = iter(items)
        while window := list(islice(it, WINDOW)):
            rows = [{"doc_id": _enc(doc_id), "text": _enc(text)} for doc_id, text in window]
            blocks = max(1, math.ceil(len(rows) / batch_size))
            ds = ray.data.from_items(rows, override_num_blocks=blocks)
            ds = ds.map_batches(ExtractorActor, fn_constructor_kwargs={"parse_less": parse_less},
                                compute=ray.data.ActorPoolStrategy(size=min(size, blocks)),
                                batch_size=batch_size)
            expected = iter(doc_id for doc_id, _ in window)
            for row in ds.iter_rows():
                doc_id = _dec(row["doc_id"])
                if doc_id != next(expected):
                    raise RuntimeError(f"Ray returned {doc_id!r} out of order")
                yield pickle.loads(bytes(row["result"]))
    finally:
        if started:
            ray.shutdown()
