"""The example third-party plugin (examples/relpolicy-example-plugin), installed as a distribution.

The test sessions install it (``nox -s tests``); locally run
``pip install -e examples/relpolicy-example-plugin`` first.
"""

from __future__ import annotations

from importlib import metadata

import pytest

from relpolicy import Policy, Request

DISTRIBUTION = "relpolicy-sender-connections"
RULE = "sender-connections"
THIN = Request.from_dict({"id": "thin", "sender": {"name": "Sam Rivera", "connections": 2}})


@pytest.fixture(autouse=True)
def installed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail (not skip) when the example is missing, and keep the plugin switches unset."""
    try:
        metadata.distribution(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        pytest.fail(f"{DISTRIBUTION} is not installed: pip install ./examples/relpolicy-example-plugin")
    for name in ("RELPOLICY_LOAD_PLUGINS", "RELPOLICY_DISABLE_PLUGINS", "RELPOLICY_TRACE_PLUGINS"):
        monkeypatch.delenv(name, raising=False)


def rules_that_voted(policy: Policy, request: Request = THIN) -> list[str]:
    return [vote.rule for vote in policy.decide(request).votes]


def test_the_distribution_registers_its_entry_point() -> None:
    entry_points = metadata.distribution(DISTRIBUTION).entry_points.select(group="relpolicy")
    assert [ep.name for ep in entry_points] == [RULE]


def test_the_default_policy_loads_it_and_names_its_distribution() -> None:
    policy = Policy.default()
    assert RULE in policy.rules
    [info] = [info for info in policy.plugins if info.name == RULE]
    assert (info.distribution, info.enabled, info.error) == (DISTRIBUTION, True, None)
    assert info.version == metadata.version(DISTRIBUTION)
    assert "relpolicy_vote" in info.hooks


def test_its_vote_takes_part_in_default_decisions() -> None:
    decision = Policy.default().decide(THIN)
    [vote] = [vote for vote in decision.votes if vote.rule == RULE]
    assert vote.score < 0
    assert decision.errors == ()
    without = Policy.default(disable=[RULE]).decide(THIN)
    assert decision.score == pytest.approx(without.score + vote.score)


def test_its_settings_come_from_the_configuration() -> None:
    assert RULE not in rules_that_voted(Policy.default(config={"rules": {RULE: {"few": 2}}}))
    assert RULE in rules_that_voted(Policy.default(config={"rules": {RULE: {"few": 3}}}))


def test_it_abstains_on_requests_without_the_extra_key() -> None:
    plain = Request.from_dict({"sender": {"name": "Sam Rivera"}})
    assert RULE not in rules_that_voted(Policy.default(), plain)


def test_disable_argument_leaves_it_out() -> None:
    policy = Policy.default(disable=[RULE])
    assert RULE not in policy.rules
    assert RULE not in rules_that_voted(policy)
    [info] = [info for info in policy.plugins if info.name == RULE]
    assert not info.enabled


def test_configuration_can_disable_it() -> None:
    policy = Policy.default(config={"rules": {RULE: {"enabled": False}}})
    assert RULE not in rules_that_voted(policy)


def test_environment_can_disable_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RELPOLICY_DISABLE_PLUGINS", f"hard-sell, {RULE}")
    assert RULE not in rules_that_voted(Policy.default())


def test_environment_can_select_only_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RELPOLICY_LOAD_PLUGINS", RULE)
    assert Policy.default().rules == (RULE,)
