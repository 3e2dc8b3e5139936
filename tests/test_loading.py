"""Loading the installed rule plugins through the ``relpolicy`` entry-point group."""

from __future__ import annotations

import pytest

from relpolicy import Policy
from relpolicy._loading import installed_entry_points

STANDARD_RULES = {"note-present", "common-field", "mutual-connections", "hard-sell", "pro-bono-referral"}


def test_the_standard_rules_are_installed_under_their_contract_names() -> None:
    assert {ep.name for ep in installed_entry_points()} >= STANDARD_RULES


def test_the_default_policy_votes_with_every_standard_rule() -> None:
    assert set(Policy.default().rules) >= STANDARD_RULES


def test_disable_leaves_a_rule_out() -> None:
    policy = Policy.default(disable=["hard-sell"])
    assert "hard-sell" not in policy.rules
    info = {p.name: p for p in policy.plugins}
    assert not info["hard-sell"].enabled
    assert info["note-present"].enabled
    assert info["note-present"].distribution == "relpolicy"
    assert "relpolicy_vote" in info["note-present"].hooks


def test_disabled_in_the_config_is_disabled() -> None:
    policy = Policy.default(config={"rules": {"common-field": {"enabled": False}}})
    assert "common-field" not in policy.rules


def test_the_environment_selects_plugins(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RELPOLICY_LOAD_PLUGINS", "hard-sell, note-present")
    assert set(Policy.default().rules) == {"hard-sell", "note-present"}
    monkeypatch.setenv("RELPOLICY_LOAD_PLUGINS", "")
    assert Policy.default().rules == ()
    monkeypatch.delenv("RELPOLICY_LOAD_PLUGINS")
    monkeypatch.setenv("RELPOLICY_DISABLE_PLUGINS", "hard-sell")
    assert "hard-sell" not in Policy.default().rules


def test_extra_plugin_objects_join_the_default_policy() -> None:
    from . import rule_module

    assert "module-rule" in Policy.default(plugins=[rule_module]).rules
