"""Browser tests: the real uvicorn server on a free loopback port, driven by Debian's chromium.

Everything here is skipped cleanly when /usr/bin/chromium (or Playwright) is missing. Never
``playwright install``: the browser is the system one.
"""

from __future__ import annotations

import importlib.util
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
    """The server over the fictional web fixture store."""
    from live import running_server

    from web_store import build_store

    with running_server(build_store(tmp_path_factory.mktemp("browser") / "web.db")) as url:
        yield url


@pytest.fixture(scope="session")
def base_url(live_server):
    """pytest-playwright gives pages this base URL, so tests can ``page.goto("/")``."""
    return live_server
