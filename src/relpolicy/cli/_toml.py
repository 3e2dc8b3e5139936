"""Writing a configuration as TOML: the little of TOML a ``relpolicy.toml`` uses."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from typing import Any

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def dumps(data: Mapping[str, Any], *, comment: str = "") -> str:
    """*data* (tables of numbers, strings, booleans and lists of them) as TOML text.

    Keys that are not bare are quoted; tables come after the plain values of their
    parent, as TOML requires.
    """
    lines = [f"# {line}" for line in comment.splitlines()]
    if lines:
        lines.append("")
    _table(data, [], lines)
    return "\n".join(lines).strip("\n") + "\n"


def _table(data: Mapping[str, Any], path: list[str], lines: list[str]) -> None:
    plain = {key: value for key, value in data.items() if not isinstance(value, Mapping)}
    tables = {key: value for key, value in data.items() if isinstance(value, Mapping)}
    if path and (plain or not tables):
        lines.append(f"[{'.'.join(_key(part) for part in path)}]")
    for key, value in plain.items():
        lines.append(f"{_key(key)} = {_value(value)}")
    if plain:
        lines.append("")
    for key, value in tables.items():
        _table(value, [*path, key], lines)


def _key(key: str) -> str:
    return key if _BARE_KEY.fullmatch(key) else _string(key)


def _string(text: str) -> str:
    # A JSON string is a TOML basic string, but for DEL, which TOML wants escaped too.
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise ValueError(f"TOML has no {value!r} a relpolicy.toml can use")
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")
