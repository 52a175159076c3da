"""Import cycles in the package, counting imports inside functions (read from the source)."""

from __future__ import annotations

import ast
from pathlib import Path

import claimgraph

ROOT = Path(claimgraph.__file__).parent


def _module_name(path: Path) -> str:
    parts = ["claimgraph", *path.relative_to(ROOT).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """Module -> the package modules it imports anywhere in its source (``TYPE_CHECKING`` blocks
    included: they are cycles the type checker sees too)."""
    modules = {_module_name(p): p for p in ROOT.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = package
                for _ in range(node.level - 1):
                    base = base.rpartition(".")[0]
                stem = f"{base}.{node.module}" if node.level and node.module else (node.module or base)
                subs = {f"{stem}.{a.name}" for a in node.names} & modules.keys()  # "from . import cli_present"
                targets.update(subs)
                if len(subs) < len(node.names):  # names defined in ``stem`` itself
                    targets.add(stem)
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_the_walker_sees_imports_inside_functions():
    graph = import_graph()
    assert "claimgraph.pipeline" in graph["claimgraph.cli"]  # imported inside analyze()
    assert "claimgraph.cli_present" in graph["claimgraph.cli"]


def test_the_package_has_no_import_cycles():
    assert cycles(import_graph()) == []
