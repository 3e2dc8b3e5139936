"""Configuration: thresholds, rule weights and settings, and the recipient's profile.

Configuration is data, never code: a TOML file (``relpolicy.toml``, or the
``[tool.relpolicy]`` table of a ``pyproject.toml``) or the same structure as a mapping.
"""

from __future__ import annotations

import math
import os
import re
import sys
import types
from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from . import _fitted
from ._checks import not_too_deep
from ._errors import ConfigError, InvalidRequest, Problem
from ._frozen import EMPTY, FrozenDict, freeze
from ._hints import close_matches
from ._model import Profile

if TYPE_CHECKING:  # (pathlib is imported where files are read: not at every start-up)
    import pathlib

#: The total score at or above which a request is accepted, by default (fitted).
DEFAULT_ACCEPT_THRESHOLD = _fitted.DEFAULTS.get("accept_threshold", 1.0)
#: The total score at or below which a request is declined, by default (fitted).
DEFAULT_DECLINE_THRESHOLD = _fitted.DEFAULTS.get("decline_threshold", -0.25)

#: Keys of a ``[rules.NAME]`` table that belong to relpolicy, not to the rule.
RESERVED_RULE_KEYS = frozenset({"enabled", "weight", "timeout"})
_TOP_KEYS = frozenset(
    {"accept_threshold", "decline_threshold", "ignore_failed_rules", "strict", "rules", "recipient"}
)


@attrs.frozen
class RuleConfig:
    """How one rule takes part in a policy."""

    #: Whether the rule runs at all; a disabled plugin is never imported.
    enabled: bool = True
    #: What its vote's score is multiplied by before the votes are added up.
    weight: float = 1.0
    #: The most seconds one call of the rule may take (``None``: no limit). A call that
    #: takes longer is stopped and recorded as the rule's failure (error ``RuleTimeout``),
    #: where relpolicy can interrupt it: the main thread of a process on a system with
    #: ``SIGALRM``, as in the worker processes of ``decide_many``.
    timeout: float | None = None
    #: The rule's own settings: every key of its table other than ``enabled``, ``weight``
    #: and ``timeout``.
    settings: FrozenDict = EMPTY


@attrs.frozen
class Config:
    """A validated configuration. Build one with `from_mapping` or `from_file`."""

    #: A total score at or above this accepts.
    accept_threshold: float = DEFAULT_ACCEPT_THRESHOLD
    #: A total score at or below this declines; between the two is `Verdict.REVIEW`.
    decline_threshold: float = DEFAULT_DECLINE_THRESHOLD
    #: When true, a rule that fails does not stop a request from being accepted.
    ignore_failed_rules: bool = False
    #: When true, a rule that fails raises instead of being recorded (for plugin tests).
    strict: bool = False
    #: Per-rule configuration, by plugin name.
    rules: Mapping[str, RuleConfig] = attrs.field(factory=dict)
    #: The person deciding, when requests do not name one.
    recipient: Profile | None = None
    #: Where the configuration came from, for messages.
    source: str = attrs.field(default="config", eq=False)

    def rule(self, name: str) -> RuleConfig:
        """The configuration of rule *name* (the defaults when it has none)."""
        return self.rules.get(name, _DEFAULT_RULE)

    def weight(self, name: str) -> float:
        """The weight of rule *name*."""
        return self.rule(name).weight

    def check_rule_names(self, known: Collection[str]) -> None:
        """Raise `ConfigError` for a rule name that is not in *known*, with a did-you-mean."""
        for name in self.rules:
            if name not in known:
                close = close_matches(name, list(known), n=1)
                hint = (
                    f"; did you mean {close[0]!r}?" if close else f"; known rules: {', '.join(sorted(known))}"
                )
                raise ConfigError(f"{self.source}: {rule_path(name)}: no rule of that name{hint}")

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], *, source: str = "config") -> Config:
        """Validate *data* (the structure of a ``relpolicy.toml``) into a `Config`.

        Raises:
            ConfigError: naming the key that is wrong.
        """
        if not isinstance(data, Mapping):
            raise ConfigError(f"{source}: expected a table, got {type(data).__name__}")
        _no_unknown_keys(data, _TOP_KEYS, source, "")
        accept = _number(data, "accept_threshold", DEFAULT_ACCEPT_THRESHOLD, source, "")
        decline = _number(data, "decline_threshold", DEFAULT_DECLINE_THRESHOLD, source, "")
        if decline >= accept:
            raise ConfigError(
                f"{source}: decline_threshold ({decline}) must be lower than accept_threshold ({accept})"
            )
        rules_table = data.get("rules", {})
        if not isinstance(rules_table, Mapping):
            raise ConfigError(f"{source}: rules: expected a table, got {type(rules_table).__name__}")
        rules = {
            str(name): _rule_config(table, source, rule_path(str(name)))
            for name, table in rules_table.items()
        }
        recipient = None
        if data.get("recipient") is not None:
            try:
                recipient = Profile.from_dict(data["recipient"], path="recipient")
            except InvalidRequest as exc:
                raise ConfigError(f"{source}: {exc}") from None
        return cls(
            accept_threshold=accept,
            decline_threshold=decline,
            ignore_failed_rules=_flag(data, "ignore_failed_rules", source, ""),
            strict=_flag(data, "strict", source, ""),
            rules=rules,
            recipient=recipient,
            source=source,
        )

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> Config:
        """Read a ``relpolicy.toml``, or the ``[tool.relpolicy]`` table of a ``pyproject.toml``."""
        from pathlib import Path

        path = Path(path)
        tomllib = _toml()
        try:
            with path.open("rb") as f:
                data = tomllib.load(f)
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}") from None
        except RecursionError:
            raise ConfigError(f"{path}: not valid TOML: nested too deeply to read") from None
        if path.name == "pyproject.toml":
            tool = data.get("tool", {})
            if not isinstance(tool, dict):
                raise ConfigError(f"{path}: tool: expected a table, got {type(tool).__name__}")
            data = tool.get("relpolicy", {})
            if not isinstance(data, dict):
                raise ConfigError(f"{path}: tool.relpolicy: expected a table, got {type(data).__name__}")
        return cls.from_mapping(data, source=str(path))


