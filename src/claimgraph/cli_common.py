"""What every ``claimgraph`` command shares: consoles, the store and config options, and how the
effective options are built (defaults, then ``--config FILE``, then ``--set``, then flags)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from .config import ConfigError, load_config, parse_setting, with_values
from .options import Options

DEFAULT_DB = "claimgraph.db"

out = Console()
err = Console(stderr=True)

DbOption = Annotated[str | None, typer.Option("--db", help="SQLite file or postgresql:// URL of the store "
                                              f"[default: store.db of --config, else {DEFAULT_DB}].")]
ConfigOption = Annotated[Path | None, typer.Option("--config", help="TOML file of settings "
                                                   "(see `claimgraph config`); flags override it.")]
SetOption = Annotated[list[str], typer.Option("--set", help="Set any option: section.key=value, e.g. "
                                              "link.stories.threshold=0.2 (repeatable).")]


def fail(message: str) -> typer.Exit:
    """Print a one-line usage error; the caller raises the returned exit (code 2)."""
    err.print(f"[red]error:[/] {escape(message)}", highlight=False, soft_wrap=True)
    return typer.Exit(2)


def build_options(config: Path | None = None, settings: Iterable[str] = ()) -> Options:
    """The options of a command: defaults, then the ``--config`` file, then ``--set`` values.
    A bad file, key or value is a usage error (exit 2)."""
    try:
        options = load_config(config) if config is not None else Options()
        options = with_values(options, dict(parse_setting(s) for s in settings), "--set: ")
    except ConfigError as e:
        raise fail(str(e)) from e
    if options.store.db is None:  # the command line keeps its results in a file by default
        options = replace(options, store=replace(options.store, db=DEFAULT_DB))
    return options


def override(options: Options, flags: Mapping[str, Any]) -> Options:
    """``options`` with the flags given on the command line (dotted keys), which win over the file."""
    try:
        return with_values(options, flags)
    except ConfigError as e:
        raise fail(str(e)) from e


def store_location(db: str | None, config: Path | None) -> str:
    """The store a command reads: ``--db``, else the config file's ``store.db``, else the default."""
    return db if db is not None else build_options(config).store.db or DEFAULT_DB


def open_store(db: str, must_exist: bool = True):
    """Open the store at ``db``; a missing SQLite file (when ``must_exist``) or one that is not a
    claimgraph store is a usage error (exit 2), a store that fails (a full disk, a lock held past
    the retry budget) exits 1 as it does mid-run."""
    from .store import Store, StoreError, StoreFailure, is_url

    if must_exist and db != ":memory:" and not is_url(db) and not Path(db).exists():
        err.print(f"[red]error:[/] {db}: no such store (run `claimgraph analyze` first)")
        raise typer.Exit(2)
    try:
        return Store(db)
    except StoreFailure as e:
        err.print(f"[red]error:[/] {escape(' '.join(str(e).split()))}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from e
    except StoreError as e:
        err.print(f"[red]error:[/] {e}")
        raise typer.Exit(2) from e
