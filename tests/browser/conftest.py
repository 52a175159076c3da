"""Browser tests: the real uvicorn server on a free loopback port, driven by Debian's chromium.

Everything here is skipped cleanly when /usr/bin/chromium (or Playwright) is missing. Never
``playwright install``: the browser is the system one.
"""

from __future__ import annotations

import importlib.util
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
HAVE_PLAYWRIGHT = all(importlib.util.find_spec(m) for m in ("playwright", "pytest_playwright"))

if not HAVE_PLAYWRIGHT:  # without the plugin its fixtures do not exist: do not even collect
    collect_ignore_glob = ["test_*.py"]


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args():
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium (apt-get install chromium)")
    return {"executable_path": str(CHROMIUM),
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--disable-component-update", "--no-first-run"]}


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """``claimgraph``'s app under uvicorn in a thread, on a socket bound to 127.0.0.1:0."""
    import uvicorn

    from claimgraph.web.app import create_app
    from web_store import build_store

    db = build_store(tmp_path_factory.mktemp("browser") / "web.db")
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
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="session")
def base_url(live_server):
    """pytest-playwright gives pages this base URL, so tests can ``page.goto("/")``."""
    return live_server
