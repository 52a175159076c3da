"""The attribution package stays small and acyclic, and leaves the Doc as it found it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import claimgraph.extract.attribution as attribution

PACKAGE = Path(attribution.__file__).parent
NAME = "claimgraph.extract.attribution"


def _imports(path: Path) -> set[str]:
    """Modules of the package that ``path`` imports, at any depth (function bodies too)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level == 1:
                base = f"{NAME}.{base}" if base else NAME
            if base == NAME:  # "from . import quotes"
                found.update(f"{NAME}.{alias.name}" for alias in node.names)
            elif base.startswith(NAME + "."):
                found.add(base)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith(NAME + "."))
    return found


def test_modules_are_small():
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in PACKAGE.glob("*.py")}
    assert sizes and max(sizes.values()) < 900, sizes


def test_no_import_cycles():
    graph = {f"{NAME}.{p.stem}": _imports(p) for p in PACKAGE.glob("*.py") if p.stem != "__init__"}
    done: set[str] = set()

    def visit(module: str, path: list[str]) -> None:
        assert module not in path, " -> ".join([*path, module])
        if module in done:
            return
        for dep in graph.get(module, ()):
            visit(dep, [*path, module])
        done.add(module)

    for module in graph:
        visit(module, [])


@pytest.mark.model
def test_doc_user_data_untouched(nlp):
    doc = nlp('"The dam held," the engineer said. Officials said the gate failed.')
    assert attribution.find_attributions(doc)
    assert not doc.user_data
