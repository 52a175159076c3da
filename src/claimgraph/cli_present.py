"""CLI commands of the presentation layer (``serve``, ``export``); ``claimgraph.cli`` registers them."""

from __future__ import annotations

import ipaddress
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from .cli_common import ConfigOption, DbOption, err, open_store, store_location


class ExportFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    html = "html"
    claimreview = "claimreview"
    parquet = "parquet"
    graphml = "graphml"
    datasette = "datasette"


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(db: DbOption = None,
          host: Annotated[str, typer.Option(help="Address to bind (loopback by default).")] = "127.0.0.1",
          port: Annotated[int, typer.Option(min=0, max=65535, help="TCP port (0: any free port).")] = 8000,
          config: ConfigOption = None) -> None:
    """Browse the store in a web browser: stories, conflicts, articles, speakers, search (read-only)."""
    import uvicorn

    from .store import StoreError
    from .web.app import create_app

    db = store_location(db, config)
    try:
        web = create_app(db)
    except StoreError as e:
        err.print(f"[red]error:[/] {e}")
        raise typer.Exit(2) from e
    if not _is_loopback(host):
        err.print(f"[yellow]warning:[/] serving on {host}: the pages have no login; anyone who can reach "
                  "this address can read the store")
    err.print(f"claimgraph: serving {db} on http://{host}:{port}/ (Ctrl-C to stop)")
    uvicorn.run(web, host=host, port=port, log_level="warning", server_header=False)


def export_cmd(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="json | jsonl | csv | html | claimreview | "
                                                                    "parquet | graphml | datasette")],
    out: Annotated[Path, typer.Option("--out", "-o", help="File to write (csv also writes "
                                                           "<stem>.comparisons.csv beside it; parquet: "
                                                           "a folder, one file per table).")],
    story: Annotated[str | None, typer.Option(help="Only this story id.")] = None,
    db: DbOption = None,
    config: ConfigOption = None,
) -> None:
    """Export claims, comparisons, a story dossier, draft ClaimReviews, Parquet tables or a GraphML graph."""
    from .present.export import ExportError, export

    if out.parent and not out.parent.exists():
        err.print(f"[red]error:[/] {out.parent}: no such directory")
        raise typer.Exit(2)
    with open_store(store_location(db, config)) as store:
        try:
            written = export(store, fmt.value, out, story)
        except (ExportError, KeyError) as e:
            err.print(f"[red]error:[/] {e.args[0] if e.args else e}")
            raise typer.Exit(2) from e
    err.print("wrote " + ", ".join(str(p) for p in written))
