"""Field checks shared by the ``from_dict`` readers: each records a `Problem` and moves on.

Every reader collects all the problems of one input before raising, so a user fixes
a record in one go rather than one field per run.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from ._errors import Problem

Problems = list[Problem]


def type_name(value: object) -> str:
    """The JSON-ish name of *value*'s type, for error messages."""
    if value is None:
        return "null"
    return type(value).__name__


def join(path: str, key: str) -> str:
    """Append *key* to a dotted field *path*."""
    return f"{path}.{key}" if path else key


def optional_str(data: Mapping[str, Any], key: str, path: str, problems: Problems) -> str | None:
    """The string at *key*, ``None`` when absent or null."""
    value = data.get(key)
    if value is None or isinstance(value, str):
        return value
    problems.append(Problem(join(path, key), f"expected a string, got {type_name(value)}"))
    return None


def optional_id(data: Mapping[str, Any], key: str, path: str, problems: Problems) -> str | None:
    """An identifier: a string, or a whole number taken as its decimal string."""
    value = data.get(key)
    if isinstance(value, int) and not isinstance(value, bool):
        if value.bit_length() > _LONGEST_BITS:
            problems.append(Problem(join(path, key), f"expected an identifier, got {shown_number(value)}"))
            return None
        return str(value)
    return optional_str(data, key, path, problems)


_LONGEST_BITS = 1024  # str() of an int refuses more than 4300 digits (sys.get_int_max_str_digits)


def shown_number(value: int) -> str:
    """*value* for a message; a long number (of more than 20 digits) by its size."""
    if value.bit_length() <= 64:
        return str(value)
    return f"a number of about {int(value.bit_length() * math.log10(2)) + 1} digits"


def str_tuple(data: Mapping[str, Any], key: str, path: str, problems: Problems) -> tuple[str, ...] | None:
    """A list of strings as a tuple, ``None`` when absent or null."""
    value = data.get(key)
    if value is None:
        return None
    where = join(path, key)
    if isinstance(value, str) or not isinstance(value, (list, tuple)):
        problems.append(Problem(where, f"expected a list of strings, got {type_name(value)}"))
        return None
    good = True
    for index, item in enumerate(value):
        if not isinstance(item, str):
            problems.append(Problem(f"{where}[{index}]", f"expected a string, got {type_name(item)}"))
            good = False
    return tuple(value) if good else None


#: How deeply the values of unknown keys may nest; deeper ones would exhaust the stack
#: of the functions that copy and compare them.
MAX_NESTING = 100


def not_too_deep(extra: Mapping[str, Any], path: str, problems: Problems) -> None:
    """Record a problem for each value of *extra* nested more than `MAX_NESTING` levels deep."""
    for key, value in extra.items():
        pending = [(value, 0)]
        while pending:
            item, depth = pending.pop()
            if isinstance(item, Mapping):
                item = item.values()
            elif not isinstance(item, (list, tuple)):
                continue
            if depth == MAX_NESTING:
                where = join(path, key) if isinstance(key, str) else path
                problems.append(Problem(where, f"nested more than {MAX_NESTING} levels deep"))
                break
            pending.extend((child, depth + 1) for child in item)


def optional_bool(data: Mapping[str, Any], key: str, path: str, problems: Problems) -> bool | None:
    """A JSON boolean, ``None`` when absent or null."""
    value = data.get(key)
    if value is None or isinstance(value, bool):
        return value
    problems.append(Problem(join(path, key), f"expected true or false, got {type_name(value)}"))
    return None


#: The most connections two people can have in common that relpolicy reads (LinkedIn
#: allows 30,000 connections): beyond it a count is surely wrong, and rules need not
#: guard their arithmetic against counts too large for a float.
MAX_MUTUAL_CONNECTIONS = 1_000_000


def optional_count(
    data: Mapping[str, Any], key: str, path: str, problems: Problems, *, most: int = MAX_MUTUAL_CONNECTIONS
) -> int | None:
    """A whole number from 0 to *most*, ``None`` when absent or null.

    A float with no fractional part (``42.0``) is accepted, since some JSON writers
    produce one for every number.
    """
    value = data.get(key)
    if value is None:
        return None
    where = join(path, key)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        problems.append(Problem(where, f"expected a whole number, got {type_name(value)}"))
        return None
    if isinstance(value, float):
        if not math.isfinite(value) or not value.is_integer():
            problems.append(Problem(where, f"expected a whole number, got {value!r}"))
            return None
        value = int(value)
    if value < 0:
        problems.append(Problem(where, f"expected a count of 0 or more, got {shown_number(value)}"))
        return None
    if value > most:
        problems.append(Problem(where, f"expected a count of at most {most:,}, got {shown_number(value)}"))
        return None
    return value


def parse_timestamp(text: str) -> datetime:
    """Parse an ISO 8601 timestamp, accepting a trailing ``Z`` for UTC."""
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    return datetime.fromisoformat(text)


def optional_datetime(data: Mapping[str, Any], key: str, path: str, problems: Problems) -> datetime | None:
    """An ISO 8601 timestamp string as a `datetime`, ``None`` when absent or null."""
    value = data.get(key)
    if value is None or isinstance(value, datetime):
        return value
    where = join(path, key)
    if not isinstance(value, str):
        problems.append(Problem(where, f"expected an ISO 8601 timestamp string, got {type_name(value)}"))
        return None
    try:
        return parse_timestamp(value)
    except ValueError:
        problems.append(Problem(where, f"expected an ISO 8601 timestamp, got {value[:40]!r}"))
        return None


def format_timestamp(value: datetime) -> str:
    """The ISO 8601 form of *value*, with ``Z`` for UTC."""
    text = value.isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text
