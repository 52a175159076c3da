"""The Ray engine on a running cluster (a local head started by the test with ``ray start --head``),
through the incremental path: two batches into one store give what the local engine gives."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from claimgraph.analysis import Analysis
from claimgraph.options import ExtractOptions, Options, StoreOptions
from claimgraph.pipeline import Pipeline
from claimgraph.store import Store

pytestmark = pytest.mark.model

BATCH_1 = [
    {
        "id": "tide-1",
        "outlet": "Kell Courier",
        "published": "2030-04-01",
        "title": "Storm tide floods Kell harbour",
        "text": "A storm tide flooded Kell harbour on Monday. The harbour master said 40 boats were damaged "
        "and about 300 people left the quay streets.",
    },
    {
        "id": "tide-2",
        "outlet": "Islands Post",
        "published": "2030-04-01",
        "title": "Kell harbour flooded by storm tide",
        "text": "Kell harbour flooded in a storm tide. The harbour master said 60 boats were damaged, and the "
        "council said some 300 people left the quay streets.",
    },
]
BATCH_2 = [
    {
        "id": "tide-3",
        "outlet": "Sound Weekly",
        "published": "2030-04-02",
        "title": "Kell harbour clean-up after storm tide",
        "text": "The clean-up of Kell harbour began after the storm tide. The harbour master said 40 boats were "
        "damaged, and the insurers said repairs would cost 2 million euros.",
    },
    {
        "id": "mill-1",
        "outlet": "Kell Courier",
        "published": "2030-04-03",
        "title": "Old mill reopens as a museum",
        "text": "The old mill at Tarn reopened as a museum on Wednesday. The trust said 1,200 visitors came "
        "on the first day.",
    },
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def ray_head():
    """A Ray head on this machine (2 CPUs), started for this module and stopped with it: the
    process group of its ``ray start --block`` only, never other Ray instances."""
    pytest.importorskip("ray", exc_type=ImportError)
    pytest.importorskip("ray.data", exc_type=ImportError)
    exe = Path(sys.executable).with_name("ray")
    if not exe.exists():
        pytest.skip("no ray command beside this Python")
    tmp = tempfile.mkdtemp(prefix="cg-rh-")  # short: Ray's socket paths must stay under 108 bytes
    env = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0", "RAY_AUTH_MODE": "disabled"}
    env.pop("RAY_ADDRESS", None)
    port = free_port()
    proc = subprocess.Popen(
        [
            str(exe),
            "start",
            "--head",
            "--block",
            f"--port={port}",
            "--num-cpus=2",
            "--include-dashboard=false",
            f"--temp-dir={tmp}",
            "--disable-usage-stats",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    address = f"127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:  # the head is up when its GCS port answers
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.skip("the Ray head did not start")
                time.sleep(1)
        old = {k: os.environ.get(k) for k in ("RAY_USAGE_STATS_ENABLED", "RAY_AUTH_MODE")}
        os.environ.update({"RAY_USAGE_STATS_ENABLED": "0", "RAY_AUTH_MODE": "disabled"})
        yield address
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    finally:
        os.killpg(proc.pid, signal.SIGTERM)  # the head and what it started, in its own session
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        shutil.rmtree(tmp, ignore_errors=True)


def analyse(db: Path, extract: ExtractOptions) -> str:
    """Two batches into one store; the analysis JSON of both."""
    ids: list[str] = []
    for batch in (BATCH_1, BATCH_2):
        with Store(db) as store:
            run_ids, stats = Pipeline(store, Options(store=StoreOptions(db=str(db)), extract=extract)).run(
                batch
            )
            assert stats.extracted == len(batch)
            ids += run_ids
    with Store(db) as store:
        return json.dumps(Analysis.from_store(store, ids).to_json(), sort_keys=True)


def test_ray_cluster_runs_the_incremental_path_like_local(ray_head, tmp_path):
    import ray

    local = analyse(tmp_path / "local.db", ExtractOptions(n_process=1, batch_size=2))
    remote = analyse(tmp_path / "ray.db", ExtractOptions(engine="ray", ray_address=ray_head, batch_size=2))
    assert not ray.is_initialized()  # the run disconnected; the cluster stays up
    assert remote == local
    data = json.loads(local)
    assert any(c["verdict"] for c in data["comparisons"]) and len(data["documents"]) == 4