_DEFAULT_RULE = RuleConfig()


def rule_path(name: str) -> str:
    """Where a rule's table is in a configuration file: ``rules.hard-sell``, and
    ``rules."relpolicy.combine"`` for a name that TOML must quote."""
    return f"rules.{name}" if _BARE_KEY.fullmatch(name) else f'rules."{name}"'


_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


def find_config(folder: str | os.PathLike[str] = ".") -> pathlib.Path | None:
    """The configuration file in *folder*: ``relpolicy.toml``, else a ``pyproject.toml``
    with a ``[tool.relpolicy]`` table, else ``None``."""
    from pathlib import Path

    folder = Path(folder)
    own = folder / "relpolicy.toml"
    if own.is_file():
        return own
    pyproject = folder / "pyproject.toml"
    if pyproject.is_file():
        tomllib = _toml()
        try:
            with pyproject.open("rb") as f:
                tool = tomllib.load(f).get("tool")
            if isinstance(tool, dict) and "relpolicy" in tool:  # (`tool` may be any TOML value)
                return pyproject
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError):
            return None
    return None


def _toml() -> types.ModuleType:
    """The TOML reader, imported when a file is read (a policy built in code needs none)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    return tomllib


def coerce_config(config: Config | Mapping[str, Any] | None) -> Config:
    """Accept a `Config`, a mapping of the same structure, or ``None`` for the defaults."""
    if config is None:
        return Config()
    if isinstance(config, Config):
        return config
    return Config.from_mapping(config)


def _no_unknown_keys(data: Mapping[str, Any], allowed: Collection[str], source: str, where: str) -> None:
    for key in data:
        if key not in allowed:
            close = close_matches(str(key), list(allowed), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise ConfigError(f"{source}: {where}{key}: unknown key{hint}")


def _number(data: Mapping[str, Any], key: str, default: float, source: str, where: str) -> float:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ConfigError(f"{source}: {where}{key}: expected a number, got {type(value).__name__}")
    if not math.isfinite(value):
        raise ConfigError(f"{source}: {where}{key}: expected a finite number, got {value}")
    return float(value)


def _flag(data: Mapping[str, Any], key: str, source: str, where: str) -> bool:
    value = data.get(key, False)
    if not isinstance(value, bool):
        raise ConfigError(f"{source}: {where}{key}: expected true or false, got {type(value).__name__}")
    return value


def _rule_config(table: object, source: str, where: str) -> RuleConfig:
    if not isinstance(table, Mapping):
        raise ConfigError(f"{source}: {where}: expected a table, got {type(table).__name__}")
    weight = _number(table, "weight", 1.0, source, f"{where}.")
    if weight < 0:
        raise ConfigError(f"{source}: {where}.weight: expected 0 or more, got {weight}")
    timeout = None
    if table.get("timeout") is not None:
        timeout = _number(table, "timeout", 0.0, source, f"{where}.")
        if not 0 < timeout <= 86_400:
            raise ConfigError(f"{source}: {where}.timeout: expected seconds, more than 0, got {timeout}")
    settings = {k: v for k, v in table.items() if k not in RESERVED_RULE_KEYS}
    too_deep: list[Problem] = []
    not_too_deep(settings, where, too_deep)
    if too_deep:
        raise ConfigError(f"{source}: {too_deep[0]}")
    _no_non_finite(settings, source, where)
    return RuleConfig(
        enabled=_flag_default(table, "enabled", source, f"{where}."),
        weight=weight,
        timeout=timeout,
        settings=freeze(settings),
    )


def _flag_default(table: Mapping[str, Any], key: str, source: str, where: str) -> bool:
    if key not in table:
        return True
    return _flag(table, key, source, where)


def _no_non_finite(value: Any, source: str, where: str) -> None:
    if isinstance(value, float) and not math.isfinite(value):
        raise ConfigError(f"{source}: {where}: expected a finite number, got {value}")
    if isinstance(value, Mapping):
        for key, item in value.items():
            _no_non_finite(item, source, f"{where}.{key}")
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            _no_non_finite(item, source, f"{where}[{index}]")
