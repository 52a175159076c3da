"""``claimgraph watch FEED... --every 15m``: poll feeds and analyse only what is new.

Each round is one ``analyze`` of the feeds on the same store: a feed that has not changed answers
304, articles already stored are not fetched again, so a round costs a request per feed. A failed
fetch or a failed round is reported and the loop goes on; Ctrl-C (SIGINT) or SIGTERM stops it
cleanly between two requests, with exit code 0.
"""

from __future__ import annotations

import re
import signal
import threading
import time
from typing import Annotated, Any

import typer
from rich.markup import escape

from .cli_common import ConfigOption, DbOption, SetOption, build_options, err, open_store, override

_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|d)?\s*$", re.I)
_UNIT = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "d": 86400}


def parse_interval(text: str) -> float:
    """``90``, ``30s``, ``15m``, ``2h``, ``1d`` as seconds (a bare number is minutes, like cron)."""
    m = _INTERVAL.match(text)
    if not m or float(m.group(1)) <= 0:
        raise typer.BadParameter(f"expected an interval such as 30s, 15m or 2h, got {text!r}")
    return float(m.group(1)) * _UNIT[(m.group(2) or "m").lower()]


def watch(
    feeds: Annotated[list[str], typer.Argument(help="Feed or sitemap URLs (or files) to poll.")],
    every: Annotated[str, typer.Option("--every", help="Time between two rounds: 30s, 15m, 2h.")] = "15m",
    rounds: Annotated[int, typer.Option(min=0, help="Stop after this many rounds (0: until Ctrl-C).")] = 0,
    db: DbOption = None,
    allow_private_urls: Annotated[bool | None, typer.Option("--allow-private-urls/--no-allow-private-urls",
                                                            help="Let feeds reach loopback and private "
                                                            "addresses [default: off].")] = None,
    config: ConfigOption = None,
    setting: SetOption = [],  # noqa: B006
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary per round.")] = False,
) -> None:
    """Poll FEEDS every interval; fetch, analyse and store the articles not seen before."""
    from .pipeline import Pipeline

    interval = parse_interval(every)
    flags: dict[str, Any] = {"store.db": db, "read.allow_private_urls": allow_private_urls}
    options = override(build_options(config, setting), {k: v for k, v in flags.items() if v is not None})
    stop = threading.Event()

    def on_signal(signum: int, frame: object) -> None:
        stop.set()
        raise KeyboardInterrupt  # leave a fetch or a parse now; the store rolls back what was half done

    old = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    n = 0
    try:
        with open_store(options.store.db, must_exist=False) as store:
            while not stop.is_set():
                n += 1
                started = time.monotonic()
                try:
                    pipeline = Pipeline(store, options)
                    pipeline.on_error = lambda e: err.print(f"[red]error:[/] {escape(' '.join(str(e).split()))}",
                                                            highlight=False, soft_wrap=True)
                    _, stats = pipeline.run(feeds)
                    if not quiet:
                        err.print(f"round {n}: {stats.new} new, {stats.extracted} extracted "
                                  f"({stats.claims} claims), {stats.failed} failed", soft_wrap=True)
                except KeyboardInterrupt:
                    raise
                except Exception as e:  # a failed round never stops the loop
                    err.print(f"[red]error:[/] round {n} failed ({type(e).__name__}: {escape(str(e))})",
                              highlight=False, soft_wrap=True)
                if rounds and n >= rounds:
                    break
                stop.wait(max(0.0, interval - (time.monotonic() - started)))
    except KeyboardInterrupt:
        pass
    finally:
        for s, handler in old.items():
            signal.signal(s, handler)
    if not quiet:
        err.print(f"stopped after {n} round{'s' if n != 1 else ''}")
