"""The Ray engine gives exactly what the local engine gives (a local Ray instance; skipped without Ray)."""

from __future__ import annotations

import json
import os
import shutil
import tempfile

import pytest

from claimgraph.analysis import Analysis
from claimgraph.engine import check_engine
from claimgraph.extract.run import extract_documents
from claimgraph.options import ExtractOptions, Options, StoreOptions
from claimgraph.pipeline import Pipeline
from claimgraph.store import Store

TEXTS = [
    ("gazette/1", "Mayor Lina Osei said 120 homes were flooded on Tuesday. \"We need 3 more pumps,\" she said."),
    ("gazette/2", ""),
    ("wire 2", "The river rose by 2.5 metres, according to the Kelvale water board. Crews stayed overnight."),
    ("post-3", "Nobody spoke. The bakery sold bread."),
    ("post-4", "Some 2,100 residents left, officials said. Zoë Brandt, a nurse, said the gym was full."),
]


def test_unknown_engine_is_refused_early():
    with pytest.raises(ValueError, match="unknown engine"):
        check_engine("spark")
    check_engine("local")


@pytest.fixture(scope="module")
def ray_local():
    """A local two-CPU Ray instance for this module, offline and without a dashboard."""
    ray = pytest.importorskip("ray", exc_type=ImportError)  # absent, or installed but broken
    pytest.importorskip("ray.data", exc_type=ImportError)
    tmp = tempfile.mkdtemp(prefix="cg-ray-")  # short: Ray's socket paths must stay under 108 bytes
    env = {"RAY_USAGE_STATS_ENABLED": "0", "RAY_AUTH_MODE": "disabled", "RAY_TMPDIR": tmp}
    old = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    os.environ.pop("RAY_ADDRESS", None)
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        yield ray
    finally:
        ray.shutdown()
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        shutil.rmtree(tmp, ignore_errors=True)


@pytest.mark.model
def test_ray_extraction_equals_local(ray_local, monkeypatch):
    from claimgraph.engine import ray as engine

    monkeypatch.setattr(engine, "WINDOW", 3)  # two Ray datasets: windows join up seamlessly
    local = list(extract_documents(TEXTS, batch_size=2))
    remote = list(engine.extract_documents_ray(iter(TEXTS), batch_size=2, num_workers=2))
    assert [r.doc_id for r in remote] == [d for d, _ in TEXTS]
    assert remote == local
    assert sum(len(r.claims) for r in remote) >= 3 and any(c.quantities for r in remote for c in r.claims)
    assert ray_local.is_initialized()  # a Ray it did not start is left running
    # the parse-less option reaches the actors too
    assert list(engine.extract_documents_ray(TEXTS, batch_size=8, parse_less=True)) == \
        list(extract_documents(TEXTS, batch_size=8, parse_less=True))


@pytest.mark.model
def test_pipeline_with_ray_engine_writes_the_same_store(ray_local, examples_dir, tmp_path):
    out = {}
    for engine in ("local", "ray"):
        db = str(tmp_path / f"{engine}.db")
        with Store(db) as store:
            run_ids, stats = Pipeline(store, Options(store=StoreOptions(db=db),
                                                       extract=ExtractOptions(engine=engine, batch_size=4))).run([str(examples_dir)])
            assert stats.extracted == len(run_ids) > 0
            out[engine] = json.dumps(Analysis.from_store(store, run_ids).to_json(), sort_keys=True)
    assert out["ray"] == out["local"]
