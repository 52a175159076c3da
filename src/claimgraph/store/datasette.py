"""Datasette metadata for a SQLite store: titles, descriptions, facets and canned queries.

The store opens in Datasette as it is (``datasette claimgraph.db``); the metadata file adds the
descriptions and canned queries ("conflicts by story", "claims by speaker"). Datasette keys a
database's metadata by the file's stem, so ``metadata_for`` names it after the store's file.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

TEMPLATE = "datasette.json"
TEMPLATE_DB = "claimgraph"


def metadata_for(db_path: str | Path) -> dict[str, Any]:
    """The metadata of ``store/datasette.json``, with its database named after ``db_path``'s stem."""
    data = json.loads(resources.files(__package__).joinpath(TEMPLATE).read_text(encoding="utf-8"))
    data["databases"] = {Path(db_path).stem: data["databases"][TEMPLATE_DB]}
    return data


def write_metadata(db_path: str | Path, out: str | Path) -> Path:
    """Write the metadata for the store at ``db_path`` to ``out`` (JSON, atomically)."""
    out = Path(out)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(json.dumps(metadata_for(db_path), ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(out)
    return out
