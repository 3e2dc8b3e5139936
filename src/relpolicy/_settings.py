"""A rule's settings, declared once as an attrs class that relpolicy checks, converts and documents.

A rule declares its ``[rules.NAME]`` table as a frozen attrs class whose fields are
made with `setting`, and names the class in its `relpolicy_settings` hook::

    @attrs.frozen
    class Settings:
        many: float = setting(50.0, help="How many connections in common are many.", gt=0)
        phrases: tuple[str, ...] = setting((), help="More phrases that count.")

relpolicy reads the table into it (`read_settings`): unknown keys, values of the
wrong type and values out of bounds are refused with a `ConfigError` that names the
file and the key; TOML arrays become tuples, integers become floats where a float is
declared. `describe_settings` lists the fields for ``relpolicy plugins --settings``,
the docs and ``relpolicy fit``.
"""

from __future__ import annotations

import math
import types
import typing
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from ._errors import ConfigError
from ._hints import close_matches

__all__ = ["SettingInfo", "describe_settings", "read_settings", "setting"]

_HELP = "relpolicy.help"
_TUNABLE = "relpolicy.tunable"
_BOUNDS = "relpolicy.bounds"

#: The comparisons `setting` takes, and how each reads in a message.
_COMPARISONS: dict[str, tuple[Callable[[Any, Any], bool], str]] = {
    "gt": (lambda value, bound: value > bound, "greater than"),
    "ge": (lambda value, bound: value >= bound, "of at least"),
    "lt": (lambda value, bound: value < bound, "less than"),
    "le": (lambda value, bound: value <= bound, "of at most"),
}


def setting(
    default: Any,
    *,
    help: str,
    gt: float | None = None,
    ge: float | None = None,
    lt: float | None = None,
    le: float | None = None,
    validator: Callable[[Any, attrs.Attribute[Any], Any], None] | None = None,
    tunable: bool = False,
    type: Any = None,
) -> Any:
    """A field of a rule's settings class: its default, what it means, and its bounds.

    Args:
        default: The value when the table does not set it.
        help: One sentence for people: what the setting changes.
        gt: The value must be more than this.
        ge: The value must be at least this.
        lt: The value must be less than this.
        le: The value must be at most this.
        validator: An attrs validator for what the type and bounds cannot say; what it
            raises (``ValueError`` or ``TypeError``) becomes the message of the error.
        tunable: Whether ``relpolicy fit`` may choose this number from labelled requests.
        type: The setting's type, for a class made with ``attrs.make_class`` (a class
            written out gives it as the field's annotation).

    Returns:
        An ``attrs.field``.
    """
    bounds = {
        name: bound for name, bound in (("gt", gt), ("ge", ge), ("lt", lt), ("le", le)) if bound is not None
    }
    return attrs.field(
        default=default,
        validator=_checked(bounds, validator),
        type=type,
        metadata={_HELP: help, _TUNABLE: tunable, _BOUNDS: bounds},
    )


class _BadSetting(ValueError):
    """A setting's value is out of bounds or refused by its validator."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(f"{key}: {message}")
        self.key = key
        self.problem = message


def _checked(
    bounds: Mapping[str, float], validator: Callable[[Any, attrs.Attribute[Any], Any], None] | None
) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    """A validator that checks *bounds*, then runs *validator*; what is wrong names the field."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: Any) -> None:
        problem = _out_of_bounds(value, bounds)
        if problem is None and validator is not None:
            try:
                validator(instance, attribute, value)
            except (TypeError, ValueError) as exc:
                problem = str(exc)
        if problem is not None:
            raise _BadSetting(attribute.name, problem)

    return check


def _out_of_bounds(value: Any, bounds: Mapping[str, float]) -> str | None:
    """What is wrong with *value* against *bounds*, or ``None``."""
    if value is None:
        return None
    for name, bound in bounds.items():
        holds, _words = _COMPARISONS[name]
        if not holds(value, bound):
            shown = f"{value:g}" if isinstance(value, float) else repr(value)
            return f"expected {_join_bounds(bounds)}, got {shown}"
    return None


def _join_bounds(bounds: Mapping[str, float]) -> str:
    return "a number " + " and ".join(f"{_COMPARISONS[name][1]} {bound:g}" for name, bound in bounds.items())


@attrs.frozen
class SettingInfo:
    """One setting of a rule, as ``relpolicy plugins --settings`` and the docs show it."""

    #: The key in the rule's ``[rules.NAME]`` table.
    name: str
    #: Its type, as a TOML writer reads it (``number``, ``list of strings``, ...).
    type: str
    #: Its default, written as in TOML.
    default: str
    #: What it changes.
    help: str
    #: Whether ``relpolicy fit`` may choose it.
    tunable: bool = False
    #: Its bounds, such as ``{"ge": 0.0}``.
    bounds: Mapping[str, float] = attrs.field(factory=dict)
    #: Its default, as a value.
    value: Any = None

    @property
    def accepts(self) -> str:
        """The type, then the bounds, in words, such as ``a whole number of at least 1``."""
        if not self.bounds:
            return self.type
        words = " and ".join(f"{_COMPARISONS[name][1]} {bound:g}" for name, bound in self.bounds.items())
        return f"{self.type} {words}"


def describe_settings(cls: type) -> list[SettingInfo]:
    """The settings *cls* declares, in the order of its fields."""
    types_ = _field_types(cls)
    return [
        SettingInfo(
            name=field.name,
            type=_type_words(types_[field.name]),
            default=_toml(field.default),
            help=field.metadata.get(_HELP, ""),
            tunable=bool(field.metadata.get(_TUNABLE)),
            bounds=dict(field.metadata.get(_BOUNDS, {})),
            value=field.default,
        )
        for field in attrs.fields(cls)
    ]


