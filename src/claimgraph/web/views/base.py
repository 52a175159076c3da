"""What every page shares: the per-request store, HTML-or-JSON responses, URLs, 404s.

Each page builds one plain ``data`` dict. ``?format=json`` (or ``Accept: application/json``)
returns it as JSON; otherwise it is rendered with the page's Jinja2 template (autoescape on).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any
from urllib.parse import quote, urlencode

import jinja2
from fastapi import Request
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates

from ...present.markup import claim_anchor, safe_http_url
from ...store import Store

PER_PAGE = 50
MAX_QUERY = 200  # longest search string or name accepted in a URL


class NotFound(Exception):
    """An unknown id: answered with a 404 page (or 404 JSON), never a traceback."""

    def __init__(self, what: str, key: str):
        super().__init__(f"{what} not found")
        self.what, self.key = what, key


def get_store(request: Request) -> Iterator[Store]:
    """A read-only connection for this request (sqlite3 connections are not shared across threads)."""
    store = Store(request.app.state.db_path, readonly=True)
    try:
        yield store
    finally:
        store.close()


def wants_json(request: Request) -> bool:
    fmt = request.query_params.get("format", "").lower()
    if fmt:
        return fmt == "json"
    accept = request.headers.get("accept", "")
    return accept.startswith("application/json") and "text/html" not in accept


# ---------------------------------------------------------------- URLs (every id is percent-encoded)
@lru_cache(maxsize=8192)
def _quoted(key: str) -> str:
    # a story page links each article once per claim and figure: quote each id once
    return quote(key, safe="")


def doc_url(doc_id: str, claim_id: str | None = None) -> str:
    """The article page; with ``claim_id``, a fragment that scrolls to and highlights the claim."""
    url = "/doc/" + _quoted(doc_id)
    return url + "#" + claim_anchor(claim_id) if claim_id else url


def story_url(story_id: str) -> str:
    return "/story/" + _quoted(story_id)


def speaker_url(name: str | None = None, speaker_id: str | None = None) -> str:
    """A speaker entity's page (by id), or the page of a speaker name (an older store)."""
    return "/speaker?" + urlencode({"id": speaker_id} if speaker_id else {"name": name or ""})


def explain_url(claim_a: str, claim_b: str) -> str:
    """The page that says why two claims' figures agree, conflict, or were not compared."""
    return "/explain?" + urlencode({"a": claim_a, "b": claim_b})


def page_url(request: Request, **changes: Any) -> str:
    """The current URL with some query parameters changed (None removes one)."""
    params = dict(request.query_params)
    for k, v in changes.items():
        if v is None:
            params.pop(k, None)
        else:
            params[k] = str(v)
    return request.url.path + ("?" + urlencode(params) if params else "")


_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def day(value: str | None) -> str:
    """A publication date as a day when it is ISO, else as written (shortened)."""
    if not value:
        return ""
    m = _ISO_DAY.match(value)
    return m.group(0) if m else value[:25]


def num(value: Any) -> str:
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}"
    return f"{int(value):,}" if isinstance(value, int | float) else str(value)


def _environment() -> jinja2.Environment:
    # autoescape for every template, whatever its extension
    env = jinja2.Environment(loader=jinja2.PackageLoader("claimgraph", "web/templates"), autoescape=True,
                             trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    env.globals.update(doc_url=doc_url, story_url=story_url, speaker_url=speaker_url, page_url=page_url,
                       explain_url=explain_url,
                       claim_anchor=claim_anchor, safe_http_url=safe_http_url)
    env.filters.update(day=day, num=num)
    return env


templates = Jinja2Templates(env=_environment())


def respond(request: Request, template: str, data: dict[str, Any], status_code: int = 200,
            **context: Any) -> Response:
    """``data`` as JSON, or the page rendered from ``template`` with ``data`` and ``context``."""
    if wants_json(request):
        return JSONResponse(data, status_code=status_code)
    return templates.TemplateResponse(request, template, {"data": data, **context}, status_code=status_code)


def pages(total: int, page: int, per_page: int = PER_PAGE, request: Request | None = None) -> dict[str, Any]:
    """Where a paginated list is: page number, size, total and number of pages; with ``request``,
    the URLs of the next and previous pages too (None at either end; ``?format=json`` is kept)."""
    n = max(1, -(-total // per_page))
    out: dict[str, Any] = {"page": page, "per_page": per_page, "total": total, "pages": n}
    if request is not None:
        out["next"] = page_url(request, page=page + 1) if page < n else None
        out["prev"] = page_url(request, page=min(page - 1, n)) if page > 1 else None
    return out
