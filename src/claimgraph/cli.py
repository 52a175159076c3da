"""The ``claimgraph`` command: analyze, report, claims, stories, compare.

Exit codes: 0 success, 1 some inputs failed (the rest was stored) or the store failed mid-run
(disk full, or a lock or connection lost past the retry budget: one error line; what was committed
is kept and the same command resumes), 2 usage errors.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape

from . import cli_present, cli_watch
from .cli_common import (
    ConfigOption,
    DbOption,
    SetOption,
    build_options,
    err,
    open_store,
    out,
    override,
    store_location,
)
from .limits import MAX_TEXT_CHARS, MB

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Who claims what across news articles, and where sources agree or conflict.")


def _parse_fields(values: list[str]) -> dict[str, str]:
    fields = {}
    for v in values:
        name, sep, column = v.partition("=")
        if not sep or not name or not column:
            raise typer.BadParameter(f"--field expects name=column, got {v!r}")
        fields[name.strip()] = column.strip()
    return fields


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, URLs, or - for stdin.")],
    db: DbOption = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the analysis JSON here.")] = None,
    field: Annotated[list[str], typer.Option("--field", help="Map a record field: name=column "
                                             "(names: id url outlet title published authors text html).")] = [],  # noqa: B006
    batch_size: Annotated[int | None, typer.Option(min=1, help="Documents per parse batch [default: 32].")] = None,
    n_process: Annotated[int | None, typer.Option("--n-process", "-j", min=1,
                                                  help="Parser processes [default: the usable CPUs, "
                                                  "as many as fit in 1.5 GB].")] = None,
    max_file_mb: Annotated[float | None, typer.Option(min=0.001, help="Largest input file (MB, decompressed) "
                                                      "[default: 512].")] = None,
    max_record_mb: Annotated[float | None, typer.Option(min=0.001, help="Largest record/document (MB) "
                                                        "[default: 20].")] = None,
    max_text_chars: Annotated[int | None, typer.Option(min=1, max=5_000_000, help="Longest document text "
                                                       f"(characters) [default: {MAX_TEXT_CHARS}].")] = None,
    doc_timeout: Annotated[float | None, typer.Option(min=0, help="Seconds to clean one document; "
                                                      "0 = no limit [default: 120].")] = None,
    engine: Annotated[str | None, typer.Option("--engine", help="Where extraction runs: local, or ray (Ray "
                                               "Data; RAY_ADDRESS for a cluster) [default: local].")] = None,
    ray_address: Annotated[str | None, typer.Option("--ray-address", help="A running Ray cluster for "
                                                    "--engine ray: the head's address as `ray start "
                                                    "--head` prints it (HOST:PORT) [default: "
                                                    "RAY_ADDRESS, else a local instance].")] = None,
    parse_less: Annotated[bool | None, typer.Option("--parse-less/--no-parse-less", help="Parse only sentences "
                                                    "that can hold a claim (faster on big corpora, slightly "
                                                    "lower recall) [default: off].")] = None,
    allow_private_urls: Annotated[bool | None, typer.Option("--allow-private-urls/--no-allow-private-urls",
                                                            help="Let URL inputs reach loopback and private "
                                                            "addresses [default: off].")] = None,
    link: Annotated[bool | None, typer.Option("--link/--no-link", help="Build stories and comparisons "
                                              "[default: on].")] = None,
    preset: Annotated[str | None, typer.Option("--preset", help="Read CSV/TSV inputs as a known export: "
                                               "mediacloud (story CSV) or gdelt (GKG or Events); their "
                                               "URLs are fetched.")] = None,
    config: ConfigOption = None,
    setting: SetOption = [],  # noqa: B006
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress or summary.")] = False,
) -> None:
    """Read, clean, dedup, extract and link PATHS; store them and write the analysis JSON."""
    from .analysis import Analysis
    from .engine import check_engine
    from .pipeline import Pipeline
    from .store import StoreError

    flags: dict[str, Any] = {"store.db": db, "extract.batch_size": batch_size, "extract.n_process": n_process,
                             "extract.engine": engine, "extract.ray_address": ray_address,
                             "extract.parse_less": parse_less,
                             "read.max_text_chars": max_text_chars, "read.allow_private_urls": allow_private_urls,
                             "clean.doc_timeout": doc_timeout, "link.enabled": link, "read.preset": preset}
    if max_file_mb is not None:
        flags["read.max_file_bytes"] = int(max_file_mb * MB)
    if max_record_mb is not None:
        flags["read.max_record_bytes"] = int(max_record_mb * MB)
    options = build_options(config, setting)
    if field:  # --field adds to (or changes) the file's mapping
        flags["read.fields"] = options.read.fields | _parse_fields(field)
    options = override(options, {k: v for k, v in flags.items() if v is not None})
    try:
        check_engine(options.extract.engine)
    except ValueError as e:
        err.print(f"[red]error:[/] {escape(str(e))}")
        raise typer.Exit(2) from e
    store = open_store(options.store.db, must_exist=False)
    with store, _progress(quiet) as progress:
        pipeline = Pipeline(store, options, progress=progress)
        pipeline.on_error = lambda e: err.print(f"[red]error:[/] {escape(' '.join(str(e).split()))}",
                                                highlight=False, emoji=False, soft_wrap=True)
        if not quiet:
            pipeline.on_info = lambda line: err.print(escape(line), highlight=False, soft_wrap=True)
        try:
            run_ids, stats = pipeline.run(paths)
        except (StoreError, *store.driver_errors) as e:
            # the store failed mid-run (disk full, lock or connection lost past the retry budget):
            # what was committed is kept and the same command resumes; one line, exit 1
            message = str(e) if isinstance(e, StoreError) else store.describe(e)
            err.print(f"[red]error:[/] {escape(' '.join(message.split()))}", highlight=False, soft_wrap=True)
            raise typer.Exit(1) from e
        if json_out is not None:
            from .present.json import write_json

            summary = {k: v for k, v in asdict(stats).items() if k != "errors"}
            analysis = Analysis.from_store(store, run_ids, errors=stats.errors, stats=summary)
            write_json(analysis.to_json(), json_out)
    if not quiet:
        err.print(f"{stats.read} read, {stats.new} new, {stats.unchanged} unchanged, "
                  f"{stats.duplicates} duplicates, {stats.extracted} extracted ({stats.claims} claims), "
                  f"{stats.failed} failed → {options.store.db}", soft_wrap=True)
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
def report(db: DbOption = None, config: ConfigOption = None,
           as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
           ) -> None:
    """Summarise the store: documents, outlets, claims, stories and conflicts first."""
    from .present.report import print_report, report_data

    with open_store(store_location(db, config)) as store:
        data = report_data(store)
        if as_json:
            print(json.dumps(data, ensure_ascii=False, indent=1))
        else:
            print_report(data, out)


@app.command()
def claims(db: DbOption = None, config: ConfigOption = None,
           speaker: Annotated[str | None, typer.Option(help="Only claims by this speaker (substring).")] = None,
           doc: Annotated[str | None, typer.Option(help="Only claims of this document id.")] = None,
           limit: Annotated[int, typer.Option(min=1)] = 200,
           as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """List stored claims with their speakers, cues and numbers."""
    from .present.report import claims_table

    with open_store(store_location(db, config)) as store:
        rows = store.claims(doc_id=doc, speaker=speaker, limit=limit)
        if as_json:
            print(json.dumps([c.to_dict() for c in rows], ensure_ascii=False, indent=1))
        else:
            out.print(claims_table(rows))


@app.command()
def stories(db: DbOption = None, config: ConfigOption = None, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """List stories (events) with their articles and related stories."""
    from .present.report import stories_table

    with open_store(store_location(db, config)) as store:
        rows = store.stories()
        if as_json:
            print(json.dumps([asdict(s) for s in rows], ensure_ascii=False, indent=1))
        else:
            out.print(stories_table(store, rows))


@app.command()
def compare(db: DbOption = None, config: ConfigOption = None,
            story: Annotated[str | None, typer.Option(help="Only this story id.")] = None,
            as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Comparisons of claims across sources, conflicts first."""
    from .present.report import comparisons_table

    with open_store(store_location(db, config)) as store:
        rows = store.comparisons(story)
        if as_json:
            print(json.dumps([asdict(c) for c in rows], ensure_ascii=False, indent=1))
        else:
            out.print(comparisons_table(store, rows))