def read_settings(cls: type | None, table: Mapping[str, Any], where: str) -> Any:
    """Read a rule's settings *table* into its settings class *cls*.

    Args:
        cls: The class the rule declares, or ``None`` when it declares none.
        table: The rule's ``[rules.NAME]`` table, less ``enabled`` and ``weight``.
        where: How to name the table in messages, such as ``relpolicy.toml: rules.my-rule``.

    Returns:
        An instance of *cls* (its defaults where the table is silent), or ``None``
        when *cls* is ``None`` and the table is empty.

    Raises:
        ConfigError: A key is unknown, or a value is of the wrong type or out of bounds;
            the message names the file and the key.
    """
    if cls is None:
        if table:
            key = next(iter(table))
            raise ConfigError(f"{where}.{key}: unknown setting; this rule declares no settings")
        return None
    fields = attrs.fields_dict(cls)
    for key in table:
        if key not in fields:
            close = close_matches(str(key), list(fields), n=1)
            hint = (
                f"did you mean {close[0]!r}?" if close else f"the settings are: {', '.join(fields) or 'none'}"
            )
            raise ConfigError(f"{where}.{key}: unknown setting; {hint}")
    types_ = _field_types(cls)
    values = {key: _convert(value, types_[key], f"{where}.{key}") for key, value in table.items()}
    try:
        return cls(**values)
    except _BadSetting as exc:
        if exc.problem.startswith("["):  # (a validator that names an item: "[2]: ...")
            raise ConfigError(f"{where}.{exc.key}{exc.problem}") from None
        raise ConfigError(f"{where}.{exc.key}: {exc.problem}") from None
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{where}: {exc}") from None


def _field_types(cls: type) -> dict[str, Any]:
    """The declared type of each field of *cls*, with string annotations resolved."""
    attrs.resolve_types(cls)
    return {field.name: Any if field.type is None else field.type for field in attrs.fields(cls)}


def _convert(value: Any, kind: Any, where: str) -> Any:
    """*value* as *kind* (TOML arrays as tuples, whole numbers as floats), or `ConfigError`."""
    origin = typing.get_origin(kind)
    if kind is Any:
        return value
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(kind)
        if value is None and type(None) in options:
            return None
        for option in options:
            if option is type(None):
                continue
            try:
                return _convert(value, option, where)
            except ConfigError:
                continue
        raise _wrong(value, kind, where)
    if origin is typing.Literal:
        if value in typing.get_args(kind):
            return value
        raise _wrong(value, kind, where)
    if origin is tuple:
        if isinstance(value, str) or not isinstance(value, (list, tuple)):
            raise _wrong(value, kind, where)
        items = typing.get_args(kind)
        if len(items) == 2 and items[1] is Ellipsis:
            return tuple(_convert(item, items[0], f"{where}[{index}]") for index, item in enumerate(value))
        if len(value) != len(items):
            raise _wrong(value, kind, where)
        return tuple(
            _convert(item, each, f"{where}[{index}]")
            for index, (item, each) in enumerate(zip(value, items, strict=True))
        )
    if kind is bool:
        if isinstance(value, bool):
            return value
        raise _wrong(value, kind, where)
    if kind is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        raise _wrong(value, kind, where)
    if kind is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
            return float(value)
        raise _wrong(value, kind, where)
    if kind is str:
        if isinstance(value, str):
            return value
        raise _wrong(value, kind, where)
    return value  # a type relpolicy does not know: the field's own validator checks it


def _wrong(value: Any, kind: Any, where: str) -> ConfigError:
    shown = repr(value) if isinstance(value, (bool, int, float)) else _value_words(value)
    return ConfigError(f"{where}: expected {_type_words(kind)}, got {shown}")


def _value_words(value: Any) -> str:
    if isinstance(value, str):
        return f"the string {value[:40]!r}"
    if isinstance(value, (list, tuple)):
        return f"a list of {len(value)}"
    if isinstance(value, Mapping):
        return "a table"
    return type(value).__name__


def _type_words(kind: Any) -> str:
    """*kind* as a person writing TOML reads it."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        return " or ".join(
            _type_words(option) for option in typing.get_args(kind) if option is not type(None)
        )
    if origin is typing.Literal:
        return "one of " + ", ".join(repr(option) for option in typing.get_args(kind))
    if origin is tuple:
        items = typing.get_args(kind)
        if len(items) == 2 and items[1] is Ellipsis:
            return f"a list of {_plural(items[0])}"
        if len(items) == 2 and items[0] == items[1]:
            return f"a pair of {_plural(items[0])}"
        return f"a list of {len(items)}: " + ", ".join(_type_words(item) for item in items)
    return {bool: "true or false", int: "a whole number", float: "a number", str: "a string"}.get(
        kind, getattr(kind, "__name__", str(kind))
    )


def _plural(kind: Any) -> str:
    words = _type_words(kind)
    if typing.get_origin(kind) is tuple:
        return words.replace("a list of", "lists of", 1).replace("a pair of", "pairs of", 1)
    return {"a string": "strings", "a number": "numbers", "a whole number": "whole numbers"}.get(words, words)


def _toml(value: Any) -> str:
    """*value* written as in a TOML file."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    if isinstance(value, float):
        return f"{value:g}" if value != int(value) or abs(value) >= 1e16 else f"{value:.1f}"
    if value is None:
        return "(none)"
    return str(value)
