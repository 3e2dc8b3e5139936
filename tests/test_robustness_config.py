"""Configuration is data from TOML or a mapping, never code; whatever it holds, reading it
gives a `Config` or a `ConfigError` that names the key, and nothing else."""

from __future__ import annotations

import contextlib
import math
import re
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relpolicy import Config, ConfigError, Policy, find_config, hookimpl, setting
from relpolicy.strategies import json_values

_KEYS = ["accept_threshold", "decline_threshold", "ignore_failed_rules", "strict", "rules", "recipient"]


def _tables(values: st.SearchStrategy[Any]) -> st.SearchStrategy[dict[str, Any]]:
    keys = st.sampled_from(_KEYS) | st.text(max_size=12)
    return st.dictionaries(keys, values, max_size=4)


_rule_tables = st.dictionaries(
    st.sampled_from(["weight", "enabled", "limit", "phrases"]) | st.text(max_size=8),
    json_values(),
    max_size=3,
)
_configs = _tables(json_values() | st.dictionaries(st.sampled_from(["fussy", "x"]), _rule_tables, max_size=2))


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(_configs)
def test_any_mapping_is_read_or_refused_with_config_error(data: dict[str, Any]) -> None:
    try:
        config = Config.from_mapping(data)
    except ConfigError as exc:
        refusal = str(exc)
    else:
        refusal = ""
    if refusal:
        assert refusal.startswith("config: ")
        return
    assert set(data) <= set(_KEYS)
    assert math.isfinite(config.accept_threshold)
    assert math.isfinite(config.decline_threshold)
    assert all(math.isfinite(rule.weight) for rule in config.rules.values())


@attrs.frozen
class Limit:
    limit: int = setting(3, help="A whole number of 0 or more.", ge=0)


class Fussy:
    """A rule that checks its settings the way the hook specification asks."""

    relpolicy_name = "fussy"

    @hookimpl
    def relpolicy_settings(self) -> type[Limit]:
        return Limit

    @hookimpl
    def relpolicy_vote(self) -> None:
        return None


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(_configs)
def test_any_mapping_builds_a_policy_or_is_refused_with_config_error(data: dict[str, Any]) -> None:
    with contextlib.suppress(ConfigError):
        assert Policy([Fussy()], config=data).rules == ("fussy",)


@given(st.binary(max_size=200) | st.text(max_size=200).map(str.encode))
def test_any_file_is_read_or_refused_naming_the_file(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    folder = tmp_path_factory.mktemp("config")
    path = folder / "relpolicy.toml"
    path.write_bytes(data)
    try:
        Config.from_file(path)
    except ConfigError as exc:
        assert str(exc).startswith(str(path))  # noqa: PT017 (a property: either outcome is fine)


@pytest.mark.parametrize(
    ("toml", "key"),
    [
        ("accept_threshold = nan", "accept_threshold"),
        ("decline_threshold = -inf", "decline_threshold"),
        ("[rules.fussy]\nweight = +inf", r"rules\.fussy\.weight"),
        ("[rules.fussy]\nlimits = [1.0, 2.0, nan]", r"rules\.fussy\.limits\[2\]"),
        ("[rules.fussy]\nbands = {low = 0.5, high = inf}", r"rules\.fussy\.bands\.high"),
        ("[rules.fussy.nested]\ndeeper = {value = -nan}", r"rules\.fussy\.nested\.deeper\.value"),
        ("[[rules.fussy.steps]]\nat = nan", r"rules\.fussy\.steps\[0\]\.at"),
    ],
)
def test_non_finite_numbers_anywhere_in_a_file_are_refused_naming_the_key(
    tmp_path: Path, toml: str, key: str
) -> None:
    path = tmp_path / "relpolicy.toml"
    path.write_text(toml + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"relpolicy\.toml: {key}: expected a finite number"):
        Config.from_file(path)


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('plugins = ["os:system"]', "plugins: unknown key"),
        ('combiner = "mypackage:combine"', "combiner: unknown key"),
        ("[rules]\nfussy = 'mypackage:Fussy'", r"rules\.fussy: expected a table, got str"),
    ],
)
def test_a_file_cannot_name_code_to_run(tmp_path: Path, toml: str, message: str) -> None:
    path = tmp_path / "relpolicy.toml"
    path.write_text(toml + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        Policy([Fussy()], config=Config.from_file(path))


def test_a_file_nested_too_deeply_is_refused(tmp_path: Path) -> None:
    depth = sys.getrecursionlimit()
    path = tmp_path / "relpolicy.toml"
    path.write_text(f"[rules.fussy]\nlimits = {'[' * depth}{']' * depth}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"relpolicy\.toml: "):
        Config.from_file(path)
    path.rename(tmp_path / "pyproject.toml")
    assert find_config(tmp_path) is None


def test_settings_nested_too_deeply_are_refused_naming_the_key() -> None:
    value: Any = 1.0
    for _ in range(sys.getrecursionlimit()):
        value = {"deeper": value}
    with pytest.raises(ConfigError, match=r"rules\.fussy\.limits: nested more than \d+ levels deep"):
        Config.from_mapping({"rules": {"fussy": {"limits": value}}})


@pytest.mark.parametrize("tool", ["tool = 3", 'tool = "relpolicy"', "tool = [1, 2]", "[tool]\nrelpolicy = 4"])
def test_a_pyproject_whose_tool_is_not_a_table_is_refused_or_passed_over(tmp_path: Path, tool: str) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text(f"{tool}\n", encoding="utf-8")
    # Found only when it has a [tool.relpolicy] (of whatever type): then reading it says what is wrong.
    assert find_config(tmp_path) == (path if tool.startswith("[tool]") else None)
    where = "tool.relpolicy" if tool.startswith("[tool]") else "tool"
    with pytest.raises(ConfigError, match=rf"pyproject\.toml: {re.escape(where)}: expected a table, got \w+"):
        Config.from_file(path)
