"""The ``claimgraph`` command: analyze, report, claims, stories, compare.

Exit codes: 0 success, 1 some inputs failed (the rest was stored), 2 usage errors.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from .limits import DOC_TIMEOUT, MAX_TEXT_CHARS
from .options import Options
from .read.options import ReadOptions

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Who claims what across news articles, and where sources agree or conflict.")
out = Console()
err = Console(stderr=True)

DbOption = Annotated[str, typer.Option("--db", help="SQLite file or postgresql:// URL of the store.")]


def _parse_fields(values: list[str]) -> dict[str, str]:
    fields = {}
    for v in values:
        name, sep, column = v.partition("=")
        if not sep or not name or not column:
            raise typer.BadParameter(f"--field expects name=column, got {v!r}")
        fields[name.strip()] = column.strip()
    return fields


def _open_store(db: str, must_exist: bool = True):
    from .store import Store, StoreError, is_url

    if must_exist and db != ":memory:" and not is_url(db) and not Path(db).exists():
        err.print(f"[red]error:[/] {db}: no such store (run `claimgraph analyze` first)")
        raise typer.Exit(2)
    try:
        return Store(db)
    except StoreError as e:
        err.print(f"[red]error:[/] {e}")
        raise typer.Exit(2) from e


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, URLs, or - for stdin.")],
    db: DbOption = "claimgraph.db",
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the analysis JSON here.")] = None,
    field: Annotated[list[str], typer.Option("--field", help="Map a record field: name=column "
                                             "(names: id url outlet title published authors text html).")] = [],  # noqa: B006
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per parse batch.")] = 32,
    n_process: Annotated[int, typer.Option("--n-process", "-j", min=1, help="Parser processes.")] = 1,
    max_file_mb: Annotated[float, typer.Option(min=0.001, help="Largest input file (MB, decompressed).")] = 512,
    max_record_mb: Annotated[float, typer.Option(min=0.001, help="Largest record/document (MB).")] = 20,
    max_text_chars: Annotated[int, typer.Option(min=1, max=5_000_000,
                                                help="Longest document text (characters).")] = MAX_TEXT_CHARS,
    doc_timeout: Annotated[float, typer.Option(min=0, help="Seconds to clean one document; "
                                               "0 = no limit.")] = DOC_TIMEOUT,
    engine: Annotated[str, typer.Option("--engine", help="Where extraction runs: local, or ray (Ray Data; "
                                        "RAY_ADDRESS for a cluster).")] = "local",
    parse_less: Annotated[bool, typer.Option("--parse-less", help="Parse only sentences that can hold a "
                                             "claim (faster on big corpora, slightly lower recall).")] = False,
    allow_private_urls: Annotated[bool, typer.Option("--allow-private-urls", help="Let URL inputs reach "
                                                     "loopback and private addresses.")] = False,
    no_link: Annotated[bool, typer.Option("--no-link", help="Skip stories and comparisons.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary.")] = False,
) -> None:
    """Read, clean, dedup, extract and link PATHS; store them and write the analysis JSON."""
    from .analysis import Analysis
    from .pipeline import Pipeline

    read = ReadOptions(max_file_bytes=int(max_file_mb * 1024 * 1024),
                       max_record_bytes=int(max_record_mb * 1024 * 1024), max_text_chars=max_text_chars,
                       fields=_parse_fields(field), allow_private_urls=allow_private_urls)
    options = Options(db=db, read=read, batch_size=batch_size, n_process=n_process, link=not no_link,
                      progress=not quiet, doc_timeout=doc_timeout, parse_less=parse_less, engine=engine)
    from .engine import check_engine

    try:
        check_engine(engine)
    except ValueError as e:
        err.print(f"[red]error:[/] {escape(str(e))}")
        raise typer.Exit(2) from e
    store = _open_store(db, must_exist=False)
    with store, _progress(quiet) as progress:
        pipeline = Pipeline(store, options, progress=progress)
        pipeline.on_error = lambda e: err.print(f"[red]error:[/] {escape(' '.join(str(e).split()))}",
                                                highlight=False, emoji=False, soft_wrap=True)
        run_ids, stats = pipeline.run(paths)
        if json_out is not None:
            from .present.json import write_json

            summary = {k: v for k, v in asdict(stats).items() if k != "errors"}
            analysis = Analysis.from_store(store, run_ids, errors=stats.errors, stats=summary)
            write_json(analysis.to_json(), json_out)
    if not quiet:
        err.print(f"{stats.read} read, {stats.new} new, {stats.unchanged} unchanged, "
                  f"{stats.duplicates} duplicates, {stats.extracted} extracted ({stats.claims} claims), "
                  f"{stats.failed} failed → {db}", soft_wrap=True)
    raise typer.Exit(1 if stats.failed else 0)


class _progress:
    """A Rich progress bar per stage, or nothing with --quiet (or when stderr is not a terminal)."""

    def __init__(self, quiet: bool):
        self.enabled = not quiet and err.is_terminal
        self.tasks: dict[str, int] = {}

    def __enter__(self):
        if not self.enabled:
            return lambda stage, done, total: None
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.bar = Progress(TextColumn("{task.description:>8}"), BarColumn(), MofNCompleteColumn(),
                            TimeElapsedColumn(), console=err, transient=True)
        self.bar.start()

        def update(stage: str, done: int, total: int | None) -> None:
            if stage not in self.tasks:
                self.tasks[stage] = self.bar.add_task(stage, total=total)
            self.bar.update(self.tasks[stage], completed=done, total=total)

        return update

    def __exit__(self, *exc: object) -> None:
        if self.enabled:
            self.bar.stop()


@app.command()
def report(db: DbOption = "claimgraph.db",
           as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
           ) -> None:
    """Summarise the store: documents, outlets, claims, stories and conflicts first."""
    from .present.report import print_report, report_data

    with _open_store(db) as store:
        data = report_data(store)
        if as_json:
            print(json.dumps(data, ensure_ascii=False, indent=1))
        else:
            print_report(data, out)


@app.command()
def claims(db: DbOption = "claimgraph.db",
           speaker: Annotated[str | None, typer.Option(help="Only claims by this speaker (substring).")] = None,
           doc: Annotated[str | None, typer.Option(help="Only claims of this document id.")] = None,
           limit: Annotated[int, typer.Option(min=1)] = 200,
           as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """List stored claims with their speakers, cues and numbers."""
    from .present.report import claims_table

    with _open_store(db) as store:
        rows = store.claims(doc_id=doc, speaker=speaker, limit=limit)
        if as_json:
            print(json.dumps([c.to_dict() for c in rows], ensure_ascii=False, indent=1))
        else:
            out.print(claims_table(rows))


@app.command()
def stories(db: DbOption = "claimgraph.db", as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """List stories (events) with their articles and related stories."""
    from .present.report import stories_table

    with _open_store(db) as store:
        rows = store.stories()
        if as_json:
            print(json.dumps([asdict(s) for s in rows], ensure_ascii=False, indent=1))
        else:
            out.print(stories_table(store, rows))


@app.command()
def compare(db: DbOption = "claimgraph.db",
            story: Annotated[str | None, typer.Option(help="Only this story id.")] = None,
            as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Comparisons of claims across sources, conflicts first."""
    from .present.report import comparisons_table

    with _open_store(db) as store:
        rows = store.comparisons(story)
        if as_json:
            print(json.dumps([asdict(c) for c in rows], ensure_ascii=False, indent=1))
        else:
            out.print(comparisons_table(store, rows))


# `serve` and `export` live in their own module; importing it registers them on `app`.
from . import cli_present  # noqa: E402,F401


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted; everything committed so far is in the store")
        sys.exit(130)
