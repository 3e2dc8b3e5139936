"""Configuration from TOML files and mappings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from relpolicy import Config, ConfigError, Policy, Profile, find_config
from relpolicy._config import DEFAULT_ACCEPT_THRESHOLD, DEFAULT_DECLINE_THRESHOLD

TOML = """
accept_threshold = 2.0
decline_threshold = -1.0
ignore_failed_rules = true

[recipient]
name = "Pat Coach"
groups = ["NJ Job Seekers Network"]
pro_bono_groups = ["NJ Job Seekers Network"]

[rules.mutual-connections]
weight = 1.5
many = 80

[rules.hard-sell]
enabled = false
"""


def test_a_relpolicy_toml_is_read(tmp_path: Path) -> None:
    path = tmp_path / "relpolicy.toml"
    path.write_text(TOML, encoding="utf-8")
    config = Config.from_file(path)
    assert (config.accept_threshold, config.decline_threshold, config.ignore_failed_rules) == (
        2.0,
        -1.0,
        True,
    )
    assert config.recipient == Profile(
        name="Pat Coach", groups=("NJ Job Seekers Network",), pro_bono_groups=("NJ Job Seekers Network",)
    )
    assert config.weight("mutual-connections") == 1.5
    assert config.rule("mutual-connections").settings == {"many": 80}
    assert not config.rule("hard-sell").enabled
    assert config.rule("never-mentioned").enabled


def test_the_tool_table_of_a_pyproject_is_read(tmp_path: Path) -> None:
    body = "\n".join(
        line.replace("[rules", "[tool.relpolicy.rules").replace("[recipient", "[tool.relpolicy.recipient")
        for line in TOML.splitlines()
    )
    top, _, rest = body.partition("[tool.relpolicy.recipient]")
    (tmp_path / "pyproject.toml").write_text(
        "[project]\nname='x'\n[tool.relpolicy]\n" + top + "[tool.relpolicy.recipient]" + rest,
        encoding="utf-8",
    )
    found = find_config(tmp_path)
    assert found == tmp_path / "pyproject.toml"
    assert Config.from_file(found).accept_threshold == 2.0


def test_find_config_prefers_relpolicy_toml(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.relpolicy]\n", encoding="utf-8")
    (tmp_path / "relpolicy.toml").write_text("", encoding="utf-8")
    assert find_config(tmp_path) == tmp_path / "relpolicy.toml"


def test_find_config_ignores_a_pyproject_without_the_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    assert find_config(tmp_path) is None


def test_defaults() -> None:
    config = Config.from_mapping({})
    assert (config.accept_threshold, config.decline_threshold) == (
        DEFAULT_ACCEPT_THRESHOLD,
        DEFAULT_DECLINE_THRESHOLD,
    )
    assert config == Config()


@pytest.mark.parametrize(
    ("data", "match"),
    [
        ({"accept_treshold": 1}, "accept_treshold: unknown key; did you mean 'accept_threshold'"),
        ({"accept_threshold": float("nan")}, "accept_threshold: expected a finite number"),
        ({"decline_threshold": float("-inf")}, "decline_threshold: expected a finite number"),
        ({"accept_threshold": "high"}, "accept_threshold: expected a number, got str"),
        ({"accept_threshold": 0, "decline_threshold": 1}, "must be lower than accept_threshold"),
        ({"strict": "yes"}, "strict: expected true or false"),
        ({"rules": []}, "rules: expected a table"),
        ({"rules": {"x": 3}}, r"rules\.x: expected a table"),
        ({"rules": {"x": {"weight": float("inf")}}}, r"rules\.x\.weight: expected a finite number"),
        ({"rules": {"x": {"weight": -1}}}, r"rules\.x\.weight: expected 0 or more"),
        ({"rules": {"x": {"enabled": 1}}}, r"rules\.x\.enabled: expected true or false"),
        (
            {"rules": {"x": {"limits": [1.0, float("nan")]}}},
            r"rules\.x\.limits\[1\]: expected a finite number",
        ),
        ({"recipient": {"groups": 3}}, "recipient.groups: expected a list of strings"),
    ],
)
def test_bad_configuration_names_the_key(data: dict[str, Any], match: str) -> None:
    with pytest.raises(ConfigError, match=match):
        Config.from_mapping(data)


def test_a_file_error_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "relpolicy.toml"
    path.write_text("accept_threshold = [", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"relpolicy\.toml: not valid TOML"):
        Config.from_file(path)
    with pytest.raises(ConfigError, match="cannot read"):
        Config.from_file(tmp_path / "missing.toml")


def test_toml_infinity_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "relpolicy.toml"
    path.write_text("accept_threshold = inf\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"relpolicy\.toml: accept_threshold: expected a finite number"):
        Config.from_file(path)


def test_the_config_recipient_is_the_policy_default() -> None:
    policy = Policy(config={"recipient": {"name": "Pat Coach"}})
    assert policy.recipient == Profile(name="Pat Coach")
    assert Policy(
        recipient=Profile(name="Other"), config={"recipient": {"name": "Pat"}}
    ).recipient == Profile(name="Other")


def test_an_error_names_a_dotted_rule_as_toml_quotes_it(tmp_path: Path) -> None:
    path = tmp_path / "relpolicy.toml"
    path.write_text('[rules."relpolicy.combine"]\npitch_declines_at = "two"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        Policy.default(config=Config.from_file(path))
    assert 'rules."relpolicy.combine".pitch_declines_at' in str(raised.value)
    assert str(path) in str(raised.value)
