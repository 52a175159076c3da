"""CLI commands of the presentation layer (``serve``, ``export``), registered on the main app."""

from __future__ import annotations

from .cli import app  # noqa: F401  (commands are added below with @app.command())
