"""A document's mentions as JSON, to keep in the store, and the fingerprint that says they still hold.

A link run compares a new article with the older articles of its story and of related stories;
building those older articles' mentions again on every run is what made a run grow with the
store. Kept mentions are used only while their fingerprint matches: the document's content hash
and date, the options that shape a mention, and the source of the code that builds them (a change
to it, an upgrade or a fix, builds them again once).
"""

from __future__ import annotations

import ast
import hashlib
import json
from dataclasses import MISSING, fields
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from ..model import Article
from .measures import Mention
from .settings import CompareOptions
from .shown_units import ShownUnit

_FIELDS = [(f.name, str(f.type), f.default) for f in fields(Mention) if f.name != "iv"]
_SETS = {name for name, kind, _ in _FIELDS if kind.startswith("frozenset")}
_TUPLES = {name for name, kind, _ in _FIELDS if kind.startswith("tuple") and name != "parts"}


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the source of every claimgraph module a mention is built with: ``link.measures``
    and this codec, and what they import, transitively (found by reading their imports, those
    inside functions too), with the lexicon's word tables and the versions of lemminflect and pint.
    Mentions kept by other code are built again; a change elsewhere in claimgraph leaves them be."""
    root = Path(__file__).resolve().parents[1]
    h = hashlib.sha1()
    data = sorted(root.glob("lexicon/*.json"))  # word tables the lexicon modules read
    for path in sorted(_closure(root, ["link/measures.py", "link/mention_codec.py"])) + data:
        h.update(path.relative_to(root).as_posix().encode())
        h.update(path.read_bytes())
    for package in ("lemminflect", "pint"):  # singulars and unit conversions come from these
        try:
            h.update(f"{package}=={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            h.update(package.encode())
    return h.hexdigest()[:16]


def _closure(root: Path, start: list[str]) -> set[Path]:
    """The claimgraph source files ``start`` (paths under ``root``) import, themselves included."""
    todo, seen = [root / p for p in start], set()
    while todo:
        path = todo.pop()
        if path in seen or not path.exists():
            continue
        seen.add(path)
        package = path.parent.relative_to(root).parts
        for node in ast.walk(ast.parse(path.read_bytes())):
            names: list[tuple[str, ...]] = []
            if isinstance(node, ast.Import):
                names = [tuple(a.name.split(".")) for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = tuple((node.module or "").split(".")) if node.module else ()
                if node.level:  # relative: from the file's package, up level - 1
                    base = package[:len(package) - node.level + 1] + base
                elif base[:1] == ("claimgraph",):
                    base = base[1:]
                else:
                    continue
                names = [base] + [base + (a.name,) for a in node.names]
            for parts in names:
                if parts[:1] == ("claimgraph",):
                    parts = parts[1:]
                if parts:
                    todo += [root.joinpath(*parts).with_suffix(".py"), root.joinpath(*parts, "__init__.py")]
    return seen


def fingerprint(art: Article, opts: CompareOptions) -> str:
    """What ``art``'s mentions were built from: its text, date and claims (with their figures),
    the window options and the code. The claims count: another process may have stored the same
    text's claims differently, or not yet."""
    claims = [[c.id, c.sentence_start, c.sentence_end,
               [[q.start, q.end, q.value, q.low, q.high, q.approx, q.kind, q.unit] for q in c.quantities]]
              for c in art.claims]
    key = json.dumps([art.content_hash or hashlib.sha1(art.text.encode()).hexdigest(), art.published, claims,
                      opts.local_left, opts.local_right, opts.clause_left, code_version()])
    return hashlib.sha1(key.encode()).hexdigest()


def dumps(mentions: list[Mention]) -> str:
    """``mentions`` (one document's, as built) as JSON; fields at their default are left out."""
    index = {id(m): i for i, m in enumerate(mentions)}
    return json.dumps([_encode(m, index) for m in mentions], ensure_ascii=False, separators=(",", ":"))


def loads(data: str) -> list[Mention]:
    """The mentions :func:`dumps` wrote, equal to the ones it was given (a sum's parts included)."""
    raw = json.loads(data)
    out = [_decode(r) for r in raw]
    for m, r in zip(out, raw, strict=True):
        if "parts" in r:
            m.parts = tuple(out[i] for i in r["parts"])
    return out


def _encode(m: Mention, index: dict[int, int]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, _, default in _FIELDS:
        value = getattr(m, name)
        if name == "parts":
            if value:
                out[name] = [index[id(p)] for p in value]
            continue
        if default is not MISSING and value == default:
            continue
        if name in _SETS:
            value = sorted(value)
        elif name == "shown":
            value = [value.name, value.factor, value.offset, value.prefix]
        out[name] = value
    return out


def _decode(r: dict[str, Any]) -> Mention:
    kwargs: dict[str, Any] = {}
    for name, value in r.items():
        if name == "parts":
            continue
        if name in _SETS:
            value = frozenset(value)
        elif name in _TUPLES:
            value = tuple(value)
        elif name == "shown":
            value = ShownUnit(*value)
        kwargs[name] = value
    return Mention(**kwargs)
