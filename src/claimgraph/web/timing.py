"""``Server-Timing``: how long the app took to answer, as a response header.

``Server-Timing: app;dur=12.3, cpu;dur=9.8`` is the milliseconds from the request reaching the app
to its response headers (a page is built whole before its headers go out, so this is the time to
build it), and the CPU time the server process spent meanwhile (the page's own CPU when requests
do not overlap; a figure that a busy machine does not inflate). Browsers show it in their developer
tools; ``benchmarks/web_load.py`` reads it to report server time per page type, which does not
depend on the client or the network.
"""

from __future__ import annotations

import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

HEADER = b"server-timing"


def parse_server_timing(value: str, metric: str = "app") -> float | None:
    """The ``dur`` (milliseconds) of ``metric`` in a ``Server-Timing`` header value, or None."""
    for entry in value.split(","):
        name, *params = (p.strip() for p in entry.split(";"))
        if name != metric:
            continue
        for p in params:
            key, _, val = p.partition("=")
            if key.strip() == "dur":
                try:
                    return float(val)
                except ValueError:
                    return None
    return None


class ServerTiming:
    """Pure ASGI middleware adding ``Server-Timing: app;dur=<ms>`` to every HTTP response."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        t0, cpu0 = time.perf_counter(), time.process_time()

        async def send_with_timing(message: Message) -> None:
            if message["type"] == "http.response.start":
                ms, cpu = (time.perf_counter() - t0) * 1000, (time.process_time() - cpu0) * 1000
                value = f"app;dur={ms:.1f}, cpu;dur={cpu:.1f}".encode()
                message["headers"] = [*message.get("headers", []), (HEADER, value)]
            await send(message)

        await self.app(scope, receive, send_with_timing)
