"""Start the real claimgraph web server for browser tests (uvicorn in a thread, loopback only)."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def running_server(db: Path):
    """``claimgraph``'s app under uvicorn in a thread, on a socket bound to 127.0.0.1:0."""
    import uvicorn

    from claimgraph.web.app import create_app

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the web server did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


# set CLAIMGRAPH_SCREENSHOTS=DIR to keep a copy of the PNGs (they always go to the test's tmp_path)
SHOTS = os.environ.get("CLAIMGRAPH_SCREENSHOTS")


def screenshot(page, tmp_path: Path, name: str) -> Path:
    """A full-page PNG of ``page`` in ``tmp_path`` (and in $CLAIMGRAPH_SCREENSHOTS when set)."""
    path = tmp_path / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 5_000
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(SHOTS) / path.name)
    return path