@app.command()
def explain(claim_a: Annotated[str, typer.Argument(help="A claim id (see `claimgraph claims`).")],
            claim_b: Annotated[str, typer.Argument(help="Another claim id.")],
            db: DbOption = None, config: ConfigOption = None,
            as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Why two claims' figures agree, conflict, were revised, or were not compared: the intervals,
    the evidence that they measure one thing, and the rule that decided."""
    from .link.explain import ExplainError, describe_pair, explain_claims

    options = build_options(config)
    with open_store(store_location(db, config)) as store:
        try:
            pairs = explain_claims(store, claim_a, claim_b, options.link.compare)
        except ExplainError as e:
            err.print(f"[red]error:[/] {e}")
            raise typer.Exit(2) from e
    if as_json:
        print(json.dumps([p.to_dict() for p in pairs], ensure_ascii=False, indent=1))
    else:
        print("\n\n".join(describe_pair(p) for p in pairs))


@app.command("config")
def config_cmd(config: ConfigOption = None, setting: SetOption = []) -> None:  # noqa: B006
    """Print the effective settings as TOML (defaults, then --config FILE, then --set)."""
    from .config import to_toml

    print(to_toml(build_options(config, setting)), end="")


# The presentation commands live in their own module, which knows nothing of this one.
app.command()(cli_present.serve)
app.command("export")(cli_present.export_cmd)
app.command()(cli_watch.watch)


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted; everything committed so far is in the store")
        sys.exit(130)
