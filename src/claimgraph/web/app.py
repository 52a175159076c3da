"""The web UI: ``create_app(db_path)`` is the one factory the CLI, the tests and the benchmark use.

Server-rendered pages (FastAPI + Jinja2, autoescaped), no JavaScript, every page also as JSON
with ``?format=json``. The store is opened read-only once per request.
"""

from __future__ import annotations

import mimetypes
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..store import Store, StoreError, is_url
from ..store.schema import SCHEMA_VERSION
from .timing import ServerTiming
from .views import ROUTERS
from .views.base import NotFound, templates, wants_json

# Defence in depth: even if some markup slipped through, the browser runs no script at all.
SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'none'; style-src 'self'; img-src 'self' data:; "
                                 b"form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class SecurityHeaders:
    """Pure ASGI middleware (cheaper than BaseHTTPMiddleware) adding ``SECURITY_HEADERS``."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    (k, v) for k, v in SECURITY_HEADERS if k not in names]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def check_store(db_path: str | Path) -> None:
    """Fail early, with a clear message, when ``db_path`` is not a readable claimgraph store."""
    path = str(db_path)  # a str, not a Path: Path would fold the // of a postgresql:// URL
    if not is_url(path) and not Path(path).is_file():
        raise StoreError(f"{path}: no such store (run `claimgraph analyze` first)")
    store = Store(path, readonly=True)
    try:
        version = store.schema_version
        if not 0 < version <= SCHEMA_VERSION:
            raise StoreError(f"{path}: schema version {version} is not one this claimgraph reads")
        store.count("documents")
    except Exception as e:  # sqlite3.DatabaseError and friends: not a store
        if isinstance(e, StoreError):
            raise
        raise StoreError(f"{path}: not a claimgraph database ({e})") from e
    finally:
        store.close()


def _static_files() -> dict[str, tuple[bytes, str]]:
    """The static assets, read once at start-up: request paths never reach the filesystem."""
    out = {}
    for f in resources.files("claimgraph.web").joinpath("static").iterdir():
        if f.is_file():
            media = mimetypes.guess_type(f.name)[0] or "application/octet-stream"
            out[f.name] = (f.read_bytes(), media + ("; charset=utf-8" if media.startswith("text/") else ""))
    return out


def _error(request: Request, status: int, title: str, detail: str, **extra: Any) -> Response:
    if wants_json(request) or request.url.path.startswith("/api/"):
        return JSONResponse({"error": title, "detail": detail, "status": status, **extra}, status_code=status)
    return templates.TemplateResponse(request, "error.html", {"status": status, "title": title, "detail": detail},
                                      status_code=status)


def create_app(db_path: str | Path) -> FastAPI:
    """The claimgraph web app over the store at ``db_path`` (read-only)."""
    check_store(db_path)
    app = FastAPI(title="claimgraph", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.db_path = str(db_path) if is_url(str(db_path)) else str(Path(db_path).resolve())
    static = _static_files()

    @app.get("/static/{name}", include_in_schema=False)
    def static_file(name: str) -> Response:
        if name not in static:
            raise NotFound("file", name)
        body, media = static[name]
        return Response(body, media_type=media, headers={"Cache-Control": "public, max-age=3600"})

    for router in ROUTERS:
        app.include_router(router)

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return _error(request, 404, f"{exc.what.capitalize()} not found",
                      f"There is no {exc.what} “{exc.key}” in this store.", what=exc.what, key=exc.key)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        titles = {404: "Page not found", 405: "Method not allowed", 413: "Request too large"}
        detail = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404:
            detail = "No page lives at this address."
        return _error(request, exc.status_code, titles.get(exc.status_code, "Error"), detail)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        # say which parameter was wrong, without echoing the raw input back
        where = sorted({".".join(str(x) for x in e.get("loc", ())[1:]) or "request" for e in exc.errors()})
        return _error(request, 422, "Invalid request", "Check these parameters: " + ", ".join(where))

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        return _error(request, 500, "Something went wrong", "The error was logged on the server.")

    app.add_middleware(SecurityHeaders)
    app.add_middleware(ServerTiming)  # outermost: it times the whole app, error pages too
    return app
