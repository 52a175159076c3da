"""A document's mentions as JSON, to keep in the store, and the fingerprint that says they still hold.

A link run compares a new article with the older articles of its story and of related stories;
building those older articles' mentions again on every run is what made a run grow with the
store. Kept mentions are used only while their fingerprint matches: the document's content hash
and date, the options that shape a mention, and the claimgraph code itself (any change to it, an
upgrade or a fix, builds them again once).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import MISSING, fields
from functools import lru_cache
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
    """A hash of claimgraph's own source files: mentions kept by other code are built again."""
    root = Path(__file__).resolve().parents[1]
    h = hashlib.sha1()
    for path in sorted(root.rglob("*.py")):
        h.update(path.relative_to(root).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


def fingerprint(art: Article, opts: CompareOptions) -> str:
    """What ``art``'s mentions were built from: its text, date, the window options and the code."""
    key = json.dumps([art.content_hash or hashlib.sha1(art.text.encode()).hexdigest(), art.published,
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
