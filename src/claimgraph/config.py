"""``claimgraph.toml``: the options tree read from TOML, changed by dotted keys, written back.

    [extract]
    n_process = 2

    [link.stories]
    threshold = 0.2

Every key is a field of :class:`claimgraph.options.Options` (one table per section). Values are
checked against the field's type and the ``min``/``max``/``choices`` in its metadata; an unknown
key or a bad value is a :class:`ConfigError` with a one-line message. :func:`to_toml` writes the
effective options in the same form, so ``claimgraph config > claimgraph.toml`` can be fed back.
"""

from __future__ import annotations

import json
import re
import tomllib
import types
import typing
from collections.abc import Mapping
from dataclasses import fields, is_dataclass, replace
from pathlib import Path
from typing import Any

from .options import Options

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


class ConfigError(ValueError):
    """A config file, ``--set`` or flag value that does not fit the options tree (one-line message)."""


def load_config(path: str | Path, base: Options | None = None) -> Options:
    """``base`` (default: the defaults) with the settings of the TOML file at ``path``."""
    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except OSError as e:
        raise ConfigError(f"{path}: cannot read config ({e.strerror or e})") from e
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: not valid TOML ({e})") from e
    return _merge(base or Options(), data, f"{path}: ")


def with_values(options: Options, values: Mapping[str, Any], where: str = "") -> Options:
    """``options`` with dotted keys set: ``{"link.stories.threshold": 0.2, "store.db": "x.db"}``."""
    nested: dict[str, Any] = {}
    for key, value in values.items():
        *path, last = key.split(".")
        node = nested
        for part in path:
            node = node.setdefault(part, {})
            if not isinstance(node, dict):
                raise ConfigError(f"{where}{key}: {part!r} is a value, not a section")
        node[last] = value
    return _merge(options, nested, where)


def parse_setting(text: str) -> tuple[str, Any]:
    """``"KEY=VALUE"`` of ``--set``: VALUE is read as TOML (``2``, ``0.2``, ``true``, ``"x"``), or
    taken as a bare string when it is not TOML (``store.db=my.db``)."""
    key, sep, raw = text.partition("=")
    key, raw = key.strip(), raw.strip()
    if not sep or not key:
        raise ConfigError(f"--set expects section.key=value, got {text!r}")
    try:
        value = tomllib.loads(f"value = {raw}")["value"]
    except tomllib.TOMLDecodeError:
        value = raw
    return key, value


def to_toml(options: Options) -> str:
    """The options as a TOML document that :func:`load_config` reads back to equal options."""
    lines: list[str] = []
    for f in fields(options):
        _table(getattr(options, f.name), f.name, lines)
    return "\n".join(lines).strip() + "\n"


# ---------------------------------------------------------------- reading


def _merge(base: Any, data: Mapping[str, Any], where: str, prefix: str = "") -> Any:
    """A copy of dataclass ``base`` with the keys of ``data`` set, each checked against its field."""
    known = {f.name: f for f in fields(base)}
    hints = typing.get_type_hints(type(base))
    changes: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if key not in known:
            section = f"[{prefix.rstrip('.')}]" if prefix else "the top level"
            choices = ", ".join(known)
            raise ConfigError(f"{where}unknown key {name!r} (in {section}: {choices})")
        current = getattr(base, key)
        if is_dataclass(current):
            if not isinstance(value, Mapping):
                raise ConfigError(f"{where}{name}: expected a table of settings, got {value!r}")
            changes[key] = _merge(current, value, where, f"{name}.")
        else:
            changes[key] = _check(value, hints[key], known[key].metadata, f"{where}{name}")
    return replace(base, **changes)


def _check(value: Any, hint: Any, meta: Mapping[str, Any], name: str) -> Any:
    """``value`` as the field's type (ints are accepted for floats), within the field's bounds."""
    allowed = [t for t in typing.get_args(hint) if t is not type(None)] \
        if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union else [hint]
    for kind in allowed:
        ok, converted = _convert(value, kind)
        if ok:
            break
    else:
        raise ConfigError(f"{name}: expected {' or '.join(_describe(t) for t in allowed)}, got {value!r}")
    if "choices" in meta and converted not in meta["choices"]:
        raise ConfigError(f"{name}: {converted!r} is not one of {', '.join(map(str, meta['choices']))}")
    if "min" in meta and converted < meta["min"]:
        raise ConfigError(f"{name}: {converted!r} is below the minimum {meta['min']}")
    if "max" in meta and converted > meta["max"]:
        raise ConfigError(f"{name}: {converted!r} is above the maximum {meta['max']}")
    return converted


def _convert(value: Any, kind: Any) -> tuple[bool, Any]:
    if kind is bool:
        return isinstance(value, bool), value
    if isinstance(value, bool):  # True is an int in Python, never in a config
        return False, value
    if kind is int:
        return isinstance(value, int), value
    if kind is float:
        return isinstance(value, int | float), float(value) if isinstance(value, int | float) else value
    if kind is str:
        return isinstance(value, str), value
    if typing.get_origin(kind) is dict:
        ok = isinstance(value, Mapping) and all(isinstance(k, str) and isinstance(v, str)
                                                for k, v in value.items())
        return ok, dict(value) if ok else value
    return False, value


def _describe(kind: Any) -> str:
    names = {bool: "true or false", int: "an integer", float: "a number", str: "a string"}
    return names.get(kind, "a table of strings" if typing.get_origin(kind) is dict else str(kind))


# ---------------------------------------------------------------- writing


def _table(section: Any, name: str, lines: list[str]) -> None:
    doc = (type(section).__doc__ or "").strip().splitlines()
    lines += ["", f"[{name}]"] + ([f"# {doc[0]}"] if doc else [])
    subtables = []
    for f in fields(section):
        value = getattr(section, f.name)
        if is_dataclass(value):
            subtables.append((f.name, value))
        elif value is None:  # TOML has no null: the key stays out, so it keeps its default
            lines.append(f"# {_key(f.name)} is not set")
        else:
            lines.append(f"{_key(f.name)} = {_value(value)}")
    for sub, value in subtables:
        _table(value, f"{name}.{sub}", lines)


def _key(key: str) -> str:
    return key if _BARE_KEY.match(key) else _string(key)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"cannot write {value!r} as TOML")


def _string(text: str) -> str:
    # a JSON string is a TOML basic string, except that TOML wants DEL escaped too
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")
